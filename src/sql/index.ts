/**
 * The metrics where the data is: SQL (DuckDB, PostgreSQL) that computes the sufficient statistics
 * by segment and period (`countsSql` for NPS, CSAT and CES, `durationsSql`, `slaSql`), the tidy rows
 * of `summarize` from what it returns (`rowsFromCounts`, `rowsFromDurations`, `rowsFromSla`), and
 * business hours in SQL: a calendar's working intervals as a table
 * (`calendarIntervals`, `calendarIntervalsTableSql`) and business minutes by joining against it
 * (`businessMinutesSql`). No database driver is imported: run the SQL with yours.
 *
 * The warehouse workflow and what each dialect is tested on: [sql.md](../../docs/sql.md).
 *
 * @module sql
 */
export { countsSql, rowsFromCounts, summaryFromCounts } from "./counts.js";
export type { CountMetric, CountRow, CountsSqlOptions } from "./counts.js";
export { businessMinutesSql, calendarIntervals, calendarIntervalsTableSql } from "./business-time.js";
export type { BusinessMinutesSqlOptions, CalendarIntervalRow, CalendarIntervalsTableOptions } from "./business-time.js";
export { durationsSql, rowsFromDurations, SQL_PERCENTILE_METHODS } from "./durations.js";
export type { DurationFields, DurationsSqlOptions, SqlCell } from "./durations.js";
export { rowsFromSla, slaSql } from "./sla.js";
export type { SlaFields, SlaSqlOptions } from "./sla.js";
export type { SqlDialect } from "./dialect.js";
export { nextReplyTimesSql, rowsFromTicketMetricsSql, ticketMetricsSql } from "./ticket-metrics.js";
export type {
  TicketEventFields,
  TicketMetricsFromSql,
  TicketMetricsSqlOptions,
  TicketMetricsSqlResult,
} from "./ticket-metrics.js";
