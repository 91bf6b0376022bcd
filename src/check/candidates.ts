// Recomputes a claim's figure under every combination of the conventions in the catalogue: the records of its segment
// and period (cut in the report's zone or in UTC), then the metric under each definition.
import { unansweredTest } from "../internal/unanswered.js";
import { cesFromCounts } from "../ces/accumulator.js";
import { cesConfidenceInterval } from "../ces/confidence-interval.js";
import { cesRule } from "../ces/rule.js";
import { csatFromCounts } from "../csat/accumulator.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import type { CsatResult, CsatScale } from "../csat/csat.js";
import { csatRule } from "../csat/rule.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { parseInstant } from "../internal/instant.js";
import { periodBounds, type PeriodUnit } from "../internal/periods.js";
import { createIqsAccumulator } from "../iqs/accumulator.js";
import type { QaReview, Scorecard } from "../iqs/scorecard.js";
import { createNpsAccumulator } from "../nps/accumulator.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { npsFromCounts } from "../nps/nps.js";
import { isNpsScore } from "../nps/rule.js";
import { field } from "../report/kernels.js";
import type { ReportMetric, SummarizeResult, SummarizeSpec } from "../report/spec.js";
import { createSummary } from "../report/summarize.js";
import { slaTally } from "../sla/accumulator.js";
import type { SlaPolicy } from "../sla/policy.js";
import { slaRule, type SlaMeasurement } from "../sla/rule.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { PERCENTILE_METHODS, percentile } from "../stats/percentile.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import type { BusinessCalendar, BusinessCalendarOptions } from "../time/calendar.js";
import { calendarFromSchedule } from "../time/schedule.js";
import { durationStats } from "../time/duration-stats.js";
import type { Interaction } from "../time/interaction.js";
import { serviceClock, type ServiceClock } from "../time/service-clock.js";
import type { RatingCount } from "../types.js";
import { type RecordProblem, recordProblem } from "./reconcile.js";
import { rounded } from "./rounding.js";

/** A figure recomputed under one combination of conventions. */
export interface Candidate {
  /** Dimension → option (rounding is added when compared with the printed figure). */
  readonly conventions: Readonly<Record<string, string>>;
  readonly value: number;
  readonly n: number;
  /** Its interval (the library's for that definition), or null where there is none (durations). */
  readonly low: number | null;
  readonly high: number | null;
  /** NPS points, percent, a plain number (a mean rating) or minutes. */
  readonly unit: "points" | "percent" | "number" | "minutes";
  /** Every option is the library's default. */
  readonly isDefault: boolean;
}

/** How many of the records left out a claim lists (the rest are counted). */
export const LISTED_PROBLEMS = 5;

/**
 * The records of a claim's segment left out of its figure because a value in them cannot be read, never dropped
 * without a word: how many, and the first few with why.
 */
export interface LeftOut {
  /** Records of the segment whose date cannot be read, when the claim names a period (they are in no period). */
  readonly undated: number;
  /** Records of the segment and period whose value cannot be read (a score "ten", a ticket without a creation time). */
  readonly unreadable: number;
  /**
   * The first five of both, in the data set's order; `index` is the record's position in the data set,
   * `field` the field that cannot be read.
   */
  readonly problems: readonly RecordProblem[];
}

/** Records left out while a metric reads them: a count, and the first few (positions in the records it was given). */
interface Unreadable {
  count: number;
  readonly problems: RecordProblem[];
}

/** Counts a record left out, and keeps it when fewer than {@link LISTED_PROBLEMS} are kept. */
function leaveOut(left: Unreadable, problem: RecordProblem): void {
  left.count++;
  if (left.problems.length < LISTED_PROBLEMS) left.problems.push(problem);
}

/** A score or rating that is not one of its scale, as a problem (the command says it again from the cell). */
const badAnswer = (index: number, name: "score" | "rating", value: unknown): RecordProblem => ({
  index,
  field: name,
  code: "INVALID_VALUE",
  value,
  reason: `${name} ${typeof value === "string" ? JSON.stringify(value) : String(value)} is not an answer of the scale`,
});

/** What a claim asks, as far as recomputing goes. */
export interface ClaimQuery {
  readonly metric: ReportMetric;
  readonly filter?: Readonly<Record<string, string | number>> | undefined;
  readonly period?: string | undefined;
  readonly timeZone: string;
  readonly statistic?: string | undefined;
  readonly options?: ClaimOptions | undefined;
}

/** A claim's metric options, in the library's shapes. */
export interface ClaimOptions {
  /** CSAT scale ("1-5", "1-10", "smiley-3") or CES scale ("1-7", "1-5"). */
  readonly scale?: string;
  /** A business calendar's options (as for `businessCalendar`), or a Zendesk schedule or Intercom office hours (as for `calendarFromSchedule`). */
  readonly calendar?: BusinessCalendarOptions | Readonly<Record<string, unknown>>;
  /** The SLA policy. */
  readonly policy?: SlaPolicy;
  /** When open SLA items are judged. */
  readonly asOf?: string;
  /** The QA scorecard. */
  readonly scorecard?: Scorecard;
  /**
   * NPS, CSAT, CES: not-rated markers read as unanswered besides the default ones (`UNANSWERED_MARKERS`), as
   * `summarize`'s `unanswered` (report's `--unanswered`): `["Skipped"]`.
   */
  readonly unanswered?: readonly string[];
  /** NPS, CSAT, CES: the column holding each response's weight; the weighted figure is then the default. */
  readonly weight?: string;
  /** Durations: the unit of a figure printed as a bare number ("minutes", "hours", "days"). */
  readonly unit?: string;
  /**
   * A row-by-row claim (`against`) of resolution: to the last resolution (`"full"`, default; Zendesk's "Full resolution
   * time") or the first (`"first"`; "First resolution time").
   */
  readonly resolution?: "first" | "full";
}

/** The unit and index of a period label: `2025`, `2025-Q1`, `2025-03`, `2025-W10`, `2025-03-07`. */
export function periodOfLabel(label: string): { unit: PeriodUnit; index: number } | null {
  let match = /^(\d{4})$/.exec(label);
  if (match) return { unit: "year", index: Number(match[1]) };
  match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (match) return { unit: "quarter", index: Number(match[1]) * 4 + Number(match[2]) - 1 };
  match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12)
    return { unit: "month", index: Number(match[1]) * 12 + Number(match[2]) - 1 };
  match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match) {
    // ISO week 1 holds 4 January; weeks count from the Monday 1970-01-05 (index 0) as in periods.ts.
    const jan4 = Date.UTC(Number(match[1]), 0, 4) / 86_400_000;
    const monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7);
    return { unit: "week", index: Math.floor((monday + 7 * (Number(match[2]) - 1) - 4) / 7) };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (match)
    return { unit: "day", index: Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000 };
  return null;
}

const dateField = (metric: ReportMetric): string =>
  metric === "nps" || metric === "csat" || metric === "ces"
    ? "respondedAt"
    : metric === "iqs"
      ? "reviewedAt"
      : "createdAt";

/**
 * The records of the claim's segment and, when it names one, its period cut in `zone`; and how many had no readable
 * date.
 */
export function selectRecords(
  records: readonly unknown[],
  query: ClaimQuery,
  zone: string,
): { records: unknown[]; undated: number; indexes: number[]; undatedProblems: RecordProblem[] } {
  const filter = Object.entries(query.filter ?? {});
  const period = query.period === undefined ? null : periodOfLabel(query.period);
  const bounds = period === null ? null : periodBounds(zone, period.unit, period.index);
  const name = dateField(query.metric);
  let undated = 0;
  const undatedProblems: RecordProblem[] = [];
  const out: unknown[] = [];
  // Each selected record's position in `records`, to name it in what is said about it.
  const indexes: number[] = [];
  for (const [index, record] of records.entries()) {
    if (!filter.every(([key, value]) => String(field(record, key) ?? "") === String(value))) continue;
    if (bounds !== null) {
      const raw = field(record, name);
      const at = parseInstant(raw, { timeZone: query.timeZone });
      if (at === undefined) {
        undated++;
        if (undatedProblems.length < LISTED_PROBLEMS)
          undatedProblems.push({
            index,
            field: name,
            code: "INVALID_DATE",
            value: raw,
            reason: `${name} cannot be read as a date`,
          });
        continue;
      }
      if (at < bounds.start || at >= bounds.end) continue;
    }
    out.push(record);
    indexes.push(index);
  }
  return { records: out, undated, indexes, undatedProblems };
}

/**
 * An unanswered survey (blank, or a not-rated marker such as "N/A" or "Offered", or one of the claim's
 * `options.unanswered`), as `summarize` reads it with `unanswered`.
 */
const blankTest = (query: ClaimQuery): ((value: unknown) => boolean) =>
  unansweredTest("checkReport", query.options?.unanswered);

/**
 * The figure under every combination of conventions, the library's default first; and the records of the claim's
 * segment and period (cut in its zone) left out because a value cannot be read.
 */
export function candidates(
  records: readonly unknown[],
  query: ClaimQuery,
): { candidates: Candidate[]; leftOut: LeftOut } {
  const cuts = query.period === undefined || query.timeZone === "UTC" ? ["report-zone"] : ["report-zone", "utc"];
  const out: Candidate[] = [];
  let leftOut: LeftOut = { undated: 0, unreadable: 0, problems: [] };
  for (const cut of cuts) {
    const selected = selectRecords(records, query, cut === "utc" ? "UTC" : query.timeZone);
    const left: Unreadable = { count: 0, problems: [] };
    const found = metricCandidates(selected.records, query, left);
    if (cut === "report-zone")
      leftOut = {
        undated: selected.undated,
        unreadable: left.count,
        problems: [
          ...selected.undatedProblems,
          ...left.problems.map((problem) => ({ ...problem, index: selected.indexes[problem.index]! })),
        ]
          .sort((a, b) => a.index - b.index)
          .slice(0, LISTED_PROBLEMS),
      };
    for (const candidate of found) {
      const conventions =
        query.period === undefined ? candidate.conventions : { "period-cut": cut, ...candidate.conventions };
      out.push({ ...candidate, conventions, isDefault: candidate.isDefault && cut === "report-zone" });
    }
  }
  out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return { candidates: out, leftOut };
}

/** A metric's candidates; the records it cannot read are counted in `left`. */
function metricCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  const weight = query.options?.weight;
  if (weight !== undefined && (query.metric === "nps" || query.metric === "csat" || query.metric === "ces")) {
    // The weighted reading counts the records it leaves out (a bad weight too); the unweighted one the same again.
    const unweighted = unweightedCandidates(records, query, { count: 0, problems: [] }).map((candidate) => ({
      ...candidate,
      conventions: { ...candidate.conventions, weights: "unweighted" },
      isDefault: false,
    }));
    return [...weightedCandidates(records, query, weight, left), ...unweighted];
  }
  return unweightedCandidates(records, query, left);
}

/**
 * The weighted figure, as the report computes it (summarize with `weight`: the metric's kernel, bad weights left
 * out), with the library's default conventions otherwise.
 */
function weightedCandidates(
  records: readonly unknown[],
  query: ClaimQuery,
  weight: string,
  left: Unreadable,
): Candidate[] {
  const scale = query.options?.scale;
  const spec: SummarizeSpec = {
    metric: query.metric,
    weight,
    invalid: "exclude",
    ...(query.metric === "nps" ? { fields: { score: "score" } } : {}),
    ...(scale === undefined
      ? {}
      : query.metric === "csat"
        ? { csat: { scale: scale as CsatScale } }
        : { ces: { scale: scale as "1-7" | "1-5" } }),
  };
  // Records with a blank score or rating are not bad weights: leave them out as the unweighted figures do.
  const isBlank = blankTest(query);
  const answeredAt: number[] = [];
  const answered = records.filter((record, index) => {
    const keep = !isBlank(field(record, query.metric === "nps" ? "score" : "rating"));
    if (keep) answeredAt.push(index);
    return keep;
  });
  const numeric = answered.map((record) => {
    const name = query.metric === "nps" ? "score" : "rating";
    const raw = field(record, name);
    const value = typeof raw === "string" && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    return { ...(record as object), [name]: value };
  });
  // The report's summary, record by record: the records it leaves out (a bad weight, a rating off the scale) are listed
  // even when none is left to give a figure.
  const summary = createSummary(spec);
  for (const record of numeric) summary.add(record);
  for (const excluded of summary.state().exclusions)
    leaveOut(left, {
      index: answeredAt[excluded.index]!,
      field: excluded.field,
      code: excluded.code,
      value: excluded.value,
      reason: excluded.reason.replace(/^[\w.]+: /, ""),
    });
  let report: SummarizeResult;
  try {
    report = summary.result();
  } catch (error) {
    if (isCxMetricsError(error, "EMPTY_INPUT")) return [];
    throw error;
  }
  const row = report.rows[0]!;
  if (query.statistic === "mean" && query.metric !== "nps") {
    const detail = row.detail as { mean: number; meanLow: number | null; meanHigh: number | null };
    return [
      {
        conventions: { weights: "weighted", [query.metric]: "mean" },
        value: detail.mean,
        n: row.n,
        low: detail.meanLow,
        high: detail.meanHigh,
        unit: "number",
        isDefault: true,
      },
    ];
  }
  return [
    {
      conventions: { weights: "weighted" },
      value: row.value,
      n: row.n,
      low: row.low,
      high: row.high,
      unit: query.metric === "nps" ? "points" : "percent",
      isDefault: true,
    },
  ];
}

function unweightedCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  switch (query.metric) {
    case "nps":
      return npsCandidates(records, blankTest(query), left);
    case "csat":
    case "ces":
      return ratingCandidates(records, query, left);
    case "first-response":
    case "resolution":
      return durationCandidates(records, query, left);
    case "sla":
      return slaCandidates(records, query, left);
    case "iqs":
      return iqsCandidates(records, query, left);
  }
}

function npsCandidates(
  records: readonly unknown[],
  isBlank: (value: unknown) => boolean,
  left: Unreadable,
): Candidate[] {
  const answered = createNpsAccumulator();
  let blanks = 0;
  for (const [index, record] of records.entries()) {
    const raw = field(record, "score");
    const score = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (isBlank(raw)) blanks++;
    else if (isNpsScore(score)) answered.add(score);
    else leaveOut(left, badAnswer(index, "score", raw));
  }
  const { promoters, passives, detractors } = answered.toJSON();
  const out: Candidate[] = [];
  for (const [blankRule, extra] of [
    ["excluded", 0],
    ["counted", blanks],
  ] as const) {
    if (blankRule === "counted" && blanks === 0) continue;
    const n = promoters + passives + detractors + extra;
    if (n === 0) continue;
    // Blanks counted in the denominator are neither promoters nor detractors: they count as passives.
    const result = npsFromCounts({ promoters, passives: passives + extra, detractors });
    const interval = npsConfidenceInterval(result);
    for (const inputs of ["exact", "rounded-shares"] as const) {
      const value =
        inputs === "exact"
          ? result.score
          : rounded(result.promoterPercent, 1, "half-up") - rounded(result.detractorPercent, 1, "half-up");
      out.push({
        conventions: { "nps-blanks": blankRule, "nps-inputs": inputs },
        value,
        n,
        low: interval.low,
        high: interval.high,
        unit: "points",
        isDefault: blankRule === "excluded" && inputs === "exact",
      });
    }
  }
  return out;
}

/** The ratings of the records as the rule reads them, counted by value; blanks left out, unreadable ones in `left`. */
function ratingCounts(
  records: readonly unknown[],
  accepts: (rating: unknown) => boolean,
  isBlank: (value: unknown) => boolean,
  left: Unreadable,
): { counts: RatingCount<number | string>[]; unanswered: number } {
  const byValue = new Map<number | string, number>();
  let unanswered = 0;
  for (const [index, record] of records.entries()) {
    const raw = field(record, "rating");
    if (isBlank(raw)) {
      unanswered++;
      continue;
    }
    const value = typeof raw === "string" && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : (raw as number | string);
    if (accepts(value)) byValue.set(value, (byValue.get(value) ?? 0) + 1);
    else leaveOut(left, badAnswer(index, "rating", raw));
  }
  return { counts: [...byValue].map(([value, count]) => ({ value, count })), unanswered };
}

/**
 * The share again with every unanswered survey in its denominator (the convention `survey-unanswered: counted`: a
 * report that divided satisfied answers by every survey sent), beside the candidate it is made from; none when nothing
 * was unanswered. The interval is Wilson's on the larger n, as for the answered share.
 */
function withUnansweredCounted(candidates: readonly Candidate[], unanswered: number): Candidate[] {
  if (unanswered === 0) return [...candidates];
  const out: Candidate[] = [];
  for (const candidate of candidates) {
    out.push({ ...candidate, conventions: { ...candidate.conventions, "survey-unanswered": "excluded" } });
    if (candidate.unit !== "percent") continue;
    const n = candidate.n + unanswered;
    const successes = Math.round((candidate.value * candidate.n) / 100);
    const interval = proportionInterval(successes, n);
    out.push({
      ...candidate,
      conventions: { ...candidate.conventions, "survey-unanswered": "counted" },
      value: (100 * successes) / n,
      n,
      low: 100 * interval.low,
      high: 100 * interval.high,
      isDefault: false,
    });
  }
  return out;
}

function ratingCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  const scale = query.options?.scale;
  if (query.metric === "csat") {
    const base = { ...(scale === undefined ? {} : { scale: scale as CsatScale }) };
    const defaults = compileRule(() => csatRule(base));
    const { counts, unanswered } = ratingCounts(records, defaults.accepts, blankTest(query), left);
    if (counts.length === 0) return [];
    const thresholds =
      defaults.scale.name === "smiley-3" ? [defaults.satisfiedFrom] : range(defaults.scale.min + 1, defaults.scale.max);
    const out: Candidate[] = [];
    for (const mode of ["top-box", "good-bad"] as const) {
      for (const from of thresholds) {
        let result: CsatResult;
        try {
          result = csatFromCounts(counts, { ...base, mode, satisfiedFrom: from });
        } catch (error) {
          if (isCxMetricsError(error)) continue;
          throw error;
        }
        const interval = result.total >= 2 ? csatConfidenceInterval(result).percent : null;
        out.push({
          conventions: {
            csat: mode === "top-box" ? "top-box-over-all" : "good-over-rated",
            "csat-satisfied-from": String(from),
          },
          value: result.percent,
          n: result.denominator,
          low: interval?.low ?? null,
          high: interval?.high ?? null,
          unit: "percent",
          isDefault: mode === "top-box" && from === defaults.satisfiedFrom,
        });
      }
    }
    const mean = csatFromCounts(counts, defaults);
    out.push(meanCandidate("csat", mean, mean.total >= 2 ? csatConfidenceInterval(mean).mean : null));
    return meanFirst(withUnansweredCounted(out, unanswered), query);
  }
  const base = { ...(scale === undefined ? {} : { scale: scale as "1-7" | "1-5" }) };
  const defaults = compileRule(() => cesRule(base));
  const { counts, unanswered } = ratingCounts(records, defaults.accepts, blankTest(query), left);
  if (counts.length === 0) return [];
  const max = defaults.scale.max;
  const out: Candidate[] = [];
  for (const from of range(Math.floor(max / 2) + 2, max)) {
    const result = cesFromCounts(counts as RatingCount[], { ...base, easyFrom: from });
    const interval = result.total >= 2 ? cesConfidenceInterval(result).percent : null;
    out.push({
      conventions: { ces: "percent-easy", "ces-easy-from": String(from) },
      value: result.easyPercent,
      n: result.total,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      unit: "percent",
      isDefault: from === defaults.easyFrom,
    });
  }
  const mean = cesFromCounts(counts as RatingCount[], defaults);
  out.push(meanCandidate("ces", mean, mean.total >= 2 ? cesConfidenceInterval(mean).mean : null));
  return meanFirst(withUnansweredCounted(out, unanswered), query);
}

/**
 * A rule compiled from a claim's options. Options that are not valid (a scale, policy or scorecard of the wrong shape)
 * are a coded error that says so: a claim that cannot be recomputed is never left without a word.
 */
function compileRule<T>(compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (isCxMetricsError(error))
      throw new CxMetricsError("checkReport", error.code, `options are not valid: ${error.message}`, {
        value: error.value,
        ...(error.field === undefined ? {} : { field: error.field }),
      });
    throw error;
  }
}

/** The mean rating as a candidate (the convention `csat: "mean"` or `ces: "mean"`), with its t interval. */
function meanCandidate(
  metric: "csat" | "ces",
  result: { readonly mean: number; readonly total: number },
  interval: { readonly low: number; readonly high: number } | null,
): Candidate {
  return {
    conventions: { [metric]: "mean" },
    value: result.mean,
    n: result.total,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    unit: "number",
    isDefault: false,
  };
}

/** A claim on the mean rating (`statistic: "mean"`): the mean is its default figure, the shares other conventions. */
function meanFirst(out: Candidate[], query: ClaimQuery): Candidate[] {
  if (query.statistic !== "mean") return out;
  return out.map((candidate) => ({ ...candidate, isDefault: candidate.unit === "number" }));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

/** The calendar of a claim, built once per claim options object. */
const calendars = new WeakMap<object, BusinessCalendar>();
function calendarOf(options: ClaimOptions | undefined): BusinessCalendar | undefined {
  if (options?.calendar === undefined) return undefined;
  let calendar = calendars.get(options.calendar);
  if (calendar === undefined) calendars.set(options.calendar, (calendar = calendarFromSchedule(options.calendar)));
  return calendar;
}

const agentCreated = (record: unknown): boolean => {
  const value = field(record, "agentCreated");
  return value === true || value === "true" || value === "yes" || value === 1 || value === "1";
};

/** Each record's service time under a clock (open ones and unreadable ones left out; the unreadable in `left`). */
function measured(
  records: readonly unknown[],
  clock: ServiceClock,
  left: Unreadable,
): { business: number | null; calendar: number; agent: boolean }[] {
  const times: { business: number | null; calendar: number; agent: boolean }[] = [];
  for (const [index, record] of records.entries()) {
    try {
      const time = clock.measure(record as Interaction);
      if (time !== null)
        times.push({ business: time.businessMinutes, calendar: time.calendarMinutes, agent: agentCreated(record) });
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      leaveOut(left, recordProblem(index, error)); // a ticket that cannot be read is left out, and counted
    }
  }
  return times;
}

function durationCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  const calendar = calendarOf(query.options);
  const statistic = query.statistic ?? "median";
  const p = statistic === "median" ? 50 : statistic === "mean" ? null : Number(statistic.replace(/^p/, ""));
  const clocks = calendar === undefined ? ["calendar"] : ["business", "calendar"];
  const metric = query.metric === "first-response" ? "first-response" : "resolution";
  const resolutions = metric === "resolution" ? (["full", "first"] as const) : [null];
  const agents = records.some((record) => field(record, "agentCreated") !== undefined)
    ? ["included", "excluded"]
    : [null];
  const out: Candidate[] = [];
  for (const resolution of resolutions) {
    // The first resolution reads the same records again: its unreadable ones are the full reading's.
    const times = measured(
      records,
      serviceClock({ metric, calendar, mode: resolution ?? "full" }),
      resolution === "first" ? { count: 0, problems: [] } : left,
    );
    for (const clock of clocks) {
      for (const agent of agents) {
        for (const inputs of ["exact", "whole-minutes"] as const) {
          const values = times
            .filter((time) => agent !== "excluded" || !time.agent)
            .map((time) => (clock === "business" ? time.business! : time.calendar))
            .map((minutes) => (inputs === "exact" ? minutes : Math.floor(minutes + 1e-9)));
          if (values.length === 0) continue;
          const base: Record<string, string> = {
            clock,
            ...(resolution === null ? {} : { resolution }),
            ...(agent === null ? {} : { "agent-created": agent }),
            "duration-inputs": inputs,
          };
          const isDefault =
            clock === clocks[0] &&
            (resolution === null || resolution === "full") &&
            agent !== "excluded" &&
            inputs === "exact";
          if (p === null) {
            out.push({
              conventions: base,
              value: durationStats(values, { percentiles: [] }).mean,
              n: values.length,
              low: null,
              high: null,
              unit: "minutes",
              isDefault,
            });
            continue;
          }
          for (const method of PERCENTILE_METHODS) {
            out.push({
              conventions: { ...base, "percentile-method": method },
              value: percentile(values, p, { method }),
              n: values.length,
              low: null,
              high: null,
              unit: "minutes",
              isDefault: isDefault && method === "linear",
            });
          }
        }
      }
    }
  }
  return out;
}

function slaCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  const policy = query.options?.policy;
  if (policy === undefined) return [];
  const calendar = calendarOf(query.options);
  const asOf = query.options?.asOf;
  const rule = compileRule(() => slaRule(policy, { calendar, asOf }));
  // Each ticket measured once; its outcomes counted with and without agent-created tickets.
  const outcomes: { readonly agent: boolean; readonly measurements: readonly SlaMeasurement[] }[] = [];
  for (const [index, record] of records.entries()) {
    try {
      outcomes.push({ agent: agentCreated(record), measurements: rule.measure(record as Interaction) });
    } catch (error) {
      // An open ticket without asOf is the claim's fault, not the record's: its options lack asOf (the claim stops, as
      // summarize does; left out, the ticket would change the met-over-all conventions without a word).
      if (!isCxMetricsError(error) || error.field === "asOf") throw error;
      leaveOut(left, recordProblem(index, error));
    }
  }
  const agents = records.some((record) => field(record, "agentCreated") !== undefined)
    ? ["included", "excluded"]
    : [null];
  const out: Candidate[] = [];
  for (const agent of agents) {
    const counts = { met: 0, breached: 0, pending: 0 };
    for (const outcome of outcomes)
      if (agent !== "excluded" || !outcome.agent) for (const m of outcome.measurements) counts[m.outcome]++;
    const { met, breached, pending } = slaTally(counts);
    const all = met + breached + pending;
    for (const [rule, successes, n] of [
      ["met-over-decided", met, met + breached],
      ["met-over-all", met, all],
      ["met-or-pending-over-all", met + pending, all],
    ] as const) {
      if (n === 0) continue;
      const interval = proportionInterval(successes, n);
      out.push({
        conventions: { ...(agent === null ? {} : { "agent-created": agent }), "sla-denominator": rule },
        value: (100 * successes) / n,
        n,
        low: 100 * interval.low,
        high: 100 * interval.high,
        unit: "percent",
        isDefault: rule === "met-over-decided" && agent !== "excluded",
      });
    }
  }
  return out;
}

function iqsCandidates(records: readonly unknown[], query: ClaimQuery, left: Unreadable): Candidate[] {
  const scorecard = query.options?.scorecard;
  if (scorecard === undefined || records.length === 0) return [];
  const accumulator = compileRule(() => createIqsAccumulator(scorecard));
  for (const [index, record] of records.entries()) {
    try {
      accumulator.add(record as QaReview);
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      leaveOut(left, recordProblem(index, error)); // a review that cannot be scored is left out, and counted
    }
  }
  if (accumulator.toJSON().n === 0) return [];
  const { iqs, n, standardDeviation } = accumulator.result();
  const interval = n > 1 ? meanConfidenceInterval({ mean: iqs, standardDeviation, n }) : null;
  return [
    {
      conventions: {},
      value: iqs,
      n,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      unit: "percent",
      isDefault: true,
    },
  ];
}
