/**
 * Time-zone offsets and wall-clock conversion, shared by the business calendars, the parse helpers
 * (local times read in an explicit zone) and the period cuts.
 *
 * Offsets come from the platform's Intl data (`timeZoneName: "longOffset"`, to the second, with
 * its sign: Africa/Monrovia's -00:44:30 before 1972 stays negative, which `@date-fns/tz`'s
 * `tzOffset` 1.5.0 gets wrong). A zone's offsets over a year are read once into segments (the
 * instants where the offset changes) and cached; wall-clock times are then converted by arithmetic.
 */

/** Milliseconds in a civil day. */
export const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

/**
 * How far apart offset samples are when a year's transitions are searched (see `zoneYear`). No two
 * offset changes of any IANA zone lie closer than 7 days apart in 1900-2199 (the closest: Brazil's
 * 2000 change, and Gaza and Hebron's future ones), so a 5-day step finds every one of them.
 */
const SAMPLE_MS = 5 * DAY_MS;
/** Years of zone segments kept at most (the oldest is dropped first). */
const MAX_CACHED_YEARS = 512;

let formatters: Map<string, Intl.DateTimeFormat> | undefined;
let years: Map<string, ZoneSegments> | undefined;

function formatter(timeZone: string): Intl.DateTimeFormat {
  formatters ??= new Map();
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich), to the second. */
export function offsetAt(timeZone: string, instant: number): number {
  const text = formatter(timeZone).format(instant); // "1/1/1960, GMT-00:44:30", or "..., GMT" for zero
  const rest = text.slice(text.lastIndexOf("GMT") + 3);
  if (rest === "") return 0;
  const sign = rest.charCodeAt(0) === 45 /* - */ || rest.charCodeAt(0) === 0x2212 /* − */ ? -1 : 1;
  const [hours = "0", minutes = "0", seconds = "0"] = rest.slice(1).split(":");
  return sign * (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * SECOND_MS;
}

/**
 * A zone's offsets over a span of instants: segment i runs from `starts[i]` to `starts[i + 1]`
 * (the last to `to`) with offset `offsets[i]`.
 */
export interface ZoneSegments {
  readonly from: number;
  readonly to: number;
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

/** The first instant in (low, high] whose offset differs from the offset at low, to the second. */
function transitionBetween(timeZone: string, low: number, high: number, before: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function readSegments(timeZone: string, from: number, to: number): ZoneSegments {
  const starts = [from];
  const offsets = [offsetAt(timeZone, from)];
  let previous = from;
  for (let t = from + SAMPLE_MS; ; t += SAMPLE_MS) {
    const at = Math.min(t, to);
    const offset = offsetAt(timeZone, at);
    const current = offsets[offsets.length - 1]!;
    if (offset !== current) {
      const change = transitionBetween(timeZone, previous, at, current);
      starts.push(change);
      offsets.push(offsetAt(timeZone, change));
      // A second change inside the same sample step: look again from the first one.
      if (offsets[offsets.length - 1] !== offset) {
        previous = change;
        t -= SAMPLE_MS;
        continue;
      }
    }
    previous = at;
    if (at === to) break;
  }
  return { from, to, starts, offsets };
}

/**
 * The zone's segments around a UTC year: from a week before 1 January of `year` to a week after
 * the next 1 January. Cached per zone and year (at most {@link MAX_CACHED_YEARS} kept).
 */
export function zoneYear(timeZone: string, year: number): ZoneSegments {
  years ??= new Map();
  const key = `${timeZone}\u0000${year}`;
  let segments = years.get(key);
  if (segments === undefined) {
    const start = utcYearStart(year);
    segments = readSegments(timeZone, start - 7 * DAY_MS, utcYearStart(year + 1) + 7 * DAY_MS);
    if (years.size >= MAX_CACHED_YEARS) years.delete(years.keys().next().value!);
    years.set(key, segments);
  }
  return segments;
}

/** Epoch milliseconds of 1 January of a year, 00:00 UTC (years 0-99 included: no two-digit year rule). */
export function utcYearStart(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

/**
 * How a wall-clock time that does not exist (skipped at a spring-forward, or a skipped day such as
 * Pacific/Apia's 30 December 2011) becomes an instant:
 * - `"transition"`: the instant of the change, when the wall clock jumps past it. A working interval
 *   then holds exactly the instants whose wall time lies in it (Sunday 01:00-02:30 in Berlin on
 *   30 March 2025 is 01:00-02:00 CET, 60 minutes).
 * - `"shift"`: moved forward by the gap (02:30 → 03:30), as RFC 5545 and Temporal's `"compatible"`
 *   read a recorded time that cannot exist.
 * A wall time that occurs twice (fall-back) takes its first occurrence in both.
 */
export type GapRule = "transition" | "shift";

/**
 * The instant of a wall-clock time `wall` (the wall date and time written as if it were UTC, in ms)
 * in the zone whose segments are given; the segments must cover `wall` ± 1 day.
 */
export function wallToInstantIn(segments: ZoneSegments, wall: number, gap: GapRule): number {
  const { starts, offsets, to } = segments;
  const n = starts.length;
  for (let i = 0; i < n; i++) {
    const instant = wall - offsets[i]!;
    const end = i + 1 < n ? starts[i + 1]! : to;
    if (instant < starts[i]!) {
      if (i === 0) return instant; // before the segments' span: nothing known to shift it
      // Before this segment, past the previous one: the wall time fell in the gap at its start.
      return gap === "transition" ? starts[i]! : wall - offsets[i - 1]!;
    }
    if (instant < end) return instant;
  }
  return wall - offsets[n - 1]!;
}

/** The instant of a wall-clock time in a zone; `wall` is the local date and time written as if it were UTC. */
export function wallToInstant(timeZone: string, wall: number, gap: GapRule): number {
  return wallToInstantIn(zoneYear(timeZone, new Date(wall).getUTCFullYear()), wall, gap);
}

/**
 * The wall-clock time of an instant in a zone (the local date and time written as if it were UTC, in ms), from the
 * cached segments.
 */
export function wallOf(timeZone: string, instant: number): number {
  const { starts, offsets } = zoneYear(timeZone, new Date(instant).getUTCFullYear());
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > instant) i--;
  return instant + offsets[i]!;
}

/** The civil day (UTC midnight of the local date, in ms) that holds an instant in the zone. */
export function civilDayOf(timeZone: string, instant: number): number {
  const local = instant + offsetAt(timeZone, instant);
  return Math.floor(local / DAY_MS) * DAY_MS;
}
