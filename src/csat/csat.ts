import { tallyScale } from "../internal/tally.js";
import { assertOptions } from "../internal/validate.js";
import type { Accessor, CustomScale, RatingBucket, ScaleInfo, Values } from "../types.js";
import { csatFromTally, csatRule } from "./rule.js";

/** Labels of the 3-smiley scale, scored 1 / 3 / 5 as in Osipov. */
export type SmileyLabel = "negative" | "neutral" | "positive";

/** A CSAT scale: a named one or a custom integer range. */
export type CsatScale = "1-5" | "1-10" | "smiley-3" | CustomScale;

/**
 * How the CSAT percentage is formed:
 * - `"top-box"` (default; UA-agency): satisfied / all ratings.
 * - `"good-bad"` (Zendesk style): satisfied / (satisfied + dissatisfied); neutral ratings are left out.
 */
export type CsatMode = "top-box" | "good-bad";

/** Options of {@link csat}. */
export interface CsatOptions<T = number> {
  /** The rating scale; default `"1-5"`. */
  readonly scale?: CsatScale;
  /**
   * Lowest rating that counts as satisfied. Defaults: 4 on 1-5 (UA-agency: "4 and 5"), 9 on 1-10
   * (Osipov: treat a 10-point scale like NPS), 5 (positive) on smiley-3; required for a custom scale.
   */
  readonly satisfiedFrom?: number;
  /**
   * Highest rating that counts as dissatisfied, for the `"good-bad"` mode and the `dissatisfied`
   * count. Defaults: 2 on 1-5, 6 on 1-10 (NPS detractors), 1 (negative) on smiley-3; required for
   * a custom scale in `"good-bad"` mode, else everything below `satisfiedFrom`.
   */
  readonly dissatisfiedTo?: number;
  /** `"top-box"` (default) or `"good-bad"`. */
  readonly mode?: CsatMode;
  /** Reads the rating from a record. For smiley-3 it may return a label or a score 1 / 3 / 5. */
  readonly accessor?: Accessor<T, unknown>;
}

/** A CSAT result with the counts it came from. */
export interface CsatResult {
  /** CSAT in percent, 0-100: satisfied / denominator × 100. Unrounded. */
  readonly percent: number;
  /** Ratings at or above `satisfiedFrom`. */
  readonly satisfied: number;
  /** Ratings at or below `dissatisfiedTo`. */
  readonly dissatisfied: number;
  /** Ratings between the two thresholds. */
  readonly neutral: number;
  /** All ratings. */
  readonly total: number;
  /** The denominator of `percent`: `total` for top-box, satisfied + dissatisfied for good-bad. */
  readonly denominator: number;
  /** Mean rating on the scale (Osipov's CSAT: the sum divided by the number of answers). */
  readonly mean: number;
  /** Ratings per scale step, lowest first. */
  readonly distribution: readonly RatingBucket[];
  /** The scale's range and name. */
  readonly scale: ScaleInfo;
  /** The satisfied threshold used. */
  readonly satisfiedFrom: number;
  /** The dissatisfied threshold used. */
  readonly dissatisfiedTo: number;
  /** The mode used. */
  readonly mode: CsatMode;
}

/**
 * Customer Satisfaction Score from ratings of one interaction.
 *
 * - **Percent** (default, top-box; UA-agency): CSAT = satisfied ratings / all ratings × 100, with
 *   satisfied = 4 and 5 on the 1-5 scale. `mode: "good-bad"` gives Zendesk's
 *   good / (good + bad): neutral ratings leave the denominator.
 * - **Mean** (Osipov): the sum of ratings divided by their number; on the 3-smiley scale the smileys
 *   score negative = 1, neutral = 3, positive = 5, so "the closer to 5 the better". Read it with
 *   {@link csatBand}.
 *
 * Scales: `"1-5"` (default), `"1-10"`, `"smiley-3"` (labels or 1 / 3 / 5), or `{ min, max }`.
 * Both figures are unrounded; `distribution` lists every step of the scale.
 *
 * @param ratings - integer ratings (or smiley labels), or records with `options.accessor`.
 * @throws CxMetricsError `INVALID_SCORE` (index, value) for a rating off the scale or not an integer;
 *   `INVALID_LABEL` for an unknown smiley; `EMPTY_INPUT` for no ratings (or, in good-bad mode, no
 *   satisfied or dissatisfied ones); `INVALID_OPTION` for a bad scale (a custom one spans at most
 *   1,000 steps), threshold or mode; `INVALID_ARGUMENT` for an accessor that is not a function.
 * @example
 * ```ts
 * csat([5, 4, 3, 5, 1]); //=> { percent: 60, satisfied: 3, total: 5, mean: 3.6, ... }
 * csat(["positive", "neutral", "positive"], { scale: "smiley-3" }).mean; //=> 4.333... (13 / 3)
 * ```
 */
export function csat<T = number>(ratings: Values<T>, options: CsatOptions<T> = {}): CsatResult {
  const fn = "csat";
  assertOptions(fn, options);
  const rule = csatRule(options as CsatOptions<unknown>, fn);
  const { accessor } = options;
  const { min, max } = rule.scale;
  // Smileys are read by the rule (labels); other scales by the tally's fast loops.
  const read: Accessor<T, unknown> | undefined =
    rule.scale.name === "smiley-3" ? (item, index) => rule.read(accessor === undefined ? item : accessor(item, index), index) : accessor;
  return csatFromTally(fn, rule, tallyScale(fn, ratings, read, min, max));
}
