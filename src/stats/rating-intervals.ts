// The intervals of a CSAT or CES result: a proportion interval for the percentage, a t interval for the mean.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertConfidence, assertCount, assertOneOf, assertOptions } from "../internal/validate.js";
import type { RatingBucket } from "../types.js";
import { meanConfidenceInterval, type MeanInterval, type MeanSummary } from "./mean-interval.js";
import { proportionInterval, type ProportionInterval, type ProportionIntervalMethod } from "./proportion-interval.js";

/** Options of the CSAT and CES interval functions. */
export interface RatingIntervalOptions {
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Method for the percentage's interval; default `"wilson"`. */
  readonly method?: ProportionIntervalMethod;
}

/**
 * A {@link ProportionInterval} for a figure reported as a percentage: `low`, `high`, `estimate` and
 * `center` are in percent points (0-100) instead of fractions; the other fields are the same.
 */
export type PercentInterval = ProportionInterval;

/** Intervals for both figures of a rating metric: the percentage and the mean. */
export interface RatingIntervals {
  /** Interval for the percentage (CSAT percent, CES percent easy), in percent points. */
  readonly percent: PercentInterval;
  /** t interval for the mean rating, on the rating scale. */
  readonly mean: MeanInterval;
}

/** The figures of a rating result that the intervals need. */
export interface RatingSample {
  readonly successes: number;
  readonly denominator: number;
  readonly distribution: readonly RatingBucket[];
}

/**
 * Mean and sample standard deviation (n - 1 denominator) of tallied ratings, in two passes over
 * the buckets (mean first, then squared deviations), which keeps the variance exact for ratings.
 */
function summarizeDistribution(fn: string, distribution: readonly RatingBucket[]): MeanSummary {
  if (!Array.isArray(distribution))
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "result.distribution",
      distribution,
      "the distribution of a csat or ces result",
    );
  let n = 0;
  let sum = 0;
  for (const bucket of distribution) {
    const { value, count } = (bucket ?? {}) as Partial<RatingBucket>;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw invalid(fn, "INVALID_ARGUMENT", "a distribution value", value, "a finite number");
    assertCount(fn, "a distribution count", count);
  }
  for (const { value, count } of distribution) {
    n += count;
    sum += value * count;
  }
  const mean = sum / n;
  let squares = 0;
  for (const { value, count } of distribution) squares += count * (value - mean) ** 2;
  return { mean, standardDeviation: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n };
}

/**
 * Intervals for a rating metric: {@link proportionInterval} for the percentage (× 100) and
 * {@link meanConfidenceInterval} for the mean. Shared by CSAT and CES.
 */
export function ratingIntervals(fn: string, sample: RatingSample, options: RatingIntervalOptions): RatingIntervals {
  assertOptions(fn, options);
  // Validate here so that errors name the function the user called.
  if (options.confidence !== undefined) assertConfidence(fn, options.confidence);
  if (options.method !== undefined) {
    assertOneOf(fn, "method", options.method, ["wilson", "agresti-coull", "wald", "clopper-pearson", "jeffreys"]);
  }
  const summary = summarizeDistribution(fn, sample.distribution);
  if (summary.n < 2)
    throw new CxMetricsError(
      fn,
      "TOO_FEW_VALUES",
      `${summary.n} rating(s): a t interval for the mean needs at least 2`,
    );
  const share = proportionInterval(sample.successes, sample.denominator, options);
  const mean = meanConfidenceInterval(
    summary,
    options.confidence === undefined ? {} : { confidence: options.confidence },
  );
  return {
    percent: {
      low: 100 * share.low,
      high: 100 * share.high,
      estimate: 100 * share.estimate,
      center: 100 * share.center,
      clipped: share.clipped,
      successes: share.successes,
      n: share.n,
      method: share.method,
      confidence: share.confidence,
    },
    mean,
  };
}
