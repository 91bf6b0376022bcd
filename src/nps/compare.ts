// compareNps: is the difference between two NPS figures real? A two-sample test and interval in NPS points.
import { assertConfidence, assertOptions } from "../internal/validate.js";
import { normalCdf, zForConfidence } from "../stats/normal.js";
import { npsSample, type NpsIntervalMethod, type NpsSampleInput } from "./sampling.js";

/** Options of {@link compareNps}. */
export interface CompareNpsOptions {
  /** `"adjusted-wald"` (default) or `"wald"`. */
  readonly method?: NpsIntervalMethod;
  /** Confidence level of the interval for the difference; default 0.95. */
  readonly confidence?: number;
}

/** The difference between two NPS, a - b, with its test; NPS figures in points. */
export interface NpsComparison {
  /** Observed difference of the two NPS, a - b, in points. */
  readonly difference: number;
  /** The difference the test is centred on: of the adjusted NPS for adjusted-Wald, else as observed. */
  readonly center: number;
  /** Standard error of the difference, in points: √(var_a/n_a + var_b/n_b) × 100. */
  readonly standardError: number;
  /** Test statistic center / standardError. */
  readonly z: number;
  /** Two-sided p-value, 2 (1 - Φ(|z|)). */
  readonly pValue: number;
  /** Lower bound of the interval for the difference, in points. */
  readonly low: number;
  /** Upper bound of the interval for the difference, in points. */
  readonly high: number;
  /** The method used. */
  readonly method: NpsIntervalMethod;
  /** The confidence level used. */
  readonly confidence: number;
}

/**
 * Compares two independent Net Promoter Scores (two periods, two channels, two products).
 *
 * With each NPS's variance as in {@link npsConfidenceInterval}, the difference has standard error
 * √(var_a/n_a + var_b/n_b); z = difference / SE, the p-value is two-sided and the interval is
 * difference ± z_(1-α/2) SE, all in NPS points. With `"adjusted-wald"` (default) each sample is
 * adjusted first (n + 3, ¾ promoter and ¾ detractor added), as in MeasuringU's NPS comparison.
 * When both samples have zero variance the z is ±Infinity (p 0) for a non-zero difference and 0 (p 1) otherwise.
 *
 * @param a - first sample: counts or a result.
 * @param b - second sample: counts or a result.
 * @throws CxMetricsError as {@link npsConfidenceInterval}.
 * @example
 * ```ts
 * compareNps({ promoters: 70, passives: 10, detractors: 20 }, { promoters: 50, passives: 20, detractors: 30 });
 * //=> { difference: 30, center: 29.13..., z: 2.49..., pValue: 0.0127..., ... }
 * ```
 */
export function compareNps(a: NpsSampleInput, b: NpsSampleInput, options: CompareNpsOptions = {}): NpsComparison {
  const fn = "compareNps";
  assertOptions(fn, options);
  const { confidence = 0.95, method = "adjusted-wald" } = options;
  assertConfidence(fn, confidence);
  const sampleA = npsSample(fn, a, method);
  const sampleB = npsSample(fn, b, method);
  const observedA = method === "wald" ? sampleA : npsSample(fn, a, "wald");
  const observedB = method === "wald" ? sampleB : npsSample(fn, b, "wald");
  const center = sampleA.score - sampleB.score;
  const standardError = 100 * Math.sqrt(sampleA.variance / sampleA.n + sampleB.variance / sampleB.n);
  const z =
    standardError > 0 ? center / standardError : center === 0 ? 0 : Math.sign(center) * Number.POSITIVE_INFINITY;
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const margin = zForConfidence(confidence) * standardError;
  return {
    difference: observedA.score - observedB.score,
    center,
    standardError,
    z,
    pValue,
    low: center - margin,
    high: center + margin,
    method,
    confidence,
  };
}
