/**
 * Real files (issue #20): the command on exports shaped like users' files (bench/messy/files.ts: timestamps with
 * mixed offsets, about 1 % bad rows, a question as the score's header; tickets with a business calendar), against a
 * hand-written DuckDB query (@duckdb/node-api) and a hand-written pandas job (/usr/bin/python3, Debian's pandas) for
 * the same figures (test/dist/messy-bench.test.ts checks that all of them agree on small files of the same shape).
 * Whole processes in interleaved rounds after one round to warm the file cache: wall time and peak memory (GNU time's
 * maximum resident set) per process, each case printed as its median (min-max) against the hand-written DuckDB
 * query's, the ratio of medians, and the min-max of the per-round ratios. Then 10M survey rows against 1M.
 * Run: tsx bench/messy.bench.ts [rounds]   (npm run bench runs it; it builds dist/ first if missing)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ratioRow, type Timing } from "./lib.js";
import {
  FILES_VERSION,
  NPS_HEADER,
  SUBMITTED_HEADER,
  writeMessySurveyCsv,
  writeMessyTicketsCsv,
} from "./messy/files.js";

const rounds = Number(process.argv[2] ?? 5);
const dir = join(tmpdir(), "cx-metrics-bench");
mkdirSync(dir, { recursive: true });
if (!existsSync("dist/cli.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
const PYTHON = "/usr/bin/python3";
const hasPandas = spawnSync(PYTHON, ["-c", "import pandas"]).status === 0;
const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

async function file(kind: "survey" | "tickets", rows: number): Promise<string> {
  const path = join(dir, `messy-${kind}-${rows}-v${FILES_VERSION}.csv`);
  if (!existsSync(path)) await (kind === "survey" ? writeMessySurveyCsv : writeMessyTicketsCsv)(path, rows);
  return path;
}

interface Run {
  readonly seconds: number;
  /** CPU seconds (user + system) of the process: steadier than wall time on a loaded machine. */
  readonly cpu: number;
  readonly megabytes: number;
}

/** Runs a command to completion; wall seconds, CPU seconds and peak resident megabytes (GNU time). */
function run(command: readonly string[]): Run {
  const full = timeBinary === null ? command : [timeBinary, "-f", "%e %M %U %S", ...command];
  const result = spawnSync(full[0]!, full.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command.join(" ")} failed: ${result.stderr}`);
  if (timeBinary === null) return { seconds: Number.NaN, cpu: Number.NaN, megabytes: Number.NaN };
  const last = result.stderr.trim().split("\n").pop()!.split(" ");
  return { seconds: Number(last[0]), cpu: Number(last[2]) + Number(last[3]), megabytes: Number(last[1]) / 1024 };
}

const timing = (values: readonly number[]): Timing => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
};

/** A job: one or more processes whose times add up. */
interface Job {
  readonly name: string;
  readonly commands: readonly (readonly string[])[];
}

/** A job's rounds: seconds and CPU seconds (summed over its processes), peak megabytes (the largest). */
interface Rounds {
  readonly seconds: number[];
  readonly cpu: number[];
  readonly megabytes: number[];
}

/** Runs the jobs in interleaved rounds. */
function measure(jobs: readonly Job[]): Map<string, Rounds> {
  const runs = new Map(jobs.map((job) => [job.name, { seconds: [], cpu: [], megabytes: [] } as Rounds]));
  for (const job of jobs) for (const command of job.commands) run(command); // warm the file cache
  for (let round = 0; round < rounds; round++)
    for (const job of jobs) {
      const each = job.commands.map(run);
      runs.get(job.name)!.seconds.push(each.reduce((sum, r) => sum + r.seconds, 0));
      runs.get(job.name)!.cpu.push(each.reduce((sum, r) => sum + r.cpu, 0));
      runs.get(job.name)!.megabytes.push(Math.max(...each.map((r) => r.megabytes)));
    }
  return runs;
}

const ms = (seconds: readonly number[]): Timing => {
  const t = timing(seconds);
  return { min: t.min * 1000, median: t.median * 1000, max: t.max * 1000 };
};

/** The per-round ratios' min-max, the ratio of median CPU seconds, and the peak memory of the job's rounds. */
function extra(ours: Rounds, base: Rounds): string {
  const ratios = timing(ours.seconds.map((s, i) => s / base.seconds[i]!));
  const cpu = timing(ours.cpu).median / timing(base.cpu).median;
  return `  [rounds ${ratios.min.toFixed(2)}-${ratios.max.toFixed(2)}x; CPU ${timing(ours.cpu).median.toFixed(1)} s = ${cpu.toFixed(2)}x; peak ${Math.max(...ours.megabytes).toFixed(0)} MB]`;
}

const report = (path: string, engine: string, args: readonly string[]): string[] => [
  "node",
  "dist/cli.js",
  "report",
  path,
  "--by",
  "Channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--engine",
  engine,
  "--format",
  "json",
  "--output",
  join(dir, "messy-report.json"),
  "--quiet",
  ...args,
];
const nps = ["--metric", "nps", "--column", `score=${NPS_HEADER}`, "--column", `respondedAt=${SUBMITTED_HEADER}`];
const calendar = ["--calendar", "bench/messy/calendar.json"];
const firstResponse = ["--metric", "first-response", ...calendar];
const sla = [
  "--metric",
  "sla",
  "--target",
  "first-response=240:business",
  "--as-of",
  "2026-01-01T00:00:00Z",
  ...calendar,
];

const survey = await file("survey", 1_000_000);
const tickets = await file("tickets", 1_000_000);
if (timeBinary === null) console.log("(no /usr/bin/time: install Debian's time package for timings and memory)");
if (!hasPandas)
  console.log("pandas: skipped (/usr/bin/python3 has no pandas; on Debian: apt-get install python3-pandas)");

console.log(
  `messy survey ${survey} (${(statSync(survey).size / 1e6).toFixed(0)} MB, 1,000,000 rows, mixed offsets, 1 % bad) → NPS by channel and month (Europe/Berlin), ${rounds} interleaved rounds, against a hand-written DuckDB query`,
);
const surveyJobs: Job[] = [
  { name: "hand DuckDB", commands: [["node", "bench/messy/duckdb-survey.mjs", survey]] },
  { name: "js", commands: [report(survey, "js", nps)] },
  { name: "duckdb", commands: [report(survey, "duckdb", nps)] },
];
if (hasPandas) surveyJobs.push({ name: "pandas", commands: [[PYTHON, "bench/messy/pandas_survey.py", survey]] });
const surveyRuns = measure(surveyJobs);
const surveyHand = surveyRuns.get("hand DuckDB")!;
console.log(
  `  hand-written DuckDB query: ${(timing(surveyHand.seconds).median * 1000).toFixed(0)} ms, peak ${Math.max(...surveyHand.megabytes).toFixed(0)} MB`,
);
const surveyRow = (label: string, job: string, target?: number): void => {
  const ours = surveyRuns.get(job)!;
  console.log(`  ${ratioRow(label, ms(ours.seconds), ms(surveyHand.seconds), target)}${extra(ours, surveyHand)}`);
};
surveyRow("messy survey nps: report --engine js", "js", 1.2);
surveyRow("messy survey nps: report --engine duckdb", "duckdb", 1.2);
if (hasPandas) surveyRow("messy survey nps: pandas", "pandas");

console.log(
  `messy tickets ${tickets} (${(statSync(tickets).size / 1e6).toFixed(0)} MB, 1,000,000 tickets, mixed offsets, 1 % bad) → first response (business minutes) + SLA % by channel and month, Berlin calendar with holidays, against one hand-written DuckDB query (interval table + ASOF joins)`,
);
const both = ["--metric", "first-response,sla", ...sla.slice(2)];
const ticketJobs: Job[] = [
  { name: "hand DuckDB", commands: [["node", "bench/messy/duckdb-tickets.mjs", tickets]] },
  { name: "js", commands: [report(tickets, "js", both)] },
  { name: "duckdb", commands: [report(tickets, "duckdb", both)] },
  { name: "js first-response", commands: [report(tickets, "js", firstResponse)] },
  { name: "js sla", commands: [report(tickets, "js", sla)] },
];
if (hasPandas) ticketJobs.push({ name: "pandas", commands: [[PYTHON, "bench/messy/pandas_tickets.py", tickets]] });
const ticketRuns = measure(ticketJobs);
const ticketHand = ticketRuns.get("hand DuckDB")!;
const ticketRow = (label: string, job: string, target?: number): void => {
  const ours = ticketRuns.get(job)!;
  console.log(`  ${ratioRow(label, ms(ours.seconds), ms(ticketHand.seconds), target)}${extra(ours, ticketHand)}`);
};
ticketRow("messy tickets: -m first-response,sla, js", "js", 1.5);
ticketRow("messy tickets: -m first-response,sla, duckdb", "duckdb", 1.5);
ticketRow("messy tickets: first-response alone, js", "js first-response");
ticketRow("messy tickets: sla alone, js", "js sla");
if (hasPandas) ticketRow("messy tickets: pandas", "pandas");
const surveyMemory = Math.max(...["js", "duckdb"].flatMap((job) => surveyRuns.get(job)!.megabytes));
const ticketMemory = Math.max(...["js", "duckdb"].flatMap((job) => ticketRuns.get(job)!.megabytes));
console.log(
  `  peak memory of the command at 1M rows: survey ${surveyMemory.toFixed(0)} MB (target < 300: ${surveyMemory < 300 ? "met" : "MISSED"}), tickets ${ticketMemory.toFixed(0)} MB (target < 400: ${ticketMemory < 400 ? "met" : "MISSED"})`,
);

const tenMillion = await file("survey", 10_000_000);
console.log(
  `10,000,000 messy survey rows (${(statSync(tenMillion).size / 1e6).toFixed(0)} MB) against 1M, each 10M run between two 1M runs of the same job:`,
);
for (const [name, big, small] of [
  ["report --engine js", report(tenMillion, "js", nps), report(survey, "js", nps)],
  ["report --engine duckdb", report(tenMillion, "duckdb", nps), report(survey, "duckdb", nps)],
  [
    "hand DuckDB",
    ["node", "bench/messy/duckdb-survey.mjs", tenMillion],
    ["node", "bench/messy/duckdb-survey.mjs", survey],
  ],
] as const) {
  const before = run(small);
  const ten = run(big);
  const after = run(small);
  const wall = ten.seconds / ((before.seconds + after.seconds) / 2);
  const cpu = ten.cpu / ((before.cpu + after.cpu) / 2);
  console.log(
    `  ${name.padEnd(24)} ${ten.seconds.toFixed(1)} s = ${wall.toFixed(1)}x 1M (target ≤ 10.5x: ${wall <= 10.5 ? "met" : "MISSED"}); CPU ${ten.cpu.toFixed(1)} s = ${cpu.toFixed(1)}x; peak ${ten.megabytes.toFixed(0)} MB (1M: ${Math.max(before.megabytes, after.megabytes).toFixed(0)} MB)`,
  );
}
