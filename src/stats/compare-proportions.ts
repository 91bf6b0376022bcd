// compareProportions: is the difference between two shares (CSAT %, CES easy %, SLA %) real? The two-proportion z-test.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertConfidence, assertCount, assertObject, assertOneOf, assertOptions } from "../internal/validate.js";
import { scoreCompareProportions } from "./compare-proportions-score.js";
import { normalCdf, zForConfidence } from "./normal.js";

/** One sample of a share: successes out of n. */
export interface ProportionSample {
  /** Successes (satisfied, easy, met). */
  readonly successes: number;
  /** Trials, > 0. */
  readonly n: number;
}

/** Options of {@link compareProportions}. */
export interface CompareProportionsOptions {
  /** Confidence level of the interval for the difference; default 0.95. */
  readonly confidence?: number;
  /**
   * `"wald"` (default): the pooled z test and the unpooled Wald interval (two statistics: they can disagree near the
   * 5 % line). `"score"`: the Miettinen-Nurminen score test and its inverted interval (one statistic: the interval
   * leaves out 0 exactly when p < 1 − confidence; the reports use it).
   */
  readonly method?: "wald" | "score";
}

/** The difference of two shares, a - b, as fractions, with its test. */
export interface ProportionComparison {
  /** p_a - p_b, a fraction. */
  readonly difference: number;
  /** Unpooled standard error √(p_a q_a / n_a + p_b q_b / n_b), for the interval. */
  readonly standardError: number;
  /** z with the pooled standard error √(p (1 - p) (1/n_a + 1/n_b)), p = (x_a + x_b) / (n_a + n_b). */
  readonly z: number;
  /** Two-sided p-value, 2 (1 - Φ(|z|)); equal to Pearson's χ² test of the 2 × 2 table without continuity correction. */
  readonly pValue: number;
  /** Lower bound of the Wald interval for the difference, a fraction. */
  readonly low: number;
  /** Upper bound of the Wald interval for the difference, a fraction. */
  readonly high: number;
  /** The confidence level used. */
  readonly confidence: number;
}

function sample(fn: string, name: string, value: ProportionSample): ProportionSample {
  assertObject(fn, name, value, "{ successes, n }");
  assertCount(fn, `${name}.successes`, value.successes);
  assertCount(fn, `${name}.n`, value.n);
  if (value.n === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", `${name}.n is 0: a share of nothing`, { value });
  if (value.successes > value.n)
    throw new CxMetricsError(fn, "INVALID_COUNT", `${name}.successes (${value.successes}) exceed n (${value.n})`, {
      value,
    });
  return value;
}

/**
 * Compares two independent shares (CSAT % this month against last month, SLA % of two teams): the
 * two-proportion z-test with the pooled variance for the p-value (Pearson's χ² test of the 2 × 2
 * table without continuity correction: R `prop.test(correct = FALSE)`, scipy `chi2_contingency(...,
 * correction=False)`), and the Wald interval with the unpooled variance for the difference.
 *
 * When both shares are 0 or both 1 the pooled variance is 0: z is 0 and the p-value 1.
 *
 * @throws CxMetricsError `INVALID_COUNT` (negative, fractional, or more successes than n);
 *   `EMPTY_INPUT` for n = 0; `INVALID_CONFIDENCE`; `INVALID_ARGUMENT` for a sample that is not an object.
 * @example
 * ```ts
 * compareProportions({ successes: 170, n: 200 }, { successes: 150, n: 200 }).pValue; //=> 0.01241933...
 * ```
 */
export function compareProportions(
  a: ProportionSample,
  b: ProportionSample,
  options: CompareProportionsOptions = {},
): ProportionComparison {
  const fn = "compareProportions";
  assertOptions(fn, options);
  const { confidence = 0.95, method = "wald" } = options;
  assertConfidence(fn, confidence);
  assertOneOf(fn, "method", method, ["wald", "score"]);
  const first = sample(fn, "a", a);
  const second = sample(fn, "b", b);
  if (method === "score") {
    const test = scoreCompareProportions(first.successes, first.n, second.successes, second.n, confidence);
    const standardError = Math.sqrt(
      ((first.successes / first.n) * (1 - first.successes / first.n)) / first.n +
        ((second.successes / second.n) * (1 - second.successes / second.n)) / second.n,
    );
    return {
      difference: test.difference,
      standardError,
      z: test.z,
      pValue: test.pValue,
      low: test.low,
      high: test.high,
      confidence,
    };
  }
  const pa = first.successes / first.n;
  const pb = second.successes / second.n;
  const difference = pa - pb;
  const pooled = (first.successes + second.successes) / (first.n + second.n);
  const pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / first.n + 1 / second.n));
  const z = pooledError === 0 ? 0 : difference / pooledError;
  const standardError = Math.sqrt((pa * (1 - pa)) / first.n + (pb * (1 - pb)) / second.n);
  const margin = zForConfidence(confidence) * standardError;
  return {
    difference,
    standardError,
    z,
    pValue: 2 * (1 - normalCdf(Math.abs(z))),
    low: difference - margin,
    high: difference + margin,
    confidence,
  };
}
