// One entry for a schedule in any of the shapes the library reads: its own calendar options, a Zendesk schedule, or
// Intercom office hours. What the command line's --calendar and a claim's options.calendar read.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { type BusinessCalendar, type BusinessCalendarOptions, businessCalendar } from "./calendar.js";
import { calendarFromIntercomOfficeHours } from "./intercom-office-hours.js";
import { calendarFromZendeskSchedule } from "./zendesk-schedule.js";
import { isObject } from "../internal/values.js";

/**
 * Which shape a schedule is in, by the keys only that shape has: `"calendar"` for the library's options (`week`,
 * `history`, `intersection`), `"intercom"` for Intercom office hours (`time_intervals`, `time_zone_name`,
 * `twenty_four_seven`: Intercom's office-hours schedule, minutes from Monday), `"zendesk"` for a Zendesk schedule
 * (`intervals`, `time_zone`, or a list of `schedules`: Zendesk's Schedules API, GET /api/v2/business_hours/schedules),
 * or `undefined` for none of them. `calendarFromSchedule` reads the value by it.
 *
 * @example
 * ```ts
 * import { scheduleKind } from "cx-metrics/time";
 *
 * scheduleKind({ schedule: { time_zone: "London", intervals: [{ start_time: 1980, end_time: 2460 }] } }); //=> "zendesk"
 * scheduleKind({ timeZone: "UTC", week: {} }); //=> "calendar"
 * scheduleKind("9-5"); //=> undefined
 * ```
 */
export function scheduleKind(value: unknown): "calendar" | "zendesk" | "intercom" | undefined {
  if (!isObject(value)) return undefined;
  if ("week" in value || "history" in value || "intersection" in value) return "calendar";
  const inner = isObject(value.schedule) ? value.schedule : value;
  if ("time_intervals" in inner || "time_zone_name" in inner || "twenty_four_seven" in inner) return "intercom";
  if (Array.isArray(value.data) && isObject(value.data[0]) && "time_intervals" in value.data[0]) return "intercom";
  if ("intervals" in inner || "time_zone" in inner || Array.isArray(value.schedules)) return "zendesk";
  return undefined;
}

/**
 * A business calendar from a schedule in any shape the library reads, told apart by their fields:
 *
 * - the options of {@link businessCalendar} (`{ timeZone, week, holidays? }`; a calendar already built is given back);
 * - a Zendesk schedule as its API returns it, `{ "schedule": { "time_zone", "intervals" } }` with `"holidays"` beside
 *   or inside ({@link calendarFromZendeskSchedule});
 * - Intercom office hours, `{ "time_zone_name", "time_intervals" }` with `"exceptions"` ({@link calendarFromIntercomOfficeHours}).
 *
 * @throws CxMetricsError `INVALID_CALENDAR` for a value in none of these shapes, else the errors of the reader used.
 * @example
 * ```ts
 * import { calendarFromSchedule } from "cx-metrics/time";
 *
 * calendarFromSchedule({ schedule: { time_zone: "Chennai", intervals: [{ start_time: 1980, end_time: 2460 }] } }).timeZone; //=> "Asia/Kolkata"
 * calendarFromSchedule({ timeZone: "Asia/Kolkata", week: { mon: [["09:00", "17:00"]] } }).week.mon?.[0]?.[1]; //=> "17:00"
 * ```
 */
export function calendarFromSchedule(value: unknown): BusinessCalendar {
  switch (scheduleKind(value)) {
    case "calendar":
      return Object.getOwnPropertyDescriptor(value, "index") !== undefined
        ? (value as BusinessCalendar)
        : businessCalendar(value as BusinessCalendarOptions);
    case "zendesk":
      return calendarFromZendeskSchedule(value);
    case "intercom":
      return calendarFromIntercomOfficeHours(value);
    default:
      throw new CxMetricsError(
        "calendarFromSchedule",
        "INVALID_CALENDAR",
        `${describe(value)} is not a schedule: expected businessCalendar options { "timeZone", "week" }, a Zendesk schedule { "schedule": { "time_zone", "intervals" } } or Intercom office hours { "time_zone_name", "time_intervals" }`,
        { value },
      );
  }
}
