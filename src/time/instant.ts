import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { instantError, parseInstant } from "../internal/instant.js";

/** An instant as the library accepts it: a `Date`, an ISO-8601 string with an offset or `Z`, or epoch milliseconds. */
export type Instant = Date | string | number;

/**
 * Reads an instant to epoch milliseconds, or throws `INVALID_DATE` / `DATE_OUT_OF_RANGE` naming the
 * argument (and the element's index, when given).
 */
export function instantMs(fn: string, name: string, value: unknown, index?: number): number {
  const ms = parseInstant(value);
  if (ms === undefined)
    throw instantError(fn, name, value, index === undefined ? { field: name } : { index, field: name });
  return ms;
}

/** Reads a start and an end and checks the order: `END_BEFORE_START` when end < start. */
export function orderedSpan(
  fn: string,
  startName: string,
  start: unknown,
  endName: string,
  end: unknown,
): readonly [number, number] {
  const a = instantMs(fn, startName, start);
  const b = instantMs(fn, endName, end);
  if (b < a) {
    throw new CxMetricsError(
      fn,
      "END_BEFORE_START",
      `${endName} (${new Date(b).toISOString()}) is before ${startName} (${new Date(a).toISOString()})`,
      {
        value: end,
        field: endName,
      },
    );
  }
  return [a, b];
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/**
 * `new Date(ms).toISOString()` for instants in the supported range, by arithmetic (days to a civil date after H.
 * Hinnant's civil_from_days): several times faster, for results that list many instants.
 */
export function isoUtc(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let rest = ms - day * 86_400_000;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.floor(rest - s * 1000);
  return `${y}-${TWO[m]}-${TWO[d]}T${TWO[h]}:${TWO[mi]}:${TWO[s]}.${THREE[milli]}Z`;
}
