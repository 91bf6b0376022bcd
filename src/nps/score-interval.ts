// The score interval of an NPS: the NPS is the difference p₊ − p₋ of two shares of one multinomial sample (promoters,
// passives, detractors), as a difference of paired proportions is (Tango 1998); the interval holds every δ the score
// test of p₊ − p₋ = δ does not reject, so it always holds the NPS itself, at every n (n = 1, 0 % or 100 % promoters
// included).
import { zForConfidence } from "../stats/normal.js";
import { scoreBounds } from "../stats/score-bounds.js";

/**
 * The score statistic of p₊ − p₋ = δ: (d̂ − δ) / √(Ṽ / n) with Ṽ = p̃₊ + p̃₋ − δ², where p̃₋ (and p̃₊ = p̃₋ + δ) maximise
 * the multinomial likelihood under the constraint: the root of 2n q² − B q − D δ(1 − δ) = 0 with
 * B = P(1 − δ) + D(1 − 3δ) − 2 N₀ δ (derived by setting the derivative of P ln(q + δ) + D ln q + N₀ ln(1 − 2q − δ) to 0).
 * Counts may be fractional (effective counts of a weighted sample).
 */
export function npsScoreStatistic(promoters: number, passives: number, detractors: number, delta: number): number {
  const n = promoters + passives + detractors;
  const estimate = (promoters - detractors) / n;
  const b = promoters * (1 - delta) + detractors * (1 - 3 * delta) - 2 * passives * delta;
  const root = (b + Math.sqrt(Math.max(0, b * b + 8 * n * detractors * delta * (1 - delta)))) / (4 * n);
  const q = Math.min(Math.max(root, Math.max(0, -delta)), (1 - delta) / 2);
  const variance = (2 * q + delta - delta * delta) / n;
  const gap = estimate - delta;
  if (!(variance > 0)) return gap === 0 ? 0 : gap > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return gap / Math.sqrt(variance);
}

/** The score interval of an NPS from its counts, as fractions in [−1, 1] (×100 for NPS points). */
export function npsScoreBounds(
  promoters: number,
  passives: number,
  detractors: number,
  confidence: number,
): { low: number; high: number } {
  const n = promoters + passives + detractors;
  const estimate = (promoters - detractors) / n;
  const z = (delta: number): number => npsScoreStatistic(promoters, passives, detractors, delta);
  return scoreBounds(z, estimate, zForConfidence(confidence), -1, 1);
}
