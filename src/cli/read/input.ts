// Reads a file or standard input as a stream of rows with their line numbers, whatever its format (CSV, TSV, a JSON
// array, NDJSON): the first row's names are the header, every later row is cells by header position.
import { isAscii } from "node:buffer";
import { createReadStream, statSync } from "node:fs";
import { extname } from "node:path";
import { createGunzip } from "node:zlib";
import { CsvScanner, type CsvRecord } from "./csv.js";
import { fileChunks, type ByteSource } from "./file-chunks.js";
import { formatByExtension, GZIP_EXTENSIONS, UNREAD_COMPRESSIONS } from "./extensions.js";
import { flatten, JsonArrayScanner, NdjsonScanner, TooDeepError, type JsonElement } from "./json.js";
import { InputError, inflationLimit } from "./limited.js";
import { firstBadUtf8, lineBreaksIn, notUtf8Error, startsAsUtf16, unfinishedTail, utf16Error } from "./utf8.js";
import { counted } from "../../internal/words.js";

export { InputError } from "./limited.js";
export type { ByteSource } from "./file-chunks.js";

/** The input formats (Parquet is read through DuckDB only). */
export type InputFormat = "csv" | "tsv" | "json" | "ndjson" | "parquet";

export const INPUT_FORMATS: readonly InputFormat[] = ["csv", "tsv", "json", "ndjson", "parquet"];

/** A row of the input: its cells in header order, the line it starts on, and what is wrong with it as read. */
export interface InputRow {
  readonly line: number;
  readonly cells: readonly unknown[];
  /** Why the row could not be read as a record (broken quoting, wrong number of fields, not JSON); null when fine. */
  readonly problem: string | null;
  /** The header of the column the problem is in, when it is in one. */
  readonly problemColumn: string | null;
}

/** Where rows go: the header once, then every row. */
export interface RowSink {
  /** The header; may return the columns the sink reads (the others' text is not copied). */
  header(names: readonly string[], line: number): readonly number[] | undefined;
  row(row: InputRow): void;
}

/** Is the path gzip-compressed (`.gz`)? Other compressions are an {@link InputError}. */
export function isGzip(path: string): boolean {
  const ext = extname(path).toLowerCase();
  if (UNREAD_COMPRESSIONS.includes(ext))
    throw new InputError(
      `${path}: ${ext.slice(1)}-compressed files are not read; decompress it first, or recompress it with gzip (.gz is read)`,
    );
  return GZIP_EXTENSIONS.includes(ext);
}

/**
 * The format of a path by its extension (`.csv`, `.tsv` / `.tab`, `.json`, `.ndjson` / `.jsonl`, `.parquet`), under a
 * `.gz`; CSV otherwise.
 */
export function formatOf(path: string): InputFormat {
  const plain = isGzip(path) ? path.slice(0, path.length - extname(path).length) : path;
  return formatByExtension(plain);
}

/**
 * The size in bytes of a path's file, null for standard input (`-`); an error for a path that is not a readable file.
 */
export function inputSize(path: string): number | null {
  if (path === "-") return null;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path} is a directory, not a file`);
    return stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
}

/**
 * Opens a path (or `-` for standard input), decompressing a `.gz` (which may inflate to at most 100 times its size, or
 * 64 MiB: see limited.ts); its size in bytes when known (not for a compressed file: the bar counts rows then).
 */
export function openInput(path: string): { readonly stream: ByteSource; readonly size: number | null } {
  const size = inputSize(path);
  if (path === "-") return { stream: process.stdin, size };
  // A regular file is read with synchronous reads at offsets; a pipe or a device (`<(command)`, /dev/stdin) as a stream.
  if (!isGzip(path) && statSync(path).isFile()) return { stream: fileChunks(path), size };
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  if (!isGzip(path)) return { stream: file, size };
  const gunzip = createGunzip({ chunkSize: 1 << 16 });
  const limit = inflationLimit(path, size ?? 0);
  file.on("error", (error) => gunzip.destroy(error));
  gunzip.on("error", (error) => {
    file.destroy();
    limit.destroy(error);
  });
  limit.on("close", () => {
    gunzip.destroy();
    file.destroy();
  });
  return { stream: file.pipe(gunzip).pipe(limit), size: null };
}

/** How to read a part of a file (the command reads a large file in two parts at once). */
export interface PartOptions {
  /** The header, read from the file's start: this part has none of its own. */
  readonly header?: readonly string[];
  /** The part must end where a record ends (else the split fell inside a quoted field: {@link SplitError}). */
  readonly endsAtRecord?: boolean;
}

/** A part of a file did not end where a record ends: the split point was inside a quoted field. */
export class SplitError extends Error {}

/** Options of {@link readRows}. */
export interface ReadOptions extends PartOptions {
  readonly delimiter?: string;
  /** Stop after the header (the first record). */
  readonly headerOnly?: boolean;
  readonly onBytes?: (bytes: number) => void;
}

/**
 * Reads every row of a stream into `sink`. Bytes are decoded as UTF-8 (a byte that is not UTF-8
 * stops the read with an error naming its line; a UTF-16 file is told it is UTF-16); `onBytes` is told how far the
 * read got. Returns the line after the last row (for a part read with `header`, counted from 1 at its start).
 */
export async function readRows(
  stream: ByteSource,
  format: InputFormat,
  sink: RowSink,
  options: ReadOptions = {},
): Promise<{ readonly endLine: number }> {
  if (format === "parquet")
    throw new InputError(
      "a Parquet file is read through DuckDB: install it (npm install @duckdb/node-api) and use --engine duckdb",
    );
  // ignoreBOM: the decoder would take the first chunk it is given for the start of the stream and drop a U+FEFF there,
  // and ASCII chunks pass it by (below); the scanners drop a byte order mark at the start of the text themselves.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let bytes = 0;
  let lastLine = 0;
  let done = false;
  if (options.headerOnly === true) {
    const headerSink = sink.header.bind(sink);
    sink = {
      header: (names, line) => {
        done = true;
        return headerSink(names, line);
      },
      row: () => undefined,
    };
  }
  const push = makeScanner(format, options, sink, (line) => (lastLine = line));
  // The last bytes decoded (an unfinished UTF-8 sequence waits in the decoder) and the first two, for the messages.
  let tail: Uint8Array = new Uint8Array(0);
  let head: Uint8Array = new Uint8Array(0);
  const decode = (chunk?: Buffer): string => {
    if (chunk !== undefined && head.length < 2) head = Buffer.concat([head, chunk.subarray(0, 2 - head.length)]);
    try {
      // ASCII, with no sequence waiting in the decoder, is its own UTF-8 text: copied as Latin-1 (a tenth of the
      // decoder's time). The decoder reads everything else.
      const text =
        chunk === undefined
          ? decoder.decode()
          : unfinishedTail(tail) === tail.length && isAscii(chunk)
            ? chunk.toString("latin1")
            : decoder.decode(chunk, { stream: true });
      if (chunk !== undefined)
        tail =
          chunk.length >= 3
            ? Uint8Array.prototype.slice.call(chunk, chunk.length - 3)
            : Buffer.concat([tail, chunk]).subarray(-3);
      return text;
    } catch {
      throw notUtf8(chunk ?? new Uint8Array(0));
    }
  };
  // The line of the first bad byte: the line the text so far ends on, plus the line breaks before it in this chunk.
  const notUtf8 = (chunk: Uint8Array): InputError => {
    if (startsAsUtf16(head)) return utf16Error();
    const waiting = tail.subarray(unfinishedTail(tail));
    const joined = Buffer.concat([waiting, chunk]);
    let bad = firstBadUtf8(joined, 0, true);
    if (bad === -1) bad = waiting.length;
    const inChunk = Math.max(0, bad - waiting.length);
    const afterCr = tail.length > 0 && tail[tail.length - 1] === 13;
    return notUtf8Error(push.lineAtEnd() + lineBreaksIn(chunk, inChunk, afterCr), joined[bad] ?? 0);
  };
  try {
    for await (const chunk of stream) {
      push.chunk(decode(chunk));
      if (done) {
        stream.destroy();
        return { endLine: 0 };
      }
      bytes += chunk.length;
      options.onBytes?.(bytes);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new InputError(`the gzip data cannot be read after line ${lastLine}: ${(error as Error).message}`);
    stream.destroy();
    throw error;
  }
  push.chunk(decode());
  return { endLine: push.end() };
}

interface Pusher {
  chunk(text: string): void;
  /** The line the text given so far ends on (for the line of a byte that is not UTF-8). */
  lineAtEnd(): number;
  /** Ends the input; returns the line after the last row. */
  end(): number;
}

function makeScanner(format: InputFormat, options: ReadOptions, sink: RowSink, seen: (line: number) => void): Pusher {
  if (format === "csv" || format === "tsv") {
    const scanner = new CsvScanner(options.delimiter ?? (format === "tsv" ? "\t" : ","));
    let width = -1;
    let names: readonly string[] = [];
    if (options.header !== undefined) {
      names = options.header;
      width = names.length;
      const used = sink.header(names, 0);
      if (used !== undefined) scanner.keepOnly(used);
    }
    const take = (record: CsvRecord): void => {
      seen(record.line);
      if (width === -1) {
        if (record.problem !== null)
          throw new InputError(`the header (line ${record.line}) cannot be read: ${record.problem}`);
        if (record.fields.some((field) => field.includes("\u0000")))
          throw new InputError(
            `the header (line ${record.line}) holds NUL characters: the file is probably UTF-16 text (save it as UTF-8, or convert it: iconv -f UTF-16 -t UTF-8)`,
          );
        width = record.fields.length;
        names = record.fields;
        const used = sink.header(record.fields, record.line);
        if (used !== undefined) scanner.keepOnly(used);
        return;
      }
      const problem =
        record.problem ??
        (record.fields.length === width
          ? null
          : `the row has ${counted(record.fields.length, "field")}, the header ${width}: a value that holds the delimiter needs double quotes around it`);
      sink.row({
        line: record.line,
        cells: record.fields,
        problem,
        problemColumn:
          record.problemField === null ? null : (names[record.problemField] ?? `field ${record.problemField + 1}`),
      });
    };
    return {
      chunk: (text) => scanner.push(text, take),
      lineAtEnd: () => scanner.lineAtEnd,
      end: () => {
        if (options.endsAtRecord === true && scanner.pending) throw new SplitError("the part ends inside a record");
        scanner.end(take);
        if (width === -1) throw new InputError("the input is empty: no header line");
        return scanner.nextLine;
      },
    };
  }
  let names: string[] | null = null;
  const take = (element: JsonElement): void => {
    seen(element.line);
    const value = element.value;
    const isRecord = typeof value === "object" && value !== null && !Array.isArray(value);
    let flat: Map<string, unknown> | null = null;
    let tooDeep: string | null = null;
    try {
      flat = isRecord ? flatten(value as Record<string, unknown>) : null;
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error;
      tooDeep = error.message;
    }
    if (names === null) {
      if (flat === null)
        throw new InputError(
          `the first record (line ${element.line}) ${element.problem ?? tooDeep ?? "is not an object"}: its names are the columns`,
        );
      names = [...flat.keys()];
      sink.header(names, element.line);
    }
    const problem =
      element.problem ??
      tooDeep ??
      (isRecord ? null : `is ${Array.isArray(value) ? "an array" : scalarText(value)}, not an object`);
    sink.row({
      line: element.line,
      cells: flat === null ? [] : names.map((name) => flat.get(name)),
      problem,
      problemColumn: null,
    });
  };
  if (format === "json") {
    const scanner = new JsonArrayScanner();
    return {
      chunk: (text) => scanner.push(text, take),
      lineAtEnd: () => scanner.lineAtEnd,
      end: () => {
        scanner.end();
        if (names === null) throw new InputError("the JSON array is empty: no records");
        return 0;
      },
    };
  }
  const scanner = new NdjsonScanner();
  return {
    chunk: (text) => scanner.push(text, take),
    lineAtEnd: () => scanner.lineAtEnd,
    end: () => {
      scanner.end(take);
      if (names === null) throw new InputError("the input is empty: no records");
      return 0;
    },
  };
}

/** A JSON scalar as written, shortened past 60 characters (a reason names it, it does not repeat a long string). */
function scalarText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
