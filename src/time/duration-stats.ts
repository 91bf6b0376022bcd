import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertOptions } from "../internal/validate.js";
import { finiteValues, percentilesOf, type PercentileMethod } from "../stats/percentile.js";
import type { Accessor, Values } from "../types.js";

/** Options of {@link durationStats}. */
export interface DurationStatsOptions<T = number> {
  /** Percentiles to report, 0-100; default [50, 90, 95]. Each appears as `p50`, `p90`, ... */
  readonly percentiles?: readonly number[];
  /** Percentile method; default `"linear"` (see {@link percentile}). */
  readonly method?: PercentileMethod;
  /** Reads the duration from a record; records whose accessor returns null (still open) are skipped and counted. */
  readonly accessor?: Accessor<T, number | null | undefined>;
}

/** Summary statistics of durations, in the unit given (minutes). */
export interface DurationStats {
  /** Number of durations. */
  readonly n: number;
  /** Records skipped because their duration was null (not yet answered or resolved). */
  readonly skipped: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Median (the 50th percentile by the chosen method). */
  readonly median: number;
  /** Smallest duration. */
  readonly min: number;
  /** Largest duration. */
  readonly max: number;
  /** Each requested percentile, keyed `p50`, `p90`, `p95`, `p99.9`, .... */
  readonly [percentile: `p${number}`]: number;
}

/**
 * Summary of durations (first response or resolution times): n, mean, median, min, max and the
 * chosen percentiles. Helpdesks report medians and 90th percentiles rather than means, because
 * durations are skewed: a few tickets waiting over a weekend pull the mean far from the typical case.
 *
 * Percentiles default to the linear method (R type 7, numpy and Excel PERCENTILE.INC); pass
 * `method: "nearest-rank"` to get an observed duration as some helpdesk reports do. Computed by
 * selection on one copy of the data, not a comparator sort.
 *
 * @throws CxMetricsError `INVALID_VALUE` (with index) for NaN, Infinity or a negative duration;
 *   `EMPTY_INPUT` for no durations; as {@link percentile} for the options.
 * @example
 * ```ts
 * durationStats([12, 3, 45, 8, 30, 5, 240]);
 * //=> { n: 7, mean: 49, median: 12, min: 3, max: 240, p50: 12, p90: 123, p95: 181.5, skipped: 0 }
 * ```
 */
export function durationStats<T = number>(durations: Values<T>, options: DurationStatsOptions<T> = {}): DurationStats {
  const fn = "durationStats";
  assertOptions(fn, options);
  const { percentiles = [50, 90, 95], method, accessor } = options;
  const { values: raw, skipped } = presentValues(fn, durations, accessor);
  if (raw.length === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no durations");
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]!;
    if (v < 0) throw new CxMetricsError(fn, "INVALID_VALUE", `duration ${v} is negative`, { value: v });
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const values = percentilesOf(fn, raw, [50, ...percentiles], method === undefined ? {} : { method });
  const result: Record<string, number> = { n: raw.length, skipped, mean: sum / raw.length, median: values[0]!, min, max };
  percentiles.forEach((p, i) => {
    result[`p${p}`] = values[i + 1]!;
  });
  return result as unknown as DurationStats;
}

/** The finite durations, skipping (and counting) records whose accessor gives null or undefined. */
function presentValues<T>(
  fn: string,
  durations: Values<T>,
  accessor: Accessor<T, number | null | undefined> | undefined,
): { values: Float64Array; skipped: number } {
  if (accessor === undefined) return { values: finiteValues(fn, durations, undefined), skipped: 0 };
  const present: number[] = [];
  const all = finiteValues(fn, durations, (item, index) => {
    const value = accessor(item, index);
    if (value === null || value === undefined) return 0;
    present.push(index);
    return value;
  });
  return { values: Float64Array.from(present, (index) => all[index]!), skipped: all.length - present.length };
}
