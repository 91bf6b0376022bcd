import { invalid } from "../internal/describe.js";
import { assertConfidence } from "../internal/validate.js";

const SQRT2 = Math.SQRT2;
/** Below this the series is used, above it the continued fraction. */
const ERFC_SERIES_LIMIT = 1.2;
const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Complementary error function, erfc(x) = 1 - erf(x), to about 1e-15 relative accuracy.
 *
 * For |x| < 2.5 the positive (non-alternating) series
 * erf(x) = (2/√π) e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (DLMF 7.6.2); beyond it the
 * continued fraction erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (DLMF 7.9.2),
 * evaluated with the modified Lentz method, which keeps relative accuracy far into the tail.
 */
function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < ERFC_SERIES_LIMIT) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  return Math.exp(-x * x) * erfcScaledTail(x);
}

/** e^(x²) erfc(x) for x ≥ 1.2, by the continued fraction alone (no exponential, so no underflow). */
function erfcScaledTail(x: number): number {
  // Lentz's method on b0 + a1/(b1 + a2/(b2 + ...)) with b_k = x, a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (SQRT_PI * f);
}

/** The lower-tail quantile for p < 1e-300, by Newton's method on ln Φ (Φ itself would be subnormal). */
function farTailQuantile(p: number, start: number): number {
  const logP = Math.log(p);
  let x = start;
  for (let i = 0; i < 50; i++) {
    const y = -x / SQRT2;
    const scaled = erfcScaledTail(y); // Φ(x) = e^(-y²) scaled / 2
    const logPhi = -y * y + Math.log(scaled / 2);
    const step = ((logPhi - logP) * (SQRT_2PI * scaled)) / 2; // (ln Φ - ln p) × Φ / φ
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return x;
}

/**
 * Standard normal cumulative distribution function Φ(z) = P(Z ≤ z).
 *
 * Computed as erfc(-z/√2)/2, accurate to about 1e-15 relative, also in the far tails
 * (Φ(-8) = 6.22e-16). Matches R `pnorm` and scipy `norm.cdf`.
 *
 * @param z - any number; ±Infinity give 0 and 1.
 * @returns the probability, 0-1.
 * @example
 * ```ts
 * normalCdf(1.959963984540054); //=> 0.975
 * ```
 */
export function normalCdf(z: number): number {
  if (typeof z !== "number" || Number.isNaN(z)) throw invalid("normalCdf", "INVALID_ARGUMENT", "z", z, "a number");
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  return 0.5 * erfc(-z / SQRT2);
}

/**
 * Quantile of the standard normal distribution (the probit): the z with Φ(z) = p.
 *
 * A rational starting value (Abramowitz & Stegun 26.2.23, error < 4.5e-4) polished by
 * Halley's method on {@link normalCdf}; within 1e-3 of p = 0.5 the series of erfinv (where Φ(x) - p
 * would cancel); below p = 1e-300 (down to the smallest subnormal, 5e-324) Newton's method on ln Φ.
 * Relative error below 1e-14 over the whole range (checked against mpmath at 50 digits).
 *
 * @param p - probability strictly between 0 and 1.
 * @throws CxMetricsError `INVALID_ARGUMENT` when p is not in (0, 1).
 * @example
 * ```ts
 * normalQuantile(0.975); //=> 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (typeof p !== "number" || !(p > 0 && p < 1)) {
    throw invalid("normalQuantile", "INVALID_ARGUMENT", "p", p, "a probability strictly between 0 and 1");
  }
  if (p === 0.5) return 0;
  const q = p - 0.5; // exact for p in [0.25, 0.75]
  if (Math.abs(q) < 1e-3) {
    // Near the centre Φ(x) - p cancels; use the series of √2 erfinv(2q) (DLMF 7.17.2), y = 2q:
    // √2 (√π/2)(y + π y³/12 + 7π² y⁵/480 + 127π³ y⁷/40320), the next term below 1e-20 relative.
    const y = 2 * q;
    const y2 = y * y;
    const pi = Math.PI;
    return (
      SQRT2 *
      (SQRT_PI / 2) *
      y *
      (1 + y2 * (pi / 12 + y2 * ((7 * pi * pi) / 480 + y2 * ((127 * pi * pi * pi) / 40320))))
    );
  }
  // Solve in the lower tail, where Φ keeps its relative accuracy, and reflect.
  const lower = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(lower));
  let x = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  );
  if (lower < 1e-300) return p < 0.5 ? farTailQuantile(lower, x) : -farTailQuantile(lower, x);
  for (let i = 0; i < 8; i++) {
    const u = (normalCdf(x) - lower) * SQRT_2PI * Math.exp((x * x) / 2);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return p < 0.5 ? x : -x;
}

/**
 * The two-sided critical value z for a confidence level: `normalQuantile(1 - (1 - confidence) / 2)`.
 * 1.959963984540054 for 0.95 (printed tables round it to 1.96), 2.5758293035489 for 0.99.
 *
 * @param confidence - confidence level as a fraction, strictly between 0 and 1.
 * @throws CxMetricsError `INVALID_CONFIDENCE` for anything else (95 instead of 0.95, NaN, 1).
 * @example
 * ```ts
 * zForConfidence(0.95); //=> 1.959963984540054
 * ```
 */
export function zForConfidence(confidence: number): number {
  assertConfidence("zForConfidence", confidence);
  // -Φ⁻¹((1 - c) / 2), not Φ⁻¹(1 - (1 - c) / 2): 1 - 5.6e-17 rounds to 1 for c = 0.9999999999999999.
  return -normalQuantile((1 - confidence) / 2);
}
