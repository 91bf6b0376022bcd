import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { civilDayOf, DAY_MS, wallToInstant } from "./zone.js";

/** Where a calendar's working intervals come from: per civil day, minutes after local midnight. */
export interface ScheduleSource {
  readonly intervalsOf: (civilDay: number) => readonly (readonly [number, number])[];
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Dates reach ±8.64e15 ms; stay a day inside so the index can hold its margin. */
const MAX_INSTANT = 8.64e15 - 4 * 86_400_000;
/** Days built around a query on the first build, and the least added on each extension. */
const BUILD_MARGIN_DAYS = 62;
/** How far addBusinessMinutes looks for working time before it gives up. */
const MAX_SEARCH_DAYS = 366 * 100;

/**
 * The index that makes business-time queries O(1) / O(log n): every working interval of a range
 * of days as absolute instants (sorted, disjoint), the cumulative working milliseconds before each
 * interval, and the instant of each local midnight with the first interval starting on or after it.
 *
 * W(t), the working milliseconds before instant t, is found in O(1): a table holds, for every
 * absolute hour of the range, the last interval starting at or before it, so t needs one table read
 * and a step or two (absolute hours need no DST handling). The inverse, for a due date, is a binary
 * search over the cumulative sums. The range grows on demand (at least two months at a time).
 */
export class CalendarIndex {
  private firstDay = 0;
  private dayCount = 0;
  private dayStart = new Float64Array(0);
  private origin = 0;
  private hourLast = new Int32Array(0);
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  private cum = new Float64Array(1);
  /** Instants inside which queries need no extension: [dayStart[1], dayStart[dayCount - 1]). */
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly timeZone: string,
    private readonly source: ScheduleSource,
  ) {}

  /** Makes sure instants from..to lie inside the built range (with a day to spare on each side). */
  ensure(from: number, to: number): void {
    if (from >= this.low && to < this.high) return;
    if (!(Math.abs(from) <= MAX_INSTANT && Math.abs(to) <= MAX_INSTANT)) {
      throw new CxMetricsError("businessMinutes", "INVALID_DATE", `instant ${from} or ${to} is outside the range of dates`, { value: [from, to] });
    }
    const wantFirst = civilDayOf(this.timeZone, from) - 2 * DAY_MS;
    const wantLast = civilDayOf(this.timeZone, to) + 2 * DAY_MS;
    const margin = BUILD_MARGIN_DAYS * DAY_MS;
    let first = wantFirst - margin;
    let last = wantLast + margin;
    if (this.dayCount > 0) {
      const builtLast = this.firstDay + (this.dayCount - 1) * DAY_MS;
      const span = builtLast - this.firstDay;
      first = Math.min(this.firstDay, wantFirst < this.firstDay ? Math.min(wantFirst, this.firstDay - span) : this.firstDay);
      last = Math.max(builtLast, wantLast > builtLast ? Math.max(wantLast, builtLast + span) : builtLast);
    }
    this.build(first, last);
  }

  private build(firstDay: number, lastDay: number): void {
    const dayCount = Math.round((lastDay - firstDay) / DAY_MS) + 1;
    const dayStart = new Float64Array(dayCount + 1);
    const starts: number[] = [];
    const ends: number[] = [];
    const zone = this.timeZone;
    for (let i = 0; i <= dayCount; i++) dayStart[i] = wallToInstant(zone, firstDay + i * DAY_MS, 0);
    for (let i = 0; i < dayCount; i++) {
      const civil = firstDay + i * DAY_MS;
      const intervals = this.source.intervalsOf(civil);
      if (intervals.length === 0) continue;
      // A day of exactly 24 hours with the same offset at both ends has no DST change: wall minutes
      // map to instants by addition. Otherwise each boundary is converted on its own.
      const plain = dayStart[i + 1]! - dayStart[i]! === DAY_MS && i + 2 <= dayCount && dayStart[i + 2]! - dayStart[i + 1]! === DAY_MS;
      for (const [startMinute, endMinute] of intervals) {
        const start = plain ? dayStart[i]! + startMinute * MINUTE_MS : wallToInstant(zone, civil, startMinute);
        const end = plain ? dayStart[i]! + endMinute * MINUTE_MS : wallToInstant(zone, civil, endMinute);
        if (end > start) {
          starts.push(start);
          ends.push(end);
        }
      }
    }
    // hourLast[h]: the last interval starting at or before origin + h hours (-1 before the first).
    const origin = Math.floor(dayStart[0]! / HOUR_MS) * HOUR_MS;
    const hours = Math.ceil((dayStart[dayCount]! - origin) / HOUR_MS) + 1;
    const hourLast = new Int32Array(hours);
    let k = -1;
    for (let h = 0; h < hours; h++) {
      const instant = origin + h * HOUR_MS;
      while (k + 1 < starts.length && starts[k + 1]! <= instant) k++;
      hourLast[h] = k;
    }
    const cum = new Float64Array(starts.length + 1);
    for (let k = 0; k < starts.length; k++) cum[k + 1] = cum[k]! + (ends[k]! - starts[k]!);
    this.firstDay = firstDay;
    this.dayCount = dayCount;
    this.dayStart = dayStart;
    this.origin = origin;
    this.hourLast = hourLast;
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.cum = cum;
    this.low = dayStart[1]!;
    this.high = dayStart[dayCount - 1]!;
  }

  /** Index of the last interval starting at or before t, or -1. t must be inside the built range. */
  private intervalAt(t: number): number {
    // t is inside the range, so the quotient is a small non-negative number: truncate it.
    let k = this.hourLast[((t - this.origin) / HOUR_MS) | 0]!;
    const starts = this.starts;
    const n = starts.length;
    while (k + 1 < n && starts[k + 1]! <= t) k++;
    return k;
  }

  /** Working milliseconds before t, from the start of the built range. */
  workedBefore(t: number): number {
    const k = this.intervalAt(t);
    if (k < 0) return 0;
    const start = this.starts[k]!;
    const length = this.ends[k]! - start;
    const into = t - start;
    return this.cum[k]! + (into < length ? into : length);
  }

  /** Working milliseconds in [a, b), a ≤ b. The hot path: both lookups inline, on local copies. */
  between(a: number, b: number): number {
    if (!(a >= this.low && b < this.high)) this.ensure(a, b);
    const starts = this.starts;
    const ends = this.ends;
    const cum = this.cum;
    const hourLast = this.hourLast;
    const origin = this.origin;
    const n = starts.length;
    let ka = hourLast[((a - origin) / HOUR_MS) | 0]!;
    while (ka + 1 < n && starts[ka + 1]! <= a) ka++;
    let kb = hourLast[((b - origin) / HOUR_MS) | 0]!;
    while (kb + 1 < n && starts[kb + 1]! <= b) kb++;
    const wa = ka < 0 ? 0 : cum[ka]! + Math.min(a - starts[ka]!, ends[ka]! - starts[ka]!);
    const wb = kb < 0 ? 0 : cum[kb]! + Math.min(b - starts[kb]!, ends[kb]! - starts[kb]!);
    return wb - wa;
  }

  /** The earliest instant t ≥ a with `ms` working milliseconds in [a, t). */
  add(a: number, ms: number): number {
    if (ms === 0) return a;
    this.ensure(a, a);
    for (let searched = 0; ; ) {
      const target = this.workedBefore(a) + ms;
      const cum = this.cum;
      const n = this.starts.length;
      if (target <= cum[n]!) {
        // First interval k whose end has cum[k + 1] ≥ target.
        let low = 0;
        let high = n - 1;
        while (low < high) {
          const mid = (low + high) >>> 1;
          if (cum[mid + 1]! >= target) high = mid;
          else low = mid + 1;
        }
        return this.starts[low]! + (target - cum[low]!);
      }
      const lastBuilt = this.dayStart[this.dayCount]!;
      searched += Math.max(BUILD_MARGIN_DAYS, this.dayCount);
      if (searched > MAX_SEARCH_DAYS) {
        throw new CxMetricsError("addBusinessMinutes", "INVALID_CALENDAR", "the calendar has no working time left within 100 years", { value: a });
      }
      this.ensure(a, lastBuilt + this.dayCount * DAY_MS);
    }
  }
}
