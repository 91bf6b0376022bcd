import { invalid } from "../internal/describe.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import { type BusinessCalendar, isCalendarIndex, type ScheduleChoice, scheduleIndexAt } from "./calendar.js";
import type { CalendarIndex } from "./calendar-index.js";
import { type Instant, instantMs, orderedSpan } from "./instant.js";

const MINUTE_MS = 60_000;

/** Options of the business-time functions. */
export interface BusinessTimeOptions {
  /**
   * For a schedule history ({@link scheduleHistory}): `"in-force"` (default) counts each moment on the schedule in
   * force then; `"latest"` counts the whole span on the schedule in force at the instant the figure is recorded: the
   * end of a span ({@link businessMinutes}, Zendesk's choice), the start of a due-date count ({@link addBusinessMinutes}),
   * the due time of a count backwards ({@link subtractBusinessMinutes}). Other calendars have one schedule at every
   * moment and ignore it.
   */
  readonly schedule?: ScheduleChoice | undefined;
}

/** The index that counts a span recorded at `at`, for the options given. */
function indexFor(
  fn: string,
  calendar: BusinessCalendar,
  options: BusinessTimeOptions | undefined,
  at: () => number,
): CalendarIndex {
  assertOptions(fn, options);
  const schedule = options?.schedule ?? "in-force";
  assertOneOf(fn, "schedule", schedule, ["in-force", "latest"]);
  return scheduleIndexAt(fn, calendar, schedule, schedule === "latest" ? at() : 0);
}

/**
 * Working minutes between two instants: the part of [start, end) that falls in the calendar's
 * working hours. Time outside working hours does not count, so a ticket created and answered outside
 * hours scores 0. Fractional when the instants have seconds.
 *
 O(1) per call once the calendar's index holds the year (each UTC year is built on first use, in
 * about a millisecond, and at most 64 are kept); a span of many years adds up their remembered
 * totals. The answer never depends on earlier queries. Pass epoch milliseconds for the fastest path.
 *
 * Always ≤ the calendar minutes between the instants, also across DST gaps and skipped days (Pacific/
 * Apia's 30 December 2011): a working interval holds exactly the instants whose wall time lies in it.
 *
 * With a schedule history ({@link scheduleHistory}), `{ schedule: "latest" }` counts the whole span on the schedule in
 * force at `end` (Zendesk's way) instead of each moment on its own (the default).
 *
 * @throws CxMetricsError `INVALID_DATE` for an instant that is not valid (an ISO string without an
 *   offset, NaN); `DATE_OUT_OF_RANGE` for an instant outside 1900-01-01T00:00Z to
 *   2199-12-31T23:59:59.999Z (a "never" placeholder such as 9999-12-31, microseconds given as
 *   milliseconds); `END_BEFORE_START` when end < start; `INVALID_ARGUMENT` for a calendar not made by
 *   {@link businessCalendar}.
 * @example
 * ```ts
 * // Mon-Fri 09:00-17:00 Berlin; Friday 16:00 → Monday 10:00 is 60 + 60 = 120 minutes
 * businessMinutes(calendar, "2025-03-07T16:00:00+01:00", "2025-03-10T10:00:00+01:00"); //=> 120
 * ```
 */
export function businessMinutes(
  calendar: BusinessCalendar,
  start: Instant,
  end: Instant,
  options?: BusinessTimeOptions,
): number {
  const fn = "businessMinutes";
  // Fast path for epoch milliseconds in order (NaN fails the difference test; the index checks the range).
  const built = (calendar as { index?: unknown } | null)?.index;
  if (
    options === undefined &&
    isCalendarIndex(built) &&
    typeof start === "number" &&
    typeof end === "number" &&
    end - start >= 0
  ) {
    return built.between(start, end) / MINUTE_MS;
  }
  const [a, b] = orderedSpan(fn, "start", start, "end", end);
  return indexFor(fn, calendar, options, () => b).between(a, b) / MINUTE_MS;
}

/**
 * The due instant `minutes` working minutes after `start`: the earliest instant t ≥ start with
 * `businessMinutes(calendar, start, t) = minutes`.
 *
 * **At closing time:** when the last minute ends exactly at a closing time, the due instant is that
 * closing time (Monday 17:00), not the next opening (Tuesday 09:00); both hold the same number of
 * working minutes, and the earlier is the moment the work is due. A start outside working hours
 * counts from the next opening. `minutes` = 0 gives `start` itself. The due instant is never before
 * `start`, whatever rounding `minutes` carries (`0.1 + 0.2 - 0.3` is a hair above 0).
 *
 * O(log n) in the working intervals of the due instant's year, plus one addition per whole year
 * skipped (at most the 300 years of the supported range).
 *
 * @returns the due instant as a `Date`.
 * @throws CxMetricsError `INVALID_DATE`; `DATE_OUT_OF_RANGE` for a start outside the supported range,
 *   or a due instant after it (a calendar with too little working time left before 2200);
 *   `INVALID_ARGUMENT` for negative or non-finite minutes.
 * @example
 * ```ts
 * // Mon-Fri 09:00-17:00 Berlin: 8 working hours from Monday 09:00 is Monday 17:00, not Tuesday 09:00
 * addBusinessMinutes(calendar, "2025-03-10T09:00:00+01:00", 480).toISOString(); //=> "2025-03-10T16:00:00.000Z"
 * ```
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  start: Instant,
  minutes: number,
  options?: BusinessTimeOptions,
): Date {
  const fn = "addBusinessMinutes";
  const a = instantMs(fn, "start", start);
  const index = indexFor(fn, calendar, options, () => a);
  if (typeof minutes !== "number" || !(minutes >= 0) || !Number.isFinite(minutes)) {
    throw invalid(fn, "INVALID_ARGUMENT", "minutes", minutes, "a finite number of minutes ≥ 0");
  }
  return new Date(index.add(a, minutes * MINUTE_MS));
}

/**
 * When work must start to meet a due time: the latest instant s ≤ `end` with `businessMinutes(calendar, s, end) =
 * minutes`, the mirror of {@link addBusinessMinutes}.
 *
 * **At opening time:** when the first minute needed starts exactly at an opening time, the start is that opening
 * time (Monday 09:00), not the closing time before it (Friday 17:00); both hold the same working minutes, and the later
 * one is the last moment work can start. An `end` outside working hours counts back from the closing time before it,
 * and `minutes` = 0 gives `end` itself. `businessMinutes(s, end) = minutes` always holds; `addBusinessMinutes(s,
 * minutes)` gives back `end` when work runs right up to it (`end` inside working hours but not at an opening, or at a
 * closing time), else the closing time before `end`.
 *
 * O(log n) in the working intervals of the start's year, plus one subtraction per whole year skipped.
 *
 * @returns the start instant as a `Date`.
 * @throws CxMetricsError `INVALID_DATE`; `DATE_OUT_OF_RANGE` for an end outside the supported range or a start
 *   before it; `INVALID_ARGUMENT` for negative or non-finite minutes, or a calendar not made by {@link businessCalendar}.
 * @example
 * ```ts
 * const calendar = businessCalendar({ timeZone: "UTC", week: { fri: [["09:00", "17:00"]], mon: [["09:00", "17:00"]] } });
 * // due Monday 10:00: 60 minutes on Monday, the other 60 from Friday 16:00
 * subtractBusinessMinutes(calendar, "2025-03-10T10:00:00Z", 120).toISOString(); //=> "2025-03-07T16:00:00.000Z"
 * // exactly Monday's first hour: start at the opening, Monday 09:00
 * subtractBusinessMinutes(calendar, "2025-03-10T10:00:00Z", 60).toISOString(); //=> "2025-03-10T09:00:00.000Z"
 * ```
 */
export function subtractBusinessMinutes(
  calendar: BusinessCalendar,
  end: Instant,
  minutes: number,
  options?: BusinessTimeOptions,
): Date {
  const fn = "subtractBusinessMinutes";
  const b = instantMs(fn, "end", end);
  const index = indexFor(fn, calendar, options, () => b);
  if (typeof minutes !== "number" || !(minutes >= 0) || !Number.isFinite(minutes)) {
    throw invalid(fn, "INVALID_ARGUMENT", "minutes", minutes, "a finite number of minutes ≥ 0");
  }
  return new Date(index.subtract(b, minutes * MINUTE_MS));
}
