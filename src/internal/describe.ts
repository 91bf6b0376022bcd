import { CxMetricsError, type CxMetricsErrorCode } from "../errors/cx-metrics-error.js";

/**
 * Formats a value for an error message: strings quoted, objects as (shortened) JSON, the rest as JavaScript prints it.
 */
export function describe(value: unknown): string {
  try {
    const text =
      typeof value === "bigint"
        ? `${value}n`
        : typeof value === "string" || (typeof value === "object" && value !== null && !(value instanceof Date))
          ? String(JSON.stringify(value))
          : String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    // A Proxy of a Date, or an object whose getters throw: say so without reading it.
    return "a value that cannot be read";
  }
}

/**
 * The library's standard error for a bad value: `fn: what is <value>, expected <expected>`,
 * carrying the value and, for an element of the input, its index.
 */
export function invalid(
  fn: string,
  code: CxMetricsErrorCode,
  what: string,
  value: unknown,
  expected: string,
  index?: number,
): CxMetricsError {
  return new CxMetricsError(
    fn,
    code,
    `${what} is ${describe(value)}, expected ${expected}`,
    index === undefined ? { value } : { index, value },
  );
}
