import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutes } from "./business-minutes.js";
import { businessCalendar } from "./calendar.js";

// Every expected value is a hand calculation written out beside it. The suite runs under several
// host time zones (npm run test:tz): the calendar's own zone decides, never the host's.
const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const berlin = businessCalendar({
  timeZone: "Europe/Berlin",
  week: {
    mon: [
      ["09:00", "12:00"],
      ["13:00", "17:00"],
    ],
    tue: NINE_TO_FIVE,
    wed: NINE_TO_FIVE,
    thu: NINE_TO_FIVE,
    fri: NINE_TO_FIVE,
  },
  holidays: ["2025-12-25", "2025-12-26", { date: "2025-12-24", open: [["09:00", "12:00"]] }],
  extraWorkingPeriods: [{ date: "2025-12-27", open: [["10:00", "14:00"]] }],
});

describe("businessMinutes", () => {
  it("counts only working hours (Fri 16:00 → Mon 10:00 = 60 on Friday + 60 on Monday)", () => {
    expect(businessMinutes(berlin, "2025-03-07T16:00:00+01:00", "2025-03-10T10:00:00+01:00")).toBe(120);
  });
  it("skips the lunch break of a split day (Mon 11:00 → 14:00 = 60 + 60)", () => {
    expect(businessMinutes(berlin, "2025-03-10T11:00:00+01:00", "2025-03-10T14:00:00+01:00")).toBe(120);
  });
  it("scores 0 when created and answered outside hours (Sat 10:00 → Sun 18:00)", () => {
    expect(businessMinutes(berlin, "2025-03-08T10:00:00+01:00", "2025-03-09T18:00:00+01:00")).toBe(0);
    expect(businessMinutes(berlin, "2025-03-10T18:00:00+01:00", "2025-03-10T20:00:00+01:00")).toBe(0);
  });
  it("is half-open: [start, end)", () => {
    expect(businessMinutes(berlin, "2025-03-11T09:00:00+01:00", "2025-03-11T09:00:00+01:00")).toBe(0);
    expect(businessMinutes(berlin, "2025-03-11T16:59:00+01:00", "2025-03-11T17:00:00+01:00")).toBe(1);
  });
  it("applies holidays, short days and extra periods (Tue 23 Dec 16:00 → Mon 29 Dec 10:00)", () => {
    // 23 Dec: 60; 24 Dec (short day 09-12): 180; 25, 26 Dec: holidays; Sat 27 Dec extra 10-14: 240;
    // Mon 29 Dec 09:00-10:00: 60 → 540
    expect(businessMinutes(berlin, "2025-12-23T16:00:00+01:00", "2025-12-29T10:00:00+01:00")).toBe(540);
  });
  it("follows the wall clock across DST in both directions (Fri 16:00 CET → Mon 10:00 CEST = 120)", () => {
    expect(businessMinutes(berlin, "2025-03-28T16:00:00+01:00", "2025-03-31T10:00:00+02:00")).toBe(120);
    expect(businessMinutes(berlin, "2025-10-24T16:00:00+02:00", "2025-10-27T10:00:00+01:00")).toBe(120);
  });
  it("works in the southern hemisphere (Sydney leaves DST on Sun 6 Apr 2025: Fri 16:00 +11 → Mon 10:00 +10 = 120)", () => {
    const sydney = businessCalendar({ timeZone: "Australia/Sydney", week: { mon: NINE_TO_FIVE, fri: NINE_TO_FIVE } });
    expect(businessMinutes(sydney, "2025-04-04T16:00:00+11:00", "2025-04-07T10:00:00+10:00")).toBe(120);
  });
  it("handles a half-hour zone and intervals that cross midnight (Kolkata, Fri 22:00 → Sat 06:00 shift)", () => {
    const night = businessCalendar({ timeZone: "Asia/Kolkata", week: { fri: [["22:00", "06:00"]] } });
    // the whole shift: 8 hours = 480 minutes, within Fri 00:00 → Sun 00:00 local
    expect(businessMinutes(night, "2025-03-07T00:00:00+05:30", "2025-03-09T00:00:00+05:30")).toBe(480);
    // Sat 05:00 → 07:00 local holds the last hour of Friday's shift
    expect(businessMinutes(night, "2025-03-08T05:00:00+05:30", "2025-03-08T07:00:00+05:30")).toBe(60);
  });
  it("shortens a night shift that spans the spring-forward gap (New York, Sat 22:00 → Sun 06:00 on 9 Mar 2025 = 7 hours)", () => {
    const night = businessCalendar({ timeZone: "America/New_York", week: { sat: [["22:00", "06:00"]] } });
    expect(businessMinutes(night, "2025-03-08T12:00:00-05:00", "2025-03-09T12:00:00-04:00")).toBe(420);
  });
  it("accepts Date objects and epoch milliseconds, fractional minutes for seconds", () => {
    const start = new Date("2025-03-11T09:00:00+01:00");
    expect(businessMinutes(berlin, start, start.getTime() + 90_000)).toBe(1.5);
  });
  it("works far from the first dates used (the index grows on demand)", () => {
    expect(businessMinutes(berlin, "2031-06-02T09:00:00+02:00", "2031-06-02T17:00:00+02:00")).toBe(420); // Monday, lunch 12-13
    expect(businessMinutes(berlin, "2019-06-04T09:00:00+02:00", "2019-06-04T17:00:00+02:00")).toBe(480); // Tuesday
  });
  it("rejects bad instants, reversed spans and foreign calendars with coded errors", () => {
    expect(() => businessMinutes(berlin, "2025-03-10T09:00:00", "2025-03-10T10:00:00Z")).toThrow(
      expect.objectContaining({ code: "INVALID_DATE", fn: "businessMinutes" }),
    );
    expect(() => businessMinutes(berlin, Number.NaN, 0)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => businessMinutes(berlin, new Date(Number.NaN), 0)).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
    expect(() => businessMinutes(berlin, "2025-03-10T10:00:00Z", "2025-03-10T09:00:00Z")).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START" }),
    );
    expect(() => businessMinutes({ timeZone: "UTC" } as never, 0, 1)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("addBusinessMinutes", () => {
  it("gives the closing time, not the next opening, when the last minute ends at closing (Tue 09:00 + 480 = Tue 17:00)", () => {
    expect(addBusinessMinutes(berlin, "2025-03-11T09:00:00+01:00", 480).toISOString()).toBe("2025-03-11T16:00:00.000Z");
  });
  it("carries over nights, lunch and weekends (Fri 16:00 + 120 = Mon 10:00; Mon 11:30 + 60 = Mon 13:30)", () => {
    expect(addBusinessMinutes(berlin, "2025-03-07T16:00:00+01:00", 120).toISOString()).toBe("2025-03-10T09:00:00.000Z");
    expect(addBusinessMinutes(berlin, "2025-03-10T11:30:00+01:00", 60).toISOString()).toBe("2025-03-10T12:30:00.000Z");
  });
  it("starts outside hours at the next opening, and returns the start for 0 minutes", () => {
    expect(addBusinessMinutes(berlin, "2025-03-08T10:00:00+01:00", 30).toISOString()).toBe("2025-03-10T08:30:00.000Z");
    expect(addBusinessMinutes(berlin, "2025-03-08T10:00:00+01:00", 0).toISOString()).toBe("2025-03-08T09:00:00.000Z");
  });
  it("UA-agency's 24 working hours from Friday 15:00 on 9-17 weekdays is Wednesday 15:00 (2 + 8 + 8 + 6 hours)", () => {
    const plain = businessCalendar({
      timeZone: "Europe/Kyiv",
      week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
    });
    expect(addBusinessMinutes(plain, "2025-03-07T15:00:00+02:00", 24 * 60).toISOString()).toBe(
      "2025-03-12T13:00:00.000Z",
    );
  });
  it("rejects negative or non-finite minutes", () => {
    expect(() => addBusinessMinutes(berlin, "2025-03-07T16:00:00Z", -5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", fn: "addBusinessMinutes" }),
    );
    expect(() => addBusinessMinutes(berlin, "2025-03-07T16:00:00Z", Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("businessCalendar validation", () => {
  const bad: [string, unknown, string][] = [
    ["unknown zone", { timeZone: "Mars/Olympus", week: { mon: NINE_TO_FIVE } }, "INVALID_TIME_ZONE"],
    ["malformed time", { timeZone: "UTC", week: { mon: [["9:00", "17:00"]] } }, "INVALID_CALENDAR"],
    ["hour 25", { timeZone: "UTC", week: { mon: [["09:00", "25:00"]] } }, "INVALID_CALENDAR"],
    ["empty interval", { timeZone: "UTC", week: { mon: [["09:00", "09:00"]] } }, "INVALID_CALENDAR"],
    ["unknown weekday", { timeZone: "UTC", week: { monday: NINE_TO_FIVE } }, "INVALID_CALENDAR"],
    [
      "overlap",
      {
        timeZone: "UTC",
        week: {
          mon: [
            ["09:00", "12:00"],
            ["11:00", "17:00"],
          ],
        },
      },
      "OVERLAPPING_INTERVALS",
    ],
    [
      "spill overlap",
      { timeZone: "UTC", week: { mon: [["22:00", "10:00"]], tue: [["09:00", "17:00"]] } },
      "OVERLAPPING_INTERVALS",
    ],
    [
      "extra overlaps the week",
      {
        timeZone: "UTC",
        week: { mon: NINE_TO_FIVE },
        extraWorkingPeriods: [{ date: "2025-03-10", open: [["16:00", "18:00"]] }],
      },
      "OVERLAPPING_INTERVALS",
    ],
    [
      "bad holiday date",
      { timeZone: "UTC", week: { mon: NINE_TO_FIVE }, holidays: ["2025-02-30"] },
      "INVALID_CALENDAR",
    ],
    [
      "duplicate holiday",
      { timeZone: "UTC", week: { mon: NINE_TO_FIVE }, holidays: ["2025-12-25", "2025-12-25"] },
      "INVALID_CALENDAR",
    ],
    ["no hours at all", { timeZone: "UTC", week: {} }, "INVALID_CALENDAR"],
    ["no week", { timeZone: "UTC" }, "INVALID_CALENDAR"],
  ];
  it.each(bad)("rejects %s", (_name, options, code) => {
    expect(() => businessCalendar(options as never)).toThrow(expect.objectContaining({ code, fn: "businessCalendar" }));
  });
  it("is a plain JSON-serialisable value holding its options", () => {
    const calendar = businessCalendar({ timeZone: "UTC", week: { mon: NINE_TO_FIVE } });
    expect(JSON.parse(JSON.stringify(calendar))).toEqual({
      timeZone: "UTC",
      week: { mon: [["09:00", "17:00"]] },
      holidays: [],
      extraWorkingPeriods: [],
    });
  });
  it("accepts touching intervals and 24:00", () => {
    const calendar = businessCalendar({
      timeZone: "UTC",
      week: {
        mon: [
          ["00:00", "12:00"],
          ["12:00", "24:00"],
        ],
      },
    });
    expect(businessMinutes(calendar, "2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z")).toBe(1440);
  });
});

describe("DST gaps, skipped days and overlapping wall times (issue: working time counted twice)", () => {
  const every = (hours: readonly (readonly [string, string])[]) => ({
    mon: hours,
    tue: hours,
    wed: hours,
    thu: hours,
    fri: hours,
    sat: hours,
    sun: hours,
  });
  it("Berlin, Sunday 01:00-02:30 and 03:00-04:00 on 30 March 2025: 120, not 150", () => {
    // 02:00-03:00 does not exist: 01:00-02:30 holds 01:00-02:00 CET (60), 03:00-04:00 CEST is 60.
    const calendar = businessCalendar({
      timeZone: "Europe/Berlin",
      week: {
        sun: [
          ["01:00", "02:30"],
          ["03:00", "04:00"],
        ],
      },
    });
    expect(businessMinutes(calendar, "2025-03-30T00:00:00+01:00", "2025-03-30T06:00:00+02:00")).toBe(120);
  });
  it("New York, Saturday 22:00-02:30 and Sunday 03:00-07:00 on 8-9 March 2025: 480, not 510", () => {
    // 22:00-02:00 EST = 240 (02:00-02:30 does not exist); 03:00-07:00 EDT = 240.
    const calendar = businessCalendar({
      timeZone: "America/New_York",
      week: { sat: [["22:00", "02:30"]], sun: [["03:00", "07:00"]] },
    });
    expect(businessMinutes(calendar, "2025-03-08T12:00:00-05:00", "2025-03-09T12:00:00-04:00")).toBe(480);
  });
  it("Pacific/Apia skipped 30 December 2011: 12-29 06:00 to 12-31 12:00 is 780, and 300 minutes added measure back as 300", () => {
    // 29 Dec 08:00-17:00 = 540; 30 Dec never happened; 31 Dec 08:00-12:00 = 240 → 780.
    const calendar = businessCalendar({ timeZone: "Pacific/Apia", week: every([["08:00", "17:00"]]) });
    const start = "2011-12-29T06:00:00-10:00";
    expect(businessMinutes(calendar, start, "2011-12-31T12:00:00+14:00")).toBe(780);
    const due = addBusinessMinutes(calendar, start, 300);
    expect(due.toISOString()).toBe("2011-12-29T23:00:00.000Z"); // 29 Dec 13:00 -10:00 = 08:00 + 300 minutes
    expect(businessMinutes(calendar, start, due)).toBe(300);
  });
  it("Lord Howe's 30-minute shift: Sunday 01:00-03:00 on 5 October 2025 holds 90 minutes (02:00-02:30 skipped)", () => {
    const calendar = businessCalendar({ timeZone: "Australia/Lord_Howe", week: { sun: [["01:00", "03:00"]] } });
    expect(businessMinutes(calendar, "2025-10-04T12:00:00Z", "2025-10-05T12:00:00Z")).toBe(90);
  });
  it("Santiago changes at midnight: a 23:00-01:00 shift on Saturday 6 September 2025 lasts 60 minutes (00:00-01:00 skipped)", () => {
    const calendar = businessCalendar({ timeZone: "America/Santiago", week: { sat: [["23:00", "01:00"]] } });
    expect(businessMinutes(calendar, "2025-09-06T12:00:00-04:00", "2025-09-07T12:00:00-03:00")).toBe(60);
  });
  it("reads historical offsets with their sign: Monrovia was at -00:44:30 in 1960, so Monday 09:00-17:00 is 09:44:30Z-17:44:30Z", () => {
    const calendar = businessCalendar({ timeZone: "Africa/Monrovia", week: { mon: NINE_TO_FIVE } });
    expect(businessMinutes(calendar, "1960-01-04T09:44:30Z", "1960-01-04T17:44:30Z")).toBe(480);
    expect(addBusinessMinutes(calendar, "1960-01-04T00:00:00Z", 1).toISOString()).toBe("1960-01-04T09:45:30.000Z");
  });
});

describe("answers that do not depend on earlier queries or on the span between instants", () => {
  it("gives the same due date after a query at 1900 (a placeholder date) as on a fresh calendar", () => {
    const options = { timeZone: "Europe/Berlin", week: { mon: NINE_TO_FIVE } } as const;
    const used = businessCalendar(options);
    expect(businessMinutes(used, "1900-01-01T00:00:00Z", "1900-01-02T00:00:00Z")).toBe(480); // 1 Jan 1900 was a Monday
    const fresh = businessCalendar(options);
    // 40 years of Mondays: 480 × 52 × 40 minutes from 2150, far past anything built before
    const minutes = 480 * 52 * 40;
    expect(addBusinessMinutes(used, "2150-01-01T00:00:00Z", minutes)).toEqual(
      addBusinessMinutes(fresh, "2150-01-01T00:00:00Z", minutes),
    );
  });
  it("answers a query over the whole supported range, and again at once", () => {
    // Mondays 09:00-17:00 from Mon 1 Jan 1900 to Mon 2 Jan 2199 (exclusive): 15,654 Mondays × 480
    // (109,575 days from 1900-01-01 to 2199-12-31 is 15,653 weeks + 4 days, and the range starts on a Monday).
    const calendar = businessCalendar({ timeZone: "UTC", week: { mon: NINE_TO_FIVE } });
    const mondays = (Date.UTC(2199, 11, 31) - Date.UTC(1900, 0, 1)) / 86_400_000 / 7;
    expect(businessMinutes(calendar, "1900-01-01T00:00:00Z", "2199-12-31T00:00:00Z")).toBe(Math.ceil(mondays) * 480);
    expect(businessMinutes(calendar, "1900-01-01T00:00:00Z", "2199-12-31T00:00:00Z")).toBe(15_654 * 480);
  });
  it("rejects instants outside 1900-2199 with DATE_OUT_OF_RANGE, naming the value and a likely unit", () => {
    expect(() => businessMinutes(berlin, "2025-01-01T00:00:00Z", "9999-12-31T23:59:59Z")).toThrow(
      expect.objectContaining({
        code: "DATE_OUT_OF_RANGE",
        message: expect.stringMatching(/9999-12-31T23:59:59Z.*placeholder/),
      }),
    );
    expect(() => businessMinutes(berlin, -8.64e15, 8.64e15)).toThrow(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
    const microseconds = Date.UTC(2025, 0, 2) * 1000;
    expect(() => businessMinutes(berlin, Date.UTC(2025, 0, 1), microseconds)).toThrow(
      expect.objectContaining({
        code: "DATE_OUT_OF_RANGE",
        message: expect.stringContaining("looks like microseconds"),
      }),
    );
    expect(() => addBusinessMinutes(berlin, "1899-12-31T23:00:00Z", 5)).toThrow(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
    expect(() => addBusinessMinutes(berlin, "2199-12-01T00:00:00Z", 1e9)).toThrow(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
  });
  it("never returns a due instant before the start, even for a float hair above 0 (0.1 + 0.2 - 0.3)", () => {
    // Saturday 10:00 Berlin: the next working minute is Monday 09:00.
    const due = addBusinessMinutes(berlin, "2025-03-08T10:00:00+01:00", 0.1 + 0.2 - 0.3);
    expect(due.toISOString()).toBe("2025-03-10T08:00:00.000Z");
  });
});
