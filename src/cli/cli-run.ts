// The command run by the executable (bin.ts): the command line with the process's arguments, setting the exit code; in
// a worker thread, its part of a large file.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { EarlyWorker, EarlyWorkerData } from "./early-worker.js";
import { isBrokenPipe, main } from "./main.js";
import { runWorkerPart, type WorkerTask } from "./two-parts.js";

/**
 * Runs the command, or in a worker its part. `early`: the worker the executable started early (stopped when the
 * command ends); `workerUrl`: the executable, to start a worker on.
 */
export function run(early: EarlyWorker | null, workerUrl: URL): void {
  const data = workerData as WorkerTask | EarlyWorkerData | undefined;
  if (!isMainThread && data?.cxMetricsPart === true) {
    // A worker started early waits for its task; one started by the read has it.
    if ("job" in data) void runWorkerPart(data, parentPort!);
    else parentPort!.once("message", (task: WorkerTask) => void runWorkerPart(task, parentPort!));
    return;
  }
  // The reader of the output has gone (`cx-metrics report big.csv | head -1`): stop quietly with exit code 0, as a
  // command that has said all it was asked for; no stack trace. Without these listeners Node throws the EPIPE.
  process.stdout.on("error", (error) => {
    if (isBrokenPipe(error)) process.exit(0);
    throw error;
  });
  process.stderr.on("error", () => undefined); // nowhere left to say anything
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    workerUrl,
    ...(early === null ? {} : { earlyWorker: () => early.take() }),
  }).then(
    (code) => {
      early?.stop();
      process.exitCode = code;
    },
    (error: unknown) => {
      early?.stop();
      process.stderr.write(
        `cx-metrics: unexpected error (please report it): ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
