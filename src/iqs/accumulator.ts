// The IQS kernel: reviews (or their scores) added one at a time, merged, and read as the mean review
// score with its standard deviation (Welford's update, Chan's merge).
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount } from "../internal/validate.js";
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
 * @throws CxMetricsError `INVALID_SCORECARD`; `INVALID_ARGUMENT` for a bad state.
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
  let n = 0;
  let sum = 0;
  let m2 = 0;
  let unscored = 0;
  let criticalFails = 0;
  const mergeState = (from: IqsAccumulatorState): void => {
    if (from.n > 0) {
      const delta = from.sum / from.n - (n === 0 ? 0 : sum / n);
      m2 += from.m2 + (n === 0 ? 0 : (delta * delta * n * from.n) / (n + from.n));
    }
    n += from.n;
    sum += from.sum;
    unscored += from.unscored;
    criticalFails += from.criticalFails;
  };
  if (state !== undefined) mergeState(readState(fn, state));
  const accumulator: IqsAccumulator = {
    rule,
    add(review) {
      const scored = rule.score(review, n + unscored);
      accumulator.addScored(scored);
      return scored;
    },
    addScored(scored) {
      const x = scored.score;
      if (x === null) {
        unscored++;
        return accumulator;
      }
      const before = n === 0 ? 0 : sum / n;
      n++;
      sum += x;
      m2 += (x - before) * (x - sum / n);
      if (scored.failedCritical.length > 0) criticalFails++;
      return accumulator;
    },
    merge(other) {
      const from = typeof (other as IqsAccumulator).toJSON === "function" ? (other as IqsAccumulator).toJSON() : other;
      mergeState(readState("IqsAccumulator.merge", from));
      return accumulator;
    },
    get total() {
      return n + unscored;
    },
    result() {
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
    },
    toJSON: () => ({ kind: "iqs", n, sum, m2, unscored, criticalFails }),
  };
  return accumulator;
}
