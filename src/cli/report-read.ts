// The read of a report's file, one metric or several (one job each): the engine chosen, the rows read by DuckDB or
// by the JS reader (in two parts at once for a large CSV file, else in one pass) with the progress bar, and what
// reading can go wrong in the command's words. A report of one metric is this read with one job, so both say and
// count the same (test/cli/several-metrics.test.ts compares them).
import { statSync } from "node:fs";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import type { SummarizeResult, SummarizeSpec } from "../report/spec.js";
import { oneOf, UsageError } from "./args.js";
import type { CommandIO } from "./command-parts.js";
import { openDuckDb, INSTALL_DUCKDB, type DuckDb } from "./duckdb/driver.js";
import { type DuckDbRun, type EngineResult, type ReadBy, ReadersDisagree, runDuckDbJobs } from "./duckdb/engine.js";
import { rejectLine } from "./format/cells.js";
import type { ReportOutput } from "./format/index.js";
import { visible } from "./format/safe.js";
import { createProgress } from "./progress.js";
import { InputError, inputSize, openInput, type InputFormat } from "./read/input.js";
import { openWithoutAsOf } from "./reasons.js";
import { runParts, StrictStop, summaryOf, type ReportJob } from "./report-part.js";
import { canSplit, runSeveralInTwoParts } from "./two-parts.js";

/** What a report's read gave: each job's counts and rejects, and who read its rows. */
export interface ReportRead {
  readonly outcomes: readonly EngineResult[];
  /** Who read each job's rows: DuckDB may hand the file to the JS reader (DuckDbRun's `readBy`). */
  readonly readBy: readonly ReadBy[];
}

/**
 * Reads a report's file once for its jobs (one per metric, same file and format): DuckDB when `--engine` or the
 * file's format asks for it, else the JS reader, in two parts at once where the file allows. Null when a row stopped
 * the read under `--strict` (said on standard error; the command exits 1). A usage error for too many groups or an
 * open SLA without `--as-of` (in a report of several metrics that message names sla).
 *
 * @example
 * const read = await readReport("tickets.csv", [job], { engine: undefined, quiet: true }, io);
 * if (read === null) return 1;
 */
export async function readReport(
  path: string,
  jobs: readonly ReportJob[],
  flags: { readonly engine?: string | undefined; readonly quiet?: boolean | undefined },
  io: CommandIO,
): Promise<ReportRead | null> {
  const first = jobs[0]!;
  // The JS reader reads once for every job; DuckDB (asked for, or for Parquet) runs one query per survey metric.
  const engine = await chooseEngine(flags.engine, path, first.format, io);
  const size = inputSize(path);
  const progress = createProgress(
    io.stderr,
    engine.duck === null ? size : null,
    flags.quiet !== true && engine.duck === null,
  );
  let outcomes: EngineResult[] | null = null;
  let readBy: readonly ReadBy[] = jobs.map(() => "js");
  try {
    if (engine.duck !== null) {
      // Ticket metrics in one DuckDB read; a survey metric DuckDB counts in a read of its own.
      const each = await runWithDuckDb(engine.duck, path, jobs, io);
      if (each !== null) {
        outcomes = each;
        readBy = each.map((run) => run.readBy); // "js" when DuckDB handed the file to the JS reader
      }
    }
    if (outcomes === null) {
      if (io.workerUrl !== undefined && canSplit(path, size, first, io.env))
        outcomes = await runSeveralInTwoParts(path, size!, jobs, io.workerUrl, (bytes) => progress.bytes(bytes), {
          worker: io.earlyWorker,
        });
      outcomes ??= await runParts(
        jobs,
        openInput(path).stream,
        {},
        { onBytes: (bytes) => progress.bytes(bytes), onRows: (rows) => progress.rows(rows) },
      );
    }
  } catch (error) {
    progress.done();
    if (error instanceof StrictStop) {
      io.stderr.write(`cx-metrics: ${visible(`bad row under --strict: ${rejectLine(error.reject)}`)}\n`);
      return null;
    }
    if (isCxMetricsError(error, "TOO_MANY_GROUPS")) throw tooManyGroups(error, path, first.spec);
    if (isCxMetricsError(error) && error.field === "asOf")
      throw new UsageError(`${jobs.length > 1 ? "sla: " : ""}${openWithoutAsOf(error.message, "flag")}`);
    throw error;
  } finally {
    closeQuietly(engine.duck);
  }
  progress.done();
  return { outcomes, readBy };
}

/**
 * A job's part of the report from what its read counted: the summary's rows and the input counts (read = used +
 * unanswered + rejected, and who read the rows); null when no row could be used (the library's `EMPTY_INPUT`), which
 * {@link noRowUsed} words. Too many groups is a usage error, as in {@link readReport}.
 *
 * @example
 * const output = reportOutput(spec, read.outcomes[0]!, read.readBy[0]!, "survey.csv");
 */
export function reportOutput(
  spec: SummarizeSpec,
  outcome: EngineResult,
  readBy: ReadBy,
  path: string,
): ReportOutput | null {
  let result: SummarizeResult;
  try {
    result = summaryOf(spec, outcome).result();
  } catch (error) {
    if (isCxMetricsError(error, "TOO_MANY_GROUPS")) throw tooManyGroups(error, path, spec);
    if (isCxMetricsError(error, "EMPTY_INPUT")) return null;
    throw error;
  }
  return {
    rows: result.rows,
    input: {
      read: outcome.read,
      used: result.input.used,
      ...(result.input.unanswered === undefined ? {} : { unanswered: result.input.unanswered }),
      rejected: outcome.rejects.length,
      engine: readBy,
    },
    rejects: outcome.rejects,
  };
}

/**
 * Why a report has no rows, in one line: the rows read, unanswered and rejected, and the first reject.
 *
 * @example noRowUsed({ read: 2, rejects: [] }) // "no row could be used: 2 read, 2 unanswered, 0 rejected"
 */
export function noRowUsed(outcome: Pick<EngineResult, "read" | "rejects">): string {
  const { read, rejects } = outcome;
  const unanswered = read - rejects.length;
  return `no row could be used: ${read} read, ${unanswered > 0 ? `${unanswered} unanswered, ` : ""}${rejects.length} rejected${rejects.length > 0 ? ` (first: line ${rejects[0]!.line}: ${rejects[0]!.reason})` : ""}`;
}

/**
 * The library's `TOO_MANY_GROUPS` in the command's words: the flags that make the groups, and what to change (the
 * library's own advice names `maxGroups`, which the command does not take; its record index is not a line).
 */
function tooManyGroups(
  error: { readonly value: unknown; readonly message: string },
  path: string,
  spec: Pick<SummarizeSpec, "by" | "every">,
): UsageError {
  const limit = typeof error.value === "number" ? (error.value - 1).toLocaleString("en-US") : "the most";
  const by = spec.by ?? [];
  const flags = [by.length > 0 ? `--by ${by.join(",")}` : "", spec.every === undefined ? "" : `--every ${spec.every}`]
    .filter(Boolean)
    .join(" ");
  return new UsageError(
    `${path}: the report would hold more than ${limit} segment × period groups${flags === "" ? "" : ` (${flags})`}, one set of counts each; segment by fewer or coarser columns${spec.every === undefined ? "" : ", or use a longer --every"}`,
  );
}

/** Whether a path names a regular file (not a device, a pipe or a folder). */
function regularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The engine a report runs on: DuckDB (open) or the JS reader (null). Without `--engine`: DuckDB for a Parquet file
 * (when it is installed), the JS reader for everything else. Chosen by measurement on files like users' (mixed
 * offsets, 1 % bad rows): DuckDB reads a survey file with odd rows twice and ticket files row by row, and was slower
 * than the JS reader on both (bench/README.md "Real files", docs/cli.md "Engines").
 */
async function chooseEngine(
  flag: string | undefined,
  path: string,
  format: InputFormat,
  io: CommandIO,
): Promise<{ readonly duck: DuckDb | null }> {
  const wanted = oneOf("engine", flag, ["js", "duckdb"] as const);
  const readable = path !== "-" && (format === "csv" || format === "tsv" || format === "parquet");
  if (wanted === undefined && format !== "parquet") return { duck: null };
  if (wanted === "js") {
    if (format === "parquet")
      throw new UsageError(
        "--engine js: a Parquet file is read by DuckDB only (leave out --engine, or give --engine duckdb)",
      );
    return { duck: null };
  }
  if (wanted === "duckdb" && !readable)
    throw new UsageError(
      `--engine duckdb reads CSV, TSV (also gzip-compressed) and Parquet files; ${path === "-" ? "standard input" : "JSON"} is read by --engine js`,
    );
  // A device or a pipe (/dev/zero, <(zcat ...)) is read by the JS reader, which bounds what it reads, and says so.
  if (!readable || (format !== "parquet" && !regularFile(path))) return { duck: null };
  let duck: DuckDb | null;
  try {
    duck = await openDuckDb();
  } catch (error) {
    // DuckDB is installed but does not start (a broken native module, no memory): said in one line.
    const what = `DuckDB is installed but does not start (${duckDbMessage(error)})`;
    if (wanted === "duckdb" || format === "parquet")
      throw new UsageError(
        `${what}; ${format === "parquet" ? "a Parquet file needs it" : "run again with --engine js"}`,
      );
    io.stderr.write(`cx-metrics: ${what}; reading ${visible(path)} with the JS reader instead\n`);
    return { duck: null };
  }
  if (duck === null && (wanted === "duckdb" || format === "parquet"))
    throw new UsageError(
      `${wanted === "duckdb" ? "--engine duckdb" : "a Parquet file"} needs DuckDB, which is not installed: ${INSTALL_DUCKDB}`,
    );
  return { duck };
}

/**
 * A report through DuckDB, one job or several (one metric each, one read where DuckDB can); null when DuckDB could not
 * read a CSV file that the JS reader then reads (said on standard error).
 */
async function runWithDuckDb(
  duck: DuckDb,
  path: string,
  jobs: readonly ReportJob[],
  io: CommandIO,
): Promise<DuckDbRun[] | null> {
  const job = jobs[0]!;
  try {
    return await runDuckDbJobs(duck, path, jobs);
  } catch (error) {
    if (
      error instanceof StrictStop ||
      error instanceof UsageError ||
      error instanceof InputError ||
      isCxMetricsError(error) // the library's verdict on the data (too many groups ...): the JS reader would repeat it
    )
      throw error;
    const failure = duckDbFailure(error, path, job.format === "parquet");
    if (job.format === "parquet") throw new InputError(failure);
    io.stderr.write(`cx-metrics: ${visible(failure)}\n`);
    return null;
  }
}

/**
 * What to say when DuckDB fails on a file, in one line: what failed, DuckDB's own first line (an "INTERNAL Error" is
 * DuckDB's fault, not the file's: its multi-line text and stack are left out), and what happens or can be done: a CSV
 * or TSV file is read again by the JS reader, which `--engine js` does from the start; a Parquet file has no other
 * reader.
 *
 * @example duckDbFailure(new Error("IO Error: No files found"), "x.parquet", true) // "DuckDB cannot read x.parquet: IO Error: No files found"
 */
export function duckDbFailure(error: unknown, path: string, parquet: boolean): string {
  const message = duckDbMessage(error);
  const internal = /^(INTERNAL|FATAL) Error/i.test(message);
  if (parquet)
    return internal
      ? `DuckDB failed inside while reading ${path} (${message}): a fault of DuckDB, not of the file; try another version of @duckdb/node-api, or export the file as CSV and give --engine js`
      : `DuckDB cannot read ${path}: ${message}`;
  const what =
    error instanceof ReadersDisagree
      ? `DuckDB and the JS reader disagree on ${path} (${message})`
      : internal
        ? `DuckDB failed inside while reading ${path} (${message}), a fault of DuckDB, not of the file`
        : `DuckDB cannot read ${path} (${message})`;
  return `${what}; reading it with the JS reader instead (--engine js skips DuckDB)`;
}

/** A DuckDB error in one line: its first line, at most 200 characters. */
function duckDbMessage(error: unknown): string {
  const first = String((error as Error)?.message ?? error)
    .split("\n")[0]!
    .trim();
  return first.length > 200 ? `${first.slice(0, 200)}...` : first;
}

/** Closes DuckDB; a database that a fatal error left unusable may fail to close, which changes nothing for the report. */
function closeQuietly(duck: DuckDb | null): void {
  try {
    duck?.close();
  } catch {
    // nothing to do: the process ends and frees it
  }
}
