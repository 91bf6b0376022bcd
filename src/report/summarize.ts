// summarize: one metric over records, by segment and calendar period, as tidy rows with intervals, period-over-period tests and small-sample flags; createSummary: the same fed one record at a time (files read as a stream).
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, type ExcludedRow, type InvalidRowPolicy } from "../internal/batch.js";
import { instantError, parseInstant, type InstantReading } from "../internal/instant.js";
import { isoWithOffset, periodBounds, periodClock, periodLabel } from "../internal/periods.js";
import { recordList } from "../internal/records.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertOptions } from "../internal/validate.js";
import { changeOf, figureOf, mergeTotals, newTotals, addUnit, type Figure, type Totals } from "./figures.js";
import { checkSpec, field, segmentValue, unitOf } from "./record-check.js";
import type { ReportChange, ReportFields, ReportMetric, ReportPeriod, ReportRow, SummarizeResult, SummarizeSpec } from "./spec.js";

export type { ReportChange, ReportFields, ReportInput, ReportMetric, ReportPeriod, ReportPeriodUnit, ReportRow, SummarizeResult, SummarizeSpec } from "./spec.js";

/**
 * A report fed one record at a time: what {@link summarize} does, for records that arrive as a
 * stream (a file read line by line). Memory holds counts per segment and period (and, for
 * durations and IQS, the values percentiles and deviations need), never the records.
 */
export interface SummaryBuilder {
  /**
   * Checks one record and adds it. A bad record throws under `invalid: "throw"` (default); under
   * `invalid: "exclude"` it is left out, listed, and returned (null for a good record).
   */
  add(record: unknown): ExcludedRow | null;
  /** The rows so far, with what was read, used and rejected. */
  result(): SummarizeResult;
  /**
   * What has been counted so far, to be merged with another builder's (two parts of a file read at
   * once): structured-cloneable, so it crosses to and from worker threads.
   * @internal
   */
  state(): SummaryState;
}

const NO_VALUES: string[] = [];

/** One segment's totals per period (key 0 when the report has no periods). */
interface SegmentTotals {
  readonly values: readonly string[];
  readonly periods: Map<number, Totals>;
}

/**
 * A builder's counts: per segment and period, records read and used, and the exclusions.
 * @internal
 */
export interface SummaryState {
  readonly segments: Map<string, SegmentTotals>;
  readonly read: number;
  readonly used: number;
  readonly exclusions: readonly ExcludedRow[];
}

/**
 * The totals of a segment (its values) and period in a state's map, created empty the first time.
 * @internal
 */
export function totalsFor(segments: SummaryState["segments"], values: readonly string[], period: number): Totals {
  const key = values.length === 1 ? values[0]! : values.join("\u0000");
  let segment = segments.get(key);
  if (segment === undefined) segments.set(key, (segment = { values, periods: new Map() }));
  let totals = segment.periods.get(period);
  if (totals === undefined) segment.periods.set(period, (totals = newTotals()));
  return totals;
}

/**
 * Two builders' counts as one, in order: `first`'s records, then `second`'s (their exclusions'
 * indexes are moved on by `first.read`).
 * @internal
 */
export function mergeSummaryStates(first: SummaryState, second: SummaryState): SummaryState {
  const segments = new Map<string, SegmentTotals>();
  for (const state of [first, second]) {
    for (const segment of state.segments.values()) {
      for (const [period, totals] of segment.periods) mergeTotals(totalsFor(segments, segment.values, period), totals);
    }
  }
  const moved = second.exclusions.map((row) => ({ ...row, index: row.index + first.read }));
  return { segments, read: first.read + second.read, used: first.used + second.used, exclusions: [...first.exclusions, ...moved] };
}

/**
 * The result of counts (one builder's, or merged ones) for a spec.
 * @internal
 */
export function summaryResult(spec: SummarizeSpec, state: SummaryState): SummarizeResult {
  if (state.used === 0) throw new CxMetricsError("summarize", "EMPTY_INPUT", state.exclusions.length === 0 ? "no records" : `no records: all ${state.exclusions.length} were rejected`);
  const rows = reportRows(spec, spec.by ?? [], spec.timeZone ?? "UTC", state.segments);
  return { rows, input: { read: state.read, used: state.used, rejected: state.exclusions.length }, exclusions: [...state.exclusions] };
}

/**
 * Starts a report to be fed record by record; {@link summarize} is this over an array. The spec, the
 * rows and the row policy are those of `summarize`.
 *
 * @throws CxMetricsError as {@link summarize} does: a bad spec at once, a bad record at `add`
 *   (under `invalid: "throw"`), `EMPTY_INPUT` at `result` when no record could be used.
 * @example
 * ```ts
 * const report = createSummary({ metric: "nps", by: ["channel"], invalid: "exclude" });
 * for (const record of [{ score: 10, channel: "chat" }, { score: "ten", channel: "chat" }, { score: 3, channel: "email" }]) report.add(record);
 * const { rows, input } = report.result();
 * `${rows[0]!.value} from ${input.used} of ${input.read}`; //=> "0 from 2 of 3"
 * ```
 */
export function createSummary(spec: SummarizeSpec): SummaryBuilder {
  const fn = "summarize";
  assertOptions(fn, spec);
  checkSpec(fn, spec);
  const policy: InvalidRowPolicy = rowPolicy(fn, spec);
  const timeZone = spec.timeZone ?? "UTC";
  assertTimeZone(fn, timeZone);
  const by = spec.by ?? [];
  const fields: Required<ReportFields> = { score: "score", rating: "rating", respondedAt: "respondedAt", createdAt: "createdAt", reviewedAt: "reviewedAt", ...spec.fields };
  const dateField =
    spec.metric === "nps" || spec.metric === "csat" || spec.metric === "ces" ? fields.respondedAt : spec.metric === "iqs" ? fields.reviewedAt : fields.createdAt;
  const reading: InstantReading | undefined = spec.timeZone === undefined ? undefined : { timeZone };
  const periodOf = spec.every === undefined ? null : periodClock(timeZone, spec.every);

  const segments = new Map<string, SegmentTotals>();
  const exclusions: ExcludedRow[] = [];
  let read = 0;
  let used = 0;

  return {
    add(record: unknown): ExcludedRow | null {
      const index = read++;
      let values: string[];
      let period = 0;
      let unit;
      try {
        values = by.length === 0 ? NO_VALUES : by.length === 1 ? [segmentValue(fn, field(record, by[0]!), by[0]!, index)] : by.map((name) => segmentValue(fn, field(record, name), name, index));
        if (periodOf !== null) {
          const raw = field(record, dateField);
          const ms = parseInstant(raw, reading);
          if (ms === undefined) throw instantError(fn, `${dateField} of record ${index}`, raw, { index, field: dateField, ...(reading === undefined ? {} : { reading }) });
          period = periodOf(ms);
        }
        unit = unitOf(fn, spec, fields, record, index);
      } catch (error) {
        // A missing asOf (an open ticket on an SLA report) is a mistake of the call, not a bad record.
        if (policy === "throw" || !isCxMetricsError(error) || error.field === "asOf") throw error;
        const id = field(record, "id");
        const excluded: ExcludedRow = {
          index,
          id: typeof id === "string" || typeof id === "number" ? String(id) : null,
          field: error.field ?? "",
          value: error.value,
          code: error.code,
          reason: error.message,
        };
        exclusions.push(excluded);
        return excluded;
      }
      addUnit(totalsFor(segments, values, period), unit);
      used++;
      return null;
    },
    result(): SummarizeResult {
      return summaryResult(spec, { segments, read, used, exclusions });
    },
    state(): SummaryState {
      return { segments, read, used, exclusions };
    },
  };
}

/** Segments in order (element by element), each with its totals per period; the overall segment first. */
function withOverall(by: readonly string[], segments: Map<string, SegmentTotals>): SegmentTotals[] {
  const list = [...segments.values()];
  if (by.length === 0) return list;
  const overall: SegmentTotals = { values: [], periods: new Map() };
  for (const segment of list) {
    for (const [period, totals] of segment.periods) {
      let into = overall.periods.get(period);
      if (into === undefined) overall.periods.set(period, (into = newTotals()));
      mergeTotals(into, totals);
    }
  }
  list.sort((a, b) => {
    for (let k = 0; k < a.values.length; k++) {
      const order = a.values[k]!.localeCompare(b.values[k]!);
      if (order !== 0) return order;
    }
    return 0;
  });
  return [overall, ...list];
}

/** The rows: per segment, its periods in time order (rows only where there is data), then the all-period row. */
function reportRows(spec: SummarizeSpec, by: readonly string[], timeZone: string, segments: Map<string, SegmentTotals>): ReportRow[] {
  const confidence = spec.confidence ?? 0.95;
  const minN = spec.minN ?? 30;
  const rows: ReportRow[] = [];
  for (const { values, periods } of withOverall(by, segments)) {
    const segment: Record<string, string> = {};
    values.forEach((value, k) => (segment[by[k]!] = value));
    const all = newTotals();
    // The change is against the period just before, when it has a figure; after a gap there is none.
    let previous: { readonly period: number; readonly figure: Figure } | null = null;
    for (const p of [...periods.keys()].sort((x, y) => x - y)) {
      const totals = periods.get(p)!;
      mergeTotals(all, totals);
      if (spec.every === undefined) continue;
      const figure = figureOf(spec, totals, confidence);
      if (figure === null) continue;
      const bounds = periodBounds(timeZone, spec.every, p);
      const period: ReportPeriod = { label: periodLabel(p, spec.every), start: isoWithOffset(bounds.start, timeZone), end: isoWithOffset(bounds.end, timeZone) };
      const before = previous !== null && previous.period === p - 1 ? previous.figure : null;
      rows.push(row(spec.metric, segment, period, figure, before === null ? null : changeOf(spec.metric, figure, before, confidence), minN));
      previous = { period: p, figure };
    }
    const figure = figureOf(spec, all, confidence);
    if (figure !== null) rows.push(row(spec.metric, segment, null, figure, null, minN));
  }
  return rows;
}

function row(metric: ReportMetric, segment: Record<string, string>, period: ReportPeriod | null, figure: Figure, change: ReportChange | null, minN: number): ReportRow {
  return { metric, segment, period, n: figure.n, value: figure.value, low: figure.low, high: figure.high, change, smallSample: figure.n < minN, detail: figure.detail };
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
  const builder = createSummary(spec);
  const list = recordList("summarize", "records", records);
  for (let i = 0; i < list.length; i++) builder.add(list[i]);
  return builder.result();
}
