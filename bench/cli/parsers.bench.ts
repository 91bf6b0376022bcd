/**
 * The CSV parsers the command line could have used, each reading the same file as a stream and
 * counting records and summing one column, so the parse alone is compared. Prints min / median /
 * max seconds per parser over the rounds, and whether it can tell the line a record starts on.
 * Run: tsx bench/cli/parsers.bench.ts [FILE] [rounds]   (default: the 1M-row survey file of report.bench.ts)
 */
import { createReadStream, readFileSync } from "node:fs";
import { parse as csvParse } from "csv-parse";
import { csvParseRows } from "d3-dsv";
import Papa from "papaparse";
import { inferSchema, initParser } from "udsv";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CsvScanner } from "../../src/cli/read/csv.js";
import { writeSurveyCsv } from "./survey-file.js";

const file = process.argv[2] ?? join(tmpdir(), "cx-metrics-bench", "survey-1000000.csv");
const rounds = Number(process.argv[3] ?? 5);
if (!existsSync(file)) {
  mkdirSync(join(tmpdir(), "cx-metrics-bench"), { recursive: true });
  await writeSurveyCsv(file, 1_000_000);
}
console.log(`CSV parsers, streaming ${file} (1,000,000 rows), counting rows and summing the score column:`);

type Run = () => Promise<number>;

const ours: Run = async () => {
  const scanner = new CsvScanner(",");
  let sum = 0;
  let lastLine = 0;
  const take = (record: { fields: string[]; line: number }): void => {
    sum += Number(record.fields[3]) || 0;
    lastLine = record.line;
  };
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 }))
    scanner.push(chunk as string, take);
  scanner.end(take);
  return sum + lastLine * 0;
};

const csvParseWithLines: Run = async () => {
  let sum = 0;
  const parser = createReadStream(file).pipe(csvParse({ info: true, relax_column_count: true }));
  for await (const { record } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
    sum += Number(record[3]) || 0;
  return sum;
};

const papaStep: Run = () =>
  new Promise((resolve) => {
    let sum = 0;
    Papa.parse(createReadStream(file, { encoding: "utf8" }) as unknown as File, {
      step: (row: Papa.ParseStepResult<string[]>) => {
        sum += Number(row.data[3]) || 0;
      },
      complete: () => resolve(sum),
    });
  });

const udsvStream: Run = async () => {
  let parser: ReturnType<typeof initParser> | null = null;
  let sum = 0;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 })) {
    if (parser === null) parser = initParser(inferSchema(chunk as string));
    // The third argument is called with each row (udsv's non-accumulating mode).
    parser.chunk<string[]>(chunk as string, parser.stringArrs, (row) => {
      sum += Number((row as unknown as string[])[3]) || 0;
    });
  }
  parser!.end();
  return sum;
};

const d3WholeFile: Run = async () => {
  let sum = 0;
  for (const row of csvParseRows(readFileSync(file, "utf8"))) sum += Number(row[3]) || 0;
  return sum;
};

const cases: [string, string, Run][] = [
  ["cx-metrics CsvScanner (stream)", "yes", ours],
  ["csv-parse 7.0.3 (stream, info)", "yes", csvParseWithLines],
  ["papaparse 5.7.1 (stream, step)", "no", papaStep],
  ["udsv 0.7.3 (stream)", "no", udsvStream],
  ["d3-dsv 3.0.2 (whole file)", "no", d3WholeFile],
];
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
const sums = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [name, , run] of cases) {
    const start = performance.now();
    sums.set(name, await run());
    times.get(name)!.push((performance.now() - start) / 1000);
  }
}
for (const [name, lines] of cases) {
  const sorted = times.get(name)!.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (${sorted[0]!.toFixed(2)}-${sorted[sorted.length - 1]!.toFixed(2)})  record start line: ${lines}  check sum ${sums.get(name)}`,
  );
}
