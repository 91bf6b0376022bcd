/**
 * Runs each benchmark group in its own process and prints each case as a ratio against a baseline
 * measured in the same run (timings on a shared machine are noisy; ratios are what the targets are
 * about). Separate processes keep one group's libraries from skewing another's JIT: loading moment
 * in the same process moved the nps ratio from 1.0x to 1.6x (see bench/README.md).
 * Run: npm run bench   (not part of npm test)
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";

console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores`);
for (const group of [
  "nps",
  "parse",
  "time",
  "batch",
  "summarize",
  "cli/parsers",
  "cli/report",
  "cli/tickets",
  "sql",
  "events",
  "messy",
]) {
  console.log("");
  const run = spawnSync("node_modules/.bin/tsx", [`bench/${group}.bench.ts`], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
