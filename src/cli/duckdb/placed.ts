// The rows DuckDB did not count, read by the JS reader from their place in the file: DuckDB names them by ordinal (the
// n-th row it read) and its CSV reader's rejects by byte offset; one pass over the file's bytes (records.ts) finds
// their lines and bytes, and the JS reader reads those records alone, as it reads them in the whole file (a record's
// fields depend on its own text only). No other record is read again.
import { Readable } from "node:stream";
import type { ReportJob } from "../report-part.js";
import { openInput, readRows, type InputRow } from "../read/input.js";
import { placeRecords } from "./records.js";

/** DuckDB and the JS reader did not see the same records (the command then reads the file with the JS reader). */
export class ReadersDisagree extends Error {}

/** A row read by the JS reader at its place: its ordinal among DuckDB's rows, or null for a record DuckDB rejected. */
export interface PlacedRow {
  readonly ordinal: number | null;
  readonly row: InputRow;
}

/** The delimiter's code when the byte pass can split records on it (one ASCII character), else null. */
export function asciiDelimiter(job: ReportJob): number | null {
  const delimiter = job.delimiter ?? (job.format === "tsv" ? "\t" : ",");
  return delimiter.length === 1 && delimiter.charCodeAt(0) < 128 ? delimiter.charCodeAt(0) : null;
}

/**
 * The JS reader's rows at these places of a CSV file, in file order, with their lines: the records DuckDB's CSV reader
 * rejected (`rejected`: byte offsets, ascending) and the rows DuckDB read at these ordinals (ascending). `read`: how
 * many rows DuckDB read; the file must hold that many records besides the rejected ones.
 */
export async function rowsAtPlaces(
  path: string,
  job: ReportJob,
  delimiter: number,
  header: readonly string[],
  rejected: readonly number[],
  ordinals: readonly number[],
  read: number,
): Promise<PlacedRow[]> {
  const places = await placeRecords(openInput(path).stream, delimiter, rejected, ordinals);
  if (places.unmatched > 0 || places.records !== read + rejected.length)
    throw new ReadersDisagree(
      `DuckDB read ${read} rows and rejected ${rejected.length} records, the JS reader found ${places.records} records`,
    );
  const rows: InputRow[] = [];
  await readRows(
    Readable.from([Buffer.concat(places.placed.map((record) => record.bytes))]),
    job.format,
    { header: () => undefined, row: (row) => void rows.push(row) },
    { header, ...(job.delimiter === undefined ? {} : { delimiter: job.delimiter }) },
  );
  if (rows.length !== places.placed.length)
    throw new ReadersDisagree(`${places.placed.length} records found, the JS reader read ${rows.length} of them`);
  // A record DuckDB rejected is one the JS reader finds broken too (else the offset named another record).
  const fine = places.placed.findIndex((place, k) => place.ordinal === null && rows[k]!.problem === null);
  if (fine !== -1)
    throw new ReadersDisagree(
      `DuckDB rejected the record on line ${places.placed[fine]!.line}, the JS reader reads it`,
    );
  return places.placed.map((place, k) => ({ ordinal: place.ordinal, row: { ...rows[k]!, line: place.line } }));
}

/**
 * Checks that a row DuckDB named by ordinal is the record found at that place: each cell DuckDB handed over as text
 * (`[column index, text]`, NULL for an empty cell) is the JS reader's. (DuckDB keeps the file's order unless a plan
 * step does not: this is where that would show.)
 */
export function checkCells(row: InputRow, texts: readonly (readonly [number, unknown])[]): void {
  for (const [index, text] of texts) {
    if (text !== null && typeof text !== "string") continue;
    if ((text ?? "") !== row.cells[index])
      throw new ReadersDisagree(`the row DuckDB read is not the record on line ${row.line}`);
  }
}
