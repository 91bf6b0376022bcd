// Business hours where the data is: a calendar's working intervals as a table (the index the JS code uses, laid out as
// rows), and SQL that computes business minutes between two timestamp columns by joining against it.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { instantError, parseInstant } from "../internal/instant.js";
import { calendarIndex, type BusinessCalendar } from "../time/calendar.js";
import type { Instant } from "../time/instant.js";
import { describe, invalid } from "../internal/describe.js";
import { assertReadable } from "../internal/records.js";
import { assertObject } from "../internal/validate.js";
import { checkDialect, epochSecondsOf, ident, literal, tableRef, timestampOf, type SqlDialect } from "./dialect.js";

/**
 * One working interval: absolute start and end (ISO-8601, UTC) and the working minutes before it since the table's
 * start.
 */
export interface CalendarIntervalRow {
  /** The interval's first instant, ISO-8601 UTC. */
  readonly start: string;
  /** Its end (not included), ISO-8601 UTC. */
  readonly end: string;
  /** Working minutes between the table's start and this interval's start. */
  readonly minutesBefore: number;
}

const MINUTE_MS = 60_000;

/**
 * A calendar's working intervals from `from` to `to` as rows: each interval's start and end as
 * instants and the working minutes before it (counted from `from`). This is the calendar's own
 * index (holidays, short days, DST gaps and repeats resolved as `businessMinutes` resolves them),
 * so that SQL joining against it ({@link businessMinutesSql}) gives the same minutes.
 *
 * @throws CxMetricsError `INVALID_DATE` / `DATE_OUT_OF_RANGE` for bounds that cannot be read;
 *   `INVALID_ARGUMENT` when `to` is before `from`; `INVALID_CALENDAR` for a calendar not made by `businessCalendar`.
 * @example
 * ```ts
 * const calendar = businessCalendar({ timeZone: "Europe/Berlin", week: { mon: [["09:00", "17:00"]] } });
 * const rows = calendarIntervals(calendar, { from: "2025-03-03T00:00:00Z", to: "2025-03-17T00:00:00Z" });
 * rows.map((row) => `${row.start} ${row.minutesBefore}`).join(", "); //=> "2025-03-03T08:00:00.000Z 0, 2025-03-10T08:00:00.000Z 480"
 * ```
 */
export function calendarIntervals(
  calendar: BusinessCalendar,
  range: { readonly from: Instant; readonly to: Instant },
): CalendarIntervalRow[] {
  const fn = "calendarIntervals";
  assertReadable(fn, "range", range);
  const from = parseInstant(range?.from);
  if (from === undefined) throw instantError(fn, "from", range?.from);
  const to = parseInstant(range.to);
  if (to === undefined) throw instantError(fn, "to", range.to);
  if (to < from)
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `to (${new Date(to).toISOString()}) is before from (${new Date(from).toISOString()})`,
      { value: range },
    );
  return calendarIndex(fn, calendar)
    .intervals(from, to)
    .map((row) => ({
      start: new Date(row.start).toISOString(),
      end: new Date(row.end).toISOString(),
      minutesBefore: row.before / MINUTE_MS,
    }));
}

/** Where {@link calendarIntervalsTableSql} creates its table. */
export interface CalendarIntervalsTableOptions {
  /** `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table's name; default `"calendar_intervals"`. */
  readonly table?: string;
}

/**
 * SQL that loads {@link calendarIntervals} rows into a table (`CREATE TABLE`, then `INSERT ... VALUES`):
 * columns `start` and `end` (timestamps with time zone) and `minutes_before` (double).
 *
 * @example
 * ```ts
 * const rows = [{ start: "2025-03-03T08:00:00.000Z", end: "2025-03-03T16:00:00.000Z", minutesBefore: 0 }];
 * calendarIntervalsTableSql(rows, { dialect: "postgres" }).startsWith('CREATE TABLE "calendar_intervals"'); //=> true
 * ```
 */
export function calendarIntervalsTableSql(
  rows: readonly CalendarIntervalRow[],
  options: CalendarIntervalsTableOptions,
): string {
  const fn = "calendarIntervalsTableSql";
  assertObject(fn, "options", options, "{ dialect, table? }");
  const dialect = checkDialect(fn, options.dialect);
  const name = tableRef(fn, options.table ?? "calendar_intervals");
  const columns = `(${ident("start")} TIMESTAMPTZ, ${ident("end")} TIMESTAMPTZ, ${ident("minutes_before")} DOUBLE PRECISION)`;
  if (!Array.isArray(rows)) throw invalid(fn, "INVALID_ARGUMENT", "rows", rows, "the rows of calendarIntervals");
  // Each cell is checked before it goes into the SQL: instants as ISO text, minutes as a finite number.
  const instant = (row: unknown, key: "start" | "end", index: number): string => {
    const value = (row as Record<string, unknown> | null)?.[key];
    const ms = parseInstant(value);
    if (typeof value !== "string" || ms === undefined)
      throw invalid(fn, "INVALID_ARGUMENT", `rows[${index}].${key}`, value, "an ISO-8601 instant", index);
    return literal(new Date(ms).toISOString());
  };
  const values = rows.map((row, index) => {
    const before = (row as { minutesBefore?: unknown } | null)?.minutesBefore;
    if (typeof before !== "number" || !Number.isFinite(before))
      throw invalid(fn, "INVALID_ARGUMENT", `rows[${index}].minutesBefore`, before, "a finite number", index);
    return `(TIMESTAMPTZ ${instant(row, "start", index)}, TIMESTAMPTZ ${instant(row, "end", index)}, ${before})`;
  });
  const create = `CREATE TABLE ${name} ${dialect === "duckdb" ? columns.replace("DOUBLE PRECISION", "DOUBLE") : columns};`;
  return values.length === 0 ? create : `${create}\nINSERT INTO ${name} VALUES\n${values.join(",\n")};`;
}

/** What {@link businessMinutesSql} reads. */
export interface BusinessMinutesSqlOptions {
  /** `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table (or view) of pairs: a name, schema-qualified or not (a query goes into a view first). */
  readonly table: string;
  /** The column where the span starts (a ticket's creation). */
  readonly start: string;
  /** The column where it ends (the first reply, the resolution); null gives null. */
  readonly end: string;
  /** The intervals table ({@link calendarIntervalsTableSql}); default `"calendar_intervals"`. */
  readonly intervals?: string;
  /** The name of the new column; default `"business_minutes"`. */
  readonly as?: string;
}

/**
 * SQL that adds to every row of `table` the business minutes between two timestamp columns: the
 * working minutes worked up to the end minus those worked up to the start, each read from the last
 * interval starting at or before the instant (an ASOF join in DuckDB, a lateral join in PostgreSQL)
 * as `minutes_before + min(t, end) − start`. The same figure as `businessMinutes` for instants inside
 * the intervals table's range; 0 when the end is not after the start.
 *
 * @throws CxMetricsError `INVALID_OPTION` (with the field) for a dialect, table or intervals table it cannot use, or a
 *   `start`, `end` or `as` that is not a non-empty column name (a number or null was a TypeError).
 * @example
 * ```ts
 * const sql = businessMinutesSql({ dialect: "postgres", table: "tickets", start: "created_at", end: "first_reply_at" });
 * sql.includes("LATERAL"); //=> true
 * ```
 */
export function businessMinutesSql(options: BusinessMinutesSqlOptions): string {
  const fn = "businessMinutesSql";
  assertObject(fn, "options", options, "{ dialect, table, start, end }");
  const dialect = checkDialect(fn, options.dialect);
  const intervals = tableRef(fn, options.intervals ?? "calendar_intervals", "intervals");
  const as = ident(columnName(fn, "as", options.as ?? "business_minutes"));
  const start = columnName(fn, "start", options.start);
  const end = columnName(fn, "end", options.end);
  const pairs = `(SELECT *, ${timestampOf(dialect, start)} AS __start, ${timestampOf(dialect, end)} AS __end FROM ${tableRef(fn, options.table)}) AS pairs`;
  const minutes = businessMinutesBetween(dialect, "pairs.__start", "pairs.__end", "a", "b");
  const select =
    dialect === "duckdb"
      ? `SELECT pairs.* EXCLUDE (__start, __end), ${minutes} AS ${as}`
      : `SELECT pairs.*, ${minutes} AS ${as}`;
  return [
    select,
    `FROM ${pairs}`,
    lastIntervalJoin(dialect, intervals, "pairs.__start", "a"),
    lastIntervalJoin(dialect, intervals, "pairs.__end", "b"),
  ].join("\n");
}

/** A column's name: non-empty text (a number or null was a TypeError, "" an empty quoted name no database reads). */
function columnName(fn: string, option: string, value: unknown): string {
  if (typeof value !== "string" || value === "")
    throw new CxMetricsError(fn, "INVALID_OPTION", `${option} is ${describe(value)}, expected a column name`, {
      value,
      field: option,
    });
  return value;
}

/** The join that finds, for an instant, the last working interval starting at or before it (alias `alias`). */
export function lastIntervalJoin(dialect: SqlDialect, table: string, instant: string, alias: string): string {
  if (dialect === "duckdb") return `ASOF LEFT JOIN ${table} AS ${alias} ON ${instant} >= ${alias}.${ident("start")}`;
  return `LEFT JOIN LATERAL (SELECT * FROM ${table} AS i WHERE i.${ident("start")} <= ${instant} ORDER BY i.${ident("start")} DESC LIMIT 1) AS ${alias} ON TRUE`;
}

/**
 * Working minutes up to an instant, from the interval joined for it: minutes_before + min(t, end) − start; 0 before the
 * first.
 */
function workedUpTo(dialect: SqlDialect, instant: string, alias: string): string {
  const seconds = (expression: string): string => epochSecondsOf(dialect, expression);
  return `COALESCE(${alias}.${ident("minutes_before")} + (LEAST(${seconds(instant)}, ${seconds(`${alias}.${ident("end")}`)}) - ${seconds(`${alias}.${ident("start")}`)}) / 60, 0)`;
}

/**
 * Business minutes between two instants whose intervals are joined as `startAlias` and `endAlias`: null when either is
 * null, 0 when the end is not after the start.
 */
export function businessMinutesBetween(
  dialect: SqlDialect,
  start: string,
  end: string,
  startAlias: string,
  endAlias: string,
): string {
  return `CASE WHEN ${end} IS NULL OR ${start} IS NULL THEN NULL WHEN ${end} <= ${start} THEN 0 ELSE ${workedUpTo(dialect, end, endAlias)} - ${workedUpTo(dialect, start, startAlias)} END`;
}
