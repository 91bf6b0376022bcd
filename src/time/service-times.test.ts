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
    const result = firstResponseTime(
      { createdAt: "2025-03-07T16:30:00+01:00", firstResponseAt: "2025-03-10T09:15:00+01:00" },
      { calendar },
    );
    expect(result).toEqual({
      calendarMinutes: 64 * 60 + 45,
      businessMinutes: 45,
      start: "2025-03-07T15:30:00.000Z",
      end: "2025-03-10T08:15:00.000Z",
    });
  });
  it("measures calendar minutes as absolute time: a 66-hour wall-clock span over the DST change is 65 hours", () => {
    // Fri 28 Mar 18:00 CET → Mon 31 Mar 12:00 CEST: 66 h on the wall clock, 65 h elapsed
    const result = firstResponseTime({
      createdAt: "2025-03-28T18:00:00+01:00",
      firstResponseAt: "2025-03-31T12:00:00+02:00",
    });
    expect(result!.calendarMinutes).toBe(65 * 60);
    expect(result!.businessMinutes).toBeNull();
  });
  it("is null without a reply, and rejects a reply before the creation", () => {
    expect(firstResponseTime({ createdAt: "2025-03-07T16:30:00Z" })).toBeNull();
    expect(firstResponseTime({ createdAt: "2025-03-07T16:30:00Z", firstResponseAt: null })).toBeNull();
    expect(() =>
      firstResponseTime({ createdAt: "2025-03-07T16:30:00Z", firstResponseAt: "2025-03-07T16:00:00Z" }),
    ).toThrow(expect.objectContaining({ code: "END_BEFORE_START", fn: "firstResponseTime" }));
    expect(() => firstResponseTime({ createdAt: "yesterday", firstResponseAt: "2025-03-07T16:00:00Z" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
    // An open ticket is checked too: no readable creation time is a bad record, not an open one (as resolutionTime).
    expect(() => firstResponseTime({ createdAt: null as never })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });
});

describe("resolutionTime", () => {
  const reopened = {
    createdAt: "2025-03-10T09:00:00+01:00",
    resolutions: ["2025-03-10T11:00:00+01:00", "2025-03-11T10:00:00+01:00"],
  };
  it("measures to the first or to the last resolution (hand: 120 and 25 h = 1500 elapsed; 120 and 8 h + 1 h = 540 working)", () => {
    expect(resolutionTime(reopened, { mode: "first", calendar })).toMatchObject({
      calendarMinutes: 120,
      businessMinutes: 120,
    });
    expect(resolutionTime(reopened, { calendar })).toMatchObject({ calendarMinutes: 1500, businessMinutes: 540 });
  });
  it("uses resolvedAt for the full resolution, and is null while reopened or open", () => {
    expect(
      resolutionTime({ createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-10T10:00:00Z" })!.calendarMinutes,
    ).toBe(60);
    expect(resolutionTime({ ...reopened, resolvedAt: null })).toBeNull();
    expect(resolutionTime({ ...reopened, resolvedAt: null }, { mode: "first" })!.calendarMinutes).toBe(120);
    expect(resolutionTime({ createdAt: "2025-03-10T09:00:00Z" })).toBeNull();
  });
  it("rejects a bad mode and a resolution before the creation", () => {
    expect(() => resolutionTime(reopened, { mode: "last" as "full" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
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
    expect(() => durationStats([5, -1])).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE", fn: "durationStats" }),
    );
    expect(() => durationStats([5, Number.NaN])).toThrow(expect.objectContaining({ code: "INVALID_VALUE", index: 1 }));
    expect(() => durationStats([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
    expect(() => durationStats([{ frt: null }], { accessor: (t) => t.frt })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
  });
});

describe("durationStats on messy durations", () => {
  // Durations 10, 20, 30 are good; the rest are bad in different ways. Hand: n = 3, mean 20, median 20.
  const messy: unknown[] = [10, Number.NaN, 20, -5, "15", 30, Number.POSITIVE_INFINITY];
  it("throws at the first bad duration by default, naming its index and value", () => {
    expect(() => durationStats(messy as number[])).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE", index: 1 }),
    );
  });
  it('with invalid: "exclude" leaves them out, lists each, and the counts add up', () => {
    const result = durationStats(messy as number[], { invalid: "exclude" });
    expect(result).toMatchObject({ n: 3, mean: 20, median: 20, rows: { total: 7, used: 3, skipped: 0, excluded: 4 } });
    expect(result.exclusions.map((row) => row.index)).toEqual([1, 3, 4, 6]);
    expect(result.exclusions[1]!.reason).toContain("negative");
    expect(result.exclusions[2]!.reason).toContain('"15"');
  });
  it("skips and counts null durations read by an accessor (open tickets), apart from bad ones", () => {
    const rows = [{ m: 10 }, { m: null }, { m: 30 }, { m: "x" }];
    const result = durationStats(rows, { accessor: (r) => r.m as number | null, invalid: "exclude" });
    expect(result).toMatchObject({ n: 2, skipped: 1, mean: 20, rows: { total: 4, used: 2, skipped: 1, excluded: 1 } });
  });
  it("rejects percentiles that are not an array and an accessor that is not a function", () => {
    expect(() => durationStats([1, 2], { percentiles: 5 as never })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => durationStats([1, 2], { accessor: "m" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
