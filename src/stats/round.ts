import { invalid } from "../internal/describe.js";

/**
 * Rounds to `digits` decimals, halves away from zero, as a report (or Excel's `ROUND`) does:
 * `round(49.5)` is 50, `round(-49.5)` is -50, `round(1.005, 2)` is 1.01.
 *
 * Results everywhere in cx-metrics are unrounded; use this to reproduce a published figure
 * (NPS to an integer, CSAT to one decimal). The value is shifted by its decimal representation
 * (`"1.005e2"`), not multiplied in binary, so `1.005` is not read as 1.00499999....
 *
 * @param value - a finite number.
 * @param digits - decimals to keep, an integer 0-15 (negative rounds to tens, hundreds, ...); default 0.
 * @throws CxMetricsError `INVALID_ARGUMENT` for a non-finite value or a non-integer digits.
 * @example
 * ```ts
 * round(54.545, 1); //=> 54.5
 * round(4.25, 1); //=> 4.3
 * ```
 */
export function round(value: number, digits = 0): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid("round", "INVALID_ARGUMENT", "value", value, "a finite number");
  }
  if (!Number.isInteger(digits) || digits < -15 || digits > 15) {
    throw invalid("round", "INVALID_ARGUMENT", "digits", digits, "an integer -15..15");
  }
  const shifted = Math.round(shift(Math.abs(value), digits));
  const result = shift(shifted, -digits);
  return value < 0 ? -result : result;
}

/** value × 10^digits through the decimal text (`"1.005e2"`), exact for what the text shows; works for `1e+21` too. */
function shift(value: number, digits: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}
