import { describe, expect, it } from "vitest";
import { ces } from "./ces.js";
import { cesConfidenceInterval } from "./confidence-interval.js";

describe("ces", () => {
  it("reports the mean and the percent easy on 1-7, 7 = very easy (Quality-mgmt) (hand: 5, 6, 7 easy; 3 of 5)", () => {
    const result = ces([7, 6, 5, 3, 2]);
    expect(result).toMatchObject({ mean: 4.6, easyPercent: 60, easy: 3, total: 5, easyEnd: "high", easyFrom: 5 });
    expect(result.distribution.map((bucket) => bucket.count)).toEqual([0, 1, 1, 0, 1, 1, 1]);
  });
  it("supports the low-is-easy wording (hand: 1-3 easy; 2 of 3)", () => {
    const result = ces([1, 2, 6], { easyEnd: "low" });
    expect(result.easyPercent).toBeCloseTo(200 / 3, 12);
    expect(result.easyFrom).toBe(3);
  });
  it("supports a 1-5 scale (hand: 4 and 5 easy; 2 of 4) and a custom threshold", () => {
    expect(ces([5, 4, 3, 1], { scale: "1-5" }).easyPercent).toBe(50);
    expect(ces([7, 6, 5, 3], { easyFrom: 6 }).easyPercent).toBe(50);
  });
  it("reads records with an accessor", () => {
    expect(ces([{ effort: 7 }, { effort: 1 }], { accessor: (r) => r.effort }).mean).toBe(4);
  });
  it("gives intervals (R: t.test(c(7, 6, 5, 3, 2)) 2.02523073207092 .. 7.17476926792908)", () => {
    const intervals = cesConfidenceInterval(ces([7, 6, 5, 3, 2]));
    expect(intervals.mean.low).toBeCloseTo(2.02523073207092, 10);
    expect(intervals.mean.high).toBeCloseTo(7.17476926792908, 10);
    expect(intervals.percent.low).toBeCloseTo(23.0724281276013, 9); // R: prop.test(3, 5, correct = FALSE)
    expect(intervals.percent.high).toBeCloseTo(88.2379225767352, 9);
  });
  it("rejects bad input with coded errors", () => {
    expect(() => ces([8])).toThrow(expect.objectContaining({ code: "INVALID_SCORE", fn: "ces", index: 0, value: 8 }));
    expect(() => ces([6], { scale: "1-5" })).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(() => ces([2.5])).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(() => ces([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => ces([5], { scale: "1-10" as "1-7" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => ces([5], { easyEnd: "middle" as "high" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => ces([5], { easyFrom: 8 })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => cesConfidenceInterval(ces([5]))).toThrow(
      expect.objectContaining({ code: "TOO_FEW_VALUES", fn: "cesConfidenceInterval" }),
    );
  });
});
