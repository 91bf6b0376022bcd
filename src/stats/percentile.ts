import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertReadable, forEachValue, isArrayLike } from "../internal/records.js";
import { assertAccessor, assertOneOf, assertOptions } from "../internal/validate.js";
import { select } from "./select.js";
import type { Accessor, Values } from "../types.js";

/**
 * Percentile methods, named as in numpy.percentile (Hyndman & Fan 1996 types in brackets):
 * `"inverted-cdf"` (R1; alias `"nearest-rank"`), `"averaged-inverted-cdf"` (R2),
 * `"closest-observation"` (R3), `"interpolated-inverted-cdf"` (R4), `"hazen"` (R5),
 * `"weibull"` (R6; Excel PERCENTILE.EXC inside its range), `"linear"` (R7, the default; Excel
 * PERCENTILE.INC, numpy's and R's default), `"median-unbiased"` (R8), `"normal-unbiased"` (R9), and
 * numpy's `"lower"`, `"higher"`, `"nearest"`, `"midpoint"`.
 */
export type PercentileMethod =
  | "inverted-cdf"
  | "nearest-rank"
  | "averaged-inverted-cdf"
  | "closest-observation"
  | "interpolated-inverted-cdf"
  | "hazen"
  | "weibull"
  | "linear"
  | "median-unbiased"
  | "normal-unbiased"
  | "lower"
  | "higher"
  | "nearest"
  | "midpoint";

/** Every percentile method, for callers that check a name (the command line). */
export const PERCENTILE_METHODS: readonly PercentileMethod[] = [
  "inverted-cdf",
  "nearest-rank",
  "averaged-inverted-cdf",
  "closest-observation",
  "interpolated-inverted-cdf",
  "hazen",
  "weibull",
  "linear",
  "median-unbiased",
  "normal-unbiased",
  "lower",
  "higher",
  "nearest",
  "midpoint",
];

/** Plotting positions (alpha, beta) of the continuous methods R4-R9. */
const CONTINUOUS: Readonly<Partial<Record<PercentileMethod, readonly [number, number]>>> = {
  "interpolated-inverted-cdf": [0, 1],
  hazen: [0.5, 0.5],
  weibull: [0, 0],
  linear: [1, 1],
  "median-unbiased": [1 / 3, 1 / 3],
  "normal-unbiased": [3 / 8, 3 / 8],
};

/** Options of {@link percentile} and {@link percentiles}. */
export interface PercentileOptions<T = number> {
  /** The method; default `"linear"`. */
  readonly method?: PercentileMethod;
  /** Reads the value from a record. */
  readonly accessor?: Accessor<T, unknown>;
}

/**
 * Copies values into a Float64Array, rejecting anything that is not a finite number. Arrays and typed arrays are read
 * by index; other iterables one value at a time into a growing buffer, checked as they come, up to
 * `MAX_ITERABLE_VALUES` (`TOO_MANY_VALUES` past it, so an endless generator stops).
 */
export function finiteValues<T>(
  fn: string,
  values: Values<T>,
  accessor: Accessor<T, unknown> | undefined,
): Float64Array {
  assertAccessor(fn, "accessor", accessor);
  assertReadable(fn, "values", values);
  const check = (raw: T, i: number): number => {
    const v = accessor === undefined ? (raw as unknown) : accessor(raw, i);
    if (typeof v !== "number" || !Number.isFinite(v))
      throw invalid(fn, "INVALID_VALUE", `value at index ${i}`, v, "a finite number", i);
    return v;
  };
  if (isArrayLike(values)) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = check(values[i] as T, i);
    return out;
  }
  let out = new Float64Array(1024);
  let n = 0;
  forEachValue(fn, "values", values, (raw, i) => {
    if (n === out.length) {
      const grown = new Float64Array(2 * out.length);
      grown.set(out);
      out = grown;
    }
    out[n++] = check(raw, i);
  });
  return out.subarray(0, n);
}

/** Beyond this many distinct ranks one sort (O(n log n), once) beats a selection per rank. */
const SELECTIONS_BEFORE_SORT = 8;

/**
 * The order statistics at the given 0-based ranks, by successive selection (each search starts
 * where the previous one left off), O(n) on average per rank; beyond a handful of ranks, by one
 * typed-array sort. `a` is reordered.
 */
export function orderStatistics(a: Float64Array, ranks: readonly number[]): Map<number, number> {
  const wanted = [...new Set(ranks)].sort((x, y) => x - y);
  const found = new Map<number, number>();
  if (wanted.length > SELECTIONS_BEFORE_SORT) {
    a.sort();
    for (const rank of wanted) found.set(rank, a[rank]!);
    return found;
  }
  let from = 0;
  for (const rank of wanted) {
    select(a, rank, from, a.length - 1); // Floyd-Rivest
    found.set(rank, a[rank]!);
    from = rank;
  }
  return found;
}

/** How a method reads a percentile: from which ranks, and how to combine them. */
function plan(
  n: number,
  q: number,
  method: PercentileMethod,
): { ranks: number[]; value: (x: (rank: number) => number) => number } {
  const at = (rank: number): number => Math.min(n - 1, Math.max(0, rank));
  const continuous = CONTINUOUS[method];
  if (continuous !== undefined) {
    const [alpha, beta] = continuous;
    const g = Math.min(n - 1, Math.max(0, n * q + alpha + q * (1 - alpha - beta) - 1));
    const j = Math.floor(g);
    const fraction = g - j;
    return { ranks: [j, at(j + 1)], value: (x) => (fraction === 0 ? x(j) : x(j) + fraction * (x(at(j + 1)) - x(j))) };
  }
  if (
    method === "inverted-cdf" ||
    method === "nearest-rank" ||
    method === "averaged-inverted-cdf" ||
    method === "closest-observation"
  ) {
    const offset = method === "closest-observation" ? -0.5 : 0;
    const h = n * q + offset;
    const j = Math.floor(h); // 1-based rank below
    const exact = h - j === 0;
    const below = at(j - 1);
    const above = at(j);
    if (!exact) return { ranks: [above], value: (x) => x(above) };
    if (method === "averaged-inverted-cdf") return { ranks: [below, above], value: (x) => (x(below) + x(above)) / 2 };
    if (method === "closest-observation" && j % 2 !== 0) return { ranks: [above], value: (x) => x(above) };
    return { ranks: [below], value: (x) => x(below) };
  }
  const g = (n - 1) * q;
  const low = Math.floor(g);
  const high = Math.ceil(g);
  if (method === "lower") return { ranks: [low], value: (x) => x(low) };
  if (method === "higher") return { ranks: [high], value: (x) => x(high) };
  if (method === "midpoint") return { ranks: [low, high], value: (x) => (x(low) + x(high)) / 2 };
  // nearest: round half to even, as numpy
  const nearest = g - low === 0.5 ? (low % 2 === 0 ? low : high) : Math.round(g);
  return { ranks: [nearest], value: (x) => x(nearest) };
}

/**
 * Several percentiles of the same values in one pass of selection (no full sort; the values are
 * copied once into a Float64Array). `ps` are percents 0-100, as numpy.percentile.
 *
 * @throws CxMetricsError `INVALID_VALUE` (with index) for NaN, Infinity or a non-number (a BigInt
 *   too); `INVALID_ARGUMENT` for p outside 0-100, `ps` that is not an array, options that are not an
 *   object or an accessor that is not a function; `EMPTY_INPUT` for no values; `INVALID_OPTION` for
 *   a method.
 * @example
 * ```ts
 * percentiles([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [50, 90]); //=> [4, 6] (numpy: np.percentile(v, [50, 90]))
 * ```
 */
export function percentiles<T = number>(
  values: Values<T>,
  ps: readonly number[],
  options: PercentileOptions<T> = {},
): number[] {
  assertOptions("percentiles", options);
  return percentilesOf("percentiles", finiteValues("percentiles", values, options.accessor), ps, options);
}

/** Percentiles of values already validated into a Float64Array (which is reordered). */
export function percentilesOf(
  fn: string,
  data: Float64Array,
  ps: readonly number[],
  options: { readonly method?: PercentileMethod },
): number[] {
  assertOptions(fn, options);
  const { method = "linear" } = options;
  assertOneOf(fn, "method", method, PERCENTILE_METHODS);
  assertReadable(fn, "percentiles", ps);
  if (!Array.isArray(ps)) throw invalid(fn, "INVALID_ARGUMENT", "percentiles", ps, "an array of percents 0-100");
  for (const p of ps)
    if (typeof p !== "number" || !(p >= 0 && p <= 100))
      throw invalid(fn, "INVALID_ARGUMENT", "p", p, "a percent 0-100 (90, not 0.9)");
  if (data.length === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no values");
  const plans = ps.map((p) => plan(data.length, p / 100, method));
  const found = orderStatistics(
    data,
    plans.flatMap((entry) => entry.ranks),
  );
  return plans.map((entry) => entry.value((rank) => found.get(rank)!));
}

/**
 * The p-th percentile (p in 0-100, as numpy.percentile) of numbers, by a named method.
 *
 * Default `"linear"` (R type 7): with the values sorted x₀ ≤ … ≤ xₙ₋₁, h = (n − 1) p/100 and the
 * result x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋); the same as numpy's and R's default and Excel PERCENTILE.INC.
 * `"nearest-rank"` (R type 1) returns an observed value: the smallest x with at least p% of the
 * values at or below it. Computed by selection, O(n) on average, never a comparator sort.
 *
 * @throws CxMetricsError as {@link percentiles}.
 * @example
 * ```ts
 * percentile([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], 95); //=> 7.5 (numpy linear)
 * percentile([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], 95, { method: "nearest-rank" }); //=> 9
 * ```
 */
export function percentile<T = number>(values: Values<T>, p: number, options: PercentileOptions<T> = {}): number {
  assertOptions("percentile", options);
  return percentilesOf("percentile", finiteValues("percentile", values, options.accessor), [p], options)[0]!;
}
