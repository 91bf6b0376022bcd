// Unanswered surveys in the batch functions: skipped and listed, never an error, never excluded (issue 19).
import { describe, expect, it } from "vitest";
import { ces, csat, nps } from "../src/index.js";
import { isUnanswered, UNANSWERED_MARKERS, unansweredTest } from "../src/internal/unanswered.js";

describe("what is unanswered", () => {
  it.each([
    [undefined],
    [null],
    [""],
    ["   "],
    ["N/A"],
    [" na "],
    ["-"],
    ["Offered"],
    ["UNOFFERED"],
    ["Not Offered"],
    ["not rated"],
    ["No rating"],
    ["NULL"],
    ["None"],
  ])("%j is unanswered (the default markers, trimmed, any case)", (value) => {
    expect(isUnanswered(value)).toBe(true);
  });
  it.each([[0], [Number.NaN], ["0"], ["ten"], ["n / a"], ["good"], [false], [{}]])("%j is not", (value) => {
    expect(isUnanswered(value)).toBe(false);
  });
  it("lists the ten markers of the contract (DESIGN.md, Real exports)", () => {
    expect(UNANSWERED_MARKERS).toEqual([
      "n/a",
      "na",
      "-",
      "offered",
      "unoffered",
      "not offered",
      "not rated",
      "no rating",
      "null",
      "none",
    ]);
  });
  it("adds markers given as an option, trimmed and case-insensitive; a bad list is INVALID_OPTION", () => {
    const test = unansweredTest("nps", [" Skipped "]);
    expect(test("skipped")).toBe(true);
    expect(test("N/A")).toBe(true);
    expect(test("9")).toBe(false);
    expect(isUnanswered("SKIPPED", ["skipped"])).toBe(true);
    expect(() => unansweredTest("nps", "skipped")).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => unansweredTest("nps", [1])).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  });
});

describe("the survey batch functions skip unanswered records", () => {
  // Hand calculation: 10, 9, 9 promoters and 3 a detractor of 4 answers: 100 × (3 - 1) / 4 = 50; null, "" and "N/A"
  // were sent and not answered.
  const scores = [10, null, 3, "", 9, "N/A", 9];
  it("nps: the score of the answers, the unanswered counted and listed, by default (no error)", () => {
    const result = nps(scores);
    expect(result).toMatchObject({ score: 50, total: 4, rows: { total: 7, used: 4, skipped: 3, excluded: 0 } });
    expect(result.unanswered).toEqual([
      { index: 1, id: null, value: null },
      { index: 3, id: null, value: "" },
      { index: 5, id: null, value: "N/A" },
    ]);
    expect(result.exclusions).toEqual([]);
  });
  it("nps with records: ids named; with invalid: exclude, a bad score is excluded and an unanswered one skipped", () => {
    const records = [
      { id: "r1", score: 10 },
      { id: "r2", score: "Offered" },
      { id: "r3", score: 11 },
      { id: 4, score: 6 },
      { id: "r5" },
    ];
    const result = nps(records, (r) => r.score, { invalid: "exclude" });
    // 10 promoter, 6 detractor: 100 × (1 - 1) / 2 = 0.
    expect(result).toMatchObject({ score: 0, rows: { total: 5, used: 2, skipped: 2, excluded: 1 } });
    expect(result.unanswered).toEqual([
      { index: 1, id: "r2", value: "Offered" },
      { index: 4, id: "r5", value: undefined },
    ]);
    expect(result.exclusions).toEqual([
      expect.objectContaining({ index: 2, id: "r3", value: 11, code: "INVALID_SCORE" }),
    ]);
    // The same through the options object, and by default a bad score still throws.
    expect(nps(records, { accessor: (r) => r.score, invalid: "exclude" }).rows).toEqual(result.rows);
    expect(() => nps(records, (r) => r.score)).toThrow(expect.objectContaining({ code: "INVALID_SCORE", index: 2 }));
  });
  it("extra markers: 'skipped' is unanswered only when given", () => {
    expect(() => nps([9, "skipped"])).toThrow(expect.objectContaining({ code: "INVALID_SCORE", index: 1 }));
    expect(nps([9, "skipped"], { unanswered: ["skipped"] }).rows.skipped).toBe(1);
  });
  it("all unanswered: EMPTY_INPUT saying so", () => {
    expect(() => nps([null, "N/A"])).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT", message: expect.stringContaining("unanswered (2)") }),
    );
  });
  it("csat: Zendesk's Offered and a blank are skipped, not in the denominator (hand: 2 satisfied of 3 = 66.7 %)", () => {
    const result = csat([5, "Offered", 4, " ", 1]);
    expect(result.percent).toBeCloseTo(200 / 3, 12);
    expect(result).toMatchObject({ total: 3, rows: { total: 5, used: 3, skipped: 2, excluded: 0 } });
  });
  it("csat on the smiley scale: labels read by the rule, 'none' unanswered, an unknown label INVALID_LABEL", () => {
    const result = csat(["positive", "none", "negative", "happy"], { scale: "smiley-3", invalid: "exclude" });
    expect(result).toMatchObject({ percent: 50, rows: { total: 4, used: 2, skipped: 1, excluded: 1 } });
    expect(result.exclusions[0]).toMatchObject({ index: 3, code: "INVALID_LABEL", value: "happy" });
    expect(() => csat(["positive", "happy"], { scale: "smiley-3" })).toThrow(
      expect.objectContaining({ code: "INVALID_LABEL", index: 1 }),
    );
  });
  it("ces: (hand: 7 and 5 easy of 2 = 100 %, mean 6)", () => {
    const result = ces([7, "not rated", 5, undefined], { invalid: "exclude" });
    expect(result).toMatchObject({ easyPercent: 100, mean: 6, rows: { total: 4, used: 2, skipped: 2, excluded: 0 } });
  });
  it("a typed array has nothing unanswered: the fast path as before", () => {
    expect(nps(Uint8Array.from([10, 9, 0])).rows).toEqual({ total: 3, used: 3, skipped: 0, excluded: 0 });
  });
});
