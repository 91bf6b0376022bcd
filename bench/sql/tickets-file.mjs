/**
 * Writes the benchmark's tickets as CSV with DuckDB: `rows` tickets with an id, one of three
 * channels, a creation time over 2025 and, for nine in ten, a first reply within a day, all from a
 * hash of the row number (deterministic), instants as ISO-8601 with Z.
 * Run: node bench/sql/tickets-file.mjs ROWS PATH
 */
import { DuckDBInstance } from "@duckdb/node-api";

const [rows, path] = [Number(process.argv[2]), process.argv[3]];
const connection = await (await DuckDBInstance.create(":memory:")).connect();
await connection.run("SET TimeZone = 'UTC'");
await connection.run(`COPY (SELECT i AS id, (['email', 'chat', 'phone'])[1 + i % 3] AS channel,
  strftime(TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(CAST(hash(i) % 31536000 AS BIGINT)), '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  CASE WHEN i % 10 = 0 THEN NULL ELSE strftime(TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(CAST(hash(i) % 31536000 + hash(i * 3) % 86400 AS BIGINT)), '%Y-%m-%dT%H:%M:%SZ') END AS "firstResponseAt"
  FROM range(${rows}) t(i)) TO '${path.replace(/'/g, "''")}' (HEADER)`);
