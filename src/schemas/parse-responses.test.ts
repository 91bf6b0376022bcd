import { describe, expect, it } from "vitest";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { nps } from "../nps/nps.js";
import { parseResponses, safeParseResponses } from "./parse-responses.js";
import { instantSchema, npsResponseSchema } from "./index.js";

describe("safeParseResponses", () => {
  it("parses good rows, keeps extra columns and converts instants to Dates", () => {
    const result = safeParseResponses(
      [
        { score: 9, channel: "chat", respondedAt: "2025-03-01T09:30:00+02:00", region: "EU" },
        { score: 3, agentId: 17, respondedAt: 1_740_821_400_000 },
      ],
      { metric: "nps" },
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data[0]).toMatchObject({ score: 9, channel: "chat", region: "EU" });
    expect(result.data[0]!.respondedAt).toEqual(new Date("2025-03-01T07:30:00Z"));
    expect(result.data[1]!.agentId).toBe("17");
    expect(nps(result.data, (r) => r.score).score).toBe(0);
  });
  it("reports every bad row with index, field and reason", () => {
    const result = safeParseResponses(
      [{ score: 9 }, { score: 11 }, { score: 4.5 }, { channel: "email" }, { score: 8, respondedAt: "2025-03-01" }, "row"],
      { metric: "nps" },
    );
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => [issue.index, issue.field])).toEqual([
      [1, "score"],
      [2, "score"],
      [3, "score"],
      [4, "respondedAt"],
      [5, ""],
    ]);
    expect(result.issues[0]!.reason).toBe("expected an integer 0-10");
  });
  it("coerces CSV-style text when asked", () => {
    const rows = [{ score: " 9 ", channel: "", comment: " fine " }, { score: "10" }];
    const result = safeParseResponses(rows, { metric: "nps", coerce: true });
    expect(result.success && result.data).toEqual([{ score: 9, comment: "fine" }, { score: 10 }]);
    expect(safeParseResponses(rows, { metric: "nps" }).success).toBe(false);
    expect(safeParseResponses([{ score: "nine" }], { metric: "nps", coerce: true }).success).toBe(false);
  });
  it("validates each scale", () => {
    expect(safeParseResponses([{ score: 5 }], { metric: "csat" }).success).toBe(true);
    expect(safeParseResponses([{ score: 6 }], { metric: "csat" }).success).toBe(false);
    expect(safeParseResponses([{ score: 10 }], { metric: "csat", scale: "1-10" }).success).toBe(true);
    expect(safeParseResponses([{ score: "neutral" }, { score: 5 }], { metric: "csat", scale: "smiley-3" }).success).toBe(true);
    expect(safeParseResponses([{ score: "meh" }], { metric: "csat", scale: "smiley-3" }).success).toBe(false);
    expect(safeParseResponses([{ score: 7 }], { metric: "ces" }).success).toBe(true);
    expect(safeParseResponses([{ score: 7 }], { metric: "ces", scale: "1-5" }).success).toBe(false);
  });
  it("rejects impossible dates and strings without an offset", () => {
    expect(instantSchema.safeParse("2025-02-30T10:00:00Z").success).toBe(false);
    expect(instantSchema.safeParse("2025-03-01T10:00:00").success).toBe(false);
    expect(instantSchema.safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(instantSchema.safeParse("2025-03-01 10:00+0530").data).toEqual(new Date("2025-03-01T04:30:00Z"));
    expect(npsResponseSchema.safeParse({ score: 10 }).success).toBe(true);
  });
});

describe("parseResponses", () => {
  it("returns the rows or throws INVALID_ROWS listing every issue", () => {
    expect(parseResponses([{ score: "7" }], { metric: "ces", coerce: true })).toEqual([{ score: 7 }]);
    try {
      parseResponses([{ score: 0 }, { score: 9 }, { score: 8 }], { metric: "csat" });
      expect.unreachable();
    } catch (error) {
      expect(isCxMetricsError(error, "INVALID_ROWS")).toBe(true);
      if (isCxMetricsError(error)) expect(error.issues.map((issue) => issue.index)).toEqual([0, 1, 2]);
    }
  });
  it("rejects a non-iterable and an unknown metric", () => {
    expect(() => parseResponses(5 as never, { metric: "nps" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => parseResponses([], { metric: "iqs" } as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => parseResponses([], { metric: "csat", scale: "1-7" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});
