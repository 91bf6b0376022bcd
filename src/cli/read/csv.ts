// A streaming CSV / TSV scanner (RFC 4180 quoting) that gives each record with the file line it starts on; text arrives
// in chunks of any size.
//
// Why our own and not a package: see CHANGELOG ("command line") and bench/README.md. In short, on a
// 1M-row survey export the measured packages were either several times slower than the report's
// target (csv-parse with line info) or could not say on which line a record starts (udsv, d3-dsv,
// papaparse's fast mode), which every rejected row must carry. This scanner is checked against
// csv-parse on random files (test/cli/csv-scanner.test.ts).
//
// Linear in the input whatever a record's length: a record that a chunk leaves unfinished waits in a list of pieces,
// and each new piece is only looked at by a small state machine (`findEnd`) that says when the record has ended; the
// record is then read once. (Reading `carry + chunk` again from the record's start at every chunk took 21 s for one
// 20 MB line.) A record longer than MAX_RECORD_CHARS stops the read.
import { MAX_RECORD_CHARS, recordTooLong } from "./limited.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A record as read: its fields, the line it starts on (1-based), and what was wrong with its quoting, if anything. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
  /**
   * Set when the record's quoting is broken (text after a closing quote, a quote never closed); its fields are then as
   * best read.
   */
  readonly problem: string | null;
  /** The 0-based field the problem is in. */
  readonly problemField: number | null;
}

// Where `findEnd` is in an unfinished record.
/** At the start of a field. */
const FIELD_START = 0;
/** In an unquoted field, or in the text after a quoted field's closing quote. */
const UNQUOTED = 1;
/** In a quoted field. */
const QUOTED = 2;
/** Just after a quote in a quoted field: a doubled quote or the closing one, the next character says. */
const QUOTE_IN_QUOTED = 3;
/** Just after a carriage return that ends the record (is a line feed next?). */
const CARRIAGE_RETURN = 4;
/** The record has ended. */
const ENDED = 5;

/**
 * Line breaks (line feeds, and carriage returns not followed by a line feed) in text[from, to): a quoted field, short.
 */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/**
 * Reads CSV text chunk by chunk. Fields are separated by `delimiter`; a field that starts with `"`
 * is quoted (`""` inside it is a quote; it may hold delimiters and line breaks); records end at
 * `\n`, `\r\n` or `\r`. Blank lines are not records. A byte-order mark at the start is dropped.
 * A quote inside an unquoted field is kept as text (as spreadsheets write it).
 */
export class CsvScanner {
  private readonly delimiter: number;
  private readonly maxRecordChars: number;
  /** The unfinished record's text, in pieces (joined once it has ended), and their total length. */
  private pieces: string[] = [];
  private pendingLength = 0;
  /** Where `findEnd` is in the unfinished record. */
  private endState = FIELD_START;
  private line = 1;
  private started = false;
  private keep: readonly boolean[] | null = null;

  /** Is part of a record waiting for more text (the input so far does not end at a record's end)? */
  get pending(): boolean {
    return this.pieces.length > 0;
  }

  /** The line the text given so far ends on (where the next character would be): for messages about the input. */
  get lineAtEnd(): number {
    return this.line + lineBreaks(this.pieces.join(""), 0, this.pendingLength);
  }

  /** The line the next record starts on (1-based, or relative to `firstLine`). */
  get nextLine(): number {
    return this.line;
  }

  /** `maxRecordChars`: the longest record read (a longer one throws an InputError), MAX_RECORD_CHARS by default. */
  constructor(delimiter = ",", firstLine = 1, maxRecordChars = MAX_RECORD_CHARS) {
    this.line = firstLine;
    this.maxRecordChars = maxRecordChars;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")
      throw new Error(
        `delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
      );
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads only these columns' text from now on (the others are given as ""), which saves copying
   * fields nobody reads; quoting and line counting are unchanged.
   */
  keepOnly(columns: readonly number[]): void {
    const keep: boolean[] = [];
    for (const column of columns) keep[column] = true;
    this.keep = keep;
  }

  /** Scans a chunk; complete records go to `onRecord`, an incomplete one waits for the next chunk. */
  push(chunk: string, onRecord: (record: CsvRecord) => void): void {
    let text = chunk;
    if (this.pieces.length > 0) {
      this.pieces.push(chunk);
      this.pendingLength += chunk.length;
      if (!this.findEnd(chunk)) {
        this.checkLength();
        return;
      }
      text = this.pieces.join("");
      this.pieces = [];
      this.pendingLength = 0;
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const used = this.scan(text, false, onRecord);
    if (used < text.length) {
      const rest = used === 0 ? text : text.slice(used);
      this.pieces = [rest];
      this.pendingLength = rest.length;
      this.endState = FIELD_START;
      this.findEnd(rest);
      this.checkLength();
    }
  }

  /** Ends the input: the last record (without a final line break, or with a quote never closed) is given. */
  end(onRecord: (record: CsvRecord) => void): void {
    const text = this.pieces.join("");
    this.pieces = [];
    this.pendingLength = 0;
    this.scan(text, true, onRecord);
  }

  /** An unfinished record longer than the limit stops the read. */
  private checkLength(): void {
    if (this.pendingLength > this.maxRecordChars)
      throw recordTooLong(
        this.line,
        this.endState === QUOTED || this.endState === QUOTE_IN_QUOTED,
        this.maxRecordChars,
      );
  }

  /**
   * Follows an unfinished record through more of its text (from `endState`); true once it has ended there (a line
   * break outside quotes, and after a carriage return one more character). The same reading as `scan`'s, without
   * copying anything: `scan` then reads the record once.
   */
  private findEnd(text: string): boolean {
    const delimiter = this.delimiter;
    const n = text.length;
    let state = this.endState;
    let i = 0;
    while (i < n && state !== ENDED) {
      if (state === QUOTED) {
        const q = text.indexOf('"', i);
        if (q === -1) break;
        state = QUOTE_IN_QUOTED;
        i = q + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      i++;
      if (state === CARRIAGE_RETURN) state = ENDED;
      else if (c === QUOTE && (state === FIELD_START || state === QUOTE_IN_QUOTED)) state = QUOTED;
      else if (c === delimiter) state = FIELD_START;
      else if (c === LF) state = ENDED;
      else if (c === CR) state = CARRIAGE_RETURN;
      else state = UNQUOTED;
    }
    this.endState = state;
    return state === ENDED;
  }

  /** Scans whole records from `text`; returns where the first incomplete one starts (all of it when `final`). */
  private scan(text: string, final: boolean, onRecord: (record: CsvRecord) => void): number {
    const n = text.length;
    const delimiter = this.delimiter;
    const delimiterText = String.fromCharCode(delimiter);
    let pos = 0;
    // The next delimiter, line feed and carriage return at or after `pos` (n for none), found by indexOf and kept until
    // passed: an unquoted field ends at the first of them. (15 % faster than testing each character three times, on a
    // 1M-row survey export: bench/README.md.)
    let nextDelimiter = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (pos < n) {
      const recordStart = pos;
      let c = text.charCodeAt(pos);
      // A blank line is not a record.
      if (c === LF || c === CR) {
        if (c === CR && pos + 1 === n && !final) return recordStart; // \r\n split between chunks
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const fields: string[] = [];
      let problem: string | null = null;
      let problemField: number | null = null;
      let extraLines = 0;
      for (;;) {
        if (pos < n && text.charCodeAt(pos) === QUOTE) {
          // A quoted field: up to the quote that is not doubled.
          const wanted = this.keep === null || this.keep[fields.length] === true;
          const open = pos;
          let value = "";
          let from = pos + 1;
          let closed = false;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1) break;
            if (q + 1 === n && !final) return recordStart; // is it "" or the end? the next chunk says
            if (text.charCodeAt(q + 1) === QUOTE) {
              if (wanted) value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            if (wanted) value += text.slice(from, q);
            pos = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) return recordStart;
            if (wanted) value += text.slice(from);
            if (problem === null) {
              problem =
                'a quote opens and is never closed (the field runs to the end of the file): close it, or write a quote inside a quoted value twice ("")';
              problemField = fields.length;
            }
            pos = n;
          }
          extraLines += lineBreaks(text, open, pos);
          // After the closing quote: a delimiter, a line break or the end; anything else is kept as text, and said.
          if (pos < n) {
            c = text.charCodeAt(pos);
            if (c !== delimiter && c !== LF && c !== CR) {
              let end = pos;
              while (end < n && (c = text.charCodeAt(end)) !== delimiter && c !== LF && c !== CR) end++;
              if (end === n && !final) return recordStart;
              if (problem === null) {
                problem = 'text after the closing quote: a quote inside a quoted value is written twice ("")';
                problemField = fields.length;
              }
              value += text.slice(pos, end);
              pos = end;
            }
          }
          fields.push(value);
        } else {
          if (nextDelimiter < pos) {
            nextDelimiter = text.indexOf(delimiterText, pos);
            if (nextDelimiter === -1) nextDelimiter = n;
          }
          if (nextLf < pos) {
            nextLf = text.indexOf("\n", pos);
            if (nextLf === -1) nextLf = n;
          }
          if (nextCr < pos) {
            nextCr = text.indexOf("\r", pos);
            if (nextCr === -1) nextCr = n;
          }
          const end = Math.min(nextDelimiter, nextLf, nextCr);
          if (end === n && !final) return recordStart;
          fields.push(this.keep === null || this.keep[fields.length] === true ? text.slice(pos, end) : "");
          pos = end;
        }
        if (pos >= n) {
          if (!final) return recordStart;
          onRecord({ fields, line: this.line, problem, problemField });
          this.line += extraLines;
          return n;
        }
        c = text.charCodeAt(pos);
        if (c === delimiter) {
          pos++;
          continue;
        }
        // The record's line break.
        if (c === CR) {
          if (pos + 1 === n && !final) return recordStart;
          pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        onRecord({ fields, line: this.line, problem, problemField });
        this.line += 1 + extraLines;
        break;
      }
    }
    return n;
  }
}
