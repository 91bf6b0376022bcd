// What DuckDB reads: a CSV / TSV file (gzip too) with every column as text and its unreadable records kept aside with
// their byte offset (store_rejects), or a Parquet file with its own types. Each header column as SQL text, the way the
// JS reader would see it.
import { resolve } from "node:path";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { ident, literal } from "../../sql/dialect.js";
import { isGzip, openInput, readRows, type InputFormat } from "../read/input.js";

/** A file as DuckDB reads it. */
export interface DuckSource {
  readonly format: InputFormat;
  /** The header names, in file order. */
  readonly header: readonly string[];
  /** The relation to select from (columns `c0`, `c1`, ... for CSV, the file's own for Parquet). */
  readonly relation: string;
  /** Column i as text (VARCHAR, NULL for an empty cell). */
  text(index: number): string;
  /** Column i as it is when it is a TIMESTAMPTZ column (Parquet); null otherwise. */
  typedInstant(index: number): string | null;
  /** The table DuckDB keeps unreadable records in (CSV), else null. */
  readonly rejectsTable: string | null;
}

/** The rejects table of the CSV scans. */
const REJECTS = "cx_rejects";

/**
 * DuckDB's longest CSV record in bytes (its `max_line_size`, set so that it does not depend on the version's default).
 * A longer record is not counted by DuckDB: it is rejected, or (longer than DuckDB's buffer, 16 times this) dropped
 * without a word, so the engine gives every record that holds a line this long to the JS reader (engine.ts).
 */
export const DUCKDB_MAX_LINE_BYTES = 2_000_000;

/**
 * A path as DuckDB must be given it to read that one file: absolute (DuckDB would read `~/x.csv` in the home folder and
 * `s3://...` from the network), with the glob characters `*`, `?` and `[` each in a bracket (`x[1].csv` would read
 * `x1.csv`; `s*.csv` every file starting with s).
 */
export function duckPath(path: string): string {
  return resolve(path).replace(/[*?[]/g, (c) => `[${c}]`);
}

/** The source for a CSV / TSV / Parquet file: the header read by the JS reader (CSV) or from the Parquet schema. */
export async function duckSource(
  connection: DuckDBConnection,
  path: string,
  format: InputFormat,
  delimiter: string | undefined,
): Promise<DuckSource> {
  if (format === "parquet") {
    const described = (
      await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal(duckPath(path))})`)
    ).getRows();
    const header = described.map((row) => String(row[0]));
    const types = described.map((row) => String(row[1]));
    const column = (index: number): string => ident(header[index]!);
    return {
      format,
      header,
      relation: `read_parquet(${literal(duckPath(path))}, file_row_number = true)`,
      text: (index) => parquetText(column(index), types[index]!),
      typedInstant: (index) => (types[index] === "TIMESTAMP WITH TIME ZONE" ? column(index) : null),
      rejectsTable: null,
    };
  }
  let header: readonly string[] = [];
  await readRows(
    openInput(path).stream,
    format,
    { header: (names) => void (header = names), row: () => undefined },
    { ...(delimiter === undefined ? {} : { delimiter }), headerOnly: true },
  );
  const separator = delimiter ?? (format === "tsv" ? "\t" : ",");
  const columns = header.map((_, index) => `'c${index}': 'VARCHAR'`).join(", ");
  const relation = [
    `read_csv(${literal(duckPath(path))}`,
    "header = true",
    "auto_detect = false",
    `delim = ${literal(separator)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columns}}`,
    `compression = ${isGzip(path) ? "'gzip'" : "'none'"}`,
    "null_padding = false",
    `max_line_size = ${DUCKDB_MAX_LINE_BYTES}`,
    "store_rejects = true",
    `rejects_table = ${literal(REJECTS)}`,
    "rejects_scan = 'cx_reject_scans')",
  ].join(", ");
  return { format, header, relation, text: (index) => `c${index}`, typedInstant: () => null, rejectsTable: REJECTS };
}

/**
 * A Parquet column as the text a CSV export would hold: instants as ISO-8601 (with Z when they have a zone), numbers
 * and the rest as DuckDB writes them.
 */
function parquetText(column: string, type: string): string {
  if (type === "VARCHAR") return column;
  if (type === "TIMESTAMP WITH TIME ZONE") return `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
  if (type.startsWith("TIMESTAMP")) return `strftime(CAST(${column} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g')`;
  if (type === "DATE") return `strftime(${column}, '%Y-%m-%d')`;
  return `CAST(${column} AS VARCHAR)`;
}

/** The byte offsets of the records DuckDB could not read (CSV), in file order. */
export async function rejectedOffsets(connection: DuckDBConnection, source: DuckSource): Promise<number[]> {
  if (source.rejectsTable === null) return [];
  const rows = (
    await connection.runAndReadAll(`SELECT DISTINCT line_byte_position FROM ${source.rejectsTable} ORDER BY 1`)
  ).getRows();
  return rows.map((row) => Number(row[0]));
}

/** Streams a query's rows, chunk by chunk: `each` gets the chunk's columns and its row count. */
export async function eachChunk(
  connection: DuckDBConnection,
  sql: string,
  each: (columns: readonly (readonly DuckDBValue[])[], rows: number) => void,
): Promise<void> {
  const result = await connection.stream(sql);
  const width = result.columnCount;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    const columns: DuckDBValue[][] = [];
    for (let index = 0; index < width; index++) columns.push(chunk.getColumnValues(index));
    each(columns, chunk.rowCount);
  }
}
