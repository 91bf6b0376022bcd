// First response and resolution times where the data is: SQL that computes n, the mean and the percentiles of the
// durations by segment and period (calendar minutes, or business minutes through the interval table), and the tidy rows
// from what it returns.
import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertObject } from "../internal/validate.js";
import { isoWithOffset, periodBounds, periodLabel } from "../internal/periods.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { field } from "../report/kernels.js";
import { checkSpec, compareSegments, segmentObject, segmentValue } from "../report/record-check.js";
import type { ReportFields, ReportPeriod, ReportRow, SummarizeResult, SummarizeSpec } from "../report/spec.js";
import type { PercentileMethod } from "../stats/percentile.js";
import { businessMinutesBetween, lastIntervalJoin } from "./business-time.js";
import { countCell, resultRow } from "./cells.js";
import {
  checkDialect,
  epochSecondsOf,
  localOf,
  namedSegments,
  periodKeyOf,
  segmentKey,
  segmentOf,
  tableRef,
  timestampOf,
  type SqlDialect,
} from "./dialect.js";

/** Column names of the tickets' fields. */
export interface DurationFields extends ReportFields {
  /** The first reply [`firstResponseAt`]. */
  readonly firstResponseAt?: string;
  /** The (last) resolution [`resolvedAt`]. */
  readonly resolvedAt?: string;
}

/** A cell of a query's result as a driver gives it (DuckDB's bigint, PostgreSQL's numeric text). */
export type SqlCell = number | bigint | string | null | undefined;

/** Where the tickets are. */
export interface DurationsSqlOptions {
  /** `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table or view: a name, schema-qualified or not (a query goes into a view first); default `"data"`. */
  readonly table?: string;
  /** Column names when they differ from the field names (`createdAt`, `firstResponseAt`, `resolvedAt`). */
  readonly fields?: DurationFields;
  /**
   * With `spec.calendar`: the table of its working intervals (`calendarIntervalsTableSql`), a name as `table`; default
   * `"calendar_intervals"`.
   */
  readonly intervals?: string;
}

/**
 * How each SQL percentile maps to the library's methods (checked against `percentile` in the tests):
 * `quantile_cont` / `percentile_cont` are `"linear"` (R type 7); `quantile_disc` / `percentile_disc`
 * are `"inverted-cdf"` (R type 1, the same values as `"nearest-rank"`).
 */
export const SQL_PERCENTILE_METHODS: Readonly<Record<SqlDialect, Readonly<Partial<Record<PercentileMethod, string>>>>> =
  {
    duckdb: { linear: "quantile_cont", "inverted-cdf": "quantile_disc", "nearest-rank": "quantile_disc" },
    postgres: { linear: "percentile_cont", "inverted-cdf": "percentile_disc", "nearest-rank": "percentile_disc" },
  };

const column = (p: number): string => `p${String(p).replace(".", "_")}`;

function check(
  fn: string,
  spec: SummarizeSpec,
  dialect: SqlDialect,
): { percentiles: number[]; method: PercentileMethod } {
  checkSpec(fn, spec);
  if (spec.metric !== "first-response" && spec.metric !== "resolution")
    throw new CxMetricsError(
      fn,
      "INVALID_OPTION",
      `metric is ${describe(spec.metric)}; duration SQL is for "first-response" and "resolution"`,
      { value: spec.metric, field: "metric" },
    );
  if (spec.resolution === "first")
    throw new CxMetricsError(
      fn,
      "INVALID_OPTION",
      'resolution "first" needs each ticket\'s list of resolutions, which a table column does not hold; use "full"',
      { value: spec.resolution, field: "resolution" },
    );
  if (spec.timeZone !== undefined) assertTimeZone(fn, spec.timeZone);
  const method = spec.method ?? "linear";
  if (SQL_PERCENTILE_METHODS[dialect][method] === undefined)
    throw new CxMetricsError(
      fn,
      "INVALID_OPTION",
      `method is ${describe(method)}; SQL has "linear" (*_cont) and "inverted-cdf" / "nearest-rank" (*_disc)`,
      { value: method, field: "method" },
    );
  // As summarize reads them (it refuses the same values): a NaN or 150 made invalid SQL, quantile_cont(minutes, 1.5).
  const asked: unknown = spec.percentiles ?? [90];
  if (!Array.isArray(asked))
    throw invalid(fn, "INVALID_ARGUMENT", "percentiles", asked, "an array of percents 0-100, such as [50, 90]");
  for (const p of asked)
    if (typeof p !== "number" || !(p >= 0 && p <= 100))
      throw invalid(fn, "INVALID_ARGUMENT", "percentiles", p, "a percent 0-100 (90, not 0.9)");
  const percentiles = [...new Set([50, ...(asked as number[])])];
  return { percentiles, method };
}

/**
 * SQL that computes, by segment and period (and for each segment over all periods, each period over
 * all segments, and overall: `GROUPING SETS`), the number of answered (or resolved) tickets, the open
 * ones, the rejected ones (no readable creation time, or an end before the start), and the mean, the
 * median and the requested percentiles of their durations in minutes. With `spec.calendar` the
 * minutes are business minutes, joined against the calendar's interval table (`calendarIntervals`);
 * else calendar minutes. Periods are those of the creation time in `spec.timeZone`.
 *
 * @throws CxMetricsError `INVALID_OPTION` for another metric, `resolution: "first"`, or a percentile
 *   method SQL has no function for (see {@link SQL_PERCENTILE_METHODS}); `INVALID_ARGUMENT` for `percentiles` that is not
 *   a list of percents 0-100, as `summarize` (a NaN or 150 gave SQL no database runs, `quantile_cont(minutes, 1.5)`).
 * @example
 * ```ts
 * const sql = durationsSql({ metric: "first-response", by: ["channel"], every: "month", percentiles: [90] }, { dialect: "duckdb", table: "tickets" });
 * sql.includes("quantile_cont"); //=> true
 * ```
 */
export function durationsSql(spec: SummarizeSpec, options: DurationsSqlOptions): string {
  const fn = "durationsSql";
  assertObject(fn, "options", options, "{ dialect, table?, fields?, intervals? }");
  const dialect = checkDialect(fn, options.dialect);
  const { percentiles, method } = check(fn, spec, dialect);
  const fields = {
    createdAt: "createdAt",
    firstResponseAt: "firstResponseAt",
    resolvedAt: "resolvedAt",
    ...options.fields,
  };
  const by = spec.by ?? [];
  const zone = spec.timeZone ?? "UTC";
  const start = timestampOf(dialect, fields.createdAt);
  const end = timestampOf(dialect, spec.metric === "first-response" ? fields.firstResponseAt : fields.resolvedAt);
  const period = spec.every === undefined ? "0" : periodKeyOf(dialect, localOf("spans.s", zone), spec.every);
  const business = spec.calendar !== undefined;
  const table = tableRef(fn, options.table ?? "data");
  const intervals = tableRef(fn, options.intervals ?? "calendar_intervals", "intervals");
  const minutes = business
    ? businessMinutesBetween(dialect, "spans.s", "spans.e", "a", "b")
    : `(${epochSecondsOf(dialect, "spans.e")} - ${epochSecondsOf(dialect, "spans.s")}) / 60`;
  const joins = business
    ? [lastIntervalJoin(dialect, intervals, "spans.s", "a"), lastIntervalJoin(dialect, intervals, "spans.e", "b")]
    : [];
  const done = "state = 'done'";
  const percentile = (p: number): string => {
    const name = SQL_PERCENTILE_METHODS[dialect][method]!;
    return dialect === "duckdb"
      ? `${name}(minutes, ${p / 100}) FILTER (WHERE ${done})`
      : `${name}(${p / 100}) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE ${done})`;
  };
  const segmentKeys = by.map((_, k) => segmentKey(k));
  const keys = [...segmentKeys, "period"];
  const sets =
    by.length === 0 ? ["(period)", "()"] : [`(${keys.join(", ")})`, `(${segmentKeys.join(", ")})`, "(period)", "()"];
  const named = namedSegments(fn, by, [
    "period",
    "g_period",
    "g_segments",
    "n",
    "open",
    "rejected",
    "mean",
    ...[50, ...percentiles].map(column),
  ]);
  return [
    "WITH spans AS (",
    `  SELECT ${[...by.map((name, k) => `${segmentOf(dialect, name)} AS ${segmentKey(k)}`), `${start} AS s`, `${end} AS e`].join(", ")} FROM ${table}`,
    "), measured AS (",
    `  SELECT ${[...segmentKeys.map((key) => `spans.${key}`), `CASE WHEN spans.s IS NULL THEN NULL ELSE ${period} END AS period`, "CASE WHEN spans.s IS NULL THEN 'rejected' WHEN spans.e IS NULL THEN 'open' WHEN spans.e < spans.s THEN 'rejected' ELSE 'done' END AS state", `${minutes} AS minutes`].join(", ")}`,
    `  FROM spans${joins.length === 0 ? "" : `\n  ${joins.join("\n  ")}`}`,
    ")",
    `SELECT ${[
      ...named,
      "period",
      ...(by.length === 0 ? [] : [`GROUPING(${segmentKey(0)}) AS g_segments`]),
      "GROUPING(period) AS g_period",
      `count(*) FILTER (WHERE ${done}) AS n`,
      "count(*) FILTER (WHERE state = 'open') AS open",
      "count(*) FILTER (WHERE state = 'rejected') AS rejected",
      `avg(minutes) FILTER (WHERE ${done}) AS mean`,
      ...percentiles.map((p) => `${percentile(p)} AS ${column(p)}`),
    ].join(", ")}`,
    "FROM measured",
    `GROUP BY GROUPING SETS (${sets.join(", ")})`,
  ].join("\n");
}

const num = (value: SqlCell): number => (value === null || value === undefined ? Number.NaN : Number(value));

/**
 * The tidy rows of `summarize` from the rows a {@link durationsSql} query returned: per segment, its
 * periods in time order and then its row over all periods, the overall rows first; `value` is the
 * median, `detail` holds n, the mean, the percentiles (`p90`, ...), the clock, the method and the open
 * tickets. Rows with no answered ticket are left out, as `summarize` leaves them out; rejected tickets
 * are counted in `input`.
 *
 * @throws CxMetricsError as {@link durationsSql} for the spec; `EMPTY_INPUT` when no ticket could be used; with the
 *   row's index, `INVALID_ARGUMENT` for a row that is not an object (a TypeError before) and `INVALID_COUNT` for an
 *   n, open or rejected that is not a whole number ≥ 0 (n -1 gave a row of n -1, n null an input of NaN records).
 * @example
 * ```ts
 * // The two rows of a report without segments or periods: the (period) set and the () set.
 * const rows = [
 *   { period: 0, g_period: 0, n: 3, open: 1, rejected: 0, mean: 40, p50: 30, p90: 82 },
 *   { period: null, g_period: 1, n: 3, open: 1, rejected: 0, mean: 40, p50: 30, p90: 82 },
 * ];
 * rowsFromDurations({ metric: "first-response" }, rows).rows.map((row) => row.value).join(", "); //=> "30"
 * ```
 */
export function rowsFromDurations(
  spec: SummarizeSpec,
  rows: readonly Readonly<Record<string, SqlCell>>[],
): SummarizeResult {
  const fn = "rowsFromDurations";
  assertReadable(fn, "rows", rows);
  if (!Array.isArray(rows))
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `rows is ${describe(rows)}, expected the rows of the durations query`,
      { value: rows },
    );
  const { percentiles, method } = check(fn, spec, "duckdb");
  const by = spec.by ?? [];
  const minN = spec.minN ?? 30;
  const zone = spec.timeZone ?? "UTC";
  const clock = spec.calendar === undefined ? "calendar" : "business";
  let read = 0;
  let used = 0;
  type Group = { values: string[]; period: number | null; row: Readonly<Record<string, SqlCell>> };
  const groups: Group[] = [];
  rows.forEach((row, index) => {
    assertReadable(fn, `rows[${index}]`, row);
    resultRow(fn, row, index, "a row of the durations query, { n, open, rejected, mean, p50, ... }");
    const [n, open, rejected] = ["n", "open", "rejected"].map((column) => countCell(fn, row, column, index)) as [
      number,
      number,
      number,
    ];
    const overallSegment = by.length > 0 && num(row.g_segments) === 1;
    const allPeriods = num(row.g_period) === 1;
    if (!overallSegment && !allPeriods) {
      // The finest groups (segment and period) hold every ticket once.
      read += n + open + rejected;
      used += n + open;
    }
    // Without periods, the (segment) and () sets give the rows; the per-period sets repeat them.
    if (n === 0 || (spec.every === undefined && !allPeriods)) return;
    groups.push({
      // NULL is a blank segment, "(blank)" as in summarize; text as summarize reads it (a written "(blank)" quoted).
      values: overallSegment ? [] : by.map((name) => segmentValue(fn, field(row, name) ?? null, name, index)),
      period: allPeriods ? null : num(row.period),
      row,
    });
  });
  if (used === 0)
    throw new CxMetricsError(fn, "EMPTY_INPUT", read === 0 ? "no records" : `no records: all ${read} were rejected`);
  groups.sort((a, b) => {
    const order = compareSegments(a.values, b.values); // overall first, then the order summarize gives
    if (order !== 0) return order;
    if (a.period === null || b.period === null) return a.period === null ? 1 : -1; // all periods last
    return a.period - b.period;
  });
  const out: ReportRow[] = [];
  for (const { values, period, row } of groups) {
    const segment = segmentObject(by, values);
    let reportPeriod: ReportPeriod | null = null;
    if (period !== null && spec.every !== undefined) {
      const bounds = periodBounds(zone, spec.every, period);
      reportPeriod = {
        label: periodLabel(period, spec.every),
        start: isoWithOffset(bounds.start, zone),
        end: isoWithOffset(bounds.end, zone),
      };
    }
    const n = num(row.n);
    const detail: Record<string, unknown> = {
      n,
      mean: num(row.mean),
      median: num(row.p50),
      clock,
      method,
      open: num(row.open),
    };
    for (const p of percentiles) detail[`p${p}`] = num(row[column(p)]);
    out.push({
      metric: spec.metric,
      segment,
      period: reportPeriod,
      n,
      nEffective: n,
      se: null,
      value: num(row.p50),
      low: null,
      high: null,
      change: null,
      smallSample: n < minN,
      detail,
    });
  }
  return { rows: out, input: { read, used, rejected: read - used }, exclusions: [] };
}
