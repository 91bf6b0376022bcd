// durationStats: the summary of first response or resolution times (n, mean, median, percentiles), with null and bad
// durations counted.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import type { BatchCounts, BatchOptions, ExcludedRow } from "../errors/batch.js";
import { rowPolicy } from "../internal/batch.js";
import { describe, invalid } from "../internal/describe.js";
import { isArrayLike, recordList } from "../internal/records.js";
import { assertAccessor, assertOptions } from "../internal/validate.js";
import { percentilesOf, type PercentileMethod } from "../stats/percentile.js";
import type { Accessor, Values } from "../types.js";

/** Options of {@link durationStats}. */
export interface DurationStatsOptions<T = number> extends BatchOptions {
  /** Percentiles to report, 0-100; default [50, 90, 95]. Each appears as `p50`, `p90`, ... */
  readonly percentiles?: readonly number[];
  /** Percentile method; default `"linear"` (see {@link stats!percentile}). */
  readonly method?: PercentileMethod;
  /**
   * Reads the duration from a record. A record whose accessor returns null or undefined (still
   * open) is skipped and counted in `skipped`; without an accessor every value must be a duration.
   */
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
  /** Records read, used, skipped (null) and left out as bad (`total = used + skipped + excluded`). */
  readonly rows: BatchCounts;
  /** Bad records left out under `invalid: "exclude"`: index, field `""`, value and reason. */
  readonly exclusions: readonly ExcludedRow[];
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
 * selection on one copy of the data (one sort when many percentiles are asked for).
 *
 * Null durations: with an accessor, a record whose duration is null or undefined (still open) is
 * skipped and counted; a value given directly (without an accessor) must be a duration.
 *
 * @throws CxMetricsError `INVALID_VALUE` (with index) for a duration that is NaN, infinite, negative
 *   or not a number (unless `invalid: "exclude"`, which leaves it out and lists it); `EMPTY_INPUT`
 *   for no durations; `INVALID_ARGUMENT` for `percentiles` that is not an array of 0-100; as
 *   {@link stats!percentile} for the method.
 * @example
 * ```ts
 * durationStats([12, 3, 45, 8, 30, 5, 240]);
 * //=> { n: 7, mean: 49, median: 12, min: 3, max: 240, p50: 12, p90: 123, p95: 181.5, skipped: 0, ... }
 * ```
 */
export function durationStats<T = number>(durations: Values<T>, options: DurationStatsOptions<T> = {}): DurationStats {
  const fn = "durationStats";
  assertOptions(fn, options);
  const { percentiles = [50, 90, 95], method, accessor } = options;
  assertAccessor(fn, "accessor", accessor);
  if (!Array.isArray(percentiles))
    throw invalid(fn, "INVALID_ARGUMENT", "percentiles", percentiles, "an array of percents 0-100, such as [50, 90]");
  const policy = rowPolicy(fn, options);
  const list = isArrayLike(durations) ? durations : recordList(fn, "durations", durations);
  const values = new Float64Array(list.length);
  const exclusions: ExcludedRow[] = [];
  let n = 0;
  let skipped = 0;
  for (let i = 0; i < list.length; i++) {
    const v = accessor === undefined ? (list[i] as unknown) : accessor(list[i] as T, i);
    if (typeof v === "number" && v >= 0 && v < Number.POSITIVE_INFINITY) {
      values[n++] = v;
      continue;
    }
    if (accessor !== undefined && (v === null || v === undefined)) {
      skipped++;
      continue;
    }
    const reason = `duration at index ${i} is ${describe(v)}: ${typeof v === "number" && v < 0 ? "negative" : "expected a finite number of minutes ≥ 0"}`;
    if (policy === "throw") throw new CxMetricsError(fn, "INVALID_VALUE", reason, { index: i, value: v });
    exclusions.push({ index: i, id: null, field: "", value: v, code: "INVALID_VALUE", reason: `${fn}: ${reason}` });
  }
  if (n === 0)
    throw new CxMetricsError(
      fn,
      "EMPTY_INPUT",
      skipped + exclusions.length === 0
        ? "no durations"
        : `no durations: ${skipped} skipped as null, ${exclusions.length} excluded`,
    );
  return statsOfDurations(fn, values.subarray(0, n), percentiles, method, {
    rows: { total: list.length, used: n, skipped, excluded: exclusions.length },
    exclusions,
  });
}

/**
 * The statistics of durations already checked (finite numbers ≥ 0, at least one), in a Float64Array that is reordered
 * (the percentiles are selected in it): the mean as the sum in the given order over n, min, max, the median and the
 * percentiles. {@link durationStats} after its checks, and the service-time accumulator over its own minutes.
 */
export function statsOfDurations(
  fn: string,
  values: Float64Array,
  percentiles: readonly number[],
  method: PercentileMethod | undefined,
  counts: { readonly rows: DurationStats["rows"]; readonly exclusions: readonly ExcludedRow[] } = {
    rows: { total: values.length, used: values.length, skipped: 0, excluded: 0 },
    exclusions: [],
  },
): DurationStats {
  const n = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const found = percentilesOf(fn, values, [50, ...percentiles], method === undefined ? {} : { method });
  const result: Record<string, unknown> = {
    n,
    skipped: counts.rows.skipped,
    mean: sum / n,
    median: found[0]!,
    min,
    max,
    rows: counts.rows,
    exclusions: counts.exclusions,
  };
  percentiles.forEach((p, i) => {
    result[`p${p}`] = found[i + 1]!;
  });
  return result as unknown as DurationStats;
}
