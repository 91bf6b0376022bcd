import type { Values } from "../types.js";
import { invalid } from "./describe.js";

/** Arrays, typed arrays and other objects with a length (a string too: its characters are then read). */
export function isArrayLike<T>(values: Values<T>): values is ArrayLike<T> {
  return typeof (values as { length?: unknown } | null)?.length === "number";
}

/** Reads records from an array, a typed array, an array-like or any iterable into an array. */
export function recordList<T>(fn: string, name: string, values: Values<T>): readonly T[] {
  if (Array.isArray(values)) return values;
  if (typeof values === "object" && values !== null && (Symbol.iterator in values || "length" in values)) {
    return Array.from(values as ArrayLike<T>);
  }
  throw invalid(fn, "INVALID_ARGUMENT", name, values, "an array or an iterable");
}

/** A customer (or other entity) id read from a record: a non-empty string or a number, as a string. */
export function entityId(fn: string, what: string, value: unknown, index: number): string {
  if ((typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value)))
    return String(value);
  throw invalid(fn, "INVALID_ARGUMENT", `${what} at index ${index}`, value, `a ${what} id (string or number)`, index);
}
