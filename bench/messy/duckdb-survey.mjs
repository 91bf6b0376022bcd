/**
 * The messy survey job written by hand in DuckDB (embedded, @duckdb/node-api), as a user would: the file read with
 * declared column types and `ignore_errors` (a record that is short or whose answer does not cast is left out; a date
 * that does not cast, such as 30 February or "n/a", is read as NULL), rows without a date or with an answer outside
 * 0-10 filtered, NPS counts per channel and month (months cut in Europe/Berlin) with the
 * overall rows, intervals finished in JS (npsConfidenceInterval). Prints the counts as JSON, one object per row
 * (channel and month null for the overall rows), sorted.
 * Run: node bench/messy/duckdb-survey.mjs FILE
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { npsConfidenceInterval } from "../../dist/nps/index.js";

const file = process.argv[2];
const connection = await (await DuckDBInstance.create(":memory:")).connect();
const sql = `
SELECT channel,
       strftime(submitted AT TIME ZONE 'Europe/Berlin', '%Y-%m') AS month,
       count(*) FILTER (WHERE score >= 9) AS promoters,
       count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
       count(*) FILTER (WHERE score <= 6) AS detractors
FROM read_csv('${file.replace(/'/g, "''")}', header = true, ignore_errors = true,
              columns = { 'id': 'VARCHAR', 'submitted': 'TIMESTAMPTZ', 'channel': 'VARCHAR', 'score': 'INTEGER',
                          'rating': 'VARCHAR', 'comment': 'VARCHAR' })
WHERE score BETWEEN 0 AND 10 AND submitted IS NOT NULL
GROUP BY GROUPING SETS ((channel, month), (channel), (month), ())
ORDER BY channel NULLS FIRST, month NULLS LAST`;
const rows = [];
for (const [channel, month, promoters, passives, detractors] of (await connection.runAndReadAll(sql)).getRows()) {
  const counts = { promoters: Number(promoters), passives: Number(passives), detractors: Number(detractors) };
  npsConfidenceInterval(counts);
  rows.push({ channel, month, ...counts });
}
console.log(JSON.stringify(rows));
