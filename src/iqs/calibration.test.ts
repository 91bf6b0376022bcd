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
    expect(result.perReviewer.find((reviewer) => reviewer.reviewerId === "cat")).toMatchObject({ n: 1, meanDeviation: -37.5 });
    // solution: pairs (5,3) (5,3) (3,3) (4,4) → 2 of 4 agree; |diff| in normalised points: 50, 50, 0, 0 → 25
    expect(result.perCriterion[0]).toMatchObject({ id: "solution", pairs: 4, agreementPercent: 50, meanAbsoluteDifference: 25 });
    // tone: (pass, pass) (pass, N/A) (pass, N/A) (fail, fail) → 2 of 4 identical; rated by both in 2 pairs, no difference
    expect(result.perCriterion[1]).toMatchObject({ id: "tone", pairs: 4, agreementPercent: 50, meanAbsoluteDifference: 0 });
  });
  it("throws EMPTY_INPUT when no interaction has two reviewers", () => {
    expect(() =>
      calibration([{ interactionId: "t1", reviewerId: "ann", ratings: { solution: 5, tone: true } }], SCORECARD),
    ).toThrow(expect.objectContaining({ code: "EMPTY_INPUT", fn: "calibration" }));
  });
});
