// `--engine duckdb`: DuckDB reads the file (CSV, TSV, gzip, Parquet) on all cores. Survey metrics: it counts the rows
// whose cells have a shape the JS reader reads the same way (canonical.ts) by segment, period and score; ticket metrics
// and IQS: it hands over every row, instants already read. What it cannot read, or does not count, goes through the JS
// reader's row counter, so figures, rejects, lines and reasons are the JS path's. Beside DuckDB's read, a pass over the
// file's bytes (bytes.ts) refuses what the JS reader refuses (a byte that is not UTF-8, a gzip bomb) and finds the
// records DuckDB leaves out (longer than its max_line_size), which the JS reader then reads.
import { statSync } from "node:fs";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { SummaryBuilder } from "../../report/summarize.js";
import { literal, localOf, periodKeyOf, segmentKey } from "../../sql/dialect.js";
import { summaryFromCounts } from "../../sql/counts.js";
import type { CountRow } from "../../sql/counts.js";
import { presetNamed, type ResolvedField } from "../columns.js";
import { dateReader } from "../dates.js";
import type { Reject } from "../format/index.js";
import { openInput, readRows, type InputRow } from "../read/input.js";
import { MAX_RECORD_CHARS } from "../read/limited.js";
import { notUtf8Error, utf16Error } from "../read/utf8.js";
import {
  createRowCounter,
  mergeParts,
  runPart,
  specOf,
  StrictStop,
  type PartResult,
  type ReportJob,
  type RowCounter,
} from "../report-part.js";
import { checkBytes, type ByteCheck } from "./bytes.js";
import {
  countableSql,
  countableValues,
  inRangeSql,
  instantOk,
  instantSql,
  localTimeSql,
  localZone,
} from "./canonical.js";
import type { DuckDb } from "./driver.js";
import { linesAtOffsets } from "./lines.js";
import { patternSql } from "./patterned.js";
import { DUCKDB_MAX_LINE_BYTES, duckSource, eachChunk, rejectedOffsets, type DuckSource } from "./source.js";

/** DuckDB and the JS reader did not see the same records (the command then reads the file with the JS reader). */
export class ReadersDisagree extends Error {}

/** What a DuckDB run counted: as a JS pass, without the end line. */
export type EngineResult = Omit<PartResult, "endLine">;

/** What the byte pass says: the lines longer than DuckDB's max_line_size, or that DuckDB's read cannot be used. */
interface LongLines {
  /** The lines (1-based, ascending) longer than DUCKDB_MAX_LINE_BYTES: DuckDB did not count their records. */
  readonly lines: readonly number[];
  /**
   * A quoted field longer than DuckDB's max_line_size (DuckDB's reader loses track of the quotes after it), or a line
   * over the limit of a record: the JS reader reads the whole file (and says what is wrong, if anything is).
   */
  readonly jsReads: boolean;
}

/**
 * Starts the byte pass over a CSV file. It fails with the JS reader's error for a byte that is not UTF-8 (with its
 * line), a UTF-16 file or a gzip bomb, and interrupts DuckDB then, or when DuckDB's read cannot be used.
 */
function startByteCheck(duck: DuckDb, path: string, delimiter: string): Promise<LongLines> {
  const useless = (found: ByteCheck): boolean => found.longest > MAX_RECORD_CHARS || found.longQuoted !== null;
  const running = checkBytes(openInput(path).stream, DUCKDB_MAX_LINE_BYTES, delimiter, useless).then(
    async (found): Promise<LongLines> => {
      if (found.utf16) throw utf16Error();
      if (found.badByte !== null) {
        const lines = await linesAtOffsets(openInput(path).stream, [found.badByte.offset]);
        throw notUtf8Error(lines.get(found.badByte.offset)!, found.badByte.value);
      }
      if (useless(found)) return { lines: [], jsReads: true };
      return { lines: [...(await linesAtOffsets(openInput(path).stream, found.longLines)).values()], jsReads: false };
    },
  );
  const interrupt = (): void => {
    try {
      duck.connection.interrupt();
    } catch {
      // DuckDB has already ended its query
    }
  };
  running.then((found) => {
    if (found.jsReads) interrupt();
  }, interrupt);
  return running;
}

/** DuckDB's read cannot be used (the byte pass interrupted it): the JS reader reads the file. */
class JsReads extends Error {}

/** Runs a report job through DuckDB. */
export async function runDuckDb(duck: DuckDb, path: string, job: ReportJob): Promise<EngineResult> {
  // A device or a pipe (DuckDB would read it to its end, or it cannot be read twice): the JS reader streams it.
  if (job.format !== "parquet" && !statSync(path).isFile()) return readWithJs(path, job);
  // More than one header line (a Qualtrics export): DuckDB would read the others as rows; the JS reader skips them.
  if (job.format !== "parquet" && (presetNamed(job.preset ?? "")?.headerRows ?? 0) > 0) return readWithJs(path, job);
  const connection = duck.connection;
  const source = await duckSource(connection, path, job.format, job.delimiter);
  const counter = createRowCounter({ ...job, strict: false });
  counter.header(source.header, 1);
  // From here on, nothing leaves this function before the byte pass has ended.
  const checked =
    source.format === "parquet"
      ? null
      : startByteCheck(duck, path, job.delimiter ?? (source.format === "tsv" ? "\t" : ","));
  const longLines = async (): Promise<readonly number[]> => {
    if (checked === null) return [];
    const found = await checked;
    if (found.jsReads) throw new JsReads();
    return found.lines;
  };
  const metric = job.spec.metric;
  let result: EngineResult;
  try {
    result =
      (metric === "nps" || metric === "csat" || metric === "ces") && job.spec.weight === undefined
        ? await countSurvey(connection, path, job, source, counter, longLines)
        : await readEveryRow(connection, path, job, source, counter, longLines);
  } catch (error) {
    // What the byte pass found comes first: it is why DuckDB was interrupted, or the JS reader's own error.
    if (checked !== null && (await checked).jsReads) return readWithJs(path, job);
    throw error;
  }
  const rejects = [...result.rejects].sort((a, b) => a.line - b.line);
  if (job.strict && rejects.length > 0) throw new StrictStop(rejects[0]!);
  return { ...result, rejects };
}

/** The JS reader's pass over the whole file, as with `--engine js`. */
async function readWithJs(path: string, job: ReportJob): Promise<EngineResult> {
  const { endLine: _, ...result } = await runPart(job, openInput(path).stream, {});
  return result;
}

/**
 * Survey metrics: DuckDB counts the canonical rows; the JS reader reads the rest (a second pass, only when there is a
 * rest).
 */
async function countSurvey(
  connection: DuckDBConnection,
  path: string,
  job: ReportJob,
  source: DuckSource,
  counter: RowCounter,
  longLines: () => Promise<readonly number[]>,
): Promise<EngineResult> {
  const spec = specOf(job);
  const columns = counter.columns();
  const by = spec.by ?? [];
  const segments = by.map((name) => columns.find((column) => column.field === name)!);
  const value = columns.find((column) => column.field === (spec.metric === "nps" ? "score" : "rating"))!;
  const date = spec.every === undefined ? undefined : columns.find((column) => column.field === "respondedAt");
  const countable = countableValues(spec);
  const text = (column: ResolvedField): string => source.text(column.index);
  const typed = date === undefined ? null : source.typedInstant(date.index);
  // Dates written in a --date-format: DuckDB reads those of a pattern it can (patterned.ts), the JS reader the rest
  // (without a translation, every row with a date goes to its pass).
  const patterned =
    date !== undefined && typed === null && job.dates?.format !== undefined && date.reading !== "unix-seconds";
  const reader = patterned ? dateReader(job.dates ?? {}, spec.timeZone) : undefined;
  const patternZone = patterned ? localZone(date.reading, spec.timeZone) : undefined;
  const translated =
    reader?.pattern === undefined || patternZone === undefined ? undefined : patternSql(reader.pattern, reader);
  const zone =
    date === undefined
      ? undefined
      : patterned
        ? translated === undefined
          ? undefined
          : patternZone
        : localZone(date.reading, spec.timeZone);
  const instant =
    date === undefined
      ? "NULL"
      : patterned
        ? translated === undefined || zone === undefined
          ? "CAST(NULL AS TIMESTAMPTZ)"
          : unlessMissing(text(date), `(${translated.wall(text(date))} AT TIME ZONE ${literal(zone)})`, job)
        : (typed ?? unlessMissing(text(date), instantSql(text(date), date.reading, zone), job));
  const wanted = [
    ...new Set([...segments, value, ...(date === undefined ? [] : [date])].map((column) => column.index)),
  ];
  // Three steps, each expression once: the instant and the cells; whether the row is one DuckDB counts; its local time
  // in the zone.
  // Segments are grouped as written; summaryFromCounts names blank ones "(blank)", as summarize does.
  const wall =
    date === undefined || zone === undefined || typed !== null
      ? "NULL"
      : translated !== undefined
        ? translated.wall(text(date))
        : localTimeSql(text(date));
  const cells = `SELECT ${[`${instant} AS instant`, `${wall} AS wall`, ...wanted.map((index) => `${source.text(index)} AS t${index}`), ...(source.format === "parquet" ? ["file_row_number"] : [])].join(", ")} FROM ${source.relation}`;
  const periodZone = spec.timeZone ?? "UTC";
  const local = `SELECT *, ${date === undefined ? "NULL" : localOf("instant", periodZone)} AS local FROM (${cells})`;
  // A local time in a gap of its zone reads back as another local time: the JS reader reads it.
  const notInGap =
    zone === undefined || zone === "UTC"
      ? "true"
      : `(wall IS NULL OR ${zone === periodZone ? "local" : localOf("instant", zone)} = wall)`;
  const ok = [
    countableSql(`t${value.index}`, countable),
    ...(date === undefined ? [] : [inRangeSql("instant"), notInGap]),
  ].join(" AND ");
  const period = spec.every === undefined || date === undefined ? "NULL" : periodKeyOf("duckdb", "local", spec.every);
  const judged = `SELECT *, ${ok} AS ok FROM (${local})`;
  const counts: CountRow[] = [];
  let others = 0;
  await eachChunk(
    connection,
    `SELECT ${[...segments.map((column) => `CASE WHEN ok THEN t${column.index} END`), `CASE WHEN ok THEN ${period} END`, `CASE WHEN ok THEN t${value.index} END`, "count(*)"].join(", ")} FROM (${judged}) GROUP BY ALL`,
    (cells, rows) => {
      for (let r = 0; r < rows; r++) {
        const n = Number(cells[by.length + 2]![r]);
        const found = cells[by.length + 1]![r] as string | null;
        if (found === null) {
          others += n;
          continue;
        }
        const row: Record<string, unknown> = { period: cells[by.length]![r] ?? null, value: found, n };
        for (let k = 0; k < by.length; k++) row[segmentKey(k)] = cells[k]![r];
        counts.push(row as unknown as CountRow);
      }
    },
  );
  // Segments under the query's own keys (a segment named "value" cannot meet the value column); the
  // state holds segment values only, so it merges with the JS reader's under the spec's names.
  const counted = summaryFromCounts({ ...spec, by: by.map((_, k) => segmentKey(k)) }, counts);
  const countedRead = counted.state().read;
  const offsets = await rejectedOffsets(connection, source);
  const long = await longLines();
  if (others === 0 && offsets.length === 0 && long.length === 0)
    return { state: counted.state(), read: countedRead, rejects: [] };

  if (source.format === "parquet") {
    await eachChunk(
      connection,
      `SELECT file_row_number, ${wanted.map((index) => `t${index}`).join(", ")} FROM (${judged}) WHERE NOT ok ORDER BY file_row_number`,
      (cells, rows) => {
        for (let r = 0; r < rows; r++) {
          const row: unknown[] = [];
          wanted.forEach((index, k) => {
            row[index] = cells[k + 1]![r] ?? "";
          });
          counter.row({ line: Number(cells[0]![r]) + 2, cells: row, problem: null, problemColumn: null });
        }
      },
    );
    return merged(counted, counter);
  }
  // CSV: the JS reader over the file; it reads the records DuckDB could not, and every row with a cell DuckDB did not
  // count.
  const canonical = (cells: readonly unknown[]): boolean =>
    countable.has(cells[value.index] as string) &&
    (date === undefined ||
      (patterned
        ? translated !== undefined && zone !== undefined && translated.ok(cells[date.index], zone)
        : instantOk(cells[date.index], date.reading, zone) &&
          !missingDates.has((cells[date.index] as string).toLowerCase())));
  const missingDates = new Set((job.dates?.missing ?? []).map((text) => text.trim().toLowerCase()));
  let skipped = 0;
  await jsPass(path, job, offsets, long, counter, (row) => {
    if (canonical(row.cells)) skipped++;
    else counter.row(row);
  });
  if (skipped !== countedRead)
    throw new ReadersDisagree(`DuckDB counted ${countedRead} rows, the JS reader found ${skipped} of their shape`);
  return merged(counted, counter);
}

/**
 * SQL: an instant expression, NULL where the cell is a --missing-date text (the JS reader reads it as no date). A cell
 * DuckDB reads as an instant has no spaces, so its lower case is what the JS reader compares.
 */
function unlessMissing(text: string, instant: string, job: ReportJob): string {
  const missing = [...new Set((job.dates?.missing ?? []).map((marker) => marker.trim().toLowerCase()))];
  return missing.length === 0
    ? instant
    : `(CASE WHEN lower(${text}) IN (${missing.map(literal).join(", ")}) THEN NULL ELSE ${instant} END)`;
}

function merged(counted: SummaryBuilder, counter: RowCounter): EngineResult {
  const rest = counter.result();
  const read = counted.state().read;
  // A state: the counted builder names its segments by the query's keys, not the spec's.
  return { state: counted.merge(rest.summary!).state(), read: read + rest.read, rejects: rest.rejects };
}

/**
 * Ticket metrics and IQS: DuckDB reads every row (instants of the common shape already read) and the JS row counter
 * counts it; rejects get their lines from a second pass when there are any.
 */
async function readEveryRow(
  connection: DuckDBConnection,
  path: string,
  job: ReportJob,
  source: DuckSource,
  counter: RowCounter,
  longLines: () => Promise<readonly number[]>,
): Promise<EngineResult> {
  const columns = counter.columns();
  const wanted = [
    ...new Set(
      columns
        .flatMap((column) => [column.index, ...(column.minutesIndex === undefined ? [] : [column.minutesIndex])])
        .filter((index) => index >= 0),
    ),
  ];
  // A column read as an instant by DuckDB where it can: one that only date fields read, and not as Unix seconds (the
  // record builder multiplies those).
  // Text written in a --date-format: the JS reader reads it (DuckDB would read an ISO cell that the pattern rejects).
  const patterned = job.dates?.format !== undefined;
  const dates = new Set(
    wanted.filter((index) => {
      const readers = columns.filter((column) => column.index === index);
      return (
        readers.length > 0 &&
        readers.every((column) => column.kind === "date" && column.reading !== "unix-seconds") &&
        (!patterned || source.typedInstant(index) !== null)
      );
    }),
  );
  // The instants first (each expression once), then each wanted cell: an instant as epoch ms, or its text when DuckDB
  // does not read it.
  const instants = [...dates].map(
    (index) =>
      `${source.typedInstant(index) ?? unlessMissing(source.text(index), instantSql(source.text(index), "iso"), job)} AS i${index}`,
  );
  const selected = wanted.map((index) =>
    dates.has(index)
      ? `epoch_ms(CASE WHEN ${inRangeSql(`i${index}`)} THEN i${index} END), CASE WHEN NOT ${inRangeSql(`i${index}`)} THEN t${index} END`
      : `t${index}`,
  );
  const cells = `SELECT ${[...instants, ...wanted.map((index) => `${source.text(index)} AS t${index}`), ...(source.format === "parquet" ? ["file_row_number"] : [])].join(", ")} FROM ${source.relation}`;
  const parquet = source.format === "parquet";
  let ordinal = 0;
  await eachChunk(
    connection,
    `SELECT ${parquet ? "file_row_number, " : ""}${selected.join(", ")} FROM (${cells})`,
    (cells, rows) => {
      for (let r = 0; r < rows; r++) {
        ordinal++;
        const row: unknown[] = [];
        let at = parquet ? 1 : 0;
        for (const index of wanted) {
          if (dates.has(index)) {
            const ms = cells[at]![r] as DuckDBValue;
            row[index] = ms === null ? (cells[at + 1]![r] ?? "") : Number(ms);
            at += 2;
          } else row[index] = cells[at++]![r] ?? "";
        }
        // Parquet: the row's line as in a CSV export with a header; CSV: the ordinal, given its line below.
        counter.row({
          line: parquet ? Number(cells[0]![r]) + 2 : ordinal,
          cells: row,
          problem: null,
          problemColumn: null,
        });
      }
    },
  );
  const first = counter.result();
  const cellIndex = (header: string): number => {
    const column = columns.find((candidate) => candidate.header === header)!;
    return column.minutesIndex ?? column.index;
  };
  if (parquet) return { ...first, rejects: await parquetValues(connection, source, first.rejects, cellIndex) };
  const offsets = await rejectedOffsets(connection, source);
  const long = await longLines();
  if (first.rejects.length === 0 && offsets.length === 0 && long.length === 0) return first;
  // The lines of the rejected ordinals, and the records DuckDB could not read, from the JS reader.
  const byOrdinal = new Map<number, Reject[]>();
  for (const reject of first.rejects) byOrdinal.set(reject.line, [...(byOrdinal.get(reject.line) ?? []), reject]);
  const placed: Reject[] = [];
  const rest = createRowCounter({ ...job, strict: false });
  let seen = 0;
  await jsPass(path, job, offsets, long, rest, (row) => {
    seen++;
    // The line, and the cell as written (DuckDB handed over an instant as a number).
    for (const reject of byOrdinal.get(seen) ?? [])
      placed.push({ ...counter.explainAgain(reject, row.cells), line: row.line });
  });
  if (seen !== ordinal) throw new ReadersDisagree(`DuckDB read ${ordinal} rows, the JS reader ${seen} of them`);
  const more = rest.result();
  return {
    summary: mergeParts(job, first, more),
    read: first.read + more.read,
    rejects: [...placed, ...more.rejects],
  };
}

/**
 * The JS reader's pass over a CSV file: the records DuckDB could not read (at the byte offsets it
 * gave), those that hold a line longer than DuckDB's max_line_size (`longLines`: DuckDB rejected them, or dropped them
 * without a word) and those the JS reader finds broken go to `counter`, as with `--engine js`; every other row,
 * one DuckDB read too, goes to `read`.
 */
async function jsPass(
  path: string,
  job: ReportJob,
  offsets: readonly number[],
  longLines: readonly number[],
  counter: RowCounter,
  read: (row: InputRow) => void,
): Promise<void> {
  const duckRejected = new Set((await linesAtOffsets(openInput(path).stream, offsets)).values());
  // A row is known to span the lines up to the next row's first line: it is held until then.
  let held: InputRow | null = null;
  let nextLong = 0;
  const place = (row: InputRow, endLine: number): void => {
    while (nextLong < longLines.length && longLines[nextLong]! < row.line) nextLong++;
    const holdsLongLine = nextLong < longLines.length && longLines[nextLong]! < endLine;
    if (row.problem !== null || duckRejected.has(row.line) || holdsLongLine) counter.row(row);
    else read(row);
  };
  await readRows(
    openInput(path).stream,
    job.format,
    {
      header: (names, line) => counter.header(names, line),
      row(row: InputRow) {
        if (held !== null) place(held, row.line);
        held = row;
      },
    },
    job.delimiter === undefined ? {} : { delimiter: job.delimiter },
  );
  if (held !== null) place(held, Number.POSITIVE_INFINITY);
}

/**
 * Parquet rejects with the cell as text (DuckDB handed over instants as numbers): read again for the rejected rows
 * only.
 */
async function parquetValues(
  connection: DuckDBConnection,
  source: DuckSource,
  rejects: readonly Reject[],
  cellIndex: (header: string) => number,
): Promise<Reject[]> {
  const numeric = rejects.filter((reject) => typeof reject.value === "number" && reject.column !== null);
  if (numeric.length === 0) return [...rejects];
  const indexes = [...new Set(numeric.map((reject) => cellIndex(reject.column!)))];
  const texts = new Map<string, unknown>();
  await eachChunk(
    connection,
    `SELECT file_row_number, ${indexes.map((index) => source.text(index)).join(", ")} FROM ${source.relation} WHERE file_row_number IN (${[...new Set(numeric.map((reject) => reject.line - 2))].join(", ")})`,
    (cells, rows) => {
      for (let r = 0; r < rows; r++)
        indexes.forEach((index, k) => {
          texts.set(`${Number(cells[0]![r])}:${index}`, cells[k + 1]![r]);
        });
    },
  );
  return rejects.map((reject) =>
    typeof reject.value === "number" && reject.column !== null
      ? { ...reject, value: texts.get(`${reject.line - 2}:${cellIndex(reject.column)}`) ?? null }
      : reject,
  );
}
