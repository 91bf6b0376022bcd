import { describe, expect, it } from "vitest";
import { round } from "../stats/round.js";
import { csat } from "./csat.js";
import { csatBand } from "./band.js";
import { csatConfidenceInterval } from "./confidence-interval.js";

describe("csat, UA-agency formula: positive answers (4 and 5) / all answers × 100", () => {
  it("counts 4 and 5 as satisfied (hand calculation: 3 of 5 = 60%; mean 18 / 5 = 3.6)", () => {
    const result = csat([5, 4, 3, 5, 1]);
    expect(result).toMatchObject({
      percent: 60,
      satisfied: 3,
      dissatisfied: 1,
      neutral: 1,
      total: 5,
      denominator: 5,
      mean: 3.6,
    });
    expect(result.distribution).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 2 },
    ]);
  });
  it("takes satisfiedFrom for a stricter top box (hand: only 5s, 2 of 5 = 40%)", () => {
    expect(csat([5, 4, 3, 5, 1], { satisfiedFrom: 5 }).percent).toBe(40);
  });
  it("Zendesk-style good / (good + bad) leaves neutral out (hand: 3 / (3 + 1) = 75%)", () => {
    const result = csat([5, 4, 3, 5, 1], { mode: "good-bad" });
    expect(result.percent).toBe(75);
    expect(result.denominator).toBe(4);
  });
});

describe("csat, Osipov's scales", () => {
  it("scores smileys 5 / 3 / 1 and averages them (hand: (5 + 3 + 5 + 1) / 4 = 3.5)", () => {
    const result = csat(["positive", "neutral", "positive", "negative"], { scale: "smiley-3" });
    expect(result.mean).toBe(3.5);
    expect(result.percent).toBe(50); // positive counts as satisfied
    expect(result.distribution).toEqual([
      { value: 1, label: "negative", count: 1 },
      { value: 3, label: "neutral", count: 1 },
      { value: 5, label: "positive", count: 2 },
    ]);
  });
  it("accepts smiley scores 1 / 3 / 5 and records with an accessor", () => {
    const rows = [{ face: "positive" }, { face: 3 }, { face: 5 }];
    expect(csat(rows, { scale: "smiley-3", accessor: (r) => r.face }).mean).toBeCloseTo(13 / 3, 14);
  });
  it("treats a 10-point scale like NPS: 9-10 satisfied (hand: 2 of 4 = 50%, mean 7.5)", () => {
    const result = csat([10, 9, 8, 3], { scale: "1-10" });
    expect(result).toMatchObject({ percent: 50, mean: 7.5, satisfiedFrom: 9, dissatisfiedTo: 6 });
  });
  it("takes a custom integer range (hand: 0-4 scale, satisfied from 3: 2 of 3)", () => {
    const result = csat([0, 3, 4], { scale: { min: 0, max: 4 }, satisfiedFrom: 3 });
    expect(result.percent).toBeCloseTo(200 / 3, 12);
    expect(result.scale).toEqual({ name: "0-4", min: 0, max: 4 });
  });
  it("rounds as a report does only on request (one decimal)", () => {
    expect(round(csat([5, 5, 4, 1, 2, 3]).mean, 1)).toBe(3.3); // 20 / 6 = 3.333...
  });
});

describe("csatBand (Osipov: ≤ 3 problems, ≥ 4 normal, ≥ 4.8 excellent)", () => {
  it.each([
    [1, "problems", false],
    [3, "problems", false],
    [3.01, "below-normal", true],
    [3.99, "below-normal", true],
    [4, "normal", false],
    [4.79, "normal", false],
    [4.8, "excellent", false],
    [5, "excellent", false],
  ])("mean %d is %s", (mean, band, resolvedGap) => {
    expect(csatBand(mean)).toMatchObject({ band, resolvedGap, source: "Osipov" });
  });
  it("rejects means off the 1-5 scale", () => {
    expect(() => csatBand(7.5)).toThrow(expect.objectContaining({ code: "INVALID_SCORE", fn: "csatBand" }));
    expect(() => csatBand(Number.NaN)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
  });
});

describe("csatConfidenceInterval", () => {
  it("Wilson for the percent, t for the mean (R: prop.test(7, 10, correct = FALSE); t.test(x))", () => {
    const result = csatConfidenceInterval(csat([5, 5, 4, 4, 4, 3, 2, 5, 4, 1]));
    expect(result.percent.estimate).toBe(70);
    expect(result.percent.low).toBeCloseTo(39.6778147461145, 9);
    expect(result.percent.high).toBeCloseTo(89.2208732593699, 9);
    expect(result.mean.low).toBeCloseTo(2.74321478103839, 10);
    expect(result.mean.high).toBeCloseTo(4.65678521896161, 10);
  });
  it("names itself in errors", () => {
    const one = csat([5]);
    expect(() => csatConfidenceInterval(one)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_VALUES", fn: "csatConfidenceInterval" }),
    );
    expect(() => csatConfidenceInterval(csat([5, 4]), { confidence: 95 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE", fn: "csatConfidenceInterval" }),
    );
  });
});

describe("csat bad input", () => {
  it.each([
    [[5, 6], "1-5", 1, 6],
    [[5, 0], "1-5", 1, 0],
    [[4.5], "1-5", 0, 4.5],
    [[Number.NaN], "1-5", 0, Number.NaN],
    [[11], "1-10", 0, 11],
  ] as const)("rejects %j on %s with INVALID_SCORE at index %d", (ratings, scale, index, value) => {
    expect(() => csat(ratings, { scale })).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", fn: "csat", index, value }),
    );
  });
  it("rejects unknown smiley labels and the scores 2 and 4 with INVALID_LABEL", () => {
    expect(() => csat(["positive", "happy"], { scale: "smiley-3" })).toThrow(
      expect.objectContaining({ code: "INVALID_LABEL", index: 1, value: "happy" }),
    );
    expect(() => csat([4], { scale: "smiley-3" })).toThrow(expect.objectContaining({ code: "INVALID_LABEL" }));
    expect(() => csat(["toString"], { scale: "smiley-3" })).toThrow(expect.objectContaining({ code: "INVALID_LABEL" }));
  });
  it("throws EMPTY_INPUT for no ratings, and for good-bad with only neutral ones", () => {
    expect(() => csat([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => csat([3, 3], { mode: "good-bad" })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
  it("rejects bad scales, thresholds and modes with INVALID_OPTION", () => {
    const bad = [
      { scale: "1-7" as "1-5" },
      { scale: { min: 1, max: 5.5 } },
      { scale: { min: 5, max: 1 } },
      { scale: "toString" as "1-5" },
      { satisfiedFrom: 6 },
      { satisfiedFrom: 3.5 },
      { satisfiedFrom: 3, dissatisfiedTo: 3 },
      { mode: "mean" as "top-box" },
      { scale: { min: 0, max: 4 } }, // a custom scale needs satisfiedFrom
      { scale: { min: 0, max: 4 }, satisfiedFrom: 3, mode: "good-bad" as const }, // and dissatisfiedTo for good-bad
    ];
    for (const options of bad) {
      expect(() => csat([1, 2, 3], options), JSON.stringify(options)).toThrow(
        expect.objectContaining({ code: "INVALID_OPTION" }),
      );
    }
  });
  it("rejects non-object options", () => {
    expect(() => csat([5], null as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("the good-bad scale (Zendesk's satisfaction survey)", () => {
  // Zendesk's "% Satisfaction score" = good / (good + bad) (Explore: COUNT(Good satisfaction tickets) /
  // COUNT(Rated satisfaction tickets)). Hand count: 3 good, 2 bad → 3 / 5 = 60 %.
  const ratings = ["Good", "good with comment", " GOOD WITHOUT COMMENT ", "Bad", "Bad with comment"];
  it("reads Zendesk's labels, any case and spacing: 3 good of 5 = 60 %", () => {
    const result = csat(ratings, { scale: "good-bad" });
    expect(result).toMatchObject({ percent: 60, satisfied: 3, dissatisfied: 2, neutral: 0, total: 5, denominator: 5 });
    expect(result.scale).toEqual({ name: "good-bad", min: 1, max: 2 });
    expect(result.distribution.map((bucket) => [bucket.label, bucket.count])).toEqual([
      ["bad", 2],
      ["good", 3],
    ]);
    // (2 × 1 + 3 × 2) / 5
    expect(result.mean).toBeCloseTo(1.6, 12);
  });
  it("gives the same figure in both modes and from the numbers 2 / 1", () => {
    expect(csat(ratings, { scale: "good-bad", mode: "good-bad" }).percent).toBe(60);
    expect(csat([2, 2, 2, 1, 1], { scale: "good-bad" }).percent).toBe(60);
  });
  it("an unanswered survey is skipped, not a rating (issue 19); another text is INVALID_LABEL, with its index", () => {
    for (const value of ["Offered", "Unoffered", "Not Offered", "", null]) {
      const result = csat(["Good", value as string], { scale: "good-bad" });
      expect([result.percent, result.rows.skipped, result.unanswered[0]?.value], String(value)).toEqual([
        100,
        1,
        value,
      ]);
    }
    for (const value of ["goodish", 3, 0]) {
      expect(() => csat(["Good", value as string], { scale: "good-bad" }), String(value)).toThrow(
        expect.objectContaining({ code: "INVALID_LABEL", index: 1 }),
      );
    }
  });
});
