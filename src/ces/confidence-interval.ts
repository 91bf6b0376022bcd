import { assertObject } from "../internal/validate.js";
import { ratingIntervals, type RatingIntervalOptions, type RatingIntervals } from "../stats/rating-intervals.js";
import type { CesResult } from "./ces.js";

/**
 * Confidence intervals for a CES result: a proportion interval (Wilson by default) for the
 * percent easy, in percent points, and a t interval for the mean rating.
 *
 * @param result - a result of {@link ces}.
 * @throws CxMetricsError `INVALID_ARGUMENT` for a result that is not an object; `INVALID_CONFIDENCE`,
 *   `INVALID_OPTION`; `TOO_FEW_VALUES` when there is only one rating.
 * @example
 * ```ts
 * cesConfidenceInterval(ces([7, 6, 5, 3, 2])).mean; //=> { low: 2.025..., high: 7.174..., df: 4, ... } (R: t.test(c(7, 6, 5, 3, 2)))
 * ```
 */
export function cesConfidenceInterval(result: CesResult, options: RatingIntervalOptions = {}): RatingIntervals {
  assertObject("cesConfidenceInterval", "result", result, "a result of ces(...)");
  return ratingIntervals(
    "cesConfidenceInterval",
    { successes: result.easy, denominator: result.total, distribution: result.distribution },
    options,
  );
}
