// Several metrics in one read (`--metric first-response,sla`) of a large file, in two halves at once as for one metric
// (two-parts.ts): each half's rows go to one row counter per metric (runParts).
import { createReadStream } from "node:fs";
import { Worker } from "node:worker_threads";
import { SplitError } from "./read/input.js";
import { mergeParts, runParts, type PartResult, type ReportJob } from "./report-part.js";
import { headerOf, middleOf, type WorkerTask } from "./two-parts.js";

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
      ...mergeParts(job, one, two),
      read: one.read + two.read,
      rejects: [...one.rejects, ...two.rejects.map((reject) => ({ ...reject, line: reject.line + offset }))],
      endLine: two.endLine + offset,
    };
  });
}
