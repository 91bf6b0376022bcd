import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { instantError, MAX_INSTANT, MIN_INSTANT, SUPPORTED_RANGE } from "../internal/instant.js";
import { DAY_MS, utcYearStart, wallToInstantIn, zoneYear } from "../internal/zone.js";

/** Where a calendar's working intervals come from: per civil day, minutes after local midnight. */
export interface ScheduleSource {
  readonly intervalsOf: (civilDay: number) => readonly (readonly [number, number])[];
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
/** Year chunks kept at most; older ones are dropped and rebuilt when asked for again. */
const MAX_CHUNKS = 64;

/** Sorted, disjoint working spans [starts[k], ends[k]) of one UTC year, as absolute instants (ms), clipped to it. */
export interface Spans {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

/** Where an index's working time comes from: the spans of each UTC year (sorted, disjoint, never touching). */
export type YearSpans = (year: number) => Spans;

/**
 * The working intervals of one UTC year [1 January 00:00Z, next 1 January 00:00Z) as absolute
 * instants: sorted, disjoint, clipped to the year; `cum[k]` is the working time before interval k
 * within the year; `hourLast[h]` the last interval starting at or before the year's start + h hours.
 */
interface Chunk extends Spans {
  readonly start: number;
  readonly end: number;
  readonly cum: Float64Array;
  readonly hourLast: Int32Array;
  /** Working milliseconds in the whole year. */
  readonly total: number;
}

function yearOf(t: number): number {
  return new Date(t).getUTCFullYear();
}

/** Sorts spans and merges those that meet or overlap in absolute time, so no instant is ever counted twice. */
export function mergeSpans(spans: [number, number][]): Spans {
  spans.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [a, b] of spans) {
    if (!(b > a)) continue;
    const last = ends.length - 1;
    if (last >= 0 && a <= ends[last]!) ends[last] = Math.max(ends[last]!, b);
    else {
      starts.push(a);
      ends.push(b);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/**
 * The spans of a weekly schedule in a zone: converts every interval of the civil days that can reach the year, clips
 * them to it, sorts and merges.
 */
export function zoneSpans(timeZone: string, source: ScheduleSource): YearSpans {
  return (year) => {
    const start = utcYearStart(year);
    const end = utcYearStart(year + 1);
    const zone = zoneYear(timeZone, year);
    const spans: [number, number][] = [];
    // Local dates run at most 14 hours ahead of or 12 behind UTC, and an interval spills at most a
    // day past its date: the civil days from three days before to one day after the year cover it.
    for (let day = start - 3 * DAY_MS; day <= end + DAY_MS; day += DAY_MS) {
      for (const [from, to] of source.intervalsOf(day)) {
        // Wall times that do not exist map to the transition: an interval holds the instants whose
        // wall time lies in it, so a boundary in a DST gap never reaches past the gap.
        const a = Math.max(start, wallToInstantIn(zone, day + from * MINUTE_MS, "transition"));
        const b = Math.min(end, wallToInstantIn(zone, day + to * MINUTE_MS, "transition"));
        if (b > a) spans.push([a, b]);
      }
    }
    return mergeSpans(spans);
  };
}

/** The instants in both span lists (two pointers over sorted, disjoint spans). */
export function intersectSpans(x: Spans, y: Spans): Spans {
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.starts.length && j < y.starts.length) {
    const a = Math.max(x.starts[i]!, y.starts[j]!);
    const b = Math.min(x.ends[i]!, y.ends[j]!);
    if (b > a) {
      starts.push(a);
      ends.push(b);
    }
    if (x.ends[i]! <= y.ends[j]!) i++;
    else j++;
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** Builds one year's chunk from its spans: cumulative working time and the hour table. */
function buildChunk(spansOf: YearSpans, year: number): Chunk {
  const start = utcYearStart(year);
  const end = utcYearStart(year + 1);
  const { starts, ends } = spansOf(year);
  const n = starts.length;
  const cum = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) cum[k + 1] = cum[k]! + (ends[k]! - starts[k]!);
  const hours = Math.ceil((end - start) / HOUR_MS) + 1;
  const hourLast = new Int32Array(hours);
  for (let h = 0, k = -1; h < hours; h++) {
    const instant = start + h * HOUR_MS;
    while (k + 1 < n && starts[k + 1]! <= instant) k++;
    hourLast[h] = k;
  }
  return { start, end, starts, ends, cum, hourLast, total: cum[n]! };
}

/** Index of the last interval of the chunk starting at or before t (t inside the chunk), or -1. */
function intervalAt(chunk: Chunk, t: number): number {
  let k = chunk.hourLast[((t - chunk.start) / HOUR_MS) | 0]!;
  const starts = chunk.starts;
  const n = starts.length;
  while (k + 1 < n && starts[k + 1]! <= t) k++;
  return k;
}

/** Working milliseconds of the chunk before t (t inside the chunk). */
function workedBefore(chunk: Chunk, t: number): number {
  const k = intervalAt(chunk, t);
  if (k < 0) return 0;
  const start = chunk.starts[k]!;
  return chunk.cum[k]! + Math.min(t - start, chunk.ends[k]! - start);
}

/**
 * The index that answers business-time queries in O(1) (`between`) and O(log n) (`add`).
 *
 * Time is cut into UTC years. Each year's working intervals are built on first use (about a
 * millisecond) as absolute instants, sorted and merged, with the cumulative working time before each
 * interval and, for every hour of the year, the last interval starting before it: a lookup is one
 * table read and a step or two. At most {@link MAX_CHUNKS} years are kept (the least recently used
 * is dropped), and each year's total working time is remembered, so memory stays bounded and a
 * span of many years sums their totals. Nothing depends on earlier queries: a query's answer is a
 * function of the calendar and its arguments alone. Instants outside {@link SUPPORTED_RANGE} are
 * rejected with `DATE_OUT_OF_RANGE`.
 */
export class CalendarIndex {
  private readonly chunks = new Map<number, Chunk>();
  private readonly totals = new Map<number, number>();
  private last: Chunk | undefined;

  constructor(private readonly spansOf: YearSpans) {}

  private chunk(year: number): Chunk {
    let chunk = this.chunks.get(year);
    if (chunk === undefined) {
      chunk = buildChunk(this.spansOf, year);
      if (this.chunks.size >= MAX_CHUNKS) this.chunks.delete(this.chunks.keys().next().value!);
      this.totals.set(year, chunk.total);
    } else this.chunks.delete(year); // re-inserted below: the map's order is the order of use
    this.chunks.set(year, chunk);
    this.last = chunk;
    return chunk;
  }

  /** The working spans of a UTC year (built on first use), for calendars composed of this one. */
  spans(year: number): Spans {
    return this.chunk(year);
  }

  private total(year: number): number {
    return this.totals.get(year) ?? this.chunk(year).total;
  }

  private checked(fn: string, what: string, t: number): number {
    if (!(t >= MIN_INSTANT && t <= MAX_INSTANT)) throw instantError(fn, what, t);
    return t;
  }

  /**
   * The working intervals that overlap [from, to), clipped to it, in order, each with the working
   * milliseconds between `from` and its start: the index laid out as rows (for SQL). An interval
   * that crosses 1 January 00:00 UTC comes as two rows that meet.
   */
  intervals(from: number, to: number): { readonly start: number; readonly end: number; readonly before: number }[] {
    const rows: { start: number; end: number; before: number }[] = [];
    let before = 0;
    for (let year = yearOf(from); year <= yearOf(to - 1); year++) {
      const chunk = this.chunk(year);
      for (let k = 0; k < chunk.starts.length; k++) {
        const start = Math.max(from, chunk.starts[k]!);
        const end = Math.min(to, chunk.ends[k]!);
        if (end <= start) continue;
        rows.push({ start, end, before });
        before += end - start;
      }
    }
    return rows;
  }

  /** Working milliseconds in [a, b), a ≤ b, both inside the supported range. */
  between(a: number, b: number): number {
    const last = this.last;
    if (last !== undefined && a >= last.start && b < last.end) return workedBefore(last, b) - workedBefore(last, a);
    this.checked("businessMinutes", "start", a);
    this.checked("businessMinutes", "end", b);
    const ya = yearOf(a);
    const yb = yearOf(b);
    if (ya === yb) {
      const chunk = this.chunk(ya);
      return workedBefore(chunk, b) - workedBefore(chunk, a);
    }
    let sum = this.total(ya) - workedBefore(this.chunk(ya), a);
    for (let year = ya + 1; year < yb; year++) sum += this.total(year);
    return sum + workedBefore(this.chunk(yb), b);
  }

  /**
   * The earliest instant t ≥ a with `ms` working milliseconds in [a, t); a itself for ms = 0.
   * When the last millisecond ends at a closing time, t is that closing time.
   */
  add(a: number, ms: number): number {
    this.checked("addBusinessMinutes", "start", a);
    if (ms === 0) return a;
    if (!(ms <= MAX_INSTANT - a)) {
      // Business time never exceeds elapsed time: no due instant inside the range can hold ms.
      throw new CxMetricsError(
        "addBusinessMinutes",
        "DATE_OUT_OF_RANGE",
        `${ms / MINUTE_MS} working minutes from ${new Date(a).toISOString()} end after the supported range ${SUPPORTED_RANGE}`,
        {
          value: ms / MINUTE_MS,
        },
      );
    }
    let year = yearOf(a);
    let chunk = this.chunk(year);
    // Start at a, or at the next opening when a is outside working hours.
    let k = intervalAt(chunk, a);
    let from: number;
    let worked: number;
    if (k >= 0 && a < chunk.ends[k]!) {
      from = a;
      worked = chunk.cum[k]! + (a - chunk.starts[k]!);
    } else {
      k++;
      worked = chunk.cum[k]!;
      from = k < chunk.starts.length ? chunk.starts[k]! : chunk.end;
    }
    // Within the interval that holds `from`: no float sums, so a tiny ms never lands before a.
    if (k < chunk.starts.length && ms <= chunk.ends[k]! - from) return from + ms;
    let target = worked + ms;
    if (target > chunk.total) {
      // Past a's year: skip whole years by their totals (bounded by the supported range).
      target -= chunk.total;
      for (;;) {
        year++;
        if (year > LAST_YEAR) {
          throw new CxMetricsError(
            "addBusinessMinutes",
            "DATE_OUT_OF_RANGE",
            `the due instant falls after the supported range ${SUPPORTED_RANGE}: the calendar has too little working time left`,
            {
              value: a,
            },
          );
        }
        const total = this.total(year);
        if (target <= total) break;
        target -= total;
      }
      chunk = this.chunk(year);
    }
    return Math.max(a, dueIn(chunk, target));
  }
  /**
   * The latest instant s ≤ b with `ms` working milliseconds in [s, b); b itself for ms = 0. When the first
   * millisecond starts at an opening time, s is that opening time (the mirror of {@link CalendarIndex.add}).
   */
  subtract(b: number, ms: number): number {
    this.checked("subtractBusinessMinutes", "end", b);
    if (ms === 0) return b;
    if (!(ms <= b - MIN_INSTANT)) {
      throw new CxMetricsError(
        "subtractBusinessMinutes",
        "DATE_OUT_OF_RANGE",
        `${ms / MINUTE_MS} working minutes before ${new Date(b).toISOString()} start before the supported range ${SUPPORTED_RANGE}`,
        { value: ms / MINUTE_MS },
      );
    }
    let year = yearOf(b);
    let chunk = this.chunk(year);
    const k = intervalAt(chunk, b);
    let worked = 0;
    if (k >= 0) {
      // b, or the closing time before it when b is outside working hours.
      const to = Math.min(b, chunk.ends[k]!);
      // Within that interval: no float sums, so a tiny ms never lands after b.
      if (ms <= to - chunk.starts[k]!) return to - ms;
      worked = chunk.cum[k]! + (to - chunk.starts[k]!);
    }
    let target = worked - ms;
    if (target < 0) {
      // Before b's year: skip whole years by their totals (bounded by the supported range).
      for (;;) {
        year--;
        if (year < FIRST_YEAR) {
          throw new CxMetricsError(
            "subtractBusinessMinutes",
            "DATE_OUT_OF_RANGE",
            `the start falls before the supported range ${SUPPORTED_RANGE}: the calendar has too little working time before ${new Date(b).toISOString()}`,
            { value: b },
          );
        }
        target += this.total(year);
        if (target >= 0) break;
      }
      chunk = this.chunk(year);
    }
    return Math.min(b, startIn(chunk, target));
  }
}

/** The latest instant in a chunk with `target` working milliseconds of the chunk before it (0 ≤ target < total). */
function startIn(chunk: Chunk, target: number): number {
  const cum = chunk.cum;
  // Last interval k with cum[k] ≤ target: a start at an opening time is that opening time.
  let low = 0;
  let high = chunk.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (cum[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  return chunk.starts[low]! + (target - cum[low]!);
}

/** The instant in a chunk with `target` working milliseconds of the chunk before it (0 < target ≤ total). */
function dueIn(chunk: Chunk, target: number): number {
  const cum = chunk.cum;
  // First interval k whose end has cum[k + 1] ≥ target: a due time at a closing time is that closing time.
  let low = 0;
  let high = chunk.starts.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cum[mid + 1]! >= target) high = mid;
    else low = mid + 1;
  }
  return chunk.starts[low]! + (target - cum[low]!);
}
