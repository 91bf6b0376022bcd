import { CxMetricsError } from "../errors/cx-metrics-error.js";
import type { Values } from "../types.js";
import { invalid } from "./describe.js";

/**
 * The most values the library reads from an iterable that is not an array, a typed array, a Set or a Map (a generator,
 * a custom iterable): 16,777,216 (2^24). An endless generator stops there with `TOO_MANY_VALUES` instead of running
 * (and filling memory) forever; arrays and the other finite collections have no limit but their own length.
 */
export const MAX_ITERABLE_VALUES = 2 ** 24;

/** True for a revoked Proxy, which every look at throws a TypeError for (`Array.isArray` throws for nothing else). */
export function isRevokedProxy(value: unknown): boolean {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  try {
    Array.isArray(value);
    return false;
  } catch {
    return true;
  }
}

/** A length an array-like may have: a whole number from 0 (an array or typed array has one by construction). */
function isLength(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Arrays, typed arrays and other objects with a valid length (a string too: its characters are then read). An object
 * whose `length` is not a whole number ≥ 0, or above {@link MAX_ITERABLE_VALUES} for a plain object, is not array-like:
 * {@link recordList} rejects it with a coded error.
 */
export function isArrayLike<T>(values: Values<T>): values is ArrayLike<T> {
  if (isRevokedProxy(values)) return false;
  if (Array.isArray(values) || ArrayBuffer.isView(values) || typeof values === "string") return true;
  if (typeof values !== "object" || values === null) return false;
  const length = (values as { length?: unknown }).length;
  return isLength(length) && length <= MAX_ITERABLE_VALUES;
}

/** Throws the coded error for an input that cannot be read at all (a revoked Proxy). */
export function assertReadable(fn: string, name: string, values: unknown): void {
  if (isRevokedProxy(values))
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", `${name} is a revoked Proxy, which cannot be read`, {
      field: name,
    });
}

/** The error for an iterable that went on past {@link MAX_ITERABLE_VALUES}. */
export function tooManyValues(fn: string, name: string): CxMetricsError {
  return new CxMetricsError(
    fn,
    "TOO_MANY_VALUES",
    `${name} yielded more than ${MAX_ITERABLE_VALUES.toLocaleString("en-US")} values (2^24), the most read from a generator or other iterable; pass an array or a typed array, or read a stream in parts (createSummary, the accumulators)`,
    { field: name },
  );
}

/**
 * Visits the values of an array, a typed array, an array-like or any iterable in order without copying them; an
 * iterable other than a Set or a Map is read up to {@link MAX_ITERABLE_VALUES} values (`TOO_MANY_VALUES` past it).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for something that is neither (a revoked Proxy, an array-like whose length
 *   is not a whole number ≥ 0 or is too large), `TOO_MANY_VALUES`.
 */
export function forEachValue<T>(
  fn: string,
  name: string,
  values: Values<T>,
  visit: (value: T, index: number) => void,
): void {
  assertReadable(fn, name, values);
  if (isArrayLike(values)) {
    const n = values.length;
    for (let i = 0; i < n; i++) visit(values[i] as T, i);
    return;
  }
  const iterator = iteratorOf(fn, name, values);
  const capped = !(values instanceof Set || values instanceof Map);
  let i = 0;
  for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
    if (capped && i === MAX_ITERABLE_VALUES) {
      iterator.return?.();
      throw tooManyValues(fn, name);
    }
    visit(step.value, i++);
  }
}

/** The iterator of an iterable, or the coded error for anything else (an object with a bad length among them). */
function iteratorOf<T>(fn: string, name: string, values: Values<T>): Iterator<T> {
  if (typeof values === "object" && values !== null) {
    const method = (values as Partial<Iterable<T>>)[Symbol.iterator];
    if (typeof method === "function") {
      const iterator = method.call(values);
      if (typeof iterator === "object" && iterator !== null && typeof iterator.next === "function") return iterator;
      throw invalid(fn, "INVALID_ARGUMENT", name, values, "an array or an iterable (its iterator has no next())");
    }
    if ("length" in values) {
      const length = (values as { length: unknown }).length;
      throw invalid(
        fn,
        "INVALID_ARGUMENT",
        `${name}.length`,
        length,
        `a whole number from 0 to ${MAX_ITERABLE_VALUES.toLocaleString("en-US")} for an array-like object (pass an array for more)`,
      );
    }
  }
  throw invalid(fn, "INVALID_ARGUMENT", name, values, "an array or an iterable");
}

/**
 * Reads records from an array, a typed array, an array-like or any iterable into an array (an array as it is; an
 * iterable up to {@link MAX_ITERABLE_VALUES} values).
 *
 * @throws CxMetricsError as {@link forEachValue}.
 */
export function recordList<T>(fn: string, name: string, values: Values<T>): readonly T[] {
  assertReadable(fn, name, values);
  if (Array.isArray(values)) return values;
  if (typeof values !== "object" || values === null)
    throw invalid(fn, "INVALID_ARGUMENT", name, values, "an array or an iterable");
  const list: T[] = [];
  forEachValue(fn, name, values, (value) => {
    list.push(value);
  });
  return list;
}

/** A customer (or other entity) id read from a record: a non-empty string or a number, as a string. */
export function entityId(fn: string, what: string, value: unknown, index: number): string {
  if ((typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value)))
    return String(value);
  throw invalid(fn, "INVALID_ARGUMENT", `${what} at index ${index}`, value, `a ${what} id (string or number)`, index);
}
