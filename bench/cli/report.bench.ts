/**
 * End to end: a 1M-row survey CSV (date, channel, score, quoted comments with commas) to NPS per
 * channel per month (Europe/Berlin) with intervals, as whole processes measured in the same run:
 * the `cx-metrics report` command with the JS reader (the built dist/cli.js, `--engine js`; the
 * command through DuckDB is measured in bench/sql.bench.ts), the same job in DuckDB (embedded, SQL
 * counts + intervals in JS), and in pandas (read_csv + groupby; skipped with a message when
 * python3 has no pandas). Wall time and peak memory (GNU time's maximum resident set) per process,
 * min / median / max over the rounds, ratios of medians. Then the command alone on 10M rows, for
 * its memory.
 * Run: tsx bench/cli/report.bench.ts [rounds]   (npm run bench runs it; it builds dist/ first if missing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSurveyCsv } from "./survey-file.js";

const rounds = Number(process.argv[2] ?? 5);
const dir = join(tmpdir(), "cx-metrics-bench");
mkdirSync(dir, { recursive: true });

async function file(rows: number): Promise<string> {
  const path = join(dir, `survey-${rows}.csv`);
  if (!existsSync(path)) await writeSurveyCsv(path, rows);
  return path;
}

interface Run {
  readonly seconds: number;
  readonly megabytes: number;
}

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs a command to completion; wall seconds and peak resident megabytes (GNU time). */
function run(command: string, args: readonly string[]): Run {
  const full = timeBinary === null ? [command, ...args] : [timeBinary, "-f", "%e %M", command, ...args];
  const result = spawnSync(full[0]!, full.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  if (timeBinary === null) return { seconds: Number.NaN, megabytes: Number.NaN };
  const last = result.stderr.trim().split("\n").pop()!.split(" ");
  return { seconds: Number(last[0]), megabytes: Number(last[1]) / 1024 };
}

const stats = (values: number[]): { min: number; median: number; max: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};

if (!existsSync("dist/cli.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
// The first python3 with pandas: the one on PATH, else Debian's (python3-pandas).
const python = ["python3", "/usr/bin/python3"].find(
  (candidate) => spawnSync(candidate, ["-c", "import pandas"]).status === 0,
);
const hasPandas = python !== undefined;
const oneMillion = await file(1_000_000);
console.log(
  `end to end: ${oneMillion} (${(statSync(oneMillion).size / 1e6).toFixed(0)} MB, 1,000,000 rows) → NPS per channel per month (Europe/Berlin) with intervals`,
);
if (timeBinary === null) console.log("(no /usr/bin/time: install Debian's time package for timings and memory)");

const jobs: [string, string, string[]][] = [
  [
    "cx-metrics report --engine js",
    "node",
    [
      "dist/cli.js",
      "report",
      oneMillion,
      "--metric",
      "nps",
      "--by",
      "channel",
      "--every",
      "month",
      "--time-zone",
      "Europe/Berlin",
      "--engine",
      "js",
      "--format",
      "json",
      "--output",
      join(dir, "report.json"),
      "--quiet",
    ],
  ],
  ["DuckDB 1.5 (@duckdb/node-api)", "node", ["bench/cli/duckdb-job.mjs", oneMillion]],
];
if (hasPandas) jobs.push(["pandas (python3)", python!, ["bench/cli/pandas_job.py", oneMillion]]);
else console.log("pandas: skipped (python3 has no pandas; on Debian: apt-get install python3-pandas)");

const runs = new Map<string, Run[]>(jobs.map(([name]) => [name, []]));
for (const [, command, args] of jobs) run(command, args); // warm the file cache
for (let round = 0; round < rounds; round++)
  for (const [name, command, args] of jobs) runs.get(name)!.push(run(command, args));

const ours = stats(runs.get(jobs[0]![0])!.map((r) => r.seconds));
for (const [name] of jobs) {
  const time = stats(runs.get(name)!.map((r) => r.seconds));
  const memory = stats(runs.get(name)!.map((r) => r.megabytes));
  const ratio = name === jobs[0]![0] ? "" : `   cx-metrics / this = ${(ours.median / time.median).toFixed(2)}x`;
  console.log(
    `${name.padEnd(34)} ${time.median.toFixed(2)} s (${time.min.toFixed(2)}-${time.max.toFixed(2)})   peak ${memory.median.toFixed(0)} MB${ratio}`,
  );
}
const duck = stats(runs.get(jobs[1]![0])!.map((r) => r.seconds));
console.log(
  `target: cx-metrics within 2x of DuckDB: ${ours.median / duck.median <= 2 ? "met" : "MISSED"} (${(ours.median / duck.median).toFixed(2)}x)`,
);
if (hasPandas) {
  const pandas = stats(runs.get("pandas (python3)")!.map((r) => r.seconds));
  console.log(
    `target: cx-metrics at or below pandas: ${ours.median <= pandas.median ? "met" : "MISSED"} (${(ours.median / pandas.median).toFixed(2)}x)`,
  );
}
const ourMemory = stats(runs.get(jobs[0]![0])!.map((r) => r.megabytes));
console.log(
  `target: peak memory under 300 MB for 1M rows: ${ourMemory.max < 300 ? "met" : "MISSED"} (${ourMemory.max.toFixed(0)} MB at most)`,
);

const tenMillion = await file(10_000_000);
const big = run("node", [
  "dist/cli.js",
  "report",
  tenMillion,
  "--metric",
  "nps",
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--engine",
  "js",
  "--format",
  "json",
  "--output",
  join(dir, "report-10m.json"),
  "--quiet",
]);
console.log(
  `cx-metrics --engine js on 10,000,000 rows: ${big.seconds.toFixed(1)} s, peak ${big.megabytes.toFixed(0)} MB (1M rows: ${ourMemory.median.toFixed(0)} MB): memory ${big.megabytes < ourMemory.median * 1.5 ? "flat" : "GROWS"}`,
);
