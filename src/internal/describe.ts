import { CxMetricsError, type CxMetricsErrorCode } from "../errors/cx-metrics-error.js";

/** Formats a value for an error message: strings quoted, objects as (shortened) JSON, the rest as JavaScript prints it. */
export function describe(value: unknown): string {
  if (typeof value !== "object" || value === null || value instanceof Date) {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
  }
  try {
    const json = String(JSON.stringify(value));
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return "object";
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
  return new CxMetricsError(fn, code, `${what} is ${describe(value)}, expected ${expected}`, index === undefined ? { value } : { index, value });
}
