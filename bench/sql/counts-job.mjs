/**
 * One benchmark job in DuckDB (embedded): NPS by channel and month (Europe/Berlin) over a file
 * (CSV or Parquet), either with cx-metrics/sql's generated query + rowsFromCounts, or with a query
 * written by hand (promoter / passive / detractor counts per group with GROUPING SETS) + the
 * library's interval. Prints the number of report rows. Plain JS on the built package (dist/).
 * Run: node bench/sql/counts-job.mjs FILE generated|hand
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { npsConfidenceInterval } from "../../dist/nps/index.js";
import { countsSql, rowsFromCounts } from "../../dist/sql/index.js";

const [file, mode] = process.argv.slice(2);
const connection = await (await DuckDBInstance.create(":memory:")).connect();
const source = file.endsWith(".parquet")
  ? `read_parquet('${file}')`
  : `read_csv('${file}', header = true, columns = { 'id': 'BIGINT', 'respondedAt': 'TIMESTAMPTZ', 'channel': 'VARCHAR', 'score': 'INTEGER', 'comment': 'VARCHAR' })`;
const spec = { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin" };
let rows;
if (mode === "generated") {
  // A view over the file: the table option takes table and view names only.
  await connection.run(`CREATE VIEW survey AS SELECT * FROM ${source}`);
  const result = await connection.runAndReadAll(countsSql(spec, { dialect: "duckdb", table: "survey" }));
  rows = rowsFromCounts(spec, result.getRowObjectsJS()).rows.length;
} else {
  const result = await connection.runAndReadAll(`
    SELECT channel, strftime(date_trunc('month', respondedAt AT TIME ZONE 'Europe/Berlin'), '%Y-%m') AS month,
           count(*) FILTER (WHERE score >= 9) AS p, count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS a, count(*) FILTER (WHERE score <= 6) AS d
    FROM ${source} GROUP BY GROUPING SETS ((channel, month), (channel), (month), ())`);
  rows = 0;
  for (const [, , p, a, d] of result.getRows()) {
    npsConfidenceInterval({ promoters: Number(p), passives: Number(a), detractors: Number(d) });
    rows++;
  }
}
console.log(rows);
