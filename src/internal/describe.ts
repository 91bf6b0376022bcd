import { CxMetricsError, type CxMetricsErrorCode } from "../errors/cx-metrics-error.js";

/** Formats a value for an error message: strings quoted, objects as (shortened) JSON, the rest as JavaScript prints it. */
export function describe(value: unknown): string {
  try {
    if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (typeof value === "bigint") return `${String(value)}n (a BigInt)`;
    if (typeof value !== "object" || value === null) return String(value);
    if (value instanceof Date) return Number.isNaN(Date.prototype.getTime.call(value)) ? "Invalid Date" : Date.prototype.toISOString.call(value);
    const json = String(JSON.stringify(value));
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    // A Proxy or an object whose getters throw: say what it is without reading it.
    return Array.isArray(value) ? "an array" : `an object that cannot be read (${typeof value})`;
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
