// fileChunks (src/cli/read/file-chunks.ts): a file's bytes by synchronous reads, the readers' source for a plain file.
// Expected bytes are the file's own (readFileSync), cut where the test says.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileChunks } from "../../src/cli/read/file-chunks.js";
import { openInput, readRows } from "../../src/cli/read/input.js";

const dir = mkdtempSync(join(tmpdir(), "cx-file-chunks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `size` bytes, each byte its offset modulo 251 (so a chunk read from the wrong place shows). */
function file(size: number): string {
  const path = join(dir, `bytes-${size}.bin`);
  writeFileSync(
    path,
    Uint8Array.from({ length: size }, (_, i) => i % 251),
  );
  return path;
}

describe("fileChunks", () => {
  it("gives the whole file in chunks of 64 kB, each its own buffer", async () => {
    const path = file(200_000);
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path)) chunks.push(chunk);
    // 200,000 = 3 × 65,536 + 3,392
    expect(chunks.map((chunk) => chunk.length)).toEqual([65_536, 65_536, 65_536, 3_392]);
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(4);
    expect(Buffer.concat(chunks).equals(readFileSync(path))).toBe(true);
  });

  it("reads a range, whose end may move down while it is read, and moves `read` on", async () => {
    const path = file(300_000);
    const range = { read: 1_000, end: 300_000 };
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path, range)) {
      chunks.push(chunk);
      // After the first chunk (bytes 1,000-66,535) the other thread's part starts at 100,000.
      if (chunks.length === 1) range.end = 100_000;
    }
    expect(chunks.map((chunk) => chunk.length)).toEqual([65_536, 100_000 - 66_536]);
    expect(range.read).toBe(100_000);
    expect(Buffer.concat(chunks).equals(readFileSync(path).subarray(1_000, 100_000))).toBe(true);
  });

  it("stops when destroyed, and lets the event loop run between chunks", async () => {
    const path = file(400_000);
    const source = fileChunks(path);
    let chunks = 0;
    // A callback queued before the read (as a worker's message would be) runs before its third chunk; were the chunks
    // given by microtasks alone, it would wait for the end of the file.
    let ran = false;
    setImmediate(() => (ran = true));
    let ranBeforeThird = false;
    for await (const _ of source) {
      chunks++;
      if (chunks === 3) {
        ranBeforeThird = ran;
        source.destroy();
      }
    }
    expect(ranBeforeThird).toBe(true);
    expect(chunks).toBe(3);
  });

  it("ends where a file that shrinks while it is read ends now", async () => {
    const path = file(300_000);
    const expected = readFileSync(path).subarray(0, 100_000);
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path)) {
      chunks.push(chunk);
      // After the first chunk (bytes 0-65,535) the file is cut to 100,000 bytes: 34,464 more, then the end.
      if (chunks.length === 1) truncateSync(path, 100_000);
    }
    expect(chunks.map((chunk) => chunk.length)).toEqual([65_536, 100_000 - 65_536]);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  });

  // The file descriptors of this process open on `path` (Linux: /proc/self/fd).
  const openOn = (path: string): number =>
    readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false; // the descriptor readdir itself used, closed since
      }
    }).length;

  it.runIf(existsSync("/proc/self/fd"))(
    "opens the file at the first chunk: a source given up before that holds no file descriptor",
    async () => {
      const path = file(1_000);
      const source = fileChunks(path);
      expect(openOn(path)).toBe(0);
      source.destroy();
      const chunks: Buffer[] = [];
      for await (const chunk of source) chunks.push(chunk);
      expect(chunks).toEqual([]);
      expect(openOn(path)).toBe(0);
      // A reader that refuses the format before it reads (Parquet is read by DuckDB only) leaves nothing open.
      const parquet = join(dir, "data.parquet");
      writeFileSync(parquet, "PAR1");
      await expect(
        readRows(openInput(parquet).stream, "parquet", { header: () => undefined, row: () => undefined }),
      ).rejects.toThrow("read through DuckDB");
      expect(openOn(parquet)).toBe(0);
      // While it is read, the file is open once; at the end it is closed.
      for await (const _ of fileChunks(path)) expect(openOn(path)).toBe(1);
      expect(openOn(path)).toBe(0);
    },
  );

  it("an empty file gives no chunk", async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(file(0))) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});
