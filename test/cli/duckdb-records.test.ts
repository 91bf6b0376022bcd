// The DuckDB engine's pass over a CSV file's bytes (src/cli/duckdb/records.ts) against the JS reader's CSV scanner, the
// reference: on random messy files (quoted line breaks, quotes in odd places, text after a closing quote, a quote
// never closed, blank lines, LF / CRLF / CR, a byte-order mark, two-byte characters) cut into random chunks, it finds
// the same records on the same lines, and the bytes of a record it is asked for read back to the same fields.
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeRecords } from "../../src/cli/duckdb/records.js";
import { CsvScanner, type CsvRecord } from "../../src/cli/read/csv.js";

function scan(text: string): CsvRecord[] {
  const scanner = new CsvScanner(",");
  const records: CsvRecord[] = [];
  const take = (record: CsvRecord): void => void records.push(record);
  scanner.push(text, take);
  scanner.end(take);
  return records;
}

/** The bytes cut into chunks of the given sizes. */
function chunked(bytes: Buffer, sizes: readonly number[]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

/** The byte offset where each line starts (index 1 = line 1), lines ended as the JS reader ends them. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0, 0];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) starts.push(i + 1);
  }
  return starts;
}

const piece = fc.constantFrom("a", "b", " ", ",", '"', '""', "\n", "\r\n", "\r", "é", "€x", "\t");
const fieldArb = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(""));
/** A field written plainly, quoted as a writer quotes it, or broken (text after the closing quote). */
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fieldArb.map((field) => field.replace(/[",\r\n]/g, "x")) },
  { weight: 3, arbitrary: fieldArb.map((field) => `"${field.replace(/"/g, '""')}"`) },
  fieldArb.map((field) => `"${field.replace(/"/g, '""')}"x`),
  fc.constantFrom('a"b', 'a""', '"'),
);
const fileArb = fc.record({
  rows: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 14 }),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  blank: fc.array(fc.boolean(), { maxLength: 14 }),
  bom: fc.boolean(),
  end: fc.constantFrom("", "\n", "\r\n", '\n"never closed\n'),
  sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
  picks: fc.array(fc.constantFrom(0, 0, 1, 2), { maxLength: 20 }),
});

describe("placeRecords", () => {
  it("finds the JS reader's records, lines and fields, whatever the chunks", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ rows, newline, blank, bom, end, sizes, picks }) => {
        let text = "h1,h2";
        rows.forEach((row, i) => {
          text += newline + (blank[i] === true ? newline : "") + row.join(",");
        });
        text += end;
        const bytes = Buffer.from((bom ? "\ufeff" : "") + text);
        const records = scan(text).slice(1);
        const starts = lineStarts(bytes);
        // Some records asked for by byte offset (at their start or just after it), some by ordinal among the rest.
        const skip: number[] = [];
        const ordinals: number[] = [];
        const expected: { line: number; ordinal: number | null; record: CsvRecord }[] = [];
        let ordinal = 0;
        records.forEach((record, k) => {
          if (picks[k] !== undefined && picks[k] > 0) {
            // DuckDB's offset of a rejected record may point one byte past its start.
            const start = starts[record.line]!;
            skip.push(picks[k] === 2 && start + 1 < bytes.length ? start + 1 : start);
            expected.push({ line: record.line, ordinal: null, record });
          } else {
            ordinal++;
            if (k % 2 === 0) {
              ordinals.push(ordinal);
              expected.push({ line: record.line, ordinal, record });
            }
          }
        });
        const places = await placeRecords(chunked(bytes, sizes), 44, skip, ordinals);
        expect(places.records).toBe(records.length);
        expect(places.unmatched).toBe(0);
        expect(places.placed.map(({ line, ordinal }) => ({ line, ordinal }))).toEqual(
          expected.map(({ line, ordinal }) => ({ line, ordinal })),
        );
        // Read back alone, the records' bytes give their fields (and problems) again.
        const again = scan(`h1,h2\n${Buffer.concat(places.placed.map((record) => record.bytes)).toString()}`).slice(1);
        expect(again.map((record) => [record.fields, record.problem])).toEqual(
          expected.map(({ record }) => [record.fields, record.problem]),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("takes an offset inside a record, or in the blank lines before it, for that record (DuckDB's may be off)", async () => {
    // DuckDB 1.5 gives a record after a quoted field one byte past its start, and one after a blank line in a CRLF file
    // the blank line's offset (duckdb-places.test.ts).
    const bytes = Buffer.from('h\n"a\nb"\n\nc\nd\n');
    // 0: header; 2-7: the quoted record; 8: a blank line; 9-10: "c"; 11-12: "d".
    const places = await placeRecords(Readable.from([bytes]), 44, [1, 4, 8, 10, 20], [1, 5]);
    expect(places.records).toBe(3);
    expect(places.placed.map((record) => [record.line, record.ordinal, record.bytes.toString()])).toEqual([
      [2, null, '"a\nb"\n'],
      [5, null, "c\n"],
      [6, 1, "d\n"],
    ]);
    // The offsets in the header and past the end, and the ordinal past the last record.
    expect(places.unmatched).toBe(3);
  });
});
