import { tzOffset } from "@date-fns/tz";

/** Milliseconds in a civil day. */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
}

/**
 * The instant of a wall-clock time in a zone: civil day `civilDay` (UTC midnight of that date, in
 * ms) plus `minutes` after local midnight (may pass 1440 for the next day).
 *
 * DST: a wall time that does not exist (skipped at spring-forward) moves forward by the gap
 * (02:30 → 03:30); a wall time that occurs twice (fall-back) takes the earlier occurrence.
 */
export function wallToInstant(timeZone: string, civilDay: number, minutes: number): number {
  const wall = civilDay + minutes * MINUTE_MS;
  const early = offsetAt(timeZone, wall - 14 * HOUR_MS);
  const late = offsetAt(timeZone, wall + 14 * HOUR_MS);
  if (early === late) return wall - early;
  const withEarly = wall - early;
  const withLate = wall - late;
  const earlyValid = offsetAt(timeZone, withEarly) === early;
  const lateValid = offsetAt(timeZone, withLate) === late;
  if (earlyValid && lateValid) return Math.min(withEarly, withLate);
  if (earlyValid) return withEarly;
  if (lateValid) return withLate;
  return withEarly; // in the gap: the pre-transition offset lands just after it
}

/** The civil day (UTC midnight of the local date, in ms) that holds an instant in the zone. */
export function civilDayOf(timeZone: string, instant: number): number {
  const local = instant + offsetAt(timeZone, instant);
  return Math.floor(local / DAY_MS) * DAY_MS;
}
