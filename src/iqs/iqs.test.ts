import { describe, expect, it } from "vitest";
import { iqs } from "./iqs.js";
import type { Scorecard } from "./scorecard.js";

const SCORECARD: Scorecard = {
  criteria: [
    { id: "greeting", weight: 1, scale: "binary" },
    { id: "solution", weight: 3, scale: "1-5" },
    { id: "tone", weight: 2, scale: "1-3", allowNa: true },
    { id: "gdpr", weight: 1, scale: "binary", critical: true },
  ],
};

describe("iqs", () => {
  it("normalises each rating and takes the weighted mean (hand calculation written out)", () => {
    // greeting 1 → 1; solution 4 on 1-5 → 0.75; tone 2 on 1-3 → 0.5; gdpr pass → 1
    // (1×1 + 3×0.75 + 2×0.5 + 1×1) / (1 + 3 + 2 + 1) = 5.25 / 7 = 0.75
    const result = iqs([{ ratings: { greeting: true, solution: 4, tone: 2, gdpr: true } }], SCORECARD);
    expect(result.iqs).toBeCloseTo(75, 12);
    expect(result.perReview[0]).toMatchObject({ score: 75, criticalFail: false, applicableWeight: 7 });
  });
  it("leaves N/A criteria out of the weight (hand: (1 + 3×0.75 + 1) / 5 = 0.85)", () => {
    const result = iqs([{ ratings: { greeting: 1, solution: 4, tone: null, gdpr: 1 } }], SCORECARD);
    expect(result.iqs).toBeCloseTo(85, 12);
    expect(result.perCriterion.find((criterion) => criterion.id === "tone")).toMatchObject({
      n: 0,
      notApplicable: 1,
      meanScore: null,
    });
  });
  it("sets a review with a failed critical criterion to 0 and counts it", () => {
    const result = iqs(
      [
        { agentId: "ann", ratings: { greeting: true, solution: 5, tone: 3, gdpr: false } }, // critical fail → 0
        { agentId: "ann", ratings: { greeting: true, solution: 5, tone: 3, gdpr: true } }, // 100
        { agentId: "bob", ratings: { greeting: false, solution: 1, tone: 1, gdpr: true } }, // 1/7 = 14.29
      ],
      SCORECARD,
    );
    const [failed, perfect, weak] = result.perReview.map((review) => review.score);
    expect([failed, perfect]).toEqual([0, 100]);
    expect(weak).toBeCloseTo(100 / 7, 12);
    expect(result.iqs).toBeCloseTo((0 + 100 + 100 / 7) / 3, 12);
    expect(result).toMatchObject({ n: 3, criticalFails: 1, unscored: 0 });
    expect(result.criticalFailPercent).toBeCloseTo(100 / 3, 12);
    expect(result.perCriterion.find((criterion) => criterion.id === "gdpr")).toMatchObject({
      fails: 1,
      meanScore: (100 * 2) / 3,
    });
    expect(result.perGroup[0]).toEqual({ key: "ann", n: 2, iqs: 50, criticalFails: 1, criticalFailPercent: 50 });
    expect(result.perGroup[1]).toMatchObject({ key: "bob", n: 1, criticalFails: 0, criticalFailPercent: 0 });
    expect(result.perGroup[1]!.iqs).toBeCloseTo(100 / 7, 12);
    expect(result.passPercent).toBeCloseTo(100 / 3, 12); // only the 100 is at or above 80
  });
  it("reproduces Zendesk QA's published IQS example: (100 + 9.91 + 63.96 + 90.99 + 0) / 5 = 52.97%", () => {
    // One points criterion 0-10000 turns each published review score into a rating.
    const scorecard: Scorecard = { criteria: [{ id: "score", weight: 1, scale: { min: 0, max: 10_000 } }] };
    const reviews = [10_000, 991, 6396, 9099, 0].map((score) => ({ ratings: { score } }));
    expect(iqs(reviews, scorecard).iqs).toBeCloseTo(52.972, 10);
  });
  it("uses Zendesk QA's critical rule by default: below 50% fails (3-point: 1 fails, 2 passes; 4-point: 2 fails, 3 passes)", () => {
    const threePoint: Scorecard = {
      criteria: [
        { id: "c", weight: 1, scale: "1-3", critical: true },
        { id: "x", weight: 1, scale: "binary" },
      ],
    };
    expect(iqs([{ ratings: { c: 1, x: 1 } }], threePoint).iqs).toBe(0);
    expect(iqs([{ ratings: { c: 2, x: 1 } }], threePoint).iqs).toBe(75);
    const fourPoint: Scorecard = { criteria: [{ id: "c", weight: 1, scale: { min: 1, max: 4 }, critical: true }] };
    expect(iqs([{ ratings: { c: 2 } }], fourPoint).criticalFails).toBe(1);
    expect(iqs([{ ratings: { c: 3 } }], fourPoint).criticalFails).toBe(0);
  });
  it("groups by any key and counts reviews whose every criterion is N/A as unscored", () => {
    const scorecard: Scorecard = { criteria: [{ id: "a", weight: 1, scale: "1-5", allowNa: true }] };
    const reviews = [
      { channel: "chat", ratings: { a: 5 } },
      { channel: "email", ratings: { a: null } },
    ];
    const result = iqs(reviews, scorecard, { by: (review) => review.channel });
    expect(result).toMatchObject({ iqs: 100, n: 1, total: 2, unscored: 1 });
    expect(result.perGroup.map((group) => [group.key, group.iqs])).toEqual([
      ["chat", 100],
      ["email", null],
    ]);
  });
  it("rejects malformed scorecards with INVALID_SCORECARD", () => {
    const bad: unknown[] = [
      {},
      { criteria: [] },
      { criteria: [{ id: "a", weight: 0, scale: "1-5" }] },
      { criteria: [{ id: "a", weight: -1, scale: "1-5" }] },
      { criteria: [{ id: "a", weight: Number.NaN, scale: "1-5" }] },
      { criteria: [{ id: "a", weight: 1, scale: "1-7" }] },
      { criteria: [{ id: "a", weight: 1, scale: { min: 3, max: 3 } }] },
      {
        criteria: [
          { id: "a", weight: 1, scale: "1-5" },
          { id: "a", weight: 1, scale: "1-5" },
        ],
      },
      { criteria: [{ id: "a", weight: 1, scale: "1-5", critical: true, passFrom: 1 }] },
      { criteria: [{ weight: 1, scale: "1-5" }] },
    ];
    for (const scorecard of bad) {
      expect(() => iqs([{ ratings: { a: 1 } }], scorecard as Scorecard), JSON.stringify(scorecard)).toThrow(
        expect.objectContaining({ code: "INVALID_SCORECARD", fn: "iqs" }),
      );
    }
  });
  it("rejects bad reviews with coded errors naming the review", () => {
    const rate = (ratings: Record<string, unknown>) => () => iqs([{ ratings: ratings as never }], SCORECARD);
    const full = { greeting: true, solution: 4, tone: 2, gdpr: true };
    expect(rate({ ...full, speed: 3 })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_CRITERION", index: 0, value: "speed" }),
    );
    expect(rate({ greeting: true, solution: 4, tone: 2 })).toThrow(
      expect.objectContaining({ code: "MISSING_RATING", value: "gdpr" }),
    );
    expect(rate({ ...full, solution: 6 })).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", index: 0, value: 6 }),
    );
    expect(rate({ ...full, solution: 3.5 })).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(rate({ ...full, solution: true })).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(rate({ ...full, gdpr: null })).toThrow(expect.objectContaining({ code: "INVALID_SCORE" })); // N/A not allowed
    expect(() => iqs([{} as never], SCORECARD)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => iqs([], SCORECARD)).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => iqs([{ ratings: full }], SCORECARD, { passThreshold: 180 })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

describe("iqs on messy reviews", () => {
  const card = { criteria: [{ id: "solution", weight: 1, scale: "1-5" as const }] };
  const reviews = [
    { id: "r1", ratings: { solution: 5 } }, // 100
    { id: "r2", ratings: { solution: 7 } }, // off the scale
    { id: "r3", ratings: { solution: 3 } }, // 50
    { id: "r4", ratings: { other: 3, solution: 3 } }, // unknown criterion
    { id: "r5" }, // no ratings
  ];
  it("throws at the first bad review by default, naming the field", () => {
    expect(() => iqs(reviews as never, card)).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", index: 1, field: "ratings.solution" }),
    );
  });
  it('with invalid: "exclude" scores the good ones (hand: (100 + 50) / 2 = 75) and lists the rest', () => {
    const result = iqs(reviews as never, card, { invalid: "exclude" });
    expect(result).toMatchObject({ iqs: 75, n: 2, total: 2, rows: { total: 5, used: 2, skipped: 0, excluded: 3 } });
    expect(result.exclusions.map((row) => [row.index, row.id, row.code, row.field])).toEqual([
      [1, "r2", "INVALID_SCORE", "ratings.solution"],
      [3, "r4", "UNKNOWN_CRITERION", "ratings.other"],
      [4, "r5", "INVALID_ARGUMENT", "ratings"],
    ]);
  });
  it("rejects holes in the scorecard's criteria", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    expect(() => iqs([{ ratings: {} }], { criteria: [, { id: "a", weight: 1, scale: "1-5" }] as never })).toThrow(
      expect.objectContaining({ code: "INVALID_SCORECARD" }),
    );
  });
});
