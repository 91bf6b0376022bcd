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
