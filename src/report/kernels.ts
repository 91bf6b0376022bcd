// Each metric's kernel as the report uses it: compiled once from the spec (the metric module's rule),
// then one record read and checked at a time, one group accumulator per segment and period, and the
// group's figure. The rules themselves live in the metric modules; this file only connects them.
import { cesConfidenceInterval } from "../ces/confidence-interval.js";
import type { CesAccumulatorState } from "../ces/accumulator.js";
import { cesFromTally, cesRule } from "../ces/rule.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import type { CsatAccumulatorState } from "../csat/accumulator.js";
import { csatFromTally, csatRule } from "../csat/rule.js";
import type { CsatResult } from "../csat/types.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import {
  addRating,
  mergeRatingTally,
  ratingTally,
  ratingTotal,
  type RatingTally,
  type TallyRule,
} from "../internal/scale-tally.js";
import {
  addScoredReview,
  iqsTally,
  iqsTallyResult,
  mergeIqsTally,
  type IqsAccumulatorState,
  type IqsTally,
} from "../iqs/accumulator.js";
import { scorecardRule, type QaReview, type ScoredReview } from "../iqs/scorecard.js";
import { addNpsScore, mergeNpsTally, type NpsAccumulatorState, type NpsTally } from "../nps/accumulator.js";
import { npsFromCounts } from "../nps/nps.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { isNpsScore } from "../nps/rule.js";
import { slaTally, type SlaTargetCounts } from "../sla/accumulator.js";
import { slaRule, type SlaMeasurement } from "../sla/rule.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { RatingIntervals } from "../stats/rating-intervals.js";
import type { Interaction } from "../time/interaction.js";
import { serviceClock, type ServiceMinutes } from "../time/service-clock.js";
import {
  createServiceTimeAccumulator,
  type ServiceTimeAccumulator,
  type ServiceTimeAccumulatorState,
} from "../time/service-time-accumulator.js";
import type { ReportFields, SummarizeSpec } from "./spec.js";

/** The SLA outcomes of a group: met, breached and pending measurements. */
export interface SlaCountsState extends SlaTargetCounts {
  /** Marks the object as a report group's SLA counts. */
  readonly kind: "sla-counts";
}

/**
 * The JSON state of one segment and period of a report: the state of the metric's accumulator
 * (`createNpsAccumulator`, `createCsatAccumulator`, `createCesAccumulator`,
 * `createServiceTimeAccumulator`, `createIqsAccumulator`), or an SLA group's outcome counts.
 */
export type ReportGroupState =
  | NpsAccumulatorState
  | CsatAccumulatorState
  | CesAccumulatorState
  | ServiceTimeAccumulatorState
  | IqsAccumulatorState
  | SlaCountsState;

/** A group's figure and what its change test needs. */
export interface Figure {
  readonly n: number;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
  /** NPS counts, or the successes and trials of a share. */
  readonly counts?: { promoters: number; passives: number; detractors: number };
  readonly share?: { successes: number; n: number };
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
  /** An empty group, or one restored from a state. */
  create(state?: ReportGroupState): G;
  /** Adds what {@link MetricKernel.read} returned for a record. */
  add(group: G, unit: unknown): void;
  /** Adds a state of the same metric (another part of the file, a SQL row). */
  merge(group: G, state: ReportGroupState): void;
  /** The group's JSON state. */
  toJSON(group: G): ReportGroupState;
  /**
   * The figure, or null when the group has none (only open tickets, only unscored reviews, only neutral ratings in
   * good/bad mode).
   */
  figure(group: G, confidence: number): Figure | null;
}

/** A record that cannot be read at all: a revoked Proxy (every look at it throws a TypeError). */
export function isUnreadable(record: unknown): boolean {
  if ((typeof record !== "object" && typeof record !== "function") || record === null) return false;
  try {
    Array.isArray(record); // throws for a revoked Proxy, and for nothing else
    return false;
  } catch {
    return true;
  }
}

/** A record's field, own properties only (never one inherited from the prototype). */
export function field(record: unknown, name: string): unknown {
  return typeof record === "object" && record !== null && Object.hasOwn(record, name)
    ? (record as Record<string, unknown>)[name]
    : undefined;
}

/** Rethrows a metric's error for one record as the report's, naming the record and the field. */
function withIndex(fn: string, index: number, error: unknown, name: string, value: unknown): never {
  if (!isCxMetricsError(error)) throw error;
  throw new CxMetricsError(fn, error.code, `record ${index}: ${error.message}`, {
    index,
    value,
    field: error.field ?? name,
  });
}

/** Runs a metric's check of one record, rethrowing its error as the report's. */
function checked<T>(fn: string, index: number, name: string, value: unknown, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return withIndex(fn, index, error, name, value);
  }
}

/** The fields a report reads, with their defaults. */
export function reportFields(spec: SummarizeSpec): Required<ReportFields> {
  return {
    score: "score",
    rating: "rating",
    respondedAt: "respondedAt",
    createdAt: "createdAt",
    reviewedAt: "reviewedAt",
    ...spec.fields,
  };
}

/** An accumulator as the report drives it: merged with a state, read as a state. */
interface Mergeable {
  merge(state: never): unknown;
  toJSON(): ReportGroupState;
}

/** The state side of a kernel whose groups are metric accumulators. */
const accumulatorSide = {
  merge: (group: unknown, state: ReportGroupState): void => void (group as Mergeable).merge(state as never),
  toJSON: (group: unknown): ReportGroupState => (group as Mergeable).toJSON(),
};

/** The kernel of the spec's metric; options (scale, clock, policy, scorecard) are checked once here. */
export function metricKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const fields = reportFields(spec);
  switch (spec.metric) {
    case "nps":
      return npsKernel(fn, fields.score) as MetricKernel;
    case "csat":
    case "ces":
      return ratingKernel(fn, spec, fields.rating) as MetricKernel;
    case "first-response":
    case "resolution":
      return serviceTimeKernel(fn, spec) as MetricKernel;
    case "sla":
      return slaKernel(fn, spec) as MetricKernel;
    case "iqs":
      return iqsKernel(fn, spec) as MetricKernel;
  }
}

function npsKernel(fn: string, name: string): MetricKernel<NpsTally> {
  return {
    read(record, index) {
      const value = field(record, name);
      if (!isNpsScore(value)) {
        throw new CxMetricsError(
          fn,
          "INVALID_SCORE",
          `${name} of record ${index} is ${describe(value)}, expected an integer 0-10`,
          { index, value, field: name },
        );
      }
      return value;
    },
    create(state) {
      const tally: NpsTally = { kind: "nps", promoters: 0, passives: 0, detractors: 0 };
      if (state !== undefined) mergeNpsTally(fn, tally, state);
      return tally;
    },
    add: (group, score) => addNpsScore(fn, group, score as number),
    merge: (group, state) => mergeNpsTally(fn, group, state),
    toJSON: (group) => ({
      kind: "nps",
      promoters: group.promoters,
      passives: group.passives,
      detractors: group.detractors,
    }),
    figure(group, confidence) {
      const result = npsFromCounts(group);
      const counts = { promoters: result.promoters, passives: result.passives, detractors: result.detractors };
      const interval = npsConfidenceInterval(counts, { confidence });
      return {
        n: result.total,
        value: result.score,
        low: interval.low,
        high: interval.high,
        counts,
        detail: { ...result, interval: interval.method },
      };
    },
  };
}

function ratingKernel(fn: string, spec: SummarizeSpec, name: string): MetricKernel<RatingTally<"csat" | "ces">> {
  const read =
    (rule: { read(value: unknown, index?: number, what?: string): number }) => (record: unknown, index: number) => {
      const value = field(record, name);
      try {
        rule.read(value, index, `${name} of record ${index}`);
      } catch (error) {
        if (!isCxMetricsError(error)) throw error;
        throw new CxMetricsError(fn, error.code, error.message.slice(error.fn.length + 2), {
          index,
          value,
          field: name,
        });
      }
      return value;
    };
  if (spec.metric === "csat") {
    const rule = csatRule(spec.csat ?? {}, fn);
    const kernel: MetricKernel<RatingTally<"csat">> = {
      read: read(rule),
      ...tallySide(fn, "csat", rule),
      figure(group, confidence) {
        if (ratingTotal(group) === 0) return null;
        let result: CsatResult;
        try {
          result = csatFromTally(fn, rule, Float64Array.from(group.counts));
        } catch (error) {
          // good/bad mode leaves neutral ratings out: a group of neutral ratings only has no figure.
          if (isCxMetricsError(error, "EMPTY_INPUT")) return null;
          throw error;
        }
        const interval = result.total >= 2 ? csatConfidenceInterval(result, { confidence }) : null;
        const detail = {
          satisfied: result.satisfied,
          dissatisfied: result.dissatisfied,
          total: result.total,
          mean: result.mean,
          mode: result.mode,
        };
        return shareFigure(result.satisfied, result.denominator, interval, detail);
      },
    };
    return kernel as MetricKernel<RatingTally<"csat" | "ces">>;
  }
  const rule = cesRule(spec.ces ?? {}, fn);
  const kernel: MetricKernel<RatingTally<"ces">> = {
    read: read(rule),
    ...tallySide(fn, "ces", rule),
    figure(group, confidence) {
      if (ratingTotal(group) === 0) return null;
      const result = cesFromTally(fn, rule, Float64Array.from(group.counts));
      const interval = result.total >= 2 ? cesConfidenceInterval(result, { confidence }) : null;
      return shareFigure(result.easy, result.total, interval, {
        easy: result.easy,
        total: result.total,
        mean: result.mean,
      });
    },
  };
  return kernel as MetricKernel<RatingTally<"csat" | "ces">>;
}

/** A rating kernel's groups: tallies on the rule's scale, read and merged as the accumulators read and merge them. */
function tallySide<Kind extends "csat" | "ces">(
  fn: string,
  kind: Kind,
  rule: TallyRule,
): Pick<MetricKernel<RatingTally<Kind>>, "create" | "add" | "merge" | "toJSON"> {
  return {
    create: (state) => ratingTally(fn, kind, rule, state),
    add: (group, rating) => addRating(rule, group, rating),
    merge: (group, state) => mergeRatingTally(fn, rule, group, state),
    toJSON: (group) => ({ kind, min: group.min, counts: [...group.counts] }) as ReportGroupState,
  };
}

/** The figure of a CSAT or CES share: percent of n, its interval in percent, the mean's interval in `detail`. */
function shareFigure(
  successes: number,
  n: number,
  interval: RatingIntervals | null,
  detail: Record<string, unknown>,
): Figure {
  return {
    n,
    value: (100 * successes) / n,
    low: interval === null ? null : interval.percent.low,
    high: interval === null ? null : interval.percent.high,
    share: { successes, n },
    detail: { ...detail, meanLow: interval?.mean.low ?? null, meanHigh: interval?.mean.high ?? null },
  };
}

function serviceTimeKernel(fn: string, spec: SummarizeSpec): MetricKernel<ServiceTimeAccumulator> {
  const metric = spec.metric === "first-response" ? "first-response" : "resolution";
  const clock = serviceClock({ metric, calendar: spec.calendar, mode: spec.resolution ?? "full" }, fn);
  const business = spec.calendar !== undefined;
  const method = spec.method ?? "linear";
  const percentiles = spec.percentiles ?? [90];
  return {
    read: (record, index) => checked(fn, index, "", record, () => clock.measure(record as Interaction, index)),
    create: (state) => createServiceTimeAccumulator(clock, state as ServiceTimeAccumulatorState | undefined),
    add: (group, minutes) => void group.addMinutes(minutes as ServiceMinutes | null),
    ...accumulatorSide,
    figure(group) {
      if (group.n === 0) return null;
      const result = group.result({ percentiles, method });
      const main = business ? result.business! : result.calendar;
      const detail = {
        ...main,
        clock: business ? "business" : "calendar",
        method,
        open: result.open,
        calendarMinutes: business ? result.calendar : null,
      };
      return { n: main.n, value: main.median, low: null, high: null, detail };
    },
  };
}

/** An SLA group: its met, breached and pending measurements. */
interface SlaGroup {
  met: number;
  breached: number;
  pending: number;
}

function slaKernel(fn: string, spec: SummarizeSpec): MetricKernel<SlaGroup> {
  const rule = slaRule(spec.policy!, { calendar: spec.calendar, asOf: spec.asOf }, fn);
  const merge = (group: SlaGroup, from: ReportGroupState): void => {
    const other = from as SlaCountsState;
    group.met += other.met;
    group.breached += other.breached;
    group.pending += other.pending;
  };
  return {
    read(record, index) {
      try {
        return rule.measure(record as Interaction, index);
      } catch (error) {
        // A missing asOf (an open ticket) is a mistake of the call, kept as it is.
        if (isCxMetricsError(error) && error.field === "asOf") throw error;
        return withIndex(fn, index, error, "", record);
      }
    },
    create(state) {
      const group: SlaGroup = { met: 0, breached: 0, pending: 0 };
      if (state !== undefined) merge(group, state);
      return group;
    },
    add(group, measurements) {
      for (const m of measurements as readonly SlaMeasurement[]) group[m.outcome]++;
    },
    merge,
    toJSON: (group) => ({ kind: "sla-counts", met: group.met, breached: group.breached, pending: group.pending }),
    figure(group, confidence) {
      const tally = slaTally(group);
      const decided = tally.met + tally.breached;
      if (decided === 0) return null;
      const interval = proportionInterval(tally.met, decided, { confidence });
      const detail = { met: tally.met, breached: tally.breached, pending: tally.pending, interval: "wilson" };
      return {
        n: decided,
        value: tally.percent!,
        low: 100 * interval.low,
        high: 100 * interval.high,
        share: { successes: tally.met, n: decided },
        detail,
      };
    },
  };
}

function iqsKernel(fn: string, spec: SummarizeSpec): MetricKernel<IqsTally> {
  const rule = scorecardRule(spec.scorecard!, fn);
  return {
    read: (record, index) => checked(fn, index, "ratings", record, () => rule.score(record as QaReview, index)),
    create: (state) => iqsTally(fn, state),
    add: (group, scored) => addScoredReview(group, scored as ScoredReview),
    merge: (group, state) => mergeIqsTally(fn, group, state),
    toJSON: (group) => ({ ...group }),
    figure(group, confidence) {
      if (group.n === 0) return null;
      const { iqs, n, unscored, standardDeviation } = iqsTallyResult(group);
      const interval = n > 1 ? meanConfidenceInterval({ mean: iqs, standardDeviation, n }, { confidence }) : null;
      return {
        n,
        value: iqs,
        low: interval?.low ?? null,
        high: interval?.high ?? null,
        detail: { unscored, standardDeviation },
      };
    },
  };
}
