// The IQS kernel: reviews (or their scores) added one at a time, merged, and read as the mean review
// score with its standard deviation (Welford's update, Chan's merge).
import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount, assertObject } from "../internal/validate.js";
import { scorecardRule, type QaReview, type Scorecard, type ScorecardRule, type ScoredReview } from "./scorecard.js";

/** The JSON state of an IQS accumulator. */
export interface IqsAccumulatorState {
  /** Marks the object as an IQS accumulator state. */
  readonly kind: "iqs";
  /** Scored reviews. */
  readonly n: number;
  /** Sum of their scores, 0-1 each. */
  readonly sum: number;
  /** Sum of squared deviations from the mean (0-1 scores). */
  readonly m2: number;
  /** Reviews with every criterion N/A. */
  readonly unscored: number;
  /** Scored reviews with a critical fail. */
  readonly criticalFails: number;
}

/** The IQS of the reviews an accumulator holds. */
export interface IqsSummary {
  /** Mean review score, percent 0-100. */
  readonly iqs: number;
  /** Scored reviews. */
  readonly n: number;
  /** Reviews with every criterion N/A (no score). */
  readonly unscored: number;
  /** Sample standard deviation of the review scores, percent points (0 for one review). */
  readonly standardDeviation: number;
  /** Scored reviews with a critical fail. */
  readonly criticalFails: number;
}

/** Collects QA reviews one at a time, in chunks, streams or workers. */
export interface IqsAccumulator {
  /** The compiled scorecard. */
  readonly rule: ScorecardRule;
  /** Scores a review with the rule and adds it; returns its score. Throws the rule's errors. */
  add(review: QaReview): ScoredReview;
  /** Adds a review already scored by the rule. */
  addScored(scored: ScoredReview): IqsAccumulator;
  /** Adds another accumulator's reviews or a JSON state. */
  merge(other: IqsAccumulator | IqsAccumulatorState): IqsAccumulator;
  /** Reviews added (scored and unscored). */
  readonly total: number;
  /** The IQS so far; `EMPTY_INPUT` while no review could be scored. */
  result(): IqsSummary;
  /** The JSON state; `createIqsAccumulator(scorecard, state)` restores it. */
  toJSON(): IqsAccumulatorState;
}

function readState(fn: string, state: unknown): IqsAccumulatorState {
  assertReadable(fn, "state", state);
  const s = state as Partial<IqsAccumulatorState> | null;
  if (typeof state !== "object" || state === null || s!.kind !== "iqs") {
    throw invalid(fn, "INVALID_ARGUMENT", "state", state, 'an IQS accumulator state { kind: "iqs", ... }');
  }
  for (const name of ["n", "unscored", "criticalFails"] as const) assertCount(fn, name, s![name]);
  for (const name of ["sum", "m2"] as const) {
    if (typeof s![name] !== "number" || !(s![name]! >= 0) || !Number.isFinite(s![name])) {
      throw invalid(fn, "INVALID_ARGUMENT", name, s![name], "a finite number ≥ 0");
    }
  }
  return state as IqsAccumulatorState;
}

/**
 * A mergeable IQS accumulator: the kernel behind the report's and the check's IQS figures. The
 * scorecard is checked once; each review is scored by the {@link ScorecardRule}; the mean and
 * standard deviation are kept by Welford's update and merged by Chan's formula, so a merge equals one
 * pass over both inputs.
 *
 * @param scorecard - a scorecard or a compiled {@link ScorecardRule}.
 * @param state - a state from `toJSON()` to continue from.
 * @throws CxMetricsError `INVALID_SCORECARD`; `INVALID_ARGUMENT` for a bad state, and from `add` for a review that
 *   is not an object (`null`, `undefined`: nothing to score, named as the value it is); the scorecard's errors for a
 *   rating it does not take.
 * @example
 * ```ts
 * const acc = createIqsAccumulator({ criteria: [{ id: "solution", weight: 1, scale: "1-5" }] });
 * acc.add({ ratings: { solution: 5 } });
 * acc.add({ ratings: { solution: 3 } });
 * acc.result().iqs; //=> 75 (scores 1 and 0.5)
 * ```
 */
export function createIqsAccumulator(
  scorecard: Scorecard | ScorecardRule,
  state?: IqsAccumulatorState,
): IqsAccumulator {
  const fn = "createIqsAccumulator";
  const rule = scorecardRule(scorecard, "iqs");
  const tally = iqsTally(fn, state);
  const accumulator: IqsAccumulator = {
    rule,
    add(review) {
      assertObject("IqsAccumulator.add", "review", review, "an object with ratings { criterionId: rating }");
      const scored = rule.score(review, tally.n + tally.unscored);
      addScoredReview(tally, scored);
      return scored;
    },
    addScored(scored) {
      addScoredReview(tally, scored);
      return accumulator;
    },
    merge(other) {
      assertReadable("IqsAccumulator.merge", "other", other);
      // null / undefined reach mergeIqsTally (INVALID_ARGUMENT), not a TypeError.
      const from =
        typeof (other as IqsAccumulator | null)?.toJSON === "function" ? (other as IqsAccumulator).toJSON() : other;
      mergeIqsTally("IqsAccumulator.merge", tally, from);
      return accumulator;
    },
    get total() {
      return tally.n + tally.unscored;
    },
    result: () => iqsTallyResult(tally),
    toJSON: () => ({ ...tally }),
  };
  return accumulator;
}

/**
 * The IQS kernel's state as a plain mutable object (the JSON state's shape): what {@link createIqsAccumulator} keeps,
 * and what the report keeps per segment and period.
 *
 * @internal
 */
export interface IqsTally {
  readonly kind: "iqs";
  n: number;
  sum: number;
  m2: number;
  unscored: number;
  criticalFails: number;
}

/**
 * An empty tally, or one restored from a checked state.
 *
 * @internal
 */
export function iqsTally(fn: string, state?: unknown): IqsTally {
  const tally: IqsTally = { kind: "iqs", n: 0, sum: 0, m2: 0, unscored: 0, criticalFails: 0 };
  if (state !== undefined) mergeIqsTally(fn, tally, state);
  return tally;
}

/**
 * Adds a scored review: Welford's update of the mean and the sum of squares.
 *
 * @internal
 */
export function addScoredReview(tally: IqsTally, scored: ScoredReview): void {
  const x = scored.score;
  if (x === null) {
    tally.unscored++;
    return;
  }
  const before = tally.n === 0 ? 0 : tally.sum / tally.n;
  tally.n++;
  tally.sum += x;
  tally.m2 += (x - before) * (x - tally.sum / tally.n);
  if (scored.failedCritical.length > 0) tally.criticalFails++;
}

/**
 * Adds a JSON state, checked: Chan's formula for the sums of squares, so a merge equals one pass.
 *
 * @internal
 */
export function mergeIqsTally(fn: string, tally: IqsTally, state: unknown): void {
  const from = readState(fn, state);
  if (from.n > 0) {
    const delta = from.sum / from.n - (tally.n === 0 ? 0 : tally.sum / tally.n);
    tally.m2 += from.m2 + (tally.n === 0 ? 0 : (delta * delta * tally.n * from.n) / (tally.n + from.n));
  }
  tally.n += from.n;
  tally.sum += from.sum;
  tally.unscored += from.unscored;
  tally.criticalFails += from.criticalFails;
}

/**
 * The IQS of a tally; `EMPTY_INPUT` while no review could be scored.
 *
 * @internal
 */
export function iqsTallyResult(tally: IqsTally): IqsSummary {
  const { n, sum, m2, unscored, criticalFails } = tally;
  if (n === 0)
    throw new CxMetricsError(
      "IqsAccumulator.result",
      "EMPTY_INPUT",
      unscored === 0 ? "no reviews" : "no review could be scored: every criterion was N/A",
    );
  return {
    iqs: (100 * sum) / n,
    n,
    unscored,
    standardDeviation: n > 1 ? 100 * Math.sqrt(Math.max(0, m2) / (n - 1)) : 0,
    criticalFails,
  };
}
