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
  if (ms === undefined) throw instantError(fn, name, value, index === undefined ? {} : { index });
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
