// A streaming CSV / TSV scanner (RFC 4180 quoting) that gives each record with the file line it starts on; text arrives
// in chunks of any size.
//
// Why our own and not a package: see CHANGELOG ("command line") and bench/README.md. In short, on a
// 1M-row survey export the measured packages were either several times slower than the report's
// target (csv-parse with line info) or could not say on which line a record starts (udsv, d3-dsv,
// papaparse's fast mode), which every rejected row must carry. This scanner is checked against
// csv-parse on random files (test/cli/csv.test.ts).

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
  private carry = "";
  private line = 1;
  private started = false;
  private keep: readonly boolean[] | null = null;

  /** Is part of a record waiting for more text (the input so far does not end at a record's end)? */
  get pending(): boolean {
    return this.carry !== "";
  }

  /** The line the next record starts on (1-based, or relative to `firstLine`). */
  get nextLine(): number {
    return this.line;
  }

  constructor(delimiter = ",", firstLine = 1) {
    this.line = firstLine;
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
    let text = this.carry === "" ? chunk : this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const used = this.scan(text, false, onRecord);
    this.carry = used === text.length ? "" : text.slice(used);
  }

  /** Ends the input: the last record (without a final line break, or with a quote never closed) is given. */
  end(onRecord: (record: CsvRecord) => void): void {
    const text = this.carry;
    this.carry = "";
    this.scan(text, true, onRecord);
  }

  /** Scans whole records from `text`; returns where the first incomplete one starts (all of it when `final`). */
  private scan(text: string, final: boolean, onRecord: (record: CsvRecord) => void): number {
    const n = text.length;
    const delimiter = this.delimiter;
    let pos = 0;
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
              problem = "a quote opens and is never closed (the field runs to the end of the file)";
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
                problem = "text after the closing quote";
                problemField = fields.length;
              }
              value += text.slice(pos, end);
              pos = end;
            }
          }
          fields.push(value);
        } else {
          let end = pos;
          while (end < n && (c = text.charCodeAt(end)) !== delimiter && c !== LF && c !== CR) end++;
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
