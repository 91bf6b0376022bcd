// headerOf (src/cli/two-parts.ts): the header of a large file, for the worker that reads its second part. It is read
// from the first 4 kB, else 64 kB, else 1 MB: each case below puts the header's end past one of those sizes. And what
// the two-part read and the executable do with a worker thread: the guess by name, and one that cannot be made.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import type { ReportJob } from "../../src/cli/report-part.js";
import { startEarlyWorker } from "../../src/cli/early-worker.js";
import { headerOf, runInTwoParts } from "../../src/cli/two-parts.js";

const dir = mkdtempSync(join(tmpdir(), "cx-header-of-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const job = { format: "csv" } as ReportJob;

/** A file whose header is `names` (the last one quoted, `length` characters with a line break in it), then rows. */
function file(length: number): string {
  const path = join(dir, `header-${length}.csv`);
  const long = `long\n${"x".repeat(Math.max(0, length - 5))}`;
  writeFileSync(path, `score,"${long}",Channel\n${"9,a,chat\n".repeat(20_000)}`);
  return path;
}

describe("headerOf", () => {
  it("finds a header that ends within 4 kB, 64 kB or 1 MB, a quoted line break in it", () => {
    for (const length of [10, 5_000, 70_000, 900_000]) {
      const found = headerOf(file(length), job);
      expect(found?.length).toBe(3);
      expect(found?.[1]?.length).toBe(Math.max(length, 5));
      expect(found?.[2]).toBe("Channel");
    }
  });

  it("gives null for a header that does not end within 1 MB (the file is then read in one pass)", () => {
    expect(headerOf(file(1_100_000), job)).toBeNull();
  });

  it("gives null for a header whose quoting is broken", () => {
    const path = join(dir, "broken.csv");
    writeFileSync(path, `score,"a"b,Channel\n${"9,a,chat\n".repeat(100)}`);
    expect(headerOf(path, job)).toBeNull();
  });
});

describe("headerOf, line endings, TSV and a byte order mark", () => {
  it("reads the header as the one-pass reader does", () => {
    const rows = "9\tchat\r".repeat(1_000);
    // A carriage return alone ends a line; the one that ends the header falls on the 4 kB window's last byte (4,096),
    // where the scanner waits to see whether a line feed follows: the 64 kB window answers.
    const long = "a".repeat(4_096 - "\tChannel\r".length);
    const cases: [string, string, ReportJob, string[]][] = [
      ["cr.csv", `score,Channel\r${"9,chat\r".repeat(1_000)}`, job, ["score", "Channel"]],
      ["crlf.tsv", `score\tChannel\r\n${rows}`, { format: "tsv" } as ReportJob, ["score", "Channel"]],
      ["edge.tsv", `${long}\tChannel\r${rows}`, { format: "tsv" } as ReportJob, [long, "Channel"]],
      ["bom.csv", `\ufeffscore,Channel\n${"9,chat\n".repeat(1_000)}`, job, ["score", "Channel"]],
    ];
    for (const [name, text, kind, expected] of cases) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(headerOf(path, kind), name).toEqual(expected);
    }
  });
});

describe("the worker started early by the executable", () => {
  it("is started early for a large file whose name says CSV or TSV, whatever the case; not for JSON, Parquet or compressed", () => {
    // The names as the reader takes them (formatOf, isGzip: src/cli/read/extensions.ts); every file 17 MB (sparse).
    const nothing = new URL("data:text/javascript,"); // a worker that starts and ends at once
    const started = (name: string): boolean => {
      const path = join(dir, name);
      writeFileSync(path, "score\n");
      truncateSync(path, 17 * 1024 * 1024);
      const early = startEarlyWorker(["report", path, "--metric", "nps"], {}, nothing);
      early?.stop();
      return early !== null;
    };
    for (const name of ["survey.csv", "survey.TSV", "survey.tab", "survey.txt", "survey"])
      expect(started(name), name).toBe(true);
    for (const name of ["s.json", "s.NDJSON", "s.jsonl", "s.parquet", "s.pq", "s.csv.gz", "s.csv.gzip", "s.csv.zst"])
      expect(started(name), name).toBe(false);
  });
});

describe("a worker thread that cannot be made", () => {
  // new Worker throws at once when no thread can be made (ERR_WORKER_INIT_FAILED at a limit of threads); a URL scheme
  // Node does not start workers from (ERR_INVALID_URL_SCHEME) throws the same way, and stands in for it here.
  const unstartable = new URL("http://example.invalid/cli.js");

  it("is not started early: the executable goes on without it", () => {
    const path = join(dir, "large.csv");
    writeFileSync(path, "score\n");
    truncateSync(path, 17 * 1024 * 1024); // 17 MB (a sparse file): large enough for a worker
    expect(() => new Worker(unstartable)).toThrow();
    expect(startEarlyWorker(["report", path, "--metric", "nps"], {}, unstartable)).toBeNull();
  });

  it("leaves the file to one pass (null), as a worker that fails later does", async () => {
    const path = file(10);
    expect(await runInTwoParts(path, 20 * 1024 * 1024, job, unstartable, () => undefined)).toBeNull();
  });
});
