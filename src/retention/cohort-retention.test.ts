import { describe, expect, it } from "vitest";
import { cohortRetention } from "./cohort-retention.js";

// Expected triangles are counted by hand from the activity listed in each test. The suite also runs
// under several host time zones (npm run test:tz): the answers must not change.
const ACTIVITY = [
  { customerId: "a", date: "2025-01-05T10:00:00Z" },
  { customerId: "a", date: "2025-02-11T10:00:00Z" },
  { customerId: "a", date: "2025-03-02T10:00:00Z" },
  { customerId: "b", date: "2025-01-20T10:00:00Z" },
  { customerId: "b", date: "2025-03-15T10:00:00Z" },
  { customerId: "c", date: "2025-02-01T10:00:00Z" },
  { customerId: "c", date: "2025-02-20T10:00:00Z" },
  { customerId: "d", date: "2025-02-25T10:00:00Z" },
  { customerId: "d", date: "2025-03-30T10:00:00Z" },
];

describe("cohortRetention", () => {
  it("builds the monthly triangle: January {a, b}, February {c, d}", () => {
    const result = cohortRetention(ACTIVITY, { period: "month" });
    expect(result.cohorts).toEqual([
      // January: a and b; February: a active; March: a and b active
      {
        cohort: "2025-01",
        start: "2025-01-01T00:00:00.000+00:00",
        size: 2,
        retained: [2, 1, 2],
        percent: [100, 50, 100],
      },
      // February: c and d; March: d active
      { cohort: "2025-02", start: "2025-02-01T00:00:00.000+00:00", size: 2, retained: [2, 1], percent: [100, 50] },
    ]);
    expect(result).toMatchObject({ customers: 4, activities: 9, ignoredAfterAsOf: 0, lastPeriodComplete: false });
  });
  it("cuts periods in the given time zone: 31 Jan 23:30 UTC is February in Berlin", () => {
    const activity = [
      { customerId: "x", date: "2025-01-31T23:30:00Z" },
      { customerId: "x", date: "2025-03-01T12:00:00Z" },
    ];
    expect(cohortRetention(activity, { period: "month" }).cohorts[0]!.cohort).toBe("2025-01");
    const berlin = cohortRetention(activity, { period: "month", timeZone: "Europe/Berlin" });
    expect(berlin.cohorts[0]).toMatchObject({
      cohort: "2025-02",
      start: "2025-02-01T00:00:00.000+01:00",
      retained: [1, 1],
    });
  });
  it("uses ISO weeks and quarters", () => {
    const weekly = cohortRetention(
      [
        { customerId: "a", date: "2025-01-06T08:00:00Z" }, // Monday of 2025-W02
        { customerId: "a", date: "2025-01-19T22:00:00Z" }, // Sunday of 2025-W03
      ],
      { period: "week" },
    );
    expect(weekly.cohorts[0]).toMatchObject({
      cohort: "2025-W02",
      start: "2025-01-06T00:00:00.000+00:00",
      retained: [1, 1],
    });
    const quarterly = cohortRetention(ACTIVITY, { period: "quarter" });
    expect(quarterly.cohorts).toEqual([
      { cohort: "2025-Q1", start: "2025-01-01T00:00:00.000+00:00", size: 4, retained: [4], percent: [100] },
    ]);
    // 2024-12-30 belongs to ISO week 1 of 2025
    expect(
      cohortRetention([{ customerId: "z", date: "2024-12-30T12:00:00Z" }], { period: "week" }).cohorts[0]!.cohort,
    ).toBe("2025-W01");
  });
  it("stops at asOf, leaves later activity out and says whether the last period is complete", () => {
    const result = cohortRetention(ACTIVITY, { period: "month", asOf: "2025-02-28T23:59:59.999Z" });
    expect(result.ignoredAfterAsOf).toBe(3);
    expect(result.lastPeriodComplete).toBe(true);
    expect(result.cohorts.map((row) => row.retained)).toEqual([[2, 1], [2]]);
  });
  it("reads other shapes with accessors", () => {
    const orders = [
      { user: 1, at: Date.UTC(2025, 0, 3) },
      { user: 1, at: Date.UTC(2025, 1, 3) },
    ];
    const result = cohortRetention(orders, { period: "month", customer: (o) => o.user, date: (o) => o.at });
    expect(result.cohorts[0]!.retained).toEqual([1, 1]);
  });
  it("rejects bad input with coded errors", () => {
    expect(() => cohortRetention([{ customerId: "a", date: "2025-01-05" }], { period: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE", index: 0 }),
    );
    expect(() => cohortRetention([{ customerId: "a", date: "2025-02-30T10:00:00Z" }], { period: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
    expect(() => cohortRetention([{ customerId: "", date: "2025-01-05T10:00:00Z" }], { period: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => cohortRetention(ACTIVITY, { period: "year" as "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => cohortRetention(ACTIVITY, { period: "month", timeZone: "Mars/Olympus" })).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
    expect(() => cohortRetention(ACTIVITY, { period: "month", asOf: "2024-01-01T00:00:00Z" })).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START" }),
    );
    expect(() => cohortRetention([], { period: "month" })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("cohortRetention on messy activity", () => {
  const messy = [
    ...ACTIVITY,
    { customerId: "e", date: "" }, // an empty cell
    { customerId: "", date: "2025-01-05T10:00:00Z" }, // no customer
    { customerId: "f", date: "9999-12-31T00:00:00Z" }, // a "never" placeholder
    { customerId: "g", date: "0099-01-01T00:00:00Z" }, // year 99, not 1999
  ];
  it("throws at the first bad record by default, naming it", () => {
    expect(() => cohortRetention(messy, { period: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE", index: 9 }),
    );
  });
  it('with invalid: "exclude" gives the clean triangle and lists the four bad records', () => {
    const result = cohortRetention(messy, { period: "month", invalid: "exclude" });
    expect(result.cohorts).toEqual(cohortRetention(ACTIVITY, { period: "month" }).cohorts);
    expect(result.rows).toEqual({ total: 13, used: 9, skipped: 0, excluded: 4 });
    expect(result.exclusions.map((row) => [row.index, row.code])).toEqual([
      [9, "INVALID_DATE"],
      [10, "INVALID_ARGUMENT"],
      [11, "DATE_OUT_OF_RANGE"],
      [12, "DATE_OUT_OF_RANGE"],
    ]);
    expect(result.exclusions[3]!.reason).toContain("0099-01-01T00:00:00.000Z");
  });
  it("reads plain dates in the time zone only when one is given", () => {
    const orders = [
      { customerId: "a", date: "2025-01-31" },
      { customerId: "a", date: "2025-02-01" },
    ];
    expect(() => cohortRetention(orders, { period: "month" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE", message: expect.stringContaining("timeZone") }),
    );
    const berlin = cohortRetention(orders, { period: "month", timeZone: "Europe/Berlin" });
    // 31 Jan is a January order in Berlin (its midnight is 30 Jan 23:00 UTC), 1 Feb a February one.
    expect(berlin.cohorts).toEqual([
      { cohort: "2025-01", start: "2025-01-01T00:00:00.000+01:00", size: 1, retained: [1, 1], percent: [100, 100] },
    ]);
  });
  it("labels ISO weeks as date-fns getISOWeekYear / getISOWeek do, over 1,000 weeks", async () => {
    const { getISOWeek, getISOWeekYear } = await import("date-fns");
    const { TZDate } = await import("@date-fns/tz");
    for (let k = 0; k < 1000; k++) {
      const monday = Date.UTC(2004, 11, 27) + k * 7 * 86_400_000;
      const result = cohortRetention([{ customerId: "x", date: monday }], { period: "week" });
      const utc = new TZDate(monday, "UTC");
      expect(result.cohorts[0]!.cohort).toBe(`${getISOWeekYear(utc)}-W${String(getISOWeek(utc)).padStart(2, "0")}`);
    }
  });
  it("spans the supported range: a record in 1900 and one in 2199 give two cohort rows, the older with a column per quarter up to asOf", () => {
    const result = cohortRetention(
      [
        { customerId: "old", date: "1900-01-15T00:00:00Z" },
        { customerId: "new", date: "2199-12-15T00:00:00Z" },
      ],
      { period: "quarter" },
    );
    // 1900-Q1 to 2199-Q4 is 300 years × 4 = 1,200 quarters; the newest cohort has one column.
    expect(result.cohorts.map((row) => [row.cohort, row.retained.length])).toEqual([
      ["1900-Q1", 1200],
      ["2199-Q4", 1],
    ]);
  });
});
