// iqs: the Internal Quality Score of QA reviews against a scorecard, per review, criterion and group.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, visitRows, type BatchCounts, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { describe, invalid } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import type { Values } from "../types.js";
import { createIqsAccumulator } from "./accumulator.js";
import { scorecardRule, type QaReview, type Scorecard } from "./scorecard.js";

/** Options of {@link iqs}. */
export interface IqsOptions<R extends QaReview = QaReview> extends BatchOptions {
  /** Groups the reviews for `perGroup`; default by `agentId` (reviews without one fall in the `null` group). */
  readonly by?: (review: R, index: number) => string | null | undefined;
  /**
   * Review score (percent) from which a review passes, for `passPercent`; default 80 (Zendesk QA's default baseline).
   */
  readonly passThreshold?: number;
}

/** One review's score. */
export interface IqsReviewScore {
  /** Position of the review in the input. */
  readonly index: number;
  /** The review's id, when it has one. */
  readonly id: string | null;
  /** The group key of the review. */
  readonly key: string | null;
  /** Review score in percent, 0-100; 0 on a critical fail; null when every criterion was N/A. */
  readonly score: number | null;
  /** Whether a critical criterion failed. */
  readonly criticalFail: boolean;
  /** Ids of the failed critical criteria. */
  readonly failedCritical: readonly string[];
  /** Total weight of the criteria that applied (not N/A). */
  readonly applicableWeight: number;
}

/** How one criterion was rated across the reviews. */
export interface IqsCriterionScore {
  /** Criterion id. */
  readonly id: string;
  /** Criterion label. */
  readonly label: string;
  /** The criterion's weight. */
  readonly weight: number;
  /** Whether it is critical. */
  readonly critical: boolean;
  /** Reviews that rated it (not N/A). */
  readonly n: number;
  /** Reviews that marked it N/A. */
  readonly notApplicable: number;
  /** Mean normalised rating in percent (0-100), before any critical override; null when never rated. */
  readonly meanScore: number | null;
  /** For a critical criterion: ratings below its pass mark; null otherwise. */
  readonly fails: number | null;
}

/** IQS of one group of reviews (an agent, a team, a channel). */
export interface IqsGroupScore {
  /** The group key. */
  readonly key: string | null;
  /** Scored reviews in the group. */
  readonly n: number;
  /** Mean review score of the group, percent; null when no review in it could be scored. */
  readonly iqs: number | null;
  /** Scored reviews with a critical fail. */
  readonly criticalFails: number;
  /** Critical fails as a percentage of the group's scored reviews; null when none was scored. */
  readonly criticalFailPercent: number | null;
}

/** The IQS of a set of QA reviews, with everything it came from. */
export interface IqsResult {
  /** Internal Quality Score: the mean review score, in percent 0-100. Unrounded. */
  readonly iqs: number;
  /** Scored reviews (the mean's denominator). */
  readonly n: number;
  /** Reviews used (all given, less any left out under `invalid: "exclude"`). */
  readonly total: number;
  /** Reviews in which every criterion was N/A: no score, left out of the mean. */
  readonly unscored: number;
  /** Scored reviews with a critical fail (each counts as 0 in the mean). */
  readonly criticalFails: number;
  /** Critical fails as a percentage of scored reviews. */
  readonly criticalFailPercent: number;
  /** Scored reviews at or above `passThreshold`, as a percentage of scored reviews. */
  readonly passPercent: number;
  /** The pass threshold used, percent. */
  readonly passThreshold: number;
  /** Every review's score, in input order. */
  readonly perReview: readonly IqsReviewScore[];
  /** Every criterion, in scorecard order. */
  readonly perCriterion: readonly IqsCriterionScore[];
  /** Every group, in order of first appearance. */
  readonly perGroup: readonly IqsGroupScore[];
  /** Reviews read, used and left out as bad (`total = used + skipped + excluded`; none is skipped). */
  readonly rows: BatchCounts;
  /** Bad reviews left out under `invalid: "exclude"`: index, id, field (`ratings.solution`), value and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

/**
 * Internal Quality Score: the company's own rating of its interactions (chats, calls, work at the
 * till; Osipov), made on samples of interactions (Quality-mgmt) with a scorecard.
 *
 * 1. Each rating is normalised to 0-1 on its criterion's scale: (rating - min) / (max - min);
 *    binary pass = 1, fail = 0.
 * 2. A review's score is the weighted mean of its normalised ratings over the criteria that apply:
 *    Σ wᵢ sᵢ / Σ wᵢ, N/A criteria leaving their weight out.
 * 3. A critical criterion rated below its pass mark sets the review's score to 0.
 * 4. IQS is the mean of the review scores, in percent. Reviews where every criterion is N/A have no
 *    score and are counted in `unscored`.
 *
 * This is how Zendesk QA (formerly Klaus) documents its IQS: category score (rating - min) /
 * (max - min), review score the weighted mean of the rated categories, a critical category below
 * 50% setting the review to 0 (this library's default pass mark is that 50%), IQS the mean of
 * review scores. Its "pass rate" (reviews at or above a baseline, 80% by default) is `passPercent`.
 *
 * @param reviews - QA reviews; each rates every criterion (`null` for N/A where allowed).
 * @param scorecard - the criteria with weights, scales and critical flags.
 * @throws CxMetricsError `INVALID_SCORECARD` (weight ≤ 0, weights adding up past 1.8e308, duplicate id, bad scale or
 *   pass mark);
 *   `UNKNOWN_CRITERION`; `MISSING_RATING`; `INVALID_SCORE` (rating off its scale, N/A where not
 *   allowed); `EMPTY_INPUT` (no reviews, or none that could be scored).
 * @example
 * ```ts
 * const scorecard = { criteria: [
 *   { id: "greeting", weight: 1, scale: "binary" },
 *   { id: "solution", weight: 3, scale: "1-5" },
 *   { id: "gdpr", weight: 1, scale: "binary", critical: true },
 * ] };
 * iqs([{ ratings: { greeting: true, solution: 4, gdpr: true } }], scorecard).iqs;
 * //=> 85 ((1 × 1 + 3 × 0.75 + 1 × 1) / 5 = 0.85)
 * ```
 */
export function iqs<R extends QaReview>(
  reviews: Values<R>,
  scorecard: Scorecard,
  options: IqsOptions<R> = {},
): IqsResult {
  const fn = "iqs";
  assertOptions(fn, options);
  const rule = scorecardRule(scorecard, fn);
  const { criteria } = rule;
  const overall = createIqsAccumulator(rule);
  const { passThreshold = 80 } = options;
  if (typeof passThreshold !== "number" || !(passThreshold >= 0 && passThreshold <= 100)) {
    throw invalid(fn, "INVALID_OPTION", "passThreshold", passThreshold, "a review score in percent, 0-100");
  }
  const by = options.by ?? ((review: R) => review.agentId);
  if (typeof by !== "function") throw invalid(fn, "INVALID_OPTION", "by", by, "a function (review) => key");
  const policy = rowPolicy(fn, options);
  const list = recordList(fn, "reviews", reviews);
  if (list.length === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no reviews");

  const perReview: IqsReviewScore[] = [];
  const ratedSum = criteria.map(() => 0);
  const ratedCount = criteria.map(() => 0);
  const failCount = criteria.map(() => 0);
  const criterionIndex = new Map(criteria.map((criterion, k) => [criterion.id, k]));
  const groups = new Map<string | null, { n: number; sum: number; criticalFails: number }>();
  let passed = 0;
  const { counts, exclusions } = visitRows(
    policy,
    list,
    (review) => review.id,
    (review, index) => {
      // Read everything first: a review left out must leave no trace in the totals.
      const scored = rule.score(review, index);
      const key = labelOf(fn, by(review, index), index);
      const id = labelOf(fn, (review as { id?: unknown }).id, index, "id");
      const group = groups.get(key) ?? { n: 0, sum: 0, criticalFails: 0 };
      groups.set(key, group);
      scored.normalized.forEach((value, k) => {
        if (value === null) return;
        ratedSum[k]! += value;
        ratedCount[k]!++;
      });
      for (const failed of scored.failedCritical) failCount[criterionIndex.get(failed)!]!++;
      const criticalFail = scored.failedCritical.length > 0;
      overall.addScored(scored);
      if (scored.score !== null) {
        if (100 * scored.score >= passThreshold - 1e-9) passed++;
        group.sum += scored.score;
        group.n++;
        if (criticalFail) group.criticalFails++;
      }
      perReview.push({
        index,
        id,
        key,
        score: scored.score === null ? null : 100 * scored.score,
        criticalFail,
        failedCritical: scored.failedCritical,
        applicableWeight: scored.applicableWeight,
      });
    },
    fn,
  );
  if (overall.toJSON().n === 0) {
    throw new CxMetricsError(fn, "EMPTY_INPUT", "no review could be scored: every criterion was N/A");
  }
  const { iqs: score, n, criticalFails } = overall.result();
  return {
    iqs: score,
    n,
    total: counts.used,
    unscored: counts.used - n,
    criticalFails,
    criticalFailPercent: (100 * criticalFails) / n,
    passPercent: (100 * passed) / n,
    passThreshold,
    perReview,
    perCriterion: criteria.map((criterion, k) => ({
      id: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      critical: criterion.critical,
      n: ratedCount[k]!,
      notApplicable: counts.used - ratedCount[k]!,
      meanScore: ratedCount[k]! === 0 ? null : (100 * ratedSum[k]!) / ratedCount[k]!,
      fails: criterion.critical ? failCount[k]! : null,
    })),
    perGroup: [...groups].map(([key, group]) => ({
      key,
      n: group.n,
      iqs: group.n === 0 ? null : (100 * group.sum) / group.n,
      criticalFails: group.criticalFails,
      criticalFailPercent: group.n === 0 ? null : (100 * group.criticalFails) / group.n,
    })),
    rows: counts,
    exclusions,
  };
}

/** A group key or id: text, a number read as text, or null when missing. */
function labelOf(fn: string, value: unknown, index: number, field = "group key"): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `${field} of review at index ${index} is ${describe(value)}, expected text or a number`,
    { index, value, field },
  );
}
