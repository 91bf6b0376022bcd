import { describe, expect, it } from "vitest";
import { npsBand } from "./band.js";

// Bands as printed in the sources (see docs/nps.md), with the library's resolution of the
// Osipov gap (40-50) and boundary at 30 written out in each case.
describe("npsBand, Osipov", () => {
  it.each([
    [-100, "all-bad", false],
    [-0.1, "all-bad", false],
    [0, "alert", false], // "below 0: all bad" does not hold 0
    [29.9, "alert", false],
    [30, "not-bad", false], // "30-40: not bad" takes 30
    [40, "not-bad", false],
    [45, "not-bad", true], // 40-50 unnamed by the source
    [50, "not-bad", true], // "above 50" does not hold 50
    [50.1, "all-good", false],
    [100, "all-good", false],
  ])("score %d is %s (resolvedGap %s)", (score, band, resolvedGap) => {
    const result = npsBand(score);
    expect(result.band).toBe(band);
    expect(result.resolvedGap).toBe(resolvedGap);
    expect(result.source).toBe("Osipov");
  });
});

describe("npsBand, Quality-mgmt", () => {
  it.each([
    [-20, "not-good", true],
    [0, "not-good", true], // "above zero is good"
    [0.5, "good", false],
    [50, "good", false],
    [55, "excellent", false], // the source's own example, NPS 55
  ])("score %d is %s", (score, band, resolvedGap) => {
    const result = npsBand(score, { scheme: "quality-mgmt" });
    expect(result).toMatchObject({ band, resolvedGap, source: "Quality-mgmt" });
  });
});

describe("npsBand errors", () => {
  it("rejects scores off -100..100 and unknown schemes", () => {
    expect(() => npsBand(101)).toThrow(expect.objectContaining({ code: "INVALID_SCORE", fn: "npsBand" }));
    expect(() => npsBand(Number.NaN)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(() => npsBand(0.5 as number, { scheme: "bain" as "osipov" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});
