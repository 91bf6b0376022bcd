// Where a large file is split between this thread and the worker (src/cli/two-parts.ts): the split follows the worker's
// start (the rest halved, the worker's part shorter by WORKER_WARM_UP_BYTES), is checked to fall where a record ends,
// and the report is the one-thread report, byte for byte. Expected values are the one-thread run's (CX_METRICS_THREADS=1)
// and arithmetic written out below.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { metricFields } from "../../src/cli/columns.js";
import { CsvScanner } from "../../src/cli/read/csv.js";
import { startEarlyWorker } from "../../src/cli/early-worker.js";
import { runPart } from "../../src/cli/report-part.js";
import {
  lineStartAfter,
  runInTwoParts,
  SMALLEST_SECOND_PART,
  splitPoint,
  WORKER_WARM_UP_BYTES,
} from "../../src/cli/two-parts.js";

const root = new URL("../../", import.meta.url).pathname;
const workerUrl = pathToFileURL(join(root, "dist/cli.js"));
const dir = mkdtempSync(join(tmpdir(), "cx-split-point-"));
const rows = 420_000;
// Data rows (1-based) with score 11: in the first part, in the multi-line window, in the second part.
const badAt = new Set([7, 240_001, 240_003, 400_000]);

/**
 * 420,000 rows (about 17.5 MB, over the 16 MB from which the command splits); from row 215,000 to 265,000 (where
 * the split falls: the line after (17.5 MB - read + 1 MB) / 2 from `read`, about row 222,000 for read 0, later as the
 * main thread reads more before the worker is ready) every third row has a quoted comment over two lines, so a line
 * feed there is inside a record one time in four.
 */
function write(): string {
  const lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const channel = ["chat", "email", "phone"][i % 3];
    const score = badAt.has(i) ? 11 : i % 11;
    const comment = i >= 215_000 && i <= 265_000 && i % 3 === 0 ? '"first line\nsecond, line"' : "ok";
    lines.push(`${i},2025-03-${day}T10:00:00+01:00,${channel},${score},${comment}\n`);
  }
  const path = join(dir, "multi-line-middle.csv");
  writeFileSync(path, "id,respondedAt,channel,score,comment\n" + lines.join(""));
  return path;
}
const path = write();
const size = statSync(path).size;
const text = readFileSync(path);

/** Does the file's text before `at` end where a record ends (no quoted field open)? */
function endsARecord(at: number): boolean {
  const scanner = new CsvScanner(",");
  scanner.push(text.subarray(0, at).toString("utf8"), () => undefined);
  return !scanner.pending;
}

const job = {
  spec: { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin", invalid: "exclude" },
  format: "csv",
  fields: metricFields("nps", true),
  mapping: [],
  strict: false,
} as const;

describe("the split point between this thread and the worker", () => {
  it("is the line after the middle of what is left, moved on by half the worker's warm-up, or null", () => {
    expect(size).toBeGreaterThan(16 * 1024 * 1024);
    for (const read of [0, 65_536, 1 << 20]) {
      const at = read + Math.floor((size - read + WORKER_WARM_UP_BYTES) / 2);
      const split = splitPoint(path, size, read)!;
      expect(split).toBe(lineStartAfter(path, at));
      expect(text[split - 1]).toBe(10); // just after a line feed
      expect(text.subarray(at, split - 1).includes(10)).toBe(false); // the first one from `at`
    }
    // What is left too small to share: this thread reads it all.
    expect(splitPoint(path, size, size - (2 * SMALLEST_SECOND_PART + WORKER_WARM_UP_BYTES) + 1)).toBeNull();
    expect(splitPoint(path, size, size)).toBeNull();
  });

  it("is taken where it ends a record (the counts are those of one pass) and refused inside a quoted field", async () => {
    // From the point chosen when the worker is ready at once, line feeds on: one that ends a record, one inside one.
    const starts: number[] = [];
    for (let at = splitPoint(path, size, 0)!; starts.length < 8; at = lineStartAfter(path, at)!) starts.push(at);
    const boundary = starts.find(endsARecord)!;
    const inside = starts.find((at) => !endsARecord(at))!;
    expect(boundary).toBeDefined();
    expect(inside).toBeDefined();
    const one = await runPart(job, createReadStream(path), {});
    const two = (await runInTwoParts(path, size, job, workerUrl, () => undefined, { splitAt: () => boundary }))!;
    expect(two.read).toBe(one.read);
    expect(two.endLine).toBe(one.endLine);
    expect(two.rejects).toEqual(one.rejects);
    expect(two.rejects.map((reject) => reject.value)).toEqual(["11", "11", "11", "11"]);
    expect(await runInTwoParts(path, size, job, workerUrl, () => undefined, { splitAt: () => inside })).toBeNull();
  }, 120_000);

  it("gives the one-thread report byte for byte, wherever the worker's start puts it", () => {
    const args = ["report", path, "--metric", "nps", "--by", "channel", "--every", "month"];
    const run = (threads: string): string => {
      const result = spawnSync(
        process.execPath,
        [join(root, "dist/cli.js"), ...args, "--time-zone", "Europe/Berlin", "--format", "json"],
        { encoding: "utf8", env: { ...process.env, CX_METRICS_THREADS: threads }, maxBuffer: 1 << 26 },
      );
      expect(result.status).toBe(0);
      return result.stdout;
    };
    const single = run("1");
    for (let round = 0; round < 3; round++) expect(run("2")).toBe(single);
    const report = JSON.parse(single) as { input: { read: number; rejected: number } };
    expect(report.input.read).toBe(rows);
    expect(report.input.rejected).toBe(badAt.size);
  }, 120_000);
});

describe("the worker started early by the executable (src/cli/early-worker.ts)", () => {
  const small = join(dir, "small.csv");
  writeFileSync(small, "score\n9\n");
  const json = join(dir, "big.json");
  writeFileSync(json, "x".repeat(17 * 1024 * 1024));

  it("is started only for a report that names a large CSV file, without --strict, DuckDB or events", async () => {
    const started = (args: readonly string[], env: NodeJS.ProcessEnv = {}): boolean => {
      const early = startEarlyWorker(args, env, workerUrl);
      early?.stop();
      return early !== null;
    };
    expect(started(["report", path, "--metric", "nps"])).toBe(true);
    expect(started(["report", "--metric", "nps", path, "--by", "channel"])).toBe(true);
    expect(started(["report", small, "--metric", "nps"])).toBe(false);
    expect(started(["report", json, "--metric", "nps"])).toBe(false);
    expect(started(["report", path, "--metric", "nps", "--strict"])).toBe(false);
    expect(started(["report", path, "--metric", "nps", "--engine", "duckdb"])).toBe(false);
    expect(started(["report", "--events", path, "--metric", "first-response"])).toBe(false);
    expect(started(["check", path])).toBe(false);
    expect(started(["report", path, "--metric", "nps"], { CX_METRICS_THREADS: "1" })).toBe(false);
  });

  it("reads the second part when given its task, as a worker started for it does; taken once", async () => {
    const early = startEarlyWorker(["report", path], {}, workerUrl)!;
    const one = await runPart(job, createReadStream(path), {});
    const boundary = (() => {
      for (let at = splitPoint(path, size, 0)!; ; at = lineStartAfter(path, at)!) if (endsARecord(at)) return at;
    })();
    let taken = 0;
    const two = (await runInTwoParts(path, size, job, workerUrl, () => undefined, {
      splitAt: () => boundary,
      worker: () => {
        taken++;
        return early.take();
      },
    }))!;
    expect(taken).toBe(1);
    expect(early.take()).toBeUndefined();
    expect(two.read).toBe(one.read);
    expect(two.rejects).toEqual(one.rejects);
    early.stop();
  }, 120_000);

  it("is stopped when the command does not use it: the process ends", () => {
    // --help after a large file: the executable starts the worker, the command prints its help and ends.
    const result = spawnSync(process.execPath, [join(root, "dist/cli.js"), "report", path, "--help"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--metric");
  });
});

