import type { Accessor, Values } from "../types.js";
import { invalid } from "./describe.js";
import { isArrayLike, recordList } from "./records.js";
import { assertAccessor } from "./validate.js";

/**
 * Counts ratings on an integer scale `min..max` in one pass: `counts[k]` is the number of
 * ratings equal to `min + k`. Throws `INVALID_SCORE` at the first rating that is not an integer
 * on the scale (NaN, Infinity, a string, 11 on 0-10, 4.5 on 1-5). An empty input gives all-zero
 * counts; the caller decides what that means. Arrays and typed arrays are read in place by index;
 * other iterables (a Set, a generator) are copied into an array first.
 */
export function tallyScale<T>(
  fn: string,
  values: Values<T>,
  accessor: Accessor<T, unknown> | undefined,
  min: number,
  max: number,
): Float64Array {
  assertAccessor(fn, "accessor", accessor);
  const span = max - min;
  const counts = new Float64Array(span + 1);
  const onBad = (index: number, value: unknown): never => {
    throw invalid(fn, "INVALID_SCORE", `score at index ${index}`, value, `an integer ${min}-${max}`, index);
  };
  // Arrays and typed arrays are read in place; other iterables are first copied into an array.
  const list: ArrayLike<T> = isArrayLike(values) ? values : recordList(fn, "ratings", values);
  const n = list.length;
  if (accessor === undefined) {
    // The hot path, kept free of the accessor call.
    for (let i = 0; i < n; i++) {
      const v = list[i] as unknown;
      // The type first: a BigInt would throw in the subtraction.
      const k = typeof v === "number" ? v - min : -1;
      if (k >= 0 && k <= span && k === Math.floor(k)) counts[k]!++;
      else onBad(i, v);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = accessor(list[i] as T, i);
      // The type first: a BigInt would throw in the subtraction.
      const k = typeof v === "number" ? v - min : -1;
      if (k >= 0 && k <= span && k === Math.floor(k)) counts[k]!++;
      else onBad(i, v);
    }
  }
  return counts;
}
