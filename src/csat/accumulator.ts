// The CSAT kernel: ratings added one at a time (or as counts), merged, and read as a CSAT result.
import { ratingAccumulator, resultFromCounts, type ScaleTallyState } from "../internal/scale-tally.js";
import type { RatingAccumulator, RatingCount } from "../types.js";
import type { CsatOptions, CsatResult } from "./types.js";
import { asCsatRule, csatFromTally, type CsatRule } from "./rule.js";

/** The JSON state of a CSAT accumulator: ratings per step of the scale. */
export type CsatAccumulatorState = ScaleTallyState<"csat">;

/** Collects CSAT ratings one at a time, in chunks, streams or workers. */
export type CsatAccumulator = RatingAccumulator<CsatRule, CsatResult, CsatAccumulatorState>;

/**
 * A mergeable CSAT accumulator: the kernel behind {@link csat}'s figures in the report, the SQL
 * counts, the check and the command. Its options are checked once; merging two accumulators gives
 * exactly the result of one pass over both.
 *
 * @param options - CSAT options or a compiled {@link CsatRule}.
 * @param state - a state from `toJSON()` to continue from; checked against the scale.
 * @throws CxMetricsError `INVALID_OPTION` for bad options; `INVALID_ARGUMENT` for a state of another
 *   kind or scale; `INVALID_COUNT` for a bad count; the rule's errors for a bad rating; `INVALID_SCORE` from `add` / `addCount` for an unanswered value (`null`, `undefined`, a blank, a
 *   not-rated marker such as "N/A" or "Offered"): an accumulator counts answers only, where `csat()` skips such
 *   values and counts them in `rows.skipped`; test `isUnanswered(value)` first and count them yourself.
 * @example
 * ```ts
 * const week1 = createCsatAccumulator().add(5).add(4).add(2);
 * const week2 = createCsatAccumulator().addCount(3, 1);
 * week1.merge(week2).result().percent; //=> 50 (2 satisfied of 4)
 * ```
 */
export function createCsatAccumulator(
  options?: CsatOptions<unknown> | CsatRule,
  state?: CsatAccumulatorState,
): CsatAccumulator {
  const fn = "createCsatAccumulator";
  return ratingAccumulator(fn, "csat", asCsatRule(fn, options), csatFromTally, state);
}

/**
 * CSAT from ratings counted elsewhere (a SQL `GROUP BY rating`, a survey tool's distribution): the
 * same rule and result as {@link csat} over the ratings themselves.
 *
 * @throws CxMetricsError as {@link csat}; `INVALID_COUNT` for a bad count; `INVALID_ARGUMENT` for
 *   counts that are not an array of `{ value, count }`.
 * @example
 * ```ts
 * csatFromCounts([{ value: 5, count: 30 }, { value: 4, count: 40 }, { value: 2, count: 30 }]).percent; //=> 70
 * ```
 */
export function csatFromCounts(
  counts: readonly RatingCount<number | string>[],
  options?: CsatOptions<unknown> | CsatRule,
): CsatResult {
  return resultFromCounts("csatFromCounts", asCsatRule("csatFromCounts", options), counts, csatFromTally);
}
