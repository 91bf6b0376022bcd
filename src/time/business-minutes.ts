import { invalid } from "../internal/describe.js";
import { calendarIndex, isCalendarIndex, type BusinessCalendar } from "./calendar.js";
import { instantMs, orderedSpan, type Instant } from "./instant.js";

const MINUTE_MS = 60_000;

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
export function businessMinutes(calendar: BusinessCalendar, start: Instant, end: Instant): number {
  const fn = "businessMinutes";
  // Fast path for epoch milliseconds in order (NaN fails the difference test; the index checks the range).
  const built = (calendar as { index?: unknown } | null)?.index;
  if (isCalendarIndex(built) && typeof start === "number" && typeof end === "number" && end - start >= 0) {
    return built.between(start, end) / MINUTE_MS;
  }
  const index = calendarIndex(fn, calendar);
  const [a, b] = orderedSpan(fn, "start", start, "end", end);
  return index.between(a, b) / MINUTE_MS;
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
export function addBusinessMinutes(calendar: BusinessCalendar, start: Instant, minutes: number): Date {
  const fn = "addBusinessMinutes";
  const index = calendarIndex(fn, calendar);
  const a = instantMs(fn, "start", start);
  if (typeof minutes !== "number" || !(minutes >= 0) || !Number.isFinite(minutes)) {
    throw invalid(fn, "INVALID_ARGUMENT", "minutes", minutes, "a finite number of minutes ≥ 0");
  }
  return new Date(index.add(a, minutes * MINUTE_MS));
}
