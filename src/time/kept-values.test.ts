// The callers of orderStatistics that must leave their values as they are (`keep`): the service-time accumulator's
// minutes (kept in the order added: the mean sums them in that order, and the median's interval reads them next) and
// medianInterval's Float64Array input. Below 32,768 values a copy is selected in; from there the radix select reads
// the values without moving them; with more than eight ranks one sort of a copy. Expected figures by hand: the values
// are a permutation of 0, 1, ..., n − 1, so the value of 0-based rank k is k, R type 7's percentile p is (n − 1) p/100
// (h = (n − 1) p/100, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) = h), and the mean is (n − 1)/2.
import { describe, expect, it } from "vitest";
import { medianInterval } from "../stats/median-interval.js";
import { statsOfDurations } from "./duration-stats.js";

/** 0, 1, ..., n − 1 in a scrambled order: i ↦ 7919 i mod n (7919 is prime and divides neither size, so a bijection). */
function permutation(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (7919 * i) % n);
}

describe("values kept as they were", () => {
  it("statsOfDurations with keep: the figures of the sorted values, the array unchanged (copy, radix, sort)", () => {
    for (const n of [1_000, 40_000]) {
      for (const percentiles of [
        [90, 95],
        [1, 5, 10, 25, 75, 90, 95, 99],
      ]) {
        const values = permutation(n);
        const before = values.slice();
        const stats = statsOfDurations("durationStats", values, percentiles, undefined, undefined, true);
        expect(stats.median).toBe((n - 1) / 2);
        expect(stats.mean).toBe((n - 1) / 2);
        for (const p of percentiles)
          expect((stats as unknown as Record<string, number>)[`p${p}`], `n ${n}, p${p}`).toBeCloseTo(
            ((n - 1) * p) / 100,
            9,
          );
        expect(values).toEqual(before);
      }
    }
  });

  it("medianInterval of a Float64Array: R's order statistics, the array unchanged (copy below 32,768, radix above)", () => {
    // R: qbinom(0.025, 1000, 0.5) = 469, qbinom(0.025, 40000, 0.5) = 19804 (Rscript 2026-12-05); sort(x)[c(l, n - l + 1)]
    // of 0..n−1 is l − 1 and n − l.
    for (const [n, l] of [
      [1_000, 469],
      [40_000, 19_804],
    ] as const) {
      const values = permutation(n);
      const before = values.slice();
      const interval = medianInterval(values, 0.95);
      expect(interval.ranks).toEqual([l, n - l + 1]);
      expect([interval.low, interval.high]).toEqual([l - 1, n - l]);
      expect(values).toEqual(before);
      expect(medianInterval(Array.from(values), 0.95)).toEqual(interval);
    }
  });
});
