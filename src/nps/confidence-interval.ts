// npsConfidenceInterval: the interval around an NPS, adjusted-Wald (Rocks 2016) or Wald, in NPS points.
import { assertConfidence, assertOptions } from "../internal/validate.js";
import { zForConfidence } from "../stats/normal.js";
import { npsScoreBounds } from "./score-interval.js";
import { npsSample, type NpsIntervalMethod, type NpsSampleInput } from "./sampling.js";

/** Options of {@link npsConfidenceInterval}. */
export interface NpsIntervalOptions {
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** `"adjusted-wald"` (default), `"wald"` or `"score"` (holds the NPS at every n; the reports use it). */
  readonly method?: NpsIntervalMethod | "score";
}

/** A confidence interval for an NPS, in NPS points (-100..100). */
export interface NpsInterval {
  /** Lower bound in NPS points, clipped at -100. */
  readonly low: number;
  /** Upper bound in NPS points, clipped at 100. */
  readonly high: number;
  /** The centre: the adjusted NPS for adjusted-Wald, the observed NPS for Wald. */
  readonly center: number;
  /** Half-width z × standard error, in NPS points. */
  readonly marginOfError: number;
  /** Standard error of the NPS, in NPS points. */
  readonly standardError: number;
  /** True when a bound passed ±100 and was clipped. */
  readonly clipped: boolean;
  /** Number of responses (unadjusted). */
  readonly n: number;
  /** The method used. */
  readonly method: NpsIntervalMethod | "score";
  /** The confidence level used. */
  readonly confidence: number;
}

/**
 * Confidence interval for a Net Promoter Score, in NPS points.
 *
 * Each response scores +1 (promoter), 0 (passive) or -1 (detractor); the NPS is their mean and its
 * variance is p_pro + p_det - (p_pro - p_det)². Then NPS ± z · √(variance / n), × 100.
 * - `"adjusted-wald"` (default): first add 3 to n and 3/4 to both promoters and detractors, and
 *   centre the interval on that adjusted NPS. Rocks (2016, *The American Statistician*) found it the
 *   best-covering of six methods; MeasuringU recommends it.
 * - `"wald"`: the plain normal interval on the observed NPS; too narrow for small samples.
 * - `"score"`: every δ the score test of p₊ − p₋ = δ does not reject (the constrained multinomial maximum likelihood,
 *   as Tango 1998 for paired proportions): it holds the observed NPS at every n (one promoter: −58.7 to 100, where
 *   adjusted-Wald gives −48.5 to 98.5) and covers at least 89.6 % where adjusted-Wald drops to 80 % (docs/statistics.md,
 *   "Coverage"). `center` is the observed NPS, `marginOfError` half the interval's width (it is not symmetric),
 *   `standardError` the observed one.
 *
 * @param input - counts (`{ promoters, passives, detractors }`), an {@link NpsResult}, or an
 *   {@link NpsFromPercentsResult} made with a `total`.
 * @throws CxMetricsError `INVALID_COUNT`, `EMPTY_INPUT`, `INVALID_CONFIDENCE`, `INVALID_OPTION`,
 *   `INVALID_ARGUMENT` (percentages without a total); `INVALID_PERCENT` for shares outside 0-100 or adding up to more
 *   than 100; `INCONSISTENT_COUNTS` for a result whose figures are not the ones its counts give (a `total` that is not
 *   their sum, a `score` or a percentage that does not follow from them).
 * @example
 * ```ts
 * npsConfidenceInterval({ promoters: 70, passives: 10, detractors: 20 });
 * //=> { center: 48.54..., low: 32.94..., high: 64.15..., marginOfError: 15.60..., method: "adjusted-wald", ... }
 * ```
 */
export function npsConfidenceInterval(input: NpsSampleInput, options: NpsIntervalOptions = {}): NpsInterval {
  const fn = "npsConfidenceInterval";
  assertOptions(fn, options);
  const { confidence = 0.95, method = "adjusted-wald" } = options;
  assertConfidence(fn, confidence);
  if (method === "score") return scoreInterval(fn, input, confidence);
  const sample = npsSample(fn, input, method);
  const standardError = 100 * Math.sqrt(sample.variance / sample.n);
  const marginOfError = zForConfidence(confidence) * standardError;
  const center = sample.score;
  const low = center - marginOfError;
  const high = center + marginOfError;
  return {
    low: Math.max(-100, low),
    high: Math.min(100, high),
    center,
    marginOfError,
    standardError,
    clipped: low < -100 || high > 100,
    n: method === "adjusted-wald" ? sample.n - 3 : sample.n,
    method,
    confidence,
  };
}

/** The score interval of {@link npsConfidenceInterval}. */
function scoreInterval(fn: string, input: NpsSampleInput, confidence: number): NpsInterval {
  const sample = npsSample(fn, input, "wald");
  // The counts back from the observed NPS d and variance v = p₊ + p₋ − d² (whole counts stay whole).
  const whole = (x: number): number => (Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : Math.max(0, x));
  const d = sample.score / 100;
  const promoters = whole(((d + sample.variance + d * d) / 2) * sample.n);
  const detractors = whole(((sample.variance + d * d - d) / 2) * sample.n);
  const bounds = npsScoreBounds(promoters, sample.n - promoters - detractors, detractors, confidence);
  const low = Math.min(sample.score, 100 * bounds.low);
  const high = Math.max(sample.score, 100 * bounds.high);
  return {
    low,
    high,
    center: sample.score,
    marginOfError: (high - low) / 2,
    standardError: 100 * Math.sqrt(sample.variance / sample.n),
    clipped: false,
    n: sample.n,
    method: "score",
    confidence,
  };
}
