// `report --metric a,b`: one read of the file gives every metric's part exactly as a run of that metric alone gives it
// (rows, read / used / rejected, every reject), with both engines, in JSON, the table, Markdown and CSV; input counts
// per metric where they differ (a resolution date that is not one rejects the row for SLA, not for first response).
// Files: the benchmark's messy exports (bench/messy/files.ts: mixed offsets, one bad row in a hundred), small.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CSAT_HEADER,
  NPS_HEADER,
  SUBMITTED_HEADER,
  writeMessySurveyCsv,
  writeMessyTicketsCsv,
} from "../../bench/messy/files.js";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-several-"));
const survey = join(dir, "survey.csv");
const tickets = join(dir, "tickets.csv");

beforeAll(async () => {
  await writeMessySurveyCsv(survey, 1500);
  await writeMessyTicketsCsv(tickets, 1500);
});

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Json {
  rows: { metric: string }[];
  input: Record<string, unknown> & { metrics?: Record<string, unknown> };
  rejects: (Record<string, unknown> & { metric?: string; line: number })[];
}
const json = async (args: readonly string[]): Promise<Json> => {
  const result = await run([...args, "--format", "json"]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as Json;
};

const ticketFlags = [
  "--by",
  "Channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--calendar",
  "bench/messy/calendar.json",
  "--target",
  "first-response=240:business",
  "--as-of",
  "2026-01-01T00:00:00Z",
  "--percentiles",
  "75,90",
];
const surveyCommon = ["--by", "Channel", "--every", "month", "--time-zone", "Europe/Berlin"];
const surveyOwn: Record<string, string[]> = {
  nps: ["--column", `score=${NPS_HEADER}`],
  csat: ["--column", `rating=${CSAT_HEADER}`, "--scale", "1-5"],
};
const surveyFlags = [
  ...surveyCommon,
  ...surveyOwn.nps!,
  ...surveyOwn.csat!,
  "--column",
  `respondedAt=${SUBMITTED_HEADER}`,
];
/** The flags of a run of one metric alone: the others' columns and options left out (a report refuses a column it does not read). */
const flagsFor = (name: string, metric: string, flags: readonly string[]): readonly string[] =>
  name === "tickets" ? flags : [...surveyCommon, ...surveyOwn[metric]!, "--column", `respondedAt=${SUBMITTED_HEADER}`];

describe.each(["js", "duckdb"])("--engine %s: one read equals a run per metric", (engine) => {
  it.each([
    ["tickets", ["first-response", "resolution", "sla"], ticketFlags],
    ["survey", ["nps", "csat"], surveyFlags],
  ] as const)("%s: --metric %s", async (name, metrics, flags) => {
    const file = name === "tickets" ? tickets : survey;
    const together = await json([file, "--metric", metrics.join(","), ...flags, "--engine", engine]);
    const alone = await Promise.all(
      metrics.map((metric) => json([file, "--metric", metric, ...flagsFor(name, metric, flags), "--engine", engine])),
    );
    expect(together.rows).toEqual(alone.flatMap((report) => report.rows));
    for (const [k, metric] of metrics.entries()) {
      expect(together.input.metrics![metric]).toEqual(alone[k]!.input);
      expect(
        together.rejects.filter((reject) => reject.metric === metric).map(({ metric: _m, ...rest }) => rest),
      ).toEqual(alone[k]!.rejects);
    }
    // Rows read = used by every metric + rejected by at least one (each bad row once, by its line).
    const lines = new Set(alone.flatMap((report) => report.rejects.map((reject) => reject.line)));
    expect(together.input).toMatchObject({ read: 1500, rejected: lines.size, used: 1500 - lines.size, engine });
    expect(together.rejects.map((reject) => reject.line)).toEqual(
      [...together.rejects.map((reject) => reject.line)].sort((a, b) => a - b),
    );
  });
});

describe("input counts per metric where they differ", () => {
  it("a resolution on 31 April rejects the row for SLA and resolution, not for first response", async () => {
    const report = await json([tickets, "--metric", "first-response,sla", ...ticketFlags]);
    // One bad row in a hundred, five kinds in turn (bench/messy/files.ts): first response rejects four of the five
    // kinds (12 of 15 rows), SLA all five (15).
    expect(report.input.metrics!["first-response"]).toMatchObject({ read: 1500, used: 1488, rejected: 12 });
    expect(report.input.metrics!.sla).toMatchObject({ read: 1500, used: 1485, rejected: 15 });
    expect(report.input).toMatchObject({ read: 1500, used: 1485, rejected: 15 });
    const april = report.rejects.filter((reject) => reject.value === "2025-04-31T12:00:00.000Z");
    expect(april.map((reject) => reject.metric)).toEqual(["sla", "sla", "sla"]);
    const short = report.rejects.filter((reject) => reject.line === 339);
    expect(short.map((reject) => reject.metric)).toEqual(["first-response", "sla"]);
  });
});

describe("the text formats: one section per metric, each what its run alone prints", () => {
  it.each(["table", "markdown"])("--format %s", async (format) => {
    const together = await run([tickets, "--metric", "first-response,sla", ...ticketFlags, "--format", format]);
    const first = await run([tickets, "--metric", "first-response", ...ticketFlags, "--format", format]);
    const sla = await run([tickets, "--metric", "sla", ...ticketFlags, "--format", format]);
    expect(together.code).toBe(0);
    expect(together.out).toBe(
      format === "table" ? `first-response\n${first.out}\nsla\n${sla.out}` : `${first.out}\n${sla.out}`,
    );
  });
  it("--format csv: one table, each metric's own columns blank on the other's rows; each input line on stderr", async () => {
    const together = await run([tickets, "--metric", "sla,first-response", ...ticketFlags, "--format", "csv"]);
    const first = await run([tickets, "--metric", "first-response", ...ticketFlags, "--format", "csv"]);
    const sla = await run([tickets, "--metric", "sla", ...ticketFlags, "--format", "csv"]);
    // The columns: SLA's own (pending), then first response's (p75, p90), each blank on the other's rows.
    const [header, ...firstRows] = first.out.trimEnd().split("\n");
    const slaRows = sla.out.trimEnd().split("\n").slice(1);
    const common = (row: string): string => row.split(",").slice(0, -2).join(",");
    const last = (row: string, n: number): string => row.split(",").slice(-n).join(",");
    expect(together.out.trimEnd().split("\n")).toEqual([
      `${common(header!)},pending,p75,p90`,
      ...slaRows.map((row) => `${row},,`),
      ...firstRows.map((row) => `${common(row)},,${last(row, 2)}`),
    ]);
    expect(together.err).toBe(`sla: ${sla.err}first-response: ${first.err}`);
  });
  it("--format csv of nps,csat: CSAT's mean columns blank on the NPS rows, CSAT's rows as its run alone gives them", async () => {
    const together = await run([survey, "--metric", "nps,csat", ...surveyFlags, "--format", "csv"]);
    const csat = await run([survey, "--metric", "csat", ...flagsFor("survey", "csat", []), "--format", "csv"]);
    const [header, ...rows] = together.out.trimEnd().split("\n");
    const csatLines = csat.out.trimEnd().split("\n");
    expect(header).toBe(csatLines[0]);
    expect(header).toMatch(/,mean,mean_low,mean_high$/);
    expect(rows.filter((row) => row.startsWith("nps,")).every((row) => row.endsWith(",,,"))).toBe(true);
    expect(rows.filter((row) => row.startsWith("csat,"))).toEqual(csatLines.slice(1));
  });
  it("--rejects FILE: every metric's rejects with the metric named", async () => {
    const path = join(dir, "rejects.csv");
    await run([tickets, "--metric", "first-response,sla", ...ticketFlags, "--format", "json", "--rejects", path]);
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("line,metric,column,value,reason");
    expect(lines.length).toBe(1 + 12 + 15);
    expect(lines[1]).toMatch(/^39,first-response,Created at,2025-02-30T10:00:00\+01:00,/);
  });
});

describe("several metrics: usage", () => {
  it.each([
    [["--metric", "nps,nps"], /nps is named twice/],
    [["--metric", "nps,"], /an empty name/],
    [["--metric", "nps,csat", "--format", "html"], /--format html shows one metric/],
    [["--metric", "nps,csat", "--sql", "duckdb"], /--sql prints the query of one metric/],
    [["--metric", "nps,bogus"], /--metric/],
    [["--metric", "first-response,sla"], /--metric sla needs --target or --policy/],
  ])("%j", async (args, message) => {
    const result = await run([survey, ...args]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
  it("a flag no metric of the list takes is refused as for one metric", async () => {
    const result = await run([survey, "--metric", "nps,first-response", "--scale", "1-5"]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--scale is for --metric csat or ces/);
  });
});
