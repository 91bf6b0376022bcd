// The shapes of CSAT: its scales, modes, options and result.
import type { Accessor, CustomScale, RatingBucket, ScaleInfo } from "../types.js";

/** Labels of the 3-smiley scale, scored 1 / 3 / 5 as in Osipov. */
export type SmileyLabel = "negative" | "neutral" | "positive";

/**
 * A CSAT scale: a named one or a custom integer range. `"good-bad"` is the two-point scale of Zendesk's satisfaction
 * survey: "Bad" = 1, "Good" = 2 ("Good with comment", "Bad without comment" and the like as well).
 */
export type CsatScale = "1-5" | "1-10" | "smiley-3" | "good-bad" | CustomScale;

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
   * (Osipov: treat a 10-point scale like NPS), 5 (positive) on smiley-3, 2 (good) on good-bad; required for a custom
   * scale.
   */
  readonly satisfiedFrom?: number;
  /**
   * Highest rating that counts as dissatisfied, for the `"good-bad"` mode and the `dissatisfied`
   * count. Defaults: 2 on 1-5, 6 on 1-10 (NPS detractors), 1 (negative) on smiley-3, 1 (bad) on good-bad; required for
   * a custom scale in `"good-bad"` mode, else everything below `satisfiedFrom`.
   */
  readonly dissatisfiedTo?: number;
  /** `"top-box"` (default) or `"good-bad"`. */
  readonly mode?: CsatMode;
  /**
   * Reads the rating from a record. For smiley-3 it may return a label or a score 1 / 3 / 5; for good-bad a label or 1
   * / 2.
   */
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
