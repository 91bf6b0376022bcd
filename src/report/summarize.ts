// summarize: one metric over records, by segment and calendar period, as tidy rows with intervals, period-over-period
// tests and small-sample flags; createSummary: the same fed one record at a time (files read as a stream), or fed
// counts made elsewhere (SQL, DuckDB, another worker).
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, type ExcludedRow, type InvalidRowPolicy } from "../internal/batch.js";
import { describe } from "../internal/describe.js";
import { instantError, parseInstant, type InstantReading } from "../internal/instant.js";
import { isoWithOffset, periodBounds, periodClock, periodLabel } from "../internal/periods.js";
import { forEachValue } from "../internal/records.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertCount, assertObject, assertOptions } from "../internal/validate.js";
import { adjustPValues, type PAdjustMethod } from "../stats/adjust.js";
import { changeOf } from "./figures.js";
import {
  field,
  isUnreadable,
  metricKernel,
  reportFields,
  type Figure,
  type MetricKernel,
  type ReportGroupState,
} from "./kernels.js";
import { checkSpec, compareSegments, DEFAULT_MAX_GROUPS, segmentObject, segmentValue } from "./record-check.js";
import type { ReportChange, ReportMetric, ReportPeriod, ReportRow, SummarizeResult, SummarizeSpec } from "./spec.js";

export type {
  ReportChange,
  ReportFields,
  ReportInput,
  ReportMetric,
  ReportPeriod,
  ReportPeriodUnit,
  ReportRow,
  SummarizeResult,
  SummarizeSpec,
} from "./spec.js";
export type {
  GroupWeights,
  ReportGroupState,
  SlaCountsState,
  UnansweredState,
  WeightedState,
} from "./kernel-types.js";

/** One segment of a {@link SummaryState}. */
export interface SegmentState {
  /** The segment's values, in the order of `by` (none for a report without segments). */
  readonly values: readonly string[];
  /** Per period key (0 without periods), the group's accumulator state. */
  readonly periods: readonly (readonly [number, ReportGroupState])[];
  /** Survey metrics cut by period: unanswered records of the segment whose date could not be read (in no period). */
  readonly undated?: number;
}

/**
 * What a report has counted: per segment and period, the state of the metric's accumulator; the
 * records read and used; the exclusions. Plain data (JSON, and structured-cloneable to and from
 * worker threads); {@link SummaryBuilder.merge} adds one to a builder.
 */
export interface SummaryState {
  /** Per segment, the state of each period. */
  readonly segments: readonly SegmentState[];
  /** Records read. */
  readonly read: number;
  /** Records used. */
  readonly used: number;
  /** Survey metrics: unanswered records (neither used nor rejected). */
  readonly unanswered?: number;
  /** The records left out under `invalid: "exclude"`, with their indexes. */
  readonly exclusions: readonly ExcludedRow[];
}

/**
 * A report fed one record at a time: what {@link summarize} does, for records that arrive as a
 * stream (a file read line by line). Memory holds one accumulator per segment and period (counts;
 * for durations the minutes percentiles need), never the records.
 */
export interface SummaryBuilder {
  /**
   * Checks one record and adds it. A bad record throws under `invalid: "throw"` (default); under
   * `invalid: "exclude"` it is left out, listed, and returned (null for a good record).
   */
  add(record: unknown): ExcludedRow | null;
  /**
   * Adds `records` records counted elsewhere (a SQL `GROUP BY`, the DuckDB engine): their segment
   * values (in the order of `by`; blanks become "(blank)"), the period key (null without periods) and
   * what they add up to as the metric's accumulator state (`createNpsAccumulator().addCount(9, 5).toJSON()`). A
   * survey state's `unanswered` records are counted on top of `records` (which are the records it used).
   */
  addCounted(
    segment: readonly unknown[],
    period: number | null,
    state: ReportGroupState,
    records: number,
  ): SummaryBuilder;
  /**
   * Adds `records` records counted elsewhere that all took one score or rating (`value`; NPS, CSAT, CES), with their
   * Σw and Σw² in a weighted report: the metric's rule reads the value. Throws its coded error for a value the metric
   * does not take (nothing is added then).
   */
  addCountedValue(
    segment: readonly unknown[],
    period: number | null,
    value: unknown,
    records: number,
    sums?: { readonly w: number; readonly w2: number },
  ): SummaryBuilder;
  /** Counts `records` records read elsewhere that could not be used (rejected without a list). */
  addUnusable(records: number): SummaryBuilder;
  /**
   * Survey metrics: counts `records` unanswered records read elsewhere (a SQL `GROUP BY` of blank ratings) in a
   * segment and period; with periods, `period` null puts them in no period (their date could not be read), counted in
   * the all-period rows only.
   */
  addUnanswered(segment: readonly unknown[], period: number | null, records: number): SummaryBuilder;
  /** Adds another builder's counts or a state, after this one's records (its exclusions' indexes move on by `read`). */
  merge(other: SummaryBuilder | SummaryState): SummaryBuilder;
  /** The rows so far, with what was read, used and rejected. */
  result(): SummarizeResult;
  /**
   * What has been counted so far, as plain data (JSON). With `{ typedArrays: true }` the duration lists of
   * first-response and resolution groups are Float64Arrays (copies): a state to post to another thread (a structured
   * clone copies them as memory), not JSON; `merge` takes either.
   */
  state(options?: { readonly typedArrays?: boolean }): SummaryState;
}

const NO_VALUES: string[] = [];

/**
 * One segment's groups: the first period's group inline and the others, when there are others, in a Map (a report
 * without periods, or with many segments of one period each, holds no Map per segment).
 */
interface Segment {
  readonly values: readonly string[];
  readonly period: number;
  readonly group: unknown;
  more: Map<number, unknown> | null;
}

/** A segment's groups as (period, group) pairs, in the order they were started. */
function periodsOf(segment: Segment): [number, unknown][] {
  const list: [number, unknown][] = [[segment.period, segment.group]];
  if (segment.more !== null) for (const entry of segment.more) list.push(entry);
  return list;
}

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * Starts a report to be fed record by record (or with counts made elsewhere); {@link summarize} is
 * this over an array. The spec, the rows and the row policy are those of `summarize`; the metric's
 * options (scale, calendar, policy, scorecard) are checked once, here.
 *
 * @throws CxMetricsError as {@link summarize} does: a bad spec at once, a bad record at `add`
 *   (under `invalid: "throw"`), `TOO_MANY_GROUPS` at the `add` (or `addCounted`, `merge`) that would start group
 *   `maxGroups + 1` (that record is then not counted), `EMPTY_INPUT` at `result` when no record could be used.
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
  const kernel = metricKernel(fn, spec);
  const by = spec.by ?? [];
  const maxGroups = spec.maxGroups ?? DEFAULT_MAX_GROUPS;
  const fields = reportFields(spec);
  const dateField =
    spec.metric === "nps" || spec.metric === "csat" || spec.metric === "ces"
      ? fields.respondedAt
      : spec.metric === "iqs"
        ? fields.reviewedAt
        : fields.createdAt;
  const reading: InstantReading | undefined = spec.timeZone === undefined ? undefined : { timeZone };
  const periodOf = spec.every === undefined ? null : periodClock(timeZone, spec.every);

  const segments = new Map<string, Segment>();
  /** Per segment, unanswered records whose date could not be read (a report cut by period). */
  const undated = new Map<string, { readonly values: readonly string[]; count: number }>();
  const exclusions: ExcludedRow[] = [];
  let read = 0;
  let used = 0;
  let unanswered = 0;
  let groups = 0;

  const keyOf = (values: readonly string[]): string => (values.length === 1 ? values[0]! : values.join("\u0000"));
  /** The group of a segment and period if there is one. */
  const existing = (values: readonly string[], period: number): unknown => {
    const segment = segments.get(keyOf(values));
    if (segment === undefined) return undefined;
    return segment.period === period ? segment.group : segment.more?.get(period);
  };
  /** The error for group `nth` (`index`: the record that would start it; null for counts or a state). */
  const tooMany = (
    values: readonly string[],
    period: number,
    index: number | null,
    nth = groups + 1,
  ): CxMetricsError => {
    const where = [
      values.length === 0 ? "" : `segment ${JSON.stringify(segmentObject(by, values))}`,
      periodOf === null ? "" : `period ${periodLabel(period, spec.every!)}`,
    ]
      .filter(Boolean)
      .join(", ");
    return new CxMetricsError(
      fn,
      "TOO_MANY_GROUPS",
      `${index === null ? "the counts" : `record ${index}`} would start group ${count(nth)}${where === "" ? "" : ` (${where})`}, more than maxGroups (${count(maxGroups)} segment × period groups, one accumulator each); segment by fewer or coarser fields, use longer periods, or raise maxGroups`,
      { ...(index === null ? {} : { index }), value: nth, field: "maxGroups" },
    );
  };
  /**
   * The group of a segment and period; a new one (`made`, or an empty one) counts against maxGroups (`index`: the
   * record that starts it).
   */
  const groupFor = (values: readonly string[], period: number, index: number | null, made?: unknown): unknown => {
    const key = keyOf(values);
    const segment = segments.get(key);
    if (segment !== undefined) {
      if (segment.period === period) return segment.group;
      const group = segment.more?.get(period);
      if (group !== undefined) return group;
    }
    if (groups >= maxGroups) throw tooMany(values, period, index);
    groups++;
    const group = made ?? kernel.create();
    if (segment === undefined) segments.set(key, { values, period, group, more: null });
    else (segment.more ??= new Map()).set(period, group);
    return group;
  };
  const segmentOf = (values: readonly unknown[], index: number): string[] =>
    by.length === 0 ? NO_VALUES : by.map((name, k) => segmentValue(fn, values[k], name, index));
  /** Counts unanswered records in a segment and period (`period` undefined: in no period, the date unreadable). */
  const skip = (values: readonly string[], period: number | undefined, records: number, index: number | null): void => {
    if (period === undefined) {
      const entry = undated.get(keyOf(values));
      if (entry === undefined) undated.set(keyOf(values), { values, count: records });
      else entry.count += records;
    } else kernel.skip!(groupFor(values, period, index), records);
    read += records;
    unanswered += records;
  };

  /** A segment given by its values, one per `by` field (addCounted, addUnanswered). */
  const assertSegment = (segment: unknown): void => {
    if (!Array.isArray(segment) || segment.length !== by.length)
      throw new CxMetricsError(
        fn,
        "INVALID_ARGUMENT",
        `segment is ${describe(segment)}, expected ${by.length} values (one per \`by\` field)`,
        { value: segment },
      );
  };
  const builder: SummaryBuilder = {
    add(record: unknown): ExcludedRow | null {
      const index = read++;
      let values: string[];
      let period = 0;
      let unit: unknown;
      /** For an unanswered record: its period key, or undefined when its date cannot be read; null otherwise. */
      let unansweredIn: number | undefined | null = null;
      try {
        if (isUnreadable(record))
          throw new CxMetricsError(fn, "INVALID_ARGUMENT", `record ${index} cannot be read (a revoked Proxy)`, {
            index,
            field: "",
          });
        values =
          by.length === 0
            ? NO_VALUES
            : by.length === 1
              ? [segmentValue(fn, field(record, by[0]!), by[0]!, index)]
              : by.map((name) => segmentValue(fn, field(record, name), name, index));
        if (kernel.unanswered?.(record) === true) {
          // An unanswered survey: not an error, whatever its date; one without a readable date is in no period.
          const ms = periodOf === null ? 0 : parseInstant(field(record, dateField), reading);
          unansweredIn = ms === undefined ? undefined : periodOf === null ? 0 : periodOf(ms);
        } else if (periodOf !== null) {
          const raw = field(record, dateField);
          const ms = parseInstant(raw, reading);
          if (ms === undefined)
            throw instantError(fn, `${dateField} of record ${index}`, raw, {
              index,
              field: dateField,
              ...(reading === undefined ? {} : { reading }),
            });
          period = periodOf(ms);
        }
        if (unansweredIn === null) unit = kernel.read(record, index);
      } catch (error) {
        // A missing asOf (an open ticket on an SLA report) is a mistake of the call, not a bad record.
        if (policy === "throw" || !isCxMetricsError(error) || error.field === "asOf") throw error;
        const id = isUnreadable(record) ? undefined : field(record, "id");
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
      if (unansweredIn !== null) {
        read--; // skip counts it, and leaves the builder as it was when the record would start one group too many
        skip(values, unansweredIn, 1, index);
        return null;
      }
      let group: unknown;
      try {
        group = groupFor(values, period, index);
      } catch (error) {
        read--; // the record is not counted: the builder stays as it was
        throw error;
      }
      kernel.add(group, unit);
      used++;
      return null;
    },
    addCounted(segment, period, state, records) {
      assertCount(fn, "records", records);
      assertSegment(segment);
      kernel.merge(groupFor(segmentOf(segment, read), period ?? 0, null), state);
      // A survey state's unanswered records (checked by the merge) come on top of the records it used.
      const skipped = (state as { unanswered?: number }).unanswered ?? 0;
      read += records + skipped;
      used += records;
      unanswered += skipped;
      return builder;
    },
    addCountedValue(segment, period, value, records, sums) {
      if (kernel.counted === undefined) {
        throw new CxMetricsError(
          fn,
          "INVALID_ARGUMENT",
          `addCountedValue takes scores and ratings; use addCounted for ${spec.metric}`,
        );
      }
      assertCount(fn, "records", records);
      return builder.addCounted(segment, period, kernel.counted(value, records, sums), records);
    },
    addUnusable(records) {
      assertCount(fn, "records", records);
      read += records;
      return builder;
    },
    addUnanswered(segment, period, records) {
      if (kernel.skip === undefined)
        throw new CxMetricsError(fn, "INVALID_ARGUMENT", `addUnanswered counts surveys; ${spec.metric} has none`);
      assertCount(fn, "records", records);
      assertSegment(segment);
      skip(segmentOf(segment, read), period === null ? (periodOf === null ? 0 : undefined) : period, records, null);
      return builder;
    },
    merge(other) {
      assertObject(fn, "other", other, "a report builder or its state()");
      // Another builder's durations come as Float64Arrays (a copy of memory, not a list of numbers built and read).
      const state =
        typeof (other as SummaryBuilder).state === "function"
          ? (other as SummaryBuilder).state({ typedArrays: true })
          : (other as SummaryState);
      checkState(fn, state, by.length);
      // All or nothing: every group state is checked (restored into a group of its own) before any is added.
      const restored = state.segments.flatMap((segment) =>
        segment.periods.map(([period, groupState]) => [segment.values, period, kernel.create(groupState)] as const),
      );
      // ... and the groups it would start are counted against maxGroups first.
      const fresh = new Set<string>();
      for (const [values, period] of restored) {
        if (existing(values, period) !== undefined) continue;
        fresh.add(`${period}\u0001${keyOf(values)}`);
        if (groups + fresh.size > maxGroups) throw tooMany(values, period, null, groups + fresh.size);
      }
      // A restored group becomes the group of its segment and period, or is added to the one there.
      for (const [values, period, group] of restored) {
        const into = existing(values, period);
        if (into === undefined) groupFor(values, period, null, group);
        else combine(kernel, into, group);
      }
      for (const segment of state.segments) {
        const count = segment.undated ?? 0;
        if (count === 0) continue;
        const entry = undated.get(keyOf(segment.values));
        if (entry === undefined) undated.set(keyOf(segment.values), { values: segment.values, count });
        else entry.count += count;
      }
      for (const row of state.exclusions) exclusions.push({ ...row, index: row.index + read });
      read += state.read;
      used += state.used;
      unanswered += state.unanswered ?? 0;
      return builder;
    },
    result(): SummarizeResult {
      const rejected = read - used - unanswered;
      if (used === 0)
        throw new CxMetricsError(
          "summarize",
          "EMPTY_INPUT",
          rejected + unanswered === 0
            ? "no records"
            : unanswered === 0
              ? `no records: all ${rejected} were rejected`
              : `no answered records: of ${read}, ${unanswered} were unanswered and ${rejected} rejected`,
        );
      const rows = adjusted(reportRows(spec, kernel, by, timeZone, segments, undated), spec.adjust ?? "bh");
      const input = kernel.skip === undefined ? { read, used, rejected } : { read, used, unanswered, rejected };
      return { rows, input, exclusions: [...exclusions] };
    },
    state(options): SummaryState {
      const stateOf = options?.typedArrays === true && kernel.toState !== undefined ? kernel.toState : kernel.toJSON;
      const list: SegmentState[] = [...segments.values()].map((segment) => {
        const count = undated.get(keyOf(segment.values))?.count ?? 0;
        return {
          values: segment.values,
          periods: periodsOf(segment).map(([period, group]) => [period, stateOf(group)] as const),
          ...(count === 0 ? {} : { undated: count }),
        };
      });
      for (const [key, entry] of undated)
        if (!segments.has(key)) list.push({ values: entry.values, periods: [], undated: entry.count });
      return {
        segments: list,
        read,
        used,
        ...(kernel.skip === undefined ? {} : { unanswered }),
        exclusions: [...exclusions],
      };
    },
  };
  return builder;
}

/**
 * Checks a state's shape before anything of it is added (a state from JSON, another worker, or made by hand): the
 * segments with one text value per `by` field and their (period key, group state) pairs, whole counts with `used ≤
 * read`, the exclusions a list. The group states themselves are checked by the metric's kernel as they merge.
 */
function checkState(fn: string, state: unknown, fields: number): asserts state is SummaryState {
  const bad = (what: string): never => {
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", `the state to merge ${what}`, { value: state });
  };
  assertObject(fn, "state", state, "a report state { segments, read, used, exclusions }");
  const { segments, read, used, exclusions, unanswered = 0 } = state as Partial<SummaryState>;
  if (!Array.isArray(segments)) bad("has no list of segments");
  for (const segment of segments!) {
    assertObject(fn, "segment", segment, "{ values, periods }");
    const { values, periods } = segment as Partial<SegmentState>;
    if (!Array.isArray(values) || values.length !== fields || !values.every((value) => typeof value === "string"))
      bad(`has a segment whose values are not ${fields} text${fields === 1 ? "" : "s"}`);
    if (!Array.isArray(periods)) bad("has a segment without a list of periods");
    for (const entry of periods!)
      if (!Array.isArray(entry) || !Number.isSafeInteger(entry[0]) || typeof entry[1] !== "object" || entry[1] === null)
        bad("has a period that is not [key, state]");
    if (segment.undated !== undefined) assertCount(fn, "undated", segment.undated);
  }
  assertCount(fn, "read", read);
  assertCount(fn, "used", used);
  assertCount(fn, "unanswered", unanswered);
  if (used + unanswered > read) bad(`says it used ${used} and found ${unanswered} unanswered of ${read} records read`);
  if (!Array.isArray(exclusions)) bad("has no list of exclusions");
}

/** Adds group `from`'s counts to group `into`: directly where the kernel can, else through `from`'s state. */
function combine(kernel: MetricKernel, into: unknown, from: unknown): void {
  if (kernel.combine === undefined) kernel.merge(into, kernel.toJSON(from));
  else kernel.combine(into, from);
}

/** One segment's groups per period, for the rows, and its unanswered records in no period. */
interface SegmentGroups {
  readonly values: readonly string[];
  readonly periods: Map<number, unknown>;
  undated: number;
}

/** Segments in order (element by element), each with its groups per period; the overall segment first. */
function withOverall(
  kernel: MetricKernel,
  by: readonly string[],
  segments: Map<string, Segment>,
  undated: ReadonlyMap<string, { readonly count: number }>,
): SegmentGroups[] {
  const list: SegmentGroups[] = [...segments].map(([key, segment]) => ({
    values: segment.values,
    periods: new Map(periodsOf(segment)),
    undated: undated.get(key)?.count ?? 0,
  }));
  if (by.length === 0) return list;
  let noPeriod = 0;
  for (const entry of undated.values()) noPeriod += entry.count;
  const overall: SegmentGroups = { values: [], periods: new Map(), undated: noPeriod };
  for (const segment of list) {
    for (const [period, group] of segment.periods) {
      let into = overall.periods.get(period);
      if (into === undefined) overall.periods.set(period, (into = kernel.create()));
      combine(kernel, into, group);
    }
  }
  list.sort((a, b) => compareSegments(a.values, b.values));
  return [overall, ...list];
}

/**
 * The rows with every change's p-value corrected for the number of change tests in the report (`pAdjusted`): the
 * family is all the report's changes, across segments and periods.
 */
function adjusted(rows: ReportRow[], method: PAdjustMethod): ReportRow[] {
  const tested = rows.filter((row) => row.change !== null);
  const p = adjustPValues(
    tested.map((row) => row.change!.pValue),
    method,
  );
  const byRow = new Map(tested.map((row, k) => [row, p[k]!]));
  return rows.map((row) =>
    row.change === null ? row : { ...row, change: { ...row.change, pAdjusted: byRow.get(row)! } },
  );
}

/** The rows: per segment, its periods in time order (rows only where there is data), then the all-period row. */
function reportRows(
  spec: SummarizeSpec,
  kernel: MetricKernel,
  by: readonly string[],
  timeZone: string,
  segments: Map<string, Segment>,
  undated: ReadonlyMap<string, { readonly count: number }>,
): ReportRow[] {
  const confidence = spec.confidence ?? 0.95;
  const minN = spec.minN ?? 30;
  const rows: ReportRow[] = [];
  for (const { values, periods, undated: noPeriod } of withOverall(kernel, by, segments, undated)) {
    const segment = segmentObject(by, values);
    const all = kernel.create();
    if (noPeriod > 0) kernel.skip!(all, noPeriod);
    // The change is against the period just before, when it has a figure; after a gap there is none.
    let previous: { readonly period: number; readonly figure: Figure } | null = null;
    for (const p of [...periods.keys()].sort((x, y) => x - y)) {
      const group = periods.get(p)!;
      combine(kernel, all, group);
      if (spec.every === undefined) continue;
      const figure = kernel.figure(group, confidence);
      if (figure === null) continue;
      const bounds = periodBounds(timeZone, spec.every, p);
      const period: ReportPeriod = {
        label: periodLabel(p, spec.every),
        start: isoWithOffset(bounds.start, timeZone),
        end: isoWithOffset(bounds.end, timeZone),
      };
      const before = previous !== null && previous.period === p - 1 ? previous.figure : null;
      rows.push(
        row(
          spec.metric,
          segment,
          period,
          figure,
          before === null ? null : changeOf(spec.metric, figure, before, confidence),
          minN,
        ),
      );
      previous = { period: p, figure };
    }
    const figure = kernel.figure(all, confidence);
    if (figure !== null) rows.push(row(spec.metric, segment, null, figure, null, minN));
  }
  return rows;
}

function row(
  metric: ReportMetric,
  segment: Record<string, string>,
  period: ReportPeriod | null,
  figure: Figure,
  change: ReportChange | null,
  minN: number,
): ReportRow {
  return {
    metric,
    segment,
    period,
    n: figure.n,
    nEffective: figure.nEffective,
    se: figure.se,
    value: figure.value,
    low: figure.low,
    high: figure.high,
    change,
    smallSample: figure.n < minN,
    detail: figure.detail,
    ...(figure.unanswered === undefined
      ? {}
      : {
          unanswered: figure.unanswered,
          responseRate: figure.unanswered === 0 ? null : figure.answered! / (figure.answered! + figure.unanswered),
        }),
  };
}

/**
 * Several metrics over one pass of the records (`specs`: one spec per metric, as for a single one): one result per
 * spec, in their order, each exactly what `summarize(records, spec)` gives, its own `input` (read, used, rejected)
 * and `exclusions` included (a record can be bad for one metric and fine for another: an SLA report rejects a
 * resolution date that is not one, a first-response report does not read it). Every row names its `metric`; the rows
 * of all of them are `results.flatMap((result) => result.rows)`. The records are read once (a generator too).
 *
 * @throws CxMetricsError `INVALID_OPTION` for an empty list or a bad spec (before any record is read); then as the
 *   single form does, for the first spec that throws (a bad record under `invalid: "throw"`, `EMPTY_INPUT` for a
 *   metric with no usable record).
 * @example
 * ```ts
 * const tickets = [
 *   { createdAt: "2025-03-03T09:00:00Z", firstResponseAt: "2025-03-03T09:30:00Z", resolvedAt: "2025-03-03T12:00:00Z" },
 *   { createdAt: "2025-03-03T10:00:00Z", firstResponseAt: "2025-03-03T13:00:00Z", resolvedAt: "2025-03-31T12:00:00Z" },
 * ];
 * const [first, sla] = summarize(tickets, [
 *   { metric: "first-response" },
 *   { metric: "sla", policy: { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } },
 * ]);
 * `${first!.rows[0]!.value} min median, SLA ${sla!.rows[0]!.value} %`; //=> "105 min median, SLA 50 %"
 * ```
 */
export function summarize(
  records: Iterable<unknown> | ArrayLike<unknown>,
  specs: readonly SummarizeSpec[],
): SummarizeResult[];
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
 * `input` says how many were read, used and rejected.
 *
 * Segments: a blank value (missing, null, only white space) is the segment "(blank)"; a value written `(blank)` is
 * the segment `"(blank)"` (in double quotes), so the two never merge. Text is read in Unicode NFC (a composed and a
 * decomposed "é" are one segment). Segments are sorted by the "en" collation, ties by code units. A row's `segment`
 * has each `by` field as an own property, whatever its name (`__proto__`, `constructor`).
 *
 * Memory holds one accumulator per segment and period, never the records (an iterable is read one record at a time):
 * at most `maxGroups` of them (default 100,000).
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad spec (unknown metric or period, a missing policy
 *   or scorecard); for a bad record, the metric's own code naming its index and field;
 *   `INVALID_TIME_ZONE`; `EMPTY_INPUT` when no record could be used; `TOO_MANY_GROUPS` at the record that would start
 *   group `maxGroups + 1`; `INVALID_ARGUMENT` for records that are not an array or an iterable (or a revoked Proxy);
 *   `TOO_MANY_VALUES` for a generator that yields more than 2^24 records (use {@link createSummary} for more).
 * @example
 * ```ts
 * const responses = [
 *   { score: 10, channel: "chat" }, { score: 9, channel: "chat" }, { score: 3, channel: "email" }, { score: 8, channel: "email" },
 * ];
 * const report = summarize(responses, { metric: "nps", by: ["channel"] });
 * report.rows.map((row) => `${row.segment.channel ?? "all"} ${row.value}`).join(", "); //=> "all 25, chat 100, email -50"
 * ```
 */
export function summarize(records: Iterable<unknown> | ArrayLike<unknown>, spec: SummarizeSpec): SummarizeResult;
export function summarize(
  records: Iterable<unknown> | ArrayLike<unknown>,
  spec: SummarizeSpec | readonly SummarizeSpec[],
): SummarizeResult | SummarizeResult[] {
  let several = false;
  try {
    several = Array.isArray(spec);
  } catch {
    // a revoked Proxy: createSummary says what is wrong with it
  }
  if (several) {
    const specs = spec as readonly SummarizeSpec[];
    if (specs.length === 0)
      throw new CxMetricsError("summarize", "INVALID_OPTION", "specs is an empty list, expected one spec per metric", {
        field: "specs",
        value: specs,
      });
    const builders = specs.map((one) => createSummary(one));
    forEachValue("summarize", "records", records, (record) => {
      for (const builder of builders) builder.add(record);
    });
    return builders.map((builder) => builder.result());
  }
  const builder = createSummary(spec as SummarizeSpec);
  // Read one at a time, never copied: a generator of records needs memory for the groups only.
  forEachValue("summarize", "records", records, (record) => {
    builder.add(record);
  });
  return builder.result();
}
