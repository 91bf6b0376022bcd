// A pass over a CSV file's bytes beside DuckDB's own read, for what DuckDB does not say: that a byte is not UTF-8 in a
// column the report does not read (DuckDB checks only the columns it reads, so the engines disagreed); where a line is
// longer than DuckDB's max_line_size (DuckDB rejects such a record, or drops it without a word when it is longer than
// its buffer); and where a quoted field is that long (DuckDB's parallel reader then loses track of the quotes: millions
// of false rejects, or rows that are not there). Fast: Node's UTF-8 validator checks the bytes, line breaks are looked
// for once per window of max_line_size bytes, and quotes one by one with indexOf (a quote opens a field only where a
// field starts, as in the JS reader).
import { isUtf8 } from "node:buffer";
import { firstBadUtf8, startsAsUtf16, unfinishedTail } from "../read/utf8.js";
import type { ByteSource } from "../read/file-chunks.js";

/** What the pass found. */
export interface ByteCheck {
  /** The first byte that is not UTF-8 (its offset in the decompressed stream, and its value), or null. */
  readonly badByte: { readonly offset: number; readonly value: number } | null;
  /** The input starts with a UTF-16 byte-order mark. */
  readonly utf16: boolean;
  /** Where each line longer than `longer` bytes starts (byte offsets, ascending; at most 10,000 of them). */
  readonly longLines: readonly number[];
  /** The length in bytes of the longest of those lines (so far, when stopped early); 0 if none. */
  readonly longest: number;
  /** Where the first quoted field longer than `longer` bytes opens (its quote's offset), or null. */
  readonly longQuoted: number | null;
  /**
   * Where the first quote is that DuckDB reads otherwise than the JS reader (its offset), or null: a quote after spaces
   * at a field's start (DuckDB 1.5 reads ` "chat"` as the quoted field chat, the JS reader as the text ` "chat"`), or a
   * closing quote followed by a space (DuckDB reads `"chat" ,` as chat, the JS reader finds text after the closing
   * quote and rejects the row). The fields differ without a count or a reject to show it.
   */
  readonly spacedQuote: number | null;
}

const MAX_LONG_LINES = 10_000;
const QUOTE = 34;
const SPACE = 32;
const LF = 10;
const CR = 13;

/** The last line break (LF or CR) in `bytes[from, to)`, or -1. */
function lastBreak(bytes: Buffer, from: number, to: number): number {
  if (to <= from) return -1;
  const window = bytes.subarray(from, to);
  const at = Math.max(window.lastIndexOf(LF), window.lastIndexOf(CR));
  return at === -1 ? -1 : from + at;
}

/** The first line break (LF or CR) in `bytes[from..]`, or -1. */
function firstBreak(bytes: Buffer, from: number): number {
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  return lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
}

/** The pass's state from chunk to chunk. */
class Checker {
  /** Offset of the current chunk's first byte. */
  base = 0;
  head: Buffer = Buffer.alloc(0);
  /** An unfinished UTF-8 sequence at the end of the last chunk. */
  waiting: Buffer = Buffer.alloc(0);
  lineStart = 0;
  longest = 0;
  private flaggedLine = -1;
  readonly longLines: number[] = [];
  inQuote = false;
  quoteStart = 0;
  /** Inside a quoted field, the last chunk ended with a quote: doubled or closing, the next byte says. */
  quoteAtEnd = false;
  previous = LF;
  longQuoted: number | null = null;
  spacedQuote: number | null = null;
  /** The last byte other than a space in the chunks before (a line feed at the file's start). */
  lastNonSpace = LF;

  constructor(
    private readonly longer: number,
    /** The last byte of the delimiter's UTF-8 form. */
    private readonly delimiter: number,
  ) {}

  /** The first byte that is not UTF-8 in the chunk (with the unfinished sequence before it): its offset, or -1. */
  utf8(chunk: Buffer): { offset: number; value: number } | null {
    if (this.head.length < 2) this.head = Buffer.concat([this.head, chunk.subarray(0, 2 - this.head.length)]);
    const bytes = this.waiting.length === 0 ? chunk : Buffer.concat([this.waiting, chunk]);
    const cut = unfinishedTail(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      const bad = Math.max(0, firstBadUtf8(bytes.subarray(0, cut)));
      return { offset: this.base - this.waiting.length + bad, value: bytes[bad]! };
    }
    this.waiting = Buffer.from(bytes.subarray(cut));
    return null;
  }

  private flagLine(): void {
    if (this.flaggedLine !== this.lineStart && this.longLines.length < MAX_LONG_LINES)
      this.longLines.push(this.lineStart);
    this.flaggedLine = this.lineStart;
  }

  /** Lines: is there a break within `longer` bytes of each line's start? (One look per window, not per line.) */
  lines(chunk: Buffer): void {
    const base = this.base;
    const end = base + chunk.length;
    for (;;) {
      const from = Math.max(0, this.lineStart - base);
      const windowEnd = this.lineStart + this.longer + 1; // the line is long unless a break comes before this offset
      if (windowEnd > end) {
        const at = lastBreak(chunk, from, chunk.length);
        if (at !== -1) this.lineStart = base + at + 1;
        break;
      }
      const at = lastBreak(chunk, from, windowEnd - base);
      if (at !== -1) {
        this.lineStart = base + at + 1;
        continue;
      }
      this.flagLine();
      const next = firstBreak(chunk, Math.max(from, windowEnd - base));
      if (next === -1) break;
      this.longest = Math.max(this.longest, base + next - this.lineStart);
      this.lineStart = base + next + 1;
    }
    if (end - this.lineStart > this.longer) {
      this.flagLine();
      this.longest = Math.max(this.longest, end - this.lineStart);
    }
  }

  /** Quoted fields: how long is each? A quote opens one only at a field's start (after a delimiter or a line break). */
  quotes(chunk: Buffer): void {
    const base = this.base;
    let i = 0;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (chunk[0] === QUOTE) i = 1;
      else {
        if (chunk[0] === SPACE && this.delimiter !== SPACE) this.spacedQuote ??= base - 1;
        this.close(base - 1);
      }
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, i);
      if (q === -1) break;
      if (this.inQuote) {
        if (q + 1 === chunk.length) {
          this.quoteAtEnd = true;
          break;
        }
        if (chunk[q + 1] === QUOTE) i = q + 2;
        else {
          if (chunk[q + 1] === SPACE && this.delimiter !== SPACE) this.spacedQuote ??= base + q;
          this.close(base + q);
          i = q + 1;
        }
        continue;
      }
      const before = q > 0 ? chunk[q - 1]! : this.previous;
      const atStart =
        base + q === 0 ||
        before === LF ||
        before === CR ||
        before === this.delimiter ||
        (base + q === 3 && this.head[0] === 0xef); // after a byte-order mark
      if (atStart) {
        this.inQuote = true;
        this.quoteStart = base + q;
      } else if (before === SPACE && this.afterSpacesAtStart(chunk, q)) this.spacedQuote ??= base + q;
      i = q + 1;
    }
    if (this.inQuote && base + chunk.length - this.quoteStart > this.longer) this.longQuoted ??= this.quoteStart;
    this.previous = chunk[chunk.length - 1] ?? this.previous;
    for (let k = chunk.length - 1; k >= 0; k--)
      if (chunk[k] !== SPACE) {
        this.lastNonSpace = chunk[k]!;
        break;
      }
  }

  /** Whether the spaces before the quote at `q` follow a field's start (a delimiter, a line break, the file's start). */
  private afterSpacesAtStart(chunk: Buffer, q: number): boolean {
    let k = q - 1;
    while (k >= 0 && chunk[k] === SPACE) k--;
    const before = k >= 0 ? chunk[k] : this.lastNonSpace;
    return before === LF || before === CR || before === this.delimiter;
  }

  private close(at: number): void {
    this.inQuote = false;
    if (at - this.quoteStart > this.longer) this.longQuoted ??= this.quoteStart;
  }

  result(badByte: ByteCheck["badByte"]): ByteCheck {
    return {
      badByte,
      utf16: startsAsUtf16(this.head),
      longLines: this.longLines,
      longest: this.longest,
      longQuoted: this.longQuoted,
      spacedQuote: this.spacedQuote,
    };
  }
}

/**
 * Reads a (decompressed) CSV stream to its end, or to its first byte that is not UTF-8; `stop` says whether to stop
 * early (a line past a limit, a long quoted field: the caller then reads the file another way).
 */
export async function checkBytes(
  stream: ByteSource,
  longer: number,
  delimiter: string,
  stop: (found: ByteCheck) => boolean = () => false,
): Promise<ByteCheck> {
  const encoded = Buffer.from(delimiter);
  const checker = new Checker(longer, encoded[encoded.length - 1]!);
  try {
    for await (const chunk of stream) {
      const bad = checker.utf8(chunk);
      if (bad !== null) {
        stream.destroy();
        return checker.result(bad);
      }
      checker.lines(chunk);
      checker.quotes(chunk);
      checker.base += chunk.length;
      if (stop(checker.result(null))) {
        stream.destroy();
        return checker.result(null);
      }
    }
  } catch (error) {
    // Gzip data that cannot be read: DuckDB fails on it too, and the JS reader then says so with the line.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_")) return checker.result(null);
    throw error;
  }
  if (checker.waiting.length > 0)
    return checker.result({ offset: checker.base - checker.waiting.length, value: checker.waiting[0]! });
  return checker.result(null);
}
