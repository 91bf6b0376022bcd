// The benchmark's messy exports (bench/messy/files.ts: mixed offsets, about 1 % bad rows, a question as the score's
// header, tickets with a business calendar), small: the command's figures, through both engines, equal those of the
// benchmark's hand-written DuckDB queries (bench/messy/duckdb-*.mjs, @duckdb/node-api) and pandas jobs
// (bench/messy/pandas_*.py, Debian's python3-pandas at /usr/bin/python3): every count, and the medians and 90th
// percentiles of business minutes to 1e-6 minutes (DuckDB's interval arithmetic is on epoch seconds as doubles).
// So the benchmark compares the same work, and the figures it times are right.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CSAT_HEADER, NPS_HEADER, SUBMITTED_HEADER, writeMessySurveyCsv, writeMessyTicketsCsv } from "../../bench/messy/files.js";

const dir = mkdtempSync(join(tmpdir(), "cx-messy-"));
const survey = join(dir, "survey.csv");
const tickets = join(dir, "tickets.csv");
const PYTHON = "/usr/bin/python3";

interface Row {
  readonly segment: Record<string, string>;
  readonly period: { readonly label: string } | null;
  readonly detail: Record<string, number>;
}
interface Report {
  readonly rows: readonly Row[];
  readonly input: { readonly read: number; readonly used: number; readonly rejected: number };
}

const json = (command: string, args: readonly string[]): unknown =>
  JSON.parse(execFileSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26 }));

function report(file: string, engine: string, args: readonly string[]): Report {
  return json("node", [
    "dist/cli.js",
    "report",
    file,
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
    "--quiet",
    ...args,
  ]) as Report;
}

/** The key the hand-written jobs give a row: channel and month, null for "all". */
const key = (channel: string | null, month: string | null): string => `${channel ?? "*"}|${month ?? "*"}`;
const rowKey = (row: Row): string => key(row.segment.Channel ?? null, row.period?.label ?? null);

beforeAll(async () => {
  await writeMessySurveyCsv(survey, 3000);
  await writeMessyTicketsCsv(tickets, 3000);
});

describe("the benchmark's messy survey: NPS by channel and month (Europe/Berlin)", () => {
  const args = ["--metric", "nps", "--column", `score=${NPS_HEADER}`, "--column", `respondedAt=${SUBMITTED_HEADER}`];
  it.each(["js", "duckdb"])("--engine %s: the counts of DuckDB's hand-written query and of pandas", (engine) => {
    const ours = report(survey, engine, args);
    // 30 of the 3000 rows are bad (one in a hundred), each rejected: read = used + rejected.
    expect(ours.input).toMatchObject({ read: 3000, used: 2970, rejected: 30 });
    const counts = new Map(
      ours.rows.map((row) => [
        rowKey(row),
        { promoters: row.detail.promoters, passives: row.detail.passives, detractors: row.detail.detractors },
      ]),
    );
    for (const [name, command, script] of [
      ["DuckDB", "node", "bench/messy/duckdb-survey.mjs"],
      ["pandas", PYTHON, "bench/messy/pandas_survey.py"],
    ] as const) {
      const theirs = json(command, [script, survey]) as {
        channel: string | null;
        month: string | null;
        promoters: number;
        passives: number;
        detractors: number;
      }[];
      expect(theirs.length, name).toBe(ours.rows.length);
      for (const { channel, month, ...count } of theirs)
        expect(counts.get(key(channel, month)), `${name} ${key(channel, month)}`).toEqual(count);
    }
  });
  it("the file has the question and the CSAT column as headers, as a survey tool writes them", () => {
    expect(execFileSync("head", ["-1", survey], { encoding: "utf8" })).toContain(`"${NPS_HEADER}",${CSAT_HEADER}`);
  });
});

describe("the benchmark's messy tickets: first response (business minutes) and SLA by channel and month", () => {
  const common = ["--calendar", "bench/messy/calendar.json"];
  const sla = ["--metric", "sla", "--target", "first-response=240:business", "--as-of", "2026-01-01T00:00:00Z"];
  interface Theirs {
    channel: string | null;
    month: string | null;
    n: number;
    open: number;
    median: number;
    p90: number;
    met: number;
    breached: number;
    pending: number;
  }
  it.each(["js", "duckdb"])("--engine %s: the figures of DuckDB's hand-written query and of pandas", (engine) => {
    const first = report(tickets, engine, ["--metric", "first-response", ...common]);
    const slas = report(tickets, engine, [...sla, ...common]);
    // Bad rows, one in a hundred, of five kinds in turn: first response rejects four (a creation on 30 February, a
    // first response "n/a", a creation "pending", a short record); SLA also the fifth (a resolution on 31 April).
    expect(first.input).toMatchObject({ read: 3000, used: 2976, rejected: 24 });
    expect(slas.input).toMatchObject({ read: 3000, used: 2970, rejected: 30 });
    const firstBy = new Map(first.rows.map((row) => [rowKey(row), row.detail]));
    const slaBy = new Map(slas.rows.map((row) => [rowKey(row), row.detail]));
    for (const [name, command, script] of [
      ["DuckDB", "node", "bench/messy/duckdb-tickets.mjs"],
      ["pandas", PYTHON, "bench/messy/pandas_tickets.py"],
    ] as const) {
      const theirs = json(command, [script, tickets]) as Theirs[];
      expect(theirs.length, name).toBe(first.rows.length);
      for (const row of theirs) {
        const where = `${name} ${key(row.channel, row.month)}`;
        const ours = firstBy.get(key(row.channel, row.month));
        expect(ours, where).toBeDefined();
        expect({ n: ours!.n, open: ours!.open }, where).toEqual({ n: row.n, open: row.open });
        expect(Math.abs(ours!.median! - row.median), where).toBeLessThan(1e-6);
        expect(Math.abs(ours!.p90! - row.p90), where).toBeLessThan(1e-6);
        const decided = slaBy.get(key(row.channel, row.month));
        expect({ met: decided!.met, breached: decided!.breached, pending: decided!.pending }, where).toEqual({
          met: row.met,
          breached: row.breached,
          pending: row.pending,
        });
      }
    }
  });
});

describe("several metrics in one read of a file large enough to be read in two halves (dist/cli.js)", () => {
  it("--metric first-response,sla equals a run of each, rejects and their lines included", async () => {
    const big = join(dir, "tickets-big.csv");
    await writeMessyTicketsCsv(big, 250_000); // about 21 MB: over the 16 MB from which the JS reader splits
    const flags = [
      "--calendar",
      "bench/messy/calendar.json",
      "--target",
      "first-response=240:business",
      "--as-of",
      "2026-01-01T00:00:00Z",
    ];
    const together = report(big, "js", ["--metric", "first-response,sla", ...flags]) as Report & {
      input: { metrics: Record<string, unknown> };
      rejects: { metric: string }[];
    };
    const first = report(big, "js", ["--metric", "first-response", ...flags]) as Report & { rejects: unknown[] };
    const sla = report(big, "js", ["--metric", "sla", ...flags]) as Report & { rejects: unknown[] };
    expect(together.rows).toEqual([...first.rows, ...sla.rows]);
    expect(together.input.metrics).toEqual({ "first-response": first.input, sla: sla.input });
    const own = (metric: string) =>
      together.rejects.filter((reject) => reject.metric === metric).map(({ metric: _m, ...rest }) => rest);
    expect(own("first-response")).toEqual(first.rejects);
    expect(own("sla")).toEqual(sla.rejects);
    expect(sla.input).toMatchObject({ read: 250_000, used: 247_500, rejected: 2500 });
  }, 120_000);
});
