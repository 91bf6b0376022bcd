/**
 * Writes one of the benchmark's messy exports (bench/messy/files.ts).
 * Run: tsx bench/messy/write-file.ts survey|tickets ROWS PATH
 */
import { writeMessySurveyCsv, writeMessyTicketsCsv } from "./files.js";

const [kind, rows, path] = process.argv.slice(2);
if (path === undefined || (kind !== "survey" && kind !== "tickets"))
  throw new Error("usage: tsx bench/messy/write-file.ts survey|tickets ROWS PATH");
await (kind === "survey" ? writeMessySurveyCsv : writeMessyTicketsCsv)(path, Number(rows));
