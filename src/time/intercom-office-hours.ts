// Intercom's office hours (REST API, "Office Hours": an office_hours_schedule and its office_hours_exception list) as a
// business calendar. Source: developers.intercom.com, Office Hours Schedule, Office Hours Time Interval and Office
// Hours Exception: schedule intervals in minutes from Monday 00:00 (0-10080, the whole week 0-10079 meaning 24/7) in
// the IANA zone time_zone_name; an exception closes a date or replaces its hours (minutes from its midnight), and may
// repeat every year.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { type BusinessCalendar, businessCalendar, type DateHours } from "./calendar.js";
import { civilDate } from "./clock.js";
import { timeZoneFromRails } from "./rails-zones.js";
import { dateText } from "./vendor-holidays.js";
import { clockText, minuteOf, type WeekMinutes, weekFromMinutes } from "./week-minutes.js";
import { isObject } from "../internal/values.js";

/** An interval of Intercom office hours: minutes from Monday 00:00 (schedules) or from the date's midnight (exceptions). */
export interface IntercomTimeInterval {
  /** Start: minutes from Monday 00:00 (a schedule) or from the date's midnight (an exception). */
  readonly start_minute: number;
  /** End, counted as the start. */
  readonly end_minute: number;
  /** Returned by the API (0 = Monday); not read. */
  readonly day_of_week?: number;
}

/** An Intercom office hours schedule (`type: "office_hours_schedule"`). */
export interface IntercomOfficeHours {
  /** IANA zone the hours are in ("America/New_York"). */
  readonly time_zone_name: string;
  /** The weekly open intervals, minutes from Monday 00:00. */
  readonly time_intervals: readonly IntercomTimeInterval[];
  /** Open around the clock. */
  readonly twenty_four_seven?: boolean;
  /** "office_hours_schedule" (not read). */
  readonly type?: string;
  /** Intercom's id of the schedule (not read). */
  readonly id?: string;
  /** The schedule's name (not read). */
  readonly name?: string;
}

/** An Intercom office hours exception (`type: "office_hours_exception"`): a date closed or with other hours. */
export interface IntercomOfficeHoursException {
  /** "YYYY-MM-DD". */
  readonly exception_date: string;
  /** `closed`: closed all day; `custom_hours`: open only in `time_intervals`. */
  readonly exception_type: "closed" | "custom_hours";
  /** The hours of a `custom_hours` date, minutes from its midnight (0-1440). */
  readonly time_intervals?: readonly IntercomTimeInterval[] | null;
  /** Repeats every year on the same date. */
  readonly recurring_annually?: boolean;
  /** The exception's name (not read). */
  readonly name?: string | null;
}

/** Options of {@link calendarFromIntercomOfficeHours}. */
export interface IntercomOfficeHoursOptions {
  /** The schedule's exceptions: the list, or the API's answer `{ "type": "office_hours_exception.list", "data": [...] }`. */
  readonly exceptions?:
    | readonly IntercomOfficeHoursException[]
    | {
        /** The exceptions, as `GET /office_hours_schedules/{id}/office_hours_exceptions` lists them. */
        readonly data: readonly IntercomOfficeHoursException[];
      };
}

const FN = "calendarFromIntercomOfficeHours";
/** The last year of the supported range: a recurring exception is repeated up to it. */
const LAST_YEAR = 2199;

/** The schedule of what was given: the schedule, `{ schedule, exceptions }`, or a list `{ data: [one] }`. */
function scheduleOf(json: unknown): Record<string, unknown> {
  if (isObject(json) && isObject(json.schedule)) return json.schedule;
  if (isObject(json) && Array.isArray(json.data) && !("time_intervals" in json)) {
    if (json.data.length !== 1 || !isObject(json.data[0]))
      throw new CxMetricsError(
        FN,
        "INVALID_CALENDAR",
        `the list holds ${json.data.length} schedules: give the one the conversations were measured with`,
        { value: json.data.length },
      );
    return json.data[0];
  }
  if (isObject(json) && "time_intervals" in json) return json;
  throw new CxMetricsError(
    FN,
    "INVALID_CALENDAR",
    `${describe(json)} is not Intercom office hours: expected { "time_zone_name", "time_intervals": [{ "start_minute", "end_minute" }] }`,
    { value: json },
  );
}

/** A date's hours from an exception's intervals (minutes from its midnight). */
function dayHours(intervals: unknown, where: string): [string, string][] {
  if (!Array.isArray(intervals) || intervals.length === 0)
    throw new CxMetricsError(
      FN,
      "INVALID_CALENDAR",
      `${where} is ${describe(intervals)}, expected the hours of a custom_hours date [{ "start_minute", "end_minute" }]`,
      { value: intervals },
    );
  return intervals.map((interval: unknown, i) => {
    const at = `${where}[${i}]`;
    const { start_minute, end_minute } = isObject(interval) ? interval : {};
    const start = minuteOf(FN, start_minute, `${at}.start_minute`, 1440);
    const end = minuteOf(FN, end_minute, `${at}.end_minute`, 1440);
    if (end <= start)
      throw new CxMetricsError(FN, "INVALID_CALENDAR", `${at}: ${start}-${end} ends before it starts`, {
        value: [start, end],
      });
    return [clockText(start), clockText(end)];
  });
}

/** The exceptions as holidays: a closed date, or a date with its own hours; recurring ones every year to 2199. */
function exceptionHolidays(list: unknown, where: string): (string | DateHours)[] {
  const exceptions = isObject(list) ? list.data : list;
  if (!Array.isArray(exceptions))
    throw new CxMetricsError(
      FN,
      "INVALID_CALENDAR",
      `${where} is ${describe(list)}, expected [{ "exception_date", "exception_type" }]`,
      { value: list },
    );
  const byDate = new Map<string, string | DateHours>();
  const recurring: { month: string; year: number; holiday: (date: string) => string | DateHours }[] = [];
  exceptions.forEach((exception: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(exception))
      throw new CxMetricsError(FN, "INVALID_CALENDAR", `${at} is ${describe(exception)}, expected an exception`, {
        value: exception,
      });
    const date = dateText(civilDate(FN, exception.exception_date, `${at}.exception_date`));
    const type = exception.exception_type;
    if (type !== "closed" && type !== "custom_hours")
      throw new CxMetricsError(
        FN,
        "INVALID_CALENDAR",
        `${at}.exception_type is ${describe(type)}, expected "closed" or "custom_hours"`,
        {
          value: type,
        },
      );
    const open = type === "closed" ? [] : dayHours(exception.time_intervals, `${at}.time_intervals`);
    const holiday = (on: string): string | DateHours => (open.length === 0 ? on : { date: on, open });
    if (byDate.has(date))
      throw new CxMetricsError(FN, "INVALID_CALENDAR", `${at}: ${date} has two exceptions`, { value: date });
    byDate.set(date, holiday(date));
    if (exception.recurring_annually === true)
      recurring.push({ month: date.slice(4), year: Number(date.slice(0, 4)), holiday });
  });
  // A recurring exception repeats each later year, unless that year's date has an exception of its own (or does not
  // exist: 29 February).
  for (const { month, year, holiday } of recurring)
    for (let next = year + 1; next <= LAST_YEAR; next++) {
      const date = `${next}${month}`;
      if (
        byDate.has(date) ||
        !Number.isFinite(Date.parse(`${date}T00:00:00Z`)) ||
        dateText(Date.parse(`${date}T00:00:00Z`)) !== date
      )
        continue;
      byDate.set(date, holiday(date));
    }
  return [...byDate.values()];
}

/**
 * A business calendar from Intercom office hours as its API returns them: an `office_hours_schedule`
 * (`{ "time_zone_name", "time_intervals": [{ "start_minute", "end_minute" }] }`, also inside `{ "schedule" }` or a
 * one-schedule list `{ "data": [...] }`), with its exceptions (an `"exceptions"` list beside or inside the schedule, or `options.exceptions`).
 *
 * - Intervals are minutes from Monday 00:00 in the schedule's zone (Monday 09:00-17:00 is 540-1020); one that runs
 *   over midnight is cut into the days it covers. The whole-week interval 0-10079 (Intercom's 24/7) and
 *   `twenty_four_seven: true` mean open around the clock.
 * - An exception `closed` closes its date; `custom_hours` replaces the date's hours by its intervals (minutes from
 *   midnight). `recurring_annually` repeats it on the same date every later year up to 2199 (the end of the supported
 *   range), except where that year has an exception of its own.
 *
 * Source: developers.intercom.com, Office Hours (Office Hours Schedule, Office Hours Time Interval, Office Hours
 * Exception).
 *
 * @throws CxMetricsError `INVALID_CALENDAR` (not office hours, an interval not within the week or ending before it
 *   starts, an unknown exception type, a date with two exceptions), `INVALID_TIME_ZONE`, `OVERLAPPING_INTERVALS`.
 * @example
 * ```ts
 * import { businessMinutes, calendarFromIntercomOfficeHours } from "cx-metrics/time";
 *
 * const calendar = calendarFromIntercomOfficeHours({
 *   time_zone_name: "Europe/Berlin",
 *   time_intervals: [{ start_minute: 540, end_minute: 1020 }], // Monday 09:00-17:00
 *   exceptions: [{ exception_date: "2025-12-22", exception_type: "custom_hours", time_intervals: [{ start_minute: 540, end_minute: 720 }] }],
 * });
 * businessMinutes(calendar, "2025-12-22T00:00:00+01:00", "2025-12-23T00:00:00+01:00"); //=> 180
 * ```
 */
export function calendarFromIntercomOfficeHours(
  json: unknown,
  options: IntercomOfficeHoursOptions = {},
): BusinessCalendar {
  const schedule = scheduleOf(json);
  const zone = schedule.time_zone_name;
  const timeZone = typeof zone === "string" ? timeZoneFromRails(zone) : undefined;
  if (timeZone === undefined)
    throw new CxMetricsError(
      FN,
      "INVALID_TIME_ZONE",
      `time_zone_name is ${describe(zone)}, expected an IANA zone ("America/New_York")`,
      {
        value: zone,
      },
    );
  let intervals: WeekMinutes[];
  if (schedule.twenty_four_seven === true) intervals = [{ start: 0, end: 10080, where: "twenty_four_seven" }];
  else {
    if (!Array.isArray(schedule.time_intervals))
      throw new CxMetricsError(
        FN,
        "INVALID_CALENDAR",
        `time_intervals is ${describe(schedule.time_intervals)}, expected [{ "start_minute", "end_minute" }] in minutes from Monday 00:00`,
        { value: schedule.time_intervals },
      );
    intervals = (schedule.time_intervals as unknown[]).map((interval, i) => {
      const where = `time_intervals[${i}]`;
      const { start_minute, end_minute } = isObject(interval) ? interval : {};
      const start = minuteOf(FN, start_minute, `${where}.start_minute`, 10080);
      const end = minuteOf(FN, end_minute, `${where}.end_minute`, 10080);
      // Intercom writes the whole week as 0-10079.
      return { start, end: start === 0 && end === 10079 ? 10080 : end, where };
    });
  }
  const week = weekFromMinutes(FN, intervals, "mon");
  const holidays = [
    ...(isObject(json) && json.exceptions !== undefined && json !== schedule
      ? exceptionHolidays(json.exceptions, "exceptions")
      : []),
    ...(schedule.exceptions !== undefined ? exceptionHolidays(schedule.exceptions, "schedule.exceptions") : []),
    ...(options.exceptions !== undefined ? exceptionHolidays(options.exceptions, "options.exceptions") : []),
  ];
  return businessCalendar({ timeZone, week, ...(holidays.length > 0 ? { holidays } : {}) });
}
