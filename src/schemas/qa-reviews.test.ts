import { describe, expect, it } from "vitest";
import { iqs } from "../iqs/iqs.js";
import { parseQaReviews, safeParseQaReviews } from "./qa-reviews.js";

describe("safeParseQaReviews", () => {
  it("reads reviews with a ratings object, keeps extra fields and turns ids into strings", () => {
    const result = safeParseQaReviews([
      { id: 1, agentId: "ann", ratings: { greeting: true, solution: 4, tone: null }, team: "B" },
    ]);
    expect(result.success && result.data[0]).toEqual({
      id: "1",
      agentId: "ann",
      ratings: { greeting: true, solution: 4, tone: null },
      team: "B",
    });
  });
  it("gathers wide CSV rows into ratings and coerces text (yes → true, n/a or empty → N/A)", () => {
    const rows = [
      { agentId: "ann", greeting: "yes", solution: "4", tone: "n/a" },
      { agentId: "bob", greeting: "FAIL", solution: " 2 ", tone: "" },
    ];
    const reviews = parseQaReviews(rows, { criteria: ["greeting", "solution", "tone"], coerce: true });
    expect(reviews).toEqual([
      { agentId: "ann", ratings: { greeting: true, solution: 4, tone: null } },
      { agentId: "bob", ratings: { greeting: false, solution: 2, tone: null } },
    ]);
    const scorecard = {
      criteria: [
        { id: "greeting", weight: 1, scale: "binary" as const },
        { id: "solution", weight: 1, scale: "1-5" as const },
        { id: "tone", weight: 1, scale: "1-3" as const, allowNa: true },
      ],
    };
    // ann: (1 + 0.75) / 2 = 87.5; bob: (0 + 0.25) / 2 = 12.5
    expect(iqs(reviews, scorecard).iqs).toBe(50);
  });
  it("reports every bad row", () => {
    const result = safeParseQaReviews([{ ratings: { a: "x" } }, { agentId: "ann" }, { ratings: { a: 1 } }, 7]);
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => [issue.index, issue.field])).toEqual([
      [0, "ratings.a"],
      [1, "ratings"],
      [3, ""],
    ]);
  });
  it("throws INVALID_ROWS from parseQaReviews and INVALID_ARGUMENT for bad options", () => {
    expect(() => parseQaReviews([{ ratings: { a: "x" } }])).toThrow(
      expect.objectContaining({ code: "INVALID_ROWS", fn: "parseQaReviews" }),
    );
    expect(() => safeParseQaReviews([], { criteria: "a" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => safeParseQaReviews(3 as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
