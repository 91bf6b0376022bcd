// The CES rule, written once: the scale, which end is easy and from which rating, and the mean and
// share of easy ratings from a tally. `ces`, the accumulator, the report, the SQL counts, the check
// and the DuckDB engine all go through a compiled rule.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { summarizeRatings } from "../internal/rating-summary.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import type { ScaleInfo } from "../types.js";
import type { CesEasyEnd, CesOptions, CesResult, CesScale } from "./types.js";

/** CES options checked once; made by {@link cesRule}. */
export interface CesRule {
  /** Marks a compiled rule (an options object has no `kind`). */
  readonly kind: "ces-rule";
  /** The scale's name and range. */
  readonly scale: ScaleInfo<CesScale>;
  /** Which end means easy. */
  readonly easyEnd: CesEasyEnd;
  /** The rating from which, towards the easy end, a response is easy. */
  readonly easyFrom: number;
  /**
   * Reads one rating: an integer on the scale; `what` names it in the error. @throws CxMetricsError `INVALID_SCORE`.
   */
  read(rating: unknown, index?: number, what?: string): number;
  /** Whether {@link CesRule.read} takes the rating. */
  accepts(rating: unknown): boolean;
  /**
   * 1 for a rating at or beyond `easyFrom` towards the easy end, else 0.
   * @throws CxMetricsError `INVALID_SCORE` for a value that is not an integer on the scale.
   */
  share(rating: number): 1 | 0;
}

/**
 * Checks CES options once and returns the rule every CES figure is computed with. Defaults: the
 * 1-7 scale with 7 = very easy and easy = 5-7 (Quality-mgmt); 4-5 on 1-5; 1-3 and 1-2 when low is easy.
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad scale, end or threshold.
 * @example
 * ```ts
 * cesRule({ scale: "1-5" }).easyFrom; //=> 4
 * ```
 */
export function cesRule(options: CesOptions<unknown> = {}, fn = "cesRule"): CesRule {
  assertOptions(fn, options);
  const { scale = "1-7", easyEnd = "high" } = options;
  assertOneOf(fn, "scale", scale, ["1-7", "1-5"]);
  assertOneOf(fn, "easyEnd", easyEnd, ["high", "low"]);
  const max = scale === "1-7" ? 7 : 5;
  const defaultEasyFrom = easyEnd === "high" ? (scale === "1-7" ? 5 : 4) : scale === "1-7" ? 3 : 2;
  const easyFrom = options.easyFrom ?? defaultEasyFrom;
  if (!Number.isInteger(easyFrom) || easyFrom < 1 || easyFrom > max) {
    throw invalid(fn, "INVALID_OPTION", "easyFrom", easyFrom, `an integer on the ${scale} scale`);
  }
  const reader = fn === "cesRule" ? "ces" : fn;
  const read = (rating: unknown, index = 0, what = `score at index ${index}`): number => {
    if (typeof rating === "number" && Number.isInteger(rating) && rating >= 1 && rating <= max) return rating;
    throw invalid(reader, "INVALID_SCORE", what, rating, `an integer 1-${max}`, index);
  };
  return {
    kind: "ces-rule",
    scale: { name: scale, min: 1, max },
    easyEnd,
    easyFrom,
    read,
    share: (rating) => {
      // Not a value on the scale (null, text, 9 on 1-7) counted as 0 or 1 without a word.
      if (typeof rating !== "number" || !Number.isInteger(rating) || rating < 1 || rating > max)
        throw invalid("CesRule.share", "INVALID_SCORE", "rating", rating, `an integer 1-${max} (see rule.read)`);
      return (easyEnd === "high" ? rating >= easyFrom : rating <= easyFrom) ? 1 : 0;
    },
    accepts: (rating) => typeof rating === "number" && Number.isInteger(rating) && rating >= 1 && rating <= max,
  };
}

/** A rule given as such, or compiled from options. */
export function asCesRule(fn: string, given: CesRule | CesOptions<unknown> | undefined): CesRule {
  return (given as { kind?: unknown } | undefined)?.kind === "ces-rule"
    ? (given as CesRule)
    : cesRule(given as CesOptions<unknown>, fn);
}

/**
 * The CES result of a tally (`counts[k]` ratings of value `1 + k`) under a rule.
 * @throws CxMetricsError `EMPTY_INPUT` for no ratings.
 */
export function cesFromTally(fn: string, rule: CesRule, counts: Float64Array): CesResult {
  const summary = summarizeRatings(counts, 1);
  if (summary.total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no ratings");
  let easy = 0;
  for (let k = 0; k < counts.length; k++) if (rule.share(1 + k) === 1) easy += counts[k]!;
  return {
    mean: summary.mean,
    easyPercent: (100 * easy) / summary.total,
    easy,
    total: summary.total,
    distribution: summary.distribution,
    scale: rule.scale,
    easyEnd: rule.easyEnd,
    easyFrom: rule.easyFrom,
  };
}
