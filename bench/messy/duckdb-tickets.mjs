/**
 * The messy ticket job written by hand in DuckDB (embedded, @duckdb/node-api): first response time in business
 * minutes (median and 90th percentile, R type 7 = quantile_cont) and SLA % (first response within 240 business
 * minutes; an open ticket breached once 240 business minutes have passed at the as-of instant, else pending) per
 * channel and month of creation (Europe/Berlin), with the overall rows, in one query. Business minutes through the
 * calendar's interval table (start, end, working minutes before; built from bench/messy/calendar.json by
 * cx-metrics/sql's calendarIntervals) and two ASOF joins. Rows are left out as the command leaves them out: a short
 * record, a creation that is not an instant, a first response written but not an instant; for SLA also a resolution
 * written but not an instant. Prints the rows as JSON (channel and month null for the overall rows).
 * Run: node bench/messy/duckdb-tickets.mjs FILE [AS_OF]
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { calendarIntervals, calendarIntervalsTableSql } from "../../dist/sql/index.js";
import { businessCalendar } from "../../dist/time/index.js";

const file = process.argv[2];
const asOf = process.argv[3] ?? "2026-01-01T00:00:00Z";
const calendar = businessCalendar(JSON.parse(readFileSync(new URL("./calendar.json", import.meta.url), "utf8")));
const connection = await (await DuckDBInstance.create(":memory:")).connect();
await connection.run(
  calendarIntervalsTableSql(calendarIntervals(calendar, { from: "2024-12-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }), {
    dialect: "duckdb",
  }),
);
const sql = `
WITH raw AS (
  SELECT channel, TRY_CAST(created AS TIMESTAMPTZ) AS created, replied_text, TRY_CAST(replied_text AS TIMESTAMPTZ) AS replied,
         resolved_text IS NULL OR TRY_CAST(resolved_text AS TIMESTAMPTZ) IS NOT NULL AS resolved_ok
  FROM read_csv('${file.replace(/'/g, "''")}', header = true, ignore_errors = true,
                columns = { 'id': 'VARCHAR', 'created': 'VARCHAR', 'replied_text': 'VARCHAR', 'resolved_text': 'VARCHAR',
                            'priority': 'VARCHAR', 'channel': 'VARCHAR' })
), tickets AS (
  SELECT *, coalesce(replied, TIMESTAMPTZ '${asOf}') AS until FROM raw
  WHERE created IS NOT NULL AND (replied_text IS NULL OR replied IS NOT NULL)
), measured AS (
  SELECT t.channel, strftime(t.created AT TIME ZONE 'Europe/Berlin', '%Y-%m') AS month, t.replied IS NULL AS open,
         t.resolved_ok,
         coalesce(b.minutes_before + (least(epoch(t.until), epoch(b."end")) - epoch(b.start)) / 60, 0)
           - coalesce(a.minutes_before + (least(epoch(t.created), epoch(a."end")) - epoch(a.start)) / 60, 0) AS minutes
  FROM tickets t
  ASOF LEFT JOIN calendar_intervals a ON t.created >= a.start
  ASOF LEFT JOIN calendar_intervals b ON t.until >= b.start
)
SELECT channel, month,
       count(*) FILTER (WHERE NOT open) AS n,
       count(*) FILTER (WHERE open) AS open,
       quantile_cont(minutes, 0.5) FILTER (WHERE NOT open) AS median,
       quantile_cont(minutes, 0.9) FILTER (WHERE NOT open) AS p90,
       count(*) FILTER (WHERE resolved_ok AND NOT open AND minutes <= 240) AS met,
       count(*) FILTER (WHERE resolved_ok AND minutes > 240) AS breached,
       count(*) FILTER (WHERE resolved_ok AND open AND minutes <= 240) AS pending
FROM measured
GROUP BY GROUPING SETS ((channel, month), (channel), (month), ())
ORDER BY channel NULLS FIRST, month NULLS LAST`;
const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS().map((row) => ({
  ...row,
  n: Number(row.n),
  open: Number(row.open),
  met: Number(row.met),
  breached: Number(row.breached),
  pending: Number(row.pending),
}));
console.log(JSON.stringify(rows));
