import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibration } from "./calibration.js";
import type { Scorecard } from "./scorecard.js";

const SCORECARD: Scorecard = {
  criteria: [
    { id: "solution", weight: 1, scale: "1-5" },
    { id: "tone", weight: 1, scale: "binary", allowNa: true },
  ],
};

describe("calibration", () => {
  it("compares reviewers on the same interactions (hand calculation written out)", () => {
    // t1: ann (5, pass) = 100; bob (3, pass) = (0.5 + 1)/2 = 75; cat (3, N/A) = 50
    //   pairs |100-75| = 25, |100-50| = 50, |75-50| = 25 → session mean 33.33
    // t2: ann (4, fail) = (0.75 + 0)/2 = 37.5; bob (4, fail) = 37.5 → difference 0
    // overall: (25 + 50 + 25 + 0) / 4 pairs = 25
    const result = calibration(
      [
        { interactionId: "t1", reviewerId: "ann", ratings: { solution: 5, tone: true } },
        { interactionId: "t1", reviewerId: "bob", ratings: { solution: 3, tone: true } },
        { interactionId: "t1", reviewerId: "cat", ratings: { solution: 3, tone: null } },
        { interactionId: "t2", reviewerId: "ann", ratings: { solution: 4, tone: false } },
        { interactionId: "t2", reviewerId: "bob", ratings: { solution: 4, tone: false } },
        { interactionId: "t3", reviewerId: "ann", ratings: { solution: 1, tone: false } }, // one reviewer: not compared
      ],
      SCORECARD,
    );
    expect(result.pairs).toBe(4);
    expect(result.meanAbsoluteDifference).toBe(25);
    expect(result.sessions.map((session) => session.interactionId)).toEqual(["t1", "t2"]);
    expect(result.sessions[0]).toMatchObject({ mean: 75, spread: 50 });
    expect(result.sessions[0]!.meanAbsoluteDifference).toBeCloseTo(100 / 3, 12);
    // ann: t1 100 - mean(75, 50) = +37.5; t2 37.5 - 37.5 = 0 → mean +18.75
    const ann = result.perReviewer.find((reviewer) => reviewer.reviewerId === "ann")!;
    expect(ann).toMatchObject({ n: 2, meanDeviation: 18.75, meanAbsoluteDeviation: 18.75 });
    // cat: 50 - mean(100, 75) = -37.5
    expect(result.perReviewer.find((reviewer) => reviewer.reviewerId === "cat")).toMatchObject({
      n: 1,
      meanDeviation: -37.5,
    });
    // solution: pairs (5,3) (5,3) (3,3) (4,4) → 2 of 4 agree; |diff| in normalised points: 50, 50, 0, 0 → 25
    expect(result.perCriterion[0]).toMatchObject({
      id: "solution",
      pairs: 4,
      agreementPercent: 50,
      meanAbsoluteDifference: 25,
    });
    // tone: (pass, pass) (pass, N/A) (pass, N/A) (fail, fail) → 2 of 4 identical; rated by both in 2 pairs, no
    // difference
    expect(result.perCriterion[1]).toMatchObject({
      id: "tone",
      pairs: 4,
      agreementPercent: 50,
      meanAbsoluteDifference: 0,
    });
  });
  it("throws EMPTY_INPUT when no interaction has two reviewers", () => {
    expect(() =>
      calibration([{ interactionId: "t1", reviewerId: "ann", ratings: { solution: 5, tone: true } }], SCORECARD),
    ).toThrow(expect.objectContaining({ code: "EMPTY_INPUT", fn: "calibration" }));
  });
});

describe("calibration on messy and large input", () => {
  it("skips and counts reviews with a missing or blank interaction or reviewer, and excludes bad ones on request", () => {
    const reviews = [
      { interactionId: "t1", reviewerId: "ann", ratings: { solution: 5, tone: true } }, // 100
      { interactionId: "t1", reviewerId: "bob", ratings: { solution: 3, tone: true } }, // 75 → |100 - 75| = 25
      { interactionId: "", reviewerId: "cat", ratings: { solution: 1, tone: false } }, // blank interaction: skipped
      { interactionId: "t1", reviewerId: "  ", ratings: { solution: 1, tone: false } }, // blank reviewer: skipped
      { interactionId: "t1", reviewerId: "dan", ratings: { solution: 9, tone: true } }, // off the scale: bad
    ];
    expect(() => calibration(reviews, SCORECARD)).toThrow(
      expect.objectContaining({ code: "INVALID_SCORE", index: 4, field: "ratings.solution" }),
    );
    const result = calibration(reviews, SCORECARD, { invalid: "exclude" });
    expect(result).toMatchObject({
      pairs: 1,
      meanAbsoluteDifference: 25,
      rows: { total: 5, used: 2, skipped: 2, excluded: 1 },
    });
  });
  it("equals the mean over every pair, counted one by one (brute force), on random reviews", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            interaction: fc.constantFrom("a", "b", "c"),
            reviewer: fc.constantFrom("r1", "r2", "r3", "r4"),
            solution: fc.integer({ min: 1, max: 5 }),
            tone: fc.constantFrom(true, false, null),
          }),
          {
            minLength: 2,
            maxLength: 40,
          },
        ),
        (rows) => {
          const reviews = rows.map((r) => ({
            interactionId: r.interaction,
            reviewerId: r.reviewer,
            ratings: { solution: r.solution, tone: r.tone },
          }));
          const byInteraction = new Map<string, typeof reviews>();
          for (const review of reviews)
            byInteraction.set(review.interactionId, [...(byInteraction.get(review.interactionId) ?? []), review]);
          const score = (review: (typeof reviews)[number]): number =>
            review.ratings.tone === null
              ? 100 * ((review.ratings.solution - 1) / 4)
              : 100 * (((review.ratings.solution - 1) / 4 + Number(review.ratings.tone)) / 2);
          let count = 0;
          let sum = 0;
          let same = 0;
          for (const group of byInteraction.values()) {
            if (new Set(group.map((review) => review.reviewerId)).size < 2) continue;
            for (let i = 0; i < group.length; i++) {
              for (let j = i + 1; j < group.length; j++) {
                count++;
                sum += Math.abs(score(group[i]!) - score(group[j]!));
                if (group[i]!.ratings.tone === group[j]!.ratings.tone) same++;
              }
            }
          }
          fc.pre(count > 0);
          const result = calibration(reviews, SCORECARD);
          expect(result.pairs).toBe(count);
          expect(result.meanAbsoluteDifference).toBeCloseTo(sum / count, 9);
          expect(result.perCriterion[1]!.agreementPercent).toBeCloseTo((100 * same) / count, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("handles 20,000 reviews of one interaction (pair sums from sorted values: 199,990,000 pairs)", () => {
    // Alternating scores 100 and 0 (solution 5 / 1, tone pass / fail): 10,000 × 10,000 pairs differ by 100.
    const reviews = Array.from({ length: 20_000 }, (_, i) => ({
      interactionId: "same",
      reviewerId: `r${i}`,
      ratings: i % 2 === 0 ? { solution: 5, tone: true } : { solution: 1, tone: false },
    }));
    const result = calibration(reviews, SCORECARD);
    expect(result.pairs).toBe((20_000 * 19_999) / 2);
    expect(result.meanAbsoluteDifference).toBeCloseTo((100 * 10_000 * 10_000) / ((20_000 * 19_999) / 2), 9);
  });
});
