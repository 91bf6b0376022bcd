import { describe, expect, it } from "vitest";
import { compareNps } from "./compare.js";
import { nps } from "./nps.js";

const A = { promoters: 70, passives: 10, detractors: 20 }; // NPS 50 (Osipov)
const B = { promoters: 50, passives: 20, detractors: 30 }; // NPS 20

describe("compareNps (reference values from test/fixtures/r-nps.R)", () => {
  it("adjusted-Wald: each sample adjusted, SE of the difference √(var_a/n_a + var_b/n_b)", () => {
    const result = compareNps(A, B);
    expect(result.difference).toBe(30);
    expect(result.center).toBeCloseTo(29.126213592233, 10);
    expect(result.standardError).toBeCloseTo(11.6846045786281, 10);
    expect(result.z).toBeCloseTo(2.49269997938198, 10);
    expect(result.pValue).toBeCloseTo(0.0126775917493247, 12);
    expect(result.low).toBeCloseTo(6.22480944453003, 9);
    expect(result.high).toBeCloseTo(52.027617739936, 9);
  });
  it("Wald: the observed difference (hand: var_a = 0.9 - 0.5² = 0.65, var_b = 0.8 - 0.2² = 0.76, SE = √(0.65/100 + 0.76/100) = 0.118743)", () => {
    const result = compareNps(A, B, { method: "wald" });
    expect(result.center).toBe(30);
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt(0.65 / 100 + 0.76 / 100), 12);
    expect(result.pValue).toBeCloseTo(0.0115219897943666, 12);
  });
  it("is antisymmetric and accepts results as well as counts", () => {
    const ab = compareNps(nps([10, 10, 9, 3]), nps([10, 6, 6, 8]));
    const ba = compareNps(nps([10, 6, 6, 8]), nps([10, 10, 9, 3]));
    expect(ab.z).toBeCloseTo(-ba.z, 12);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
  });
  it("handles zero variance in both samples (Wald, identical all-promoter samples: z 0, p 1)", () => {
    const all = { promoters: 5, passives: 0, detractors: 0 };
    expect(compareNps(all, all, { method: "wald" })).toMatchObject({ z: 0, pValue: 1 });
    const none = { promoters: 0, passives: 0, detractors: 5 };
    expect(compareNps(all, none, { method: "wald" })).toMatchObject({ z: Number.POSITIVE_INFINITY, pValue: 0 });
  });
  it("rejects bad input with coded errors naming compareNps", () => {
    expect(() => compareNps(A, { promoters: 0, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT", fn: "compareNps" }),
    );
    expect(() => compareNps(A, B, { confidence: 1.5 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
  });
});
