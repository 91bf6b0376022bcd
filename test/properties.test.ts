import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessCalendar,
  businessMinutes,
  ces,
  cohortRetention,
  compareNps,
  createNpsAccumulator,
  csat,
  customerRetention,
  iqs,
  nps,
  npsConfidenceInterval,
  npsSampleSize,
  proportionInterval,
  sampleSize,
  type Scorecard,
} from "../src/index.js";

// Property tests: invariants that must hold for any input, checked on random samples.
const npsScores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe("NPS invariants", () => {
  it("the score is within -100..100 and the counts add up", () => {
    fc.assert(
      fc.property(npsScores, (scores) => {
        const result = nps(scores);
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.promoters + result.passives + result.detractors).toBe(scores.length);
      }),
    );
  });
  it("the order of responses does not matter", () => {
    fc.assert(
      fc.property(npsScores, fc.integer(), (scores, seed) => {
        const shuffled = [...scores].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        expect(nps(shuffled)).toEqual(nps(scores));
      }),
    );
  });
  it("merging two accumulators equals one pass over both inputs", () => {
    fc.assert(
      fc.property(npsScores, npsScores, (a, b) => {
        const merged = createNpsAccumulator().addAll(a).merge(createNpsAccumulator().addAll(b).toJSON());
        expect(nps([...a, ...b])).toMatchObject(merged.result());
      }),
    );
  });
  it("every interval contains its centre and widens as confidence rises", () => {
    fc.assert(
      fc.property(
        npsScores,
        confidence,
        confidence,
        fc.constantFrom("adjusted-wald" as const, "wald" as const),
        (scores, c1, c2, method) => {
          const [lower, higher] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const narrow = npsConfidenceInterval(nps(scores), { confidence: lower, method });
          const wide = npsConfidenceInterval(nps(scores), { confidence: higher, method });
          expect(narrow.low).toBeLessThanOrEqual(narrow.center);
          expect(narrow.high).toBeGreaterThanOrEqual(narrow.center);
          // Up to rounding: confidences one ulp apart can give margins one rounding step apart either way.
          expect(wide.marginOfError).toBeGreaterThanOrEqual(narrow.marginOfError * (1 - 1e-12));
          expect(wide.low).toBeLessThanOrEqual(narrow.low + 1e-9);
          expect(wide.high).toBeGreaterThanOrEqual(narrow.high - 1e-9);
        },
      ),
    );
  });
  it("the comparison's p-value is in [0, 1] and symmetric in a and b", () => {
    fc.assert(
      fc.property(npsScores, npsScores, (a, b) => {
        const ab = compareNps(nps(a), nps(b));
        const ba = compareNps(nps(b), nps(a));
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
      }),
    );
  });
});

describe("proportion interval invariants", () => {
  const methods = fc.constantFrom(
    "wilson" as const,
    "agresti-coull" as const,
    "wald" as const,
    "clopper-pearson" as const,
    "jeffreys" as const,
  );
  const counts = fc
    .integer({ min: 1, max: 2000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
  it("bounds are in [0, 1], contain the centre and widen as confidence rises", () => {
    fc.assert(
      fc.property(counts, methods, confidence, confidence, ([x, n], method, c1, c2) => {
        const [lower, higher] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const narrow = proportionInterval(x, n, { method, confidence: lower });
        const wide = proportionInterval(x, n, { method, confidence: higher });
        expect(narrow.low).toBeGreaterThanOrEqual(0);
        expect(narrow.high).toBeLessThanOrEqual(1);
        expect(narrow.low).toBeLessThanOrEqual(Math.min(1, Math.max(0, narrow.center)) + 1e-12);
        expect(narrow.high).toBeGreaterThanOrEqual(Math.min(1, Math.max(0, narrow.center)) - 1e-12);
        expect(wide.low).toBeLessThanOrEqual(narrow.low + 1e-12);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high - 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("CSAT and CES invariants", () => {
  it("percent is 0-100, the mean lies on the scale and the distribution adds up to the total", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (ratings) => {
        const result = csat(ratings);
        expect(result.percent).toBeGreaterThanOrEqual(0);
        expect(result.percent).toBeLessThanOrEqual(100);
        expect(result.mean).toBeGreaterThanOrEqual(1);
        expect(result.mean).toBeLessThanOrEqual(5);
        expect(result.distribution.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(ratings.length);
        const effort = ces(ratings, { scale: "1-5" });
        expect(effort.easyPercent).toBeGreaterThanOrEqual(0);
        expect(effort.easyPercent).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("sample size invariants", () => {
  const margin = fc.double({ min: 0.005, max: 0.5, noNaN: true });
  const population = fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined });
  it("n never falls when confidence rises or the margin shrinks, and never exceeds the population", () => {
    fc.assert(
      fc.property(confidence, confidence, margin, margin, population, (c1, c2, e1, e2, N) => {
        const [lowC, highC] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [smallE, largeE] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const base = { marginOfError: largeE, confidence: lowC, ...(N === undefined ? {} : { population: N }) };
        const n = sampleSize(base).n;
        expect(sampleSize({ ...base, confidence: highC }).n).toBeGreaterThanOrEqual(n);
        expect(sampleSize({ ...base, marginOfError: smallE }).n).toBeGreaterThanOrEqual(n);
        if (N !== undefined) expect(n).toBeLessThanOrEqual(N);
        expect(npsSampleSize({ marginOfError: 100 * largeE, confidence: lowC }).n).toBeGreaterThanOrEqual(
          sampleSize({ marginOfError: largeE, confidence: lowC }).n,
        );
      }),
    );
  });
});

describe("IQS invariants", () => {
  const scorecard: Scorecard = {
    criteria: [
      { id: "a", weight: 2, scale: "binary", allowNa: true },
      { id: "b", weight: 1, scale: "1-5", allowNa: true },
      { id: "c", weight: 0.5, scale: "1-3", critical: true },
    ],
  };
  const review = fc.record({
    a: fc.oneof(fc.boolean(), fc.constant(null)),
    b: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null)),
    c: fc.integer({ min: 1, max: 3 }),
  });
  it("IQS and every review score lie in [0, 100]; critical fails score 0", () => {
    fc.assert(
      fc.property(fc.array(review, { minLength: 1, maxLength: 50 }), (ratings) => {
        const result = iqs(
          ratings.map((r) => ({ ratings: r })),
          scorecard,
        );
        expect(result.iqs).toBeGreaterThanOrEqual(0);
        expect(result.iqs).toBeLessThanOrEqual(100);
        for (const r of result.perReview) {
          expect(r.score).not.toBeNull();
          expect(r.score!).toBeGreaterThanOrEqual(0);
          expect(r.score!).toBeLessThanOrEqual(100 + 1e-9);
          if (r.criticalFail) expect(r.score).toBe(0);
        }
      }),
    );
  });
});

describe("retention invariants", () => {
  it("retention + conventional churn = 100 whenever the counts are consistent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, added, share) => {
          const lost = Math.floor(share * start);
          const result = customerRetention({ start, new: added, lost });
          expect(result.retentionPercent + result.churnPercent).toBeCloseTo(100, 9);
          expect(result.osipovPrintedChurnPercent).toBeCloseTo(-result.churnPercent, 9);
        },
      ),
    );
  });
  it("cohort counts never exceed the cohort size", () => {
    const activity = fc.array(
      fc.record({
        customerId: fc.constantFrom("a", "b", "c", "d", "e"),
        date: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 31) }),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        activity,
        fc.constantFrom("week" as const, "month" as const, "quarter" as const),
        (records, period) => {
          for (const row of cohortRetention(records, { period }).cohorts) {
            expect(row.retained[0]).toBe(row.size);
            for (const count of row.retained) expect(count).toBeLessThanOrEqual(row.size);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("business time invariants", () => {
  const calendar = businessCalendar({
    timeZone: "Europe/Berlin",
    week: {
      mon: [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
      tue: [["09:00", "17:00"]],
      wed: [["22:00", "06:00"]],
      fri: [["09:00", "17:00"]],
      sat: [["10:00", "14:00"]],
    },
    holidays: ["2025-12-25", { date: "2025-12-24", open: [["09:00", "12:00"]] }],
  });
  // instants over 2025, which holds both DST changes, to the second
  const instant = fc
    .integer({ min: Date.UTC(2025, 0, 1) / 1000, max: Date.UTC(2026, 0, 1) / 1000 })
    .map((s) => s * 1000);
  it("business minutes never exceed calendar minutes and are additive", () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const ab = businessMinutes(calendar, a, b);
        const bc = businessMinutes(calendar, b, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual((b - a) / 60_000);
        expect(businessMinutes(calendar, a, c)).toBeCloseTo(ab + bc, 6);
      }),
    );
  });
  it("businessMinutes(start, addBusinessMinutes(start, m)) = m", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20_000 }), (start, minutes) => {
        const due = addBusinessMinutes(calendar, start, minutes);
        expect(due.getTime()).toBeGreaterThanOrEqual(start);
        expect(businessMinutes(calendar, start, due)).toBeCloseTo(minutes, 6);
      }),
    );
  });
});
