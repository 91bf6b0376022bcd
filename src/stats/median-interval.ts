// The distribution-free interval for a median: two order statistics chosen by the binomial distribution (Conover,
// Practical Nonparametric Statistics, 3rd ed., 3.2). It holds the sample median by construction.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertConfidence } from "../internal/validate.js";
import { zForConfidence } from "./normal.js";
import { finiteValues, orderStatistics } from "./percentile.js";

/** A median's interval: [x₍ₗ₎, x₍ᵤ₎] and the coverage those ranks give. */
export interface MedianInterval {
  /** The lower order statistic x₍ₗ₎. */
  readonly low: number;
  /** The upper order statistic x₍ₙ₋ₗ₊₁₎. */
  readonly high: number;
  /** The 1-based ranks l and u = n − l + 1. */
  readonly ranks: readonly [number, number];
  /** 1 − 2 P(B ≤ l − 1), B ~ Binomial(n, ½): at least the confidence asked, unless n is too small for it. */
  readonly coverage: number;
}

/** P(B ≤ k) for B ~ Binomial(n, ½), exactly (n ≤ 1000, where 2^−n is still a double). */
function halfBinomialCdf(n: number, k: number): number {
  let pmf = 2 ** -n;
  let cdf = pmf;
  for (let j = 0; j < k; j++) {
    pmf = (pmf * (n - j)) / (j + 1);
    cdf += pmf;
  }
  return cdf;
}

/**
 * The interval of the median of `values` (any order; not changed): the order statistics of ranks l and n − l + 1,
 * l the largest rank with P(B ≤ l − 1) ≤ (1 − confidence)/2 (exact up to n = 1000; the normal approximation
 * l = ⌊(n − z√n)/2⌋ above). R: `sort(x)[c(l, n - l + 1)]` with `l <- qbinom((1 - confidence)/2, n, 0.5)`. Too few
 * values for the confidence (n < 6 at 95 %): the whole range, with its smaller coverage said.
 *
 * @throws CxMetricsError `INVALID_VALUE` (with index) for a value that is not a finite number, `EMPTY_INPUT` for no
 *   values, `INVALID_CONFIDENCE` for a confidence not strictly between 0 and 1.
 * @example
 * ```ts
 * // n = 10 at 95 %: P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024, so l = 2 (R: qbinom(0.025, 10, 0.5) = 2)
 * const interval = medianInterval([7, 2, 9, 4, 1, 10, 3, 8, 5, 6], 0.95);
 * interval.low; //=> 2
 * interval.high; //=> 9
 * interval.coverage; //=> 0.978515625 (1 − 2 · 11/1024)
 * ```
 */
export function medianInterval(values: ArrayLike<number>, confidence: number): MedianInterval {
  const fn = "medianInterval";
  assertConfidence(fn, confidence);
  const data = finiteValues(fn, values, undefined);
  const n = data.length;
  if (n === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no values");
  const tail = (1 - confidence) / 2;
  let l: number;
  if (n <= 1000) {
    l = 0;
    while (l + 1 <= (n + 1) / 2 && halfBinomialCdf(n, l) <= tail) l++;
    l = Math.max(1, l);
  } else {
    l = Math.max(1, Math.floor((n - zForConfidence(confidence) * Math.sqrt(n)) / 2));
  }
  const u = n - l + 1;
  const found = orderStatistics(data, [l - 1, u - 1]);
  const coverage = n <= 1000 ? 1 - 2 * halfBinomialCdf(n, l - 1) : confidence;
  return { low: found.get(l - 1)!, high: found.get(u - 1)!, ranks: [l, u], coverage: Math.max(0, coverage) };
}
