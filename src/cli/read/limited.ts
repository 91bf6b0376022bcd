// The limits on what the command reads, so that no input makes it run for ever or grow without bound: the length of a
// record, the nesting of a JSON record, how far a gzip file may inflate, and the size of a JSON / YAML options or claims
// file. Each is stated in docs/cli.md ("Limits"), and each ends the command with one line and exit code 2.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";

/** A problem with the input as a whole (no such file, not UTF-8, not an array, over a limit): a usage error. */
export class InputError extends Error {}

const MiB = 1024 * 1024;

/**
 * The longest record the readers hold, in characters of text (a CSV / TSV record with its quoted line breaks, a JSON
 * element, an NDJSON line): 64 MiB. A longer one stops the read (a stray quote that never closes, /dev/zero, a file
 * that is not a table); memory then stays below a few hundred MB whatever the input.
 */
export const MAX_RECORD_CHARS = 64 * MiB;

/** The deepest nesting of objects and arrays in a JSON record; a deeper record is one rejected row. */
export const MAX_JSON_DEPTH = 64;

/** The largest JSON or YAML file read whole: --calendar, --policy, --scorecard and the claims file of `check`. */
export const MAX_OPTIONS_FILE_BYTES = 4 * MiB;

/**
 * A gzip file may inflate to at most this many times its own size (Apache POI's ZipSecureFile uses the same 1 %
 * ratio)...
 */
export const GZIP_MAX_RATIO = 100;

/** ...or to this many bytes, whichever is larger, so that small, very regular files are read. */
export const GZIP_FREE_BYTES = 64 * MiB;

/** "64 MiB", "4 MiB" (whole MiB), "99.5 MiB", or "123,456 bytes" under 1 MiB. */
export function sizeText(bytes: number): string {
  if (bytes < MiB) return `${bytes.toLocaleString("en-US")} bytes`;
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${(bytes / MiB).toFixed(1)} MiB`;
}

/**
 * The error for a record over {@link MAX_RECORD_CHARS}: the line it starts on, and when it is inside a quoted field
 * (or a JSON string) that never closed, that a stray quote is the likely cause.
 */
export function recordTooLong(line: number, inQuotes: boolean, limit = MAX_RECORD_CHARS): InputError {
  return new InputError(
    `the record that starts on line ${line} is longer than ${sizeText(limit)} of text, the limit for one record${inQuotes ? ": a quote opens in it and does not close (a stray quote?)" : " (is this a CSV, TSV or JSON file?)"}`,
  );
}

/**
 * The text of a JSON or YAML file read whole (a leading byte-order mark dropped), refused with an error past `limit`
 * bytes (reading stops there: `/dev/zero` is refused at once). File errors (ENOENT, EISDIR) are thrown as they are.
 */
export function readLimitedText(path: string, limit = MAX_OPTIONS_FILE_BYTES): string {
  const fd = openSync(path, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) throw new InputError(tooLargeText(limit));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - total));
      const got = readSync(fd, buffer, 0, buffer.length, null);
      if (got === 0) break;
      chunks.push(buffer.subarray(0, got));
      total += got;
      if (total > limit) throw new InputError(tooLargeText(limit));
    }
    const text = Buffer.concat(chunks, total).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

function tooLargeText(limit: number): string {
  return `larger than ${sizeText(limit)}, the limit for a JSON or YAML file the command reads whole`;
}

/** The most a gzip file of `compressedBytes` may inflate to. */
export function gzipAllowance(compressedBytes: number): number {
  return Math.max(GZIP_FREE_BYTES, GZIP_MAX_RATIO * compressedBytes);
}

/**
 * A pass-through stream that fails with an {@link InputError} once more than `allowance` bytes went through it: put
 * after a gunzip, it stops a gzip bomb.
 */
export function inflationLimit(path: string, compressedBytes: number): Transform {
  const allowance = gzipAllowance(compressedBytes);
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      if (total > allowance)
        done(
          new InputError(
            `${path} inflates to more than ${sizeText(allowance)} (over ${GZIP_MAX_RATIO} times its ${compressedBytes.toLocaleString("en-US")} bytes), the limit for a gzip file (a gzip bomb?); to read it all the same, decompress it first (gunzip -k) and give the plain file`,
          ),
        );
      else done(null, chunk);
    },
  });
}
