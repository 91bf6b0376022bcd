/**
 * cx-metrics/sql in DuckDB (embedded), as whole processes in the same run:
 * - NPS by channel and month (Europe/Berlin) over the 1M-row survey CSV: the generated query +
 *   rowsFromCounts against a query written by hand for the same job;
 * - the same job through the command, `cx-metrics report --engine duckdb` on the CSV, against the same
 *   hand-written query;
 * - the same over 100M rows in Parquet (generated here once), with the generated query and through
 *   the command: time and peak memory;
 * - business minutes of 1M ticket pairs through the interval table (ASOF joins) beside the JS
 *   businessMinutes on the same pairs;
 * - first response time of 1M tickets (CSV) through the command with each engine: DuckDB hands the
 *   JS counter every row, which is why the JS reader is the default for ticket metrics on CSV.
 * Run: tsx bench/sql.bench.ts [rounds]   (npm run bench runs it; it builds dist/ first if missing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSurveyCsv } from "./cli/survey-file.js";

const rounds = Number(process.argv[2] ?? 5);
const dir = join(tmpdir(), "cx-metrics-bench");
mkdirSync(dir, { recursive: true });
if (!existsSync("dist/sql/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
const csv = join(dir, "survey-1000000.csv");
if (!existsSync(csv)) await writeSurveyCsv(csv, 1_000_000);
const parquet = join(dir, "survey-100000000.parquet");
if (!existsSync(parquet)) spawnSync("node", ["bench/sql/parquet-file.mjs", "100000000", parquet], { stdio: "inherit" });

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
function run(args: readonly string[]): { seconds: number; megabytes: number; stdout: string } {
  const full = timeBinary === null ? ["node", ...args] : [timeBinary, "-f", "%e %M", "node", ...args];
  const result = spawnSync(full[0]!, full.slice(1), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const last = timeBinary === null ? ["NaN", "NaN"] : result.stderr.trim().split("\n").pop()!.split(" ");
  return { seconds: Number(last[0]), megabytes: Number(last[1]) / 1024, stdout: result.stdout.trim() };
}
const stats = (values: number[]): { min: number; median: number; max: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};
const show = (s: { min: number; median: number; max: number }): string =>
  `${s.median.toFixed(2)} s (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;

console.log(
  `cx-metrics/sql in DuckDB: NPS by channel and month (Europe/Berlin) over ${csv} (1,000,000 rows), median (min-max) of ${rounds} rounds`,
);
const generated: number[] = [];
const command: number[] = [];
const hand: number[] = [];
const report = (file: string): string[] => [
  "dist/cli.js",
  "report",
  file,
  "--metric",
  "nps",
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--engine",
  "duckdb",
  "--format",
  "json",
  "--quiet",
];
run(["bench/sql/counts-job.mjs", csv, "generated"]);
for (let round = 0; round < rounds; round++) {
  generated.push(run(["bench/sql/counts-job.mjs", csv, "generated"]).seconds);
  command.push(run(report(csv)).seconds);
  hand.push(run(["bench/sql/counts-job.mjs", csv, "hand"]).seconds);
}
const ratio = stats(generated).median / stats(hand).median;
const commandRatio = stats(command).median / stats(hand).median;
console.log(
  `  countsSql + rowsFromCounts   ${show(stats(generated))} vs hand-written query ${show(stats(hand))} = ${ratio.toFixed(2)}x  (target ≤ 1.2x: ${ratio <= 1.2 ? "met" : "MISSED"})`,
);
console.log(
  `  report --engine duckdb       ${show(stats(command))} vs hand-written query ${show(stats(hand))} = ${commandRatio.toFixed(2)}x  (target ≤ 1.2x: ${commandRatio <= 1.2 ? "met" : "MISSED"})`,
);

const size = `${(statSync(parquet).size / 1e9).toFixed(2)} GB`;
const big = run(["bench/sql/counts-job.mjs", parquet, "generated"]);
console.log(
  `  100,000,000 rows in Parquet (${size}), countsSql: ${big.seconds.toFixed(1)} s, peak ${big.megabytes.toFixed(0)} MB (target under 2 GB: ${big.megabytes < 2048 ? "met" : "MISSED"}), ${big.stdout} report rows`,
);
const bigReport = run(report(parquet));
const bigRows = (JSON.parse(bigReport.stdout) as { rows: unknown[]; input: { read: number } }).rows.length;
console.log(
  `  100,000,000 rows in Parquet (${size}), cx-metrics report: ${bigReport.seconds.toFixed(1)} s, peak ${bigReport.megabytes.toFixed(0)} MB (target under 2 GB: ${bigReport.megabytes < 2048 ? "met" : "MISSED"}), ${bigRows} report rows`,
);

console.log(
  "business minutes of 1,000,000 (created, first reply) pairs over 2025, Europe/Berlin, 9 holidays (computation only, median (min-max) of 3 rounds)",
);
const js: number[] = [];
const duck: number[] = [];
let sums = new Set<string>();
for (let round = 0; round < 3; round++) {
  const a = run(["bench/sql/business-minutes-job.mjs", "js"]).stdout.split(" ");
  const b = run(["bench/sql/business-minutes-job.mjs", "duckdb"]).stdout.split(" ");
  js.push(Number(a[1]));
  duck.push(Number(b[1]));
  sums = new Set([...sums, a[0]!, b[0]!]);
}
console.log(
  `  JS businessMinutes ${show(stats(js))}, DuckDB interval table (ASOF joins) ${show(stats(duck))}; the same total minutes: ${sums.size === 1 ? "yes" : "NO"}`,
);

const tickets = join(dir, "tickets-1000000.csv");
if (!existsSync(tickets)) spawnSync("node", ["bench/sql/tickets-file.mjs", "1000000", tickets], { stdio: "inherit" });
console.log(
  `first response time by channel and month (Europe/Berlin, business hours Mon-Fri 09:00-17:00) over ${tickets} (1,000,000 tickets), median (min-max) of 3 rounds`,
);
const ticketReport = (engine: string): string[] => [
  "dist/cli.js",
  "report",
  tickets,
  "--metric",
  "first-response",
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--hours",
  "Mon-Fri 09:00-17:00",
  "--engine",
  engine,
  "--format",
  "json",
  "--quiet",
];
const byEngine = { js: [] as number[], duckdb: [] as number[] };
const outputs = new Set<string>();
for (let round = 0; round < 3; round++) {
  for (const engine of ["js", "duckdb"] as const) {
    const result = run(ticketReport(engine));
    byEngine[engine].push(result.seconds);
    outputs.add(result.stdout.replace(/"engine": "[a-z]+"/, ""));
  }
}
console.log(
  `  report --engine duckdb ${show(stats(byEngine.duckdb))} vs --engine js ${show(stats(byEngine.js))} = ${(stats(byEngine.duckdb).median / stats(byEngine.js).median).toFixed(2)}x; the same report: ${outputs.size === 1 ? "yes" : "NO"}`,
);
