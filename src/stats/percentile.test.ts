import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { percentile, percentiles, type PercentileMethod } from "./percentile.js";
import { groupBy } from "./group-by.js";

interface NumpyFixture {
  readonly numpy: string;
  readonly ps: number[];
  readonly cases: { readonly values: number[]; readonly results: Record<string, number[]> }[];
}
// numpy.percentile(values, p, method=...) output, from test/fixtures/numpy-percentiles.py
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/numpy-percentiles.json", import.meta.url), "utf8"),
) as NumpyFixture;

describe(`percentile against numpy ${fixture.numpy}`, () => {
  fixture.cases.forEach((entry, c) => {
    for (const [method, expected] of Object.entries(entry.results)) {
      it(`${method}, case ${c} (n = ${entry.values.length})`, () => {
        // 13 percentiles at once take the one-sort path; 4 at a time the selection path.
        const got = percentiles(entry.values, fixture.ps, { method: method as PercentileMethod });
        got.forEach((value, i) => {
          expect(value).toBeCloseTo(expected[i]!, 9);
        });
        for (let from = 0; from < fixture.ps.length; from += 4) {
          const few = percentiles(entry.values, fixture.ps.slice(from, from + 4), {
            method: method as PercentileMethod,
          });
          few.forEach((value, i) => {
            expect(value).toBeCloseTo(expected[from + i]!, 9);
          });
        }
      });
    }
  });
  it("nearest-rank is inverted-cdf (R type 1)", () => {
    const values = fixture.cases[0]!.values;
    expect(percentiles(values, fixture.ps, { method: "nearest-rank" })).toEqual(
      percentiles(values, fixture.ps, { method: "inverted-cdf" }),
    );
  });
});

describe("percentile", () => {
  it("defaults to linear (hand: [1, 2, 3, 4], p50 → 2.5, p90 → 3 + 0.7 × 1 = 3.7)", () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 90)).toBeCloseTo(3.7, 12);
    expect(percentile(new Float64Array([7]), 90)).toBe(7);
    expect(percentile([{ m: 2 }, { m: 8 }], 50, { accessor: (r) => r.m })).toBe(5);
  });
  it("does not reorder the input", () => {
    const values = [5, 3, 1, 4, 2];
    percentile(values, 50);
    expect(values).toEqual([5, 3, 1, 4, 2]);
  });
  it("rejects bad values, p and methods with coded errors", () => {
    expect(() => percentile([1, Number.NaN], 50)).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE", index: 1, fn: "percentile" }),
    );
    expect(() => percentile([1, "2" as unknown as number], 50)).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE" }),
    );
    expect(() => percentile([1, 2], 0.9 * 1000)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => percentile([1, 2], -1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => percentile([], 50)).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => percentile([1], 50, { method: "type7" as "linear" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

describe("groupBy", () => {
  it("keeps first-seen order and counts each group", () => {
    const groups = groupBy([{ c: "chat" }, { c: "email" }, { c: "chat" }], (r) => r.c);
    expect(groups.map((g) => [g.key, g.n])).toEqual([
      ["chat", 2],
      ["email", 1],
    ]);
  });
});
