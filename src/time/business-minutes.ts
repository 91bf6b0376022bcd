import { invalid } from "../internal/describe.js";
import { calendarIndex, isCalendarIndex, type BusinessCalendar } from "./calendar.js";
import { instantMs, orderedSpan, type Instant } from "./instant.js";

const MINUTE_MS = 60_000;
/** Longest span on the fast path: about 27,000 years (Date's own range is ±8.64e15 ms). */
const MAX_SPAN_MS = 8.64e14;

/**
 * Working minutes between two instants: the part of [start, end) that falls in the calendar's
 * working hours. Time outside working hours does not count, so a ticket created and answered outside
 * hours scores 0. Fractional when the instants have seconds.
 *
 * O(1) per call once the calendar's index covers the dates (it is built lazily, two months at a
 * time, and reused). Pass epoch milliseconds for the fastest path.
 *
 * @throws CxMetricsError `INVALID_DATE` for an instant that is not valid (an ISO string without an
 *   offset); `END_BEFORE_START` when end < start; `INVALID_ARGUMENT` for a calendar not made by
 *   {@link businessCalendar}.
 * @example
 * ```ts
 * // Mon-Fri 09:00-17:00 Berlin; Friday 16:00 → Monday 10:00 is 60 + 60 = 120 minutes
 * businessMinutes(calendar, "2025-03-07T16:00:00+01:00", "2025-03-10T10:00:00+01:00"); //=> 120
 * ```
 */
export function businessMinutes(calendar: BusinessCalendar, start: Instant, end: Instant): number {
  const fn = "businessMinutes";
  // Fast path for epoch milliseconds in order (NaN and infinities fail the difference test).
  const built = (calendar as { index?: unknown } | null)?.index;
  if (isCalendarIndex(built) && typeof start === "number" && typeof end === "number" && end - start >= 0 && end - start <= MAX_SPAN_MS) {
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
 * counts from the next opening. `minutes` = 0 gives `start` itself.
 *
 * O(log n) in the number of working intervals in the index.
 *
 * @returns the due instant as a `Date`.
 * @throws CxMetricsError `INVALID_DATE`; `INVALID_ARGUMENT` for negative or non-finite minutes;
 *   `INVALID_CALENDAR` when the calendar has no working time for 100 years.
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
