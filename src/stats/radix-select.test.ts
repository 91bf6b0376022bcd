// The radix select against the plain definition: the value a sorted copy (Float64Array.prototype.sort, numeric order)
// holds at each rank, on arrays of many shapes above the size where orderStatistics uses it.
import { describe, expect, it } from "vitest";
import { orderStatistics, percentiles } from "./percentile.js";
import { radixOrderStatistics } from "./radix-select.js";
import { random } from "../../test/seeded-random.js";

/** Values of one shape: durations, ties, one bucket, zeros of both signs, negatives, subnormals, huge, sorted. */
const SHAPES: readonly ((u: number, i: number, n: number) => number)[] = [
  (u) => -Math.log(u) * 90, // minutes, skewed
  (u) => Math.floor(u * 11), // few distinct values
  () => 42, // all equal
  (u) => 1000 + u * 1e-9, // all in one bucket (the same top 16 bits)
  (u) => [-1, -0, 0, 1][Math.floor(u * 4)]!,
  (u) => (u - 0.5) * 1e6, // negatives and positives
  (u) => (u - 0.5) * 1e-310, // subnormals of both signs
  (u) => (u < 0.5 ? -1 : 1) * 10 ** (u * 600 - 300), // magnitudes from 1e-300 to 1e300
  (_, i) => i, // sorted
  (_, i, n) => n - i, // reversed
];

describe("radixOrderStatistics", () => {
  it("gives the value a sorted copy holds at each rank, and leaves the array as it was", () => {
    const next = random(7);
    SHAPES.forEach((shape, s) => {
      for (const n of [40_000, 70_001]) {
        const data = Float64Array.from({ length: n }, (_, i) => shape(next(), i, n));
        const before = Float64Array.from(data);
        const sorted = Float64Array.from(data).sort();
        const ranks = [
          0,
          n - 1,
          Math.floor(n / 2),
          Math.floor(n / 2) + 1,
          ...[0, 0, 0, 0].map(() => Math.floor(next() * n)),
        ];
        const wanted = [...new Set(ranks)].sort((x, y) => x - y);
        const found = radixOrderStatistics(data, wanted);
        // -0 and 0 are one value to a selection (either may come back), as for the Floyd-Rivest select.
        for (const rank of wanted)
          expect(found.get(rank)! + 0, `shape ${s}, n ${n}, rank ${rank}`).toBe(sorted[rank]! + 0);
        expect(data.every((value, i) => Object.is(value, before[i]))).toBe(true);
      }
    });
  });

  it("is what orderStatistics uses from 32,768 values: the same order statistics as below that size", () => {
    const next = random(11);
    for (const n of [32_767, 32_768]) {
      const data = Float64Array.from({ length: n }, () => Math.floor(next() * 500) + next());
      const sorted = Float64Array.from(data).sort();
      const found = orderStatistics(Float64Array.from(data), [100, 16_384, 30_000]);
      expect([...found.values()]).toEqual([sorted[100], sorted[16_384], sorted[30_000]]);
    }
  });

  it("percentiles of 100,000 values: the linear method read from a sorted copy, bit for bit", () => {
    const next = random(13);
    const values = Array.from({ length: 100_000 }, () => -Math.log(next()) * 60);
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    // R type 7 (Hyndman & Fan's α = β = 1): h = n p + α + p (1 − α − β) − 1 = (n − 1) p, written as the library
    // writes it for the same rounding; then x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
    const linear = [50, 90, 95].map((p) => {
      const h = n * (p / 100) + 1 + (p / 100) * -1 - 1;
      const j = Math.floor(h);
      return sorted[j]! + (h - j) * (sorted[j + 1]! - sorted[j]!);
    });
    expect(percentiles(values, [50, 90, 95])).toEqual(linear);
  });
});
