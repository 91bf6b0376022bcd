import { describe, expect, it } from "vitest";
import { qaReviewPlan } from "./review-plan.js";

describe("qaReviewPlan", () => {
  it("sizes each agent's sample with that agent's own population (hand: n0 = 1.96² × 0.25 / 0.1² = 96.04)", () => {
    const plan = qaReviewPlan({ ann: 400, bob: 90 }, { marginOfError: 0.1 });
    const n0 = (1.959963984540054 ** 2 * 0.25) / 0.01;
    expect(plan.perAgent[0]).toMatchObject({
      agentId: "ann",
      interactions: 400,
      reviews: Math.ceil(n0 / (1 + (n0 - 1) / 400)),
    });
    expect(plan.perAgent[1]).toMatchObject({
      agentId: "bob",
      interactions: 90,
      reviews: Math.ceil(n0 / (1 + (n0 - 1) / 90)),
    });
    expect(plan.perAgent[0]!.ruleOfThumb).toMatchObject({ min: 20, max: 40 });
    expect(plan.totalReviews).toBe(plan.perAgent[0]!.reviews + plan.perAgent[1]!.reviews);
    expect(plan).toMatchObject({ totalInteractions: 490, confidence: 0.95, marginOfError: 0.1 });
  });
  it("rejects bad counts and options", () => {
    expect(() => qaReviewPlan({ ann: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT", fn: "qaReviewPlan" }),
    );
    expect(() => qaReviewPlan({ ann: 10.5 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => qaReviewPlan([] as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => qaReviewPlan({ ann: 10 }, { confidence: 95 })).toThrow(
      expect.objectContaining({ code: "INVALID_CONFIDENCE" }),
    );
  });
});
