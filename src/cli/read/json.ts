// Streaming readers for JSON: a top-level array read element by element (never the whole file at once), and NDJSON (one
// value per line); each element with the line it starts on. Linear in the input; an element longer than
// MAX_RECORD_CHARS stops the read, and one nested deeper than MAX_JSON_DEPTH is a bad row.
import { MAX_JSON_DEPTH, MAX_RECORD_CHARS, recordTooLong } from "./limited.js";

const LF = 10;
const CR = 13;

/** One element of the input: its text as parsed (or the reason it could not be), and its first line. */
export interface JsonElement {
  readonly value: unknown;
  readonly line: number;
  /** Why the element is not valid JSON; `value` is then undefined. */
  readonly problem: string | null;
}

function parsed(text: string, line: number): JsonElement {
  try {
    return { value: JSON.parse(text), line, problem: null };
  } catch (error) {
    return { value: undefined, line, problem: `not valid JSON (${(error as Error).message})` };
  }
}

/** A problem with the file as a whole (not an array, cut short): a usage error. */
export class JsonFileError extends Error {}

/**
 * Reads a JSON array chunk by chunk: `[ {...}, {...} ]`. Each element is parsed on its own, so a
 * broken element is one bad row, not a broken file; brackets and strings are tracked to find where
 * elements end.
 */
export class JsonArrayScanner {
  private state: "before" | "between" | "element" | "after" = "before";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = "";
  private elementLength = 0;
  private elementLine = 0;
  private line = 1;
  private lastCr = false;

  constructor(private readonly maxRecordChars = MAX_RECORD_CHARS) {}

  /** The line the text given so far ends on. */
  get lineAtEnd(): number {
    return this.line;
  }

  /** Scans a chunk; complete elements go to `onElement`. */
  push(chunk: string, onElement: (element: JsonElement) => void): void {
    let from = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) {
        if (!this.lastCr) this.line++;
        this.lastCr = false;
      } else if (c === CR) {
        this.line++;
        this.lastCr = true;
      } else this.lastCr = false;
      if (this.state === "element") {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 92 /* \ */) this.escaped = true;
          else if (c === 34 /* " */) this.inString = false;
          continue;
        }
        if (c === 34) this.inString = true;
        else if (c === 123 /* { */ || c === 91 /* [ */) this.depth++;
        else if (c === 125 /* } */ || c === 93 /* ] */) {
          if (this.depth === 0) {
            // The array's closing bracket after a scalar element.
            onElement(parsed(this.element + chunk.slice(from, i), this.elementLine));
            this.state = "after";
            continue;
          }
          this.depth--;
        } else if (c === 44 /* , */ && this.depth === 0) {
          onElement(parsed(this.element + chunk.slice(from, i), this.elementLine));
          this.element = "";
          this.elementLength = 0;
          this.state = "between";
        }
        continue;
      }
      if (c === 32 || c === 9 || c === LF || c === CR || c === 0xfeff) continue;
      if (this.state === "before") {
        if (c !== 91)
          throw new JsonFileError(
            `a JSON file must hold an array of records; it starts with ${JSON.stringify(chunk[i])} on line ${this.line} (for one record per line, use NDJSON)`,
          );
        this.state = "between";
      } else if (this.state === "between") {
        if (c === 93) this.state = "after";
        else if (c !== 44) {
          this.state = "element";
          this.element = "";
          this.elementLength = 0;
          this.elementLine = this.line;
          from = i;
          i--; // read this character again, as part of the element (it is not a line break)
        }
      } else throw new JsonFileError(`text after the end of the JSON array, on line ${this.line}`);
    }
    if (this.state === "element") {
      this.element += chunk.slice(from);
      this.elementLength += n - from;
      if (this.elementLength > this.maxRecordChars)
        throw recordTooLong(this.elementLine, this.inString, this.maxRecordChars);
    }
  }

  /** Ends the input. */
  end(): void {
    if (this.state === "before") throw new JsonFileError("the JSON file is empty");
    if (this.state !== "after")
      throw new JsonFileError(`the JSON array is never closed (the file ends on line ${this.line})`);
  }
}

/** Reads NDJSON chunk by chunk: one JSON value per line; blank lines are not records. */
export class NdjsonScanner {
  /** The unfinished line, in pieces, and their total length. */
  private pieces: string[] = [];
  private pendingLength = 0;
  private line = 1;

  constructor(private readonly maxRecordChars = MAX_RECORD_CHARS) {}

  /**
   * The line the text given so far ends on, counted as the other readers count (the unfinished line holds no line
   * feed; a carriage return at its end is the first half of a CR LF, counted there).
   */
  get lineAtEnd(): number {
    const last = this.pieces[this.pieces.length - 1];
    return this.line + (last !== undefined && last.charCodeAt(last.length - 1) === CR ? 1 : 0);
  }

  push(chunk: string, onElement: (element: JsonElement) => void): void {
    let start = 0;
    let end = chunk.indexOf("\n");
    if (end === -1) {
      this.hold(chunk);
      return;
    }
    if (this.pieces.length > 0) {
      this.pieces.push(chunk.slice(0, end));
      const text = this.pieces.join("");
      this.pieces = [];
      this.pendingLength = 0;
      this.take(text, onElement);
      start = end + 1;
      end = chunk.indexOf("\n", start);
    }
    for (; end !== -1; end = chunk.indexOf("\n", start)) {
      this.take(chunk.slice(start, end), onElement);
      start = end + 1;
    }
    if (start < chunk.length) this.hold(chunk.slice(start));
  }

  end(onElement: (element: JsonElement) => void): void {
    const text = this.pieces.join("");
    this.pieces = [];
    this.pendingLength = 0;
    if (text !== "") this.take(text, onElement);
  }

  /** Keeps part of an unfinished line; a line longer than the limit stops the read. */
  private hold(piece: string): void {
    this.pieces.push(piece);
    this.pendingLength += piece.length;
    if (this.pendingLength > this.maxRecordChars) throw recordTooLong(this.line, false, this.maxRecordChars);
  }

  private take(lineText: string, onElement: (element: JsonElement) => void): void {
    const line = this.line++;
    const text = lineText.charCodeAt(0) === 0xfeff ? lineText.slice(1) : lineText;
    if (text.trim() === "") return;
    onElement(parsed(text, line));
  }
}

/** A record nested deeper than {@link MAX_JSON_DEPTH}. */
export class TooDeepError extends Error {
  constructor() {
    super(`is nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`);
  }
}

/**
 * A record's fields by name, nested objects flattened with dots (`person_properties.country`); a
 * {@link TooDeepError} when objects and arrays nest deeper than {@link MAX_JSON_DEPTH} (such a record is a bad row, not
 * a crash in a later step).
 */
export function flatten(
  value: Record<string, unknown>,
  prefix = "",
  into = new Map<string, unknown>(),
  depth = 1,
): Map<string, unknown> {
  if (depth > MAX_JSON_DEPTH) throw new TooDeepError();
  for (const key of Object.keys(value)) {
    const inner = value[key];
    if (typeof inner === "object" && inner !== null && !Array.isArray(inner))
      flatten(inner as Record<string, unknown>, `${prefix}${key}.`, into, depth + 1);
    else {
      if (Array.isArray(inner) && nestsDeeper(inner, MAX_JSON_DEPTH - depth)) throw new TooDeepError();
      into.set(`${prefix}${key}`, inner);
    }
  }
  return into;
}

/** Do objects and arrays nest in `array` more than `levels` deep (the array itself is one level)? Without recursion. */
function nestsDeeper(array: readonly unknown[], levels: number): boolean {
  const stack: [unknown, number][] = [[array, 1]];
  while (stack.length > 0) {
    const [value, level] = stack.pop()!;
    if (level > levels) return true;
    for (const inner of Array.isArray(value) ? value : Object.values(value as object))
      if (typeof inner === "object" && inner !== null) stack.push([inner, level + 1]);
  }
  return false;
}
