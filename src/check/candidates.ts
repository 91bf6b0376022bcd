// Recomputes a claim's figure under every combination of the conventions in the catalogue: the records of its segment and period (cut in the report's zone or in UTC), then the metric under each definition.
import { ces } from "../ces/index.js";
import { csatConfidenceInterval } from "../csat/confidence-interval.js";
import { csat, type CsatScale } from "../csat/csat.js";
import { cesConfidenceInterval } from "../ces/index.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { parseInstant } from "../internal/instant.js";
import { periodBounds, type PeriodUnit } from "../internal/periods.js";
import { iqs } from "../iqs/iqs.js";
import type { QaReview, Scorecard } from "../iqs/scorecard.js";
import { npsConfidenceInterval } from "../nps/confidence-interval.js";
import { field } from "../report/record-check.js";
import type { ReportMetric } from "../report/spec.js";
import { sla } from "../sla/sla.js";
import type { SlaPolicy } from "../sla/policy.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { PERCENTILE_METHODS, percentile } from "../stats/percentile.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import { businessCalendar, type BusinessCalendar, type BusinessCalendarOptions } from "../time/calendar.js";
import { firstResponseTime, resolutionTime, type Interaction } from "../time/index.js";
import { roundTo } from "./rounding.js";

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
  /** Records of the segment and period left out because their value could not be read (a score "ten", a ticket without a creation time). */
  readonly unreadable?: number;
}

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
  /** A business calendar's options (as for `businessCalendar`). */
  readonly calendar?: BusinessCalendarOptions;
  /** The SLA policy. */
  readonly policy?: SlaPolicy;
  /** When open SLA items are judged. */
  readonly asOf?: string;
  /** The QA scorecard. */
  readonly scorecard?: Scorecard;
}

/** The unit and index of a period label: `2025`, `2025-Q1`, `2025-03`, `2025-W10`, `2025-03-07`. */
export function periodOfLabel(label: string): { unit: PeriodUnit; index: number } | null {
  let match = /^(\d{4})$/.exec(label);
  if (match) return { unit: "year", index: Number(match[1]) };
  match = /^(\d{4})-Q([1-4])$/.exec(label);
  if (match) return { unit: "quarter", index: Number(match[1]) * 4 + Number(match[2]) - 1 };
  match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { unit: "month", index: Number(match[1]) * 12 + Number(match[2]) - 1 };
  match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (match) {
    // ISO week 1 holds 4 January; weeks count from the Monday 1970-01-05 (index 0) as in periods.ts.
    const jan4 = Date.UTC(Number(match[1]), 0, 4) / 86_400_000;
    const monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7);
    return { unit: "week", index: Math.floor((monday + 7 * (Number(match[2]) - 1) - 4) / 7) };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (match) return { unit: "day", index: Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000 };
  return null;
}

const dateField = (metric: ReportMetric): string => (metric === "nps" || metric === "csat" || metric === "ces" ? "respondedAt" : metric === "iqs" ? "reviewedAt" : "createdAt");


/** The records of the claim's segment and, when it names one, its period cut in `zone`; and how many had no readable date. */
export function selectRecords(records: readonly unknown[], query: ClaimQuery, zone: string): { records: unknown[]; undated: number } {
  const filter = Object.entries(query.filter ?? {});
  const period = query.period === undefined ? null : periodOfLabel(query.period);
  const bounds = period === null ? null : periodBounds(zone, period.unit, period.index);
  const name = dateField(query.metric);
  let undated = 0;
  const out: unknown[] = [];
  for (const record of records) {
    if (!filter.every(([key, value]) => String(field(record, key) ?? "") === String(value))) continue;
    if (bounds !== null) {
      const at = parseInstant(field(record, name), { timeZone: query.timeZone });
      if (at === undefined) {
        undated++;
        continue;
      }
      if (at < bounds.start || at >= bounds.end) continue;
    }
    out.push(record);
  }
  return { records: out, undated };
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The figure under every combination of conventions; the first is the library's default. */
export function candidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  const cuts = query.period === undefined || query.timeZone === "UTC" ? ["report-zone"] : ["report-zone", "utc"];
  const out: Candidate[] = [];
  for (const cut of cuts) {
    const selected = selectRecords(records, query, cut === "utc" ? "UTC" : query.timeZone).records;
    for (const candidate of metricCandidates(selected, query)) {
      const conventions = query.period === undefined ? candidate.conventions : { "period-cut": cut, ...candidate.conventions };
      out.push({ ...candidate, conventions, isDefault: candidate.isDefault && cut === "report-zone" });
    }
  }
  out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return out;
}

function metricCandidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  switch (query.metric) {
    case "nps":
      return npsCandidates(records);
    case "csat":
    case "ces":
      return ratingCandidates(records, query);
    case "first-response":
    case "resolution":
      return durationCandidates(records, query);
    case "sla":
      return slaCandidates(records, query);
    case "iqs":
      return iqsCandidates(records, query);
  }
}

function npsCandidates(records: readonly unknown[]): Candidate[] {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let blanks = 0;
  let unreadable = 0;
  for (const record of records) {
    const raw = field(record, "score");
    const score = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (isBlank(raw)) blanks++;
    else if (typeof score === "number" && Number.isInteger(score) && score >= 0 && score <= 10) {
      if (score >= 9) promoters++;
      else if (score >= 7) passives++;
      else detractors++;
    } else unreadable++;
  }
  const out: Candidate[] = [];
  for (const [blankRule, extra] of [["excluded", 0], ["counted", blanks]] as const) {
    if (blankRule === "counted" && blanks === 0) continue;
    const n = promoters + passives + detractors + extra;
    if (n === 0) continue;
    const interval = npsConfidenceInterval({ promoters, passives: passives + extra, detractors });
    for (const inputs of ["exact", "rounded-shares"] as const) {
      const value = inputs === "exact" ? (100 * (promoters - detractors)) / n : roundTo((100 * promoters) / n, 1, "half-up") - roundTo((100 * detractors) / n, 1, "half-up");
      out.push({ conventions: { "nps-blanks": blankRule, "nps-inputs": inputs }, value, n, low: interval.low, high: interval.high, unit: "points", isDefault: blankRule === "excluded" && inputs === "exact", unreadable });
    }
  }
  return out;
}

function ratingCandidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  const given = records.map((record) => field(record, "rating")).filter((value) => !isBlank(value)).map((value) => (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value));
  const scale = query.options?.scale;
  // Each distinct value is tried once on the scale; the ones it rejects are counted, not used.
  const valid = new Map<unknown, boolean>();
  for (const value of given) {
    if (valid.has(value)) continue;
    try {
      (query.metric === "csat" ? csat : ces)([value as number], { ...(scale === undefined ? {} : { scale: scale as never }) });
      valid.set(value, true);
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      valid.set(value, isCxMetricsError(error, "EMPTY_INPUT")); // a neutral rating alone in good/bad terms is still a rating
    }
  }
  const ratings = given.filter((value) => valid.get(value));
  const unreadable = given.length - ratings.length;
  if (ratings.length === 0) return [];
  const out: Candidate[] = [];
  if (query.metric === "csat") {
    const base = { ...(scale === undefined ? {} : { scale: scale as CsatScale }) };
    let defaults: ReturnType<typeof csat>;
    try {
      defaults = csat(ratings as number[], base);
    } catch (error) {
      if (isCxMetricsError(error)) return [];
      throw error;
    }
    const thresholds = defaults.scale.name === "smiley-3" ? [defaults.satisfiedFrom] : range(defaults.scale.min + 1, defaults.scale.max);
    for (const mode of ["top-box", "good-bad"] as const) {
      for (const from of thresholds) {
        let result: ReturnType<typeof csat>;
        try {
          result = csat(ratings as number[], { ...base, mode, satisfiedFrom: from });
        } catch (error) {
          if (isCxMetricsError(error)) continue;
          throw error;
        }
        const interval = result.total >= 2 ? csatConfidenceInterval(result).percent : null;
        out.push({
          conventions: { csat: mode === "top-box" ? "top-box-over-all" : "good-over-rated", "csat-satisfied-from": String(from) },
          value: result.percent,
          n: result.denominator,
          low: interval?.low ?? null,
          high: interval?.high ?? null,
          unit: "percent",
          isDefault: mode === "top-box" && from === defaults.satisfiedFrom,
          unreadable,
        });
      }
    }
    const meanInterval = defaults.total >= 2 ? csatConfidenceInterval(defaults).mean : null;
    out.push({ conventions: { csat: "mean" }, value: defaults.mean, n: defaults.total, low: meanInterval?.low ?? null, high: meanInterval?.high ?? null, unit: "number", isDefault: false });
    return out;
  }
  const base = { ...(scale === undefined ? {} : { scale: scale as "1-7" | "1-5" }) };
  let defaults: ReturnType<typeof ces>;
  try {
    defaults = ces(ratings as number[], base);
  } catch (error) {
    if (isCxMetricsError(error)) return [];
    throw error;
  }
  const max = defaults.scale.max;
  for (const from of range(Math.floor(max / 2) + 2, max)) {
    const result = ces(ratings as number[], { ...base, easyFrom: from });
    const interval = result.total >= 2 ? cesConfidenceInterval(result).percent : null;
    out.push({ conventions: { ces: "percent-easy", "ces-easy-from": String(from) }, value: (100 * result.easy) / result.total, n: result.total, low: interval?.low ?? null, high: interval?.high ?? null, unit: "percent", isDefault: from === defaults.easyFrom, unreadable });
  }
  const meanInterval = defaults.total >= 2 ? cesConfidenceInterval(defaults).mean : null;
  out.push({ conventions: { ces: "mean" }, value: defaults.mean, n: defaults.total, low: meanInterval?.low ?? null, high: meanInterval?.high ?? null, unit: "number", isDefault: false });
  return out;
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
  if (calendar === undefined) calendars.set(options.calendar, (calendar = businessCalendar(options.calendar)));
  return calendar;
}

const agentCreated = (record: unknown): boolean => {
  const value = field(record, "agentCreated");
  return value === true || value === "true" || value === "yes" || value === 1 || value === "1";
};

function durationCandidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  const calendar = calendarOf(query.options);
  const statistic = query.statistic ?? "median";
  const p = statistic === "median" ? 50 : statistic === "mean" ? null : Number(statistic.replace(/^p/, ""));
  const clocks = calendar === undefined ? ["calendar"] : ["business", "calendar"];
  const resolutions = query.metric === "resolution" ? ["full", "first"] : [null];
  const agents = records.some((record) => field(record, "agentCreated") !== undefined) ? ["included", "excluded"] : [null];
  const out: Candidate[] = [];
  for (const resolution of resolutions) {
    let unreadable = 0;
    const times: { business: number | null; calendar: number; agent: boolean }[] = [];
    for (const record of records) {
      try {
        const time =
          query.metric === "first-response"
            ? firstResponseTime(record as Interaction, calendar === undefined ? {} : { calendar })
            : resolutionTime(record as Interaction, { ...(calendar === undefined ? {} : { calendar }), mode: resolution as "full" | "first" });
        if (time !== null) times.push({ business: time.businessMinutes, calendar: time.calendarMinutes, agent: agentCreated(record) });
      } catch (error) {
        if (!isCxMetricsError(error)) throw error;
        unreadable++; // a ticket that cannot be read is left out, and counted
      }
    }
    for (const clock of clocks) {
      for (const agent of agents) {
        for (const inputs of ["exact", "whole-minutes"] as const) {
          const values = times.filter((time) => agent !== "excluded" || !time.agent).map((time) => (clock === "business" ? time.business! : time.calendar)).map((minutes) => (inputs === "exact" ? minutes : Math.floor(minutes + 1e-9)));
          if (values.length === 0) continue;
          const base: Record<string, string> = { clock, ...(resolution === null ? {} : { resolution }), ...(agent === null ? {} : { "agent-created": agent }), "duration-inputs": inputs };
          const isDefault = clock === clocks[0] && (resolution === null || resolution === "full") && agent !== "excluded" && inputs === "exact";
          if (p === null) {
            out.push({ conventions: base, value: values.reduce((sum, v) => sum + v, 0) / values.length, n: values.length, low: null, high: null, unit: "minutes", isDefault, unreadable });
            continue;
          }
          for (const method of PERCENTILE_METHODS) {
            out.push({ conventions: { ...base, "percentile-method": method }, value: percentile(values, p, { method }), n: values.length, low: null, high: null, unit: "minutes", isDefault: isDefault && method === "linear", unreadable });
          }
        }
      }
    }
  }
  return out;
}

function slaCandidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  const policy = query.options?.policy;
  if (policy === undefined) return [];
  const calendar = calendarOf(query.options);
  const asOf = query.options?.asOf;
  const agents = records.some((record) => field(record, "agentCreated") !== undefined) ? ["included", "excluded"] : [null];
  const out: Candidate[] = [];
  for (const agent of agents) {
    let met = 0;
    let breached = 0;
    let pending = 0;
    for (const record of records) {
      if (agent === "excluded" && agentCreated(record)) continue;
      try {
        const result = sla([record as Interaction], policy, { ...(calendar === undefined ? {} : { calendar }), ...(asOf === undefined ? {} : { asOf }) });
        met += result.met;
        breached += result.breached;
        pending += result.pending;
      } catch (error) {
        if (!isCxMetricsError(error)) throw error; // no target applies, or the ticket cannot be read
      }
    }
    const all = met + breached + pending;
    for (const [rule, successes, n] of [
      ["met-over-decided", met, met + breached],
      ["met-over-all", met, all],
      ["met-or-pending-over-all", met + pending, all],
    ] as const) {
      if (n === 0) continue;
      const interval = proportionInterval(successes, n);
      out.push({ conventions: { ...(agent === null ? {} : { "agent-created": agent }), "sla-denominator": rule }, value: (100 * successes) / n, n, low: 100 * interval.low, high: 100 * interval.high, unit: "percent", isDefault: rule === "met-over-decided" && agent !== "excluded" });
    }
  }
  return out;
}

function iqsCandidates(records: readonly unknown[], query: ClaimQuery): Candidate[] {
  const scorecard = query.options?.scorecard;
  if (scorecard === undefined || records.length === 0) return [];
  let result: ReturnType<typeof iqs>;
  try {
    result = iqs(records as QaReview[], scorecard, { invalid: "exclude" });
  } catch (error) {
    if (isCxMetricsError(error)) return [];
    throw error;
  }
  const scores = result.perReview.map((review) => review.score).filter((score): score is number => score !== null);
  const mean = result.iqs;
  const sd = scores.length > 1 ? Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (scores.length - 1)) : 0;
  const interval = scores.length > 1 ? meanConfidenceInterval({ mean, standardDeviation: sd, n: scores.length }) : null;
  return [{ conventions: {}, value: mean, n: result.n, low: interval?.low ?? null, high: interval?.high ?? null, unit: "percent", isDefault: true }];
}
