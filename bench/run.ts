/**
 * Runs the benchmarks and prints each case as a ratio against a baseline measured in the same
 * run (timings on a shared machine are noisy; ratios are what the targets are about).
 * Run: npm run bench   (not part of npm test)
 */
import { cpus } from "node:os";
import { benchNps } from "./nps.bench.js";
import { benchParse } from "./parse.bench.js";

console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores\n`);
for (const line of benchNps()) console.log(line);
console.log("");
for (const line of benchParse()) console.log(line);
