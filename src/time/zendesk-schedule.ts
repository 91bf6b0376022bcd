// Zendesk's business-hours schedules (Schedules API: GET /api/v2/business_hours/schedules/{id} and its holidays) as a
// business calendar. Source: developer.zendesk.com, "Schedules" (ticket management): intervals in minutes since Sunday
// at midnight, in the schedule's time_zone (a Rails zone name); holidays with start_date and end_date, both included.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { type BusinessCalendar, businessCalendar } from "./calendar.js";
import { timeZoneFromRails } from "./rails-zones.js";
import { datesBetween } from "./vendor-holidays.js";
import { minuteOf, weekFromMinutes } from "./week-minutes.js";
import { isObject } from "../internal/values.js";
import { counted } from "../internal/words.js";

/** An interval of a Zendesk schedule: minutes since Sunday 00:00 in the schedule's zone. */
export interface ZendeskScheduleInterval {
  /** Start, minutes since Sunday at midnight (Monday 09:00 is 1980). */
  readonly start_time: number;
  /** End, minutes since Sunday at midnight (Monday 17:00 is 2460). */
  readonly end_time: number;
}

/** A holiday of a Zendesk schedule: closed from `start_date` to `end_date`, both included. */
export interface ZendeskHoliday {
  /** First date closed, "YYYY-MM-DD" in the schedule's zone. */
  readonly start_date: string;
  /** Last date closed (included), "YYYY-MM-DD". */
  readonly end_date: string;
  /** The holiday's name (not read). */
  readonly name?: string;
}

/** A Zendesk schedule as its API gives it (`{ "schedule": { ... } }` holds one). */
export interface ZendeskSchedule {
  /** The schedule's time zone: a Rails name ("Eastern Time (US & Canada)", "Chennai") or an IANA name. */
  readonly time_zone: string;
  /** The weekly business hours, minutes since Sunday 00:00. */
  readonly intervals: readonly ZendeskScheduleInterval[];
  /** Holidays, when kept with the schedule. */
  readonly holidays?: readonly ZendeskHoliday[];
  /** Zendesk's id of the schedule (not read). */
  readonly id?: number;
  /** The schedule's name (not read). */
  readonly name?: string;
}

/** Options of {@link calendarFromZendeskSchedule}. */
export interface ZendeskScheduleOptions {
  /** The schedule's holidays: the list, or the API's answer `{ "holidays": [...] }`. */
  readonly holidays?:
    | readonly ZendeskHoliday[]
    | {
        /** The holidays, as `GET /api/v2/business_hours/schedules/{id}/holidays` lists them. */
        readonly holidays: readonly ZendeskHoliday[];
      };
}

const FN = "calendarFromZendeskSchedule";

/** The schedule object of what the API gave: `{ schedule }`, `{ schedules: [one] }`, or the schedule itself. */
function scheduleOf(json: unknown): Record<string, unknown> {
  if (isObject(json) && isObject(json.schedule)) return json.schedule;
  if (isObject(json) && Array.isArray(json.schedules)) {
    if (json.schedules.length !== 1 || !isObject(json.schedules[0]))
      throw new CxMetricsError(
        FN,
        "INVALID_CALENDAR",
        `schedules holds ${counted(json.schedules.length, "schedule")}: give the one the tickets were measured with ({ "schedule": ... })`,
        { value: json.schedules.length },
      );
    return json.schedules[0];
  }
  if (isObject(json) && "intervals" in json) return json;
  throw new CxMetricsError(
    FN,
    "INVALID_CALENDAR",
    `${describe(json)} is not a Zendesk schedule: expected { "schedule": { "time_zone", "intervals": [{ "start_time", "end_time" }] } }`,
    { value: json },
  );
}

/** The holidays listed at `where` (a list, or `{ holidays: [...] }`), as dates. */
function holidayDates(list: unknown, where: string): string[] {
  const holidays = isObject(list) ? list.holidays : list;
  if (!Array.isArray(holidays))
    throw new CxMetricsError(
      FN,
      "INVALID_CALENDAR",
      `${where} is ${describe(list)}, expected [{ "start_date", "end_date" }]`,
      {
        value: list,
      },
    );
  return holidays.flatMap((holiday: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(holiday))
      throw new CxMetricsError(
        FN,
        "INVALID_CALENDAR",
        `${at} is ${describe(holiday)}, expected { "start_date", "end_date" }`,
        {
          value: holiday,
        },
      );
    return datesBetween(FN, holiday.start_date, holiday.end_date ?? holiday.start_date, at);
  });
}

/**
 * A business calendar from a Zendesk schedule as Zendesk's Schedules API returns it: `{ "schedule": { "time_zone",
 * "intervals": [{ "start_time", "end_time" }] } }` (also the schedule alone, or `{ "schedules": [one] }`), with its
 * holidays (`{ "holidays": [{ "start_date", "end_date" }] }`) beside the schedule in the same object, inside it, or in
 * `options.holidays`.
 *
 * - Intervals are minutes since Sunday 00:00 in the schedule's zone (Monday 09:00-17:00 is 1980-2460). Zendesk no
 *   longer lets an interval span calendar days, but older schedules did (its example 1980-3900, Monday 09:00 to Tuesday
 *   17:00): such an interval is cut at each midnight into the days it covers.
 * - `time_zone` is a Rails zone name ("Eastern Time (US & Canada)", "Chennai": {@link RAILS_TIME_ZONES}) or an IANA
 *   name.
 * - A holiday closes every date from `start_date` to `end_date`, both included, all day (dates in the schedule's zone);
 *   holidays that share dates are merged.
 *
 * Source: developer.zendesk.com, Schedules API (ticket management), "Intervals" and "Holidays".
 *
 * @throws CxMetricsError `INVALID_CALENDAR` (not a schedule, an interval that is not whole minutes within the week or
 *   ends before it starts, a bad date), `INVALID_TIME_ZONE` (a zone neither Rails nor IANA knows), `END_BEFORE_START`
 *   (a holiday ending before it starts), `OVERLAPPING_INTERVALS`.
 * @example
 * ```ts
 * import { businessMinutes, calendarFromZendeskSchedule } from "cx-metrics/time";
 *
 * const calendar = calendarFromZendeskSchedule({
 *   schedule: { time_zone: "Eastern Time (US & Canada)", intervals: [{ start_time: 1980, end_time: 2460 }] },
 *   holidays: [{ name: "Labor Day", start_date: "2025-09-01", end_date: "2025-09-01" }],
 * });
 * calendar.timeZone; //=> "America/New_York"
 * businessMinutes(calendar, "2025-09-08T12:00:00Z", "2025-09-08T15:00:00Z"); //=> 120 (Monday 08:00-11:00 New York)
 * ```
 */
export function calendarFromZendeskSchedule(json: unknown, options: ZendeskScheduleOptions = {}): BusinessCalendar {
  const schedule = scheduleOf(json);
  const zone = schedule.time_zone;
  const timeZone = typeof zone === "string" ? timeZoneFromRails(zone) : undefined;
  if (timeZone === undefined)
    throw new CxMetricsError(
      FN,
      "INVALID_TIME_ZONE",
      `time_zone is ${describe(zone)}, expected a Rails zone name ("Eastern Time (US & Canada)") or an IANA zone ("America/New_York")`,
      { value: zone },
    );
  if (!Array.isArray(schedule.intervals))
    throw new CxMetricsError(
      FN,
      "INVALID_CALENDAR",
      `intervals is ${describe(schedule.intervals)}, expected [{ "start_time", "end_time" }] in minutes since Sunday 00:00`,
      { value: schedule.intervals },
    );
  const intervals = (schedule.intervals as unknown[]).map((interval, i) => {
    const where = `intervals[${i}]`;
    const { start_time, end_time } = isObject(interval) ? interval : {};
    return {
      start: minuteOf(FN, start_time, `${where}.start_time`, 10080),
      end: minuteOf(FN, end_time, `${where}.end_time`, 10080),
      where,
    };
  });
  const week = weekFromMinutes(FN, intervals, "sun");
  const dates = [
    ...(isObject(json) && json.holidays !== undefined && json !== schedule
      ? holidayDates(json.holidays, "holidays")
      : []),
    ...(schedule.holidays !== undefined ? holidayDates(schedule.holidays, "schedule.holidays") : []),
    ...(options.holidays !== undefined ? holidayDates(options.holidays, "options.holidays") : []),
  ];
  const holidays = [...new Set(dates)].sort();
  return businessCalendar({ timeZone, week, ...(holidays.length > 0 ? { holidays } : {}) });
}
