// Two independent proportions compared by the Miettinen-Nurminen score statistic: the interval for the difference is
// the set of differences the test does not reject, so the interval leaves out 0 exactly when p < 1 − confidence.
import { normalCdf, zForConfidence } from "./normal.js";
import { scoreBounds } from "./score-bounds.js";

/** The Miettinen-Nurminen comparison of p₁ = x₁/n₁ and p₂ = x₂/n₂. */
export interface ScoreComparison {
  /** p̂₁ − p̂₂, a fraction. */
  readonly difference: number;
  /** Bounds of the score interval for p₁ − p₂, fractions in [−1, 1]. */
  readonly low: number;
  readonly high: number;
  /** The score statistic at a difference of 0 (the pooled proportion). */
  readonly z: number;
  /** Two-sided p-value of "no difference". */
  readonly pValue: number;
}

/**
 * The constrained maximum-likelihood estimate of p₁ under p₁ − p₂ = δ (Miettinen & Nurminen 1985; the closed form of
 * Farrington & Manning 1990, eq. 2.5-2.6).
 */
function constrainedP1(x1: number, n1: number, x2: number, n2: number, delta: number): number {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const theta = n2 / n1;
  const a = 1 + theta;
  const b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
  const d = -p1 * delta * (1 + delta);
  const v = b ** 3 / (3 * a) ** 3 - (b * c) / (6 * a * a) + d / (2 * a);
  const s = b ** 2 / (3 * a) ** 2 - c / (3 * a);
  const u = (v >= 0 ? 1 : -1) * Math.sqrt(Math.max(0, s));
  const cosine = u === 0 ? 0 : Math.max(-1, Math.min(1, v / u ** 3));
  const w = (Math.PI + Math.acos(cosine)) / 3;
  const estimate = 2 * u * Math.cos(w) - b / (3 * a);
  return Math.max(Math.max(0, delta), Math.min(Math.min(1, 1 + delta), estimate));
}

/** The Miettinen-Nurminen statistic z(δ), with their variance factor N / (N − 1). */
function scoreStatistic(x1: number, n1: number, x2: number, n2: number, delta: number): number {
  const q1 = constrainedP1(x1, n1, x2, n2, delta);
  const q2 = q1 - delta;
  const n = n1 + n2;
  const variance = ((q1 * (1 - q1)) / n1 + (q2 * (1 - q2)) / n2) * (n > 1 ? n / (n - 1) : 1);
  const gap = x1 / n1 - x2 / n2 - delta;
  if (variance <= 0) return gap === 0 ? 0 : gap > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return gap / Math.sqrt(variance);
}

/**
 * Compares two independent proportions by the Miettinen-Nurminen score test and its inverted interval (the same
 * statistic for both, so they never disagree). Counts are checked by the caller.
 */
export function scoreCompareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence: number,
): ScoreComparison {
  const difference = x1 / n1 - x2 / n2;
  const z0 = scoreStatistic(x1, n1, x2, n2, 0);
  const { low, high } = scoreBounds(
    (delta) => scoreStatistic(x1, n1, x2, n2, delta),
    difference,
    zForConfidence(confidence),
    -1,
    1,
  );
  const pValue = Number.isFinite(z0) ? 2 * normalCdf(-Math.abs(z0)) : 0;
  return { difference, low, high, z: z0, pValue: Math.min(1, pValue) };
}
