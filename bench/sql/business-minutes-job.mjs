/**
 * Business minutes for 1M (created, first reply) pairs over 2025 (Europe/Berlin, Mon-Fri 09-17, the
 * 9 German holidays): in DuckDB through the calendar's interval table (ASOF joins, cx-metrics/sql),
 * or in JS with businessMinutes over the same pairs. Prints the sum of the minutes (the two agree)
 * and the seconds the computation took (for DuckDB the query, not the loading of the pairs).
 * Run: node bench/sql/business-minutes-job.mjs duckdb|js
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { businessCalendar, businessMinutes } from "../../dist/time/index.js";
import { businessMinutesSql, calendarIntervals, calendarIntervalsTableSql } from "../../dist/sql/index.js";

const mode = process.argv[2];
const week = Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [["09:00", "17:00"]]]));
const holidays = [
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-01",
  "2025-05-29",
  "2025-06-09",
  "2025-10-03",
  "2025-12-25",
  "2025-12-26",
];
const calendar = businessCalendar({ timeZone: "Europe/Berlin", week, holidays });
// The same pairs as bench/time.bench.ts: creation uniform over 2025, reply after an exponential delay (mean 8 hours).
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const n = 1_000_000;
const start = new Float64Array(n);
const end = new Float64Array(n);
for (let i = 0; i < n; i++) {
  start[i] = Date.UTC(2025, 0, 1) + Math.floor(random() * 364 * 86_400_000);
  end[i] = start[i] + Math.floor(-Math.log(1 - random()) * 8 * 3_600_000);
}
let began = performance.now();
let sum = 0;
if (mode === "js") {
  for (let i = 0; i < n; i++) sum += businessMinutes(calendar, start[i], end[i]);
} else {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(
    calendarIntervalsTableSql(
      calendarIntervals(calendar, { from: "2025-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }),
      { dialect: "duckdb" },
    ),
  );
  // The pairs go in as epoch milliseconds (an appender would be faster still; this is the plain way).
  await connection.run("CREATE TABLE pairs (created TIMESTAMPTZ, replied TIMESTAMPTZ)");
  const appender = await connection.createAppender("pairs");
  for (let i = 0; i < n; i++) {
    appender.appendVarchar(new Date(start[i]).toISOString());
    appender.appendVarchar(new Date(end[i]).toISOString());
    appender.endRow();
  }
  appender.closeSync();
  // Timed from here: the query, not the loading of the pairs (in a warehouse they are there).
  began = performance.now();
  const result = await connection.runAndReadAll(
    `SELECT sum(business_minutes) AS total FROM (${businessMinutesSql({ dialect: "duckdb", table: "pairs", start: "created", end: "replied" })})`,
  );
  sum = Number(result.getRowObjectsJS()[0].total);
}
console.log(`${sum.toFixed(3)} ${((performance.now() - began) / 1000).toFixed(3)}`);
