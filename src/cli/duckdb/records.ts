// The records of a CSV file as the JS reader (read/csv.ts) splits them, found in its bytes without decoding them: a
// quote opens a quoted field only where a field starts (`""` inside is a quote, line breaks are text), a line feed, a
// carriage return and line feed, or a lone carriage return ends a record outside quotes, a blank line is no record,
// and the first record is the header. The DuckDB engine gives the rows it could not count back by ordinal (their n-th
// place among the rows DuckDB read) and the records its CSV reader rejected by byte offset: one pass over the bytes
// gives the line of each, and the text of each rejected record for the JS reader, without reading every record again.
// Line feeds, carriage returns, quotes and an ASCII delimiter never occur inside a multi-byte UTF-8 sequence, so the
// bytes split as the decoded text does.
import type { ByteSource } from "../read/file-chunks.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Between records: at the start of a line. */
const LINE_START = 0;
/** A carriage return ended a line: a line feed next belongs to it. */
const AFTER_CR = 1;
/** At the start of a record's first field. */
const FIELD_START = 2;
/** In a record, outside quotes (a quote right after the delimiter opens a quoted field). */
const UNQUOTED = 3;
/** In a quoted field. */
const QUOTED = 4;
/** In a quoted field, just after a quote: doubled or closing, the next byte says. */
const QUOTE_IN_QUOTED = 5;

/** A record asked for: where it starts, its bytes (with its line break, if any), and its place. */
export interface PlacedRecord {
  /** Its first line. */
  readonly line: number;
  readonly bytes: Buffer;
  /** Its ordinal among the records not skipped, or null for a skipped record. */
  readonly ordinal: number | null;
}

/** Where the records asked for are. */
export interface RecordPlaces {
  /** The records after the header (the rows, good or bad). */
  readonly records: number;
  /** The records asked for, skipped ones and by ordinal, in file order. */
  readonly placed: readonly PlacedRecord[];
  /** How many of the skipped byte offsets are not where a record starts, or ordinals past the last record. */
  readonly unmatched: number;
}

/**
 * One pass over a (decompressed) CSV stream: the records asked for, with their lines and bytes. `skip`: byte offsets
 * (ascending) of records that are not counted in the ordinals (DuckDB rejected them); `ordinals`: the 1-based places
 * (ascending) of records among the others. The delimiter must be one ASCII character (its code).
 */
export async function placeRecords(
  stream: ByteSource,
  delimiter: number,
  skip: readonly number[],
  ordinals: readonly number[],
): Promise<RecordPlaces> {
  let state = LINE_START;
  let line = 1;
  /** Line breaks inside the current record's quoted fields. */
  let extra = 0;
  /** The last byte of the chunk before (a quote after a delimiter opens a field). */
  let previous = LF;
  /** In a quoted field, the chunk before ended with a carriage return (a line feed first here pairs with it). */
  let quotedCr = false;
  let base = 0;
  let seenHeader = false;
  let records = 0;
  let ordinal = 0;
  let wanted = 0;
  let next = 0;
  let unmatched = 0;
  const placed: PlacedRecord[] = [];
  /** Where the record before ended (after its line break). */
  let previousEnd = 0;
  /** The open record: its first line, its bytes in the chunks before, where it starts in this chunk. */
  let recordLine = 0;
  let pieces: Buffer[] = [];
  let pieceStart = 0;

  /** The open record ends before `endOffset`, with `tail` (its last bytes, not in `pieces`): is it asked for? */
  const finish = (tail: Buffer, endOffset: number): void => {
    const after = previousEnd;
    previousEnd = endOffset;
    if (!seenHeader) {
      seenHeader = true;
      return;
    }
    records++;
    // DuckDB's offset of a rejected record may point a little past its start, or at the blank lines before it (in a
    // CRLF file): any offset from the end of the record before to the end of this one names it.
    let rejected = false;
    while (next < skip.length && skip[next]! < endOffset) {
      if (skip[next]! >= after) rejected = true;
      else unmatched++;
      next++;
    }
    let at: number | null = null;
    if (!rejected) {
      ordinal++;
      if (wanted === ordinals.length || ordinals[wanted] !== ordinal) return;
      while (wanted < ordinals.length && ordinals[wanted] === ordinal) wanted++;
      at = ordinal;
    }
    pieces.push(tail);
    placed.push({ line: recordLine, bytes: Buffer.concat(pieces), ordinal: at });
  };

  for await (const chunk of stream) {
    const bytes = chunk;
    const n = bytes.length;
    let i = 0;
    if (base === 0 && n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
    pieceStart = 0;
    // The next quote, line feed and carriage return at or after i (n for none), looked for again once passed.
    let quoteAt = -1;
    let lfAt = -1;
    let crAt = -1;
    const nextQuote = (from: number): number => {
      if (quoteAt < from) {
        quoteAt = bytes.indexOf(QUOTE, from);
        if (quoteAt === -1) quoteAt = n;
      }
      return quoteAt;
    };
    const nextBreak = (from: number): number => {
      if (lfAt < from) {
        lfAt = bytes.indexOf(LF, from);
        if (lfAt === -1) lfAt = n;
      }
      if (crAt < from) {
        crAt = bytes.indexOf(CR, from);
        if (crAt === -1) crAt = n;
      }
      return Math.min(lfAt, crAt);
    };
    while (i < n) {
      if (state === UNQUOTED) {
        const end = nextBreak(i);
        const quote = nextQuote(i);
        if (quote < end) {
          // A quote right after the delimiter opens a quoted field; elsewhere it is text.
          const before = quote > 0 ? bytes[quote - 1] : previous;
          if (before === delimiter) {
            state = QUOTED;
            quotedCr = false;
          }
          i = quote + 1;
          continue;
        }
        if (end === n) break;
        i = end + 1;
        finish(bytes.subarray(pieceStart, i), base + i);
        line += 1 + extra;
        extra = 0;
        state = bytes[end] === CR ? AFTER_CR : LINE_START;
        continue;
      }
      if (state === QUOTED) {
        const quote = nextQuote(i);
        if (nextBreak(i) < quote) extra += breaksBetween(bytes, i, quote, quotedCr);
        quotedCr = quote === n && bytes[n - 1] === CR;
        if (quote === n) break;
        state = QUOTE_IN_QUOTED;
        i = quote + 1;
        continue;
      }
      const c = bytes[i]!;
      if (state === LINE_START) {
        if (c === LF) {
          line++;
          i++;
        } else if (c === CR) {
          line++;
          state = AFTER_CR;
          i++;
        } else {
          recordLine = line;
          pieces = [];
          pieceStart = i;
          state = FIELD_START;
        }
      } else if (state === AFTER_CR) {
        if (c === LF) i++;
        state = LINE_START;
      } else if (c === QUOTE) {
        // At a field's start, or after a quote in a quoted field: a quote opens the field, or is a doubled one.
        state = QUOTED;
        quotedCr = false;
        i++;
      } else state = UNQUOTED;
    }
    // A record still open: its bytes in this chunk.
    if (state !== LINE_START && state !== AFTER_CR) pieces.push(Buffer.from(bytes.subarray(pieceStart, n)));
    if (n > 0) previous = bytes[n - 1]!;
    base += n;
  }
  // The last record, when no line break ends it.
  if (state !== LINE_START && state !== AFTER_CR) finish(Buffer.alloc(0), base);
  unmatched += skip.length - next + ordinals.length - wanted;
  return { records, placed, unmatched };
}

/**
 * The line breaks in `bytes[from, to)` inside a quoted field, as the JS reader counts them: a line feed, or a carriage
 * return not followed by a line feed; `crBefore`: the field's text just before `from` (the end of the chunk before) was
 * a carriage return, already counted.
 */
function breaksBetween(bytes: Buffer, from: number, to: number, crBefore: boolean): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === LF) {
      if (i === from ? !crBefore : bytes[i - 1] !== CR) count++;
    } else if (c === CR) count++;
  }
  return count;
}
