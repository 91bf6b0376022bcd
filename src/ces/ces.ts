import { tallyScale } from "../internal/tally.js";
import { assertOptions } from "../internal/validate.js";
import type { Accessor, RatingBucket, ScaleInfo, Values } from "../types.js";
import { cesFromTally, cesRule } from "./rule.js";

/** The CES scales: 7 points (the usual one, Quality-mgmt) or 5 points. */
export type CesScale = "1-7" | "1-5";

/** Which end of the scale means "easy": `"high"` (7 = very easy, CES 2.0) or `"low"` (1 = very low effort, CES 1.0). */
export type CesEasyEnd = "high" | "low";

/** Options of {@link ces}. */
export interface CesOptions<T = number> {
  /** The scale; default `"1-7"`. */
  readonly scale?: CesScale;
  /** Which end means easy; default `"high"` (Quality-mgmt: "seven = very easy"). */
  readonly easyEnd?: CesEasyEnd;
  /**
   * The rating from which, towards the easy end, a response counts as easy. Defaults: 5 on 1-7
   * and 4 on 1-5 when high is easy (the "agree" ratings); 3 and 2 when low is easy.
   */
  readonly easyFrom?: number;
  /** Reads the rating from a record. */
  readonly accessor?: Accessor<T, unknown>;
}

/** A CES result with the counts it came from. */
export interface CesResult {
  /** Mean rating on the scale (Osipov: computed like CSAT, the sum divided by the number of answers). */
  readonly mean: number;
  /** Share of easy responses, 0-100. */
  readonly easyPercent: number;
  /** Number of easy responses. */
  readonly easy: number;
  /** Number of responses. */
  readonly total: number;
  /** Ratings per scale step, lowest first. */
  readonly distribution: readonly RatingBucket[];
  /** The scale's range and name. */
  readonly scale: ScaleInfo<CesScale>;
  /** Which end means easy. */
  readonly easyEnd: CesEasyEnd;
  /** The easy threshold used. */
  readonly easyFrom: number;
}

/**
 * Customer Effort Score: how easy it was to get an issue solved (Osipov, Quality-mgmt).
 *
 * Reports both common definitions: the **mean** rating and the **percent easy** (ratings at or
 * beyond `easyFrom` towards the easy end). By default the scale is 1-7 with 7 = very easy
 * (Quality-mgmt) and easy = 5, 6, 7. With `easyEnd: "low"` (the original low-effort wording),
 * easy = 1-3 and a lower mean is better.
 *
 * @param ratings - integer ratings, or records with `options.accessor`.
 * @throws CxMetricsError `INVALID_SCORE` (index, value) for a rating off the scale or not an integer;
 *   `EMPTY_INPUT` for no ratings; `INVALID_OPTION` for a bad scale, end or threshold.
 * @example
 * ```ts
 * ces([7, 6, 5, 3, 2]); //=> { mean: 4.6, easyPercent: 60, easy: 3, total: 5, ... }
 * ces([1, 2, 6], { easyEnd: "low" }).easyPercent; //=> 66.66...
 * ```
 */
export function ces<T = number>(ratings: Values<T>, options: CesOptions<T> = {}): CesResult {
  const fn = "ces";
  assertOptions(fn, options);
  const rule = cesRule(options as CesOptions<unknown>, fn);
  return cesFromTally(fn, rule, tallyScale(fn, ratings, options.accessor, 1, rule.scale.max));
}
