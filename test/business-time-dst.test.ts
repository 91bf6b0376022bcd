import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessCalendar,
  businessMinutes,
  type BusinessCalendar,
  type Weekday,
} from "../src/index.js";

// Property tests over random calendars whose interval boundaries sit on the wall times that DST
// changes skip or repeat, in zones with unusual transitions: Lord Howe's 30-minute shift, Santiago's
// changes at midnight, Apia's skipped 30 December 2011, Berlin and New York's 02:00 changes,
// Kolkata's half-hour offset without DST. The promises hold for every calendar:
//   0 ≤ businessMinutes(a, b) ≤ calendar minutes, additivity over a split,
//   businessMinutes(s, addBusinessMinutes(s, m)) = m, and addBusinessMinutes(s, m) ≥ s.
const ZONES: readonly (readonly [zone: string, transition: string])[] = [
  ["Australia/Lord_Howe", "2025-04-06T02:00:00+11:00"], // 02:00 → 01:30
  ["Australia/Lord_Howe", "2025-10-05T02:00:00+10:30"], // 02:00 → 02:30
  ["America/Santiago", "2025-04-06T00:00:00-03:00"], // 24:00 → 23:00
  ["America/Santiago", "2025-09-07T00:00:00-04:00"], // 24:00 → 01:00
  ["Pacific/Apia", "2011-12-30T00:00:00-10:00"], // the whole of 30 December skipped
  ["Europe/Berlin", "2025-03-30T02:00:00+01:00"],
  ["America/New_York", "2025-11-02T02:00:00-04:00"],
  ["Asia/Kolkata", "2025-03-30T02:00:00+05:30"],
];
const BOUNDARIES = [
  "00:00",
  "00:15",
  "00:30",
  "01:00",
  "01:30",
  "01:45",
  "02:00",
  "02:15",
  "02:30",
  "02:45",
  "03:00",
  "03:30",
  "09:00",
  "17:00",
  "22:00",
  "23:00",
  "23:30",
];
const DAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Random working intervals for a day: sorted boundaries paired up, the last one maybe crossing midnight. */
const dayHours = fc.uniqueArray(fc.constantFrom(...BOUNDARIES), { minLength: 0, maxLength: 6 }).chain((picked) => {
  const sorted = [...picked].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
  return fc.boolean().map((cross) => {
    // An odd boundary left over becomes an interval running past midnight into the next day.
    if (cross && sorted.length % 2 === 1) pairs.push([sorted[sorted.length - 1]!, "01:00"]);
    return pairs;
  });
});

const calendarCase = fc
  .record({ zone: fc.constantFrom(...ZONES), days: fc.array(dayHours, { minLength: 7, maxLength: 7 }) })
  .map(({ zone: [timeZone, transition], days }) => {
    let calendar: BusinessCalendar | null = null;
    try {
      calendar = businessCalendar({ timeZone, week: Object.fromEntries(DAYS.map((day, i) => [day, days[i]!])) });
    } catch {
      calendar = null; // overlapping spills or no hours at all: not a calendar, nothing to test
    }
    return { calendar, around: Date.parse(transition) };
  });

/** Instants to the minute within four days of the transition. */
const offsetMinutes = fc.integer({ min: -4 * 1440, max: 4 * 1440 });

describe("business time on calendars with boundaries in DST gaps and repeats", () => {
  it("never exceeds calendar minutes and adds up over a split", () => {
    fc.assert(
      fc.property(calendarCase, offsetMinutes, offsetMinutes, offsetMinutes, ({ calendar, around }, x, y, z) => {
        fc.pre(calendar !== null);
        const [a, b, c] = [x, y, z].map((m) => around + m * 60_000).sort((p, q) => p - q) as [number, number, number];
        const ab = businessMinutes(calendar!, a, b);
        const bc = businessMinutes(calendar!, b, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual((b - a) / 60_000);
        expect(businessMinutes(calendar!, a, c)).toBe(ab + bc);
      }),
      { numRuns: 400 },
    );
  });
  it("measures back exactly what addBusinessMinutes added, never before the start", () => {
    fc.assert(
      fc.property(
        calendarCase,
        offsetMinutes,
        fc.integer({ min: 0, max: 3000 }),
        ({ calendar, around }, x, minutes) => {
          fc.pre(calendar !== null);
          const start = around + x * 60_000;
          const due = addBusinessMinutes(calendar!, start, minutes).getTime();
          expect(due).toBeGreaterThanOrEqual(start);
          expect(businessMinutes(calendar!, start, due)).toBe(minutes);
        },
      ),
      { numRuns: 400 },
    );
  });
  it("answers the same whatever was asked before (a fresh calendar against one queried at 1900 and 2199 first)", () => {
    fc.assert(
      fc.property(
        calendarCase,
        offsetMinutes,
        fc.integer({ min: 0, max: 3000 }),
        ({ calendar, around }, x, minutes) => {
          fc.pre(calendar !== null);
          const fresh = businessCalendar(JSON.parse(JSON.stringify(calendar)));
          businessMinutes(calendar!, "1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z");
          businessMinutes(calendar!, "2199-12-31T00:00:00Z", "2199-12-31T23:00:00Z");
          const start = around + x * 60_000;
          expect(addBusinessMinutes(calendar!, start, minutes)).toEqual(addBusinessMinutes(fresh, start, minutes));
          expect(businessMinutes(calendar!, start, start + minutes * 60_000)).toBe(
            businessMinutes(fresh, start, start + minutes * 60_000),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
