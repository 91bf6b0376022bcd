// The CES kernel: ratings added one at a time (or as counts), merged, and read as a CES result.
import { ratingAccumulator, resultFromCounts, type ScaleTallyState } from "../internal/scale-tally.js";
import type { RatingAccumulator, RatingCount } from "../types.js";
import type { CesOptions, CesResult } from "./types.js";
import { asCesRule, cesFromTally, type CesRule } from "./rule.js";

/** The JSON state of a CES accumulator: ratings per step of the scale. */
export type CesAccumulatorState = ScaleTallyState<"ces">;

/** Collects CES ratings one at a time, in chunks, streams or workers. */
export type CesAccumulator = RatingAccumulator<CesRule, CesResult, CesAccumulatorState>;

/**
 * A mergeable CES accumulator, the kernel behind the report's, the SQL counts' and the check's CES
 * figures. Options are checked once; a merge equals one pass over both inputs.
 *
 * @param options - CES options or a compiled {@link CesRule}.
 * @param state - a state from `toJSON()` to continue from.
 * @throws CxMetricsError `INVALID_OPTION`; `INVALID_ARGUMENT` for a state of another kind or scale;
 *   `INVALID_COUNT`; `INVALID_SCORE` for a rating off the scale; `INVALID_SCORE` from `add` / `addCount` for an unanswered value (`null`, `undefined`, a blank, a
 *   not-rated marker such as "N/A" or "Offered"): an accumulator counts answers only, where `ces()` skips such
 *   values and counts them in `rows.skipped`; test `isUnanswered(value)` first and count them yourself.
 * @example
 * ```ts
 * const week1 = createCesAccumulator().add(5).add(4).add(2);
 * week1.merge(createCesAccumulator().addCount(3, 1)).result().easyPercent; //=> 25 (1 easy of 4: easy is 5-7)
 * ```
 */
export function createCesAccumulator(
  options?: CesOptions<unknown> | CesRule,
  state?: CesAccumulatorState,
): CesAccumulator {
  const fn = "createCesAccumulator";
  return ratingAccumulator(fn, "ces", asCesRule(fn, options), cesFromTally, state);
}

/**
 * CES from ratings counted elsewhere: the same rule and result as {@link ces} over the ratings.
 *
 * @throws CxMetricsError as {@link ces}; `INVALID_COUNT`; `INVALID_ARGUMENT` for counts that are not
 *   an array of `{ value, count }`.
 * @example
 * ```ts
 * cesFromCounts([{ value: 7, count: 30 }, { value: 5, count: 40 }, { value: 2, count: 30 }]).easyPercent; //=> 70
 * ```
 */
export function cesFromCounts(counts: readonly RatingCount[], options?: CesOptions<unknown> | CesRule): CesResult {
  return resultFromCounts("cesFromCounts", asCesRule("cesFromCounts", options), counts, cesFromTally);
}
