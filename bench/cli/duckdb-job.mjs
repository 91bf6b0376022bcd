/**
 * The benchmark's job in DuckDB (embedded, @duckdb/node-api): NPS counts per channel and month
 * (months cut in Europe/Berlin), with the overall rows, by SQL over the CSV file; the intervals are
 * finished in JS with the library's npsConfidenceInterval. Prints the number of rows it made.
 * Plain JS on the built package (dist/), so that no TypeScript loader is timed.
 * Run: node bench/cli/duckdb-job.mjs FILE
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { npsConfidenceInterval } from "../../dist/nps/index.js";

const file = process.argv[2];
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const sql = `
SELECT channel,
       strftime(date_trunc('month', respondedAt AT TIME ZONE 'Europe/Berlin'), '%Y-%m') AS month,
       count(*) FILTER (WHERE score >= 9) AS promoters,
       count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
       count(*) FILTER (WHERE score <= 6) AS detractors
FROM read_csv('${file.replace(/'/g, "''")}', header = true,
              columns = { 'id': 'BIGINT', 'respondedAt': 'TIMESTAMPTZ', 'channel': 'VARCHAR', 'score': 'INTEGER', 'comment': 'VARCHAR' })
GROUP BY GROUPING SETS ((channel, month), (channel), (month), ())`;
const result = await connection.runAndReadAll(sql);
let rows = 0;
for (const [, , promoters, passives, detractors] of result.getRows()) {
  const counts = { promoters: Number(promoters), passives: Number(passives), detractors: Number(detractors) };
  npsConfidenceInterval(counts);
  rows++;
}
console.log(rows);
