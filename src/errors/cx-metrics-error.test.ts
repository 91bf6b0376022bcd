import { describe, expect, it } from "vitest";
import { CxMetricsError, isCxMetricsError } from "./cx-metrics-error.js";

describe("CxMetricsError", () => {
  it("carries code, function, index and value, and prefixes the message with the function", () => {
    const error = new CxMetricsError("nps", "INVALID_SCORE", "score at index 3 is 11, expected an integer 0-10", {
      index: 3,
      value: 11,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CxMetricsError");
    expect(error.message).toBe("nps: score at index 3 is 11, expected an integer 0-10");
    expect(error).toMatchObject({ code: "INVALID_SCORE", fn: "nps", index: 3, value: 11, issues: [] });
  });
  it("is recognised by isCxMetricsError across copies (by name and code, not instanceof)", () => {
    const lookalike = Object.assign(new Error("x"), { name: "CxMetricsError", code: "EMPTY_INPUT", fn: "csat" });
    expect(isCxMetricsError(lookalike)).toBe(true);
    expect(isCxMetricsError(lookalike, "EMPTY_INPUT")).toBe(true);
    expect(isCxMetricsError(lookalike, "INVALID_SCORE")).toBe(false);
    expect(isCxMetricsError(new Error("x"))).toBe(false);
    expect(isCxMetricsError(null)).toBe(false);
  });
});
