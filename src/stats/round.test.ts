import { describe, expect, it } from "vitest";
import { round } from "./round.js";

// Expected values are the half-away-from-zero rounding of the decimal written in the source,
// as Excel's ROUND and a printed report do it.
describe("round", () => {
  it.each([
    [49.5, 0, 50],
    [-49.5, 0, -50],
    [54.545, 1, 54.5],
    [4.25, 1, 4.3],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1234.5, -2, 1200],
    [1e-7, 3, 0],
    [33.333333, 1, 33.3],
  ])("round(%d, %d) = %d", (value, digits, expected) => {
    expect(round(value, digits)).toBe(expected);
  });
  it("rejects non-finite values and bad digits", () => {
    expect(() => round(Number.NaN)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", fn: "round" }));
    expect(() => round(1, 1.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
