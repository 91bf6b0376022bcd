// Weighted means and shares with their linearised (Taylor) standard error, from per-value sums: for each value y
// taken, how many records took it, Σw and Σw². That is all a weighted mean of a rating scale or a share needs, so the
// kernels keep these sums and nothing per record.
import { invalid } from "../internal/describe.js";

/** Records that took one value: their number, Σw and Σw². */
export interface WeightedValue {
  /** The value (a rating, 1 / 0 for a share, +1 / 0 / −1 for the NPS groups). */
  readonly y: number;
  /** Records. */
  readonly n: number;
  /** Σ w over them. */
  readonly w: number;
  /** Σ w² over them. */
  readonly w2: number;
}

/** A weighted mean, its linearised standard error and the Kish effective sample size. */
export interface WeightedMean {
  /** Σ w y / Σ w. */
  readonly mean: number;
  /**
   * The linearised standard error, √(n/(n − 1) · Σ w²(y − ȳ)²) / Σ w, the one R's `survey::svymean` gives for
   * `svydesign(ids = ~1, weights = ~w)`; with every weight 1 it is s/√n. Null for n < 2.
   */
  readonly se: number | null;
  /** Records in the domain (those the mean is over). */
  readonly n: number;
  /** Σ w in the domain. */
  readonly sumWeights: number;
  /** Kish's effective sample size (Σ w)² / Σ w² of the domain. */
  readonly nEffective: number;
}

/**
 * The weighted mean of the values of a domain (the records `values` lists) and its linearised standard error. `sampleSize`
 * is the number of records of the whole sample the domain was taken from (a CSAT in good/bad mode leaves neutral
 * ratings out of its domain, and `svymean` on a subset keeps n/(n − 1) of the whole sample); it defaults to the domain's.
 *
 * @throws CxMetricsError `INVALID_VALUE` (with index) for a value that is not `{ y, n, w, w2 }` of finite numbers (n,
 *   w, w2 ≥ 0), `INVALID_ARGUMENT` for values that are not an array or a `sampleSize` under 1, `EMPTY_INPUT` when the
 *   weights sum to 0.
 * @example
 * ```ts
 * // Ratings 4, 5, 3 with weights 1, 2, 1 (one record each: y, n, Σw, Σw²). R's survey package:
 * // svymean(~y, svydesign(ids = ~1, weights = ~w, data = data.frame(y = c(4, 5, 3), w = c(1, 2, 1))))
 * // gives 4.25, SE 0.6027281726.
 * const cells = [
 *   { y: 4, n: 1, w: 1, w2: 1 },
 *   { y: 5, n: 1, w: 2, w2: 4 },
 *   { y: 3, n: 1, w: 1, w2: 1 },
 * ];
 * weightedMean(cells).mean; //=> 4.25
 * weightedMean(cells).se; //=> 0.6027281726
 * ```
 */
export function weightedMean(values: readonly WeightedValue[], sampleSize?: number): WeightedMean {
  const fn = "weightedMean";
  if (!Array.isArray(values)) throw invalid(fn, "INVALID_ARGUMENT", "values", values, "an array of { y, n, w, w2 }");
  values.forEach((value, i) => {
    const { y, n, w, w2 } = (value ?? {}) as Partial<WeightedValue>;
    if (![y, n, w, w2].every(Number.isFinite) || n! < 0 || w! < 0 || w2! < 0)
      throw invalid(fn, "INVALID_VALUE", `values[${i}]`, value, "{ y, n, w, w2 }: finite numbers, n, w and w2 ≥ 0", i);
  });
  if (sampleSize !== undefined && !(typeof sampleSize === "number" && sampleSize >= 1 && Number.isFinite(sampleSize)))
    throw invalid(fn, "INVALID_ARGUMENT", "sampleSize", sampleSize, "a number of records ≥ 1");
  let n = 0;
  let w = 0;
  let w2 = 0;
  let wy = 0;
  for (const value of values) {
    n += value.n;
    w += value.w;
    w2 += value.w2;
    wy += value.w * value.y;
  }
  if (!(w > 0)) throw invalid(fn, "EMPTY_INPUT", "the sum of the weights", w, "more than 0 (no weighted record)");
  const mean = wy / w;
  let squares = 0;
  for (const value of values) squares += value.w2 * (value.y - mean) ** 2;
  const total = sampleSize ?? n;
  const se = total < 2 ? null : Math.sqrt((total / (total - 1)) * squares) / w;
  return { mean, se, n, sumWeights: w, nEffective: (w * w) / w2 };
}

/** The bounds of an interval for a share, as fractions. */
export interface ShareBounds {
  /** Lower bound, 0-1. */
  readonly low: number;
  /** Upper bound, 0-1. */
  readonly high: number;
}

/**
 * Wilson's score interval for a share p̂ of n, as fractions; n may be fractional (an effective sample size), and the
 * interval always holds p̂. Centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for p outside 0-1, n not > 0 or z not > 0 (NaN included).
 * @example
 * ```ts
 * // 80 of 100 at 95 %: R's prop.test(80, 100, correct = FALSE)$conf.int is 0.7111708344, 0.8666330667
 * wilsonBounds(0.8, 100, zForConfidence(0.95)).low; //=> 0.7111708344
 * wilsonBounds(0.8, 100, zForConfidence(0.95)).high; //=> 0.8666330667
 * ```
 */
export function wilsonBounds(p: number, n: number, z: number): ShareBounds {
  const fn = "wilsonBounds";
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalid(fn, "INVALID_ARGUMENT", "p", p, "a share 0-1");
  if (typeof n !== "number" || !(n > 0 && Number.isFinite(n)))
    throw invalid(fn, "INVALID_ARGUMENT", "n", n, "a (possibly effective, fractional) sample size > 0");
  if (typeof z !== "number" || !(z > 0 && Number.isFinite(z)))
    throw invalid(fn, "INVALID_ARGUMENT", "z", z, "a normal quantile > 0, such as zForConfidence(0.95)");
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, Math.min(p, centre - half)), high: Math.min(1, Math.max(p, centre + half)) };
}
