import { describe, expect, it } from "vitest";
import { R_PROPORTION_INTERVALS } from "../../test/fixtures/r-proportion-intervals.js";
import { proportionInterval, type ProportionIntervalMethod } from "./proportion-interval.js";

const METHOD_KEYS: [ProportionIntervalMethod, "wilson" | "agrestiCoull" | "wald" | "clopperPearson" | "jeffreys"][] = [
  ["wilson", "wilson"],
  ["agresti-coull", "agrestiCoull"],
  ["wald", "wald"],
  ["clopper-pearson", "clopperPearson"],
  ["jeffreys", "jeffreys"],
];

describe("proportionInterval against R (test/fixtures/r-proportion-intervals.R)", () => {
  for (const row of R_PROPORTION_INTERVALS) {
    for (const [method, key] of METHOD_KEYS) {
      it(`${method} x=${row.x} n=${row.n} confidence=${row.confidence}`, () => {
        const [rLow, rHigh] = row[key];
        const result = proportionInterval(row.x, row.n, { method, confidence: row.confidence });
        // R prints Wald and Agresti-Coull unclipped; the library clips to [0, 1] and says so.
        expect(Math.abs(result.low - Math.max(0, rLow))).toBeLessThan(1e-6);
        expect(Math.abs(result.high - Math.min(1, rHigh))).toBeLessThan(1e-6);
        expect(result.clipped).toBe(rLow < -1e-12 || rHigh > 1 + 1e-12);
        expect(result.estimate).toBe(row.x / row.n);
      });
    }
  }
});

describe("proportionInterval", () => {
  it("defaults to Wilson at 95% and reports its centre (hand calculation for 43/50)", () => {
    const result = proportionInterval(43, 50);
    const z = 1.959963984540054;
    expect(result.method).toBe("wilson");
    expect(result.confidence).toBe(0.95);
    expect(result.center).toBeCloseTo((0.86 + (z * z) / 100) / (1 + (z * z) / 50), 12);
  });
  it("rejects bad counts, confidence and method with coded errors", () => {
    expect(() => proportionInterval(-1, 10)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => proportionInterval(1.5, 10)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => proportionInterval(11, 10)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => proportionInterval(0, 0)).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => proportionInterval(5, Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => proportionInterval(5, 10, { confidence: 95 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
    expect(() => proportionInterval(5, 10, { method: "exact" as ProportionIntervalMethod })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});
