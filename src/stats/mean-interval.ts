import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertConfidence, assertCount, assertFinite, assertObject, assertOptions } from "../internal/validate.js";
import { invalid } from "../internal/describe.js";
import { studentTQuantile } from "./student-t.js";

/** A sample summarised by its mean, sample standard deviation (n - 1 denominator) and size. */
export interface MeanSummary {
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation with the n - 1 denominator. */
  readonly standardDeviation: number;
  /** Sample size, ≥ 2. */
  readonly n: number;
}

/** Options of {@link meanConfidenceInterval}. */
export interface MeanIntervalOptions {
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
}

/** A t-based confidence interval for a mean, in the unit of the data. */
export interface MeanInterval {
  /** Lower bound. */
  readonly low: number;
  /** Upper bound. */
  readonly high: number;
  /** The sample mean, the centre of the interval. */
  readonly mean: number;
  /** Half-width: t × standard error. */
  readonly marginOfError: number;
  /** Sample standard deviation s, as given. */
  readonly standardDeviation: number;
  /** Standard error s / √n. */
  readonly standardError: number;
  /** Degrees of freedom, n - 1. */
  readonly df: number;
  /** The t critical value used. */
  readonly t: number;
  /** Sample size. */
  readonly n: number;
  /** The confidence level used. */
  readonly confidence: number;
}

/**
 * Student-t confidence interval for a mean: mean ± t(1 - α/2, n - 1) · s / √n.
 * The same as R `t.test(x)$conf.int` and scipy `stats.t.interval`.
 *
 * The bounds are not clipped to the rating scale: with few ratings near the end of a scale the
 * interval can pass it, which is a sign that the sample is too small.
 *
 * @param summary - mean, sample standard deviation and n (n ≥ 2).
 * @throws CxMetricsError `TOO_FEW_VALUES` when n < 2, `INVALID_COUNT` for a fractional n,
 *   `INVALID_ARGUMENT` for a summary that is not an object, or a negative or non-finite mean or
 *   deviation; `INVALID_CONFIDENCE`.
 * @example
 * ```ts
 * meanConfidenceInterval({ mean: 4.2, standardDeviation: 0.8, n: 25 });
 * //=> { low: 3.8697..., high: 4.5302..., t: 2.0639..., df: 24, ... }
 * ```
 */
export function meanConfidenceInterval(summary: MeanSummary, options: MeanIntervalOptions = {}): MeanInterval {
  const fn = "meanConfidenceInterval";
  assertOptions(fn, options);
  const { confidence = 0.95 } = options;
  assertConfidence(fn, confidence);
  assertObject(fn, "summary", summary, "{ mean, standardDeviation, n }");
  const { mean, standardDeviation, n } = summary;
  assertFinite(fn, "mean", mean);
  assertFinite(fn, "standardDeviation", standardDeviation);
  if (standardDeviation < 0) {
    throw invalid(fn, "INVALID_ARGUMENT", "standardDeviation", standardDeviation, "≥ 0");
  }
  assertCount(fn, "n", n);
  if (n < 2)
    throw new CxMetricsError(fn, "TOO_FEW_VALUES", `n is ${n}, a t interval needs at least 2 values`, { value: n });
  const df = n - 1;
  const t = studentTQuantile(1 - (1 - confidence) / 2, df);
  const standardError = standardDeviation / Math.sqrt(n);
  const marginOfError = t * standardError;
  return {
    low: mean - marginOfError,
    high: mean + marginOfError,
    mean,
    marginOfError,
    standardDeviation,
    standardError,
    df,
    t,
    n,
    confidence,
  };
}
