import { describe, expect, it } from "vitest";
import { npsConfidenceInterval } from "./confidence-interval.js";
import { npsFromPercents } from "./nps.js";

const OSIPOV = { promoters: 70, passives: 10, detractors: 20 };

describe("npsConfidenceInterval", () => {
  it("adjusted-Wald on Osipov's counts, written out by hand and checked in R (test/fixtures/r-nps.R)", () => {
    // n' = 103, p' = 70.75 / 103, d' = 20.75 / 103, NPS' = 50 / 103 = 0.485436893...
    // variance = p' + d' - NPS'^2 = 91.5/103 - (50/103)^2; SE = √(variance / 103) = 0.0796046...
    // R: centre 48.5436893203884, low 32.9414669363543, high 64.1459117044224, SE 7.96046381826521
    const result = npsConfidenceInterval(OSIPOV);
    expect(result.center).toBeCloseTo((100 * 50) / 103, 12);
    expect(result.standardError).toBeCloseTo(7.96046381826521, 11);
    expect(result.low).toBeCloseTo(32.9414669363543, 10);
    expect(result.high).toBeCloseTo(64.1459117044224, 10);
    expect(result).toMatchObject({ method: "adjusted-wald", confidence: 0.95, n: 100, clipped: false });
  });
  it("plain Wald is centred on the observed NPS (R: 34.1982651792558 .. 65.8017348207441)", () => {
    // SE = √((0.7 + 0.2 - 0.5²) / 100) = √0.0065 = 0.0806226
    const result = npsConfidenceInterval(OSIPOV, { method: "wald" });
    expect(result.center).toBe(50);
    expect(result.standardError).toBeCloseTo(100 * Math.sqrt(0.0065), 12);
    expect(result.low).toBeCloseTo(34.1982651792558, 10);
    expect(result.high).toBeCloseTo(65.8017348207441, 10);
  });
  it("uses the confidence level (R, 90%: 35.4498915366989 .. 61.6374871040778)", () => {
    const result = npsConfidenceInterval(OSIPOV, { confidence: 0.9 });
    expect(result.low).toBeCloseTo(35.4498915366989, 10);
    expect(result.high).toBeCloseTo(61.6374871040778, 10);
  });
  it("clips at ±100 and says so (Wald, all 3 promoters: SE 0, so no clip; 9 of 10 promoters and 1 detractor)", () => {
    const allPromoters = npsConfidenceInterval({ promoters: 3, passives: 0, detractors: 0 }, { method: "wald" });
    expect(allPromoters).toMatchObject({ low: 100, high: 100, clipped: false });
    // Wald, P = 9, D = 1, n = 10: NPS 0.8, variance 1 - 0.64 = 0.36, SE 0.1897, high 80 + 37.2 > 100
    const clipped = npsConfidenceInterval({ promoters: 9, passives: 0, detractors: 1 }, { method: "wald" });
    expect(clipped.high).toBe(100);
    expect(clipped.clipped).toBe(true);
  });
  it("accepts percentages with a total, and refuses them without one", () => {
    const fromPercents = npsConfidenceInterval(
      npsFromPercents({ promoterPercent: 70, detractorPercent: 20 }, { total: 100 }),
    );
    expect(fromPercents.low).toBeCloseTo(32.9414669363543, 10);
    const rounded = npsFromPercents({ promoterPercent: 33.3, detractorPercent: 20 }, { total: 100 });
    expect(npsConfidenceInterval(rounded, { method: "wald" }).center).toBeCloseTo(13.3, 12);
    expect(() => npsConfidenceInterval(npsFromPercents({ promoterPercent: 70, detractorPercent: 20 }))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", fn: "npsConfidenceInterval" }),
    );
  });
  it("rejects bad confidence, method and counts with coded errors", () => {
    expect(() => npsConfidenceInterval(OSIPOV, { confidence: 95 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
    expect(() => npsConfidenceInterval(OSIPOV, { confidence: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
    expect(() => npsConfidenceInterval(OSIPOV, { method: "bootstrap" as "wald" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => npsConfidenceInterval({ promoters: -1, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => npsConfidenceInterval({ promoters: 0, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
  });
});
