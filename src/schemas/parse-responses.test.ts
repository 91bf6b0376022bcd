import { describe, expect, it } from "vitest";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { nps } from "../nps/nps.js";
import { parseResponses, safeParseResponses } from "./parse-responses.js";
import {
  instantSchema,
  npsResponseSchema,
  parseInteractions,
  safeParseInteractions,
  safeParseQaReviews,
} from "./index.js";

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
      [
        { score: 9 },
        { score: 11 },
        { score: 4.5 },
        { channel: "email" },
        { score: 8, respondedAt: "2025-03-01" },
        "row",
      ],
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
    expect(result.issues[0]!.reason).toBe("found 11, expected an integer 0-10");
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
    expect(
      safeParseResponses([{ score: "neutral" }, { score: 5 }], { metric: "csat", scale: "smiley-3" }).success,
    ).toBe(true);
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
    expect(() => parseResponses(5 as never, { metric: "nps" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => parseResponses([], { metric: "iqs" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => parseResponses([], { metric: "csat", scale: "1-7" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

describe("safe parse helpers on messy rows (issue: parsing)", () => {
  it("return the good rows with every issue, and the counts add up", () => {
    const result = safeParseResponses([{ score: "9" }, { score: "" }, { score: "abc" }, { score: "10" }], {
      metric: "nps",
      coerce: true,
    });
    expect(result.success).toBe(false);
    expect(result.data).toEqual([{ score: 9 }, { score: 10 }]);
    expect(result.rows).toEqual({ total: 4, used: 2, skipped: 0, excluded: 2 });
    // an empty cell and "abc" are different problems, and each issue says which
    expect(result.issues.map((issue) => [issue.index, issue.field, issue.value, issue.reason])).toEqual([
      [1, "score", "", "the cell is empty, expected an integer 0-10"],
      [2, "score", "abc", 'found "abc", expected an integer 0-10'],
    ]);
  });
  it("reject a __proto__ field instead of inheriting from it, in coerce mode and without", () => {
    const inherited = safeParseResponses([JSON.parse('{"__proto__":{"score":10}}')], { metric: "nps", coerce: true });
    expect(inherited).toMatchObject({ success: false, data: [], issues: [{ index: 0, field: "__proto__" }] });
    const admin = safeParseResponses([JSON.parse('{"score":"9","__proto__":{"isAdmin":true}}'), { score: "8" }], {
      metric: "nps",
      coerce: true,
    });
    expect(admin.data).toEqual([{ score: 8 }]);
    expect(admin.data.some((row) => Object.hasOwn(row, "isAdmin") || "isAdmin" in row)).toBe(false);
    expect(
      safeParseResponses([JSON.parse('{"score":9,"__proto__":{"isAdmin":true}}')], { metric: "nps" }).success,
    ).toBe(false);
    expect(
      safeParseInteractions([JSON.parse('{"__proto__":{"createdAt":"2025-03-10T09:00:00Z"}}')], { coerce: true })
        .issues[0]!.field,
    ).toBe("__proto__");
    expect(safeParseQaReviews([JSON.parse('{"ratings":{"__proto__":{"solution":3}}}')]).issues[0]!.field).toBe(
      "ratings.__proto__",
    );
  });
  it("keep years 0000-0099 as those years (out of the supported range), never 1900-1999", () => {
    const result = safeParseResponses([{ score: 9, respondedAt: "0025-03-01T10:00:00Z" }], { metric: "nps" });
    expect(result.issues[0]!.reason).toContain("0025-03-01T10:00:00.000Z");
    expect(result.issues[0]!.reason).toContain("outside the supported range");
  });
  it("reject plain dates and local times without a zone, saying how to give one, and read them in an explicit timeZone", () => {
    const rows = [
      { score: 9, respondedAt: "2025-03-01" },
      { score: 7, respondedAt: "2025-03-30 02:30" },
    ];
    const strict = safeParseResponses(rows, { metric: "nps" });
    expect(strict.issues.map((issue) => issue.reason)).toEqual([
      expect.stringContaining("is a date without a time"),
      expect.stringContaining("is a local time without an offset"),
    ]);
    expect(strict.issues[0]!.reason).toContain("timeZone");
    const berlin = safeParseResponses(rows, { metric: "nps", timeZone: "Europe/Berlin" });
    // 1 March midnight CET = 28 Feb 23:00 UTC; 02:30 on 30 March does not exist in Berlin: moved on by the gap to 03:30
    // CEST.
    expect(berlin.data.map((row) => row.respondedAt?.toISOString())).toEqual([
      "2025-02-28T23:00:00.000Z",
      "2025-03-30T01:30:00.000Z",
    ]);
    expect(() => safeParseResponses(rows, { metric: "nps", timeZone: "Berlin" })).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
  });
  it("read helpdesk local times in interactions, nested ones too", () => {
    const result = parseInteractions(
      [
        {
          createdAt: "2025-03-10 09:00",
          resolutions: ["2025-03-10 10:00"],
          messages: [{ at: "2025-03-10 09:30", from: "agent" }],
        },
      ],
      { timeZone: "America/New_York" },
    );
    expect(result[0]!.createdAt.toISOString()).toBe("2025-03-10T13:00:00.000Z"); // EDT since 9 March: UTC-4
    expect(result[0]!.resolutions![0]!.toISOString()).toBe("2025-03-10T14:00:00.000Z");
    expect(result[0]!.messages![0]!.at.toISOString()).toBe("2025-03-10T13:30:00.000Z");
  });
});
