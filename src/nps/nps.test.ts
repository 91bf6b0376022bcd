import { describe, expect, it } from "vitest";
import { round } from "../stats/round.js";
import { nps, npsFromCounts, npsFromPercents } from "./nps.js";

/** Osipov's worked example: 100 answers, 20 scored 0-6, 10 scored 7-8, 70 scored 9-10. */
function osipovScores(): number[] {
  return [...Array(20).fill(4), ...Array(10).fill(7), ...Array(35).fill(9), ...Array(35).fill(10)];
}

describe("nps", () => {
  it("reproduces Osipov's worked example: 70% - 20% = 50", () => {
    const result = nps(osipovScores());
    expect(result).toEqual({
      score: 50,
      promoters: 70,
      passives: 10,
      detractors: 20,
      total: 100,
      promoterPercent: 70,
      passivePercent: 10,
      detractorPercent: 20,
      rows: { total: 100, used: 100, skipped: 0, excluded: 0 },
      unanswered: [],
      exclusions: [],
    });
  });
  it("reads typed arrays, iterables and records with an accessor alike", () => {
    const scores = osipovScores();
    expect(nps(Uint8Array.from(scores)).score).toBe(50);
    expect(nps(new Set([10, 9, 3])).score).toBeCloseTo(100 / 3, 12); // 2 promoters, 1 detractor of 3
    expect(
      nps(
        scores.map((score) => ({ score })),
        (r) => r.score,
      ).score,
    ).toBe(50);
    function* generate(): Generator<number> {
      yield* scores;
    }
    expect(nps(generate()).score).toBe(50);
  });
  it("puts 6 with detractors, 7 and 8 with passives, 9 with promoters (the group boundaries)", () => {
    expect(nps([6, 7, 8, 9])).toMatchObject({ detractors: 1, passives: 2, promoters: 1, score: 0 });
    expect(nps([0, 10])).toMatchObject({ detractors: 1, promoters: 1 });
  });
  it("is unrounded; round() gives a report's integer (hand calculation: 100 × (2 - 1) / 3)", () => {
    const result = nps([10, 10, 0]);
    expect(result.score).toBeCloseTo(33.333333333333336, 12);
    expect(round(result.score)).toBe(33);
  });
  it.each([
    [[9, 10, 11], 2, 11],
    [[9, Number.NaN], 1, Number.NaN],
    [[9, Number.POSITIVE_INFINITY], 1, Number.POSITIVE_INFINITY],
    [[9.5], 0, 9.5],
    [[-1], 0, -1],
    [["9"], 0, "9"],
    [[9, "ten"], 1, "ten"],
  ])("rejects %j with INVALID_SCORE naming index %d", (scores, index, value) => {
    expect(() => nps(scores as number[])).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", fn: "nps", index, value }),
    );
  });
  it("says where the bad score is in the message", () => {
    expect(() => nps([9, 10, 10, 11])).toThrow("nps: score at index 3 is 11, expected an integer 0-10");
  });
  it("throws EMPTY_INPUT for no scores and INVALID_ARGUMENT for a non-iterable", () => {
    expect(() => nps([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => nps(new Uint8Array(0))).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => nps(42 as unknown as number[])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => nps(null as unknown as number[])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("npsFromCounts", () => {
  it("reproduces Osipov's example from its counts", () => {
    expect(npsFromCounts({ promoters: 70, passives: 10, detractors: 20 }).score).toBe(50);
  });
  it.each([
    [{ promoters: -1, passives: 0, detractors: 0 }],
    [{ promoters: 1.5, passives: 0, detractors: 0 }],
    [{ promoters: 1, passives: Number.NaN, detractors: 0 }],
    [{ promoters: 1, passives: 0, detractors: Number.POSITIVE_INFINITY }],
  ])("rejects %j with INVALID_COUNT", (counts) => {
    expect(() => npsFromCounts(counts)).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT", fn: "npsFromCounts" }),
    );
  });
  it("throws EMPTY_INPUT for zero responses", () => {
    expect(() => npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
  });
});

describe("npsFromPercents", () => {
  it("reproduces Quality-mgmt's example: 75% promoters and 20% detractors give 55", () => {
    const result = npsFromPercents({ promoterPercent: 75, detractorPercent: 20 });
    expect(result.score).toBe(55);
    expect(result.passivePercent).toBe(5);
    expect(result.total).toBeNull();
    expect(result.promoters).toBeNull();
  });
  it("recovers counts when the total is given (hand calculation: 75% of 200 = 150)", () => {
    expect(npsFromPercents({ promoterPercent: 75, detractorPercent: 20 }, { total: 200 })).toMatchObject({
      promoters: 150,
      passives: 10,
      detractors: 40,
      total: 200,
    });
  });
  it("rejects shares outside 0-100 or adding up to more than 100", () => {
    expect(() => npsFromPercents({ promoterPercent: 101, detractorPercent: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_PERCENT" }),
    );
    expect(() => npsFromPercents({ promoterPercent: 0.75, detractorPercent: -0.2 })).toThrow(
      expect.objectContaining({ code: "INVALID_PERCENT" }),
    );
    expect(() => npsFromPercents({ promoterPercent: 80, detractorPercent: 30 })).toThrow(
      expect.objectContaining({ code: "INVALID_PERCENT" }),
    );
    expect(() => npsFromPercents({ promoterPercent: 80, detractorPercent: 10 }, { total: -5 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
  });
});
