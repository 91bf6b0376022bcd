/**
 * Writes the benchmark's survey as Parquet with DuckDB: `rows` responses with an id, a time over
 * 2024-2025, one of five channels and a score 0-10, all from a hash of the row number (deterministic).
 * Run: node bench/sql/parquet-file.mjs ROWS PATH
 */
import { DuckDBInstance } from "@duckdb/node-api";

const [rows, path] = [Number(process.argv[2]), process.argv[3]];
const connection = await (await DuckDBInstance.create(":memory:")).connect();
await connection.run(`COPY (SELECT i AS id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(CAST(hash(i) % 63072000 AS BIGINT)) AS "respondedAt",
  (['email', 'chat', 'phone', 'web', 'social'])[CAST(hash(i * 7) % 5 AS INTEGER) + 1] AS channel, CAST(hash(i * 13) % 11 AS INTEGER) AS score
  FROM range(${rows}) t(i)) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
