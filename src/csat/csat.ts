import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { countBetween, summarizeRatings } from "../internal/rating-summary.js";
import { tallyScale } from "../internal/tally.js";
import { assertOptions } from "../internal/validate.js";
import type { Accessor, CustomScale, RatingBucket, ScaleInfo, Values } from "../types.js";

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

const SMILEY_LABELS: readonly (SmileyLabel | undefined)[] = [, "negative", , "neutral", , "positive"];

/** Named scales: [min, max, default satisfiedFrom, default dissatisfiedTo]. */
const SCALES: Readonly<Record<string, readonly [number, number, number, number]>> = {
  "1-5": [1, 5, 4, 2],
  "1-10": [1, 10, 9, 6],
  "smiley-3": [1, 5, 5, 1],
};

/** Reads a smiley rating: a label or its score 1 / 3 / 5. */
function smileyScore(fn: string, raw: unknown, index: number): number {
  const score = typeof raw === "string" ? SMILEY_LABELS.indexOf(raw as SmileyLabel) : raw;
  if (score === 1 || score === 3 || score === 5) return score;
  throw invalid(fn, "INVALID_LABEL", `rating at index ${index}`, raw, "a smiley label or 1, 3, 5", index);
}

/** A threshold option: an integer from `low` to `high`. */
function threshold(fn: string, name: string, value: unknown, low: number, high: number): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= low && value <= high) return value;
  throw invalid(fn, "INVALID_OPTION", name, value, `an integer ${low}-${high}`);
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
  const { scale = "1-5", mode = "top-box", accessor } = options;
  const goodBad = mode === "good-bad";
  if (!goodBad && mode !== "top-box") {
    throw invalid(fn, "INVALID_OPTION", "mode", mode, "\"top-box\" or \"good-bad\"");
  }
  const named = typeof scale === "string" && Object.hasOwn(SCALES, scale) ? SCALES[scale] : undefined;
  const [min, max, defaultSatisfied, defaultDissatisfied] = named ?? [
    (scale as { min?: number } | null)?.min ?? Number.NaN,
    (scale as { max?: number } | null)?.max ?? Number.NaN,
  ];
  // A rating scale has a handful of steps; more than 1,000 is a mistake (and would size the tally).
  if (!(Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 1000)) {
    throw invalid(fn, "INVALID_OPTION", "scale", scale, '"1-5", "1-10", "smiley-3" or { min, max } at most 1000 apart');
  }
  const satisfiedFrom = threshold(fn, "satisfiedFrom", options.satisfiedFrom ?? defaultSatisfied, min, max);
  // Defaults: the scale's own, kept below satisfiedFrom; on a custom scale, everything below
  // satisfiedFrom in top-box mode, and no default in good-bad mode (it must be chosen).
  const dissatisfiedTo = threshold(
    fn,
    "dissatisfiedTo",
    options.dissatisfiedTo ??
      (defaultDissatisfied !== undefined
        ? Math.min(defaultDissatisfied, satisfiedFrom - 1)
        : !goodBad
          ? satisfiedFrom - 1
          : undefined),
    min - 1,
    satisfiedFrom - 1,
  );
  const isSmiley = scale === "smiley-3";
  const read: Accessor<T, unknown> | undefined = isSmiley
    ? (item, index) => smileyScore(fn, accessor === undefined ? item : accessor(item, index), index)
    : accessor;
  const counts = tallyScale(fn, ratings, read, min, max);
  const summary = summarizeRatings(counts, min, isSmiley ? SMILEY_LABELS : undefined);
  const satisfied = countBetween(counts, min, satisfiedFrom, max);
  const dissatisfied = countBetween(counts, min, min, dissatisfiedTo);
  const denominator = goodBad ? satisfied + dissatisfied : summary.total;
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
    scale: { name: typeof scale === "string" ? scale : `${min}-${max}`, min, max },
    satisfiedFrom,
    dissatisfiedTo,
    mode,
  };
}
