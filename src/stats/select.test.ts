import { median, quantile, quickselect } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { orderStatistics, percentiles } from "./percentile.js";
import { select } from "./select.js";
import { random } from "../../test/seeded-random.js";

/**
 * Arrays of many shapes: short and long (over the 600 where the sample window starts), ties, zeros of both signs,
 * sorted and reversed.
 */
function arrays(seed: number, count: number): Float64Array[] {
  const next = random(seed);
  const out: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    const n = 1 + Math.floor(next() * (c % 4 === 0 ? 20_000 : 700));
    const shape = c % 6;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = next();
      a[i] =
        shape === 0
          ? (u - 0.5) * 1e6
          : shape === 1
            ? Math.floor(u * 11)
            : shape === 2
              ? [-1, -0, 0, 1][Math.floor(u * 4)]!
              : shape === 3
                ? i
                : shape === 4
                  ? n - i
                  : -Math.log(u) * 90;
    }
    out.push(a);
  }
  return out;
}

describe("select (Floyd-Rivest)", () => {
  it("places the value a sort puts at k, nothing larger before it and nothing smaller after it, on 400 random arrays", () => {
    const next = random(17);
    for (const data of arrays(1, 400)) {
      const sorted = Float64Array.from(data).sort();
      for (let round = 0; round < 3; round++) {
        const k = Math.floor(next() * data.length);
        const a = Float64Array.from(data);
        select(a, k);
        const wrong = [a[k] === sorted[k] ? "" : `a[${k}] = ${a[k]}, sorted ${sorted[k]}`];
        for (let i = 0; i < k; i++) if (a[i]! > a[k]!) wrong.push(`a[${i}] = ${a[i]} > a[${k}] = ${a[k]}`);
        for (let i = k + 1; i < a.length; i++) if (a[i]! < a[k]!) wrong.push(`a[${i}] = ${a[i]} < a[${k}] = ${a[k]}`);
        const resorted = a.sort(); // a permutation of the input
        for (let i = 0; i < a.length; i++)
          if (!Object.is(resorted[i], sorted[i])) wrong.push(`not a permutation at ${i}`);
        expect(wrong.filter((text) => text !== "").slice(0, 3), `n ${data.length}, k ${k}`).toEqual([]);
      }
    }
  });
  it("leaves the array exactly as simple-statistics' quickselect did (the function it replaces), zeros' signs included", () => {
    const next = random(29);
    for (const data of arrays(2, 200)) {
      const ours = Float64Array.from(data);
      const theirs = Float64Array.from(data);
      // Successive selections from the previous rank, as orderStatistics makes them.
      const ranks = [0, 0, 0].map(() => Math.floor(next() * data.length)).sort((x, y) => x - y);
      let from = 0;
      for (const k of ranks) {
        select(ours, k, from, ours.length - 1);
        quickselect(theirs as unknown as number[], k, from, theirs.length - 1);
        from = k;
      }
      expect(ours.every((value, i) => Object.is(value, theirs[i]))).toBe(true);
    }
  });
});

describe("percentiles by selection", () => {
  // Bit for bit, but for the sign of a zero: a sort puts -0 before 0, selection leaves either where it falls (as
  // before).
  const unsigned = (values: number[]): number[] => values.map((value) => value + 0);
  it("equal the same methods read from a sorted copy, bit for bit", () => {
    for (const data of arrays(3, 120)) {
      const values = Array.from(data);
      const sorted = Float64Array.from(data).sort();
      const n = sorted.length;
      const ps = [0, 5, 25, 50, 90, 95, 99, 100];
      const linear = ps.map((p) => {
        const g = Math.min(n - 1, Math.max(0, n * (p / 100) + 1 + (p / 100) * -1 - 1));
        const j = Math.floor(g);
        return g - j === 0 ? sorted[j]! : sorted[j]! + (g - j) * (sorted[Math.min(n - 1, j + 1)]! - sorted[j]!);
      });
      expect(unsigned(percentiles(values, ps))).toEqual(unsigned(linear));
      const nearestRank = ps.map((p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((n * p) / 100) - 1))]!);
      expect(unsigned(percentiles(values, ps, { method: "nearest-rank" }))).toEqual(unsigned(nearestRank));
    }
  });
  it("give the median simple-statistics gave (historicalLtv's, before it used this one), and agree with its quantile within rounding", () => {
    for (const data of arrays(4, 120)) {
      const values = Array.from(data);
      expect(percentiles(values, [50])[0]).toBe(median(values));
      const theirs = quantile(values, [0.1, 0.9]);
      percentiles(values, [10, 90]).forEach((ours, i) => {
        expect(ours).toBeCloseTo(theirs[i]!, 6);
      });
    }
  });
});

describe("orderStatistics", () => {
  it("reads neighbouring ranks (k, k + 1, k + 2) as a sorted copy holds them, the array a permutation in order there", () => {
    const next = random(41);
    for (const data of arrays(5, 120)) {
      const sorted = Float64Array.from(data).sort();
      const k = Math.floor(next() * Math.max(1, data.length - 2));
      const ranks = [k, k + 1, k + 2].filter((rank) => rank < data.length);
      const a = Float64Array.from(data);
      const found = orderStatistics(a, ranks);
      // Values compared as numbers: -0 and 0 are one value to a selection.
      for (const rank of ranks) expect(found.get(rank)! + 0).toBe(sorted[rank]! + 0);
      const last = ranks[ranks.length - 1]!;
      for (let i = 0; i < k; i++) expect(a[i]! <= a[k]!).toBe(true);
      for (let i = last + 1; i < a.length; i++) expect(a[i]! >= a[last]!).toBe(true);
      expect(Float64Array.from(a).sort()).toEqual(sorted);
    }
  });
});
