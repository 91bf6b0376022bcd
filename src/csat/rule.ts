// The CSAT rule, written once: the scale, which ratings are satisfied and dissatisfied, and the
// percentage and mean from a tally of ratings. `csat`, the accumulator, the report, the SQL counts,
// the check and the DuckDB engine all go through a compiled rule.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { countBetween, summarizeRatings } from "../internal/rating-summary.js";
import { assertOptions } from "../internal/validate.js";
import type { ScaleInfo } from "../types.js";
import type { CsatMode, CsatOptions, CsatResult, SmileyLabel } from "./types.js";

const SMILEY_LABELS: readonly (SmileyLabel | undefined)[] = [
  undefined,
  "negative",
  undefined,
  "neutral",
  undefined,
  "positive",
];

/** Labels of the good-bad scale by value: Bad = 1, Good = 2. */
const GOOD_BAD_LABELS: readonly (string | undefined)[] = [undefined, "bad", "good"];

/**
 * A rating of Zendesk's two-point satisfaction survey as written in its exports: "Good" and "Bad", also "Good with
 * comment", "Bad without comment" (Zendesk's trigger conditions and Explore's attribute name these), any case and
 * spacing.
 */
const GOOD_BAD = /^\s*(good|bad)(?:\s+with(?:out)?\s+comment)?\s*$/i;

/** Named scales: [min, max, default satisfiedFrom, default dissatisfiedTo]. */
const SCALES: Readonly<Record<string, readonly [number, number, number, number]>> = {
  "1-5": [1, 5, 4, 2],
  "1-10": [1, 10, 9, 6],
  "smiley-3": [1, 5, 5, 1],
  "good-bad": [1, 2, 2, 1],
};

/** The labels of a named scale's values, for its distribution; undefined for a numeric scale. */
export function scaleLabels(name: string): readonly (string | undefined)[] | undefined {
  return name === "smiley-3" ? SMILEY_LABELS : name === "good-bad" ? GOOD_BAD_LABELS : undefined;
}

/**
 * CSAT options checked once: the scale, the thresholds and the mode, and how one rating is read.
 * Made by {@link csatRule}; every CSAT figure of the library is computed through one.
 */
export interface CsatRule {
  /** Marks a compiled rule (an options object has no `kind`). */
  readonly kind: "csat-rule";
  /** The scale's name and range. */
  readonly scale: ScaleInfo;
  /** Lowest satisfied rating. */
  readonly satisfiedFrom: number;
  /** Highest dissatisfied rating (`scale.min - 1`: none). */
  readonly dissatisfiedTo: number;
  /** How the percentage is formed. */
  readonly mode: CsatMode;
  /**
   * Reads one rating (a number on the scale; on smiley-3 also a label) as its value on the scale;
   * `what` names it in the error (default "score at index <index>").
   * @throws CxMetricsError `INVALID_SCORE` off the scale, `INVALID_LABEL` for an unknown smiley.
   */
  read(rating: unknown, index?: number, what?: string): number;
  /** Whether {@link CsatRule.read} takes the rating. */
  accepts(rating: unknown): boolean;
  /**
   * What a rating (a value on the scale) counts as in the percentage: 1 satisfied, 0 in the denominator but not
   * satisfied, null outside the denominator (a neutral rating in good/bad mode).
   * @throws CxMetricsError `INVALID_SCORE` for a value that is not an integer on the scale.
   */
  share(rating: number): 1 | 0 | null;
}

/** A threshold option: an integer from `low` to `high`. */
function threshold(fn: string, name: string, value: unknown, low: number, high: number): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= low && value <= high) return value;
  throw invalid(fn, "INVALID_OPTION", name, value, `an integer ${low}-${high}`);
}

/** The scale's range and default thresholds. */
function scaleOf(fn: string, scale: unknown): readonly [number, number, number | undefined, number | undefined] {
  const named = typeof scale === "string" && Object.hasOwn(SCALES, scale) ? SCALES[scale] : undefined;
  const [min, max, satisfied, dissatisfied] = named ?? [
    (scale as { min?: number } | null)?.min ?? Number.NaN,
    (scale as { max?: number } | null)?.max ?? Number.NaN,
  ];
  // A rating scale has a handful of steps; more than 1,000 is a mistake (and would size the tally).
  if (!(Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 1000)) {
    throw invalid(
      fn,
      "INVALID_OPTION",
      "scale",
      scale,
      '"1-5", "1-10", "smiley-3", "good-bad" or { min, max } at most 1000 apart',
    );
  }
  return [min, max, satisfied, dissatisfied];
}

/** Reads a rating on an integer scale, a smiley label / score 1, 3, 5, or a good / bad label / score 1, 2. */
function ratingReader(
  fn: string,
  min: number,
  max: number,
  scale: unknown,
): (rating: unknown, index?: number, what?: string) => number {
  if (scale === "good-bad") {
    return (rating, index = 0, what = `rating at index ${index}`) => {
      if (rating === 1 || rating === 2) return rating;
      const label = typeof rating === "string" ? GOOD_BAD.exec(rating) : null;
      if (label !== null) return label[1]!.toLowerCase() === "good" ? 2 : 1;
      throw invalid(fn, "INVALID_LABEL", what, rating, '"Good" or "Bad" (... with comment), or 2 / 1', index);
    };
  }
  if (scale === "smiley-3") {
    return (rating, index = 0, what = `rating at index ${index}`) => {
      const score = typeof rating === "string" ? SMILEY_LABELS.indexOf(rating as SmileyLabel) : rating;
      if (score === 1 || score === 3 || score === 5) return score;
      throw invalid(fn, "INVALID_LABEL", what, rating, "a smiley label or 1, 3, 5", index);
    };
  }
  return (rating, index = 0, what = `score at index ${index}`) => {
    if (typeof rating === "number" && Number.isInteger(rating) && rating >= min && rating <= max) return rating;
    throw invalid(fn, "INVALID_SCORE", what, rating, `an integer ${min}-${max}`, index);
  };
}

/**
 * Checks CSAT options once and returns the rule every CSAT figure is computed with: the scale, the
 * satisfied and dissatisfied thresholds (defaults: 4 and 2 on 1-5, UA-agency; 9 and 6 on 1-10,
 * Osipov; positive and negative on smiley-3), the mode, and the reader of one rating.
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad scale (a custom one spans at most 1,000 steps),
 *   threshold or mode.
 * @example
 * ```ts
 * const rule = csatRule({ scale: "1-10" });
 * rule.satisfiedFrom; //=> 9
 * rule.accepts(11); //=> false
 * ```
 */
export function csatRule(options: CsatOptions<unknown> = {}, fn = "csatRule"): CsatRule {
  assertOptions(fn, options);
  const { scale = "1-5", mode = "top-box" } = options;
  const goodBad = mode === "good-bad";
  if (!goodBad && mode !== "top-box") throw invalid(fn, "INVALID_OPTION", "mode", mode, '"top-box" or "good-bad"');
  const [min, max, defaultSatisfied, defaultDissatisfied] = scaleOf(fn, scale);
  const satisfiedFrom = threshold(fn, "satisfiedFrom", options.satisfiedFrom ?? defaultSatisfied, min, max);
  // Defaults: the scale's own, kept below satisfiedFrom; on a custom scale, everything below
  // satisfiedFrom in top-box mode, and no default in good-bad mode (it must be chosen).
  const fallback =
    defaultDissatisfied !== undefined
      ? Math.min(defaultDissatisfied, satisfiedFrom - 1)
      : goodBad
        ? undefined
        : satisfiedFrom - 1;
  const dissatisfiedTo = threshold(
    fn,
    "dissatisfiedTo",
    options.dissatisfiedTo ?? fallback,
    min - 1,
    satisfiedFrom - 1,
  );
  const read = ratingReader(fn === "csatRule" ? "csat" : fn, min, max, scale);
  return {
    kind: "csat-rule",
    scale: { name: typeof scale === "string" ? scale : `${min}-${max}`, min, max },
    satisfiedFrom,
    dissatisfiedTo,
    mode,
    read,
    share: (rating) => {
      // Not a value on the scale (null, text, 0 on 1-5) counted as 0: in the denominator, not satisfied.
      if (typeof rating !== "number" || !Number.isInteger(rating) || rating < min || rating > max)
        throw invalid("CsatRule.share", "INVALID_SCORE", "rating", rating, `an integer ${min}-${max} (see rule.read)`);
      return rating >= satisfiedFrom ? 1 : !goodBad || rating <= dissatisfiedTo ? 0 : null;
    },
    accepts(rating) {
      try {
        read(rating);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** A rule given as such, or compiled from options. */
export function asCsatRule(fn: string, given: CsatRule | CsatOptions<unknown> | undefined): CsatRule {
  return (given as { kind?: unknown } | undefined)?.kind === "csat-rule"
    ? (given as CsatRule)
    : csatRule(given as CsatOptions<unknown>, fn);
}

/**
 * The CSAT result of a tally (`counts[k]` ratings of value `scale.min + k`) under a rule.
 * @throws CxMetricsError `EMPTY_INPUT` for no ratings (good-bad: no satisfied or dissatisfied ones).
 */
export function csatFromTally(fn: string, rule: CsatRule, counts: Float64Array): CsatResult {
  const { min } = rule.scale;
  const summary = summarizeRatings(counts, min, scaleLabels(rule.scale.name));
  let satisfied = 0;
  let denominator = 0;
  for (let k = 0; k < counts.length; k++) {
    const share = rule.share(min + k);
    if (share !== null) denominator += counts[k]!;
    if (share === 1) satisfied += counts[k]!;
  }
  const dissatisfied = countBetween(counts, min, min, rule.dissatisfiedTo);
  const goodBad = rule.mode === "good-bad";
  // No ratings at all, or (good-bad) none that are satisfied or dissatisfied.
  if (denominator === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", goodBad ? "no good or bad ratings" : "no ratings");
  return {
    percent: (100 * satisfied) / denominator,
    satisfied,
    dissatisfied,
    neutral: summary.total - satisfied - dissatisfied,
    total: summary.total,
    denominator,
    mean: summary.mean,
    distribution: summary.distribution,
    scale: rule.scale,
    satisfiedFrom: rule.satisfiedFrom,
    dissatisfiedTo: rule.dissatisfiedTo,
    mode: rule.mode,
  };
}
