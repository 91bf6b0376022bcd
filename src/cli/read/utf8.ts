// Where a byte stream stops being UTF-8, and the message that says so (the same for both engines): the line the first
// bad byte is on, counted as the readers count lines, and what to do about it. A UTF-16 file is told it is UTF-16.
import { InputError } from "./limited.js";

/**
 * The index of the first byte in `bytes[from..]` that does not begin (or continue) a well-formed UTF-8 sequence
 * (Unicode table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or -1. A sequence cut off by the end of
 * `bytes` is not counted as bad unless `final` is set.
 */
export function firstBadUtf8(bytes: Uint8Array, from = 0, final = true): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return final ? i : -1;
      const next = bytes[i + k]!;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** Where the last, unfinished UTF-8 sequence of `bytes` starts (at most 3 bytes from the end), or `bytes.length`. */
export function unfinishedTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

/** Line breaks in `bytes[0..end)` as the readers count them: a line feed, a carriage return, a CR LF pair once. */
export function lineBreaksIn(bytes: Uint8Array, end: number, afterCarriageReturn: boolean): number {
  let count = 0;
  let cr = afterCarriageReturn;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 10) {
      if (!cr) count++;
      cr = false;
    } else if (b === 13) {
      count++;
      cr = true;
    } else cr = false;
  }
  return count;
}

/** Does the input start with a UTF-16 byte-order mark (FF FE or FE FF)? */
export function startsAsUtf16(head: Uint8Array): boolean {
  return head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

/** The error for a UTF-16 file. */
export function utf16Error(): InputError {
  return new InputError(
    "the input is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8: save it as UTF-8, or convert it (iconv -f UTF-16 -t UTF-8)",
  );
}

/** The error for a byte that is not UTF-8, on a line. */
export function notUtf8Error(line: number, byte: number): InputError {
  return new InputError(
    `the input is not UTF-8 text (line ${line} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, which is not UTF-8 there): save it as UTF-8, or convert it (iconv -f WINDOWS-1252 -t UTF-8)`,
  );
}
