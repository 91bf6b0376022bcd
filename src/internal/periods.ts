import { DAY_MS, offsetAt, utcYearStart, wallToInstant, zoneYear } from "./zone.js";

/** Calendar periods: days, ISO weeks (Monday to Sunday), months, quarters, years. */
export type PeriodUnit = "day" | "week" | "month" | "quarter" | "year";

/**
 * Months since year 0 (year × 12 + month, January = 0) of a day count since 1970-01-01, by Howard
 * Hinnant's civil-from-days algorithm (no Date object per call).
 */
export function monthOfDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10; // 0-based, January = 0
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/**
 * A period index: consecutive integers for consecutive periods, from the local wall time
 * (the local date and time written as if it were UTC, in ms).
 */
export function periodIndexOfWall(wall: number, unit: PeriodUnit): number {
  const days = Math.floor(wall / DAY_MS);
  if (unit === "day") return days;
  // 1970-01-05 was a Monday: ISO weeks count from it.
  if (unit === "week") return Math.floor((days - 4) / 7);
  const months = monthOfDays(days);
  const year = Math.floor(months / 12);
  const month = months - year * 12;
  if (unit === "month") return year * 12 + month;
  if (unit === "quarter") return year * 4 + Math.floor(month / 3);
  return year;
}

/** The local wall time (as if UTC, in ms) at which a period starts. */
export function periodStartWall(index: number, unit: PeriodUnit): number {
  if (unit === "day") return index * DAY_MS;
  if (unit === "week") return (index * 7 + 4) * DAY_MS;
  if (unit === "month") return Date.UTC(Math.floor(index / 12), index % 12, 1);
  if (unit === "quarter") return Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1);
  return Date.UTC(index, 0, 1);
}

/** The label of a period: `2025-03-07`, `2025-W10` (ISO week-year and week), `2025-03`, `2025-Q1`, `2025`. */
export function periodLabel(index: number, unit: PeriodUnit): string {
  const pad = (value: number): string => String(value).padStart(2, "0");
  if (unit === "day") return new Date(index * DAY_MS).toISOString().slice(0, 10);
  if (unit === "week") {
    // The ISO week-year is the year of the week's Thursday; its week 1 holds the year's first Thursday.
    const thursday = new Date((index * 7 + 7) * DAY_MS);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
    return `${year}-W${pad(week)}`;
  }
  if (unit === "month") return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  if (unit === "quarter") return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return String(index);
}

/** An instant as ISO-8601 with the zone's offset at it: `2025-02-01T00:00:00.000+01:00`. */
export function isoWithOffset(instant: number, timeZone: string): string {
  const offset = offsetAt(timeZone, instant);
  const local = new Date(instant + offset).toISOString().slice(0, 23);
  const size = Math.abs(offset) / 1000;
  const pad = (value: number): string => String(value).padStart(2, "0");
  const seconds = size % 60 === 0 ? "" : `:${pad(size % 60)}`;
  return `${local}${offset < 0 ? "-" : "+"}${pad(Math.floor(size / 3600))}:${pad(Math.floor(size / 60) % 60)}${seconds}`;
}

/**
 * The cuts between consecutive periods over a span, as instants in a zone, computed once; a period
 * index for an instant is then a binary search, with no time-zone work per row.
 */
export interface PeriodCuts {
  /** The unit. */
  readonly unit: PeriodUnit;
  /** Index of the first period. */
  readonly first: number;
  /** `starts[k]`: the instant period `first + k` starts; one more than there are periods (the end of the last). */
  readonly starts: Float64Array;
}

/** The period cuts from the period holding `from` to the period holding `to` (instants), in a zone. */
export function periodCuts(timeZone: string, unit: PeriodUnit, from: number, to: number): PeriodCuts {
  const first = periodIndexOfWall(from + offsetAt(timeZone, from), unit);
  const last = periodIndexOfWall(to + offsetAt(timeZone, to), unit);
  const starts = new Float64Array(last - first + 2);
  for (let k = 0; k < starts.length; k++)
    starts[k] = wallToInstant(timeZone, periodStartWall(first + k, unit), "shift");
  return { unit, first, starts };
}

/** The last index in [0, last] whose start is ≤ t (0 when none is), by binary search over sorted starts. */
function lastStartAtOrBefore(starts: ArrayLike<number>, last: number, t: number): number {
  let low = 0;
  let high = last;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= t) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The period index of an instant inside the cuts' span. */
export function periodOf(cuts: PeriodCuts, t: number): number {
  return cuts.first + lastStartAtOrBefore(cuts.starts, cuts.starts.length - 2, t);
}

/** Milliseconds in an hour: the hour table's step. */
const HOUR_MS = 3_600_000;
/** An hour of the table not filled yet. */
const UNFILLED = -2_147_483_648;
/** An hour in which a period starts or the offset changes: its instants are looked up one by one. */
const MIXED = -2_147_483_647;
/** UTC years an hour table spans at most (8,784 hours, 35 kB a year); instants outside it are looked up one by one. */
export const HOUR_TABLE_YEARS = 40;
/** Instants a clock looks up one by one before it makes its hour table (a small report never makes one). */
export const HOUR_TABLE_AFTER = 4096;

/**
 * A function from an instant to its period index in a zone, for instants in any order: {@link zoneStretches}'
 * lookup with a table of the period of each UTC hour. An hour in which no period starts and the offset does not change
 * has one period for all its instants, read from the table (a division and an array read, where the stretch lookup
 * and the calendar arithmetic took about 200 ns a record on a file whose dates come in no order); the other hours (one
 * a period in most zones; for daily periods in a zone whose offset is not whole hours, one a day) keep the lookup. The
 * table is made after {@link HOUR_TABLE_AFTER} lookups, covers consecutive UTC years (at most
 * {@link HOUR_TABLE_YEARS}), and an hour of it is filled the first time an instant falls in it; no allocation per call.
 */
export function periodClock(timeZone: string, unit: PeriodUnit): (instant: number) => number {
  const zone = zoneStretches(timeZone);
  const slow = (instant: number): number => periodIndexOfWall(instant + zone.offset(instant), unit);
  let lookups = 0;
  let firstHour = 0;
  let firstYear = 0;
  let lastYear = -1;
  let table = new Int32Array(0);
  /** The period of every instant of an hour of the table, or MIXED (no two offset changes lie within an hour: zone.ts). */
  const hourPeriod = (slot: number): number => {
    const start = (firstHour + slot) * HOUR_MS;
    const end = start + HOUR_MS - 1;
    const period = slow(start);
    return period === slow(end) && zone.offset(start) === zone.offset(end) ? period : MIXED;
  };
  /** The period of an instant whose hour is not in the table yet: the table is grown for its year if it can be. */
  const unfilled = (instant: number): number => {
    if (lookups < HOUR_TABLE_AFTER || !Number.isFinite(instant)) {
      lookups++;
      return slow(instant);
    }
    const year = new Date(instant).getUTCFullYear();
    if (year < firstYear || year > lastYear) {
      const low = lastYear < firstYear ? year : Math.min(firstYear, year);
      const high = lastYear < firstYear ? year : Math.max(lastYear, year);
      if (high - low + 1 > HOUR_TABLE_YEARS) return slow(instant);
      const lowHour = utcYearStart(low) / HOUR_MS;
      const grown = new Int32Array(utcYearStart(high + 1) / HOUR_MS - lowHour).fill(UNFILLED);
      if (table.length > 0) grown.set(table, firstHour - lowHour);
      table = grown;
      firstHour = lowHour;
      firstYear = low;
      lastYear = high;
    }
    const slot = Math.floor(instant / HOUR_MS) - firstHour;
    if (table[slot] === UNFILLED) table[slot] = hourPeriod(slot);
    const period = table[slot]!;
    return period === MIXED ? slow(instant) : period;
  };
  return (instant) => {
    const slot = Math.floor(instant / HOUR_MS) - firstHour;
    const period = slot >= 0 && slot < table.length ? table[slot]! : UNFILLED;
    if (period > MIXED) return period;
    return period === MIXED ? slow(instant) : unfilled(instant);
  };
}

/**
 * A zone's offset at any instant, for instants in any order. The offsets are kept as one sorted list of stretches
 * (each UTC year's segments, clipped to the year, loaded the first time an instant falls in it); the stretch last used
 * is tried first, then a binary search. No zone work and no allocation per call once the years are loaded.
 */
function zoneStretches(timeZone: string): { readonly offset: (instant: number) => number } {
  const starts: number[] = [];
  const ends: number[] = [];
  const offsets: number[] = [];
  let last = -1;
  const load = (instant: number): void => {
    const year = new Date(instant).getUTCFullYear();
    const from = utcYearStart(year);
    const to = utcYearStart(year + 1);
    const segments = zoneYear(timeZone, year);
    const add: [number, number, number][] = [];
    for (let i = 0; i < segments.starts.length; i++) {
      const start = Math.max(from, segments.starts[i]!);
      const end = Math.min(to, i + 1 < segments.starts.length ? segments.starts[i + 1]! : segments.to);
      if (start < end) add.push([start, end, segments.offsets[i]!]);
    }
    const all = starts
      .map((start, i): [number, number, number] => [start, ends[i]!, offsets[i]!])
      .concat(add)
      .sort((a, b) => a[0] - b[0]);
    starts.length = ends.length = offsets.length = 0;
    for (const [start, end, offset] of all) {
      starts.push(start);
      ends.push(end);
      offsets.push(offset);
    }
  };
  const find = (instant: number): number => {
    const i = lastStartAtOrBefore(starts, starts.length - 1, instant);
    return starts.length > 0 && starts[i]! <= instant && instant < ends[i]! ? i : -1;
  };
  return {
    offset(instant) {
      if (last === -1 || !(instant >= starts[last]! && instant < ends[last]!)) {
        let found = find(instant);
        if (found === -1) {
          load(instant);
          found = find(instant);
        }
        last = found;
      }
      return offsets[last]!;
    },
  };
}

/** The first instant of a period and of the next one, in a zone. */
export function periodBounds(
  timeZone: string,
  unit: PeriodUnit,
  index: number,
): { readonly start: number; readonly end: number } {
  return {
    start: wallToInstant(timeZone, periodStartWall(index, unit), "shift"),
    end: wallToInstant(timeZone, periodStartWall(index + 1, unit), "shift"),
  };
}
