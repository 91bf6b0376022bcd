// The shapes of a report: what summarize is asked (the spec) and what it returns (tidy rows), per DESIGN.md "Reports
// and the command line".
import type { CesOptions } from "../ces/ces.js";
import type { CsatOptions } from "../csat/csat.js";
import type { BatchOptions, ExcludedRow } from "../internal/batch.js";
import type { Scorecard } from "../iqs/scorecard.js";
import type { SlaPolicy } from "../sla/policy.js";
import type { PAdjustMethod } from "../stats/adjust.js";
import type { PercentileMethod } from "../stats/percentile.js";
import type { BusinessCalendar } from "../time/calendar.js";
import type { Instant } from "../time/instant.js";

/** The metrics a report can summarize. */
export type ReportMetric = "nps" | "csat" | "ces" | "first-response" | "resolution" | "sla" | "iqs";

/** Calendar periods a report is cut into: days, ISO weeks (Monday to Sunday), months, quarters, years. */
export type ReportPeriodUnit = "day" | "week" | "month" | "quarter" | "year";

/** Every report metric, in the order the docs list them. */
export const REPORT_METRICS: readonly ReportMetric[] = [
  "nps",
  "csat",
  "ces",
  "first-response",
  "resolution",
  "sla",
  "iqs",
];
/** Every period unit. */
export const REPORT_PERIOD_UNITS: readonly ReportPeriodUnit[] = ["day", "week", "month", "quarter", "year"];

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
  /** The vendor's first-response minutes, read with `vendorMinutes` [`firstResponseMinutes`]. */
  readonly firstResponseMinutes?: string;
  /** The vendor's resolution minutes, read with `vendorMinutes` [`resolutionMinutes`]. */
  readonly resolutionMinutes?: string;
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
  /**
   * The most segment × period groups the report may hold (each holds one metric accumulator); default 100,000. The
   * record that would start one more stops the call with `TOO_MANY_GROUPS`, whatever `invalid` says. `Infinity` lifts
   * the limit.
   */
  readonly maxGroups?: number;
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
  /**
   * First response and resolution: read the minutes the vendor computed per record (`fields.firstResponseMinutes`,
   * `fields.resolutionMinutes`, such as Zendesk's "First reply time in minutes") where a record has no timestamp for
   * the end, and say which clock they count: `"calendar"` (elapsed) or `"business"` (within the vendor's business
   * hours). A record's own timestamps are measured when it has them and the figure's clock can be (business minutes
   * need `calendar`); rows then carry one clock (`detail.calendarMinutes` is null). `"calendar"` with a calendar is
   * refused: the figure would be business minutes.
   */
  readonly vendorMinutes?: "calendar" | "business";
  /** Resolution time to the first or the full resolution; default `"full"`. */
  readonly resolution?: "first" | "full";
  /** The SLA policy, for `metric: "sla"`. */
  readonly policy?: SlaPolicy;
  /** The moment open items are judged at, for `metric: "sla"`. */
  readonly asOf?: Instant;
  /** The QA scorecard, for `metric: "iqs"`. */
  readonly scorecard?: Scorecard;
  /**
   * How the report's change tests are corrected for their number: `"bh"` (default: Benjamini-Hochberg, the expected
   * share of false discoveries), `"holm"` (the chance of any false positive) or `"none"`. Each change gains `pAdjusted`.
   */
  readonly adjust?: PAdjustMethod;
  /**
   * A weight per record (NPS, CSAT, CES): the field that holds it, or a function of the record. The figure is then the
   * weighted share or mean; rows carry `nEffective` (Kish) and the linearised `se`. A missing, zero, negative or
   * non-numeric weight makes the record a bad row.
   */
  readonly weight?: string | ((record: unknown, index: number) => unknown);
  /**
   * Survey metrics: not-rated markers read as unanswered besides the default ones (`UNANSWERED_MARKERS`: "n/a",
   * "offered", "none", ...), compared trimmed and case-insensitively. An unanswered record (its score or rating
   * missing, blank or a marker) is neither used nor rejected: it is counted in `input.unanswered` and in each row's
   * `unanswered`.
   */
  readonly unanswered?: readonly string[];
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
  /**
   * Two-sided p-value of the test whose inversion is the interval (adjusted Wald for NPS, Miettinen-Nurminen for
   * shares, Welch's t for IQS): the interval leaves out 0 exactly when pValue < 1 − confidence.
   */
  readonly pValue: number;
  /** The p-value corrected for the number of change tests in the report (`adjust`); equal to pValue with `"none"`. */
  readonly pAdjusted: number;
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
  /**
   * The headline figure: NPS points; CSAT, CES easy and SLA in percent; durations the median in minutes; IQS in
   * percent.
   */
  readonly value: number;
  /**
   * Kish's effective sample size (Σw)² / Σw² of a weighted figure; n when unweighted (or for a figure that has no
   * weights).
   */
  readonly nEffective: number;
  /**
   * The figure's standard error in its own unit: linearised as R's survey::svymean (s/√n unweighted); null where the
   * figure has none (durations, n = 1).
   */
  readonly se: number | null;
  /** Lower bound of the figure's interval, in its unit; the interval always holds the figure. */
  readonly low: number | null;
  /** Upper bound of the figure's interval, in its unit. */
  readonly high: number | null;
  /**
   * The change against the previous period of the same segment; null for the first period, for all-period rows, and for
   * durations (no test of a median's change).
   */
  readonly change: ReportChange | null;
  /** n is below `minN`. */
  readonly smallSample: boolean;
  /** Everything else the metric computed (counts, shares, means, other percentiles, the clock). */
  readonly detail: Readonly<Record<string, unknown>>;
  /**
   * Survey metrics (NPS, CSAT, CES): the unanswered records of the row's segment and period (an all-period row also
   * counts those whose date could not be read).
   */
  readonly unanswered?: number;
  /**
   * Survey metrics: answered / (answered + unanswered), a fraction 0-1 of unweighted record counts (also in a weighted
   * report); null where nothing was unanswered. Answered counts every rating, neutral ones in good/bad CSAT too.
   */
  readonly responseRate?: number | null;
}

/**
 * How many records a report read, used and rejected: `read = used + rejected`; for survey metrics `read = used +
 * unanswered + rejected`.
 */
export interface ReportInput {
  /** Records given. */
  readonly read: number;
  /** Records that went into the rows. */
  readonly used: number;
  /** Survey metrics: unanswered records (a blank rating or a not-rated marker), neither used nor rejected. */
  readonly unanswered?: number;
  /** Bad records left out under `invalid: "exclude"`, each listed in `exclusions`. */
  readonly rejected: number;
}

/** The rows of a report, what it read, and the records it left out. */
export interface SummarizeResult {
  /** Overall rows first, then each segment (sorted); in each, the periods in time order, then the all-period row. */
  readonly rows: readonly ReportRow[];
  /** Records read, used, unanswered (survey metrics) and rejected: `read = used + unanswered + rejected`. */
  readonly input: ReportInput;
  /** The rejected records (under `invalid: "exclude"`), each with index, field, value, code and reason. */
  readonly exclusions: readonly ExcludedRow[];
}
