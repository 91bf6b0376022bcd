// The shapes a report's metric kernels share: a group's JSON state, its figure, and the kernel itself.
import type { CesAccumulatorState } from "../ces/accumulator.js";
import type { CsatAccumulatorState } from "../csat/accumulator.js";
import type { IqsAccumulatorState } from "../iqs/accumulator.js";
import type { NpsAccumulatorState } from "../nps/accumulator.js";
import type { SlaTargetCounts } from "../sla/accumulator.js";
import type { ServiceTimeAccumulatorState } from "../time/service-time-accumulator.js";

/** The SLA outcomes of a group: met, breached and pending measurements. */
export interface SlaCountsState extends SlaTargetCounts {
  /** Marks the object as a report group's SLA counts. */
  readonly kind: "sla-counts";
}

/** Σw and Σw² per value of a weighted group (NPS scores 0-10, the steps of a rating scale). */
export interface GroupWeights {
  /** Σw of the records with each value. */
  readonly w: readonly number[];
  /** Σw² of the records with each value. */
  readonly w2: readonly number[];
}

/** What a weighted report adds to a survey group's state. */
export interface WeightedState {
  /** Σw and Σw² per value, in a weighted report. */
  readonly weights?: GroupWeights;
}

/** What a survey group's state adds for unanswered records (NPS, CSAT, CES). */
export interface UnansweredState {
  /** Unanswered records of the group (blank or a not-rated marker): neither used nor rejected. */
  readonly unanswered?: number;
}

/**
 * The JSON state of one segment and period of a report: the state of the metric's accumulator
 * (`createNpsAccumulator`, `createCsatAccumulator`, `createCesAccumulator`, `createServiceTimeAccumulator`,
 * `createIqsAccumulator`), or an SLA group's outcome counts. A weighted report's NPS, CSAT and CES states carry
 * `weights` beside their counts.
 */
export type ReportGroupState =
  | (NpsAccumulatorState & WeightedState & UnansweredState)
  | (CsatAccumulatorState & WeightedState & UnansweredState)
  | (CesAccumulatorState & WeightedState & UnansweredState)
  | ServiceTimeAccumulatorState
  | IqsAccumulatorState
  | SlaCountsState;

/** A group's figure and what its change test needs. */
export interface Figure {
  readonly n: number;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  /** The linearised standard error in the figure's unit; null where there is none. */
  readonly se: number | null;
  /** Kish's effective sample size (n when unweighted). */
  readonly nEffective: number;
  /** Whether the figure is weighted. */
  readonly weighted: boolean;
  /** Survey metrics: the answered records of the group (every rating, neutral ones in good/bad CSAT too). */
  readonly answered?: number;
  /** Survey metrics: the unanswered records of the group. */
  readonly unanswered?: number;
  readonly detail: Readonly<Record<string, unknown>>;
  /** NPS counts (effective counts when weighted). */
  readonly counts?: { promoters: number; passives: number; detractors: number };
  /** The successes and trials of a share (effective when weighted). */
  readonly share?: { successes: number; n: number };
  /** A mean's sample: for Welch's test of a change (IQS). */
  readonly moments?: { mean: number; sd: number; n: number };
}

/**
 * A metric compiled from a spec: reads and checks a record, and drives the groups (one metric accumulator per segment
 * and period). The operations live here, once per report, and a group is the accumulator alone: a report with many
 * segments holds one small object per group, not a set of closures around it.
 */
export interface MetricKernel<G = unknown> {
  /**
   * Checks one record and returns what it adds (a score, a rating, a measurement); throws a coded error naming the
   * field.
   */
  read(record: unknown, index: number): unknown;
  /** Survey metrics: whether a record is unanswered (its rating blank or a not-rated marker); checked before `read`. */
  unanswered?(record: unknown): boolean;
  /** Survey metrics: counts `count` unanswered records in a group. */
  skip?(group: G, count: number): void;
  /** An empty group, or one restored from a state. */
  create(state?: ReportGroupState): G;
  /** Adds what {@link MetricKernel.read} returned for a record. */
  add(group: G, unit: unknown): void;
  /** Adds a state of the same metric (another part of the file, a SQL row). */
  merge(group: G, state: ReportGroupState): void;
  /** The group's JSON state. */
  toJSON(group: G): ReportGroupState;
  /**
   * The group's state for another thread, where it differs from the JSON state (durations as Float64Arrays, which a
   * structured clone copies as memory); `merge` and `create` take it too.
   */
  toState?(group: G): ReportGroupState;
  /**
   * Adds another group's counts to a group, as `merge(group, toJSON(other))` does, without the state in between (a
   * kernel whose state copies its data: durations).
   */
  combine?(group: G, other: G): void;
  /**
   * The figure, or null when the group has none (only open tickets, only unscored reviews, only neutral ratings in
   * good/bad mode).
   */
  figure(group: G, confidence: number): Figure | null;
  /**
   * Survey metrics: the state of `count` records that all took one value (a row of a SQL `GROUP BY`), with their Σw
   * and Σw² in a weighted report. Throws the rule's coded error for a value the metric does not take.
   */
  counted?(value: unknown, count: number, sums?: { readonly w: number; readonly w2: number }): ReportGroupState;
}
