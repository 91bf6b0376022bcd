import type { SurveyBatch, SurveyBatchOptions } from "../errors/batch.js";
import { tallySurvey, tallySurveyRead } from "../internal/survey-batch.js";
import { assertOptions } from "../internal/validate.js";
import type { Values } from "../types.js";
import type { CsatOptions, CsatResult } from "./types.js";

export type { CsatMode, CsatOptions, CsatResult, CsatScale, SmileyLabel } from "./types.js";
import { csatFromTally, csatRule, scaleLabels } from "./rule.js";

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
 * Scales: `"1-5"` (default), `"1-10"`, `"smiley-3"` (labels or 1 / 3 / 5), `"good-bad"` (Zendesk's two-point survey:
 * "Good" / "Bad", also "... with comment", or 2 / 1; CSAT = good / (good + bad)), or `{ min, max }`.
 * Both figures are unrounded; `distribution` lists every step of the scale.
 *
 * Unanswered surveys (a missing rating, blank text, or a not-rated marker such as "N/A" or Zendesk's "Offered":
 * `UNANSWERED_MARKERS`, plus `options.unanswered`) are not an error and not in the denominator: they are skipped,
 * counted in `rows.skipped` and listed in `unanswered`. A bad rating throws by default; with `invalid: "exclude"`
 * it is left out and listed in `exclusions` (`rows.total = used + skipped + excluded`).
 *
 * @param ratings - integer ratings (or smiley labels), or records with `options.accessor`.
 * @throws CxMetricsError `INVALID_SCORE` (index, value) for a rating off the scale or not an integer;
 *   `INVALID_LABEL` for an unknown smiley (both unless `invalid: "exclude"`); `EMPTY_INPUT` for no ratings (or,
 *   in good-bad mode, no satisfied or dissatisfied ones); `INVALID_OPTION` for a bad scale (a custom one spans at
 *   most 1,000 steps), threshold, mode, `invalid` or `unanswered`; `INVALID_ARGUMENT` for an accessor that is not
 *   a function.
 * @example
 * ```ts
 * csat([5, 4, 3, 5, 1]); //=> { percent: 60, satisfied: 3, total: 5, mean: 3.6, ... }
 * csat(["positive", "neutral", "positive"], { scale: "smiley-3" }).mean; //=> 4.333... (13 / 3)
 * csat(["Good", "Bad with comment", "good with comment"], { scale: "good-bad" }).percent; //=> 66.66... (2 / 3)
 * // Zendesk: "Offered" is a survey sent and not answered, skipped.
 * csat([5, "Offered", 4, 1]).rows; //=> { total: 4, used: 3, skipped: 1, excluded: 0 }
 * ```
 */
export function csat<T = number>(
  ratings: Values<T>,
  options: CsatOptions<T> & SurveyBatchOptions = {},
): CsatResult & SurveyBatch {
  const fn = "csat";
  assertOptions(fn, options);
  const rule = csatRule(options as CsatOptions<unknown>, fn);
  // Labelled scales (smileys, good / bad) are read by the rule; other scales by the tally's fast loops.
  const { counts, ...batch } =
    scaleLabels(rule.scale.name) !== undefined
      ? tallySurveyRead(fn, ratings, options.accessor, rule.scale, options, (rating, index) => rule.read(rating, index))
      : tallySurvey(fn, ratings, options.accessor, rule.scale, options);
  return { ...csatFromTally(fn, rule, counts), ...batch };
}
