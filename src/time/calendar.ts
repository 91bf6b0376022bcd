import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { civilDate, readInterval, type ClockInterval } from "./clock.js";
import { CalendarIndex } from "./calendar-index.js";

/** Weekday keys of a working week. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Working hours per weekday; a day left out is closed. */
export type WorkingWeek = { readonly [Day in Weekday]?: readonly ClockInterval[] };

/** A date whose hours differ from the week's: for a holiday, the hours it is still open (a short day). */
export interface DateHours {
  /** The date, "YYYY-MM-DD" in the calendar's zone. */
  readonly date: string;
  /** The working intervals of that date; for a holiday, the hours it is still open (empty: closed). */
  readonly open: readonly ClockInterval[];
}

/** Options of {@link businessCalendar}. */
export interface BusinessCalendarOptions {
  /** IANA time zone of the working hours ("Europe/Berlin"). */
  readonly timeZone: string;
  /** Working intervals per weekday. An interval whose end is before its start crosses midnight. */
  readonly week: WorkingWeek;
  /** Full-day holidays ("2025-12-25") and partial days (`{ date: "2025-12-24", open: [["09:00", "13:00"]] }`). */
  readonly holidays?: readonly (string | DateHours)[];
  /** Extra working periods on top of the week's hours (a Saturday shift). */
  readonly extraWorkingPeriods?: readonly DateHours[];
}

/**
 * A business calendar: working hours in a time zone, with holidays and extra periods. Built once
 * and passed to every call (never global). Its index of working minutes is built lazily for the
 * dates in use. JSON-serialisable: `JSON.stringify(calendar)` gives its options.
 */
export interface BusinessCalendar {
  /** The time zone. */
  readonly timeZone: string;
  /** The working week, as given. */
  readonly week: WorkingWeek;
  /** Holidays, as given. */
  readonly holidays: readonly (string | DateHours)[];
  /** Extra working periods, as given. */
  readonly extraWorkingPeriods: readonly DateHours[];
}

const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Working intervals of each civil day, in minutes after its midnight ([start, end), end ≤ 2880). */
export interface DaySchedule {
  /** The intervals that start on `civilDay`, sorted. */
  readonly intervalsOf: (civilDay: number) => readonly (readonly [number, number])[];
}

function readIntervals(fn: string, intervals: unknown, where: string): (readonly [number, number])[] {
  if (!Array.isArray(intervals))
    throw new CxMetricsError(fn, "INVALID_CALENDAR", `${where}: expected an array of intervals`, { value: intervals });
  return Array.from(intervals as unknown[], (interval, i) => readInterval(fn, interval, `${where}[${i}]`)).sort(
    (a, b) => a[0] - b[0],
  );
}

/** Checks that a day's own intervals and the previous day's spill past midnight do not overlap. */
function assertDisjoint(
  fn: string,
  own: readonly (readonly [number, number])[],
  spill: readonly (readonly [number, number])[],
  where: string,
): void {
  const all = [...spill.map(([, end]) => [0, end - 1440] as const), ...own].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < all.length; i++) {
    if (all[i]![0] < all[i - 1]![1]) {
      throw new CxMetricsError(
        fn,
        "OVERLAPPING_INTERVALS",
        `${where}: working intervals overlap (${minutesText(all[i - 1]!)} and ${minutesText(all[i]!)})`,
        {
          value: where,
        },
      );
    }
  }
}

function minutesText([start, end]: readonly [number, number]): string {
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(start)}-${hhmm(end)}`;
}

/**
 * Builds a business calendar: working hours per weekday in an IANA time zone, any number of
 * intervals a day, intervals that cross midnight, full-day holidays, partial days (a short day
 * before a holiday), and extra working periods (a Saturday shift).
 *
 * - Hours are wall-clock times in `timeZone` ("09:00"-"17:00" stays 09:00-17:00 local across DST).
 *   An interval ending before it starts crosses midnight and belongs to the day it starts on (a
 *   holiday on that day cancels it whole).
 * - A holiday is a date string (closed all day) or `{ date, open }` (open only those hours).
 * - An extra working period `{ date, open }` adds hours to that date.
 * - DST: a working interval holds the instants whose wall time lies in it. A boundary that falls in
 *   a spring-forward gap (or on a skipped day, Pacific/Apia's 30 December 2011) is the instant of the
 *   change, so Sunday 01:00-02:30 in Berlin on 30 March 2025 is 60 minutes; a repeated wall time
 *   (fall-back) takes its first occurrence. Intervals are merged on absolute instants, so no minute
 *   is ever counted twice and business minutes never exceed calendar minutes.
 *
 * @throws CxMetricsError `INVALID_TIME_ZONE`; `INVALID_CALENDAR` (a bad "HH:mm" or date, an empty
 *   interval, an unknown weekday, a duplicate date, no working hours at all); `OVERLAPPING_INTERVALS`.
 * @example
 * ```ts
 * const calendar = businessCalendar({
 *   timeZone: "Europe/Berlin",
 *   week: { mon: [["09:00", "12:00"], ["13:00", "17:00"]], tue: [["09:00", "17:00"]] },
 *   holidays: ["2025-12-25", { date: "2025-12-24", open: [["09:00", "12:00"]] }],
 * });
 * ```
 */
export function businessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const fn = "businessCalendar";
  if (typeof options !== "object" || options === null)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "{ timeZone, week, holidays? }");
  const { timeZone, week, holidays = [], extraWorkingPeriods = [] } = options;
  assertTimeZone(fn, timeZone);
  if (typeof week !== "object" || week === null)
    throw new CxMetricsError(fn, "INVALID_CALENDAR", 'week is missing: expected { mon: [["09:00", "17:00"]], ... }', {
      value: week,
    });
  for (const key of Object.keys(week)) {
    if (!WEEKDAYS.includes(key as Weekday))
      throw new CxMetricsError(
        fn,
        "INVALID_CALENDAR",
        `week has an unknown day ${JSON.stringify(key)} (use mon, tue, ..., sun)`,
        { value: key },
      );
  }
  const weekly = WEEKDAYS.map((day) => readIntervals(fn, week[day] ?? [], `week.${day}`));
  weekly.forEach((own, weekday) => {
    assertDisjoint(
      fn,
      own,
      weekly[(weekday + 6) % 7]!.filter(([, end]) => end > 1440),
      `week.${WEEKDAYS[weekday]}`,
    );
  });

  const replaced = new Map<number, (readonly [number, number])[]>();
  if (!Array.isArray(holidays))
    throw new CxMetricsError(fn, "INVALID_CALENDAR", "holidays: expected an array", { value: holidays });
  Array.from(holidays as unknown[]).forEach((holiday, i) => {
    const where = `holidays[${i}]`;
    const date = civilDate(fn, typeof holiday === "string" ? holiday : (holiday as DateHours | null)?.date, where);
    if (replaced.has(date))
      throw new CxMetricsError(fn, "INVALID_CALENDAR", `${where}: the date ${describe(holiday)} appears twice`, {
        value: holiday,
      });
    replaced.set(
      date,
      typeof holiday === "string" ? [] : readIntervals(fn, (holiday as DateHours).open, `${where}.open`),
    );
  });
  const extra = new Map<number, (readonly [number, number])[]>();
  if (!Array.isArray(extraWorkingPeriods))
    throw new CxMetricsError(fn, "INVALID_CALENDAR", "extraWorkingPeriods: expected an array", {
      value: extraWorkingPeriods,
    });
  Array.from(extraWorkingPeriods as unknown[]).forEach((period, i) => {
    const where = `extraWorkingPeriods[${i}]`;
    const date = civilDate(fn, (period as DateHours | null)?.date, where);
    extra.set(
      date,
      [...(extra.get(date) ?? []), ...readIntervals(fn, (period as DateHours).open, `${where}.open`)].sort(
        (a, b) => a[0] - b[0],
      ),
    );
  });

  const intervalsOf = (civilDay: number): readonly (readonly [number, number])[] => {
    const base = replaced.get(civilDay) ?? weekly[new Date(civilDay).getUTCDay()]!;
    const added = extra.get(civilDay);
    return added === undefined ? base : [...base, ...added].sort((a, b) => a[0] - b[0]);
  };
  for (const date of new Set([...replaced.keys(), ...extra.keys()])) {
    for (const day of [date, date + 86_400_000]) {
      const spill = intervalsOf(day - 86_400_000).filter(([, end]) => end > 1440);
      assertDisjoint(fn, intervalsOf(day), spill, `date ${new Date(day).toISOString().slice(0, 10)}`);
    }
  }
  if (weekly.every((day) => day.length === 0) && [...extra.values()].every((day) => day.length === 0)) {
    throw new CxMetricsError(fn, "INVALID_CALENDAR", "the calendar has no working hours", { value: week });
  }
  const calendar: BusinessCalendar = { timeZone, week, holidays, extraWorkingPeriods };
  Object.defineProperty(calendar, "index", { value: new CalendarIndex(timeZone, { intervalsOf }), enumerable: false });
  return Object.freeze(calendar);
}

/** Whether a value is a calendar index (from any copy of the library). */
export function isCalendarIndex(value: unknown): value is CalendarIndex {
  const candidate = value as { between?: unknown; add?: unknown } | null | undefined;
  return typeof candidate?.between === "function" && typeof candidate.add === "function";
}

/** The lazily built index of a calendar made by {@link businessCalendar}. */
export function calendarIndex(fn: string, calendar: BusinessCalendar): CalendarIndex {
  const index = (calendar as { index?: unknown } | null)?.index;
  // Checked by shape, not instanceof: a calendar from the CommonJS build works with the ESM build.
  if (!isCalendarIndex(index)) {
    throw invalid(fn, "INVALID_ARGUMENT", "calendar", calendar, "a calendar made by businessCalendar(...)");
  }
  return index;
}
