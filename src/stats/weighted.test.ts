// weightedMean and wilsonBounds: what they refuse (coded errors), beside test/statistics-r.test.ts, which checks their
// figures against R's survey package and prop.test. The figures here are from R too (see each case).
import { describe, expect, it } from "vitest";
import { zForConfidence } from "./normal.js";
import { weightedMean, wilsonBounds } from "./weighted.js";

/** A coded error (CxMetricsError) with this code. */
const coded = (code: string) => expect.objectContaining({ name: "CxMetricsError", code });

describe("weightedMean", () => {
  it("R: svymean(~y, svydesign(ids = ~1, weights = ~w, data.frame(y = c(4, 5, 3), w = c(1, 2, 1)))) = 4.25, SE 0.6027281726", () => {
    const result = weightedMean([
      { y: 4, n: 1, w: 1, w2: 1 },
      { y: 5, n: 1, w: 2, w2: 4 },
      { y: 3, n: 1, w: 1, w2: 1 },
    ]);
    expect(result.mean).toBe(4.25);
    expect(result.se).toBeCloseTo(0.6027281726, 9);
    // Kish: (Σw)² / Σw² = 16 / 6
    expect(result.nEffective).toBeCloseTo(16 / 6, 12);
  });

  it("refuses cells that are not finite numbers ≥ 0, values that are not an array, a sampleSize under 1, and no weight", () => {
    expect(() => weightedMean([{ y: 1, n: 1, w: Number.NaN, w2: 1 }])).toThrow(coded("INVALID_VALUE"));
    expect(() => weightedMean([{ y: 1, n: -1, w: 1, w2: 1 }])).toThrow(coded("INVALID_VALUE"));
    expect(() => weightedMean([null as unknown as { y: number; n: number; w: number; w2: number }])).toThrow(
      coded("INVALID_VALUE"),
    );
    expect(() => weightedMean("1,2" as unknown as [])).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => weightedMean([{ y: 1, n: 1, w: 1, w2: 1 }], 0)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => weightedMean([])).toThrow(coded("EMPTY_INPUT"));
    expect(() => weightedMean([{ y: 1, n: 1, w: 0, w2: 0 }])).toThrow(coded("EMPTY_INPUT"));
  });
});

describe("wilsonBounds", () => {
  it("R: prop.test(80, 100, correct = FALSE)$conf.int = 0.7111708344, 0.8666330667", () => {
    const bounds = wilsonBounds(0.8, 100, zForConfidence(0.95));
    expect(bounds.low).toBeCloseTo(0.7111708344, 9);
    expect(bounds.high).toBeCloseTo(0.8666330667, 9);
  });

  it("refuses p outside 0-1, n not > 0 and z not > 0 (NaN included)", () => {
    const z = zForConfidence(0.95);
    expect(() => wilsonBounds(1.2, 100, z)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => wilsonBounds(Number.NaN, 100, z)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => wilsonBounds(0.5, 0, z)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => wilsonBounds(0.5, 100, Number.NaN)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => wilsonBounds(0.5, 100, -1)).toThrow(coded("INVALID_ARGUMENT"));
    expect(() => wilsonBounds(0, 10, z)).not.toThrow(); // a share of 0 is a share
  });
});
