// Each metric's kernel as the report uses it: compiled once from the spec (the metric module's rule),
// then one record read and checked at a time, one group accumulator per segment and period, and the
// group's figure. The rules themselves live in the metric modules; this file only connects them.
import { cesConfidenceInterval } from "../ces/confidence-interval.js";
import { createCesAccumulator, type CesAccumulatorState } from "../ces/accumulator.js";
import { cesRule } from "../ces/rule.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import { createCsatAccumulator, type CsatAccumulatorState } from "../csat/accumulator.js";
import { csatRule } from "../csat/rule.js";
import type { CsatResult } from "../csat/types.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { createIqsAccumulator, type IqsAccumulatorState } from "../iqs/accumulator.js";
import { scorecardRule, type QaReview, type ScoredReview } from "../iqs/scorecard.js";
import { createNpsAccumulator, type NpsAccumulatorState } from "../nps/accumulator.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { isNpsScore } from "../nps/rule.js";
import { slaTally, type SlaTargetCounts } from "../sla/accumulator.js";
import { slaRule, type SlaMeasurement } from "../sla/rule.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { RatingIntervals } from "../stats/rating-intervals.js";
import type { Interaction } from "../time/interaction.js";
import { serviceClock, type ServiceMinutes } from "../time/service-clock.js";
import { createServiceTimeAccumulator, type ServiceTimeAccumulatorState } from "../time/service-time-accumulator.js";
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

/** One segment and period of a report: the metric's accumulator, driven by the report. */
export interface Group {
  /** Adds what {@link MetricKernel.read} returned for a record. */
  add(unit: unknown): void;
  /** Adds a state of the same metric (another part of the file, a SQL row). */
  merge(state: ReportGroupState): void;
  /** The JSON state. */
  toJSON(): ReportGroupState;
  /**
   * The figure, or null when the group has none (only open tickets, only unscored reviews, only neutral ratings in
   * good/bad mode).
   */
  figure(confidence: number): Figure | null;
}

/** A metric compiled from a spec: reads and checks a record, makes groups. */
export interface MetricKernel {
  /**
   * Checks one record and returns what it adds (a score, a rating, a measurement); throws a coded error naming the
   * field.
   */
  read(record: unknown, index: number): unknown;
  /** An empty group, or one restored from a state. */
  group(state?: ReportGroupState): Group;
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

/** The JSON-state side of a group over an accumulator. */
function stateSide(accumulator: {
  merge(state: never): unknown;
  toJSON(): ReportGroupState;
}): Pick<Group, "merge" | "toJSON"> {
  return { merge: (state) => void accumulator.merge(state as never), toJSON: () => accumulator.toJSON() };
}

/** The kernel of the spec's metric; options (scale, clock, policy, scorecard) are checked once here. */
export function metricKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const fields = reportFields(spec);
  switch (spec.metric) {
    case "nps":
      return npsKernel(fn, fields.score);
    case "csat":
    case "ces":
      return ratingKernel(fn, spec, fields.rating);
    case "first-response":
    case "resolution":
      return serviceTimeKernel(fn, spec);
    case "sla":
      return slaKernel(fn, spec);
    case "iqs":
      return iqsKernel(fn, spec);
  }
}

function npsKernel(fn: string, name: string): MetricKernel {
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
    group(state) {
      const accumulator = createNpsAccumulator(state as NpsAccumulatorState | undefined);
      return {
        ...stateSide(accumulator),
        add: (score) => void accumulator.add(score as number),
        figure(confidence) {
          const result = accumulator.result();
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
    },
  };
}

function ratingKernel(fn: string, spec: SummarizeSpec, name: string): MetricKernel {
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
    return {
      read: read(rule),
      group(state) {
        const accumulator = createCsatAccumulator(rule, state as CsatAccumulatorState | undefined);
        return {
          ...stateSide(accumulator),
          add: (rating) => void accumulator.add(rating),
          figure(confidence) {
            if (accumulator.total === 0) return null;
            let result: CsatResult;
            try {
              result = accumulator.result();
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
      },
    };
  }
  const rule = cesRule(spec.ces ?? {}, fn);
  return {
    read: read(rule),
    group(state) {
      const accumulator = createCesAccumulator(rule, state as CesAccumulatorState | undefined);
      return {
        ...stateSide(accumulator),
        add: (rating) => void accumulator.add(rating),
        figure(confidence) {
          if (accumulator.total === 0) return null;
          const result = accumulator.result();
          const interval = result.total >= 2 ? cesConfidenceInterval(result, { confidence }) : null;
          return shareFigure(result.easy, result.total, interval, {
            easy: result.easy,
            total: result.total,
            mean: result.mean,
          });
        },
      };
    },
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

function serviceTimeKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const metric = spec.metric === "first-response" ? "first-response" : "resolution";
  const clock = serviceClock({ metric, calendar: spec.calendar, mode: spec.resolution ?? "full" }, fn);
  const business = spec.calendar !== undefined;
  const method = spec.method ?? "linear";
  const percentiles = spec.percentiles ?? [90];
  return {
    read: (record, index) => checked(fn, index, "", record, () => clock.measure(record as Interaction, index)),
    group(state) {
      const accumulator = createServiceTimeAccumulator(clock, state as ServiceTimeAccumulatorState | undefined);
      return {
        ...stateSide(accumulator),
        add: (minutes) => void accumulator.addMinutes(minutes as ServiceMinutes | null),
        figure() {
          if (accumulator.n === 0) return null;
          const result = accumulator.result({ percentiles, method });
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
    },
  };
}

function slaKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const rule = slaRule(spec.policy!, { calendar: spec.calendar, asOf: spec.asOf }, fn);
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
    group(state) {
      const counts = { met: 0, breached: 0, pending: 0 };
      const merge = (from: ReportGroupState): void => {
        const other = from as SlaCountsState;
        counts.met += other.met;
        counts.breached += other.breached;
        counts.pending += other.pending;
      };
      if (state !== undefined) merge(state);
      return {
        merge,
        toJSON: () => ({ kind: "sla-counts", ...counts }),
        add(measurements) {
          for (const m of measurements as readonly SlaMeasurement[]) counts[m.outcome]++;
        },
        figure(confidence) {
          const tally = slaTally(counts);
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
    },
  };
}

function iqsKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const rule = scorecardRule(spec.scorecard!, fn);
  return {
    read: (record, index) => checked(fn, index, "ratings", record, () => rule.score(record as QaReview, index)),
    group(state) {
      const accumulator = createIqsAccumulator(rule, state as IqsAccumulatorState | undefined);
      return {
        ...stateSide(accumulator),
        add: (scored) => void accumulator.addScored(scored as ScoredReview),
        figure(confidence) {
          if (accumulator.toJSON().n === 0) return null;
          const { iqs, n, unscored, standardDeviation } = accumulator.result();
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
    },
  };
}
