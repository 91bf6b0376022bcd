// medianInterval: the distribution-free interval of a median (Conover, Practical Nonparametric Statistics, 3rd ed.,
// 3.2). Expected ranks and coverages are computed by hand from Binomial(n, ½) below, and agree with R's
// `l <- qbinom((1 - conf)/2, n, 0.5); sort(x)[c(l, n - l + 1)]`.
import { describe, expect, it } from "vitest";
import { medianInterval } from "./median-interval.js";

/** A coded error (CxMetricsError) with this code. */
const coded = (code: string) => expect.objectContaining({ name: "CxMetricsError", code });

describe("medianInterval", () => {
  it("n = 10 at 95 %: ranks 2 and 9, coverage 1 − 2 · 11/1024 (P(B ≤ 1) = (1 + 10)/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024)", () => {
    const values = [7, 2, 9, 4, 1, 10, 3, 8, 5, 6];
    const interval = medianInterval(values, 0.95);
    expect(interval).toEqual({ low: 2, high: 9, ranks: [2, 9], coverage: 1 - (2 * 11) / 1024 });
    expect(values).toEqual([7, 2, 9, 4, 1, 10, 3, 8, 5, 6]); // not reordered
  });

  it("n = 5 at 95 % is too few: the whole range, coverage 1 − 2/32 = 0.9375 (R: qbinom(0.025, 5, 0.5) = 1)", () => {
    expect(medianInterval(Float64Array.from([30, 10, 50, 20, 40]), 0.95)).toEqual({
      low: 10,
      high: 50,
      ranks: [1, 5],
      coverage: 1 - 2 / 32,
    });
  });

  it("n = 2,000 (above the exact range): l = ⌊(n − 1.96 √n)/2⌋ = ⌊(2000 − 87.65)/2⌋ = 956, ranks 956 and 1045", () => {
    const values = Array.from({ length: 2000 }, (_, i) => 2000 - i); // 2000, 1999, ..., 1
    const interval = medianInterval(values, 0.95);
    expect(interval.ranks).toEqual([956, 1045]);
    expect([interval.low, interval.high]).toEqual([956, 1045]); // the k-th smallest of 1..2000 is k
    expect(interval.coverage).toBe(0.95);
  });

  it("refuses values that are not finite numbers (with their index), no values, and a confidence outside (0, 1)", () => {
    expect(() => medianInterval([1, Number.NaN, 3], 0.95)).toThrow(coded("INVALID_VALUE"));
    expect(() => medianInterval([1, 2, Number.POSITIVE_INFINITY], 0.95)).toThrow(coded("INVALID_VALUE"));
    expect(() => medianInterval(["1", 2] as unknown as number[], 0.95)).toThrow(coded("INVALID_VALUE"));
    expect(() => medianInterval([], 0.95)).toThrow(coded("EMPTY_INPUT"));
    expect(() => medianInterval([1, 2, 3], 95)).toThrow(coded("INVALID_CONFIDENCE"));
    expect(() => medianInterval([1, 2, 3], 0)).toThrow(coded("INVALID_CONFIDENCE"));
    // The value at index 1 is named.
    expect(() => medianInterval([1, Number.NaN, 3], 0.95)).toThrow(expect.objectContaining({ index: 1 }));
  });
});
