// Holidays as vendors write them, turned into the dates of a business calendar.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { civilDate } from "./clock.js";

const DAY_MS = 86_400_000;
/** The longest holiday read (about ten years): a longer one is a typo, not a closure. */
const MAX_DAYS = 3660;

/** "YYYY-MM-DD" of a civil day (UTC midnight, ms). */
export function dateText(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** Every date from `start` to `end`, both included ("YYYY-MM-DD"), checked; `where` names the holiday in messages. */
export function datesBetween(fn: string, start: unknown, end: unknown, where: string): string[] {
  const first = civilDate(fn, start, `${where}.start_date`);
  const last = civilDate(fn, end, `${where}.end_date`);
  if (last < first)
    throw new CxMetricsError(
      fn,
      "END_BEFORE_START",
      `${where}: end_date ${describe(end)} is before start_date ${describe(start)}`,
      { value: end },
    );
  if ((last - first) / DAY_MS >= MAX_DAYS)
    throw new CxMetricsError(
      fn,
      "INVALID_CALENDAR",
      `${where}: ${describe(start)} to ${describe(end)} is over ten years`,
      {
        value: end,
      },
    );
  const dates: string[] = [];
  for (let day = first; day <= last; day += DAY_MS) dates.push(dateText(day));
  return dates;
}
