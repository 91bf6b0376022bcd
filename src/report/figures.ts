// A report group's running totals (what its records contributed, kept as counts where the figure needs no more) and the figure, interval and change test computed from them.
import { ces, cesConfidenceInterval } from "../ces/index.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import { csat } from "../csat/csat.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { compareNps } from "../nps/compare.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { npsFromCounts } from "../nps/nps.js";
import { compareProportions } from "../stats/compare-proportions.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { RatingIntervals } from "../stats/rating-intervals.js";
import { durationStats } from "../time/index.js";
import type { Unit } from "./record-check.js";
import type { ReportChange, ReportMetric, SummarizeSpec } from "./spec.js";

/**
 * What a group's records added up to. Scores are counted (NPS by category, CSAT / CES ratings by
 * value), so memory does not grow with the records; durations and review scores are kept, since
 * percentiles and standard deviations need them.
 */
export interface Totals {
  /** NPS: promoters, passives, detractors. */
  readonly nps: [number, number, number];
  /** CSAT / CES: how many records gave each rating value. */
  readonly ratings: Map<number | string, number>;
  /** Durations in business minutes (with a calendar) and in calendar minutes. */
  readonly business: number[];
  readonly calendar: number[];
  /** Tickets still open (no first response / resolution). */
  open: number;
  /** SLA outcomes. */
  met: number;
  breached: number;
  pending: number;
  /** IQS review scores, and reviews with every criterion N/A. */
  readonly scores: number[];
  unscored: number;
}

/** Empty totals. */
export function newTotals(): Totals {
  return { nps: [0, 0, 0], ratings: new Map(), business: [], calendar: [], open: 0, met: 0, breached: 0, pending: 0, scores: [], unscored: 0 };
}

/** Adds one record's contribution. */
export function addUnit(totals: Totals, unit: Unit): void {
  switch (unit.kind) {
    case "nps":
      totals.nps[unit.value >= 9 ? 0 : unit.value >= 7 ? 1 : 2]++;
      return;
    case "rating":
      totals.ratings.set(unit.value, (totals.ratings.get(unit.value) ?? 0) + 1);
      return;
    case "duration":
      if (unit.business !== null) totals.business.push(unit.business);
      totals.calendar.push(unit.calendar);
      return;
    case "open":
      totals.open++;
      return;
    case "sla":
      totals.met += unit.met;
      totals.breached += unit.breached;
      totals.pending += unit.pending;
      return;
    case "review":
      if (unit.score === null) totals.unscored++;
      else totals.scores.push(unit.score);
      return;
  }
}

/** Adds `from` into `into` (the rows over several segments or periods). */
export function mergeTotals(into: Totals, from: Totals): void {
  for (let k = 0; k < 3; k++) into.nps[k]! += from.nps[k]!;
  for (const [value, count] of from.ratings) into.ratings.set(value, (into.ratings.get(value) ?? 0) + count);
  for (const minutes of from.business) into.business.push(minutes);
  for (const minutes of from.calendar) into.calendar.push(minutes);
  for (const score of from.scores) into.scores.push(score);
  into.open += from.open;
  into.met += from.met;
  into.breached += from.breached;
  into.pending += from.pending;
  into.unscored += from.unscored;
}

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

/** The ratings as a list (each value as often as it was given), for the CSAT and CES functions. */
function ratingList(ratings: Map<number | string, number>): (number | string)[] {
  const list: (number | string)[] = [];
  for (const [value, count] of ratings) for (let k = 0; k < count; k++) list.push(value);
  return list;
}

/** The figure of a group, or null when nothing in it can be computed (only open tickets, only unscored reviews). */
export function figureOf(spec: SummarizeSpec, totals: Totals, confidence: number): Figure | null {
  switch (spec.metric) {
    case "nps": {
      const [promoters, passives, detractors] = totals.nps;
      const counts = { promoters, passives, detractors };
      const result = npsFromCounts(counts);
      const interval = npsConfidenceInterval(counts, { confidence });
      return { n: result.total, value: result.score, low: interval.low, high: interval.high, counts, detail: { ...result, interval: interval.method } };
    }
    case "csat": {
      let result: ReturnType<typeof csat>;
      try {
        result = csat(ratingList(totals.ratings), spec.csat ?? {});
      } catch (error) {
        // good/bad mode leaves neutral ratings out: a group of neutral ratings only has no figure.
        if (isCxMetricsError(error, "EMPTY_INPUT")) return null;
        throw error;
      }
      const interval = result.total >= 2 ? csatConfidenceInterval(result, { confidence }) : null;
      return shareFigure(result.satisfied, result.denominator, interval, { satisfied: result.satisfied, dissatisfied: result.dissatisfied, total: result.total, mean: result.mean, mode: result.mode });
    }
    case "ces": {
      const result = ces(ratingList(totals.ratings) as number[], spec.ces ?? {});
      const interval = result.total >= 2 ? cesConfidenceInterval(result, { confidence }) : null;
      return shareFigure(result.easy, result.total, interval, { easy: result.easy, total: result.total, mean: result.mean });
    }
    case "first-response":
    case "resolution": {
      if (totals.calendar.length === 0) return null;
      const clock = spec.calendar === undefined ? "calendar" : "business";
      const method = spec.method ?? "linear";
      const percentiles = spec.percentiles ?? [90];
      const main = durationStats(clock === "business" ? totals.business : totals.calendar, { percentiles, method });
      const other = clock === "business" ? durationStats(totals.calendar, { percentiles, method }) : null;
      return { n: main.n, value: main.median, low: null, high: null, detail: { ...main, clock, method, open: totals.open, calendarMinutes: other } };
    }
    case "sla": {
      const { met, breached, pending } = totals;
      const decided = met + breached;
      if (decided === 0) return null;
      const interval = proportionInterval(met, decided, { confidence });
      return { n: decided, value: (100 * met) / decided, low: 100 * interval.low, high: 100 * interval.high, share: { successes: met, n: decided }, detail: { met, breached, pending, interval: "wilson" } };
    }
    case "iqs": {
      const scores = totals.scores;
      if (scores.length === 0) return null;
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      const sd = scores.length > 1 ? Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (scores.length - 1)) : 0;
      const interval = scores.length > 1 ? meanConfidenceInterval({ mean, standardDeviation: sd, n: scores.length }, { confidence }) : null;
      return { n: scores.length, value: mean, low: interval?.low ?? null, high: interval?.high ?? null, detail: { unscored: totals.unscored, standardDeviation: sd } };
    }
  }
}

/** The figure of a CSAT or CES share: percent of n, its interval in percent, the mean's interval in `detail`. */
function shareFigure(successes: number, n: number, interval: RatingIntervals | null, detail: Record<string, unknown>): Figure {
  return {
    n,
    value: (100 * successes) / n,
    low: interval === null ? null : interval.percent.low,
    high: interval === null ? null : interval.percent.high,
    share: { successes, n },
    detail: { ...detail, meanLow: interval?.mean.low ?? null, meanHigh: interval?.mean.high ?? null },
  };
}

/** The change of a figure against the previous period's, with its test; null where the metric has none. */
export function changeOf(metric: ReportMetric, current: Figure, previous: Figure, confidence: number): ReportChange | null {
  if (metric === "nps") {
    const test = compareNps(current.counts!, previous.counts!, { confidence });
    return { difference: current.value - previous.value, low: test.low, high: test.high, pValue: test.pValue };
  }
  if (current.share !== undefined && previous.share !== undefined && current.share.n > 0 && previous.share.n > 0) {
    const test = compareProportions(current.share, previous.share, { confidence });
    return { difference: 100 * test.difference, low: 100 * test.low, high: 100 * test.high, pValue: test.pValue };
  }
  return null;
}
