import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { wallToInstant } from "../internal/zone.js";
import { CalendarIndex, intersectSpans, mergeSpans, type Spans, zoneSpans } from "./calendar-index.js";
import { type ClockInterval, civilDate, readInterval } from "./clock.js";

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

/** A time segment off on one date (a team meeting, a lunch break that day), in the calendar's zone. */
export interface CalendarBreak {
  /** The date, "YYYY-MM-DD" in the calendar's zone. */
  readonly date: string;
  /** Start of the break, "HH:mm". */
  readonly from: string;
  /** End of the break, "HH:mm" ("24:00" for midnight; an end before the start runs past midnight). */
  readonly to: string;
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
  /** Time segments off on a date (`{ date: "2025-03-10", from: "12:00", to: "13:00" }`); the rest of the day stays open. */
  readonly breaks?: readonly CalendarBreak[];
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
  /** Breaks, as given (only when some were given). */
  readonly breaks?: readonly CalendarBreak[];
  /**
   * A schedule history (made by {@link scheduleHistory}): each calendar with the date it takes effect. `week` is then
   * empty and `timeZone` is the latest schedule's.
   */
  readonly history?: readonly ScheduleEntry[];
  /** An intersection (made by {@link intersectCalendars}): the two calendars. `week` is then empty. */
  readonly intersection?: readonly [BusinessCalendar, BusinessCalendar];
}

/** One schedule of a history: a calendar in force from a date on. */
export interface ScheduleEntry {
  /** The date it takes effect, "YYYY-MM-DD", from midnight in its own zone; left out for the first: always before. */
  readonly from?: string | undefined;
  /** The calendar in force from then until the next entry's date. */
  readonly calendar: BusinessCalendar;
}

/**
 * Which schedule of a history counts a figure: `"in-force"` (each moment on the schedule in force at that moment) or
 * `"latest"` (the whole figure on the schedule in force when it is recorded, as Zendesk does).
 */
export type ScheduleChoice = "in-force" | "latest";

const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const DAY_MS = 86_400_000;

/** Reads `breaks` into the segments off per civil day, minutes after that day's midnight. */
function readBreaks(fn: string, breaks: unknown): Map<number, (readonly [number, number])[]> {
  const cuts = new Map<number, (readonly [number, number])[]>();
  if (breaks === undefined) return cuts;
  if (!Array.isArray(breaks))
    throw new CxMetricsError(fn, "INVALID_CALENDAR", "breaks: expected an array of { date, from, to }", {
      value: breaks,
    });
  Array.from(breaks as unknown[], (cut, i) => {
    const where = `breaks[${i}]`;
    if (typeof cut !== "object" || cut === null)
      throw new CxMetricsError(fn, "INVALID_CALENDAR", `${where}: ${describe(cut)} is not { date, from, to }`, {
        value: cut,
      });
    const { date, from, to } = cut as Partial<CalendarBreak>;
    const day = civilDate(fn, date, `${where}.date`);
    const segment = readInterval(fn, [from, to], where);
    cuts.set(day, [...(cuts.get(day) ?? []), segment]);
    return segment;
  });
  return cuts;
}

/** A day's intervals less the segments off (shifted by `offset` minutes: a break of the next or previous date). */
function cutOut(
  intervals: readonly (readonly [number, number])[],
  off: readonly (readonly [number, number])[],
  offset: number,
): (readonly [number, number])[] {
  let out: (readonly [number, number])[] = [...intervals];
  for (const [s, e] of off) {
    const from = s + offset;
    const to = e + offset;
    out = out.flatMap(([a, b]): (readonly [number, number])[] => {
      if (to <= a || from >= b) return [[a, b]];
      const pieces: (readonly [number, number])[] = [];
      if (from > a) pieces.push([a, from]);
      if (to < b) pieces.push([to, b]);
      return pieces;
    });
  }
  return out;
}

/** Attaches the (non-enumerable) index to a calendar and freezes it. */
function withIndex(
  calendar: BusinessCalendar,
  index: CalendarIndex,
  extra: Record<string, unknown> = {},
): BusinessCalendar {
  Object.defineProperty(calendar, "index", { value: index, enumerable: false });
  for (const [key, value] of Object.entries(extra)) Object.defineProperty(calendar, key, { value, enumerable: false });
  return Object.freeze(calendar);
}

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
  const { timeZone, week, holidays = [], extraWorkingPeriods = [], breaks } = options;
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

  const cuts = readBreaks(fn, breaks);
  const scheduled = (civilDay: number): readonly (readonly [number, number])[] => {
    const base = replaced.get(civilDay) ?? weekly[new Date(civilDay).getUTCDay()]!;
    const added = extra.get(civilDay);
    return added === undefined ? base : [...base, ...added].sort((a, b) => a[0] - b[0]);
  };
  const intervalsOf =
    cuts.size === 0
      ? scheduled
      : (civilDay: number): readonly (readonly [number, number])[] => {
          // A day's intervals reach into the next day; a break that crosses midnight reaches into this one.
          let intervals = scheduled(civilDay);
          for (const shift of [-1, 0, 1]) {
            const off = cuts.get(civilDay + shift * DAY_MS);
            if (off !== undefined) intervals = cutOut(intervals, off, shift * 1440);
          }
          return intervals;
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
  const calendar: BusinessCalendar =
    breaks === undefined
      ? { timeZone, week, holidays, extraWorkingPeriods }
      : { timeZone, week, holidays, extraWorkingPeriods, breaks };
  return withIndex(calendar, new CalendarIndex(zoneSpans(timeZone, { intervalsOf })));
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

/** The schedules of a history, for the `"latest"` choice: the instants they take effect and their indexes. */
interface HistoryClock {
  readonly bounds: readonly number[];
  readonly indexes: readonly CalendarIndex[];
}

function historyClockOf(calendar: BusinessCalendar): HistoryClock | undefined {
  return (calendar as { historyClock?: HistoryClock }).historyClock;
}

/** The index of the schedule in force at `at` in a history: the last that took effect at or before it. */
function entryAt(history: HistoryClock, at: number): CalendarIndex {
  const { bounds, indexes } = history;
  let k = indexes.length - 1;
  while (k > 0 && bounds[k]! > at) k--;
  return indexes[k]!;
}

/**
 * The index that counts a figure recorded at `at` under a schedule choice: the calendar's own index, except for a
 * schedule history under `"latest"` (the schedule in force at that instant).
 */
export function scheduleIndexAt(
  fn: string,
  calendar: BusinessCalendar,
  schedule: ScheduleChoice,
  at: number,
): CalendarIndex {
  const index = calendarIndex(fn, calendar);
  const history = schedule === "latest" ? historyClockOf(calendar) : undefined;
  return history === undefined ? index : entryAt(history, at);
}

/**
 * A calendar's business clock for a schedule choice: a function from the instant a figure is recorded to the index
 * that counts it (see {@link scheduleIndexAt}), the calendar checked once.
 */
export function scheduleClock(
  fn: string,
  calendar: BusinessCalendar,
  schedule: ScheduleChoice = "in-force",
): (recordedAt: number) => CalendarIndex {
  const index = calendarIndex(fn, calendar);
  const history = schedule === "latest" ? historyClockOf(calendar) : undefined;
  if (history === undefined) return () => index;
  return (at) => entryAt(history, at);
}

/**
 * A schedule history: calendars each in force from a date (a team that moved from 9-18 to 9-21 in May, a move to
 * another time zone). Each entry takes effect at midnight of its `from` date in its own zone and holds until the next
 * one takes effect; the first needs no date (it holds since always).
 *
 * Every function that takes a calendar takes a history. By default each moment counts on the schedule in force at
 * that moment (`"in-force"`, and the index is as fast as a single calendar's); `{ schedule: "latest" }` in
 * {@link businessMinutes}, {@link addBusinessMinutes}, {@link subtractBusinessMinutes} and {@link ticketMetrics}
 * counts a whole span on the schedule in force at the instant it is recorded, as Zendesk does.
 *
 * @throws CxMetricsError `INVALID_CALENDAR` (no entries, a later entry without a `from` date, a `from` that is not a
 *   date, dates not strictly increasing); `INVALID_ARGUMENT` for a calendar not made by {@link businessCalendar}.
 * @example
 * ```ts
 * const nineTo = (end) => ({ timeZone: "Europe/Berlin", week: { mon: [["09:00", end]] } });
 * const team = scheduleHistory([
 *   { calendar: businessCalendar(nineTo("18:00")) },
 *   { from: "2025-05-01", calendar: businessCalendar(nineTo("21:00")) },
 * ]);
 * // Monday 5 May 2025, 09:00-21:00 Berlin (UTC+2): 12 hours on the new schedule
 * businessMinutes(team, "2025-05-05T07:00:00Z", "2025-05-05T19:00:00Z"); //=> 720
 * ```
 */
export function scheduleHistory(entries: readonly ScheduleEntry[]): BusinessCalendar {
  const fn = "scheduleHistory";
  if (!Array.isArray(entries) || entries.length === 0)
    throw new CxMetricsError(fn, "INVALID_CALENDAR", "expected a non-empty array of { from?, calendar }", {
      value: entries,
    });
  const bounds: number[] = [];
  const indexes: CalendarIndex[] = [];
  const list: ScheduleEntry[] = [];
  Array.from(entries as unknown[], (entry, i) => {
    const where = `entries[${i}]`;
    const e = entry as Partial<ScheduleEntry> | null;
    if (typeof e !== "object" || e === null)
      throw new CxMetricsError(fn, "INVALID_CALENDAR", `${where}: ${describe(entry)} is not { from?, calendar }`, {
        value: entry,
      });
    const index = calendarIndex(fn, e.calendar as BusinessCalendar);
    let bound = Number.NEGATIVE_INFINITY;
    if (i > 0 || e.from !== undefined) {
      const day = civilDate(fn, e.from, `${where}.from`);
      bound = wallToInstant(e.calendar!.timeZone, day, "transition");
      if (i > 0 && !(bound > bounds[i - 1]!)) {
        throw new CxMetricsError(
          fn,
          "INVALID_CALENDAR",
          `${where}.from (${String(e.from)}) takes effect no later than the entry before it: list the schedules in order`,
          { value: e.from },
        );
      }
    }
    bounds.push(bound);
    indexes.push(index);
    list.push(e.from === undefined ? { calendar: e.calendar! } : { from: e.from, calendar: e.calendar! });
    return bound;
  });
  const inForce = (year: number): Spans => {
    const pieces: [number, number][] = [];
    for (let k = 0; k < indexes.length; k++) {
      const from = bounds[k]!;
      const to = k + 1 < bounds.length ? bounds[k + 1]! : Number.POSITIVE_INFINITY;
      const { starts, ends } = indexes[k]!.spans(year);
      for (let j = 0; j < starts.length; j++) {
        const a = Math.max(from, starts[j]!);
        const b = Math.min(to, ends[j]!);
        if (b > a) pieces.push([a, b]);
      }
    }
    return mergeSpans(pieces);
  };
  const latest = list[list.length - 1]!.calendar;
  const calendar: BusinessCalendar = {
    timeZone: latest.timeZone,
    week: {},
    holidays: [],
    extraWorkingPeriods: [],
    history: list,
  };
  return withIndex(calendar, new CalendarIndex(inForce), { historyClock: { bounds, indexes } });
}

/**
 * The working time two calendars share: a team's hours within the company's, a partner's hours within yours. Each
 * keeps its own zone, holidays and breaks; an instant is working time when it is in both. The result is a calendar
 * like any other (its index is built from the two indexes, year by year, and is as fast).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for a calendar not made by {@link businessCalendar}.
 * @example
 * ```ts
 * const company = businessCalendar({ timeZone: "Europe/Berlin", week: { mon: [["08:00", "18:00"]] } });
 * const team = businessCalendar({ timeZone: "Europe/London", week: { mon: [["09:00", "17:00"]] } });
 * // Monday 10 March 2025: London 09:00-17:00 is Berlin 10:00-18:00, all inside the company's hours
 * businessMinutes(intersectCalendars(company, team), "2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z"); //=> 480
 * ```
 */
export function intersectCalendars(a: BusinessCalendar, b: BusinessCalendar): BusinessCalendar {
  const fn = "intersectCalendars";
  const x = calendarIndex(fn, a);
  const y = calendarIndex(fn, b);
  const calendar: BusinessCalendar = {
    timeZone: a.timeZone,
    week: {},
    holidays: [],
    extraWorkingPeriods: [],
    intersection: [a, b],
  };
  return withIndex(calendar, new CalendarIndex((year) => intersectSpans(x.spans(year), y.spans(year))));
}
