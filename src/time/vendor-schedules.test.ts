import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { businessMinutes } from "./business-minutes.js";
import { businessCalendar } from "./calendar.js";
import { calendarFromIntercomOfficeHours } from "./intercom-office-hours.js";
import { RAILS_TIME_ZONES, timeZoneFromRails } from "./rails-zones.js";
import { calendarFromSchedule, scheduleKind } from "./schedule.js";
import { calendarFromZendeskSchedule } from "./zendesk-schedule.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/schedules/${name}`, import.meta.url), "utf8"));

const nineToFive: [string, string][] = [["09:00", "17:00"]];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

describe("RAILS_TIME_ZONES", () => {
  // test/fixtures/rails/time-zone-mapping.rb.txt: ActiveSupport::TimeZone::MAPPING verbatim from rails/rails.
  const mapping = readFileSync(new URL("../../test/fixtures/rails/time-zone-mapping.rb.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => /^\s+"([^"]+)"\s+=> "([^"]+)"/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!] as const);

  it("has every name of Rails' MAPPING (154), each with Rails' zone, plus three earlier names", () => {
    expect(mapping).toHaveLength(154);
    for (const [name, zone] of mapping) expect([name, RAILS_TIME_ZONES[name]]).toEqual([name, zone]);
    expect(Object.keys(RAILS_TIME_ZONES)).toHaveLength(157);
  });

  it("maps every name to a zone this platform's Intl accepts", () => {
    for (const [name, zone] of Object.entries(RAILS_TIME_ZONES)) {
      expect(timeZoneFromRails(name)).toBe(zone);
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone }), name).not.toThrow();
    }
  });

  it("gives IANA names back and nothing for unknown names", () => {
    expect(timeZoneFromRails("Eastern Time (US & Canada)")).toBe("America/New_York");
    expect(timeZoneFromRails("Chennai")).toBe("Asia/Kolkata");
    expect(timeZoneFromRails("Europe/Berlin")).toBe("Europe/Berlin");
    expect(timeZoneFromRails("eastern time (us & canada)")).toBeUndefined();
    expect(timeZoneFromRails("Atlantis")).toBeUndefined();
    expect(timeZoneFromRails("toString")).toBeUndefined();
  });
});

describe("calendarFromZendeskSchedule", () => {
  const zendesk = calendarFromZendeskSchedule(fixture("zendesk-schedule-new-york.json"));
  const library = businessCalendar({
    timeZone: "America/New_York",
    week: weekdays,
    holidays: ["2025-07-04", "2025-12-24", "2025-12-25", "2025-12-26"],
  });
  const both = (start: string, end: string): [number, number] => [
    businessMinutes(zendesk, start, end),
    businessMinutes(library, start, end),
  ];

  it("reads minutes since Sunday 00:00 as Monday-Friday 09:00-17:00 in the Rails zone's IANA zone", () => {
    expect(zendesk.timeZone).toBe("America/New_York");
    expect(zendesk.week).toEqual(weekdays);
    expect(zendesk.holidays).toEqual(["2025-07-04", "2025-12-24", "2025-12-25", "2025-12-26"]);
  });

  it("gives the business minutes of the equivalent library calendar, across DST", () => {
    // Friday 7 March 16:00 EST → Monday 10 March 10:00 EDT (New York springs forward on Sunday 9 March):
    // 60 on Friday + 60 on Monday; 65 hours of calendar time.
    expect(both("2025-03-07T21:00:00Z", "2025-03-10T14:00:00Z")).toEqual([120, 120]);
  });

  it("closes holidays, one day and several (both dates included)", () => {
    // Thursday 3 July 16:00 → Monday 7 July 10:00 EDT: 60 + Independence Day closed + 60 (600 without the holiday).
    expect(both("2025-07-03T20:00:00Z", "2025-07-07T14:00:00Z")).toEqual([120, 120]);
    // Tuesday 23 December 16:00 → Monday 29 December 10:00 EST: 60 + 24, 25 and 26 closed + 60.
    expect(both("2025-12-23T21:00:00Z", "2025-12-29T15:00:00Z")).toEqual([120, 120]);
  });

  it("reads a real API answer ({ schedules: [one] }, Rails zone Tokyo)", () => {
    const tokyo = calendarFromZendeskSchedule(fixture("zendesk-schedule-tokyo.json"));
    expect(tokyo.timeZone).toBe("Asia/Tokyo");
    // Monday 10 March 2025 00:00 JST to the next Monday: five days of 09:00-17:00 = 2,400.
    expect(businessMinutes(tokyo, "2025-03-09T15:00:00Z", "2025-03-16T15:00:00Z")).toBe(2400);
  });

  it("cuts an interval across midnight (Zendesk's older example 1980-3900, Monday 09:00 to Tuesday 17:00) into days", () => {
    const calendar = calendarFromZendeskSchedule({
      schedule: { time_zone: "Eastern Time (US & Canada)", intervals: [{ start_time: 1980, end_time: 3900 }] },
    });
    expect(calendar.week).toEqual({ mon: [["09:00", "24:00"]], tue: [["00:00", "17:00"]] });
    // Monday 10 March 20:00 → Tuesday 02:00 EDT: 360 straight through midnight; Monday 00:00 → Wednesday 00:00: 15 h + 17 h.
    expect(businessMinutes(calendar, "2025-03-11T00:00:00Z", "2025-03-11T06:00:00Z")).toBe(360);
    expect(businessMinutes(calendar, "2025-03-10T04:00:00Z", "2025-03-12T04:00:00Z")).toBe(1920);
  });

  it("a night shift Saturday 22:00 → Sunday 06:00 over New York's spring-forward is 7 hours, as the library's", () => {
    const calendar = calendarFromZendeskSchedule({
      schedule: {
        time_zone: "America/New_York",
        intervals: [
          { start_time: 0, end_time: 360 },
          { start_time: 9960, end_time: 10080 },
        ],
      },
    });
    const nightShift = businessCalendar({ timeZone: "America/New_York", week: { sat: [["22:00", "06:00"]] } });
    // Saturday 8 March 22:00 EST (03:00Z) to Sunday 06:00 EDT (10:00Z): 02:00-03:00 does not exist that night.
    expect(businessMinutes(calendar, "2025-03-08T00:00:00Z", "2025-03-10T00:00:00Z")).toBe(420);
    expect(businessMinutes(nightShift, "2025-03-08T00:00:00Z", "2025-03-10T00:00:00Z")).toBe(420);
  });

  it("reads holidays inside the schedule, beside it and in the options, merging shared dates", () => {
    const calendar = calendarFromZendeskSchedule(
      {
        schedule: {
          time_zone: "UTC",
          intervals: [{ start_time: 1980, end_time: 2460 }],
          holidays: [{ start_date: "2025-03-10", end_date: "2025-03-11" }],
        },
        holidays: [{ start_date: "2025-03-11", end_date: "2025-03-11" }],
      },
      { holidays: { holidays: [{ name: "later", start_date: "2025-03-17", end_date: "2025-03-17" }] } },
    );
    expect(calendar.holidays).toEqual(["2025-03-10", "2025-03-11", "2025-03-17"]);
  });

  it("rejects what is not a schedule, with what is wrong", () => {
    const bad = (json: unknown) => () => calendarFromZendeskSchedule(json);
    expect(bad({ foo: 1 })).toThrow(/is not a Zendesk schedule/);
    expect(bad({ schedules: [] })).toThrow(/holds 0 schedules/);
    expect(bad({ schedule: { time_zone: "Atlantis", intervals: [] } })).toThrow(
      expect.objectContaining({
        code: "INVALID_TIME_ZONE",
        message: expect.stringContaining('time_zone is "Atlantis"'),
      }),
    );
    expect(bad({ schedule: { time_zone: "UTC", intervals: "9-5" } })).toThrow(/intervals is "9-5"/);
    expect(bad({ schedule: { time_zone: "UTC", intervals: [{ start_time: 1980.5, end_time: 2460 }] } })).toThrow(
      /intervals\[0\]\.start_time is 1980.5, expected a whole number of minutes 0-10080/,
    );
    expect(bad({ schedule: { time_zone: "UTC", intervals: [{ start_time: 1980, end_time: 10081 }] } })).toThrow(
      /end_time is 10081/,
    );
    expect(bad({ schedule: { time_zone: "UTC", intervals: [{ start_time: 2460, end_time: 1980 }] } })).toThrow(
      /intervals\[0\]: 2460-1980 is not an interval/,
    );
    expect(
      bad({
        schedule: {
          time_zone: "UTC",
          intervals: [
            { start_time: 1980, end_time: 2460 },
            { start_time: 2400, end_time: 2500 },
          ],
        },
      }),
    ).toThrow(expect.objectContaining({ code: "OVERLAPPING_INTERVALS" }));
    const holidays = (list: unknown) =>
      bad({ schedule: { time_zone: "UTC", intervals: [{ start_time: 1980, end_time: 2460 }] }, holidays: list });
    expect(holidays([{ start_date: "2025-03-12", end_date: "2025-03-10" }])).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START" }),
    );
    expect(holidays([{ start_date: "2025-02-30", end_date: "2025-03-01" }])).toThrow(
      /holidays\[0\]\.start_date: "2025-02-30" is not a date/,
    );
    expect(holidays([{ start_date: "2000-01-01", end_date: "2025-01-01" }])).toThrow(/over ten years/);
    expect(holidays("Christmas")).toThrow(/holidays is "Christmas"/);
  });
});

describe("calendarFromIntercomOfficeHours", () => {
  const intercom = calendarFromIntercomOfficeHours(fixture("intercom-office-hours.json"));
  const library = businessCalendar({
    timeZone: "Europe/Berlin",
    week: weekdays,
    holidays: ["2025-12-25", { date: "2025-12-24", open: [["09:00", "12:00"]] }, "2026-12-25"],
  });

  it("reads minutes from Monday 00:00 and the exceptions", () => {
    expect(intercom.timeZone).toBe("Europe/Berlin");
    expect(intercom.week).toEqual(weekdays);
    // Monday 22 → Saturday 27 December 2025: 480 + 480 + Christmas Eve 09:00-12:00 (180) + Christmas closed + 480.
    for (const calendar of [intercom, library])
      expect(businessMinutes(calendar, "2025-12-22T00:00:00+01:00", "2025-12-27T00:00:00+01:00")).toBe(1620);
    // Christmas recurs (Friday 25 December 2026); Christmas Eve 2026 does not: Monday-Thursday 4 × 480.
    expect(businessMinutes(intercom, "2026-12-21T00:00:00+01:00", "2026-12-26T00:00:00+01:00")).toBe(1920);
    expect(intercom.holidays).toContainEqual("2199-12-25");
  });

  it("gives the library's minutes across Berlin's spring-forward", () => {
    // Friday 28 March 16:00 CET → Monday 31 March 10:00 CEST: 60 + 60.
    expect(businessMinutes(intercom, "2025-03-28T15:00:00Z", "2025-03-31T08:00:00Z")).toBe(120);
    expect(businessMinutes(library, "2025-03-28T15:00:00Z", "2025-03-31T08:00:00Z")).toBe(120);
  });

  it("reads Intercom's 24/7 (0-10079, or twenty_four_seven) as the whole week", () => {
    for (const hours of [
      { time_zone_name: "Europe/Berlin", time_intervals: [{ start_minute: 0, end_minute: 10079 }] },
      { time_zone_name: "Europe/Berlin", time_intervals: [], twenty_four_seven: true },
    ]) {
      const calendar = calendarFromIntercomOfficeHours(hours);
      // Monday 24 March → Monday 31 March 2025 in Berlin: 7 days less the hour skipped on 30 March.
      expect(businessMinutes(calendar, "2025-03-24T00:00:00+01:00", "2025-03-31T00:00:00+02:00")).toBe(10020);
    }
  });

  it("rejects bad office hours, naming the field", () => {
    const bad = (json: unknown) => () => calendarFromIntercomOfficeHours(json);
    expect(bad({ time_zone_name: "Mars/Olympus", time_intervals: [] })).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
    expect(bad({ time_zone_name: "UTC", time_intervals: [{ start_minute: -15, end_minute: 60 }] })).toThrow(
      /time_intervals\[0\]\.start_minute is -15/,
    );
    const withException = (exception: unknown) =>
      bad({
        time_zone_name: "UTC",
        time_intervals: [{ start_minute: 540, end_minute: 1020 }],
        exceptions: [exception],
      });
    expect(withException({ exception_date: "2025-12-25", exception_type: "holiday" })).toThrow(
      /exceptions\[0\]\.exception_type is "holiday"/,
    );
    expect(
      withException({ exception_date: "2025-12-25", exception_type: "custom_hours", time_intervals: null }),
    ).toThrow(/exceptions\[0\]\.time_intervals is null/);
    expect(
      bad({
        time_zone_name: "UTC",
        time_intervals: [{ start_minute: 540, end_minute: 1020 }],
        exceptions: [
          { exception_date: "2025-12-25", exception_type: "closed" },
          { exception_date: "2025-12-25", exception_type: "closed" },
        ],
      }),
    ).toThrow(/2025-12-25 has two exceptions/);
    expect(bad({ data: [{ time_intervals: [] }, { time_intervals: [] }] })).toThrow(/holds 2 schedules/);
  });
});

describe("calendarFromSchedule", () => {
  it("tells the shapes apart", () => {
    expect(scheduleKind({ timeZone: "UTC", week: weekdays })).toBe("calendar");
    expect(scheduleKind(fixture("zendesk-schedule-new-york.json"))).toBe("zendesk");
    expect(scheduleKind(fixture("zendesk-schedule-tokyo.json"))).toBe("zendesk");
    expect(scheduleKind(fixture("intercom-office-hours.json"))).toBe("intercom");
    expect(scheduleKind([1])).toBeUndefined();
    expect(calendarFromSchedule(fixture("zendesk-schedule-tokyo.json")).timeZone).toBe("Asia/Tokyo");
    expect(calendarFromSchedule({ timeZone: "UTC", week: weekdays }).week).toEqual(weekdays);
    const built = businessCalendar({ timeZone: "UTC", week: weekdays });
    expect(calendarFromSchedule(built)).toBe(built);
  });

  it("says what it expected of anything else", () => {
    expect(() => calendarFromSchedule({ hours: "9-5" })).toThrow(
      expect.objectContaining({ code: "INVALID_CALENDAR", message: expect.stringContaining("is not a schedule") }),
    );
  });
});
