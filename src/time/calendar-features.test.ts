import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { addBusinessMinutes, businessMinutes, subtractBusinessMinutes } from "./business-minutes.js";
import {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  businessCalendar,
  type CalendarBreak,
  intersectCalendars,
  scheduleHistory,
  type Weekday,
} from "./calendar.js";

const nineToFive = [["09:00", "17:00"]] as const;
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };

describe("breaks", () => {
  it("take a segment off one date and leave the rest of the day", () => {
    const calendar = businessCalendar({
      timeZone: "Europe/Berlin",
      week: weekdays,
      breaks: [{ date: "2025-03-10", from: "12:00", to: "13:00" }],
    });
    // Monday 10 March: 480 - 60 = 420; Tuesday untouched: 480
    expect(businessMinutes(calendar, "2025-03-10T00:00:00+01:00", "2025-03-11T00:00:00+01:00")).toBe(420);
    expect(businessMinutes(calendar, "2025-03-11T00:00:00+01:00", "2025-03-12T00:00:00+01:00")).toBe(480);
    // a due date steps over the break: 180 minutes from 10:00 is 10:00-12:00 (120) + 13:00-14:00 (60) = 14:00
    expect(addBusinessMinutes(calendar, "2025-03-10T10:00:00+01:00", 180).toISOString()).toBe(
      "2025-03-10T13:00:00.000Z",
    );
    expect(JSON.parse(JSON.stringify(calendar)).breaks).toEqual([{ date: "2025-03-10", from: "12:00", to: "13:00" }]);
  });

  it("reach into a night shift from the day before, and across midnight", () => {
    const calendar = businessCalendar({
      timeZone: "UTC",
      week: { sat: [["22:00", "06:00"]] },
      breaks: [
        { date: "2025-03-09", from: "01:00", to: "02:00" }, // Sunday, inside Saturday's shift
        { date: "2025-03-15", from: "23:30", to: "00:30" }, // Saturday, across midnight
      ],
    });
    // Saturday 8 March 22:00 → Sunday 06:00 = 480, less Sunday 01:00-02:00 = 420
    expect(businessMinutes(calendar, "2025-03-08T12:00:00Z", "2025-03-09T12:00:00Z")).toBe(420);
    // Saturday 15 March 22:00 → Sunday 06:00 = 480, less 23:30-00:30 = 420
    expect(businessMinutes(calendar, "2025-03-15T12:00:00Z", "2025-03-16T12:00:00Z")).toBe(420);
  });

  it("are validated", () => {
    const bad = (breaks: unknown) => () =>
      businessCalendar({ timeZone: "UTC", week: weekdays, breaks: breaks as CalendarBreak[] });
    expect(bad("2025-03-10")).toThrow(/breaks: expected an array/);
    expect(bad([{ date: "2025-02-30", from: "12:00", to: "13:00" }])).toThrow(/breaks\[0\]\.date/);
    expect(bad([{ date: "2025-03-10", from: "12:00", to: "12:00" }])).toThrow(/empty/);
    expect(bad([{ date: "2025-03-10", from: "1200", to: "13:00" }])).toThrow(/HH:mm/);
    expect(bad([null])).toThrow(/breaks\[0\]/);
  });
});

describe("scheduleHistory", () => {
  const old = businessCalendar({ timeZone: "Europe/Berlin", week: { mon: [["09:00", "18:00"]] } });
  const wider = businessCalendar({ timeZone: "Europe/Berlin", week: { mon: [["09:00", "21:00"]] } });
  const team = scheduleHistory([{ calendar: old }, { from: "2025-05-01", calendar: wider }]);

  it("counts each moment on the schedule in force, or a whole span on the one in force at its end", () => {
    // Monday 28 April 12:00 → Monday 5 May 12:00 (Berlin, UTC+2). In force: 28 April 12:00-18:00 (360) on 9-18, then
    // 5 May 09:00-12:00 (180) on 9-21: 540. Latest (9-21 for the whole span): 28 April 12:00-21:00 (540) + 180 = 720.
    const a = "2025-04-28T10:00:00Z";
    const b = "2025-05-05T10:00:00Z";
    expect(businessMinutes(team, a, b)).toBe(540);
    expect(businessMinutes(team, a, b, { schedule: "in-force" })).toBe(540);
    expect(businessMinutes(team, a, b, { schedule: "latest" })).toBe(720);
    // A span that ends before the change is counted on the old schedule either way: 28 April 12:00-18:00 = 360
    expect(businessMinutes(team, a, "2025-04-29T10:00:00Z", { schedule: "latest" })).toBe(360);
  });

  it("follows a move to another time zone, each schedule from midnight in its own zone", () => {
    const berlin = businessCalendar({ timeZone: "Europe/Berlin", week: weekdays });
    const newYork = businessCalendar({ timeZone: "America/New_York", week: weekdays });
    const moved = scheduleHistory([{ calendar: berlin }, { from: "2025-03-12", calendar: newYork }]);
    // Tuesday 11 March 2025 in Berlin: 08:00-16:00 UTC (480). Wednesday 12 March in New York (EDT, UTC-4):
    // 13:00-21:00 UTC (480). From Tuesday 00:00 UTC to Thursday 00:00 UTC: 960; the Berlin hours of Wednesday
    // (08:00-16:00 UTC) are after the move (New York midnight = 04:00 UTC) and do not count.
    expect(businessMinutes(moved, "2025-03-11T00:00:00Z", "2025-03-13T00:00:00Z")).toBe(960);
    expect(moved.timeZone).toBe("America/New_York");
    expect(moved.history?.map((e) => e.from ?? null)).toEqual([null, "2025-03-12"]);
  });

  it("adds and subtracts across the change", () => {
    // From Monday 28 April 17:00 (one hour left on 9-18), 120 minutes: 60 on 28 April, then 60 on Monday 5 May from
    // 09:00 → 10:00 Berlin = 08:00Z.
    expect(addBusinessMinutes(team, "2025-04-28T15:00:00Z", 120).toISOString()).toBe("2025-05-05T08:00:00.000Z");
    // Backwards from 5 May 10:00 Berlin, 120 minutes: 60 on 5 May, 60 before 28 April's 18:00 closing → 17:00 = 15:00Z.
    expect(subtractBusinessMinutes(team, "2025-05-05T08:00:00Z", 120).toISOString()).toBe("2025-04-28T15:00:00.000Z");
    // latest: the schedule in force at the start (9-18 on 28 April) counts: 60 on 28 April, 60 on 5 May → 10:00.
    expect(addBusinessMinutes(team, "2025-04-28T15:00:00Z", 120, { schedule: "latest" }).toISOString()).toBe(
      "2025-05-05T08:00:00.000Z",
    );
    // latest backwards from 5 May 10:00: 9-21 is in force then and counts for the whole span: 60 on 5 May and
    // 60 before 28 April's 21:00 closing → 20:00 Berlin = 18:00Z.
    expect(subtractBusinessMinutes(team, "2025-05-05T08:00:00Z", 120, { schedule: "latest" }).toISOString()).toBe(
      "2025-04-28T18:00:00.000Z",
    );
  });

  it("is validated", () => {
    expect(() => scheduleHistory([])).toThrow(/non-empty/);
    expect(() => scheduleHistory([{ calendar: old }, { calendar: wider }])).toThrow(/entries\[1\]\.from/);
    expect(() =>
      scheduleHistory([
        { from: "2025-05-01", calendar: old },
        { from: "2025-04-01", calendar: wider },
      ]),
    ).toThrow(/in order/);
    expect(() => scheduleHistory([{ calendar: {} as BusinessCalendar }])).toThrow(/businessCalendar/);
    expect(() => businessMinutes(team, 0, 1, { schedule: "newest" as never })).toThrow(/schedule/);
  });
});

describe("intersectCalendars", () => {
  it("keeps the time both calendars work, each in its own zone", () => {
    const company = businessCalendar({
      timeZone: "Europe/Berlin",
      week: weekdays,
      holidays: ["2025-03-12"],
    });
    const team = businessCalendar({ timeZone: "America/New_York", week: weekdays });
    const both = intersectCalendars(company, team);
    // Monday 10 March (after the US change, EDT = UTC-4; Berlin CET = UTC+1): Berlin 08:00-16:00 UTC, New York
    // 13:00-21:00 UTC → 13:00-16:00 UTC, 180 minutes. Wednesday 12 March is a Berlin holiday: 0.
    expect(businessMinutes(both, "2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z")).toBe(180);
    expect(businessMinutes(both, "2025-03-12T00:00:00Z", "2025-03-13T00:00:00Z")).toBe(0);
    // Due dates run on the shared hours only: 200 minutes from Monday 13:00Z is 180 on Monday + 20 on Tuesday.
    expect(addBusinessMinutes(both, "2025-03-10T13:00:00Z", 200).toISOString()).toBe("2025-03-11T13:20:00.000Z");
    expect(both.intersection).toEqual([company, team]);
  });
});

describe("subtractBusinessMinutes", () => {
  const calendar = businessCalendar({ timeZone: "Europe/Berlin", week: weekdays });

  it("gives the latest start, an opening time when the minutes start there", () => {
    // due Monday 10 March 10:00 CET, 60 minutes: Monday 09:00 (the opening), not Friday 17:00
    expect(subtractBusinessMinutes(calendar, "2025-03-10T10:00:00+01:00", 60).toISOString()).toBe(
      "2025-03-10T08:00:00.000Z",
    );
    // due Monday 10:00, 90 minutes: 60 on Monday + 30 before Friday's 17:00 closing → Friday 16:30 CET
    expect(subtractBusinessMinutes(calendar, "2025-03-10T10:00:00+01:00", 90).toISOString()).toBe(
      "2025-03-07T15:30:00.000Z",
    );
    // due outside hours (Saturday): counts back from Friday's closing time; 0 minutes gives the due time itself
    expect(subtractBusinessMinutes(calendar, "2025-03-08T12:00:00+01:00", 30).toISOString()).toBe(
      "2025-03-07T15:30:00.000Z",
    );
    expect(subtractBusinessMinutes(calendar, "2025-03-08T12:00:00+01:00", 0).toISOString()).toBe(
      "2025-03-08T11:00:00.000Z",
    );
  });

  it("crosses years and DST, and refuses a start before the supported range", () => {
    // due Friday 2 January 2026 10:00 CET, 120 minutes: 60 on 2 January, 1 January is a Thursday (a working day here)
    // 16:00-17:00 → 1 January 16:00 CET = 15:00Z
    expect(subtractBusinessMinutes(calendar, "2026-01-02T10:00:00+01:00", 120).toISOString()).toBe(
      "2026-01-01T15:00:00.000Z",
    );
    // across the spring-forward Sunday 30 March 2025: due Monday 31 March 09:30 CEST, 60 minutes → Friday 28 March
    // 16:30 CET = 15:30Z
    expect(subtractBusinessMinutes(calendar, "2025-03-31T09:30:00+02:00", 60).toISOString()).toBe(
      "2025-03-28T15:30:00.000Z",
    );
    let thrown: unknown;
    try {
      subtractBusinessMinutes(calendar, "1900-01-02T12:00:00Z", 2000);
    } catch (error) {
      thrown = error;
    }
    expect(isCxMetricsError(thrown, "DATE_OUT_OF_RANGE")).toBe(true);
    expect(() => subtractBusinessMinutes(calendar, "2025-03-10T10:00:00Z", -1)).toThrow(/minutes/);
  });
});

// Random calendars (weekly hours, breaks, a history, an intersection) in three zones, checked against a walk of every
// minute whose wall time is read with Intl.DateTimeFormat (the platform's zone data, not the library's conversion).
const ZONES = ["UTC", "Europe/Berlin", "America/New_York"] as const;
const DAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(zone: string, t: number): { date: string; weekday: number; minute: number } {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!);
  return { date, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

interface Spec {
  readonly zone: string;
  readonly day: readonly [number, number][]; // the same hours every weekday, sorted, disjoint, within one day
  readonly breaks: readonly { date: string; from: number; to: number }[];
}
const spec = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 95 }), { minLength: 2, maxLength: 4 }),
    breaks: fc.array(
      fc.record({
        day: fc.integer({ min: 7, max: 12 }),
        from: fc.integer({ min: 0, max: 90 }),
        length: fc.integer({ min: 1, max: 12 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map(({ zone, cuts, breaks }): Spec => {
    const sorted = [...cuts].sort((a, b) => a - b).map((q) => q * 15);
    const day: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) day.push([sorted[i]!, sorted[i + 1]!]);
    return {
      zone,
      day,
      breaks: breaks.map((b) => ({
        date: `2025-03-${String(b.day).padStart(2, "0")}`,
        from: b.from * 15,
        to: Math.min(1440, b.from * 15 + b.length * 15),
      })),
    };
  });
function options(s: Spec): BusinessCalendarOptions {
  const hours = s.day.map(([a, b]) => [hhmm(a), b === 1440 ? "24:00" : hhmm(b)] as [string, string]);
  return {
    timeZone: s.zone,
    week: Object.fromEntries(DAYS.filter((d) => d !== "sun").map((d) => [d, hours])),
    breaks: s.breaks.map((b) => ({ date: b.date, from: hhmm(b.from), to: b.to === 1440 ? "24:00" : hhmm(b.to) })),
  };
}
function works(s: Spec, t: number): boolean {
  const { date, weekday, minute } = wallOf(s.zone, t);
  if (weekday === 0) return false;
  if (!s.day.some(([a, b]) => minute >= a && minute < b)) return false;
  return !s.breaks.some((b) => b.date === date && minute >= b.from && minute < b.to);
}
// A calendar made of specs: one, a history of two (the second from 2025-03-10), or an intersection of two.
const composed = fc.oneof(
  spec.map((a) => ({ calendar: businessCalendar(options(a)), works: (t: number) => works(a, t) })),
  fc.tuple(spec, spec).map(([a, b]) => ({
    calendar: scheduleHistory([
      { calendar: businessCalendar(options(a)) },
      { from: "2025-03-10", calendar: businessCalendar(options(b)) },
    ]),
    works: (t: number) => (wallOf(b.zone, t).date >= "2025-03-10" ? works(b, t) : works(a, t)),
  })),
  fc.tuple(spec, spec).map(([a, b]) => ({
    calendar: intersectCalendars(businessCalendar(options(a)), businessCalendar(options(b))),
    works: (t: number) => works(a, t) && works(b, t),
  })),
);
const MINUTE = 60_000;
const FROM = Date.UTC(2025, 2, 7); // Friday 7 March 2025, two days before New York's spring-forward
const instant = fc.integer({ min: 0, max: 5 * 1440 }).map((m) => FROM + m * MINUTE);

describe("business time on random breaks, histories and intersections", () => {
  it("equals a minute-by-minute walk, and never exceeds calendar minutes", () => {
    fc.assert(
      fc.property(composed, instant, fc.integer({ min: 0, max: 2 * 1440 }), ({ calendar, works: at }, a, length) => {
        const b = a + length * MINUTE;
        let walked = 0;
        for (let t = a; t < b; t += MINUTE) if (at(t)) walked++;
        const got = businessMinutes(calendar, a, b);
        expect(got).toBe(walked);
        expect(got).toBeLessThanOrEqual(length);
      }),
      { numRuns: 60 },
    );
  });

  it("add then measure gives back the minutes; subtract then measure too; subtract then add gives back the end when work runs up to it", () => {
    fc.assert(
      fc.property(composed, instant, fc.integer({ min: 0, max: 1500 }), ({ calendar, works: at }, t, minutes) => {
        // an intersection may share no time at all: nothing is due then (DATE_OUT_OF_RANGE, tested above for add)
        fc.pre(businessMinutes(calendar, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)) > 0);
        const due = addBusinessMinutes(calendar, t, minutes).getTime();
        expect(businessMinutes(calendar, t, due)).toBeCloseTo(minutes, 9);
        const start = subtractBusinessMinutes(calendar, t, minutes).getTime();
        expect(start).toBeLessThanOrEqual(t);
        expect(businessMinutes(calendar, start, t)).toBeCloseTo(minutes, 9);
        const back = addBusinessMinutes(calendar, start, minutes).getTime();
        // work runs right up to t (the minute before t works: t inside working hours after an opening, or a closing
        // time): back is t itself; else it is the closing time before t
        if (minutes > 0 && at(t - MINUTE)) expect(back).toBe(t);
        else expect(back).toBeLessThanOrEqual(t);
      }),
      { numRuns: 60 },
    );
  });
});
