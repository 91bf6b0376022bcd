import { invalid } from "./describe.js";
import { assertReadable } from "./records.js";

/** A count: a non-negative integer that a double holds exactly (≤ 2^53 - 1, 9,007,199,254,740,991). */
export function assertCount(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(fn, "INVALID_COUNT", `${name}`, value, "a non-negative integer up to 2^53 - 1");
  }
}

/** A confidence level strictly between 0 and 1 (0.95, not 95). */
export function assertConfidence(fn: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw invalid(fn, "INVALID_CONFIDENCE", "confidence", value, "a fraction strictly between 0 and 1 (0.95, not 95)");
  }
}

/** A percentage in 0-100. */
export function assertPercent(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !(value >= 0 && value <= 100)) {
    throw invalid(fn, "INVALID_PERCENT", `${name}`, value, "a number 0-100");
  }
}

/** One of a fixed set of option values. */
export function assertOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw invalid(fn, "INVALID_OPTION", `${name}`, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
}

/** A finite number (any sign) for an option or a summary statistic. */
export function assertFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid(fn, "INVALID_ARGUMENT", `${name}`, value, "a finite number");
  }
}

/** Options must be an object (or left out), one that can be read (not a revoked Proxy). */
export function assertOptions(fn: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null)) {
    throw invalid(fn, "INVALID_ARGUMENT", "options", value, "an object");
  }
  assertReadable(fn, "options", value);
}

/** A money amount: finite and ≥ 0 (`INVALID_AMOUNT`), with the element's index when there is one. */
export function assertAmount(fn: string, name: string, value: unknown, index?: number): asserts value is number {
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) {
    throw invalid(fn, "INVALID_AMOUNT", name, value, "a finite amount ≥ 0", index);
  }
}

/**
 * A rate as a fraction (`INVALID_RATE`): from `min` (excluded when `minOpen`) to `max`, default 0-1;
 * `max` may be Infinity (a discount rate).
 */
export function assertRate(
  fn: string,
  name: string,
  value: unknown,
  min = 0,
  minOpen = false,
  max = 1,
): asserts value is number {
  const ok =
    typeof value === "number" && Number.isFinite(value) && (minOpen ? value > min : value >= min) && value <= max;
  if (!ok) {
    const range =
      max === Number.POSITIVE_INFINITY ? `${minOpen ? ">" : "≥"} ${min}` : `${minOpen ? ">" : "≥"} ${min} and ≤ ${max}`;
    throw invalid(fn, "INVALID_RATE", name, value, `a fraction ${range} (0.05, not 5)`);
  }
}

/** An object argument (a result, counts, a summary): not null, not a primitive. */
export function assertObject(fn: string, name: string, value: unknown, expected: string): asserts value is object {
  if (typeof value !== "object" || value === null) throw invalid(fn, "INVALID_ARGUMENT", name, value, expected);
  assertReadable(fn, name, value);
}

/** An accessor: a function, or left out. */
export function assertAccessor(fn: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw invalid(fn, "INVALID_ARGUMENT", name, value, "a function such as (r) => r.score");
  }
}
