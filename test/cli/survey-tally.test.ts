// The survey tally (src/cli/survey-tally.ts) against the record path it stands in for: the same rows through a row
// counter with and without it give the same report, the same counts and the same rejects, on random rows with good and
// bad scores, dates with offsets, local times, DST edges, impossible and missing dates, and odd segments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRowCounter, type ReportJob } from "../../src/cli/report-part.js";

type Metric = "nps" | "csat" | "ces";
const HEADER = ["id", "respondedAt", "Channel", "answer"];

function job(metric: Metric, by: boolean, every: string | undefined, timeZone: string | undefined): ReportJob {
  const answer = metric === "nps" ? "score" : "rating";
  return {
    spec: {
      metric,
      ...(by ? { by: ["Channel"] } : {}),
      ...(every === undefined ? {} : { every }),
      ...(timeZone === undefined ? {} : { timeZone }),
      invalid: "exclude",
    } as ReportJob["spec"],
    format: "csv",
    fields: [
      { field: answer, kind: "number", required: true },
      { field: "respondedAt", kind: "date", required: true },
    ],
    mapping: [[answer, "answer"]],
    strict: false,
  } as ReportJob;
}

/** Both counters' view of the same rows: the report (or its error), the counts and the rejects. */
function counted(reportJob: ReportJob, rows: readonly (readonly string[])[], tally: boolean): unknown {
  const counter = createRowCounter(reportJob, undefined, { tally });
  counter.header(HEADER, 1);
  try {
    rows.forEach((cells, i) => {
      counter.row({
        line: i + 2,
        cells,
        problem: cells.length === HEADER.length ? null : "short",
        problemColumn: null,
      });
    });
    const { summary, read, rejects } = counter.result();
    const result = summary!.result();
    return {
      rows: result.rows,
      input: result.input,
      read,
      rejects,
      // The summary's own list: the same rows for the same reasons (its indexes run behind while tallies wait).
      exclusions: result.exclusions.map(({ field, value, code }) => ({ field, value, code })),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const SEGMENTS = ["chat", "email", "phone", "", " chat", "(blank)", "Café", "Cafe\u0301"];
const ANSWERS = ["0", "1", "3", "5", "7", "9", "10", "09", "11", "99", "ten", "", "n/a", " 9", "9.0", "-1", "4", "2"];
const DATES = fc.oneof(
  // An instant of 2024-2026 written with one of the offsets exports use.
  fc
    .tuple(
      fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2026, 11, 31) / 1000 }),
      fc.constantFrom("Z", "+01:00", "+02:00", "-05:00", "+05:30", ".250Z", ".5+01:00"),
    )
    .map(([seconds, zone]) => {
      const offset = zone.endsWith("Z")
        ? 0
        : (zone.includes("-") ? -1 : 1) * (zone.includes("05:30") ? 330 : Number(zone.slice(-5, -3)) * 60);
      const local = new Date(seconds * 1000 + offset * 60_000).toISOString().slice(0, 19);
      return `${local}${zone}`;
    }),
  // Around Berlin's DST changes and month ends, local times without an offset, and dates that do not read.
  fc.constantFrom(
    "2025-03-30T00:59:59Z",
    "2025-03-30T01:00:00Z",
    "2025-10-26T00:59:59Z",
    "2025-10-26T01:00:00Z",
    "2025-03-31T21:59:59Z",
    "2025-03-31T22:00:00Z",
    "2025-03-30T02:30:00",
    "2025-10-26T02:30:00",
    "2025-06-01 09:30",
    "2025-02-30T10:00:00+01:00",
    "1800-01-01T00:00:00Z",
    "",
    "n/a",
    "tomorrow",
  ),
);
const ROW = fc
  .tuple(fc.constantFrom(...SEGMENTS), fc.constantFrom(...ANSWERS), DATES, fc.boolean())
  .map(([segment, answer, date, short]) => (short ? ["x", date] : ["x", date, segment, answer]));

describe("survey tally", () => {
  it("gives the record path's report, counts and rejects on random rows (nps, csat, ces; zones; periods)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Metric>("nps", "csat", "ces"),
        fc.boolean(),
        fc.constantFrom(undefined, "month", "day", "week", "quarter"),
        fc.constantFrom(undefined, "Europe/Berlin", "UTC", "Asia/Kolkata"),
        fc.array(ROW, { minLength: 0, maxLength: 120 }),
        (metric, by, every, timeZone, rows) => {
          const reportJob = job(metric, by, every, timeZone);
          expect(counted(reportJob, rows, true)).toEqual(counted(reportJob, rows, false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stops at the same row with the same message when a row would start one group too many", () => {
    const reportJob = {
      ...job("nps", true, "month", "UTC"),
      spec: { ...job("nps", true, "month", "UTC").spec, maxGroups: 2 },
    };
    const rows = [
      ["x", "2025-01-05T10:00:00Z", "chat", "9"],
      ["x", "2025-01-06T10:00:00Z", "chat", "10"],
      ["x", "2025-01-07T10:00:00Z", "email", "3"],
      ["x", "2025-01-08T10:00:00Z", "chat", "7"],
      ["x", "2025-01-09T10:00:00Z", "email", "8"],
      ["x", "2025-02-01T10:00:00Z", "chat", "9"],
    ];
    const withTally = counted(reportJob, rows, true) as { error: string };
    expect(withTally).toEqual(counted(reportJob, rows, false));
    // The sixth row (record 5) would start a third group (chat, February).
    expect(withTally.error).toMatch(/^summarize: record 5 would start group 3 /);
  });

  it("counts by hand: 2 promoters, 1 passive, 1 detractor in chat in March (Berlin), one bad row", () => {
    const rows = [
      ["x", "2025-03-01T09:00:00+01:00", "chat", "9"],
      ["x", "2025-03-02T09:00:00+01:00", "chat", "10"],
      ["x", "2025-03-03T09:00:00+01:00", "chat", "7"],
      ["x", "2025-03-31T21:59:59Z", "chat", "0"], // 23:59:59 CEST on 31 March
      ["x", "2025-03-04T09:00:00+01:00", "chat", "ten"],
    ];
    const result = counted(job("nps", true, "month", "Europe/Berlin"), rows, true) as {
      rows: { segment: Record<string, string>; period: unknown; value: number; n: number }[];
      rejects: { line: number }[];
    };
    const march = result.rows.find((row) => row.segment.Channel === "chat" && row.period !== null);
    // NPS = (2 - 1) / 4 = +25.
    expect([march?.n, march?.value]).toEqual([4, 25]);
    expect(result.rejects.map((reject) => reject.line)).toEqual([6]);
  });
});
