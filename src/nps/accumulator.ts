import { invalid } from "../internal/describe.js";
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
 *   object whose `toJSON` gives no NPS state), `INVALID_COUNT` for bad counts.
 * @example
 * ```ts
 * const january = createNpsAccumulator().addAll([10, 9, 3]);
 * const february = createNpsAccumulator().addAll([8, 10]);
 * january.merge(february.toJSON()).result().score; //=> 40 (3 promoters, 1 detractor, 5 responses)
 * ```
 */
export function createNpsAccumulator(state?: NpsAccumulatorState): NpsAccumulator {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const addCounts = (fn: string, counts: NpsCounts): void => {
    const valid = validCounts(fn, counts);
    promoters += valid.promoters;
    passives += valid.passives;
    detractors += valid.detractors;
  };
  if (state !== undefined) addCounts("createNpsAccumulator", readState("createNpsAccumulator", state));
  const accumulator: NpsAccumulator = {
    add(score: number) {
      return accumulator.addCount(score, 1);
    },
    addCount(score: number, count: number) {
      const fn = count === 1 ? "NpsAccumulator.add" : "NpsAccumulator.addCount";
      if (!isNpsScore(score)) {
        const index = promoters + passives + detractors;
        throw invalid(fn, "INVALID_SCORE", `score at index ${index}`, score, "an integer 0-10", index);
      }
      if (count !== 1) assertCount(fn, "count", count);
      const group = npsGroup(score);
      if (group === "promoter") promoters += count;
      else if (group === "passive") passives += count;
      else detractors += count;
      return accumulator;
    },
    addAll<T>(items: Values<T>, accessor?: Accessor<T>) {
      if (isEmpty(items)) return accumulator;
      const batch = accessor === undefined ? nps(items as Values<number>) : nps(items, accessor);
      addCounts("NpsAccumulator.addAll", batch);
      return accumulator;
    },
    merge(other: NpsAccumulator | NpsAccumulatorState) {
      const counts = readState("NpsAccumulator.merge", isAccumulator(other) ? other.toJSON() : other);
      addCounts("NpsAccumulator.merge", counts);
      return accumulator;
    },
    get total() {
      return promoters + passives + detractors;
    },
    result() {
      return npsFromCounts({ promoters, passives, detractors });
    },
    toJSON() {
      return { kind: "nps", promoters, passives, detractors };
    },
  };
  return accumulator;
}

function isEmpty(items: unknown): boolean {
  return typeof items === "object" && items !== null && (items as { length?: unknown }).length === 0;
}

function isAccumulator(value: unknown): value is NpsAccumulator {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function readState(fn: string, state: unknown): NpsCounts {
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
