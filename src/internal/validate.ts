import { invalid } from "./describe.js";

/** A count: a finite, non-negative integer. */
export function assertCount(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw invalid(fn, "INVALID_COUNT", `${name}`, value, "a non-negative integer");
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

/** Options must be an object (or left out). */
export function assertOptions(fn: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "object" || value === null)) {
    throw invalid(fn, "INVALID_ARGUMENT", "options", value, "an object");
  }
}
