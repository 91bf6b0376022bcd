import type { SurveyBatch, SurveyBatchOptions } from "../errors/batch.js";
import { tallySurvey } from "../internal/survey-batch.js";
import { assertOptions } from "../internal/validate.js";
import type { Values } from "../types.js";
import type { CesOptions, CesResult } from "./types.js";

export type { CesEasyEnd, CesOptions, CesResult, CesScale } from "./types.js";
import { cesFromTally, cesRule } from "./rule.js";

/**
 * Customer Effort Score: how easy it was to get an issue solved (Osipov, Quality-mgmt).
 *
 * Reports both common definitions: the **mean** rating and the **percent easy** (ratings at or
 * beyond `easyFrom` towards the easy end). By default the scale is 1-7 with 7 = very easy
 * (Quality-mgmt) and easy = 5, 6, 7. With `easyEnd: "low"` (the original low-effort wording),
 * easy = 1-3 and a lower mean is better.
 *
 * Unanswered surveys (a missing rating, blank text, or a not-rated marker: `UNANSWERED_MARKERS`, plus
 * `options.unanswered`) are not an error and not in the figures: they are skipped, counted in `rows.skipped` and
 * listed in `unanswered`. A bad rating throws by default; with `invalid: "exclude"` it is left out and listed in
 * `exclusions` (`rows.total = used + skipped + excluded`).
 *
 * @param ratings - integer ratings, or records with `options.accessor`.
 * @throws CxMetricsError `INVALID_SCORE` (index, value) for a rating off the scale or not an integer (unless
 *   `invalid: "exclude"`); `EMPTY_INPUT` for no ratings; `INVALID_OPTION` for a bad scale, end, threshold,
 *   `invalid` or `unanswered`.
 * @example
 * ```ts
 * ces([7, 6, 5, 3, 2]); //=> { mean: 4.6, easyPercent: 60, easy: 3, total: 5, ... }
 * ces([1, 2, 6], { easyEnd: "low" }).easyPercent; //=> 66.66...
 * ces([7, "not rated", 5, 8], { invalid: "exclude" }).rows; //=> { total: 4, used: 2, skipped: 1, excluded: 1 }
 * ```
 */
export function ces<T = number>(
  ratings: Values<T>,
  options: CesOptions<T> & SurveyBatchOptions = {},
): CesResult & SurveyBatch {
  const fn = "ces";
  assertOptions(fn, options);
  const rule = cesRule(options as CesOptions<unknown>, fn);
  const { counts, ...batch } = tallySurvey(fn, ratings, options.accessor, rule.scale, options);
  return { ...cesFromTally(fn, rule, counts), ...batch };
}
