import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertConfidence, assertCount, assertOneOf, assertOptions } from "../internal/validate.js";
import { betaQuantile } from "./beta.js";
import { zForConfidence } from "./normal.js";

/** The interval methods for a binomial proportion. */
export type ProportionIntervalMethod = "wilson" | "agresti-coull" | "wald" | "clopper-pearson" | "jeffreys";

const METHODS: readonly ProportionIntervalMethod[] = ["wilson", "agresti-coull", "wald", "clopper-pearson", "jeffreys"];

/** Options of {@link proportionInterval}. */
export interface ProportionIntervalOptions {
  /** Interval method; default `"wilson"`. */
  readonly method?: ProportionIntervalMethod;
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
}

/** A confidence interval for a proportion; every figure is a fraction 0-1. */
export interface ProportionInterval {
  /** Lower bound, 0-1 (after clipping). */
  readonly low: number;
  /** Upper bound, 0-1 (after clipping). */
  readonly high: number;
  /** The observed proportion successes / n. */
  readonly estimate: number;
  /**
   * The point the method centres its interval on: the adjusted proportion for Wilson and
   * Agresti-Coull, the observed proportion for the others.
   */
  readonly center: number;
  /** True when a bound fell outside [0, 1] and was clipped (Wald and Agresti-Coull near 0 or 1). */
  readonly clipped: boolean;
  /** Number of successes. */
  readonly successes: number;
  /** Number of trials. */
  readonly n: number;
  /** The method used. */
  readonly method: ProportionIntervalMethod;
  /** The confidence level used. */
  readonly confidence: number;
}

/**
 * Confidence interval for a binomial proportion `successes / n`, by one of five named methods.
 *
 * With p̂ = x/n, z = the two-sided normal critical value and α = 1 - confidence:
 * - `"wilson"` (default; Wilson 1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width
 *   z/(1 + z²/n) · √(p̂(1 - p̂)/n + z²/4n²). R `prop.test(x, n, correct = FALSE)`,
 *   statsmodels `proportion_confint(method="wilson")`.
 * - `"agresti-coull"` (Agresti & Coull 1998; MeasuringU's "adjusted Wald"): ñ = n + z²,
 *   p̃ = (x + z²/2)/ñ, p̃ ± z √(p̃(1 - p̃)/ñ). statsmodels `method="agresti_coull"`.
 * - `"wald"`: p̂ ± z √(p̂(1 - p̂)/n). Poor near 0 and 1; kept for comparing with reports that use it.
 * - `"clopper-pearson"` (1934, "exact"): Beta quantiles B(α/2; x, n - x + 1) and
 *   B(1 - α/2; x + 1, n - x), with 0 and 1 at x = 0 and x = n. R `binom.test`, statsmodels `method="beta"`.
 * - `"jeffreys"`: Beta(x + ½, n - x + ½) quantiles α/2 and 1 - α/2, with the lower bound set to 0
 *   at x = 0 and the upper to 1 at x = n (Brown, Cai & DasGupta 2001).
 *
 * Bounds outside [0, 1] are clipped and `clipped` says so.
 *
 * @param successes - number of successes, an integer 0..n.
 * @param n - number of trials, a positive integer.
 * @throws CxMetricsError `INVALID_COUNT` for negative or fractional counts or successes > n,
 *   `EMPTY_INPUT` for n = 0, `INVALID_CONFIDENCE`, `INVALID_OPTION` for an unknown method.
 * @example
 * ```ts
 * proportionInterval(43, 50); // Wilson, 95%
 * //=> { low: 0.738138..., high: 0.930491..., estimate: 0.86, clipped: false, ... }
 * proportionInterval(1, 10, { method: "wald" }); //=> { low: 0, clipped: true, ... }
 * ```
 */
export function proportionInterval(
  successes: number,
  n: number,
  options: ProportionIntervalOptions = {},
): ProportionInterval {
  const fn = "proportionInterval";
  assertOptions(fn, options);
  const { method = "wilson", confidence = 0.95 } = options;
  assertCount(fn, "successes", successes);
  assertCount(fn, "n", n);
  if (n === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "n is 0, there is no proportion to estimate");
  if (successes > n) {
    throw new CxMetricsError(fn, "INVALID_COUNT", `successes (${successes}) exceed n (${n})`, { value: successes });
  }
  assertConfidence(fn, confidence);
  assertOneOf(fn, "method", method, METHODS);
  const alpha = 1 - confidence;
  const estimate = successes / n;
  let center = estimate;
  let low: number;
  let high: number;
  switch (method) {
    case "wilson": {
      const z = zForConfidence(confidence);
      const z2n = (z * z) / n;
      center = (estimate + z2n / 2) / (1 + z2n);
      const half = (z / (1 + z2n)) * Math.sqrt((estimate * (1 - estimate)) / n + (z * z) / (4 * n * n));
      low = center - half;
      high = center + half;
      break;
    }
    case "agresti-coull": {
      const z = zForConfidence(confidence);
      const nTilde = n + z * z;
      center = (successes + (z * z) / 2) / nTilde;
      const half = z * Math.sqrt((center * (1 - center)) / nTilde);
      low = center - half;
      high = center + half;
      break;
    }
    case "wald": {
      const half = zForConfidence(confidence) * Math.sqrt((estimate * (1 - estimate)) / n);
      low = estimate - half;
      high = estimate + half;
      break;
    }
    case "clopper-pearson":
      low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
      high = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
      break;
    case "jeffreys":
      low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes + 0.5, n - successes + 0.5);
      high = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 0.5, n - successes + 0.5);
      break;
  }
  // Wilson's bounds lie in [0, 1] in exact arithmetic; rounding can leave them a hair outside.
  const roundingSlack = method === "wilson" ? 1e-12 : 0;
  const clipped = low < -roundingSlack || high > 1 + roundingSlack;
  return {
    low: Math.max(0, low),
    high: Math.min(1, high),
    estimate,
    center,
    clipped,
    successes,
    n,
    method,
    confidence,
  };
}
