// Streaming readers for JSON: a top-level array read element by element (never the whole file at once), and NDJSON (one
// value per line); each element with the line it starts on.

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
  private elementLine = 0;
  private line = 1;
  private lastCr = false;

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
          this.elementLine = this.line;
          from = i;
          i--; // read this character again, as part of the element (it is not a line break)
        }
      } else throw new JsonFileError(`text after the end of the JSON array, on line ${this.line}`);
    }
    if (this.state === "element") this.element += chunk.slice(from);
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
  private carry = "";
  private line = 1;

  push(chunk: string, onElement: (element: JsonElement) => void): void {
    const text = this.carry + chunk;
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.take(text.slice(start, end), onElement);
      start = end + 1;
    }
    this.carry = text.slice(start);
  }

  end(onElement: (element: JsonElement) => void): void {
    if (this.carry !== "") this.take(this.carry, onElement);
    this.carry = "";
  }

  private take(lineText: string, onElement: (element: JsonElement) => void): void {
    const line = this.line++;
    const text = lineText.charCodeAt(0) === 0xfeff ? lineText.slice(1) : lineText;
    if (text.trim() === "") return;
    onElement(parsed(text, line));
  }
}

/** A record's fields by name, nested objects flattened with dots (`person_properties.country`). */
export function flatten(
  value: Record<string, unknown>,
  prefix = "",
  into = new Map<string, unknown>(),
): Map<string, unknown> {
  for (const key of Object.keys(value)) {
    const inner = value[key];
    if (typeof inner === "object" && inner !== null && !Array.isArray(inner))
      flatten(inner as Record<string, unknown>, `${prefix}${key}.`, into);
    else into.set(`${prefix}${key}`, inner);
  }
  return into;
}
