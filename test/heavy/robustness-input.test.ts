// The heavy cases of the command's robustness suite (issue #18; the light ones are in
// test/cli/robustness-input.test.ts): records of 20 to 70 MB, a 100 MB export with a stray quote on line 2, a gzip bomb
// of rows. Each file is made here, and the command runs in a child process under a time and heap limit with both
// engines. Run by `npm run test:heavy` (vitest.heavy.config.ts sets CX_METRICS_HEAVY=1); skipped in the unit run.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { isOneLineError, runCommand, type Outcome } from "../cli/hostile.js";

const heavy = process.env.CX_METRICS_HEAVY === "1";
const dir = mkdtempSync(join(tmpdir(), "cx-robust-heavy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MiB = 1024 * 1024;

/** A part of a file: text as it is, or `text` repeated to about `bytes` bytes (whole repeats). */
type Part = string | { readonly repeat: string; readonly bytes: number };

/** Writes a file of parts, 1 MiB at a time; its path. */
function bigFile(name: string, parts: readonly Part[]): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  try {
    for (const part of parts) {
      if (typeof part === "string") {
        writeSync(fd, part);
        continue;
      }
      const perMiB = Math.max(1, Math.floor(MiB / part.repeat.length));
      const block = Buffer.from(part.repeat.repeat(perMiB));
      const count = Math.floor(part.bytes / part.repeat.length);
      for (let written = 0; written < count; written += perMiB)
        writeSync(fd, written + perMiB <= count ? block : block.subarray(0, (count - written) * part.repeat.length));
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** `report ARGS --engine E` with each engine, one after the other (each reads tens of MB). */
async function withBoth(args: readonly string[], timeoutMs: number): Promise<Record<"js" | "duckdb", Outcome>> {
  const js = await runCommand(["report", ...args, "--engine", "js", "--quiet"], { timeoutMs });
  const duckdb = await runCommand(["report", ...args, "--engine", "duckdb", "--quiet"], { timeoutMs });
  return { js, duckdb };
}

/** The JSON report's counts and overall figure. */
function summary(outcome: Outcome): { read: number; used: number; rejected: number; value: number } {
  expect(outcome.timedOut).toBe(false);
  expect(outcome.code).toBe(0);
  const report = JSON.parse(outcome.out) as {
    rows: { segment: object; period: unknown; value: number }[];
    input: { read: number; used: number; rejected: number };
  };
  const overall = report.rows.find((row) => Object.keys(row.segment).length === 0 && row.period === null)!;
  return { read: report.input.read, used: report.input.used, rejected: report.input.rejected, value: overall.value };
}

describe.runIf(heavy)("long records are read, in time linear in their length (items 2 and 4)", () => {
  it("3 records, one of 33 MiB: read 3 with either engine (DuckDB dropped it, the JS reader took 21 s per 20 MB)", async () => {
    // 9 and 10 are promoters, 3 a detractor: NPS (2 − 1) / 3 = +33.3.
    const path = bigFile("long-33.csv", ["score,comment\n9,ok\n10,", { repeat: "a", bytes: 33 * MiB }, "\n3,x\n"]);
    const { js, duckdb } = await withBoth([path, "--metric", "nps", "--format", "json"], 30_000);
    expect(js.err).toBe("");
    expect(duckdb.err).toBe("");
    expect(summary(js)).toEqual({ read: 3, used: 3, rejected: 0, value: 100 / 3 });
    expect(summary(duckdb)).toEqual(summary(js));
  });

  it("a quoted field of 30 MiB with doubled quotes and line breaks, in a few seconds (a 30 MB line took 49 s)", async () => {
    // One record (score 9) after the header: NPS +100.
    const path = bigFile("long-30.csv", ['score,comment\n9,"', { repeat: 'ab""c\n', bytes: 30 * MiB }, '"\n']);
    const { js, duckdb } = await withBoth([path, "--metric", "nps", "--format", "json"], 20_000);
    expect(summary(js)).toEqual({ read: 1, used: 1, rejected: 0, value: 100 });
    expect(summary(duckdb)).toEqual(summary(js));
    expect(js.ms).toBeLessThan(15_000);
  });
});

describe.runIf(heavy)("records over the limit end in one line (item 5)", () => {
  const overLimit = (line: number): RegExp =>
    new RegExp(
      `^cx-metrics: the record that starts on line ${line} is longer than 64 MiB of text, the limit for one record`,
    );

  it("a stray quote on line 2 of a 100 MB export: one line naming line 2 (no result in 90 s before)", async () => {
    const path = bigFile("stray-100.csv", ['score,comment\n9,"ok\n', { repeat: "10,abc\n", bytes: 100 * MiB }]);
    expect(statSync(path).size).toBeGreaterThan(100 * 1000 * 1000);
    const { js, duckdb } = await withBoth([path, "--metric", "nps"], 60_000);
    for (const outcome of [js, duckdb]) {
      expect(isOneLineError(outcome)).toBe(true);
      expect(outcome.err).toMatch(overLimit(2));
      expect(outcome.err).toContain("a quote opens in it and does not close (a stray quote?)");
    }
  });

  it("a stray quote on line 3 of a 30 MB export: the rest of the file is one rejected row, with either engine", async () => {
    // Line 2 (score 9) is read; the record from line 3 runs to the end of the file: read 2 = used 1 + rejected 1.
    const path = bigFile("stray-30.csv", ['score,comment\n9,ok\n10,"ok\n', { repeat: "10,abc\n", bytes: 30 * MiB }]);
    const { js, duckdb } = await withBoth([path, "--metric", "nps", "--format", "json"], 30_000);
    expect(summary(js)).toEqual({ read: 2, used: 1, rejected: 1, value: 100 });
    expect(summary(duckdb)).toEqual(summary(js));
  });

  it("a line of 70 MiB after the header, in a CSV file (either engine) and an NDJSON file", async () => {
    const csv = bigFile("line-70.csv", ["score,comment\n9,ok\n10,", { repeat: "a", bytes: 70 * MiB }, "\n3,x\n"]);
    const { js, duckdb } = await withBoth([csv, "--metric", "nps"], 30_000);
    for (const outcome of [js, duckdb]) {
      expect(isOneLineError(outcome)).toBe(true);
      expect(outcome.err).toMatch(overLimit(3));
    }
    const ndjson = bigFile("line-70.ndjson", [
      '{"score":9}\n{"score":10,"c":"',
      { repeat: "a", bytes: 70 * MiB },
      '"}\n',
    ]);
    const outcome = await runCommand(["report", ndjson, "--metric", "nps"], { timeoutMs: 30_000 });
    expect(isOneLineError(outcome)).toBe(true);
    expect(outcome.err).toMatch(overLimit(2));
  });

  it("a gzip bomb of valid rows (256 MiB of '9' lines in about 250 KB): the inflation limit, with either engine", async () => {
    const rows = Buffer.from("9\n".repeat(MiB / 2));
    const bytes = gzipSync(Buffer.concat([Buffer.from("score\n"), ...Array.from({ length: 256 }, () => rows)]), {
      level: constants.Z_BEST_COMPRESSION,
    });
    const bomb = join(dir, "rows.csv.gz");
    const fd = openSync(bomb, "w");
    writeSync(fd, bytes);
    closeSync(fd);
    // 100 × its size is under 64 MiB, so 64 MiB is its allowance: 32 Mi rows are read before it stops.
    expect(100 * bytes.length).toBeLessThan(64 * MiB);
    const { js, duckdb } = await withBoth([bomb, "--metric", "nps"], 60_000);
    expect(isOneLineError(js)).toBe(true);
    expect(js.err).toBe(
      `cx-metrics: ${bomb} inflates to more than 64 MiB (over 100 times its ${bytes.length.toLocaleString("en-US")} bytes), the limit for a gzip file (a gzip bomb?); to read it all the same, decompress it first (gunzip -k) and give the plain file\n`,
    );
    expect(duckdb.err).toBe(js.err);
    expect(duckdb.code).toBe(2);
  });
});
