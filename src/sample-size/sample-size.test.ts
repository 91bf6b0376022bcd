import { describe, expect, it } from "vitest";
import { marginOfError, meanMarginOfError } from "./margin-of-error.js";
import { npsMarginOfError, npsSampleSize } from "./nps-sample-size.js";
import { reviewSampleSize } from "./review-sample-size.js";
import { sampleSize } from "./sample-size.js";

describe("sampleSize (Cochran)", () => {
  it("gives n0 = z²p(1-p)/e²: 384.15 with the exact z, 384.16 with 1.96 (hand: 1.96² × 0.25 / 0.05²)", () => {
    expect(sampleSize().n0).toBeCloseTo((1.959963984540054 ** 2 * 0.25) / 0.0025, 9);
    expect(sampleSize({ z: "rounded" }).n0).toBeCloseTo(384.16, 9);
  });
  it("explains 385 vs 384: rounding up gives 385, to the nearest 384", () => {
    expect(sampleSize().n).toBe(385);
    expect(sampleSize({ rounding: "nearest" }).n).toBe(384);
    expect(sampleSize({ z: "rounded", rounding: "nearest" }).n).toBe(384);
  });
  it.each([
    [10, 10],
    [50, 44],
    [100, 80],
    [220, 140],
    [500, 217],
    [1000, 278],
    [1200, 291],
    [1500, 306],
    [5000, 357],
    [9000, 368],
    [10000, 370],
  ])("reproduces Krejcie & Morgan (1970), Table 1: N = %d → %d (z = 1.96, nearest)", (population, expected) => {
    expect(sampleSize({ population, z: "rounded", rounding: "nearest" }).n).toBe(expected);
  });
  it("explains 217 vs 218 at N = 500: the unrounded n is 217.49 (hand: 384.16 / (1 + 383.16 / 500))", () => {
    const result = sampleSize({ population: 500, z: "rounded" });
    expect(result.unrounded).toBeCloseTo(384.16 / (1 + 383.16 / 500), 9);
    expect(result.n).toBe(218);
  });
  it("never exceeds the population and handles other confidence levels (hand: 2.58² × 0.25 / 0.03² = 1849)", () => {
    expect(sampleSize({ population: 5 }).n).toBe(5);
    expect(sampleSize({ confidence: 0.99, marginOfError: 0.03, z: "rounded" }).n).toBe(1849);
    expect(sampleSize({ proportion: 0.9 }).n).toBe(Math.ceil((1.959963984540054 ** 2 * 0.09) / 0.0025));
  });
  it("rejects bad input with coded errors", () => {
    expect(() => sampleSize({ confidence: 95 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE", fn: "sampleSize" }),
    );
    expect(() => sampleSize({ confidence: 1 })).toThrow(expect.objectContaining({ code: "INVALID_CONFIDENCE" }));
    expect(() => sampleSize({ marginOfError: 0 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => sampleSize({ marginOfError: -0.05 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => sampleSize({ marginOfError: 5 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => sampleSize({ proportion: 1.2 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => sampleSize({ proportion: 0 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => sampleSize({ population: 0 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => sampleSize({ population: 10.5 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => sampleSize({ rounding: "down" as "up" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => sampleSize({ z: "table" as "exact" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  });
});

describe("marginOfError", () => {
  it("is the inverse of sampleSize before rounding (hand: 1.96 √(0.25 / 385) = 0.04994)", () => {
    expect(marginOfError({ n: 385 }).marginOfError).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 385), 12);
    const { unrounded } = sampleSize({ population: 2000, marginOfError: 0.04 });
    // n is not an integer here, so check the identity through the formula directly
    const z = 1.959963984540054;
    expect(z * Math.sqrt(0.25 / unrounded) * Math.sqrt((2000 - unrounded) / 1999)).toBeCloseTo(0.04, 12);
  });
  it("applies the finite-population correction √((N - n)/(N - 1)) and is 0 for a census", () => {
    const result = marginOfError({ n: 100, population: 400 });
    expect(result.finitePopulationCorrection).toBeCloseTo(Math.sqrt(300 / 399), 14);
    expect(marginOfError({ n: 400, population: 400 }).marginOfError).toBe(0);
  });
  it("shows why 1-5 checks say nothing (Osipov): ±43.8 points at n = 5", () => {
    expect(marginOfError({ n: 5 }).marginOfError).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 5), 12);
  });
  it("rejects bad input", () => {
    expect(() => marginOfError({ n: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT", fn: "marginOfError" }),
    );
    expect(() => marginOfError({ n: 2.5 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => marginOfError({ n: 500, population: 400 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => marginOfError({ n: 10, proportion: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => marginOfError(undefined as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("meanMarginOfError", () => {
  it("is t · s / √n (R: qt(0.975, 24) * 0.8 / 5 = 0.330223769860483)", () => {
    expect(meanMarginOfError({ n: 25, standardDeviation: 0.8 }).marginOfError).toBeCloseTo(0.330223769860483, 12);
  });
  it("rejects n < 2 and negative deviations", () => {
    expect(() => meanMarginOfError({ n: 1, standardDeviation: 1 })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_VALUES" }),
    );
    expect(() => meanMarginOfError({ n: 10, standardDeviation: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => meanMarginOfError({ n: 10, standardDeviation: 1, confidence: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
  });
});

describe("npsSampleSize", () => {
  it("uses the NPS variance, worst case 1: ±5 points at 95% needs 1537 (hand: 1.96² × 1 / 0.05² = 1536.6)", () => {
    const result = npsSampleSize({ marginOfError: 5 });
    expect(result.variance).toBe(1);
    expect(result.n0).toBeCloseTo(1.959963984540054 ** 2 / 0.0025, 9);
    expect(result.n).toBe(1537);
    expect(result.n0 / 384.14588206941266).toBeCloseTo(4, 12); // 4x a plain proportion
  });
  it("uses expected shares (hand, Osipov's 70/20: variance 0.9 - 0.5² = 0.65; 1.96² × 0.65 / 0.0025 = 998.8)", () => {
    const result = npsSampleSize({ marginOfError: 5, expected: { promoterPercent: 70, detractorPercent: 20 } });
    expect(result.variance).toBeCloseTo(0.65, 14);
    expect(result.n).toBe(999);
  });
  it("applies the finite-population correction", () => {
    expect(npsSampleSize({ marginOfError: 5, population: 1000 }).unrounded).toBeCloseTo(
      1536.5835282776507 / (1 + 1535.5835282776507 / 1000),
      9,
    );
  });
  it("rejects bad input", () => {
    expect(() => npsSampleSize({ marginOfError: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", fn: "npsSampleSize" }),
    );
    expect(() => npsSampleSize({ marginOfError: 5, confidence: 1.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
    expect(() => npsSampleSize({ marginOfError: 5, expected: { promoterPercent: 80, detractorPercent: 30 } })).toThrow(
      expect.objectContaining({ code: "INVALID_PERCENT" }),
    );
    expect(() => npsSampleSize({ marginOfError: 5, expected: { promoterPercent: 100, detractorPercent: 0 } })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("npsMarginOfError", () => {
  it("worst case at n = 100 is 19.6 points; Osipov's 70/20 has 15.8 (hand: 100 × 1.96 × √(0.65 / 100))", () => {
    expect(npsMarginOfError({ n: 100 }).marginOfError).toBeCloseTo(19.59963984540054, 11);
    expect(
      npsMarginOfError({ n: 100, expected: { promoterPercent: 70, detractorPercent: 20 } }).marginOfError,
    ).toBeCloseTo(100 * 1.959963984540054 * Math.sqrt(0.0065), 11);
  });
  it("rejects n above the population", () => {
    expect(() => npsMarginOfError({ n: 200, population: 100 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
  });
});

describe("reviewSampleSize", () => {
  it("gives Osipov's 30-50 checks up to about 100 interactions, capped at the population", () => {
    expect(reviewSampleSize(80).ruleOfThumb).toMatchObject({
      min: 30,
      max: 50,
      rule: "30-50 checks",
      source: "Osipov",
    });
    expect(reviewSampleSize(40).ruleOfThumb).toMatchObject({ min: 30, max: 40 });
  });
  it("gives 5-10% for hundreds or thousands (hand: 2000 → 100-200), beside the statistical figure", () => {
    const result = reviewSampleSize(2000);
    expect(result.ruleOfThumb).toMatchObject({ min: 100, max: 200, rule: "5-10 percent" });
    expect(result.statistical.n).toBe(Math.ceil(384.14588206941266 / (1 + 383.14588206941266 / 2000)));
    expect(reviewSampleSize(101).ruleOfThumb).toMatchObject({ min: 6, max: 11 });
  });
  it("rejects a bad population", () => {
    expect(() => reviewSampleSize(0)).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT", fn: "reviewSampleSize" }),
    );
    expect(() => reviewSampleSize(Number.NaN)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
  });
});
