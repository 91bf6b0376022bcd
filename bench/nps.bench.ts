/**
 * nps over 10 million scores, beside a plain hand-written counting loop (a histogram of 11
 * counters) over the same data in the same run, one monomorphic hand loop per input type. Targets
 * (issue #2): typed array and number[] within 1.5x of the hand loop; records with an accessor within
 * 2x of the hand loop over records; (issue #12) the typed array within 1.2x, in a process that runs
 * the other input types too.
 */
import { pathToFileURL } from "node:url";
import { nps } from "../src/index.js";
import { measure, ratioRow } from "./lib.js";

const N = 10_000_000;
/** Rounds per case: this VM's timings swing by up to 1.7x between rounds, so the median needs many. */
const ROUNDS = 15;

// One hand loop per input type, each called with that type only: a loop shared by a typed array and
// an array is polymorphic and slower for both, which made the baseline unfair.
function handLoopBytes(scores: Uint8Array): Float64Array {
  const histogram = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) histogram[scores[i]!]!++;
  return histogram;
}

function handLoopNumbers(scores: readonly number[]): Float64Array {
  const histogram = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) histogram[scores[i]!]!++;
  return histogram;
}

function handLoopRecords(records: readonly { score: number }[]): Float64Array {
  const histogram = new Float64Array(11);
  for (let i = 0; i < records.length; i++) histogram[records[i]!.score]!++;
  return histogram;
}

export function benchNps(): string[] {
  const bytes = new Uint8Array(N);
  let seed = 12345;
  for (let i = 0; i < N; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed % 11;
  }
  const numbers = Array.from(bytes);
  const records = numbers.map((score, i) => ({
    score,
    channel: i % 3 === 0 ? "chat" : "email",
    respondedAt: 1_735_689_600_000 + i,
  }));
  const score = (record: { score: number }): number => record.score;
  const t = measure(
    [
      { name: "hand-u8", run: () => handLoopBytes(bytes) },
      { name: "nps-u8", run: () => nps(bytes) },
      { name: "hand-array", run: () => handLoopNumbers(numbers) },
      { name: "nps-array", run: () => nps(numbers) },
      { name: "hand-records", run: () => handLoopRecords(records) },
      { name: "nps-records", run: () => nps(records, score) },
    ],
    ROUNDS,
  );
  const get = (name: string) => t.get(name)!;
  return [
    `nps over ${N.toLocaleString("en")} scores, all three input types in one process (median (min-max) of ${ROUNDS} interleaved rounds)`,
    ratioRow("Uint8Array: nps vs hand loop", get("nps-u8"), get("hand-u8"), 1.2),
    ratioRow("number[]: nps vs hand loop", get("nps-array"), get("hand-array"), 1.5),
    ratioRow("records + accessor: nps vs hand loop", get("nps-records"), get("hand-records"), 2),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of benchNps()) console.log(line);
}
