import { describe, expect, it } from "vitest";
import { compareNps } from "../nps/compare.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { compareProportions } from "../stats/compare-proportions.js";
import { normalCdf } from "../stats/normal.js";
import { businessCalendar } from "../time/calendar.js";
import { createSummary, summarize, type ReportRow } from "./summarize.js";
import { trendSpec } from "./vega-lite.js";

// Every figure below is counted by hand from the records listed. Intervals and tests come from the
// library's own npsConfidenceInterval / compareNps / compareProportions, which their own tests check
// against R and scipy: here only that summarize feeds them the right counts.
const responses = [
  { score: 10, channel: "chat", respondedAt: "2025-01-10T10:00:00Z" },
  { score: 9, channel: "chat", respondedAt: "2025-01-11T10:00:00Z" },
  { score: 3, channel: "chat", respondedAt: "2025-01-12T10:00:00Z" },
  { score: 8, channel: "email", respondedAt: "2025-01-13T10:00:00Z" },
  { score: 2, channel: "email", respondedAt: "2025-01-14T10:00:00Z" },
  { score: 10, channel: "chat", respondedAt: "2025-02-10T10:00:00Z" },
  { score: 10, channel: "chat", respondedAt: "2025-02-11T10:00:00Z" },
  { score: 10, channel: "chat", respondedAt: "2025-02-12T10:00:00Z" },
  { score: 6, channel: "chat", respondedAt: "2025-02-13T10:00:00Z" },
  // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin: a February response there
  { score: 9, channel: "email", respondedAt: "2025-01-31T23:30:00Z" },
];

describe("summarize NPS by channel and month (Europe/Berlin)", () => {
  const report = summarize(responses, { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin" });
  const find = (channel: string | undefined, period: string | null) =>
    report.rows.find((row) => row.segment.channel === channel && (row.period?.label ?? null) === period)!;
  it("gives every segment × period, the all-period rows and the overall rows, overall first", () => {
    expect(report.rows.map((row) => `${row.segment.channel ?? "all"} ${row.period?.label ?? "all"}`)).toEqual([
      "all 2025-01",
      "all 2025-02",
      "all all",
      "chat 2025-01",
      "chat 2025-02",
      "chat all",
      "email 2025-01",
      "email 2025-02",
      "email all",
    ]);
    expect(report.input).toEqual({ read: 10, used: 10, unanswered: 0, rejected: 0 });
  });
  it("computes each figure (hand counts: promoters − detractors over n)", () => {
    expect(find("chat", "2025-01").value).toBeCloseTo((100 * (2 - 1)) / 3, 12); // 10, 9, 3
    expect(find("chat", "2025-02").value).toBe(50); // 10, 10, 10, 6
    expect(find("email", "2025-01").value).toBe(-50); // 8, 2
    expect(find("email", "2025-02").value).toBe(100); // the 9 from 31 Jan 23:30 UTC
    expect(find(undefined, "2025-01").value).toBe(0); // 10, 9, 3, 8, 2: 2 promoters, 2 detractors
    expect(find(undefined, "2025-02").value).toBe(60); // 10, 10, 10, 6, 9: 4 and 1 of 5
    expect(find(undefined, null).value).toBe(30); // 6 and 3 of 10
    expect(find("chat", null).value).toBeCloseTo((100 * 3) / 7, 12); // 5 and 2 of 7
    expect(find("chat", null).n).toBe(7);
  });
  it("attaches the score interval and the change with its test, and flags small samples", () => {
    const february = find("chat", "2025-02");
    const interval = npsConfidenceInterval({ promoters: 3, passives: 0, detractors: 1 }, { method: "score" });
    expect([february.low, february.high]).toEqual([interval.low, interval.high]);
    const test = compareNps({ promoters: 3, passives: 0, detractors: 1 }, { promoters: 2, passives: 0, detractors: 1 });
    // The observed difference ± z × compareNps's adjusted-Wald standard error, and the z test of that error.
    const z = 1.959963984540054;
    const difference = 50 - 100 / 3;
    expect(february.change!.difference).toBeCloseTo(difference, 12);
    expect(february.change!.low).toBeCloseTo(difference - z * test.standardError, 9);
    expect(february.change!.high).toBeCloseTo(difference + z * test.standardError, 9);
    expect(february.change!.pValue).toBeCloseTo(2 * (1 - normalCdf(Math.abs(difference) / test.standardError)), 9);
    expect(february.change!.pAdjusted).toBeGreaterThanOrEqual(february.change!.pValue - 1e-15); // adjusted for the report's changes (BH)
    expect(find("chat", "2025-01").change).toBeNull();
    expect(find("chat", null).change).toBeNull();
    expect(report.rows.every((row) => row.smallSample)).toBe(true); // every n < 30
    expect(february.period).toEqual({
      label: "2025-02",
      start: "2025-02-01T00:00:00.000+01:00",
      end: "2025-03-01T00:00:00.000+01:00",
    });
  });
  it("cuts the months in UTC when no zone is given (the 31 January response stays in January)", () => {
    const utc = summarize(responses, { metric: "nps", by: ["channel"], every: "month" });
    expect(utc.rows.find((row) => row.segment.channel === "email" && row.period?.label === "2025-01")!.n).toBe(3);
  });
  it("charts the period rows as a Vega-Lite spec", () => {
    const spec = trendSpec(report.rows) as {
      data: { values: { segment: string; period: string }[] };
      layer: unknown[];
    };
    expect(spec.data.values.map((value) => `${value.segment} ${value.period}`)).toEqual([
      "all 2025-01",
      "all 2025-02",
      "chat 2025-01",
      "chat 2025-02",
      "email 2025-01",
      "email 2025-02",
    ]);
    expect(spec.layer).toHaveLength(3);
  });
});

describe("the mean rating's interval stays on the scale", () => {
  it("two ratings 5 and 1: the t interval 3 ± 25.4 is cut to 1-5", () => {
    // Hand calculation: mean 3, sd = sqrt(((5 − 3)² + (1 − 3)²) / 1) = 2.828, se = 2.828 / sqrt(2) = 2,
    // t(0.975, 1 df) = 12.706: 3 ± 25.41 → −22.4 to 28.4, outside the 1-5 scale on both sides: 1 to 5.
    const detail = summarize([{ rating: 5 }, { rating: 1 }], { metric: "csat" }).rows[0]!.detail;
    expect([detail.mean, detail.meanLow, detail.meanHigh]).toEqual([3, 1, 5]);
  });
});

describe("summarize the other metrics", () => {
  it("CSAT: percent satisfied (4-5) with the two-proportion test between periods", () => {
    const rows = [
      ...[5, 4, 4, 2].map((rating) => ({ rating, respondedAt: "2025-03-05T10:00:00Z" })), // 3 of 4 satisfied
      ...[5, 1, 2, 3, 4].map((rating) => ({ rating, respondedAt: "2025-04-05T10:00:00Z" })), // 2 of 5
    ];
    const report = summarize(rows, { metric: "csat", every: "month" });
    const april = report.rows.find((row) => row.period?.label === "2025-04")!;
    expect(april.value).toBe(40);
    const test = compareProportions({ successes: 2, n: 5 }, { successes: 3, n: 4 }, { method: "score" });
    expect(april.change).toEqual({
      difference: 100 * (0.4 - 0.75),
      low: 100 * test.low,
      high: 100 * test.high,
      pValue: test.pValue,
      pAdjusted: test.pValue, // the report's only change test
    });
    expect(report.rows.at(-1)).toMatchObject({ period: null, value: (100 * 5) / 9, n: 9 }); // 5 of 9
  });
  it("CSAT good/bad: a period of neutral ratings only has no row, and the report goes on", () => {
    const rows = [
      { rating: 5, respondedAt: "2025-03-05T10:00:00Z" }, // good
      { rating: 1, respondedAt: "2025-03-06T10:00:00Z" }, // bad
      { rating: 3, respondedAt: "2025-04-05T10:00:00Z" }, // neutral: left out in good/bad mode
    ];
    const report = summarize(rows, { metric: "csat", every: "month", csat: { mode: "good-bad" } });
    // March: 1 good of 1 good + 1 bad = 50 %; April: no good or bad rating, so no row; all: 1 of 2
    expect(report.rows.map((row) => [row.period?.label ?? "all", row.value])).toEqual([
      ["2025-03", 50],
      ["all", 50],
    ]);
  });
  it("first response: the median in business minutes with p90, calendar minutes beside, open tickets counted", () => {
    const nineToFive = [["09:00", "17:00"]] as const;
    const calendar = businessCalendar({
      timeZone: "UTC",
      week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    });
    const tickets = [
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:10:00Z" }, // 10 working minutes
      { createdAt: "2025-03-10T16:30:00Z", firstResponseAt: "2025-03-11T09:30:00Z" }, // 30 + 30 = 60
      { createdAt: "2025-03-10T12:00:00Z", firstResponseAt: "2025-03-10T12:20:00Z" }, // 20
      { createdAt: "2025-03-10T12:00:00Z" }, // not answered
    ];
    const [overall] = summarize(tickets, { metric: "first-response", calendar }).rows;
    // sorted 10, 20, 60: median 20; p90 (linear, R type 7): 20 + 0.8 × (60 − 20) = 52
    expect(overall).toMatchObject({
      n: 3,
      value: 20,
      low: 10,
      high: 60 /* n = 3 is too few for 95 %: the whole range, coverage 1 − 2 × 0.5³ = 0.75 */,
      change: null,
    });
    expect(overall!.detail).toMatchObject({ clock: "business", method: "linear", open: 1 });
    expect(overall!.detail.p90).toBeCloseTo(52, 10);
    // calendar minutes 10, 20, 17 h = 1020: median 20
    expect((overall!.detail.calendarMinutes as { median: number }).median).toBe(20);
  });
  it("SLA: met over met + breached, in percent, per segment", () => {
    const tickets = [
      { channel: "chat", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" }, // met
      { channel: "chat", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" }, // breached
      { channel: "email", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:45:00Z" }, // met
    ];
    const report = summarize(tickets, {
      metric: "sla",
      by: ["channel"],
      policy: { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] },
    });
    expect(report.rows.map((row) => [row.segment.channel ?? "all", row.value, row.n])).toEqual([
      ["all", (100 * 2) / 3, 3],
      ["chat", 50, 2],
      ["email", 100, 1],
    ]);
  });
  it("IQS: the mean review score per agent", () => {
    const scorecard = { criteria: [{ id: "solution", weight: 1, scale: "1-5" as const }] };
    const reviews = [
      { agentId: "ann", ratings: { solution: 5 } }, // 100
      { agentId: "ann", ratings: { solution: 3 } }, // 50
      { agentId: "bob", ratings: { solution: 4 } }, // 75
    ];
    const report = summarize(reviews, { metric: "iqs", by: ["agentId"], scorecard });
    expect(report.rows.map((row) => [row.segment.agentId ?? "all", row.value])).toEqual([
      ["all", 75],
      ["ann", 75],
      ["bob", 75],
    ]);
  });
});

describe("summarize on messy records", () => {
  const messy = [
    { score: 10, channel: "chat", respondedAt: "2025-01-10T10:00:00Z" },
    { score: 11, channel: "chat", respondedAt: "2025-01-10T10:00:00Z" }, // off the scale
    { score: 7, channel: "", respondedAt: "2025-01-10T10:00:00Z" }, // a blank segment: its own segment
    { score: 3, channel: "chat", respondedAt: "2025-01-10" }, // a date without a time or zone
  ];
  it("throws at the first bad record by default, naming it", () => {
    expect(() => summarize(messy, { metric: "nps", by: ["channel"], every: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", index: 1, field: "score" }),
    );
  });
  it('leaves bad records out and lists them with invalid: "exclude"; read = used + rejected', () => {
    const report = summarize(messy, { metric: "nps", by: ["channel"], every: "month", invalid: "exclude" });
    expect(report.input).toEqual({ read: 4, used: 2, unanswered: 0, rejected: 2 });
    expect(report.exclusions.map((row) => [row.index, row.field, row.code])).toEqual([
      [1, "score", "INVALID_SCORE"],
      [3, "respondedAt", "INVALID_DATE"],
    ]);
    expect(report.rows.filter((row) => row.period === null).map((row) => row.segment.channel ?? "all")).toEqual([
      "all",
      "(blank)",
      "chat",
    ]);
  });
  it("fails the call, not the record, when an SLA report has open tickets and no asOf", () => {
    const policy = { targets: [{ metric: "first-response" as const, minutes: 60, clock: "calendar" as const }] };
    const tickets = [{ createdAt: "2025-03-10T09:00:00Z" }]; // not answered yet
    expect(() => summarize(tickets, { metric: "sla", policy, invalid: "exclude" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "asOf" }),
    );
  });
  it("rejects a bad spec", () => {
    expect(() => summarize([], { metric: "mood" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => summarize([], { metric: "nps", every: "fortnight" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => summarize([], { metric: "sla" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => summarize([], { metric: "nps" })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("summarize: cost follows the data, and changes only between consecutive periods", () => {
  it("handles a 1900 placeholder beside 2025 data with daily periods, and gives no change across a gap", () => {
    const rows = [
      { score: 10, respondedAt: "1900-01-01T00:00:00Z" }, // a placeholder date: its own day
      { score: 10, respondedAt: "2025-03-01T10:00:00Z" },
      { score: 0, respondedAt: "2025-03-02T10:00:00Z" }, // the next day: a change against 1 March
      { score: 5, respondedAt: "2025-03-04T10:00:00Z" }, // after a day without data: no change
    ];
    const report = summarize(rows, { metric: "nps", every: "day" });
    expect(report.rows.map((row) => [row.period?.label ?? "all", row.value, row.change === null])).toEqual([
      ["1900-01-01", 100, true],
      ["2025-03-01", 100, true],
      ["2025-03-02", -100, false],
      ["2025-03-04", -100, true],
      ["all", 0, true], // 2 promoters, 2 detractors of 4
    ]);
  });
});

describe("summarize with several specs: one pass, one result per spec", () => {
  const tickets = [
    { createdAt: "2025-03-03T09:00:00Z", firstResponseAt: "2025-03-03T09:30:00Z", resolvedAt: "2025-03-03T12:00:00Z" },
    { createdAt: "2025-03-03T10:00:00Z", firstResponseAt: "2025-03-03T13:00:00Z", resolvedAt: "2025-03-31T12:00:00Z" },
    // a resolution that is not a date: bad for resolution and SLA (which reads it), fine for first response
    { createdAt: "2025-03-04T10:00:00Z", firstResponseAt: "2025-03-04T10:10:00Z", resolvedAt: "2025-04-31T12:00:00Z" },
    { createdAt: "2025-03-05T10:00:00Z", firstResponseAt: null, resolvedAt: null },
  ];
  const specs = [
    { metric: "first-response", invalid: "exclude" },
    { metric: "resolution", invalid: "exclude" },
    {
      metric: "sla",
      policy: { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] },
      asOf: "2025-03-05T10:30:00Z",
      invalid: "exclude",
    },
  ] as const;
  it("each result is what summarize gives for its spec alone, inputs and exclusions included", () => {
    const results = summarize(tickets, specs);
    expect(results).toEqual(specs.map((spec) => summarize(tickets, spec)));
    // By hand: first responses 30, 180 and 10 minutes (median 30), one open; resolution and SLA leave the third out.
    expect(results[0]!.rows[0]!.value).toBe(30);
    expect(results.map((result) => result.input)).toEqual([
      { read: 4, used: 4, rejected: 0 },
      { read: 4, used: 3, rejected: 1 },
      { read: 4, used: 3, rejected: 1 },
    ]);
    // SLA: 30 min met, 180 min breached, the open ticket pending 30 minutes in: 1 / (1 + 1) = 50 %.
    expect(results[2]!.rows[0]!.value).toBe(50);
  });
  it("reads a generator once", () => {
    let reads = 0;
    function* records() {
      for (const ticket of tickets) {
        reads++;
        yield ticket;
      }
    }
    summarize(records(), specs);
    expect(reads).toBe(4);
  });
  it("refuses an empty list, and a bad spec before any record is read", () => {
    expect(() => summarize(tickets, [])).toThrow(/specs is an empty list/);
    let reads = 0;
    function* counted() {
      reads++;
      yield { score: 9 };
    }
    expect(() => summarize(counted(), [{ metric: "nps" }, { metric: "sla" }])).toThrow(/policy/);
    expect(reads).toBe(0);
  });
});

describe("summarize with unanswered surveys (issue 19: unanswered is its own count)", () => {
  const surveys = [
    { id: "a", rating: 5, channel: "chat", respondedAt: "2025-01-10T10:00:00Z" },
    { id: "b", rating: 4, channel: "chat", respondedAt: "2025-01-11T10:00:00Z" },
    { id: "c", rating: "", channel: "chat", respondedAt: "2025-01-12T10:00:00Z" }, // sent, not answered (January)
    { id: "d", rating: "Offered", channel: "email", respondedAt: "2025-02-03T10:00:00Z" }, // Zendesk's not answered
    { id: "e", rating: 2, channel: "email", respondedAt: "2025-02-04T10:00:00Z" },
    { id: "f", rating: null, channel: "email", respondedAt: "" }, // not answered, and no date: in no period
    { id: "g", rating: 9, channel: "chat", respondedAt: "2025-01-12T10:00:00Z" }, // off the 1-5 scale: rejected
    { id: "h", rating: "skipped", channel: "chat", respondedAt: "2025-02-01T10:00:00Z" }, // not a default marker
  ];
  const spec = { metric: "csat", by: ["channel"], every: "month", invalid: "exclude" } as const;
  const table = (rows: readonly ReportRow[]) =>
    rows.map((row) => [
      row.segment.channel ?? "all",
      row.period?.label ?? "all",
      row.n,
      row.unanswered,
      row.responseRate,
    ]);

  it("counts unanswered records apart: read = used + unanswered + rejected, per row unanswered and responseRate", () => {
    const report = summarize(surveys, spec);
    expect(report.input).toEqual({ read: 8, used: 3, unanswered: 3, rejected: 2 });
    expect(report.exclusions.map((row) => row.index)).toEqual([6, 7]);
    // Hand calculation: chat January answered 5, 4 and left one blank: 2 / 3; email February answered 2 and left
    // "Offered": 1 / 2; email over all periods also left "f" (no date): 1 / 3; overall 3 answered of 6 sent: 1 / 2.
    expect(table(report.rows)).toEqual([
      ["all", "2025-01", 2, 1, 2 / 3],
      ["all", "2025-02", 1, 1, 1 / 2],
      ["all", "all", 3, 3, 1 / 2],
      ["chat", "2025-01", 2, 1, 2 / 3],
      ["chat", "all", 2, 1, 2 / 3],
      ["email", "2025-02", 1, 1, 1 / 2],
      ["email", "all", 1, 2, 1 / 3],
    ]);
    expect(report.rows[2]!.value).toBeCloseTo(200 / 3, 12); // 5 and 4 satisfied of 5, 4, 2
  });
  it("reads extra markers; a group with only unanswered records has no row but its segment's all-period row counts them", () => {
    const report = summarize(surveys, { ...spec, unanswered: ["Skipped"] });
    expect(report.input).toEqual({ read: 8, used: 3, unanswered: 4, rejected: 1 });
    expect(table(report.rows).filter((row) => row[0] === "chat")).toEqual([
      ["chat", "2025-01", 2, 1, 2 / 3],
      ["chat", "all", 2, 2, 1 / 2],
    ]);
  });
  it("an unanswered record is never an error, also by default; responseRate is null where nothing was unanswered", () => {
    const answered = surveys.filter((row) => row.id !== "g" && row.id !== "h");
    const report = summarize(answered, { metric: "nps", fields: { score: "rating" } });
    expect(report.input).toEqual({ read: 6, used: 3, unanswered: 3, rejected: 0 });
    const none = summarize([{ score: 9 }], { metric: "nps" });
    expect(none.rows[0]).toMatchObject({ unanswered: 0, responseRate: null });
    expect(() => summarize([{ score: "N/A" }, { score: "" }], { metric: "nps" })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT", message: expect.stringContaining("2 were unanswered") }),
    );
  });
  it("a weighted report reads no weight of an unanswered record; responseRate counts records, unweighted", () => {
    const weighted = [
      { score: 10, w: 2 },
      { score: 0, w: 1 },
      { score: "none" }, // no weight: not read
    ];
    const report = summarize(weighted, { metric: "nps", weight: "w" });
    expect(report.input).toEqual({ read: 3, used: 2, unanswered: 1, rejected: 0 });
    expect(report.rows[0]).toMatchObject({ unanswered: 1, responseRate: 2 / 3 });
  });
  it("merges in parts (states through JSON) as one pass, undated unanswered records included", () => {
    const whole = summarize(surveys, spec);
    const first = createSummary(spec);
    const second = createSummary(spec);
    surveys.forEach((record, i) => {
      (i < 5 ? first : second).add(record);
    });
    const merged = createSummary(spec)
      .merge(JSON.parse(JSON.stringify(first.state())))
      .merge(second);
    expect(merged.result().rows).toEqual(whole.rows);
    expect(merged.result().input).toEqual(whole.input);
    const counted = createSummary({ metric: "nps", every: "month" })
      .addCountedValue([], 24302, 9, 2) // the month key: 2025 × 12 + 2 (March)
      .addUnanswered([], 24302, 1)
      .addUnanswered([], null, 1);
    expect(counted.result().input).toEqual({ read: 4, used: 2, unanswered: 2, rejected: 0 });
    expect(table(counted.result().rows)).toEqual([
      ["all", "2025-03", 2, 1, 2 / 3],
      ["all", "all", 2, 2, 1 / 2],
    ]);
    expect(() => createSummary({ metric: "first-response" }).addUnanswered([], null, 1)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
