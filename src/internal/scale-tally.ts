// A running tally of ratings on an integer scale min..max: the state behind the CSAT and CES
// accumulators (one count per step; JSON-serialisable; merged by adding counts).
import { invalid } from "./describe.js";
import { refuseUnanswered } from "./unanswered.js";
import { assertReadable, isRevokedProxy } from "./records.js";
import type { RatingAccumulator, ScaleTallyState } from "../types.js";

export type { ScaleTallyState } from "../types.js";
import { assertCount } from "./validate.js";

/** Checks a state for a tally of `min..max` and returns its counts. */
export function readTallyState(fn: string, kind: string, state: unknown, min: number, max: number): readonly number[] {
  assertReadable(fn, "state", state);
  const candidate = state as Partial<ScaleTallyState<string>> | null;
  const counts = candidate?.counts;
  if (
    typeof state !== "object" ||
    state === null ||
    candidate!.kind !== kind ||
    candidate!.min !== min ||
    !Array.isArray(counts) ||
    counts.length !== max - min + 1
  ) {
    throw invalid(fn, "INVALID_ARGUMENT", "state", state, `a ${kind} accumulator state on the scale ${min}-${max}`);
  }
  counts.forEach((count, k) => {
    assertCount(fn, `counts[${k}]`, count);
  });
  return counts;
}

/** Adds `from` into `into`, step by step. */
export function addCounts(into: Float64Array, from: ArrayLike<number>): void {
  for (let k = 0; k < into.length; k++) into[k]! += from[k]!;
}

/** A compiled rating rule: its scale and the reader of one rating. */
export interface TallyRule {
  readonly scale: { readonly min: number; readonly max: number };
  read(rating: unknown, index?: number, what?: string): number;
}

/** The running tally behind an accumulator on a rule's scale. */
export interface ScaleTally<Kind extends string> {
  /** Ratings per step. */
  readonly counts: Float64Array;
  /** Ratings so far. */
  total(): number;
  /** Adds `count` ratings of one value, read by the rule. */
  add(rating: unknown, count: number): void;
  /** Adds a JSON state on the same scale. */
  merge(fn: string, state: unknown): void;
  /** The JSON state. */
  toJSON(): ScaleTallyState<Kind>;
}

/** A tally of ratings on a rule's scale, restored from `state` when given. */
export function scaleTally<Kind extends string>(
  fn: string,
  kind: Kind,
  rule: TallyRule,
  state?: unknown,
): ScaleTally<Kind> {
  const { min, max } = rule.scale;
  const counts = new Float64Array(max - min + 1);
  let total = 0;
  const tally: ScaleTally<Kind> = {
    counts,
    total: () => total,
    add(rating, count) {
      const value = rule.read(rating, total);
      if (count !== 1) assertCount(fn, "count", count);
      counts[value - min]! += count;
      total += count;
    },
    merge(mergeFn, from) {
      const other = readTallyState(mergeFn, kind, from, min, max);
      addCounts(counts, other);
      for (const count of other) total += count;
    },
    toJSON: () => ({ kind, min, counts: Array.from(counts) }),
  };
  if (state !== undefined) tally.merge(fn, state);
  return tally;
}

/**
 * A rating tally as a plain mutable object (the JSON state's shape): what the report keeps per segment and period,
 * where an accumulator would add a set of closures and a typed array.
 */
export interface RatingTally<Kind extends string> {
  readonly kind: Kind;
  readonly min: number;
  readonly counts: number[];
}

/** An empty tally on a rule's scale, or one restored from a checked state. */
export function ratingTally<Kind extends string>(
  fn: string,
  kind: Kind,
  rule: TallyRule,
  state?: unknown,
): RatingTally<Kind> {
  const { min, max } = rule.scale;
  const tally: RatingTally<Kind> = { kind, min, counts: new Array<number>(max - min + 1).fill(0) };
  if (state !== undefined) mergeRatingTally(fn, rule, tally, state);
  return tally;
}

/** Adds one rating, read by the rule (its `INVALID_SCORE` / `INVALID_LABEL` for a rating off the scale). */
export function addRating(rule: TallyRule, tally: RatingTally<string>, rating: unknown): void {
  tally.counts[rule.read(rating, ratingTotal(tally)) - tally.min]!++;
}

/** Adds a JSON state on the same scale, checked. */
export function mergeRatingTally(fn: string, rule: TallyRule, tally: RatingTally<string>, state: unknown): void {
  const other = readTallyState(fn, tally.kind, state, rule.scale.min, rule.scale.max);
  for (let k = 0; k < tally.counts.length; k++) tally.counts[k]! += other[k]!;
}

/** Ratings in a tally. */
export function ratingTotal(tally: RatingTally<string>): number {
  let total = 0;
  for (const count of tally.counts) total += count;
  return total;
}

/** The JSON state of an accumulator or the state itself. */
export function stateOf(other: unknown): unknown {
  if (isRevokedProxy(other)) return other; // readTallyState names it
  return typeof (other as { toJSON?: unknown } | null)?.toJSON === "function"
    ? (other as { toJSON(): unknown }).toJSON()
    : other;
}

/** Adds `{ value, count }` pairs to a tally, each checked. */
export function addRatingCounts(fn: string, tally: ScaleTally<string>, counts: unknown): void {
  if (!Array.isArray(counts)) throw invalid(fn, "INVALID_ARGUMENT", "counts", counts, "an array of { value, count }");
  for (const entry of counts) {
    if (typeof entry !== "object" || entry === null)
      throw invalid(fn, "INVALID_ARGUMENT", "an element of counts", entry, "{ value, count }");
    assertCount(fn, "count", (entry as { count: unknown }).count);
    tally.add((entry as { value: unknown }).value, (entry as { count: number }).count);
  }
}

/** A rating accumulator over a tally, with the metric's result function. */
export function ratingAccumulator<Kind extends string, Rule extends TallyRule, Result>(
  fn: string,
  kind: Kind,
  rule: Rule,
  fromTally: (fn: string, rule: Rule, counts: Float64Array) => Result,
  state?: unknown,
): RatingAccumulator<Rule, Result, ScaleTallyState<Kind>> {
  const tally = scaleTally(fn, kind, rule, state);
  const accumulator: RatingAccumulator<Rule, Result, ScaleTallyState<Kind>> = {
    rule,
    add(rating) {
      refuseUnanswered(`${fn}.add`, rating);
      tally.add(rating, 1);
      return accumulator;
    },
    addCount(rating, count) {
      refuseUnanswered(`${fn}.addCount`, rating);
      tally.add(rating, count);
      return accumulator;
    },
    merge(other) {
      tally.merge(`${fn}.merge`, stateOf(other));
      return accumulator;
    },
    get total() {
      return tally.total();
    },
    result: () => fromTally(`${fn}.result`, rule, tally.counts),
    toJSON: () => tally.toJSON(),
  };
  return accumulator;
}

/** The result of `{ value, count }` pairs under a rule. */
export function resultFromCounts<Rule extends TallyRule, Result>(
  fn: string,
  rule: Rule,
  counts: unknown,
  fromTally: (fn: string, rule: Rule, counts: Float64Array) => Result,
): Result {
  const tally = scaleTally(fn, "counts", rule);
  addRatingCounts(fn, tally, counts);
  return fromTally(fn, rule, tally.counts);
}
