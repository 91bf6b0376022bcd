// A large CSV file read in two halves at once: this thread reads the first, a worker thread the second, and their
// counts are merged. Speculative split (as DuckDB and polars do): the half is checked to end where a record ends, else
// the file is read in one pass.
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { CsvScanner, type CsvRecord } from "./read/csv.js";
import { isGzip, SplitError } from "./read/input.js";
import { presetNamed } from "./columns.js";
import { mergeParts, runParts, type PartResult, type ReportJob } from "./report-part.js";

/** Files smaller than this are read in one pass (a worker costs tens of milliseconds to start). */
export const SPLIT_FROM_BYTES = 16 * 1024 * 1024;

/** The message a worker is started with. */
export interface WorkerTask {
  readonly cxMetricsPart: true;
  readonly job: ReportJob;
  /** Several metrics in one read: the jobs of the others, read from the same rows. */
  readonly more?: readonly ReportJob[];
  readonly path: string;
  readonly start: number;
  readonly header: readonly string[];
}

/**
 * Can this input be read in two parts? A CSV / TSV file (not standard input) of some size, two cores, and not turned
 * off.
 */
export function canSplit(path: string, size: number | null, job: ReportJob, env: NodeJS.ProcessEnv): boolean {
  return (
    path !== "-" &&
    !isGzip(path) &&
    size !== null &&
    size >= SPLIT_FROM_BYTES &&
    (job.format === "csv" || job.format === "tsv") &&
    !job.strict &&
    // A second half cannot tell the header lines a preset skips (Qualtrics) from rows.
    (presetNamed(job.preset ?? "")?.headerRows ?? 0) === 0 &&
    env.CX_METRICS_THREADS !== "1" &&
    availableParallelism() >= 2
  );
}

/** Bytes of a file from `start`, at most `length`. */
function readBytes(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const got = readSync(fd, buffer, 0, length, start);
    return buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The header record, read from the first 1 MB; null when it is not complete there. */
export function headerOf(path: string, job: ReportJob): string[] | null {
  const scanner = new CsvScanner(job.delimiter ?? (job.format === "tsv" ? "\t" : ","));
  let header: CsvRecord | null = null;
  const text = readBytes(path, 0, 1 << 20).toString("utf8");
  scanner.push(text, (record) => {
    header ??= record;
  });
  const found = header as CsvRecord | null;
  return found === null || found.problem !== null ? null : found.fields;
}

/** The byte just after the first line feed at or after the middle of the file; null when there is none nearby. */
export function middleOf(path: string, size: number): number | null {
  const middle = Math.floor(size / 2);
  const bytes = readBytes(path, middle, 1 << 20);
  const at = bytes.indexOf(10);
  return at === -1 ? null : middle + at + 1;
}

/**
 * Reads a file in two parts at once for one job; null when the split does not fall where a record ends, or the second
 * part could not be read (the caller then reads it in one pass). {@link runSeveralInTwoParts} with one job.
 */
export async function runInTwoParts(
  path: string,
  size: number,
  job: ReportJob,
  workerUrl: URL,
  onBytes: (bytes: number) => void,
): Promise<PartResult | null> {
  const parts = await runSeveralInTwoParts(path, size, [job], workerUrl, onBytes);
  return parts === null ? null : parts[0]!;
}

/**
 * Reads a file in two parts at once for several jobs; null when the split does not fall where a record ends, or the
 * second part could not be read (the caller then reads it in one pass). Rejects of the second part get their absolute
 * lines.
 */
export async function runSeveralInTwoParts(
  path: string,
  size: number,
  jobs: readonly ReportJob[],
  workerUrl: URL,
  onBytes: (bytes: number) => void,
): Promise<PartResult[] | null> {
  const header = headerOf(path, jobs[0]!);
  const split = middleOf(path, size);
  if (header === null || split === null) return null;
  const task: WorkerTask = { cxMetricsPart: true, job: jobs[0]!, more: jobs.slice(1), path, start: split, header };
  const worker = new Worker(workerUrl, { workerData: task });
  // A second half that fails (a worker that cannot start, a record over the limit, a byte that is not UTF-8) is read
  // again in one pass, which says what is wrong with the right line, or reads it.
  const second = new Promise<PartResult[] | { readonly error: string }>((resolve) => {
    worker.once("message", resolve);
    worker.once("error", (error) => resolve({ error: error.message }));
  });
  let first: PartResult[];
  try {
    first = await runParts(
      jobs,
      createReadStream(path, { start: 0, end: split - 1, highWaterMark: 1 << 16 }),
      { endsAtRecord: true },
      { onBytes: (bytes) => onBytes(bytes * 2) },
    );
  } catch (error) {
    await worker.terminate();
    if (error instanceof SplitError) return null;
    throw error;
  }
  const rest = await second;
  await worker.terminate();
  if ("error" in rest) return null;
  return jobs.map((job, k) => {
    const [one, two] = [first[k]!, rest[k]!];
    const offset = one.endLine - 1;
    return {
      summary: mergeParts(job, one, two),
      read: one.read + two.read,
      rejects: [...one.rejects, ...two.rejects.map((reject) => ({ ...reject, line: reject.line + offset }))],
      endLine: two.endLine + offset,
    };
  });
}

/** The worker's side: reads the second part for every job and posts what it counted (or the error). */
export async function runWorkerPart(task: WorkerTask, post: (message: unknown) => void): Promise<void> {
  try {
    const parts = await runParts(
      [task.job, ...(task.more ?? [])],
      createReadStream(task.path, { start: task.start, highWaterMark: 1 << 16 }),
      { header: task.header },
    );
    // The builders stay here: only their states cross to the main thread, durations as Float64Arrays (copied as
    // memory, where arrays of numbers are copied value by value).
    post(parts.map(({ summary, ...part }) => ({ ...part, state: summary!.state({ typedArrays: true }) })));
  } catch (error) {
    post({ error: (error as Error).message });
  }
}
