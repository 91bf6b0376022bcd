// A pass over a CSV file's bytes beside DuckDB's own read, for what DuckDB does not say: that a byte is not UTF-8 in a
// column the report does not read (DuckDB checks only the columns it reads, so the engines disagreed), and where a line
// is longer than DuckDB's max_line_size (DuckDB rejects such a record, or drops it without a word when it is longer
// than its buffer). Fast: the bytes are checked by Node's UTF-8 validator and line breaks are looked for once per window
// of max_line_size bytes, not once per line.
import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { firstBadUtf8, startsAsUtf16, unfinishedTail } from "../read/utf8.js";

/** What the pass found. */
export interface ByteCheck {
  /** The first byte that is not UTF-8 (its offset in the decompressed stream, and its value), or null. */
  readonly badByte: { readonly offset: number; readonly value: number } | null;
  /** The input starts with a UTF-16 byte-order mark. */
  readonly utf16: boolean;
  /** Where each line longer than `longer` bytes starts (byte offsets, ascending; at most 10,000 of them). */
  readonly longLines: readonly number[];
  /** The length in bytes of the longest of those lines (without its line break; so far, when stopped early); 0 if none. */
  readonly longest: number;
}

const MAX_LONG_LINES = 10_000;

/** The last line break (LF or CR) in `bytes[from, to)`, or -1. */
function lastBreak(bytes: Buffer, from: number, to: number): number {
  if (to <= from) return -1;
  const window = bytes.subarray(from, to);
  const at = Math.max(window.lastIndexOf(10), window.lastIndexOf(13));
  return at === -1 ? -1 : from + at;
}

/** The first line break (LF or CR) in `bytes[from..]`, or -1. */
function firstBreak(bytes: Buffer, from: number): number {
  const lf = bytes.indexOf(10, from);
  const cr = bytes.indexOf(13, from);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * Reads a (decompressed) stream to its end, or to its first byte that is not UTF-8; `stop` says whether to stop early
 * (a line past a limit: the caller then reads the file another way).
 */
export async function checkBytes(
  stream: Readable,
  longer: number,
  stop: (longest: number) => boolean = () => false,
): Promise<ByteCheck> {
  let base = 0; // offset of the chunk's first byte
  let lineStart = 0; // offset where the current line starts
  let longest = 0;
  let flagged = -1; // the line start already listed as long
  const longLines: number[] = [];
  let waiting: Buffer = Buffer.alloc(0);
  let head: Buffer = Buffer.alloc(0);
  const result = (badByte: ByteCheck["badByte"]): ByteCheck => ({
    badByte,
    utf16: startsAsUtf16(head),
    longLines,
    longest,
  });
  const flag = (): void => {
    if (flagged !== lineStart && longLines.length < MAX_LONG_LINES) longLines.push(lineStart);
    flagged = lineStart;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2 - head.length)]);
      // UTF-8: the chunk with the unfinished sequence the last one ended with.
      const bytes = waiting.length === 0 ? chunk : Buffer.concat([waiting, chunk]);
      const cut = unfinishedTail(bytes);
      if (!isUtf8(bytes.subarray(0, cut))) {
        const bad = Math.max(0, firstBadUtf8(bytes.subarray(0, cut)));
        stream.destroy();
        return result({ offset: base - waiting.length + bad, value: bytes[bad]! });
      }
      waiting = Buffer.from(bytes.subarray(cut));
      // Lines: is there a break within `longer` bytes of each line's start? (One look per window, not per line.)
      const end = base + chunk.length;
      for (;;) {
        const from = Math.max(0, lineStart - base);
        const windowEnd = lineStart + longer + 1; // the current line is long unless a break comes before this offset
        if (windowEnd > end) {
          const at = lastBreak(chunk, from, chunk.length);
          if (at !== -1) lineStart = base + at + 1;
          break;
        }
        const at = lastBreak(chunk, from, windowEnd - base);
        if (at !== -1) {
          lineStart = base + at + 1;
          continue;
        }
        flag();
        const next = firstBreak(chunk, Math.max(from, windowEnd - base));
        if (next === -1) break;
        longest = Math.max(longest, base + next - lineStart);
        lineStart = base + next + 1;
      }
      if (end - lineStart > longer) {
        flag();
        longest = Math.max(longest, end - lineStart);
      }
      base = end;
      if (stop(longest)) {
        stream.destroy();
        return result(null);
      }
    }
  } catch (error) {
    // Gzip data that cannot be read: DuckDB fails on it too, and the JS reader then says so with the line.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_")) return result(null);
    throw error;
  }
  if (waiting.length > 0) return result({ offset: base - waiting.length, value: waiting[0]! });
  return result(null);
}
