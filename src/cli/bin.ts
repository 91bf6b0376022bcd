#!/usr/bin/env node
// The executable: runs the command line with the process's arguments and sets the exit code; started as a worker
// thread, reads its part of a large file.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { isBrokenPipe, main } from "./main.js";
import { runWorkerPart, type WorkerTask } from "./two-parts.js";

if (!isMainThread && (workerData as WorkerTask | undefined)?.cxMetricsPart === true) {
  void runWorkerPart(workerData as WorkerTask, parentPort!);
} else {
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
    workerUrl: new URL(import.meta.url),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `cx-metrics: unexpected error (please report it): ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
