import { assertReadable } from "../internal/records.js";
import type { CustomScale } from "../types.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/**
 * A criterion's rating scale: `"binary"` (fail / pass: `false` / `true` or 0 / 1), `"1-3"`,
 * `"1-5"`, or points `{ min, max }` (integers, for example 0-10).
 */
export type CriterionScale = "binary" | "1-3" | "1-5" | CustomScale;

/** One criterion of a QA scorecard. */
export interface ScorecardCriterion {
  /** Stable identifier, used as the key in a review's `ratings`. */
  readonly id: string;
  /** Human-readable name. */
  readonly label?: string;
  /** Relative weight, > 0. Weights need not add up to anything. */
  readonly weight: number;
  /** The rating scale. */
  readonly scale: CriterionScale;
  /** A failed critical criterion sets the whole review to 0. Default false. */
  readonly critical?: boolean;
  /**
   * Lowest rating that passes, for a critical criterion. Default: `true` (1) on binary; otherwise the
   * lowest rating in the upper half of the scale (2 on 1-3, 3 on 1-5, 5 on 0-10).
   */
  readonly passFrom?: number;
  /** Whether the reviewer may mark the criterion N/A (`null`). Default false. */
  readonly allowNa?: boolean;
}

/** A QA scorecard: the criteria every review rates. */
export interface Scorecard {
  /** The criteria, at least one. */
  readonly criteria: readonly ScorecardCriterion[];
}

/** A rating: a number on the criterion's scale, `true` / `false` on a binary one, or `null` for N/A. */
export type Rating = number | boolean | null;

/** One QA review of one interaction. */
export interface QaReview {
  /** The review's own id. */
  readonly id?: string | undefined;
  /** The interaction (chat, call, ticket) reviewed. */
  readonly interactionId?: string | undefined;
  /** The agent whose work was reviewed. */
  readonly agentId?: string | undefined;
  /** The reviewer. */
  readonly reviewerId?: string | undefined;
  /** A rating for every criterion of the scorecard, keyed by criterion id. */
  readonly ratings: Readonly<Record<string, Rating>>;
}

/** A criterion with its scale resolved. */
export interface CompiledCriterion {
  /** The criterion's id. */
  readonly id: string;
  /** Its label (the id when none was given). */
  readonly label: string;
  /** Its weight, > 0. */
  readonly weight: number;
  /**
   * Its weight times the power of two that brings the largest weight of the scorecard near 1: the weighted mean is
   * computed with these, so that weights of 1e308 do not overflow and weights of 1e-320 do not lose their digits (a
   * power of two changes no digit, so ordinary weights give the same figures to the last bit).
   */
  readonly scaledWeight: number;
  /** Lowest rating of its scale. */
  readonly min: number;
  /** Highest rating of its scale. */
  readonly max: number;
  /** Whether a rating below `passFrom` fails the whole review. */
  readonly critical: boolean;
  /** Lowest passing rating. */
  readonly passFrom: number;
  /** Whether it may be rated N/A (null). */
  readonly allowNa: boolean;
}

const NAMED_SCALES: Readonly<Record<string, readonly [number, number]>> = {
  binary: [0, 1],
  "1-3": [1, 3],
  "1-5": [1, 5],
};

function scorecardError(fn: string, message: string, value: unknown): CxMetricsError {
  return new CxMetricsError(fn, "INVALID_SCORECARD", message, { value });
}

/** Validates a scorecard and resolves every criterion's range and pass mark. */
export function compileScorecard(fn: string, scorecard: Scorecard): readonly CompiledCriterion[] {
  assertReadable(fn, "scorecard", scorecard);
  const criteria = (scorecard as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0) {
    throw scorecardError(
      fn,
      `scorecard is ${describe(scorecard)}, expected { criteria: [...] } with at least one criterion`,
      scorecard,
    );
  }
  const seen = new Set<string>();
  const compiled = Array.from(criteria as readonly ScorecardCriterion[], (criterion, index) => {
    const where = `criterion ${index}`;
    if (typeof criterion?.id !== "string" || criterion.id === "")
      throw scorecardError(fn, `${where} has no id`, criterion);
    if (seen.has(criterion.id))
      throw scorecardError(fn, `criterion id ${JSON.stringify(criterion.id)} appears twice`, criterion.id);
    seen.add(criterion.id);
    if (typeof criterion.weight !== "number" || !(criterion.weight > 0) || !Number.isFinite(criterion.weight)) {
      throw scorecardError(
        fn,
        `weight of ${JSON.stringify(criterion.id)} is ${describe(criterion.weight)}, expected a number > 0`,
        criterion.weight,
      );
    }
    const { scale } = criterion;
    const range = typeof scale === "string" && Object.hasOwn(NAMED_SCALES, scale) ? NAMED_SCALES[scale] : undefined;
    const [min, max] = range ?? [
      (scale as { min?: number } | null)?.min ?? Number.NaN,
      (scale as { max?: number } | null)?.max ?? Number.NaN,
    ];
    if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && max > min)) {
      throw scorecardError(
        fn,
        `scale of ${JSON.stringify(criterion.id)} is ${describe(scale)}, expected "binary", "1-3", "1-5" or { min, max }`,
        scale,
      );
    }
    const passFrom = criterion.passFrom ?? min + Math.ceil((max - min) / 2);
    if (!(Number.isInteger(passFrom) && passFrom > min && passFrom <= max)) {
      throw scorecardError(
        fn,
        `passFrom of ${JSON.stringify(criterion.id)} is ${describe(passFrom)}, expected an integer ${min + 1}-${max}`,
        passFrom,
      );
    }
    return {
      id: criterion.id,
      label: criterion.label ?? criterion.id,
      weight: criterion.weight,
      scaledWeight: criterion.weight,
      min,
      max,
      critical: criterion.critical === true,
      passFrom,
      allowNa: criterion.allowNa === true,
    };
  });
  let total = 0;
  let largest = 0;
  for (const criterion of compiled) {
    total += criterion.weight;
    largest = Math.max(largest, criterion.weight);
  }
  if (!Number.isFinite(total))
    throw scorecardError(
      fn,
      `the weights add up to more than the largest number (about 1.8e308); weights are relative: divide them all by the same number`,
      compiled.map((criterion) => criterion.weight),
    );
  // 2^-e in two factors (2^1074 alone would overflow), e the binary exponent of the largest weight.
  const e = Math.floor(Math.log2(largest));
  const half = Math.trunc(-e / 2);
  const [f1, f2] = [2 ** half, 2 ** (-e - half)];
  return compiled.map((criterion) => ({ ...criterion, scaledWeight: criterion.weight * f1 * f2 }));
}

/** A review scored against a compiled scorecard. */
export interface ScoredReview {
  /** Weighted mean of the applicable normalised ratings, 0-1; 0 on a critical fail; null when all were N/A. */
  readonly score: number | null;
  /** Critical criteria rated below their pass mark. */
  readonly failedCritical: readonly string[];
  /** Normalised rating per criterion, 0-1, or null for N/A; in scorecard order. */
  readonly normalized: readonly (number | null)[];
  /** Raw rating per criterion (booleans as 0 / 1), or null for N/A; in scorecard order. */
  readonly raw: readonly (number | null)[];
  /** Total weight of the criteria that applied. */
  readonly applicableWeight: number;
}

/**
 * Scores one review: each rating normalised to 0-1 as (rating - min) / (max - min); the weighted
 * mean over the criteria that apply (N/A leaves its weight out); 0 when a critical criterion fails.
 */
export function scoreReview(
  fn: string,
  criteria: readonly CompiledCriterion[],
  review: QaReview,
  index: number,
): ScoredReview {
  const ratings = (review as { ratings?: unknown } | null)?.ratings;
  if (typeof ratings !== "object" || ratings === null) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `review at index ${index} is ${describe(review)}, expected an object with ratings { criterionId: rating }`,
      {
        index,
        value: review,
        field: "ratings",
      },
    );
  }
  for (const key of Object.keys(ratings)) {
    if (!criteria.some((criterion) => criterion.id === key)) {
      throw new CxMetricsError(
        fn,
        "UNKNOWN_CRITERION",
        `review at index ${index} rates ${JSON.stringify(key)}, which is not on the scorecard`,
        {
          index,
          value: key,
          field: `ratings.${key}`,
        },
      );
    }
  }
  let weighted = 0;
  let applicableWeight = 0;
  let applicableScaled = 0;
  const failedCritical: string[] = [];
  const normalized: (number | null)[] = [];
  const raw: (number | null)[] = [];
  for (const criterion of criteria) {
    if (!Object.hasOwn(ratings, criterion.id)) {
      throw new CxMetricsError(
        fn,
        "MISSING_RATING",
        `review at index ${index} has no rating for ${JSON.stringify(criterion.id)} (use null for N/A)`,
        {
          index,
          value: criterion.id,
          field: `ratings.${criterion.id}`,
        },
      );
    }
    const given = (ratings as Record<string, unknown>)[criterion.id];
    if (given === null) {
      if (!criterion.allowNa) {
        throw new CxMetricsError(
          fn,
          "INVALID_SCORE",
          `review at index ${index} marks ${JSON.stringify(criterion.id)} N/A, which it does not allow`,
          {
            index,
            value: given,
            field: `ratings.${criterion.id}`,
          },
        );
      }
      normalized.push(null);
      raw.push(null);
      continue;
    }
    const value = typeof given === "boolean" && criterion.min === 0 && criterion.max === 1 ? Number(given) : given;
    if (typeof value !== "number" || !Number.isInteger(value) || value < criterion.min || value > criterion.max) {
      const expected = `an integer ${criterion.min}-${criterion.max}${criterion.min === 0 && criterion.max === 1 ? " or a boolean" : ""}, or null for N/A`;
      throw new CxMetricsError(
        fn,
        "INVALID_SCORE",
        `rating of ${JSON.stringify(criterion.id)} in review at index ${index} is ${describe(given)}, expected ${expected}`,
        {
          index,
          value: given,
          field: `ratings.${criterion.id}`,
        },
      );
    }
    const score = (value - criterion.min) / (criterion.max - criterion.min);
    normalized.push(score);
    raw.push(value);
    weighted += criterion.scaledWeight * score;
    applicableScaled += criterion.scaledWeight;
    applicableWeight += criterion.weight;
    if (criterion.critical && value < criterion.passFrom) failedCritical.push(criterion.id);
  }
  const score = applicableScaled === 0 ? null : failedCritical.length > 0 ? 0 : weighted / applicableScaled;
  return { score, failedCritical, normalized, raw, applicableWeight };
}

/** A scorecard checked once, with the scorer of one review; made by {@link scorecardRule}. */
export interface ScorecardRule {
  /** Marks a compiled scorecard (a scorecard has no `kind`). */
  readonly kind: "scorecard-rule";
  /** The criteria with their scales resolved, in scorecard order. */
  readonly criteria: readonly CompiledCriterion[];
  /**
   * Scores one review (weighted mean of its normalised ratings, N/A leaving its weight out; 0 on a
   * critical fail). Throws `UNKNOWN_CRITERION`, `MISSING_RATING` or `INVALID_SCORE` naming the field.
   */
  score(review: QaReview, index?: number): ScoredReview;
}

/**
 * Checks a QA scorecard once and returns the rule every IQS figure is computed with: each
 * criterion's range and pass mark resolved, and the scorer of one review (Zendesk QA's review score).
 *
 * @throws CxMetricsError `INVALID_SCORECARD` (no criteria, weight ≤ 0, weights adding up past 1.8e308, duplicate id,
 *   bad scale or pass mark).
 * @example
 * ```ts
 * const rule = scorecardRule({ criteria: [{ id: "greeting", weight: 1, scale: "binary" }, { id: "solution", weight: 3, scale: "1-5" }] });
 * rule.score({ ratings: { greeting: true, solution: 4 } }).score; //=> 0.8125 ((1 × 1 + 3 × 0.75) / 4)
 * ```
 */
export function scorecardRule(scorecard: Scorecard | ScorecardRule, fn = "scorecardRule"): ScorecardRule {
  assertReadable(fn, "scorecard", scorecard);
  if ((scorecard as { kind?: unknown } | null)?.kind === "scorecard-rule") return scorecard as ScorecardRule;
  const criteria = compileScorecard(fn, scorecard as Scorecard);
  const scorer = fn === "scorecardRule" ? "iqs" : fn;
  return {
    kind: "scorecard-rule",
    criteria,
    score: (review, index = 0) => scoreReview(scorer, criteria, review, index),
  };
}
