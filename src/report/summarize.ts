// summarize: one metric over records, by segment and calendar period, as tidy rows with intervals, period-over-period tests and small-sample flags.
// The metric modules through their index files: importing their files directly left the index files
// as empty shared chunks in the build.
import { ces, cesConfidenceInterval, type CesOptions } from "../ces/index.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import { csat, type CsatOptions } from "../csat/csat.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { describe, invalid } from "../internal/describe.js";
import { instantError, parseInstant } from "../internal/instant.js";
import { isoWithOffset, periodCuts, periodLabel, periodOf } from "../internal/periods.js";
import { recordList } from "../internal/records.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertConfidence, assertOneOf, assertOptions } from "../internal/validate.js";
import { iqs } from "../iqs/iqs.js";
import type { QaReview, Scorecard } from "../iqs/scorecard.js";
import { compareNps } from "../nps/compare.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { npsFromCounts } from "../nps/nps.js";
import type { SlaPolicy } from "../sla/policy.js";
import { sla } from "../sla/sla.js";
import { compareProportions } from "../stats/compare-proportions.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import type { PercentileMethod } from "../stats/percentile.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { RatingIntervals } from "../stats/rating-intervals.js";
import { durationStats, firstResponseTime, resolutionTime, type BusinessCalendar, type Instant, type Interaction } from "../time/index.js";

/** The metrics a report can summarize. */
export type ReportMetric = "nps" | "csat" | "ces" | "first-response" | "resolution" | "sla" | "iqs";

/** Calendar periods a report is cut into: days, ISO weeks (Monday to Sunday), months, quarters, years. */
export type ReportPeriodUnit = "day" | "week" | "month" | "quarter" | "year";

const METRICS: readonly ReportMetric[] = ["nps", "csat", "ces", "first-response", "resolution", "sla", "iqs"];
const UNITS: readonly ReportPeriodUnit[] = ["day", "week", "month", "quarter", "year"];

/** Which field of a record holds what; defaults in brackets. */
export interface ReportFields {
  /** The NPS score [`score`]. */
  readonly score?: string;
  /** The CSAT or CES rating [`rating`]. */
  readonly rating?: string;
  /** When a survey was answered [`respondedAt`]. */
  readonly respondedAt?: string;
  /** When a ticket was created [`createdAt`]: the period of a ticket metric. */
  readonly createdAt?: string;
  /** When a QA review was made [`reviewedAt`]. */
  readonly reviewedAt?: string;
}

/** What to summarize and how: the metric, the segments, the periods, and the metric's own options. */
export interface SummarizeSpec extends BatchOptions {
  /** The metric. */
  readonly metric: ReportMetric;
  /** Fields to segment by (any number); each combination of their values is a segment. */
  readonly by?: readonly string[];
  /** Calendar periods; leave out for one row per segment over all the data. */
  readonly every?: ReportPeriodUnit;
  /** IANA zone the periods are cut in; default `"UTC"`. */
  readonly timeZone?: string;
  /** Rows with fewer than this n are flagged `smallSample` (shown, never hidden); default 30. */
  readonly minN?: number;
  /** Confidence level of intervals and tests; default 0.95. */
  readonly confidence?: number;
  /** Field names, when the records name them otherwise. */
  readonly fields?: ReportFields;
  /** CSAT options (scale, satisfiedFrom, mode, ...). */
  readonly csat?: Omit<CsatOptions<unknown>, "accessor">;
  /** CES options (scale, easyEnd, easyFrom). */
  readonly ces?: Omit<CesOptions<unknown>, "accessor">;
  /** Business calendar: durations in business minutes (and calendar minutes beside them), SLA business targets. */
  readonly calendar?: BusinessCalendar;
  /** Percentiles reported for durations beside the median; default [90]. */
  readonly percentiles?: readonly number[];
  /** Percentile method for durations; default `"linear"` (R type 7). */
  readonly method?: PercentileMethod;
  /** Resolution time to the first or the full resolution; default `"full"`. */
  readonly resolution?: "first" | "full";
  /** The SLA policy, for `metric: "sla"`. */
  readonly policy?: SlaPolicy;
  /** The moment open items are judged at, for `metric: "sla"`. */
  readonly asOf?: Instant;
  /** The QA scorecard, for `metric: "iqs"`. */
  readonly scorecard?: Scorecard;
}

/** A calendar period of a report row. */
export interface ReportPeriod {
  /** `2025-03`, `2025-W10`, `2025-Q1`, `2025-03-07`, `2025`. */
  readonly label: string;
  /** First instant, ISO-8601 with the zone's offset. */
  readonly start: string;
  /** First instant of the next period, ISO-8601 with the zone's offset. */
  readonly end: string;
}

/** The change of a row's figure against the previous period of the same segment, in the row's unit. */
export interface ReportChange {
  /** This period's figure minus the previous one's. */
  readonly difference: number;
  /** Lower bound of the interval for the difference. */
  readonly low: number;
  /** Upper bound of the interval for the difference. */
  readonly high: number;
  /** Two-sided p-value of the test (compareNps for NPS, the two-proportion test for shares). */
  readonly pValue: number;
}

/** One tidy row of a report: a figure for a segment and a period. */
export interface ReportRow {
  /** The metric. */
  readonly metric: ReportMetric;
  /** The segment's values by field; `{}` for the overall row. */
  readonly segment: Readonly<Record<string, string>>;
  /** The period, or null for the row over all periods. */
  readonly period: ReportPeriod | null;
  /** Responses, durations, decided SLA measurements or scored reviews behind the figure. */
  readonly n: number;
  /** The headline figure: NPS points; CSAT, CES easy and SLA in percent; durations the median in minutes; IQS in percent. */
  readonly value: number;
  /** Lower bound of the figure's interval, in its unit; null where there is none (durations). */
  readonly low: number | null;
  /** Upper bound of the figure's interval, in its unit; null where there is none. */
  readonly high: number | null;
  /** The change against the previous period of the same segment; null for the first period, for all-period rows, and for durations and IQS (no test). */
  readonly change: ReportChange | null;
  /** n is below `minN`. */
  readonly smallSample: boolean;
  /** Everything else the metric computed (counts, shares, means, other percentiles, the clock). */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** How many records a report read, used and rejected: `read = used + rejected`. */
export interface ReportInput {
  /** Records given. */
  readonly read: number;
  /** Records that went into the rows. */
  readonly used: number;
  /** Bad records left out under `invalid: "exclude"`, each listed in `exclusions`. */
  readonly rejected: number;
}

/** The rows of a report, what it read, and the records it left out. */
export interface SummarizeResult {
  /** Overall rows first, then each segment (sorted); in each, the periods in time order, then the all-period row. */
  readonly rows: readonly ReportRow[];
  /** Records read, used and rejected: `read = used + rejected`. */
  readonly input: ReportInput;
  /** The rejected records (under `invalid: "exclude"`), each with index, field, value, code and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

/** What one record contributes, once checked. */
type Unit =
  | { readonly kind: "score"; readonly value: number | string }
  | { readonly kind: "duration"; readonly business: number | null; readonly calendar: number }
  | { readonly kind: "open" }
  | { readonly kind: "sla"; readonly met: number; readonly breached: number; readonly pending: number }
  | { readonly kind: "review"; readonly score: number | null };

interface Checked {
  readonly segment: string;
  readonly values: readonly string[];
  /** Index of the period from the first cut; null without periods. */
  period: number | null;
  readonly unit: Unit;
}

function field(record: unknown, name: string): unknown {
  return typeof record === "object" && record !== null && Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
}

/** A segment value: text, or a number as text; a missing or blank value is the segment "(blank)". */
function segmentValue(fn: string, value: unknown, name: string, index: number): string {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "(blank)";
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(fn, "INVALID_ARGUMENT", `${name} of record ${index} is ${describe(value)}, expected text or a number`, { index, value, field: name });
}

/** Checks one record for the metric: what it contributes, or a coded error naming the field. */
function unitOf(fn: string, spec: SummarizeSpec, fields: Required<ReportFields>, record: unknown, index: number): Unit {
  const withIndex = (error: unknown, name: string, value: unknown): never => {
    if (!isCxMetricsError(error)) throw error;
    throw new CxMetricsError(fn, error.code, `record ${index}: ${error.message}`, { index, value, field: error.field ?? name });
  };
  switch (spec.metric) {
    case "nps": {
      const value = field(record, fields.score);
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
        throw new CxMetricsError(fn, "INVALID_SCORE", `${fields.score} of record ${index} is ${describe(value)}, expected an integer 0-10`, { index, value, field: fields.score });
      }
      return { kind: "score", value };
    }
    case "csat":
    case "ces": {
      const value = field(record, fields.rating);
      try {
        if (spec.metric === "csat") csat([value], spec.csat ?? {});
        else ces([value as number], spec.ces ?? {});
      } catch (error) {
        // A valid neutral rating alone has no good/bad CSAT (EMPTY_INPUT): still a good record.
        if (!isCxMetricsError(error, "EMPTY_INPUT")) return withIndex(error, fields.rating, value);
      }
      return { kind: "score", value: value as number | string };
    }
    case "first-response":
    case "resolution": {
      try {
        const options = spec.calendar === undefined ? {} : { calendar: spec.calendar };
        const time =
          spec.metric === "first-response"
            ? firstResponseTime(record as Interaction, options)
            : resolutionTime(record as Interaction, { ...options, mode: spec.resolution ?? "full" });
        return time === null ? { kind: "open" } : { kind: "duration", business: time.businessMinutes, calendar: time.calendarMinutes };
      } catch (error) {
        return withIndex(error, "", record);
      }
    }
    case "sla": {
      try {
        const result = sla([record as Interaction], spec.policy!, { ...(spec.calendar === undefined ? {} : { calendar: spec.calendar }), ...(spec.asOf === undefined ? {} : { asOf: spec.asOf }) });
        return { kind: "sla", met: result.met, breached: result.breached, pending: result.pending };
      } catch (error) {
        if (isCxMetricsError(error, "EMPTY_INPUT")) return { kind: "sla", met: 0, breached: 0, pending: 0 }; // no target applies
        return withIndex(error, "", record);
      }
    }
    case "iqs": {
      try {
        return { kind: "review", score: iqs([record as QaReview], spec.scorecard!).perReview[0]!.score };
      } catch (error) {
        if (isCxMetricsError(error, "EMPTY_INPUT")) return { kind: "review", score: null }; // every criterion N/A
        return withIndex(error, "ratings", record);
      }
    }
  }
}

function checkSpec(fn: string, spec: SummarizeSpec): void {
  if (typeof spec !== "object" || spec === null) throw invalid(fn, "INVALID_ARGUMENT", "spec", spec, "{ metric, by?, every?, ... }");
  assertOneOf(fn, "metric", spec.metric, METRICS);
  if (spec.every !== undefined) assertOneOf(fn, "every", spec.every, UNITS);
  if (spec.by !== undefined && (!Array.isArray(spec.by) || !spec.by.every((name) => typeof name === "string" && name !== ""))) {
    throw invalid(fn, "INVALID_OPTION", "by", spec.by, "an array of field names");
  }
  if (spec.minN !== undefined && !(typeof spec.minN === "number" && spec.minN >= 0)) throw invalid(fn, "INVALID_OPTION", "minN", spec.minN, "a number ≥ 0");
  if (spec.confidence !== undefined) assertConfidence(fn, spec.confidence);
  if (spec.metric === "sla" && (typeof spec.policy !== "object" || spec.policy === null)) throw invalid(fn, "INVALID_OPTION", "policy", spec.policy, "an SLA policy for metric \"sla\"");
  if (spec.metric === "iqs" && (typeof spec.scorecard !== "object" || spec.scorecard === null)) throw invalid(fn, "INVALID_OPTION", "scorecard", spec.scorecard, "a QA scorecard for metric \"iqs\"");
}

/**
 * One metric over records, split by any number of segment fields and by calendar periods cut in a
 * time zone, as tidy rows: the figure, its interval, the change against the previous period of the
 * same segment with its test, and a small-sample flag. Rows for the whole data, per segment over all
 * periods and per period over all segments come with the rest.
 *
 * - **NPS**: value in points, adjusted-Wald interval, change by {@link nps!compareNps}.
 * - **CSAT / CES**: percent satisfied / easy with the Wilson interval; change by the two-proportion
 *   test ({@link stats!compareProportions}); the mean and its t interval in `detail`.
 * - **first-response / resolution**: the median in minutes (business minutes with a calendar, else
 *   calendar minutes), other percentiles (default p90) and the mean in `detail`, the percentile method
 *   named; no interval and no change test (documented choice: the median of skewed durations has no
 *   test this library would stand behind). Unanswered / unresolved tickets are counted in `detail.open`.
 * - **SLA**: met / (met + breached) in percent with the Wilson interval; change by the two-proportion test.
 * - **IQS**: the mean review score in percent with its t interval; no change test.
 *
 * A group whose figure cannot be computed has no row: only open tickets, only unscored reviews, no
 * decided SLA measurement, or (CSAT in good/bad mode) only neutral ratings.
 *
 * Each record is checked first (the date of its period, its segment fields, its score or times).
 * Bad records stop the call by default; with `invalid: "exclude"` they are left out and listed, and
 * `input` says how many were read, used and rejected. A blank segment value is the segment "(blank)".
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad spec (unknown metric or period, a missing policy
 *   or scorecard); for a bad record, the metric's own code naming its index and field;
 *   `INVALID_TIME_ZONE`; `EMPTY_INPUT` when no record could be used.
 * @example
 * ```ts
 * const responses = [
 *   { score: 10, channel: "chat" }, { score: 9, channel: "chat" }, { score: 3, channel: "email" }, { score: 8, channel: "email" },
 * ];
 * const report = summarize(responses, { metric: "nps", by: ["channel"] });
 * report.rows.map((row) => `${row.segment.channel ?? "all"} ${row.value}`).join(", "); //=> "all 25, chat 100, email -50"
 * ```
 */
export function summarize(records: Iterable<unknown> | ArrayLike<unknown>, spec: SummarizeSpec): SummarizeResult {
  const fn = "summarize";
  assertOptions(fn, spec);
  checkSpec(fn, spec);
  const policy = rowPolicy(fn, spec);
  const timeZone = spec.timeZone ?? "UTC";
  assertTimeZone(fn, timeZone);
  const by = spec.by ?? [];
  const confidence = spec.confidence ?? 0.95;
  const minN = spec.minN ?? 30;
  const fields: Required<ReportFields> = { score: "score", rating: "rating", respondedAt: "respondedAt", createdAt: "createdAt", reviewedAt: "reviewedAt", ...spec.fields };
  const dateField =
    spec.metric === "nps" || spec.metric === "csat" || spec.metric === "ces" ? fields.respondedAt : spec.metric === "iqs" ? fields.reviewedAt : fields.createdAt;
  const reading = spec.timeZone === undefined ? undefined : { timeZone };

  const list = recordList(fn, "records", records);
  const checked: Checked[] = [];
  const instants: number[] = [];
  const exclusions: ExcludedRow[] = [];
  for (let index = 0; index < list.length; index++) {
    const record = list[index];
    try {
      const values = by.map((name) => segmentValue(fn, field(record, name), name, index));
      let at: number | null = null;
      if (spec.every !== undefined) {
        const raw = field(record, dateField);
        const ms = parseInstant(raw, reading);
        if (ms === undefined) throw instantError(fn, `${dateField} of record ${index}`, raw, { index, field: dateField, ...(reading === undefined ? {} : { reading }) });
        at = ms;
      }
      const unit = unitOf(fn, spec, fields, record, index);
      checked.push({ segment: JSON.stringify(values), values, period: null, unit });
      instants.push(at ?? 0);
    } catch (error) {
      // A missing asOf (an open ticket on an SLA report) is a mistake of the call, not a bad record.
      if (policy === "throw" || !isCxMetricsError(error) || error.field === "asOf") throw error;
      const id = field(record, "id");
      exclusions.push({
        index,
        id: typeof id === "string" || typeof id === "number" ? String(id) : null,
        field: error.field ?? "",
        value: error.value,
        code: error.code,
        reason: error.message,
      });
    }
  }
  if (checked.length === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", exclusions.length === 0 ? "no records" : `no records: all ${exclusions.length} were rejected`);

  // Periods: cut once over the span of the data.
  let cuts: ReturnType<typeof periodCuts> | undefined;
  if (spec.every !== undefined) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const at of instants) {
      if (at < first) first = at;
      if (at > last) last = at;
    }
    const found = periodCuts(timeZone, spec.every, first, last);
    checked.forEach((entry, i) => {
      entry.period = periodOf(found, instants[i]!) - found.first;
    });
    cuts = found;
  }

  // Groups: (segment, period), with the overall segment and the all-period rows.
  const segments = new Map<string, readonly string[]>([["[]", []]]);
  for (const entry of checked) if (!segments.has(entry.segment)) segments.set(entry.segment, entry.values);
  const orderedSegments = [...segments].sort((a, b) => (a[0] === "[]" ? -1 : b[0] === "[]" ? 1 : a[0].localeCompare(b[0])));
  // The periods each segment has data in: rows are made for those only, so the cost follows the data,
  // not the span between the earliest and the latest date.
  const periodsOf = new Map<string, Set<number>>();
  const groups = new Map<string, Unit[]>();
  const add = (segment: string, period: number | null, unit: Unit): void => {
    const key = `${segment}|${period ?? "all"}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [unit]);
    else group.push(unit);
  };
  for (const entry of checked) {
    for (const segment of entry.segment === "[]" ? ["[]"] : ["[]", entry.segment]) {
      add(segment, null, entry.unit);
      if (entry.period !== null) {
        add(segment, entry.period, entry.unit);
        let present = periodsOf.get(segment);
        if (present === undefined) periodsOf.set(segment, (present = new Set()));
        present.add(entry.period);
      }
    }
  }

  const rows: ReportRow[] = [];
  for (const [segmentKey, values] of orderedSegments) {
    const segment = Object.fromEntries(by.map((name, k) => [name, values[k]!]).filter(() => values.length > 0));
    // The change is against the period just before, when it has a figure; after a gap there is none.
    let previous: { readonly period: number; readonly figure: Figure } | null = null;
    for (const p of [...(periodsOf.get(segmentKey) ?? [])].sort((x, y) => x - y)) {
      const figure = figureOf(spec, groups.get(`${segmentKey}|${p}`)!, confidence);
      if (figure === null) continue;
      const period: ReportPeriod = {
        label: periodLabel(cuts!.first + p, spec.every!),
        start: isoWithOffset(cuts!.starts[p]!, timeZone),
        end: isoWithOffset(cuts!.starts[p + 1]!, timeZone),
      };
      const before = previous !== null && previous.period === p - 1 ? previous.figure : null;
      rows.push(row(spec.metric, segment, period, figure, before === null ? null : changeOf(spec.metric, figure, before, confidence), minN));
      previous = { period: p, figure };
    }
    const all = groups.get(`${segmentKey}|all`);
    const figure = all === undefined ? null : figureOf(spec, all, confidence);
    if (figure !== null) rows.push(row(spec.metric, segment, null, figure, null, minN));
  }
  return { rows, input: { read: list.length, used: checked.length, rejected: exclusions.length }, exclusions };
}

/** A group's figure and what its change test needs. */
interface Figure {
  readonly n: number;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly detail: Readonly<Record<string, unknown>>;
  /** NPS counts, or the successes and trials of a share. */
  readonly counts?: { promoters: number; passives: number; detractors: number };
  readonly share?: { successes: number; n: number };
}

function row(metric: ReportMetric, segment: Record<string, string>, period: ReportPeriod | null, figure: Figure, change: ReportChange | null, minN: number): ReportRow {
  return { metric, segment, period, n: figure.n, value: figure.value, low: figure.low, high: figure.high, change, smallSample: figure.n < minN, detail: figure.detail };
}

/** The figure of a group, or null when nothing in it can be computed (only open tickets, only unscored reviews). */
function figureOf(spec: SummarizeSpec, units: readonly Unit[], confidence: number): Figure | null {
  switch (spec.metric) {
    case "nps": {
      const counts = { promoters: 0, passives: 0, detractors: 0 };
      for (const unit of units) {
        const score = (unit as { value: number }).value;
        if (score >= 9) counts.promoters++;
        else if (score >= 7) counts.passives++;
        else counts.detractors++;
      }
      const result = npsFromCounts(counts);
      const interval = npsConfidenceInterval(counts, { confidence });
      return { n: result.total, value: result.score, low: interval.low, high: interval.high, counts, detail: { ...result, interval: interval.method } };
    }
    case "csat":
    case "ces": {
      const ratings = units.map((unit) => (unit as { value: number | string }).value);
      if (spec.metric === "csat") {
        let result: ReturnType<typeof csat>;
        try {
          result = csat(ratings, spec.csat ?? {});
        } catch (error) {
          // good/bad mode leaves neutral ratings out: a group of neutral ratings only has no figure.
          if (isCxMetricsError(error, "EMPTY_INPUT")) return null;
          throw error;
        }
        const interval = result.total >= 2 ? csatConfidenceInterval(result, { confidence }) : null;
        return shareFigure(result.satisfied, result.denominator, interval, { satisfied: result.satisfied, dissatisfied: result.dissatisfied, total: result.total, mean: result.mean, mode: result.mode });
      }
      const result = ces(ratings as number[], spec.ces ?? {});
      const interval = result.total >= 2 ? cesConfidenceInterval(result, { confidence }) : null;
      return shareFigure(result.easy, result.total, interval, { easy: result.easy, total: result.total, mean: result.mean });
    }
    case "first-response":
    case "resolution": {
      const durations = units.filter((unit): unit is Extract<Unit, { kind: "duration" }> => unit.kind === "duration");
      if (durations.length === 0) return null;
      const clock = spec.calendar === undefined ? "calendar" : "business";
      const method = spec.method ?? "linear";
      const percentiles = spec.percentiles ?? [90];
      const main = durationStats(durations.map((d) => (clock === "business" ? d.business! : d.calendar)), { percentiles, method });
      const other = clock === "business" ? durationStats(durations.map((d) => d.calendar), { percentiles, method }) : null;
      return {
        n: main.n,
        value: main.median,
        low: null,
        high: null,
        detail: { ...main, clock, method, open: units.length - durations.length, calendarMinutes: other },
      };
    }
    case "sla": {
      let met = 0;
      let breached = 0;
      let pending = 0;
      for (const unit of units) {
        const outcome = unit as Extract<Unit, { kind: "sla" }>;
        met += outcome.met;
        breached += outcome.breached;
        pending += outcome.pending;
      }
      const decided = met + breached;
      if (decided === 0) return null;
      const interval = proportionInterval(met, decided, { confidence });
      return { n: decided, value: (100 * met) / decided, low: 100 * interval.low, high: 100 * interval.high, share: { successes: met, n: decided }, detail: { met, breached, pending, interval: "wilson" } };
    }
    case "iqs": {
      const scores = units.map((unit) => (unit as Extract<Unit, { kind: "review" }>).score).filter((score): score is number => score !== null);
      if (scores.length === 0) return null;
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      const sd = scores.length > 1 ? Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (scores.length - 1)) : 0;
      const interval = scores.length > 1 ? meanConfidenceInterval({ mean, standardDeviation: sd, n: scores.length }, { confidence }) : null;
      return { n: scores.length, value: mean, low: interval?.low ?? null, high: interval?.high ?? null, detail: { unscored: units.length - scores.length, standardDeviation: sd } };
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
function changeOf(metric: ReportMetric, current: Figure, previous: Figure, confidence: number): ReportChange | null {
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
