/**
 * End to end on tickets: the `cx-metrics report` command (the built dist/cli.js, `--engine js`, the
 * default for ticket metrics from CSV) over 1M tickets (CSV written by bench/sql/tickets-file.mjs:
 * id, channel, createdAt, firstResponseAt; one in ten unanswered), by channel and month in
 * Europe/Berlin with business hours Mon-Fri 09:00-17:00, as whole processes in the same run:
 * - first response time (the baseline);
 * - SLA, first response within 240 business minutes (`--target`), open tickets judged at the end
 *   of 2025 (`--as-of`). Issue #17: an SLA report should cost about what a first-response report
 *   costs (both read the same instants and take the same business minutes per ticket).
 * Wall time and peak memory (GNU time's maximum resident set) per process, median (min-max) of the
 * rounds after one to warm the file cache, ratio of medians.
 * Run: tsx bench/cli/tickets.bench.ts [rounds]   (npm run bench runs it; it builds dist/ first if missing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const rounds = Number(process.argv[2] ?? 5);
const dir = join(tmpdir(), "cx-metrics-bench");
mkdirSync(dir, { recursive: true });
if (!existsSync("dist/cli.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
const tickets = join(dir, "tickets-1000000.csv");
if (!existsSync(tickets)) spawnSync("node", ["bench/sql/tickets-file.mjs", "1000000", tickets], { stdio: "inherit" });

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
/** Runs the command to completion; wall seconds and peak resident megabytes (GNU time). */
function run(args: readonly string[]): { seconds: number; megabytes: number } {
  const full = timeBinary === null ? ["node", ...args] : [timeBinary, "-f", "%e %M", "node", ...args];
  const result = spawnSync(full[0]!, full.slice(1), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const last = timeBinary === null ? ["NaN", "NaN"] : result.stderr.trim().split("\n").pop()!.split(" ");
  return { seconds: Number(last[0]), megabytes: Number(last[1]) / 1024 };
}
const stats = (values: number[]): { min: number; median: number; max: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};
const show = (s: { min: number; median: number; max: number }): string =>
  `${s.median.toFixed(2)} s (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;

const common = [
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--hours",
  "Mon-Fri 09:00-17:00",
  "--engine",
  "js",
  "--format",
  "json",
  "--quiet",
];
const jobs: [name: string, args: string[]][] = [
  ["report -m first-response", ["--metric", "first-response"]],
  [
    "report -m sla --target --as-of",
    ["--metric", "sla", "--target", "first-response=240:business", "--as-of", "2026-01-01T00:00:00Z"],
  ],
];
const output = (name: string): string => join(dir, `tickets-${name.split(" ")[2]}.json`);
const command = (name: string, args: readonly string[]): string[] => [
  "dist/cli.js",
  "report",
  tickets,
  ...args,
  ...common,
  "--output",
  output(name),
];

console.log(
  `end to end: ${tickets} (${(statSync(tickets).size / 1e6).toFixed(0)} MB, 1,000,000 tickets) by channel and month (Europe/Berlin, business hours Mon-Fri 09:00-17:00), --engine js, median (min-max) of ${rounds} rounds`,
);
if (timeBinary === null) console.log("(no /usr/bin/time: install Debian's time package for timings and memory)");
const runs = new Map<string, { seconds: number; megabytes: number }[]>(jobs.map(([name]) => [name, []]));
for (const [name, args] of jobs) run(command(name, args)); // warm the file cache
for (let round = 0; round < rounds; round++)
  for (const [name, args] of jobs) runs.get(name)!.push(run(command(name, args)));

const baseline = stats(runs.get(jobs[0]![0])!.map((r) => r.seconds));
for (const [name] of jobs) {
  const time = stats(runs.get(name)!.map((r) => r.seconds));
  const memory = stats(runs.get(name)!.map((r) => r.megabytes));
  const report = JSON.parse(readFileSync(output(name), "utf8")) as { rows: unknown[]; input: { used: number } };
  const ratio = name === jobs[0]![0] ? "" : `   / first-response = ${(time.median / baseline.median).toFixed(2)}x`;
  console.log(
    `  ${name.padEnd(32)} ${show(time)}   peak ${memory.median.toFixed(0)} MB   ${report.rows.length} rows from ${report.input.used} tickets${ratio}`,
  );
}
