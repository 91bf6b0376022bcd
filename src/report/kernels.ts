// Each metric's kernel as the report uses it: compiled once from the spec (the metric module's rule),
// then one record read and checked at a time, one group accumulator per segment and period, and the
// group's figure. The rules themselves live in the metric modules; this file only connects them.
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { addScoredReview, iqsTally, iqsTallyResult, mergeIqsTally, type IqsTally } from "../iqs/accumulator.js";
import { scorecardRule, type QaReview, type ScoredReview } from "../iqs/scorecard.js";
import { assertCount } from "../internal/validate.js";
import { slaTally } from "../sla/accumulator.js";
import { slaRule, type SlaMeasurement } from "../sla/rule.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { medianInterval } from "../stats/median-interval.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { Interaction } from "../time/interaction.js";
import { serviceClock, type ServiceMinutes } from "../time/service-clock.js";
import {
  createServiceTimeAccumulator,
  type ServiceTimeAccumulator,
  type ServiceTimeAccumulatorState,
} from "../time/service-time-accumulator.js";
import type { MetricKernel, ReportGroupState, SlaCountsState } from "./kernel-types.js";
import { npsKernel, ratingKernel } from "./survey-kernels.js";
import { durationReading, vendorMinutesField } from "./vendor-minutes.js";
import type { SummarizeSpec } from "./spec.js";

export { field, isUnreadable, reportFields } from "./fields.js";
import { reportFields } from "./fields.js";
export type { Figure, GroupWeights, MetricKernel, ReportGroupState, SlaCountsState } from "./kernel-types.js";

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

/** The kernel of the spec's metric; options (scale, clock, policy, scorecard) are checked once here. */
export function metricKernel(fn: string, spec: SummarizeSpec): MetricKernel {
  const fields = reportFields(spec);
  switch (spec.metric) {
    case "nps":
      return npsKernel(fn, spec, fields.score) as MetricKernel;
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

function serviceTimeKernel(fn: string, spec: SummarizeSpec): MetricKernel<ServiceTimeAccumulator> {
  const metric = spec.metric === "first-response" ? "first-response" : "resolution";
  const clock = serviceClock({ metric, calendar: spec.calendar, mode: spec.resolution ?? "full" }, fn);
  // Timestamps measured by the clock; with vendor minutes, the figure's clock only (one list of minutes per group).
  const reading = durationReading(fn, spec, clock);
  const business = reading.business;
  const kept = reading.bothClocks ? clock : serviceClock({ metric }, fn);
  const method = spec.method ?? "linear";
  const percentiles = spec.percentiles ?? [90];
  return {
    read(record, index) {
      // No closure a record (a million of them in a large file): the error path alone names the record.
      try {
        return reading.read(record, index);
      } catch (error) {
        return withIndex(fn, index, error, "", record);
      }
    },
    create: (state) => createServiceTimeAccumulator(kept, state as ServiceTimeAccumulatorState | undefined),
    add: (group, minutes) => void group.addMinutes(minutes as ServiceMinutes | null),
    merge: (group, state) => void group.merge(state as ServiceTimeAccumulatorState),
    toJSON: (group) => group.toJSON(),
    toState: (group) => group.toState(),
    // Another group's minutes copied from its memory (no state in between).
    combine: (group, other) => void group.merge(other),
    figure(group, confidence) {
      if (group.n === 0) return null;
      const result = group.result({ percentiles, method });
      // Both clocks kept: the figure is the business one when there is a calendar; one clock kept: the figure's.
      const both = reading.bothClocks && business;
      const main = both ? result.business! : result.calendar;
      // The median's distribution-free interval: two order statistics, so it holds the median at every n.
      const minutes = group.minutes();
      const interval = medianInterval(both ? minutes.business! : minutes.calendar, confidence);
      const detail = {
        ...main,
        clock: business ? "business" : "calendar",
        method,
        open: result.open,
        calendarMinutes: both ? result.calendar : null,
        ...(spec.vendorMinutes === undefined ? {} : { vendorMinutes: vendorMinutesField(spec) }),
        interval: "order statistics",
        intervalCoverage: interval.coverage,
      };
      return {
        n: main.n,
        value: main.median,
        low: Math.min(main.median, interval.low),
        high: Math.max(main.median, interval.high),
        se: null,
        nEffective: main.n,
        weighted: false,
        detail,
      };
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
    // A counted state from outside (addCounted, merge): null was added as 0 and text as text ("0" + "3" = "03").
    for (const name of ["met", "breached", "pending"] as const) assertCount(fn, `state.${name}`, other?.[name]);
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
      const p = tally.met / decided;
      return {
        n: decided,
        value: tally.percent!,
        low: 100 * interval.low,
        high: 100 * interval.high,
        // The linearised SE of a share with unit weights: √(p(1 − p)/(n − 1)).
        se: decided < 2 ? null : 100 * Math.sqrt((p * (1 - p)) / (decided - 1)),
        nEffective: decided,
        weighted: false,
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
      // The t interval, within the scale's 0-100; one review says nothing of the spread: the whole scale.
      const interval = n > 1 ? meanConfidenceInterval({ mean: iqs, standardDeviation, n }, { confidence }) : null;
      return {
        n,
        value: iqs,
        low: interval === null ? 0 : Math.max(0, Math.min(iqs, interval.low)),
        high: interval === null ? 100 : Math.min(100, Math.max(iqs, interval.high)),
        se: n > 1 ? standardDeviation / Math.sqrt(n) : null,
        nEffective: n,
        weighted: false,
        moments: { mean: iqs, sd: standardDeviation, n },
        detail: { unscored, standardDeviation },
      };
    },
  };
}
