import { tallyScale } from "../internal/tally.js";
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
