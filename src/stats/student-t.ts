import { invalid } from "../internal/describe.js";
import { betaQuantile } from "./beta.js";
import { normalQuantile } from "./normal.js";

/**
 * From this many degrees of freedom the Cornish-Fisher expansion is exact to double precision (5e-16 at 1e4 against
 * mpmath).
 */
const LARGE_DF = 1e4;

/**
 * Quantile of Student's t distribution with `df` degrees of freedom.
 *
 * Three forms, each used where it keeps its precision:
 * - **df ≥ 10,000**: the Cornish-Fisher expansion around the normal quantile z (Abramowitz &
 *   Stegun 26.7.5, four terms): t = z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴, exact to double precision there.
 * - **the centre** (p near 0.5): from P(|T| < t) = I_{t²/(df+t²)}(1/2, df/2),
 *   y = betaQuantile(|2p - 1|, 1/2, df/2) and t = √(df y / (1 - y)).
 * - **the tails**: from P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2), x = betaQuantile(2 min(p, 1 - p),
 *   df/2, 1/2) and t = √(df (1 - x) / x).
 *
 * Relative error below 1e-12 for df from 0.5 to 1e12 and p from 1e-12 to 1 - 1e-6, p within 1e-11 of
 * 0.5 included (checked against mpmath at 50 digits: test/fixtures/mpmath-edges.py).
 *
 * @param p - probability strictly between 0 and 1.
 * @param df - degrees of freedom, > 0 (need not be an integer).
 * @throws CxMetricsError `INVALID_ARGUMENT` for p outside (0, 1) or df ≤ 0.
 * @example
 * ```ts
 * studentTQuantile(0.975, 10); //=> 2.228138851986274 (R: qt(0.975, 10))
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  if (typeof p !== "number" || !(p > 0 && p < 1)) {
    throw invalid("studentTQuantile", "INVALID_ARGUMENT", "p", p, "a probability strictly between 0 and 1");
  }
  if (typeof df !== "number" || !(df > 0)) {
    throw invalid("studentTQuantile", "INVALID_ARGUMENT", "df", df, "a positive number");
  }
  if (p === 0.5) return 0;
  const sign = p > 0.5 ? 1 : -1;
  const upper = p > 0.5 ? 1 - p : p; // exact: p and 1 - p are within a factor of 2 of each other here
  const z = -normalQuantile(upper); // > 0
  if (df >= LARGE_DF || df === Number.POSITIVE_INFINITY) return sign * cornishFisher(z, df);
  // Both beta forms are exact; each loses digits in one place: the central form about 1e-16 / (2 upper)
  // (through |2p - 1|), the tail form about 1e-16 / (1 - x) with 1 - x = t²/(df + t²) ≈ z²/(df + z²).
  if (2 * upper > (z * z) / (df + z * z)) {
    const y = betaQuantile(Math.abs(2 * (p - 0.5)), 0.5, df / 2);
    return sign * Math.sqrt((df * y) / (1 - y));
  }
  const x = betaQuantile(2 * upper, df / 2, 0.5);
  return sign * Math.sqrt((df * (1 - x)) / x);
}

/** t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴ (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  if (df === Number.POSITIVE_INFINITY) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * (3 + z2 * (16 + 5 * z2))) / 96;
  const g3 = (z * (-15 + z2 * (17 + z2 * (19 + 3 * z2)))) / 384;
  const g4 = (z * (-945 + z2 * (-1920 + z2 * (1482 + z2 * (776 + 79 * z2))))) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
