import { describe, expect, it } from "vitest";
import { businessCalendar } from "./calendar.js";
import { durationStats } from "./duration-stats.js";
import { firstResponseTime, resolutionTime } from "./service-times.js";

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "Europe/Berlin",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});

describe("firstResponseTime", () => {
  it("gives calendar and business minutes (Fri 16:30 → Mon 09:15: 64 h 45 min elapsed; 30 + 15 working)", () => {
    const result = firstResponseTime({ createdAt: "2025-03-07T16:30:00+01:00", firstResponseAt: "2025-03-10T09:15:00+01:00" }, { calendar });
    expect(result).toEqual({ calendarMinutes: 64 * 60 + 45, businessMinutes: 45, start: "2025-03-07T15:30:00.000Z", end: "2025-03-10T08:15:00.000Z" });
  });
  it("measures calendar minutes as absolute time: a 66-hour wall-clock span over the DST change is 65 hours", () => {
    // Fri 28 Mar 18:00 CET → Mon 31 Mar 12:00 CEST: 66 h on the wall clock, 65 h elapsed
    const result = firstResponseTime({ createdAt: "2025-03-28T18:00:00+01:00", firstResponseAt: "2025-03-31T12:00:00+02:00" });
    expect(result!.calendarMinutes).toBe(65 * 60);
    expect(result!.businessMinutes).toBeNull();
  });
  it("is null without a reply, and rejects a reply before the creation", () => {
    expect(firstResponseTime({ createdAt: "2025-03-07T16:30:00Z" })).toBeNull();
    expect(firstResponseTime({ createdAt: "2025-03-07T16:30:00Z", firstResponseAt: null })).toBeNull();
    expect(() => firstResponseTime({ createdAt: "2025-03-07T16:30:00Z", firstResponseAt: "2025-03-07T16:00:00Z" })).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START", fn: "firstResponseTime" }),
    );
    expect(() => firstResponseTime({ createdAt: "yesterday", firstResponseAt: "2025-03-07T16:00:00Z" })).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("resolutionTime", () => {
  const reopened = {
    createdAt: "2025-03-10T09:00:00+01:00",
    resolutions: ["2025-03-10T11:00:00+01:00", "2025-03-11T10:00:00+01:00"],
  };
  it("measures to the first or to the last resolution (hand: 120 and 25 h = 1500 elapsed; 120 and 8 h + 1 h = 540 working)", () => {
    expect(resolutionTime(reopened, { mode: "first", calendar })).toMatchObject({ calendarMinutes: 120, businessMinutes: 120 });
    expect(resolutionTime(reopened, { calendar })).toMatchObject({ calendarMinutes: 1500, businessMinutes: 540 });
  });
  it("uses resolvedAt for the full resolution, and is null while reopened or open", () => {
    expect(resolutionTime({ createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-10T10:00:00Z" })!.calendarMinutes).toBe(60);
    expect(resolutionTime({ ...reopened, resolvedAt: null })).toBeNull();
    expect(resolutionTime({ ...reopened, resolvedAt: null }, { mode: "first" })!.calendarMinutes).toBe(120);
    expect(resolutionTime({ createdAt: "2025-03-10T09:00:00Z" })).toBeNull();
  });
  it("rejects a bad mode and a resolution before the creation", () => {
    expect(() => resolutionTime(reopened, { mode: "last" as "full" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => resolutionTime({ createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-09T09:00:00Z" })).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START" }),
    );
  });
});

describe("durationStats", () => {
  it("reports n, mean, median, min, max and percentiles (hand: sorted 3 5 8 12 30 45 240; p90 at h = 5.4 → 45 + 0.4 × 195 = 123)", () => {
    const result = durationStats([12, 3, 45, 8, 30, 5, 240]);
    expect(result).toMatchObject({ n: 7, skipped: 0, mean: 49, median: 12, min: 3, max: 240, p50: 12 });
    expect(result.p90).toBeCloseTo(123, 9);
    expect(result.p95).toBeCloseTo(181.5, 9); // h = 5.7 → 45 + 0.7 × 195
  });
  it("takes percentiles, a method, and skips open items (null) with a count", () => {
    const tickets = [{ frt: 10 }, { frt: null }, { frt: 20 }, { frt: 40 }];
    const result = durationStats(tickets, { accessor: (t) => t.frt, percentiles: [75], method: "nearest-rank" });
    expect(result).toMatchObject({ n: 3, skipped: 1, median: 20, p75: 40 });
  });
  it("rejects negative and non-finite durations, and no durations", () => {
    expect(() => durationStats([5, -1])).toThrow(expect.objectContaining({ code: "INVALID_VALUE", fn: "durationStats" }));
    expect(() => durationStats([5, Number.NaN])).toThrow(expect.objectContaining({ code: "INVALID_VALUE", index: 1 }));
    expect(() => durationStats([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => durationStats([{ frt: null }], { accessor: (t) => t.frt })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});
