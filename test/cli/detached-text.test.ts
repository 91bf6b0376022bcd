// A kept cell must not keep the chunk it was cut from (the 10M-row messy survey peaked at 745 MB because each reject's
// date, a slice of its 64 kB chunk, kept the chunk: bench/README.md). The heap is measured after a full collection,
// with and without detachedText, over a hundred 1 MB chunks.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { detachedText } from "../../src/cli/read/detached.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap bytes still used after keeping one 25-character cell of each of `chunks` 1 MB chunks. */
function keptBytes(keep: (cell: string) => string, chunks: number): { kept: string[]; bytes: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < chunks; i++) {
    // A flat one-byte string of 1 MB, as TextDecoder gives a chunk, with a bad date at its end.
    const chunk = `${Buffer.alloc(1 << 20, 97 + (i % 26)).toString("latin1")}2025-02-30T10:00:00+01:00`;
    kept.push(keep(chunk.slice(1 << 20)));
  }
  gc();
  return { kept, bytes: process.memoryUsage().heapUsed - before };
}

describe("detachedText", () => {
  it("is the same text, lone surrogates, quotes, controls and non-ASCII included", () => {
    for (const text of [
      "",
      "ten",
      "2025-02-30T10:00:00+01:00",
      '"quoted" \\ \n\t\u0000',
      "Zürich ✓ 😀",
      "\ud800x\udfff",
    ])
      expect(detachedText(`${"-".repeat(40)}${text}`.slice(40))).toBe(text);
  });

  it("keeps the cell without its chunk: 100 chunks of 1 MB, under 5 MB kept (a plain slice keeps them all)", () => {
    const sliced = keptBytes((cell) => cell, 100);
    expect(sliced.kept.every((cell) => cell === "2025-02-30T10:00:00+01:00")).toBe(true);
    expect(sliced.bytes).toBeGreaterThan(90 * 2 ** 20);
    sliced.kept.length = 0;
    const copied = keptBytes(detachedText, 100);
    expect(copied.kept.every((cell) => cell === "2025-02-30T10:00:00+01:00")).toBe(true);
    expect(copied.bytes).toBeLessThan(5 * 2 ** 20);
  });
});
