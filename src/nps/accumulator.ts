import { assertReadable } from "../internal/records.js";
import { invalid } from "../internal/describe.js";
import { refuseUnanswered } from "../internal/unanswered.js";
import { assertCount } from "../internal/validate.js";
import type { Accessor, Values } from "../types.js";
import { nps, npsFromCounts, type NpsCounts, type NpsResult } from "./nps.js";
import { isNpsScore, npsGroup } from "./rule.js";

/** The JSON state of an NPS accumulator: the three counts. */
export interface NpsAccumulatorState extends NpsCounts {
  /** Marks the object as an NPS accumulator state. */
  readonly kind: "nps";
}

/**
 * Collects NPS responses in chunks, streams or workers. `add`, `addAll` and `merge` change the
 * accumulator and return it (for chaining); `result()` gives the NPS so far.
 */
export interface NpsAccumulator {
  /** Adds one 0-10 score. Throws `INVALID_SCORE` naming the score's position in the stream. */
  add(score: number): NpsAccumulator;
  /**
   * Adds `count` answers of the same score (a row of a SQL `GROUP BY score`). Throws `INVALID_SCORE`
   * for a score that is not an integer 0-10 and `INVALID_COUNT` for a count that is not a whole number ≥ 0.
   */
  addCount(score: number, count: number): NpsAccumulator;
  /** Adds a batch (array, typed array, iterable; with an accessor for records), as {@link nps} reads it. */
  addAll<T>(items: Values<T>, accessor?: Accessor<T>): NpsAccumulator;
  /** Adds the counts of another accumulator or of a JSON state. */
  merge(other: NpsAccumulator | NpsAccumulatorState): NpsAccumulator;
  /** Number of responses so far. */
  readonly total: number;
  /** The NPS of everything added; throws `EMPTY_INPUT` while nothing has been. */
  result(): NpsResult;
  /** The JSON state, to store or send to another worker; `createNpsAccumulator(state)` restores it. */
  toJSON(): NpsAccumulatorState;
}

/**
 * A mergeable NPS accumulator. Merging two accumulators gives exactly the result of one pass over
 * both inputs, so counts can be computed per chunk, per worker or per day and combined.
 *
 * @param state - a state from `toJSON()` to continue from; validated.
 * @throws CxMetricsError `INVALID_ARGUMENT` for a state of the wrong kind (also from `merge`, for an
 *   object whose `toJSON` gives no NPS state), `INVALID_COUNT` for bad counts; `INVALID_SCORE` from `add` /
 *   `addCount` for a score that is not 0-10, and for an unanswered value (`null`, `undefined`, a blank, a not-rated
 *   marker such as "N/A"): an accumulator counts answers only, where `nps()` skips such values and counts them in
 *   `rows.skipped`; test `isUnanswered(value)` first and count them yourself. (`addAll` is the batch: it skips them.)
 * @example
 * ```ts
 * const january = createNpsAccumulator().addAll([10, 9, 3]);
 * const february = createNpsAccumulator().addAll([8, 10]);
 * january.merge(february.toJSON()).result().score; //=> 40 (3 promoters, 1 detractor, 5 responses)
 * ```
 */
export function createNpsAccumulator(state?: NpsAccumulatorState): NpsAccumulator {
  const counts: NpsTally = { kind: "nps", promoters: 0, passives: 0, detractors: 0 };
  if (state !== undefined) mergeNpsTally("createNpsAccumulator", counts, state);
  const accumulator: NpsAccumulator = {
    add(score: number) {
      return accumulator.addCount(score, 1);
    },
    addCount(score: number, count: number) {
      refuseUnanswered(count === 1 ? "NpsAccumulator.add" : "NpsAccumulator.addCount", score);
      addNpsScore(count === 1 ? "NpsAccumulator.add" : "NpsAccumulator.addCount", counts, score, count);
      return accumulator;
    },
    addAll<T>(items: Values<T>, accessor?: Accessor<T>) {
      if (isEmpty(items)) return accumulator;
      const batch = accessor === undefined ? nps(items as Values<number>) : nps(items, accessor);
      mergeNpsTally("NpsAccumulator.addAll", counts, { kind: "nps", ...batch });
      return accumulator;
    },
    merge(other: NpsAccumulator | NpsAccumulatorState) {
      assertReadable("NpsAccumulator.merge", "other", other);
      mergeNpsTally("NpsAccumulator.merge", counts, isAccumulator(other) ? other.toJSON() : other);
      return accumulator;
    },
    get total() {
      return counts.promoters + counts.passives + counts.detractors;
    },
    result() {
      return npsFromCounts(counts);
    },
    toJSON() {
      return { kind: "nps", promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors };
    },
  };
  return accumulator;
}

/**
 * The NPS kernel's state as a plain mutable object: what {@link createNpsAccumulator} keeps, and what the report keeps
 * per segment and period (a few numbers, where an accumulator adds a set of closures).
 *
 * @internal
 */
export interface NpsTally {
  readonly kind: "nps";
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Adds `count` answers of one score to a tally by the NPS rule (`npsGroup`); `INVALID_SCORE` for a score that is not
 * an integer 0-10, `INVALID_COUNT` for a bad count.
 *
 * @internal
 */
export function addNpsScore(fn: string, tally: NpsTally, score: number, count = 1): void {
  if (!isNpsScore(score)) {
    const index = tally.promoters + tally.passives + tally.detractors;
    throw invalid(fn, "INVALID_SCORE", `score at index ${index}`, score, "an integer 0-10", index);
  }
  if (count !== 1) assertCount(fn, "count", count);
  const group = npsGroup(score);
  if (group === "promoter") tally.promoters += count;
  else if (group === "passive") tally.passives += count;
  else tally.detractors += count;
}

/**
 * Adds a JSON state (checked: an NPS state of whole counts) to a tally.
 *
 * @internal
 */
export function mergeNpsTally(fn: string, tally: NpsTally, state: unknown): void {
  const counts = validCounts(fn, readState(fn, state));
  tally.promoters += counts.promoters;
  tally.passives += counts.passives;
  tally.detractors += counts.detractors;
}

function isEmpty(items: unknown): boolean {
  return typeof items === "object" && items !== null && (items as { length?: unknown }).length === 0;
}

function isAccumulator(value: unknown): value is NpsAccumulator {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function readState(fn: string, state: unknown): NpsCounts {
  assertReadable(fn, "state", state);
  if (typeof state !== "object" || state === null || (state as { kind?: unknown }).kind !== "nps") {
    throw invalid(fn, "INVALID_ARGUMENT", "state", state, 'an NPS accumulator state { kind: "nps", ... }');
  }
  return state as NpsCounts;
}

/** Validates counts as npsFromCounts does, but lets all three be 0 (an empty accumulator). */
function validCounts(fn: string, counts: NpsCounts): NpsCounts {
  assertCount(fn, "promoters", counts.promoters);
  assertCount(fn, "passives", counts.passives);
  assertCount(fn, "detractors", counts.detractors);
  return counts;
}
