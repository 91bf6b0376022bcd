import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile } from "./beta.js";
import { studentTQuantile } from "./student-t.js";

// Reference values: R 4.2.2, sprintf("%.17g", qbeta(...)) and qt(...).
describe("betaQuantile", () => {
  it.each([
    [0.025, 1, 1000, 2.5317487491294048e-5],
    [0.975, 44, 7, 0.94180829965962787],
    [0.025, 0.5, 10.5, 4.789043315758193e-5],
    [0.5, 2.5, 3.5, 0.4068449408931939],
    [1e-6, 3, 4, 0.003694265299405908],
  ])("qbeta(%d, %d, %d) matches R to 1e-10 relative", (p, a, b, expected) => {
    expect(Math.abs(betaQuantile(p, a, b) - expected) / expected).toBeLessThan(1e-10);
  });
  it("inverts betaCdf", () => {
    for (const p of [0.001, 0.2, 0.5, 0.9, 0.999])
      expect(betaCdf(betaQuantile(p, 3.5, 12), 3.5, 12)).toBeCloseTo(p, 12);
  });
  it("has the closed form 1 - (1 - p)^(1/b) when a = 1 (hand calculation)", () => {
    expect(betaQuantile(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 0.25, 13);
  });
  it("rejects bad arguments", () => {
    expect(() => betaQuantile(1.2, 1, 1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => betaCdf(Number.NaN, 1, 1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("betaCdf", () => {
  it("is x for Beta(1, 1) and symmetric for Beta(2, 2) (hand calculation: 3x² - 2x³)", () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaCdf(0.25, 2, 2)).toBeCloseTo(3 * 0.0625 - 2 * 0.015625, 13);
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
  });
});

describe("studentTQuantile", () => {
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.3026527297494619],
    [0.975, 5, 2.5705818356363137],
    [0.975, 10, 2.2281388519862739],
    [0.975, 30, 2.0422724563012378],
    [0.975, 99, 1.9842169515864172],
    [0.975, 1000, 1.9623390808264076],
    [0.995, 3, 5.8409093097333544],
    [0.9, 4, 1.5332062740589429],
  ])("qt(%d, %d) matches R to 1e-11 relative", (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected) / expected).toBeLessThan(1e-11);
  });
  it("is antisymmetric and 0 at the median", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281388519862739, 11);
  });
  it("rejects bad arguments", () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => studentTQuantile(1, 5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
