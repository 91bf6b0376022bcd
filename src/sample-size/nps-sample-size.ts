import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertOneOf, assertOptions, assertPercent } from "../internal/validate.js";
import { finiteSample, marginCorrection, samplingDesign, type SampleSizeRounding, type ZValue } from "./sample-size.js";

/** Expected NPS shares, in percent 0-100 (for example from last quarter's result). */
export interface ExpectedNpsShares {
  /** Expected promoters, 0-100 percent. */
  readonly promoterPercent: number;
  /** Expected detractors, 0-100 percent. */
  readonly detractorPercent: number;
}

/** Options of {@link npsSampleSize}. */
export interface NpsSampleSizeOptions {
  /** Wanted margin of error in NPS points (5 = ±5 points). */
  readonly marginOfError: number;
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Expected shares; default the worst case (half promoters, half detractors: variance 1). */
  readonly expected?: ExpectedNpsShares;
  /** Population size, for the finite-population correction; leave out for unlimited. */
  readonly population?: number;
  /** `"up"` (default) or `"nearest"`. */
  readonly rounding?: SampleSizeRounding;
  /** `"exact"` (default) or `"rounded"` z. */
  readonly z?: ZValue;
}

/** Responses needed for an NPS margin, with what they came from. */
export interface NpsSampleSizeResult {
  /** Responses needed, rounded as asked, never more than the population. */
  readonly n: number;
  /** z² · variance / e², before the finite-population correction. */
  readonly n0: number;
  /** After the correction, before rounding. */
  readonly unrounded: number;
  /** Variance of one response's score (+1 / 0 / -1): p_pro + p_det - (p_pro - p_det)². */
  readonly variance: number;
  /** The z used. */
  readonly z: number;
  /** The margin of error in NPS points. */
  readonly marginOfError: number;
  /** The confidence level. */
  readonly confidence: number;
  /** The population, or null. */
  readonly population: number | null;
}

/** Variance of one NPS response from shares in percent; 1 (the maximum) when none are given. */
export function npsVariance(fn: string, expected: ExpectedNpsShares | undefined): number {
  if (expected === undefined) return 1;
  if (typeof expected !== "object" || expected === null) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `expected is ${describe(expected)}, expected { promoterPercent, detractorPercent } or left out`,
      { value: expected },
    );
  }
  assertPercent(fn, "expected.promoterPercent", expected.promoterPercent);
  assertPercent(fn, "expected.detractorPercent", expected.detractorPercent);
  const pro = expected.promoterPercent / 100;
  const det = expected.detractorPercent / 100;
  if (pro + det > 1 + 1e-9) {
    throw new CxMetricsError(fn, "INVALID_PERCENT", "expected promoter and detractor shares add up to more than 100", {
      value: expected,
    });
  }
  return pro + det - (pro - det) ** 2;
}

/**
 * Responses an NPS survey needs for a margin of error in NPS points.
 *
 * Each response scores +1, 0 or -1, so the NPS is a mean with variance
 * p_pro + p_det - (p_pro - p_det)², at most 1 (half promoters, half detractors). Then
 * n0 = z² · variance / (e / 100)², with the finite-population correction when a population is given.
 * The worst case is 1, not the 0.25 of a plain proportion: an NPS needs about 4 times the responses
 * of a CSAT share for the same margin (±5 points at 95%: 1,537 responses against 385).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for a margin that is not a positive number of points ≤ 200;
 *   `INVALID_PERCENT` for bad expected shares; `INVALID_CONFIDENCE`; `INVALID_COUNT` for a bad population.
 * @example
 * ```ts
 * npsSampleSize({ marginOfError: 5 }).n; //=> 1537
 * npsSampleSize({ marginOfError: 5, expected: { promoterPercent: 70, detractorPercent: 20 } }).n; //=> 999
 * ```
 */
export function npsSampleSize(options: NpsSampleSizeOptions): NpsSampleSizeResult {
  const fn = "npsSampleSize";
  assertOptions(fn, options);
  if (options === undefined)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object { marginOfError, ... }");
  const { marginOfError, rounding = "up" } = options;
  if (typeof marginOfError !== "number" || !(marginOfError > 0 && marginOfError <= 200)) {
    throw invalid(fn, "INVALID_ARGUMENT", "marginOfError", marginOfError, "NPS points > 0 (5 = ±5 points)");
  }
  assertOneOf(fn, "rounding", rounding, ["up", "nearest"]);
  const design = samplingDesign(fn, options);
  const variance = npsVariance(fn, options.expected);
  if (variance === 0) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      "the expected shares have no variance (all promoters, all detractors or all passives)",
      {
        value: options.expected,
      },
    );
  }
  const e = marginOfError / 100;
  const n0 = (design.z * design.z * variance) / (e * e);
  const { n, unrounded } = finiteSample(n0, design.population, rounding);
  return {
    n,
    n0,
    unrounded,
    variance,
    z: design.z,
    marginOfError,
    confidence: design.confidence,
    population: design.population,
  };
}

/** Options of {@link npsMarginOfError}. */
export interface NpsMarginOfErrorOptions {
  /** Number of responses, an integer ≥ 1. */
  readonly n: number;
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Observed or expected shares; default the worst case (variance 1). */
  readonly expected?: ExpectedNpsShares;
  /** Population size, for the finite-population correction. */
  readonly population?: number;
}

/** The margin of error of an NPS, in NPS points, with what it came from. */
export interface NpsMarginOfErrorResult {
  /** Half-width in NPS points. */
  readonly marginOfError: number;
  /** Variance of one response's score used. */
  readonly variance: number;
  /** The z used. */
  readonly z: number;
  /** The finite-population correction factor; 1 without a population. */
  readonly finitePopulationCorrection: number;
  /** Number of responses. */
  readonly n: number;
  /** The confidence level. */
  readonly confidence: number;
  /** The population, or null. */
  readonly population: number | null;
}

/**
 * The margin of error, in NPS points, that an NPS survey of n responses has:
 * 100 · z · √(variance / n), times √((N - n) / (N - 1)) with a population. Pass the observed shares
 * (`expected: result`) for the margin of a result in hand; the default is the worst case.
 *
 * This is the plain (Wald) margin; {@link nps!npsConfidenceInterval} gives the adjusted-Wald interval.
 *
 * @throws CxMetricsError `INVALID_COUNT` for n not an integer ≥ 1 or above the population; as {@link npsSampleSize}.
 * @example
 * ```ts
 * npsMarginOfError({ n: 100 }).marginOfError; //=> 19.6 points, worst case
 * npsMarginOfError({ n: 100, expected: { promoterPercent: 70, detractorPercent: 20 } }).marginOfError; //=> 15.8 (Osipov's example)
 * ```
 */
export function npsMarginOfError(options: NpsMarginOfErrorOptions): NpsMarginOfErrorResult {
  const fn = "npsMarginOfError";
  assertOptions(fn, options);
  if (options === undefined) throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object { n, ... }");
  const design = samplingDesign(fn, options);
  const finitePopulationCorrection = marginCorrection(fn, options.n, design.population);
  const variance = npsVariance(fn, options.expected);
  return {
    marginOfError: 100 * design.z * Math.sqrt(variance / options.n) * finitePopulationCorrection,
    variance,
    z: design.z,
    finitePopulationCorrection,
    n: options.n,
    confidence: design.confidence,
    population: design.population,
  };
}
