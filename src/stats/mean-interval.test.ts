import { describe, expect, it } from "vitest";
import { meanConfidenceInterval } from "./mean-interval.js";

describe("meanConfidenceInterval", () => {
  it("matches R t.test(c(5,5,4,4,4,3,2,5,4,1))$conf.int", () => {
    // R 4.2.2: mean 3.7, sd 1.33749350984926, 95% CI 2.74321478103839 .. 4.65678521896161
    const result = meanConfidenceInterval({ mean: 3.7, standardDeviation: 1.33749350984926, n: 10 });
    expect(result.low).toBeCloseTo(2.74321478103839, 10);
    expect(result.high).toBeCloseTo(4.65678521896161, 10);
    expect(result.df).toBe(9);
  });
  it("matches mean ± qt(0.975, 24) · sd/√n from a summary (R: qt = 2.06389856162803)", () => {
    const result = meanConfidenceInterval({ mean: 4.2, standardDeviation: 0.8, n: 25 });
    expect(result.t).toBeCloseTo(2.06389856162803, 11);
    expect(result.low).toBeCloseTo(3.86977623013952, 11);
    expect(result.high).toBeCloseTo(4.53022376986048, 11);
    expect(result.standardError).toBeCloseTo(0.16, 15);
  });
  it("uses the requested confidence (R: t.test(c(7,6,5,3,2), conf.level = 0.9))", () => {
    const result = meanConfidenceInterval(
      { mean: 4.6, standardDeviation: 2.07364413533277, n: 5 },
      { confidence: 0.9 },
    );
    expect(result.low).toBeCloseTo(2.62300662127581, 10);
    expect(result.high).toBeCloseTo(6.57699337872419, 10);
  });
  it("rejects n < 2, bad deviations and confidence with coded errors", () => {
    expect(() => meanConfidenceInterval({ mean: 4, standardDeviation: 0, n: 1 })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_VALUES" }),
    );
    expect(() => meanConfidenceInterval({ mean: 4, standardDeviation: -1, n: 5 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => meanConfidenceInterval({ mean: Number.NaN, standardDeviation: 1, n: 5 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => meanConfidenceInterval({ mean: 4, standardDeviation: 1, n: 5.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => meanConfidenceInterval({ mean: 4, standardDeviation: 1, n: 5 }, { confidence: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
  });
});
