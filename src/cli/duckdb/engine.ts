// `--engine duckdb`: DuckDB reads the file (CSV, TSV, gzip, Parquet) on all cores. Survey metrics: it counts the rows
// whose cells have a shape the JS reader reads the same way (canonical.ts) by segment, period and score; ticket metrics
// and IQS: it hands over every row, instants already read. What it cannot read, or does not count, goes through the JS
// reader's row counter, so figures, rejects, lines and reasons are the JS path's: those rows only, read at their place
// in the file (placed.ts), not the whole file again. Beside DuckDB's read, a pass over the file's bytes (bytes.ts)
// refuses what the JS reader refuses (a byte that is not UTF-8, a gzip bomb) and finds the records DuckDB leaves out
// (longer than its max_line_size): the JS reader then reads the whole file.
import { statSync } from "node:fs";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { SummaryBuilder } from "../../report/summarize.js";
import { segmentKey } from "../../sql/dialect.js";
import { summaryFromCounts } from "../../sql/counts.js";
import type { CountRow } from "../../sql/counts.js";
import { presetNamed } from "../columns.js";
import type { Reject } from "../format/index.js";
import { openInput, type RowSink } from "../read/input.js";
import { MAX_RECORD_CHARS } from "../read/limited.js";
import { notUtf8Error, utf16Error } from "../read/utf8.js";
import {
  countersSink,
  mergeParts,
  runParts,
  specOf,
  StrictStop,
  type PartResult,
  type ReportJob,
  type RowCounter,
} from "../report-part.js";
import { checkBytes, type ByteCheck } from "./bytes.js";
import { inRangeSql, instantSql } from "./canonical.js";
import type { DuckDb } from "./driver.js";
import { linesAtOffsets } from "./lines.js";
import { asciiDelimiter, checkCells, rowsAtPlaces } from "./placed.js";
import { DUCKDB_MAX_LINE_BYTES, duckSource, eachChunk, rejectedOffsets, type DuckSource } from "./source.js";
import { offsetBounds, surveySql, unlessMissing } from "./survey-sql.js";

export { ReadersDisagree } from "./placed.js";

/** What a DuckDB run counted: as a JS pass, without the end line. */
export type EngineResult = Omit<PartResult, "endLine">;

/** Who read a file's rows: DuckDB, or the JS reader (asked for, or handed the file by DuckDB). */
export type ReadBy = "duckdb" | "js";

/**
 * A run of the DuckDB engine: what it counted and who read the rows. `readBy` is "js" when DuckDB handed the whole file
 * to the JS reader (a preset with more than one header line, a device or a pipe, a line or a quoted field longer than
 * DuckDB's max_line_size, records it cannot place); it stays "duckdb" when DuckDB read the file and the JS reader only the rows DuckDB does not count.
 */
export type DuckDbRun = EngineResult & { readonly readBy: ReadBy };

/**
 * Starts the byte pass over a CSV file. It fails with the JS reader's error for a byte that is not UTF-8 (with its
 * line), a UTF-16 file or a gzip bomb, and interrupts DuckDB then, or when DuckDB's read cannot be used: true then.
 * It cannot be used when a line is longer than DuckDB's max_line_size (DuckDB rejects its record, or leaves it out
 * without a word), a quoted field is that long (DuckDB's reader loses track of the quotes after it), or a line is over
 * the limit of a record, or a quote has spaces beside it where DuckDB reads the field otherwise (bytes.ts): the JS
 * reader reads the whole file (and says what is wrong, if anything is).
 */
function startByteCheck(duck: DuckDb, path: string, delimiter: string): Promise<boolean> {
  const useless = (found: ByteCheck): boolean =>
    found.longLines.length > 0 ||
    found.longest > MAX_RECORD_CHARS ||
    found.longQuoted !== null ||
    found.spacedQuote !== null;
  const running = checkBytes(openInput(path).stream, DUCKDB_MAX_LINE_BYTES, delimiter, useless).then(
    async (found): Promise<boolean> => {
      if (found.utf16) throw utf16Error();
      if (found.badByte !== null) {
        const lines = await linesAtOffsets(openInput(path).stream, [found.badByte.offset]);
        throw notUtf8Error(lines.get(found.badByte.offset)!, found.badByte.value);
      }
      return useless(found);
    },
  );
  const interrupt = (): void => {
    try {
      duck.connection.interrupt();
    } catch {
      // DuckDB has already ended its query
    }
  };
  running.then((jsReads) => {
    if (jsReads) interrupt();
  }, interrupt);
  return running;
}

/** DuckDB's read cannot be used (the byte pass said so, or records cannot be placed): the JS reader reads the file. */
class JsReads extends Error {}

/** Runs a report job through DuckDB. */
export async function runDuckDb(duck: DuckDb, path: string, job: ReportJob): Promise<DuckDbRun> {
  return (await runDuckDbJobs(duck, path, [job]))[0]!;
}

/** A survey metric DuckDB counts itself (a weighted one goes through the library row by row). */
function countedByDuckDb(job: ReportJob): boolean {
  const metric = job.spec.metric;
  return (metric === "nps" || metric === "csat" || metric === "ces") && job.spec.weight === undefined;
}

/**
 * Runs report jobs through DuckDB (several metrics of one file): ticket metrics and IQS in one read, every row handed to
 * each job's counter; a survey metric DuckDB counts has a read of its own.
 */
export async function runDuckDbJobs(duck: DuckDb, path: string, jobs: readonly ReportJob[]): Promise<DuckDbRun[]> {
  const job = jobs[0]!;
  if (jobs.length > 1 && jobs.some(countedByDuckDb)) {
    const runs: DuckDbRun[] = [];
    for (const one of jobs) runs.push(await runDuckDb(duck, path, one));
    return runs;
  }
  // A device or a pipe (DuckDB would read it to its end, or it cannot be read twice): the JS reader streams it.
  if (job.format !== "parquet" && !statSync(path).isFile()) return readWithJs(path, jobs);
  // More than one header line (a Qualtrics export): DuckDB would read the others as rows; the JS reader skips them.
  if (job.format !== "parquet" && (presetNamed(job.preset ?? "")?.headerRows ?? 0) > 0) return readWithJs(path, jobs);
  const connection = duck.connection;
  const source = await duckSource(connection, path, job.format, job.delimiter);
  const counting = countersSink(jobs.map((one) => ({ ...one, strict: false })));
  counting.sink.header(source.header, 1);
  // From here on, nothing leaves this function before the byte pass has ended.
  const checked =
    source.format === "parquet"
      ? null
      : startByteCheck(duck, path, job.delimiter ?? (source.format === "tsv" ? "\t" : ","));
  // After DuckDB's read: may its rows be used?
  const usable = async (): Promise<void> => {
    if (checked !== null && (await checked)) throw new JsReads();
  };
  let results: EngineResult[];
  try {
    results = countedByDuckDb(job)
      ? [await countSurvey(connection, path, job, source, counting.counters[0]!, usable)]
      : await readEveryRow(connection, path, jobs, source, counting, usable);
  } catch (error) {
    // What the byte pass found comes first: it is why DuckDB was interrupted, or the JS reader's own error.
    if (checked !== null && (await checked)) return readWithJs(path, jobs);
    if (error instanceof JsReads) return readWithJs(path, jobs);
    throw error;
  }
  const runs = results.map((result) => ({
    ...result,
    rejects: [...result.rejects].sort((a, b) => a.line - b.line),
    readBy: "duckdb" as const,
  }));
  // --strict: the first bad row of the file, as the JS reader stops at it (the first job's, on the same line).
  const stops = runs
    .map((run, k) => (jobs[k]!.strict ? run.rejects[0] : undefined))
    .filter((reject) => reject !== undefined);
  if (stops.length > 0) throw new StrictStop(stops.reduce((a, b) => (b.line < a.line ? b : a)));
  return runs;
}

/** The JS reader's pass over the whole file, as with `--engine js` (and said so: `readBy` "js"). */
async function readWithJs(path: string, jobs: readonly ReportJob[]): Promise<DuckDbRun[]> {
  const results = await runParts(jobs, openInput(path).stream, {});
  return results.map(({ endLine: _, ...result }) => ({ ...result, readBy: "js" as const }));
}

/**
 * Survey metrics: DuckDB counts the canonical rows; the JS reader reads the rest, at their places (only when there is
 * a rest).
 */
async function countSurvey(
  connection: DuckDBConnection,
  path: string,
  job: ReportJob,
  source: DuckSource,
  counter: RowCounter,
  usable: () => Promise<void>,
): Promise<EngineResult> {
  const spec = specOf(job);
  const by = spec.by ?? [];
  const bounds =
    spec.every === undefined
      ? undefined
      : spec.timeZone === undefined || spec.timeZone === "UTC"
        ? { least: 0, greatest: 0 }
        : await offsetBounds(connection, spec.timeZone);
  const { judged, keys, wanted } = surveySql(source, job, spec, counter.columns(), bounds);
  const counts: CountRow[] = [];
  let others = 0;
  const take = (cells: readonly (readonly DuckDBValue[])[], rows: number): void => {
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
  };
  // CSV: the rows DuckDB does not count are named by their ordinal (the table keeps the file's order).
  const csv = source.format !== "parquet";
  const ordinals: number[] = [];
  // One cell of each as DuckDB read it (the date, else the score), to check that the place found holds it.
  const checked = wanted[wanted.length - 1]!;
  const oddCells = new Map<number, unknown>();
  if (csv) {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${JUDGED} AS SELECT ok, ${keys.map((key, k) => `CASE WHEN ok THEN ${key} END AS k${k}`).join(", ")}, CASE WHEN NOT ok THEN t${checked} END AS checked FROM (${judged})`,
    );
    try {
      await eachChunk(
        connection,
        `SELECT ${keys.map((_, k) => `k${k}`).join(", ")}, count(*) FROM ${JUDGED} WHERE ok GROUP BY ALL`,
        take,
      );
      await eachChunk(
        connection,
        `SELECT rowid + 1, checked FROM ${JUDGED} WHERE NOT ok ORDER BY rowid`,
        (cells, rows) => {
          for (let r = 0; r < rows; r++) {
            const ordinal = Number(cells[0]![r]);
            ordinals.push(ordinal);
            oddCells.set(ordinal, cells[1]![r]);
          }
        },
      );
      others = ordinals.length;
    } finally {
      await connection.run(`DROP TABLE IF EXISTS ${JUDGED}`);
    }
  } else
    await eachChunk(
      connection,
      `SELECT ${keys.map((key) => `CASE WHEN ok THEN ${key} END`).join(", ")}, count(*) FROM (${judged}) GROUP BY ALL`,
      take,
    );
  // Segments under the query's own keys (a segment named "value" cannot meet the value column); the
  // state holds segment values only, so it merges with the JS reader's under the spec's names.
  const counted = summaryFromCounts({ ...spec, by: by.map((_, k) => segmentKey(k)) }, counts);
  const countedRead = counted.state().read;
  const offsets = await rejectedOffsets(connection, source);
  await usable();
  if (others === 0 && offsets.length === 0) return { state: counted.state(), read: countedRead, rejects: [] };

  if (!csv) {
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
  // CSV: the JS reader reads the rows DuckDB did not count and the records it rejected, at their places.
  for (const { ordinal, row } of await placedRows(path, job, source, offsets, ordinals, countedRead + others)) {
    if (ordinal !== null) checkCells(row, [[checked, oddCells.get(ordinal)]]);
    counter.row(row);
  }
  return merged(counted, counter);
}

/** The temporary table of a survey's judged rows (CSV). */
const JUDGED = "cx_judged";

/** {@link rowsAtPlaces} for a CSV file whose delimiter the byte pass can split on; else the JS reader reads it all. */
async function placedRows(
  path: string,
  job: ReportJob,
  source: DuckSource,
  rejected: readonly number[],
  ordinals: readonly number[],
  read: number,
): ReturnType<typeof rowsAtPlaces> {
  const delimiter = asciiDelimiter(job);
  if (delimiter === null) throw new JsReads();
  return rowsAtPlaces(path, job, delimiter, source.header, rejected, ordinals, read);
}

function merged(counted: SummaryBuilder, counter: RowCounter): EngineResult {
  const rest = counter.result();
  const read = counted.state().read;
  // A state: the counted builder names its segments by the query's keys, not the spec's.
  return { state: counted.merge(rest.summary!).state(), read: read + rest.read, rejects: rest.rejects };
}

/**
 * Ticket metrics and IQS, one job or several over one read: DuckDB reads every row (instants of the common shape
 * already read) and each job's row counter counts it; rejected rows get their lines and cells as written from their
 * places in the file.
 */
async function readEveryRow(
  connection: DuckDBConnection,
  path: string,
  jobs: readonly ReportJob[],
  source: DuckSource,
  counting: { readonly counters: readonly RowCounter[]; readonly sink: RowSink },
  usable: () => Promise<void>,
): Promise<EngineResult[]> {
  const job = jobs[0]!;
  const { counters, sink } = counting;
  const columns = counters.flatMap((counter) => counter.columns());
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
      ? `CAST(epoch_ms(CASE WHEN ${inRangeSql(`i${index}`)} THEN i${index} END) AS DOUBLE), CASE WHEN NOT ${inRangeSql(`i${index}`)} THEN t${index} END`
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
        sink.row({
          line: parquet ? Number(cells[0]![r]) + 2 : ordinal,
          cells: row,
          problem: null,
          problemColumn: null,
        });
      }
    },
  );
  const firsts = counters.map((counter) => counter.result());
  if (parquet)
    return Promise.all(
      firsts.map(async (first, k) => {
        const cellIndex = (header: string): number => {
          const column = counters[k]!.columns().find((candidate) => candidate.header === header)!;
          return column.minutesIndex ?? column.index;
        };
        return { ...first, rejects: await parquetValues(connection, source, first.rejects, cellIndex) };
      }),
    );
  const offsets = await rejectedOffsets(connection, source);
  await usable();
  if (offsets.length === 0 && firsts.every((first) => first.rejects.length === 0)) return firsts;
  // The rejected rows at their places, for their lines and cells as written (DuckDB handed over instants as numbers),
  // and the records DuckDB could not read, which the JS reader reads.
  const byOrdinal = firsts.map((first) => {
    const rejects = new Map<number, Reject[]>();
    for (const reject of first.rejects) rejects.set(reject.line, [...(rejects.get(reject.line) ?? []), reject]);
    return rejects;
  });
  const placed: Reject[][] = jobs.map(() => []);
  const rest = countersSink(jobs.map((one) => ({ ...one, strict: false })));
  rest.sink.header(source.header, 1);
  const ordinals = [...new Set(byOrdinal.flatMap((rejects) => [...rejects.keys()]))].sort((a, b) => a - b);
  for (const { ordinal: at, row } of await placedRows(path, job, source, offsets, ordinals, ordinal)) {
    if (at === null) rest.sink.row(row);
    else
      byOrdinal.forEach((rejects, k) => {
        for (const reject of rejects.get(at) ?? [])
          placed[k]!.push({ ...counters[k]!.explainAgain(reject, row.cells), line: row.line });
      });
  }
  return firsts.map((first, k) => {
    const more = rest.counters[k]!.result();
    return {
      summary: mergeParts(jobs[k]!, first, more),
      read: first.read + more.read,
      rejects: [...placed[k]!, ...more.rejects],
    };
  });
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
