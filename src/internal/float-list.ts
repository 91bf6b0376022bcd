// A list of doubles in one Float64Array that doubles its capacity as it grows: 8 bytes a value, one object, where a
// number[] of a million durations filled by push holds more (growth slack, boxed values after a structured clone) and
// costs the garbage collector more.

/** The smallest capacity allocated. */
const FIRST_CAPACITY = 16;

/**
 * A growing list of doubles: `push` one value, `append` many (from an array or a typed array, in order), `view()` the
 * values so far (a view of the buffer, valid until the next push), `toArray()` a plain copy for JSON.
 */
export interface FloatList {
  /** The number of values. */
  readonly length: number;
  /** Adds a value at the end. */
  push(value: number): void;
  /** Adds values at the end, in their order (a copy of memory for a typed array). */
  append(values: ArrayLike<number>): void;
  /** The values as a view of the buffer (not a copy: valid until the next push or append; do not write to it). */
  view(): Float64Array;
  /** The values as a plain array (a copy), for JSON. */
  toArray(): number[];
}

/**
 * An empty list, with room for `capacity` values before it first grows.
 *
 * @example
 * ```ts
 * const list = floatList();
 * list.push(1.5);
 * list.append([2, 3]);
 * list.toArray(); //=> [1.5, 2, 3]
 * ```
 */
export function floatList(capacity = FIRST_CAPACITY): FloatList {
  let buffer = new Float64Array(Math.max(FIRST_CAPACITY, capacity));
  let length = 0;
  /** Room for `more` values: the capacity doubled (or more, for a large append), the values copied once. */
  const reserve = (more: number): void => {
    const needed = length + more;
    if (needed <= buffer.length) return;
    let capacity = buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Float64Array(capacity);
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  };
  return {
    get length() {
      return length;
    },
    push(value) {
      if (length === buffer.length) reserve(1);
      buffer[length++] = value;
    },
    append(values) {
      const n = values.length;
      reserve(n);
      if (values instanceof Float64Array) buffer.set(values, length);
      else for (let i = 0; i < n; i++) buffer[length + i] = values[i]!;
      length += n;
    },
    view: () => buffer.subarray(0, length),
    toArray() {
      const out = new Array<number>(length);
      for (let i = 0; i < length; i++) out[i] = buffer[i]!;
      return out;
    },
  };
}
