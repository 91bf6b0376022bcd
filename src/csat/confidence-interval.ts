import { assertObject } from "../internal/validate.js";
import { ratingIntervals, type RatingIntervalOptions, type RatingIntervals } from "../stats/rating-intervals.js";
import type { CsatResult } from "./csat.js";

/**
 * Confidence intervals for a CSAT result: for the percentage, a proportion interval
 * (Wilson by default, see {@link stats!proportionInterval}) over satisfied / denominator, in percent
 * points; for the mean rating, a t interval (see {@link stats!meanConfidenceInterval}).
 *
 * @param result - a result of {@link csat}.
 * @throws CxMetricsError `INVALID_ARGUMENT` for a result that is not an object; `INVALID_CONFIDENCE`,
 *   `INVALID_OPTION`; `TOO_FEW_VALUES` when there is only one rating.
 * @example
 * ```ts
 * const result = csat([5, 5, 4, 4, 4, 3, 2, 5, 4, 1]); // 7 of 10 satisfied
 * csatConfidenceInterval(result).percent; //=> { low: 39.67..., high: 89.22..., method: "wilson", ... }
 * ```
 */
export function csatConfidenceInterval(result: CsatResult, options: RatingIntervalOptions = {}): RatingIntervals {
  assertObject("csatConfidenceInterval", "result", result, "a result of csat(...)");
  return ratingIntervals(
    "csatConfidenceInterval",
    { successes: result.satisfied, denominator: result.denominator, distribution: result.distribution },
    options,
  );
}
