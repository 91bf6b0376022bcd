import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/** A working interval as two wall-clock times, "HH:mm" (24-hour; "24:00" as an end means midnight). */
export type ClockInterval = readonly [start: string, end: string];

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:mm"; "24:00" is 1440 where an end is read. */
export function clockMinutes(fn: string, text: unknown, where: string, isEnd: boolean): number {
  if (isEnd && text === "24:00") return 1440;
  const match = typeof text === "string" ? CLOCK.exec(text) : null;
  if (match === null) {
    throw new CxMetricsError(
      fn,
      "INVALID_CALENDAR",
      `${where}: ${describe(text)} is not a time "HH:mm" (00:00-23:59${isEnd ? ", or 24:00" : ""})`,
      {
        value: text,
      },
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Reads a working interval into minutes after the day's midnight: [start, end) with end > start;
 * an end earlier than the start (or "00:00") crosses midnight and runs into the next day (end + 1440).
 */
export function readInterval(fn: string, interval: unknown, where: string): readonly [number, number] {
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new CxMetricsError(
      fn,
      "INVALID_CALENDAR",
      `${where}: ${describe(interval)} is not an interval ["HH:mm", "HH:mm"]`,
      { value: interval },
    );
  }
  const start = clockMinutes(fn, interval[0], where, false);
  const end = clockMinutes(fn, interval[1], where, true);
  if (end === start) {
    throw new CxMetricsError(
      fn,
      "INVALID_CALENDAR",
      `${where}: interval ${describe(interval)} is empty (start = end)`,
      { value: interval },
    );
  }
  return [start, end > start ? end : end + 1440];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a calendar date "YYYY-MM-DD" into its civil day (UTC midnight, ms). */
export function civilDate(fn: string, text: unknown, where: string): number {
  const match = typeof text === "string" ? DATE.exec(text) : null;
  if (match !== null) {
    const year = Number(match[1]);
    const month = Number(match[2]) - 1;
    const day = Number(match[3]);
    const ms = Date.UTC(year, month, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month && check.getUTCDate() === day) return ms;
  }
  throw new CxMetricsError(fn, "INVALID_CALENDAR", `${where}: ${describe(text)} is not a date "YYYY-MM-DD"`, {
    value: text,
  });
}
