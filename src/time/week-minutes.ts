// Vendors write a weekly schedule as intervals in minutes from the start of their week (Zendesk: Sunday 00:00;
// Intercom: Monday 00:00). This turns such intervals into the library's working week, checking each one.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import type { ClockInterval } from "./clock.js";
import type { Weekday, WorkingWeek } from "./calendar.js";

const DAY = 1440;
const WEEK = 7 * DAY;
const SUNDAY_FIRST: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** "HH:mm" of minutes after midnight (1440: "24:00"). */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** One interval of a vendor's week: minutes from its first day's midnight, and where it was read (for messages). */
export interface WeekMinutes {
  readonly start: number;
  readonly end: number;
  readonly where: string;
}

/** Reads a whole number of minutes in 0..limit, or throws naming where it was read. */
export function minuteOf(fn: string, value: unknown, where: string, limit: number): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= limit) return value;
  throw new CxMetricsError(
    fn,
    "INVALID_CALENDAR",
    `${where} is ${describe(value)}, expected a whole number of minutes 0-${limit}`,
    { value },
  );
}

/**
 * A working week from intervals in minutes from the week's start (`firstDay` at 00:00), wall-clock times in the
 * schedule's zone. An interval may run over midnight: it is cut at each midnight into the days it covers (an end at
 * midnight is that day's "24:00"). Intervals must end after they start, lie within the week, and not overlap.
 */
export function weekFromMinutes(fn: string, intervals: readonly WeekMinutes[], firstDay: "sun" | "mon"): WorkingWeek {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  for (const interval of sorted)
    if (interval.end <= interval.start || interval.end > WEEK)
      throw new CxMetricsError(
        fn,
        "INVALID_CALENDAR",
        `${interval.where}: ${interval.start}-${interval.end} is not an interval of the week (an end after the start, at most ${WEEK})`,
        { value: [interval.start, interval.end] },
      );
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.start < sorted[i - 1]!.end)
      throw new CxMetricsError(
        fn,
        "OVERLAPPING_INTERVALS",
        `${sorted[i - 1]!.where} (${sorted[i - 1]!.start}-${sorted[i - 1]!.end}) and ${sorted[i]!.where} (${sorted[i]!.start}-${sorted[i]!.end}) overlap`,
        { value: [sorted[i - 1]!.start, sorted[i]!.start] },
      );
  const offset = firstDay === "sun" ? 0 : 1;
  const week: Partial<Record<Weekday, [number, number][]>> = {};
  for (const { start, end } of sorted) {
    for (let from = start; from < end; from = (Math.floor(from / DAY) + 1) * DAY) {
      const day = Math.floor(from / DAY);
      const to = Math.min(end, (day + 1) * DAY);
      const pieces = (week[SUNDAY_FIRST[(day + offset) % 7]!] ??= []);
      const last = pieces[pieces.length - 1];
      // Intervals that touch (12:00-13:00 after 09:00-12:00) are one.
      if (last !== undefined && last[1] === from - day * DAY) last[1] = to - day * DAY;
      else pieces.push([from - day * DAY, to - day * DAY]);
    }
  }
  const out: Partial<Record<Weekday, ClockInterval[]>> = {};
  for (const day of SUNDAY_FIRST) {
    const pieces = week[day];
    if (pieces !== undefined) out[day] = pieces.map(([s, e]) => [clockText(s), clockText(e)] as const);
  }
  return out;
}
