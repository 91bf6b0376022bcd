// A large CSV file read in two parts at once: this thread reads the first, a worker thread the second, and their
// counts are merged. The worker starts late (it loads its modules), so this thread starts reading at once and the
// split is chosen when the worker says it is ready: about halfway through what is left then, so both parts end
// together.
// Speculative split (as DuckDB and polars do): the first part is checked to end where a record ends, else the file is
// read in one pass.
import { openSync, readSync, closeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { CsvScanner, type CsvRecord } from "./read/csv.js";
import { SPLIT_FROM_BYTES } from "./early-worker.js";
import { fileChunks } from "./read/file-chunks.js";
import { isGzip, SplitError } from "./read/input.js";
import { presetNamed } from "./columns.js";
import { mergeParts, runParts, type PartResult, type ReportJob } from "./report-part.js";

/** A second part smaller than this is not worth a worker: this thread reads it too. */
export const SMALLEST_SECOND_PART = 2 * 1024 * 1024;

/**
 * How much later a worker's part ends than as many bytes read in this thread, in bytes: the worker's code starts cold
 * (this thread's has run on the header and the first rows). Measured on 1M messy survey rows (bench/README.md, "Two
 * threads: where the split falls"): split at the middle, the worker ended a median 0.05-0.07 s after this thread
 * (load 7-9 on 2 cores, ~30 ms per MB per thread); moved on by 2.5 MB or 1 MB, this thread ended 0.08-0.13 s after the
 * worker. So about 1 MB: the worker's part is shorter by this much.
 */
export const WORKER_WARM_UP_BYTES = 1024 * 1024;

/** The message a worker is started with (where its part starts comes later: {@link WorkerStart}). */
export interface WorkerTask {
  readonly cxMetricsPart: true;
  readonly job: ReportJob;
  /** Several metrics in one read: the jobs of the others, read from the same rows. */
  readonly more?: readonly ReportJob[];
  readonly path: string;
  readonly header: readonly string[];
}

/** The main thread's answer to a worker's `{ ready: true }`: the byte its part starts at, or null (nothing to read). */
export interface WorkerStart {
  readonly start: number | null;
}

/** The worker's side of its channel to the main thread (`parentPort`). */
export interface WorkerPort {
  postMessage(message: unknown): void;
  once(event: "message", listener: (message: WorkerStart) => void): unknown;
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

/**
 * The header record, read from the first 4 kB, else 64 kB, else 1 MB (scanning a whole 1 MB for the header took
 * 17-24 ms, before either thread could start); null when it is not complete there.
 */
export function headerOf(path: string, job: ReportJob): string[] | null {
  for (const size of [1 << 12, 1 << 16, 1 << 20]) {
    const scanner = new CsvScanner(job.delimiter ?? (job.format === "tsv" ? "\t" : ","));
    let header: CsvRecord | null = null;
    const bytes = readBytes(path, 0, size);
    scanner.push(bytes.toString("utf8"), (record) => {
      header ??= record;
    });
    const found = header as CsvRecord | null;
    if (found !== null) return found.problem !== null ? null : found.fields;
    if (bytes.length < size) return null;
  }
  return null;
}

/** The byte just after the first line feed at or after `at`; null when there is none in the next 1 MB. */
export function lineStartAfter(path: string, at: number): number | null {
  const bytes = readBytes(path, at, 1 << 20);
  const found = bytes.indexOf(10);
  return found === -1 ? null : at + found + 1;
}

/**
 * Where the second part starts when this thread has read `read` bytes of `size`: at the line after the middle of what
 * is left, moved on by half of {@link WORKER_WARM_UP_BYTES} (so that both threads end together); null when what is
 * left is too small to share ({@link SMALLEST_SECOND_PART}) or has no line feed near that point.
 *
 * @example splitPoint("big.csv", 50_000_000, 10_000_000) // the byte after the first "\n" from byte 30,524,288
 */
export function splitPoint(path: string, size: number, read: number): number | null {
  const left = size - read;
  if (left < 2 * SMALLEST_SECOND_PART + WORKER_WARM_UP_BYTES) return null;
  const split = lineStartAfter(path, read + Math.floor((left + WORKER_WARM_UP_BYTES) / 2));
  return split === null || size - split < SMALLEST_SECOND_PART ? null : split;
}

/** Options of {@link runSeveralInTwoParts}. */
export interface TwoPartOptions {
  /**
   * Where the second part starts, given the bytes this thread has read when the worker is ready (null: this thread
   * reads the whole file); {@link splitPoint} by default. Tests choose a fixed point with it.
   */
  readonly splitAt?: (read: number) => number | null;
  /** A worker started early (early-worker.ts), given its task here; none: one is started on `workerUrl`. */
  readonly worker?: (() => Worker | undefined) | undefined;
}

/**
 * Reads a file in two parts at once for one job; null when the split does not fall where a record ends, the second
 * part could not be read, or no worker thread could be made (the caller then reads it in one pass). {@link runSeveralInTwoParts} with one job.
 */
export async function runInTwoParts(
  path: string,
  size: number,
  job: ReportJob,
  workerUrl: URL,
  onBytes: (bytes: number) => void,
  options: TwoPartOptions = {},
): Promise<PartResult | null> {
  const parts = await runSeveralInTwoParts(path, size, [job], workerUrl, onBytes, options);
  return parts === null ? null : parts[0]!;
}

/**
 * Reads a file in two parts at once for several jobs; null when the split does not fall where a record ends, the
 * second part could not be read, or no worker thread could be made (the caller then reads it in one pass). Rejects of the second part get their absolute
 * lines.
 */
export async function runSeveralInTwoParts(
  path: string,
  size: number,
  jobs: readonly ReportJob[],
  workerUrl: URL,
  onBytes: (bytes: number) => void,
  options: TwoPartOptions = {},
): Promise<PartResult[] | null> {
  const splitAt = options.splitAt ?? ((read: number) => splitPoint(path, size, read));
  const header = headerOf(path, jobs[0]!);
  if (header === null) return null;
  const task: WorkerTask = { cxMetricsPart: true, job: jobs[0]!, more: jobs.slice(1), path, header };
  const early = options.worker?.();
  let worker: Worker;
  try {
    worker = early ?? new Worker(workerUrl, { workerData: task });
  } catch {
    // A thread that cannot be made (ERR_WORKER_INIT_FAILED, at a limit of threads): the file is read in one pass.
    return null;
  }
  early?.postMessage(task);
  // This thread reads from the start at once, to the end of the file until the worker is ready (it loads its modules
  // first); then the rest is shared. `split` stays undefined until then, null when the worker gets nothing.
  const range = { end: size, read: 0 };
  let split: number | null | undefined;
  let firstDone = false;
  // A second part that fails (a worker that cannot start, a record over the limit, a byte that is not UTF-8) is read
  // again in one pass, which says what is wrong with the right line, or reads it.
  const second = new Promise<PartResult[] | { readonly error: string }>((resolve) => {
    worker.on("message", (message: PartResult[] | { readonly error: string } | { readonly ready: true }) => {
      if (!("ready" in message)) return resolve(message);
      split = firstDone ? null : splitAt(range.read);
      // A point this thread has read past (a `splitAt` of a test, on a slow machine) would count rows twice.
      if (split !== null && split <= range.read) split = null;
      if (split !== null) range.end = split;
      worker.postMessage({ start: split } satisfies WorkerStart);
    });
    worker.once("error", (error) => resolve({ error: error.message }));
  });
  let first: PartResult[];
  try {
    first = await runParts(
      jobs,
      // From the start up to `range.end`, which moves down to the split when the worker is ready.
      fileChunks(path, range),
      { endsAtRecord: true },
      // The share of the file read so far, as far as this thread can tell (the worker reads as fast).
      { onBytes: (bytes) => onBytes(Math.min(size, Math.round((bytes * size) / range.end))) },
    );
  } catch (error) {
    await worker.terminate();
    if (error instanceof SplitError) return null;
    throw error;
  } finally {
    firstDone = true;
  }
  if (typeof split !== "number") {
    // The whole file read here: the worker was not ready before the end, or the rest was too small to share.
    await worker.terminate();
    return first;
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

/**
 * The worker's side: says it is ready (its modules are loaded), is told where its part starts, reads it for every job
 * and posts what it counted (or the error); posts nothing more when it is given no part.
 */
export async function runWorkerPart(task: WorkerTask, port: WorkerPort): Promise<void> {
  const post = (message: unknown): void => port.postMessage(message);
  const { start } = await new Promise<WorkerStart>((resolve) => {
    port.once("message", resolve);
    post({ ready: true });
  });
  if (start === null) return;
  try {
    const parts = await runParts(
      [task.job, ...(task.more ?? [])],
      fileChunks(task.path, { read: start, end: Number.POSITIVE_INFINITY }),
      { header: task.header },
    );
    // The builders stay here: only their states cross to the main thread, durations as Float64Arrays (copied as
    // memory, where arrays of numbers are copied value by value).
    post(parts.map(({ summary, ...part }) => ({ ...part, state: summary!.state({ typedArrays: true }) })));
  } catch (error) {
    post({ error: (error as Error).message });
  }
}
