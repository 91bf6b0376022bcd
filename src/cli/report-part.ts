// One pass of `cx-metrics report` over a file or a part of it: rows → records → createSummary, each bad row kept with
// its line, column, value and reason. Run in the main thread, or in a worker for the second half of a large file.
import type { ExcludedRow } from "../errors/batch.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { createSummary, type SummaryBuilder, type SummaryState } from "../report/summarize.js";
import type { SummarizeSpec } from "../report/spec.js";
import { businessCalendar, type BusinessCalendarOptions } from "../time/calendar.js";
import { UsageError } from "./args.js";
import {
  ColumnError,
  isExtraHeaderRow,
  PRESETS,
  resolveColumns,
  type FieldSpec,
  type ResolvedField,
} from "./columns.js";
import { dateReader, type DateOptions } from "./dates.js";
import type { Reject } from "./format/index.js";
import {
  readRows,
  type ByteSource,
  type InputFormat,
  type InputRow,
  type PartOptions,
  type RowSink,
} from "./read/input.js";
import { explainReject, type ReasonContext } from "./reasons.js";
import { recordBuilder, type RecordBuilder } from "./records.js";
import { surveyTally, type SurveyTally } from "./survey-tally.js";
import { detachedText } from "./read/detached.js";

/** Everything a pass needs, as plain data (it is sent to a worker thread as it is). */
export interface ReportJob {
  /** The spec without its calendar (a calendar holds an index; its options travel instead). */
  readonly spec: Omit<SummarizeSpec, "calendar">;
  readonly calendar?: BusinessCalendarOptions | undefined;
  readonly format: InputFormat;
  readonly delimiter?: string | undefined;
  readonly fields: readonly FieldSpec[];
  readonly mapping: readonly (readonly [string, string])[];
  readonly preset?: string | undefined;
  /** How the file writes dates: --date-format and --missing-date. */
  readonly dates?: DateOptions | undefined;
  /** Stop at the first bad row. */
  readonly strict: boolean;
}

/** What a pass counted: its builder when it lives in this thread, else (posted by a worker) its state. */
export interface PartResult {
  /** The counts as a state: what a worker posts (absent where `summary` is there). */
  readonly state?: SummaryState;
  /**
   * The builder, when it lives in this thread: the report reads its result without copying the counts (every duration
   * of a ticket report) into a state and back.
   */
  readonly summary?: SummaryBuilder;
  readonly read: number;
  /** Bad rows, lines as read (relative to the part's start for a part without its own header). */
  readonly rejects: Reject[];
  /** The line after the part's last row. */
  readonly endLine: number;
}

/** The first bad row under --strict. */
export class StrictStop extends Error {
  constructor(readonly reject: Reject) {
    super(reject.reason);
  }
}

/** The spec with its calendar built. */
export function specOf(job: ReportJob): SummarizeSpec {
  return job.calendar === undefined ? job.spec : { ...job.spec, calendar: businessCalendar(job.calendar) };
}

/** A part's counts as a builder: its own, or one made from the state a worker posted. */
export function summaryOf(spec: SummarizeSpec, part: PartResultCounts): SummaryBuilder {
  return part.summary ?? createSummary(spec).merge(part.state!);
}

/** Two parts' counts as one, in order: the second's exclusions come after the first's records. */
export function mergeParts(job: ReportJob, first: PartResultCounts, second: PartResultCounts): SummaryBuilder {
  // The first part's builder takes the second's counts (no third copy of every duration).
  return (first.summary ?? summaryOf(specOf(job), first)).merge(second.summary ?? second.state!);
}

/** What a part counted, as {@link mergeParts} reads it. */
type PartResultCounts = Pick<PartResult, "state" | "summary">;

/**
 * A row's record, built once for the counters that build records alike (several metrics in one read): the first
 * counter to need it builds it, the others read it. Emptied before each row.
 */
export interface SharedRecord {
  record: Record<string, unknown> | null;
}

/** Counts rows into a summary: the header once (it resolves the columns), then each row; a bad row becomes a reject. */
export interface RowCounter extends RowSink {
  /**
   * Counts a row; with `shared`, its record is the one there (built by this counter when there is none yet). Counters
   * with the same {@link RowCounter.recordKey} build the same records.
   */
  readonly row: (row: InputRow, shared?: SharedRecord) => void;
  /** How this counter builds records from cells, once the header was read: equal keys, equal records. */
  readonly recordKey: () => string;
  /** The columns, once the header was read. */
  readonly columns: () => readonly ResolvedField[];
  /** A reject of this counter said again from the row's cells as written (its line stays). */
  readonly explainAgain: (entry: Reject, cells: readonly unknown[]) => Reject;
  /** The summary so far, the rows read and the rejects. */
  readonly result: () => Omit<PartResult, "endLine">;
}

/** A row counter for a job (one per pass); `onRows` is told how many rows were read. */
export function createRowCounter(
  job: ReportJob,
  onRows?: (rows: number) => void,
  options: { readonly tally?: boolean } = {},
): RowCounter {
  const spec = specOf(job);
  const builder = createSummary(spec);
  // Survey rows counted from their cells where they can be (survey-tally.ts); `tally: false` reads every row as a record.
  let tally: SurveyTally | null = null;
  const dates = dateReader(job.dates ?? {}, spec.timeZone);
  const preset = job.preset === undefined ? undefined : PRESETS[job.preset];
  const mapping = new Map(job.mapping);
  const rejects: Reject[] = [];
  let columns: ResolvedField[] = [];
  let build: RecordBuilder = () => ({});
  let read = 0;
  // Header lines after the first (a Qualtrics export's question texts and ImportIds): not rows.
  let headerRowsLeft = preset?.headerRows ?? 0;
  // Why each reject was excluded, to say it again from the cells as written (DuckDB hands over instants as numbers).
  const excludedOf = new WeakMap<Reject, ExcludedRow>();
  const context = (): ReasonContext => ({ spec: job.spec, columns, dates });
  // The row being counted, read by one cell reader and one `add` made once (not two closures a row: a million rows
  // made two million short-lived functions).
  let current: InputRow = { line: 0, cells: [], problem: null, problemColumn: null };
  let currentShared: SharedRecord | undefined;
  const cellOfCurrent = (index: number): unknown => current.cells[index];
  const addCurrent = (): ExcludedRow | null =>
    addQuietly(
      builder,
      currentShared === undefined ? build(cellOfCurrent) : (currentShared.record ??= build(cellOfCurrent)),
    );
  const reject = (entry: Reject): void => {
    rejects.push(entry);
    if (job.strict) throw new StrictStop(entry);
  };
  return {
    columns: () => columns,
    explainAgain(entry, cells) {
      const excluded = excludedOf.get(entry);
      return excluded === undefined
        ? entry
        : { ...entry, ...explainReject(excluded, (index) => cells[index], context()) };
    },
    result: () => {
      tally?.flush();
      return { summary: builder, read, rejects };
    },
    // The cells each field is read from and how (a derived time's minutes too), the date options and the zone.
    recordKey: () =>
      JSON.stringify([
        columns.map((c) => [c.field, c.kind, c.index, c.reading, c.minutesIndex ?? null]),
        job.dates ?? null,
        spec.timeZone ?? null,
      ]),
    header(names) {
      try {
        columns = resolveColumns(names, {
          fields: job.fields,
          by: spec.by ?? [],
          mapping,
          preset,
          resolution: spec.resolution,
        });
      } catch (error) {
        if (error instanceof ColumnError) throw new UsageError(error.message);
        throw error;
      }
      build = recordBuilder(columns, dates);
      tally = job.strict || options.tally === false ? null : surveyTally(spec, builder, columns, dates);
      return columns
        .flatMap((column) => [column.index, ...(column.minutesIndex === undefined ? [] : [column.minutesIndex])])
        .filter((index) => index >= 0);
    },
    row(row, shared) {
      if (headerRowsLeft > 0) {
        headerRowsLeft--;
        if (isExtraHeaderRow(preset, job.format, row.cells, columns)) return;
        headerRowsLeft = 0;
      }
      read++;
      onRows?.(read);
      if (row.problem !== null) {
        reject({ line: row.line, column: row.problemColumn, value: null, reason: row.problem });
        return;
      }
      current = row;
      currentShared = shared;
      const excluded = tally === null ? addCurrent() : tally.add(row.cells, addCurrent);
      if (excluded !== null) {
        const { column, value, reason } = explainReject(excluded, (index) => row.cells[index], context());
        // A cell's text is a slice of the 64 kB chunk it was read from, and a kept slice keeps the whole chunk: a
        // reject keeps a copy (a 10M-row file with a bad date every few hundred rows held every chunk, 500 MB).
        const entry: Reject = {
          line: row.line,
          column,
          value: typeof value === "string" ? detachedText(value) : value,
          reason,
        };
        excludedOf.set(entry, excluded);
        reject(entry);
      }
    },
  };
}

/**
 * `builder.add(record)` without a stack trace for the errors it catches: under `invalid: "exclude"` a bad record's
 * coded error is caught inside `add` and only its code, field, value and message are kept, but V8 takes the stack of
 * every error made (5-15 µs each: a tenth of the CPU time of a 1M-row survey with 1 % bad rows). An error that comes
 * out of `add` other than a coded one (a bug) is made again with its stack, for the report of it: the command stops
 * there, so the second `add` counting the record again does not matter.
 */
export function addQuietly(builder: SummaryBuilder, record: unknown): ExcludedRow | null {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return builder.add(record);
  } catch (error) {
    Error.stackTraceLimit = limit;
    if (!isCxMetricsError(error)) builder.add(record);
    throw error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Row counters for several jobs over one read (the JS reader's, or DuckDB's): a sink that gives each row to every
 * counter, counters that build records alike sharing each row's record. `onRows` is told how many rows were read.
 */
export function countersSink(
  jobs: readonly ReportJob[],
  onRows?: (rows: number) => void,
): { readonly counters: readonly RowCounter[]; readonly sink: RowSink } {
  const counters = jobs.map((job, k) => createRowCounter(job, k === 0 ? onRows : undefined));
  const memos: SharedRecord[] = [];
  const sharedOf: (SharedRecord | undefined)[] = counters.map(() => undefined);
  const sink: RowSink = {
    header(names, line) {
      // The columns any metric reads (all of them when one reads all).
      const wanted = new Set<number>();
      for (const counter of counters) {
        const columns = counter.header(names, line);
        if (columns === undefined) return undefined;
        for (const index of columns) wanted.add(index);
      }
      // One shared record per way of building records; a counter alone in its way builds its own.
      const byKey = new Map<string, number[]>();
      counters.forEach((counter, k) => {
        const key = counter.recordKey();
        byKey.set(key, [...(byKey.get(key) ?? []), k]);
      });
      for (const members of byKey.values())
        if (members.length > 1) {
          const memo: SharedRecord = { record: null };
          memos.push(memo);
          for (const k of members) sharedOf[k] = memo;
        }
      return [...wanted].sort((a, b) => a - b);
    },
    row(row) {
      for (const memo of memos) memo.record = null;
      for (let k = 0; k < counters.length; k++) counters[k]!.row(row, sharedOf[k]);
    },
  };
  return { counters, sink };
}

/** Reads rows from a stream into a summary; hooks report progress. One job of {@link runParts}. */
export async function runPart(
  job: ReportJob,
  stream: ByteSource,
  part: PartOptions,
  hooks: { onBytes?: (bytes: number) => void; onRows?: (rows: number) => void } = {},
): Promise<PartResult> {
  return (await runParts([job], stream, part, hooks))[0]!;
}

/**
 * Several metrics in one read (`--metric first-response,sla`): reads rows from a stream once into one summary per job
 * (one job per metric, same file and format), each row counter counting its records and rejects exactly as a report
 * of that metric alone would. Counters that build records alike (the ticket metrics read the same fields) share each
 * row's record: its cells are converted and its dates read once.
 */
export async function runParts(
  jobs: readonly ReportJob[],
  stream: ByteSource,
  part: PartOptions,
  hooks: { onBytes?: (bytes: number) => void; onRows?: (rows: number) => void } = {},
): Promise<PartResult[]> {
  const { counters, sink } = countersSink(jobs, hooks.onRows);
  const first = jobs[0]!;
  const { endLine } = await readRows(stream, first.format, sink, {
    ...part,
    ...(first.delimiter === undefined ? {} : { delimiter: first.delimiter }),
    ...(hooks.onBytes === undefined ? {} : { onBytes: hooks.onBytes }),
  });
  return counters.map((counter) => ({ ...counter.result(), endLine }));
}
