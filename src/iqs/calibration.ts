// calibration: how far apart reviewers who scored the same interactions are, per interaction, reviewer and criterion.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, visitRows, type BatchCounts, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { describe } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import { assertAccessor, assertOptions } from "../internal/validate.js";
import type { Values } from "../types.js";
import { compileScorecard, scoreReview, type QaReview, type Scorecard, type ScoredReview } from "./scorecard.js";

/** Options of {@link calibration}. */
export interface CalibrationOptions<R extends QaReview = QaReview> extends BatchOptions {
  /** Which interaction a review is of; default `review.interactionId`. */
  readonly interaction?: (review: R) => string | number | null | undefined;
  /** Who reviewed; default `review.reviewerId`. */
  readonly reviewer?: (review: R) => string | number | null | undefined;
}

/** One reviewer's score of a calibrated interaction. */
export interface ReviewerScore {
  /** The reviewer. */
  readonly reviewerId: string;
  /** The review score, percent; null if every criterion was N/A. */
  readonly score: number | null;
}

/** One interaction scored by several reviewers. */
export interface CalibrationSession {
  /** The interaction. */
  readonly interactionId: string;
  /** Each reviewer's review score, in percent (null if every criterion was N/A). */
  readonly scores: readonly ReviewerScore[];
  /** Mean of the reviewers' scores, percent. */
  readonly mean: number;
  /** Highest minus lowest score, in points. */
  readonly spread: number;
  /** Mean absolute difference between every two reviewers' scores, in points. */
  readonly meanAbsoluteDifference: number;
}

/** How one reviewer scores compared with the others on the same interactions. */
export interface ReviewerCalibration {
  /** The reviewer. */
  readonly reviewerId: string;
  /** Calibrated interactions the reviewer scored. */
  readonly n: number;
  /** Mean of (own score - mean of the other reviewers' scores), in points: > 0 scores higher than the rest. */
  readonly meanDeviation: number;
  /** Mean of |own score - mean of the others|, in points. */
  readonly meanAbsoluteDeviation: number;
}

/** How consistently one criterion is rated. */
export interface CriterionCalibration {
  /** Criterion id. */
  readonly id: string;
  /** Reviewer pairs compared (both on the same interaction). */
  readonly pairs: number;
  /** Pairs that gave the same rating (N/A counts as a rating), percent. */
  readonly agreementPercent: number | null;
  /** Mean |difference| of the normalised ratings of pairs that both rated it, in points 0-100. */
  readonly meanAbsoluteDifference: number | null;
}

/** The agreement of reviewers who scored the same interactions. */
export interface CalibrationResult {
  /** Mean absolute difference between two reviewers' review scores, over every pair, in points. */
  readonly meanAbsoluteDifference: number;
  /** Reviewer pairs compared. */
  readonly pairs: number;
  /** Each interaction scored by two or more reviewers. */
  readonly sessions: readonly CalibrationSession[];
  /** Each reviewer against the others. */
  readonly perReviewer: readonly ReviewerCalibration[];
  /** Each criterion's agreement, in scorecard order. */
  readonly perCriterion: readonly CriterionCalibration[];
  /**
   * Reviews read, used, skipped (no interaction or reviewer) and left out as bad: `total = used + skipped + excluded`.
   */
  readonly rows: BatchCounts;
  /** Bad reviews left out under `invalid: "exclude"`. */
  readonly exclusions: readonly ExcludedRow[];
}

interface Entry {
  readonly reviewerId: string;
  readonly scored: ScoredReview;
}

/** Σ over all pairs i < j of |xᵢ - xⱼ|, by sorting: Σₖ x₍ₖ₎ (2k - m + 1) for the sorted values, O(m log m). */
function pairwiseAbsoluteSum(values: Float64Array): number {
  values.sort();
  const m = values.length;
  let sum = 0;
  for (let k = 0; k < m; k++) sum += values[k]! * (2 * k - m + 1);
  return sum;
}

/** Number of pairs among m items. */
function pairs(m: number): number {
  return (m * (m - 1)) / 2;
}

/** An id read from a review: text or a number as text; missing or blank is null. */
function idOf(fn: string, what: string, value: unknown, index: number): string | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `${what} of review at index ${index} is ${describe(value)}, expected text or a number`,
    { index, value, field: what },
  );
}

/**
 * Calibration: when several reviewers score the same interaction, how far apart they are, so a QA
 * lead can see who scores differently and which criteria are read differently.
 *
 * Interactions reviewed by at least two reviewers are compared. For each, every pair of reviews
 * gives an absolute difference of review scores (points, 0-100); the overall figure is the mean
 * over all pairs. Each reviewer's deviation is own score minus the mean of the others on that
 * interaction (signed: a lenient reviewer is positive). Per criterion: the share of pairs that gave
 * the identical rating, and the mean absolute difference of normalised ratings where both rated it.
 * Reviews whose every criterion is N/A are left out of the score comparisons.
 *
 * Reviews without an interaction or a reviewer (missing or blank) cannot be compared: they are
 * skipped and counted in `rows.skipped`. Pair sums are computed from sorted values and from counts
 * of equal ratings, so an interaction with k reviews costs O(k log k), not O(k²).
 *
 * @throws CxMetricsError as {@link iqs} for a bad review (unless `invalid: "exclude"`, which leaves
 *   it out and lists it); `INVALID_ARGUMENT` for an interaction or reviewer id that is not text or a
 *   number; `EMPTY_INPUT` when no interaction has two reviewers.
 * @example
 * ```ts
 * calibration([
 *   { interactionId: "t1", reviewerId: "ann", ratings: { solution: 5 } },
 *   { interactionId: "t1", reviewerId: "bob", ratings: { solution: 3 } },
 * ], { criteria: [{ id: "solution", weight: 1, scale: "1-5" }] }).meanAbsoluteDifference; //=> 50
 * ```
 */
export function calibration<R extends QaReview>(
  reviews: Values<R>,
  scorecard: Scorecard,
  options: CalibrationOptions<R> = {},
): CalibrationResult {
  const fn = "calibration";
  assertOptions(fn, options);
  const criteria = compileScorecard(fn, scorecard);
  assertAccessor(fn, "interaction", options.interaction);
  assertAccessor(fn, "reviewer", options.reviewer);
  const policy = rowPolicy(fn, options);
  const interactionOf = options.interaction ?? ((review: R) => review.interactionId);
  const reviewerOf = options.reviewer ?? ((review: R) => review.reviewerId);
  const byInteraction = new Map<string, Entry[]>();
  let skipped = 0;
  const list = recordList(fn, "reviews", reviews);
  const { counts, exclusions } = visitRows(
    policy,
    list,
    (review) => review.id,
    (review, index) => {
      const scored = scoreReview(fn, criteria, review, index);
      const interactionId = idOf(fn, "interactionId", interactionOf(review), index);
      const reviewerId = idOf(fn, "reviewerId", reviewerOf(review), index);
      if (interactionId === null || reviewerId === null) {
        skipped++;
        return;
      }
      const entries = byInteraction.get(interactionId) ?? [];
      byInteraction.set(interactionId, entries);
      entries.push({ reviewerId, scored });
    },
    fn,
  );

  const sessions: CalibrationSession[] = [];
  const reviewerStats = new Map<string, { n: number; deviation: number; absolute: number }>();
  const criterionPairs = criteria.map(() => ({ pairs: 0, same: 0, rated: 0, difference: 0 }));
  let pairCount = 0;
  let pairSum = 0;
  for (const [interactionId, entries] of byInteraction) {
    if (new Set(entries.map((entry) => entry.reviewerId)).size < 2) continue;
    criteria.forEach((_, k) => {
      const stats = criterionPairs[k]!;
      stats.pairs += pairs(entries.length);
      // Pairs with the same rating (N/A counts as a rating): Σ over ratings of C(count, 2).
      const tally = new Map<number | null, number>();
      for (const entry of entries)
        tally.set(entry.scored.raw[k] ?? null, (tally.get(entry.scored.raw[k] ?? null) ?? 0) + 1);
      for (const count of tally.values()) stats.same += pairs(count);
      const rated = Float64Array.from(
        entries.flatMap((entry) =>
          entry.scored.normalized[k] === null || entry.scored.normalized[k] === undefined
            ? []
            : [entry.scored.normalized[k]!],
        ),
      );
      stats.rated += pairs(rated.length);
      stats.difference += pairwiseAbsoluteSum(rated);
    });
    const scoredEntries = entries.filter((entry) => entry.scored.score !== null);
    const scores = scoredEntries.map((entry) => 100 * entry.scored.score!);
    const sessionPairs = pairs(scores.length);
    const sessionSum = pairwiseAbsoluteSum(Float64Array.from(scores));
    pairCount += sessionPairs;
    pairSum += sessionSum;
    const total = scores.reduce((sum, score) => sum + score, 0);
    scoredEntries.forEach((entry, i) => {
      if (scores.length < 2) return;
      const others = (total - scores[i]!) / (scores.length - 1);
      const stats = reviewerStats.get(entry.reviewerId) ?? { n: 0, deviation: 0, absolute: 0 };
      reviewerStats.set(entry.reviewerId, stats);
      stats.n++;
      stats.deviation += scores[i]! - others;
      stats.absolute += Math.abs(scores[i]! - others);
    });
    if (scores.length === 0) continue;
    sessions.push({
      interactionId,
      scores: entries.map((entry) => ({
        reviewerId: entry.reviewerId,
        score: entry.scored.score === null ? null : 100 * entry.scored.score,
      })),
      mean: total / scores.length,
      spread:
        scores.reduce((max, score) => Math.max(max, score), Number.NEGATIVE_INFINITY) -
        scores.reduce((min, score) => Math.min(min, score), Number.POSITIVE_INFINITY),
      meanAbsoluteDifference: sessionPairs === 0 ? 0 : sessionSum / sessionPairs,
    });
  }
  if (pairCount === 0) {
    throw new CxMetricsError(fn, "EMPTY_INPUT", "no interaction was scored by two or more reviewers");
  }
  return {
    meanAbsoluteDifference: pairSum / pairCount,
    pairs: pairCount,
    sessions,
    perReviewer: [...reviewerStats].map(([reviewerId, stats]) => ({
      reviewerId,
      n: stats.n,
      meanDeviation: stats.deviation / stats.n,
      meanAbsoluteDeviation: stats.absolute / stats.n,
    })),
    perCriterion: criteria.map((criterion, k) => {
      const stats = criterionPairs[k]!;
      return {
        id: criterion.id,
        pairs: stats.pairs,
        agreementPercent: stats.pairs === 0 ? null : (100 * stats.same) / stats.pairs,
        meanAbsoluteDifference: stats.rated === 0 ? null : (100 * stats.difference) / stats.rated,
      };
    }),
    rows: { total: counts.total, used: counts.used - skipped, skipped, excluded: counts.excluded },
    exclusions,
  };
}
