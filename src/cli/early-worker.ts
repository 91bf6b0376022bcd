// The worker that reads the second part of a large CSV file, started by the executable before it loads the rest of the
// command (about 35 ms of the main thread's time, and the worker needs as long again to start): started that early,
// it is ready 40-60 ms sooner and takes that much more of the file. Only this module's few imports are loaded first;
// whether the file is read in two parts is still decided by `canSplit` (two-parts.ts), and an early worker that is not
// used is stopped.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { Worker } from "node:worker_threads";
import { formatByExtension, GZIP_EXTENSIONS, UNREAD_COMPRESSIONS } from "./read/extensions.js";

/** Files smaller than this are read in one pass (a worker costs tens of milliseconds to start). */
export const SPLIT_FROM_BYTES = 16 * 1024 * 1024;

/** What a worker started early is given before anything else: the task of a part ({@link WorkerTask} in two-parts.ts). */
export interface EarlyWorkerData {
  readonly cxMetricsPart: true;
  readonly early: true;
}

/** A worker started early: taken once by the read that uses it, stopped at the end either way. */
export interface EarlyWorker {
  /** The worker, once (undefined after that, or when it failed to start). */
  take(): Worker | undefined;
  /** Stops it if it is still running. */
  stop(): void;
}

/**
 * Does the path's name say a plain CSV or TSV file (not JSON or Parquet, not compressed: those are read in one pass)?
 */
function delimitedByName(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (GZIP_EXTENSIONS.includes(ext) || UNREAD_COMPRESSIONS.includes(ext)) return false;
  const format = formatByExtension(path);
  return format === "csv" || format === "tsv";
}

/**
 * Starts a worker on `url` when the arguments look like a report that will read a large CSV file in two parts: the
 * `report` command, not on events, not under --strict or with DuckDB, a regular file of {@link SPLIT_FROM_BYTES} or
 * more among the arguments (not JSON, compressed or Parquet), two cores, and CX_METRICS_THREADS other than 1. Null
 * otherwise. A guess from the arguments alone: a worker started for nothing costs only its start, on the other core.
 */
export function startEarlyWorker(args: readonly string[], env: NodeJS.ProcessEnv, url: URL): EarlyWorker | null {
  if (args[0] !== "report" || env.CX_METRICS_THREADS === "1" || availableParallelism() < 2) return null;
  if (args.some((arg) => arg === "--events" || arg === "--strict" || arg === "duckdb" || arg === "--engine=duckdb"))
    return null;
  const large = args.slice(1).some((arg) => {
    if (arg.startsWith("-") || !delimitedByName(arg)) return false;
    try {
      const stat = statSync(arg);
      return stat.isFile() && stat.size >= SPLIT_FROM_BYTES;
    } catch {
      return false;
    }
  });
  if (!large) return null;
  let worker: Worker | undefined;
  try {
    worker = new Worker(url, { workerData: { cxMetricsPart: true, early: true } });
  } catch {
    // A thread that cannot be made (ERR_WORKER_INIT_FAILED, at a limit of threads): the command runs without it.
    return null;
  }
  // A worker that fails before it is taken is not given a part: the read starts its own, or reads in one pass.
  worker.on("error", () => {
    worker = undefined;
  });
  worker.unref();
  let started: Worker | undefined = worker;
  return {
    take() {
      const taken = worker;
      worker = undefined;
      // Unreferenced while it waited (a command that does not use it ends without it); the read waits for it.
      taken?.ref();
      return taken;
    },
    stop() {
      void started?.terminate();
      started = undefined;
    },
  };
}
