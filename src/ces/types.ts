// The shapes of CES: its scales, options and result.
import type { Accessor, RatingBucket, ScaleInfo } from "../types.js";

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
