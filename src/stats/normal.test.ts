import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, zForConfidence } from "./normal.js";

// Reference values: R 4.2.2, printed with sprintf("%.17g", qnorm(p)) and pnorm(z).
const R_QNORM: [number, number][] = [
  [0.975, 1.9599639845400536],
  [0.995, 2.5758293035488999],
  [0.95, 1.6448536269514715],
  [0.999, 3.0902323061678132],
  [1e-10, -6.3613409024040557],
  [0.02425, -1.9729610513118845],
  [0.8, 0.84162123357291441],
];
const R_PNORM: [number, number][] = [
  [-8, 6.2209605742717849e-16],
  [-3.5, 0.00023262907903552494],
  [-0.5, 0.30853753872598694],
  [0, 0.5],
  [0.7, 0.75803634777692697],
  [1.5, 0.93319279873114191],
  [2.5, 0.99379033467422384],
  [6, 0.9999999990134123],
];

describe("normalQuantile", () => {
  it.each(R_QNORM)("qnorm(%d) matches R to 1e-12", (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(1e-12);
  });
  it("is 0 at 0.5 and antisymmetric", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.1)).toBeCloseTo(-normalQuantile(0.9), 14);
  });
  it.each([0, 1, -0.1, Number.NaN, 1.5])("rejects p = %d", (p) => {
    expect(() => normalQuantile(p)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", fn: "normalQuantile" }),
    );
  });
});

describe("normalCdf", () => {
  it.each(R_PNORM)("pnorm(%d) matches R to 1e-13 relative", (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected) / expected).toBeLessThan(1e-13);
  });
  it("handles the infinities", () => {
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe("zForConfidence", () => {
  it("is qnorm(0.975) for 95% (R: 1.959963984540054; printed tables round it to 1.96)", () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.9599639845400536, 12);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035488999, 12);
  });
  it.each([95, 0, 1, Number.NaN, -0.5])("rejects confidence %d with INVALID_CONFIDENCE", (confidence) => {
    expect(() => zForConfidence(confidence)).toThrow(expect.objectContaining({ code: "INVALID_CONFIDENCE" }));
  });
});
