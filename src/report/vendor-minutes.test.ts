import { describe, expect, it } from "vitest";
import { businessCalendar } from "../time/calendar.js";
import { createSummary, summarize } from "./summarize.js";

// Every figure is counted by hand from the records listed. Mon-Fri 09:00-17:00 UTC; 2025-03-03 is a Monday.
const calendar = businessCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] } });

describe("summarize reads the vendor's minutes where a record has no end timestamp", () => {
  const tickets = [
    // timestamps: 30 calendar minutes (09:00 → 09:30 on a Monday: 30 business minutes too)
    { createdAt: "2025-03-03T09:00:00Z", firstResponseAt: "2025-03-03T09:30:00Z", firstResponseMinutes: 999 },
    // no reply instant: the vendor's 90 minutes
    { createdAt: "2025-03-03T10:00:00Z", firstResponseMinutes: 90 },
    // neither: open
    { createdAt: "2025-03-03T11:00:00Z", firstResponseMinutes: null },
  ];

  it("timestamps first, then the vendor's minutes; the rest open: median of 30 and 90 = 60", () => {
    const report = summarize(tickets, { metric: "first-response", vendorMinutes: "calendar" });
    const row = report.rows[0]!;
    expect(row.n).toBe(2);
    expect(row.value).toBe(60);
    expect(row.detail).toMatchObject({ clock: "calendar", open: 1, calendarMinutes: null });
    expect(row.detail.vendorMinutes).toBe("firstResponseMinutes");
  });

  it("without vendorMinutes the minutes are not read: one measured (30), two open", () => {
    const row = summarize(tickets, { metric: "first-response" }).rows[0]!;
    expect([row.n, row.value, row.detail.open]).toEqual([1, 30, 2]);
  });

  it("business minutes from the vendor, with a calendar: timestamps measured on it (30), the vendor's 90 beside", () => {
    const row = summarize(tickets, { metric: "first-response", vendorMinutes: "business", calendar }).rows[0]!;
    expect([row.n, row.value, row.detail.clock]).toEqual([2, 60, "business"]);
  });

  it("business minutes from the vendor without a calendar: the vendor's minutes even where there are timestamps", () => {
    // The first ticket's 999 (its timestamps cannot give business minutes without a calendar) and the second's 90.
    const row = summarize(tickets, { metric: "first-response", vendorMinutes: "business" }).rows[0]!;
    expect([row.n, row.value, row.detail.clock]).toEqual([2, (999 + 90) / 2, "business"]);
  });

  it("resolution: fields named otherwise, mode first", () => {
    const records = [
      { createdAt: "2025-03-03T09:00:00Z", firstSolve: 60 },
      { createdAt: "2025-03-03T09:00:00Z", resolutions: ["2025-03-03T11:00:00Z", "2025-03-04T09:00:00Z"] },
    ];
    // 60 from the vendor, 120 from the first of the resolutions: median 90.
    const row = summarize(records, {
      metric: "resolution",
      resolution: "first",
      vendorMinutes: "calendar",
      fields: { resolutionMinutes: "firstSolve" },
    }).rows[0]!;
    expect([row.n, row.value]).toEqual([2, 90]);
  });

  it("bad rows: minutes that are not a number ≥ 0, and an end without a calendar or the vendor's business minutes", () => {
    const report = summarize(
      [
        { createdAt: "2025-03-03T09:00:00Z", firstResponseMinutes: -5 },
        { createdAt: "2025-03-03T09:00:00Z", firstResponseMinutes: "12" },
        { createdAt: "2025-03-03T09:00:00Z", firstResponseAt: "2025-03-03T09:10:00Z" },
        { createdAt: "2025-03-03T09:00:00Z", firstResponseMinutes: 20 },
      ],
      { metric: "first-response", vendorMinutes: "business", invalid: "exclude" },
    );
    expect(report.input).toEqual({ read: 4, used: 1, rejected: 3 });
    expect(report.exclusions.map((row) => [row.index, row.code, row.field])).toEqual([
      [0, "INVALID_VALUE", "firstResponseMinutes"],
      [1, "INVALID_VALUE", "firstResponseMinutes"],
      [2, "INVALID_ARGUMENT", "firstResponseMinutes"],
    ]);
    expect(report.rows[0]!.value).toBe(20);
  });

  it("refuses calendar minutes with a calendar, and vendorMinutes on a survey metric or of another value", () => {
    expect(() => createSummary({ metric: "resolution", vendorMinutes: "calendar", calendar })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => createSummary({ metric: "nps", vendorMinutes: "calendar" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
    expect(() => createSummary({ metric: "resolution", vendorMinutes: "hours" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});
