import { describe, expect, it } from "vitest";
import * as lib from "../src/index.js";
import {
  businessCalendar,
  businessMinutes,
  createNpsAccumulator,
  csat,
  CxMetricsError,
  durationStats,
  groupBy,
  isCxMetricsError,
  ltv,
  nps,
  npsConfidenceInterval,
  npsFromCounts,
  npsFromPercents,
  npsSampleSize,
  percentile,
  percentiles,
  round,
  zForConfidence,
} from "../src/index.js";

// Every cause of a plain TypeError or RangeError found from outside the library now gets a coded
// CxMetricsError (issue: "Coded errors instead of crashes, everywhere"). Each case below was a crash.
const code = (expected: string) => expect.objectContaining({ code: expected });
const calendar = businessCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } });

describe("each former crash is a coded error", () => {
  it("BigInt values", () => {
    expect(() => nps([10n] as never)).toThrow(code("INVALID_SCORE"));
    expect(() => percentile([1n] as never, 50)).toThrow(code("INVALID_VALUE"));
    expect(() => npsFromCounts({ promoters: 1n, passives: 0, detractors: 0 } as never)).toThrow(code("INVALID_COUNT"));
    expect(() => lib.normalCdf(1n as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("an accessor that is not a function", () => {
    expect(() => nps([{ score: 9 }], "score" as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => nps([{ score: 9 }], { accessor: "score" } as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => percentiles([{ m: 1 }], [50], { accessor: "m" as never })).toThrow(code("INVALID_ARGUMENT"));
    expect(() => groupBy([1], "channel" as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.revenueRetentionFromCustomers([], 5 as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("null options", () => {
    expect(() => percentile([1, 2], 50, null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.resolutionTime({ createdAt: 0 }, null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.safeParseQaReviews([], null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => durationStats([1], null as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("null results passed to the interval helpers", () => {
    expect(() => lib.csatConfidenceInterval(null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.cesConfidenceInterval(null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.csatConfidenceInterval({} as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => lib.meanConfidenceInterval(null as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => npsConfidenceInterval(null as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("expected: null", () => {
    expect(() => npsSampleSize({ marginOfError: 5, expected: null } as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("holes in sparse arrays (calendar days; SLA targets and IQS criteria are tested beside their modules)", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    expect(() => businessCalendar({ timeZone: "UTC", week: { mon: [, ["09:00", "17:00"]] as never } })).toThrow(
      code("INVALID_CALENDAR"),
    );
  });
  it("a custom CSAT scale of ten billion points", () => {
    expect(() => csat([1], { scale: { min: 0, max: 1e10 }, satisfiedFrom: 5 })).toThrow(code("INVALID_OPTION"));
  });
  it("percentiles: 5 instead of [5]", () => {
    expect(() => durationStats([1, 2], { percentiles: 5 as never })).toThrow(code("INVALID_ARGUMENT"));
    expect(() => percentiles([1, 2], 5 as never)).toThrow(code("INVALID_ARGUMENT"));
  });
  it("a forged accumulator state", () => {
    expect(() => createNpsAccumulator({ kind: "nps", promoters: -1, passives: 0, detractors: 0 })).toThrow(
      code("INVALID_COUNT"),
    );
    expect(() => createNpsAccumulator().merge({ toJSON: () => null } as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => createNpsAccumulator().merge({ kind: "nps" } as never)).toThrow(code("INVALID_COUNT"));
  });
  it("new CxMetricsError(..., null)", () => {
    const error = new CxMetricsError("nps", "EMPTY_INPUT", "no scores", null);
    expect(isCxMetricsError(error, "EMPTY_INPUT")).toBe(true);
    expect(error.issues).toEqual([]);
  });
  it("a Proxy of a Date", () => {
    const proxy = new Proxy(new Date("2025-03-10T09:00:00Z"), {});
    expect(() => businessMinutes(calendar, proxy, proxy)).toThrow(code("INVALID_DATE"));
    expect(() => lib.betaCdf(proxy as never, 1, 1)).toThrow(code("INVALID_ARGUMENT"));
  });
});

describe("valid inputs that used to fail, and figures that used to be wrong", () => {
  it("confidence 0.9999999999999999 is valid: z = -Φ⁻¹(5.55e-17) = 8.292361075813595 (Python statistics.NormalDist().inv_cdf, Wichura's AS241)", () => {
    expect(zForConfidence(0.9999999999999999)).toBeCloseTo(8.292361075813595, 9);
  });
  it("an interval from published shares with a total: 50 % and 33.3 % of 10 (counts 5, 1.67, 3.33 are not whole)", () => {
    const interval = npsConfidenceInterval(
      npsFromPercents({ promoterPercent: 50, detractorPercent: 33.3 }, { total: 10 }),
      { method: "wald" },
    );
    // Wald by hand: NPS = 16.7; variance = 0.5 + 0.333 - 0.167² = 0.80511; SE = 100 √(0.80511 / 10) = 28.374
    expect(interval.center).toBeCloseTo(16.7, 9);
    expect(interval.standardError).toBeCloseTo(28.3745, 3);
  });
  it("round(1e21) is 1e21, and round(-2.5e22, 1) is -2.5e22 (already whole)", () => {
    expect(round(1e21)).toBe(1e21);
    expect(round(-2.5e22, 1)).toBe(-2.5e22);
    expect(round(1.005, 2)).toBe(1.01);
  });
  it("ltv with a subnormal churn is a coded error, as churn 0 is", () => {
    expect(() => ltv({ arpa: 50, grossMargin: 0.8, churnRate: 5e-324 })).toThrow(code("INVALID_RATE"));
    expect(() => ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0 })).toThrow(code("INVALID_RATE"));
  });
  it("huge counts are rejected instead of giving a NaN score", () => {
    expect(() => npsFromCounts({ promoters: 1e308, passives: 1e308, detractors: 0 })).toThrow(code("INVALID_COUNT"));
    expect(() => npsFromCounts({ promoters: 2 ** 52, passives: 2 ** 52, detractors: 0 })).toThrow(
      code("INVALID_COUNT"),
    );
  });
});

describe("SQL helpers that wrote SQL no database runs, crashed, or lost rows on bad input", () => {
  const refused = (f: () => unknown, expected: string, extra: Record<string, unknown> = {}) =>
    expect(f).toThrow(expect.objectContaining({ code: expected, ...extra }));
  it("durationsSql: percentiles must be a list of percents 0-100, as summarize says (NaN gave quantile_cont(minutes, NaN))", () => {
    const sql = (percentiles: unknown) =>
      lib.durationsSql({ metric: "first-response", percentiles: percentiles as never }, { dialect: "duckdb" });
    for (const bad of [5, "90", [Number.NaN], [150], [-1], [null], [Number.POSITIVE_INFINITY]])
      refused(() => sql(bad), "INVALID_ARGUMENT", { fn: "durationsSql" });
    // p90 is the 0.9 quantile: the valid call is unchanged.
    expect(sql([90])).toContain("quantile_cont(minutes, 0.9)");
  });
  it("businessMinutesSql: start, end and as must be column names (a number or null was a TypeError)", () => {
    const options = { dialect: "postgres", table: "tickets", start: "created_at", end: "first_reply_at" } as const;
    for (const [field, bad] of [
      ["start", 1],
      ["start", ""],
      ["end", null],
      ["as", 5],
    ] as const)
      refused(() => lib.businessMinutesSql({ ...options, [field]: bad } as never), "INVALID_OPTION", { field });
    expect(lib.businessMinutesSql(options)).toContain('"first_reply_at"');
  });
  it("rowsFromCounts / summaryFromCounts: a null row, a missing n and a period that is not a whole number are refused with the row's index", () => {
    // NPS of three 10s and one 4: (3 − 1) / 4 = 50.
    const rows = () => [
      { period: null, value: "10", n: 3 },
      { period: null, value: "4", n: 1 },
    ];
    expect(lib.rowsFromCounts({ metric: "nps" }, rows()).rows[0]!.value).toBe(50);
    const withRow = (i: number, row: unknown) => rows().map((r, k) => (k === i ? row : r)) as never;
    refused(() => lib.rowsFromCounts({ metric: "nps" }, withRow(1, null)), "INVALID_ARGUMENT", { index: 1 });
    refused(() => lib.summaryFromCounts({ metric: "nps" }, withRow(0, 7)), "INVALID_ARGUMENT", { index: 0 });
    // n null was read as 0 answers.
    refused(
      () => lib.rowsFromCounts({ metric: "nps" }, withRow(0, { period: null, value: "10", n: null })),
      "INVALID_COUNT",
      { index: 0 },
    );
    // Without a period column each row was a group of its own: -100 instead of 50.
    refused(() => lib.rowsFromCounts({ metric: "nps" }, withRow(0, { value: "10", n: 3 })), "INVALID_VALUE", {
      index: 0,
    });
    for (const period of [Number.NaN, "x", 1.5])
      refused(
        () => lib.rowsFromCounts({ metric: "nps", every: "month" }, withRow(1, { period, value: "4", n: 1 })),
        "INVALID_VALUE",
        { index: 1 },
      );
  });
});

describe("rows of the SLA and durations queries: counts the queries cannot have written are refused", () => {
  const refused = (f: () => unknown, expected: string, index: number) =>
    expect(f).toThrow(expect.objectContaining({ code: expected, index }));
  const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
  const slaSpec = { metric: "sla", policy, asOf: "2025-04-01T00:00:00Z" } as const;
  // rowsFromSla's own example: 3 met, 1 breached (2 pending apart): 3 / 4 = 75 %.
  const slaRow = { period: 0, met: 3, breached: 1, pending: 2, used: 6, rejected: 1 };
  it("rowsFromSla: a null row, or a met, breached, pending, used or rejected that is not a whole number ≥ 0", () => {
    expect(lib.rowsFromSla(slaSpec, [slaRow]).rows[0]!.value).toBe(75);
    expect(lib.rowsFromSla(slaSpec, [{ ...slaRow, met: 3n, used: "6" }]).rows[0]!.value).toBe(75);
    refused(() => lib.rowsFromSla(slaSpec, [slaRow, null as never]), "INVALID_ARGUMENT", 1);
    for (const column of ["met", "breached", "pending", "used", "rejected"])
      for (const bad of [-1, 1.5, null, Number.NaN, "x"])
        refused(() => lib.rowsFromSla(slaSpec, [{ ...slaRow, [column]: bad } as never]), "INVALID_COUNT", 0);
    // With periods, the period key must be a whole number (24302 is March 2025: 2025 × 12 + 2).
    const monthly = { ...slaSpec, every: "month" } as const;
    expect(lib.rowsFromSla(monthly, [{ ...slaRow, period: 24302 }]).rows[0]!.period?.label).toBe("2025-03");
    for (const bad of [Number.NaN, "x", 1.5, undefined])
      refused(() => lib.rowsFromSla(monthly, [{ ...slaRow, period: bad } as never]), "INVALID_VALUE", 0);
  });
  it("rowsFromDurations: a null row, or an n, open or rejected that is not a whole number ≥ 0", () => {
    // rowsFromDurations' own example: the (period) and () sets of a report without segments, median 30.
    const rows = [
      { period: 0, g_period: 0, n: 3, open: 1, rejected: 0, mean: 40, p50: 30, p90: 82 },
      { period: null, g_period: 1, n: 3, open: 1, rejected: 0, mean: 40, p50: 30, p90: 82 },
    ];
    expect(lib.rowsFromDurations({ metric: "first-response" }, rows).rows.map((row) => row.value)).toEqual([30]);
    refused(
      () => lib.rowsFromDurations({ metric: "first-response" }, [rows[0]!, null as never]),
      "INVALID_ARGUMENT",
      1,
    );
    for (const column of ["n", "open", "rejected"])
      for (const bad of [-1, 1.5, null, Number.NaN])
        refused(
          () => lib.rowsFromDurations({ metric: "first-response" }, [rows[0]!, { ...rows[1]!, [column]: bad }]),
          "INVALID_COUNT",
          1,
        );
  });
});

describe("rowsFromTicketMetricsSql: cells ticketMetricsSql cannot have written are refused with the row's index", () => {
  // The function's own example: ticket 7 created 2025-03-10 09:00 UTC (epoch 1741597200), replied 30 minutes later.
  const ticket = {
    ticket_id: "7",
    status: "pending",
    events: 3,
    replies: 1,
    reopens: 0,
    created_at_epoch: 1741597200,
    replied_at_epoch: 1741599000,
    reply_minutes: 30,
    events_read: 4,
    events_used: 3,
    events_skipped: 0,
    events_rejected: 1,
  };
  const read = (row: Record<string, unknown>, waits?: unknown[]) =>
    lib.rowsFromTicketMetricsSql([{ ...ticket, ...row }] as never, waits as never);
  const refused = (f: () => unknown, expected: string) =>
    expect(f).toThrow(expect.objectContaining({ code: expected, index: 0 }));
  it("reads its example as before", () => {
    const [t] = read({}).tickets;
    expect([t!.createdAt, t!.repliedAt, t!.replyTime?.calendar]).toEqual([
      "2025-03-10T09:00:00.000Z",
      "2025-03-10T09:30:00.000Z",
      30,
    ]);
  });
  it("an instant that is not seconds since 1970, or a missing creation (INVALID_VALUE; it gave 'NaN-undefined-...')", () => {
    for (const bad of [Number.NaN, "x", Number.POSITIVE_INFINITY, 1e20])
      refused(() => read({ created_at_epoch: bad }), "INVALID_VALUE");
    refused(() => read({ created_at_epoch: null }), "INVALID_VALUE");
    refused(() => read({ replied_at_epoch: "soon" }), "INVALID_VALUE");
  });
  it("minutes that are not a number (INVALID_VALUE; they came back NaN)", () => {
    refused(() => read({ reply_minutes: "x" }), "INVALID_VALUE");
  });
  it("events, replies or reopens that are not a whole number ≥ 0 (INVALID_COUNT; -1 was read as is)", () => {
    for (const column of ["events", "replies", "reopens"])
      for (const bad of [-1, 1.5, Number.NaN, "x"]) refused(() => read({ [column]: bad }), "INVALID_COUNT");
  });
  it("a row or a wait that is not an object, a wait's instant that is not seconds (INVALID_ARGUMENT, INVALID_VALUE)", () => {
    expect(() => lib.rowsFromTicketMetricsSql([ticket, null] as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", index: 1 }),
    );
    refused(() => read({}, [null]), "INVALID_ARGUMENT");
    refused(() => read({}, [{ ticket_id: "7", from_epoch: "x", to_epoch: null }]), "INVALID_VALUE");
  });
});

describe("a report builder's addCounted for SLA checks the counted state when it is added", () => {
  const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
  const builder = () => lib.createSummary({ metric: "sla", policy, asOf: "2025-04-01T00:00:00Z" });
  it("null, text, negative or fractional met / breached / pending are INVALID_COUNT at once (null was 0, '3' made '003')", () => {
    for (const name of ["met", "breached", "pending"])
      for (const bad of [null, "3", -1, 1.5, Number.NaN])
        expect(() =>
          builder().addCounted(
            [],
            null,
            { kind: "sla-counts", met: 3, breached: 1, pending: 0, [name]: bad } as never,
            4,
          ),
        ).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    // 3 met of 3 + 1 decided: 75 %.
    const ok = builder().addCounted([], null, { kind: "sla-counts", met: 3, breached: 1, pending: 0 }, 4);
    expect(ok.result().rows[0]!.value).toBe(75);
  });
});

describe("accumulators' merge(null) is a coded error, as for the NPS, CSAT and CES accumulators", () => {
  it("SLA, service-time and IQS accumulators: merge(null) / merge(undefined) are INVALID_ARGUMENT (a TypeError before)", () => {
    const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
    const make = [
      () => lib.createSlaAccumulator(policy),
      () => lib.createServiceTimeAccumulator({ metric: "first-response" }),
      () => lib.createIqsAccumulator({ criteria: [{ id: "solution", weight: 1, scale: "binary" }] }),
    ];
    for (const accumulator of make)
      for (const bad of [null, undefined])
        expect(() => accumulator().merge(bad as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("SlaRule.dueAt refuses what is not one of its measurements", () => {
  it("INVALID_ARGUMENT for null, a number, a text or a measurement of another target (a TypeError before)", () => {
    const rule = lib.slaRule({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
    const [m] = rule.measure({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" });
    // Created 09:00, target 60 calendar minutes: due 10:00 UTC.
    expect(new Date(rule.dueAt(m!)).toISOString()).toBe("2025-03-10T10:00:00.000Z");
    for (const bad of [null, undefined, 5, "x", {}, { ...m!, target: 1 }, { ...m!, start: Number.NaN }])
      expect(() => rule.dueAt(bad as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("CsatRule.share and CesRule.share refuse a value that is not a rating on the scale", () => {
  it("INVALID_SCORE for null, text, NaN, a fraction or a value off the scale (null counted as 0, 9 as easy)", () => {
    const csatRule = lib.csatRule(); // 1-5, satisfied from 4 (the default)
    const cesRule = lib.cesRule(); // 1-7, easy from 5 (Quality-mgmt)
    expect([csatRule.share(4), csatRule.share(3), cesRule.share(5), cesRule.share(4)]).toEqual([1, 0, 1, 0]);
    for (const bad of [null, "4", Number.NaN, 4.5, 0, 9])
      for (const rule of [csatRule, cesRule])
        expect(() => rule.share(bad as never)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
  });
});

describe("rowsFromCounts, weighted: a null sum of weights is a rejected row, as a sum that is not a number", () => {
  it("three 10s weighing 6 and a 4 weighing 2 give (6 − 2) / 8 = 50; with the 4's sum null the 4 is rejected (it weighed 0)", () => {
    const rows = (w: unknown) => [
      { period: null, value: "10", n: 3, w: 6, w2: 12 },
      { period: null, value: "4", n: 1, w, w2: 4 },
    ];
    const spec = { metric: "nps", weight: "w" } as const;
    expect(lib.rowsFromCounts(spec, rows(2) as never).rows[0]!.value).toBe(50);
    for (const bad of [null, "x"]) {
      const result = lib.rowsFromCounts(spec, rows(bad) as never);
      // Only the three 10s are used: NPS 100, and the 4 is counted as rejected (read = used + rejected).
      expect([result.rows[0]!.value, result.input]).toEqual([100, { read: 4, used: 3, unanswered: 0, rejected: 1 }]);
    }
  });
});
