import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertConfidence, assertCount, assertFinite, assertOptions } from "../internal/validate.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { assertFraction, marginCorrection, samplingDesign, type ZValue } from "./sample-size.js";

/** Input of {@link marginOfError}. */
export interface MarginOfErrorOptions {
  /** Sample size, an integer ≥ 1. */
  readonly n: number;
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Observed or expected proportion, 0-1; default 0.5, the worst case. */
  readonly proportion?: number;
  /** Population size, for the finite-population correction; leave out for unlimited. */
  readonly population?: number;
  /** `"exact"` (default) or `"rounded"` z. */
  readonly z?: ZValue;
}

/** A margin of error with what it came from. */
export interface MarginOfErrorResult {
  /** Half-width of the interval, as a fraction (0.049 = ±4.9 percentage points). */
  readonly marginOfError: number;
  /** The z used. */
  readonly z: number;
  /** The finite-population correction factor √((N - n) / (N - 1)); 1 without a population. */
  readonly finitePopulationCorrection: number;
  /** The sample size. */
  readonly n: number;
  /** The proportion used. */
  readonly proportion: number;
  /** The population, or null. */
  readonly population: number | null;
  /** The confidence level. */
  readonly confidence: number;
}

/**
 * Margin of error of a proportion estimated from n responses: e = z √(p (1 - p) / n), times the
 * finite-population correction √((N - n) / (N - 1)) when the population is given. The exact inverse
 * of {@link sampleSize} before rounding.
 *
 * @throws CxMetricsError `INVALID_COUNT` for n not an integer ≥ 1 or n > population; as {@link sampleSize} otherwise.
 * @example
 * ```ts
 * marginOfError({ n: 385 }).marginOfError; //=> 0.04994... (±5 points)
 * marginOfError({ n: 5 }).marginOfError; //=> 0.438... (Osipov: a handful of checks says nothing)
 * ```
 */
export function marginOfError(options: MarginOfErrorOptions): MarginOfErrorResult {
  const fn = "marginOfError";
  assertOptions(fn, options);
  if (options === undefined) throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object { n, ... }");
  const { n, proportion = 0.5 } = options;
  const design = samplingDesign(fn, options);
  const finitePopulationCorrection = marginCorrection(fn, n, design.population);
  assertFraction(fn, "proportion", proportion, false);
  return {
    marginOfError: design.z * Math.sqrt((proportion * (1 - proportion)) / n) * finitePopulationCorrection,
    z: design.z,
    finitePopulationCorrection,
    n,
    proportion,
    population: design.population,
    confidence: design.confidence,
  };
}

/** Input of {@link meanMarginOfError}. */
export interface MeanMarginOfErrorOptions {
  /** Number of ratings, ≥ 2. */
  readonly n: number;
  /** Sample standard deviation of the ratings (n - 1 denominator). */
  readonly standardDeviation: number;
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
}

/** The margin of error of a mean, with what it came from. */
export interface MeanMarginOfErrorResult {
  /** Half-width t × s / √n, in the unit of the ratings. */
  readonly marginOfError: number;
  /** The t critical value. */
  readonly t: number;
  /** Standard error s / √n. */
  readonly standardError: number;
  /** Degrees of freedom, n - 1. */
  readonly df: number;
  /** Number of ratings. */
  readonly n: number;
  /** The confidence level. */
  readonly confidence: number;
}

/**
 * Margin of error of a mean rating (a CSAT or CES mean), t-based: t(1 - α/2, n - 1) · s / √n,
 * in the unit of the ratings: the half-width of {@link meanConfidenceInterval}.
 *
 * @throws CxMetricsError `TOO_FEW_VALUES` for n < 2; `INVALID_ARGUMENT` for a negative or
 *   non-finite deviation; `INVALID_COUNT`; `INVALID_CONFIDENCE`.
 * @example
 * ```ts
 * meanMarginOfError({ n: 25, standardDeviation: 0.8 }).marginOfError; //=> 0.3302... (R: qt(0.975, 24) * 0.8 / 5)
 * ```
 */
export function meanMarginOfError(options: MeanMarginOfErrorOptions): MeanMarginOfErrorResult {
  const fn = "meanMarginOfError";
  assertOptions(fn, options);
  if (options === undefined)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object { n, standardDeviation }");
  const { n, standardDeviation, confidence = 0.95 } = options;
  assertConfidence(fn, confidence);
  assertFinite(fn, "standardDeviation", standardDeviation);
  if (standardDeviation < 0) throw invalid(fn, "INVALID_ARGUMENT", "standardDeviation", standardDeviation, "≥ 0");
  assertCount(fn, "n", n);
  if (n < 2)
    throw new CxMetricsError(fn, "TOO_FEW_VALUES", `n is ${n}, a t margin needs at least 2 values`, { value: n });
  const { marginOfError, t, standardError, df } = meanConfidenceInterval(
    { mean: 0, standardDeviation, n },
    { confidence },
  );
  return { marginOfError, t, standardError, df, n, confidence };
}
