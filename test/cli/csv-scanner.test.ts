// The CSV scanner against csv-parse (a well-kept RFC 4180 parser) on random files cut into random chunks, and its
// record start lines against a count of line breaks written out below.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, type CsvRecord } from "../../src/cli/read/csv.js";

/** Scans `text` delivered in the given chunk sizes. */
function scan(text: string, sizes: readonly number[] = [text.length + 1], delimiter = ","): CsvRecord[] {
  const scanner = new CsvScanner(delimiter);
  const records: CsvRecord[] = [];
  const take = (record: CsvRecord): void => void records.push(record);
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    scanner.push(text.slice(at, at + size), take);
    at += size;
  }
  scanner.end(take);
  return records;
}

/** A field as a CSV writer writes it: quoted when it holds a delimiter, a quote or a line break. */
const quote = (field: string): string =>
  /[",\r\n]/.test(field) || field === "" ? `"${field.replace(/"/g, '""')}"` : field;

const fieldArb = fc
  .array(fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", "é", "x"), { maxLength: 6 })
  .map((parts) => parts.join(""));
const fileArb = fc.record({
  rows: fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  finalNewline: fc.boolean(),
  sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
});

/** 1 + the line breaks before `offset` (\r\n counts once): the line a record starting there is on. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
  }
  return line;
}

describe("CsvScanner", () => {
  it("reads the same fields as csv-parse, whatever the chunks, and says on which line each record starts", () => {
    fc.assert(
      fc.property(fileArb, ({ rows, newline, finalNewline, sizes }) => {
        const starts: number[] = [];
        let text = "";
        rows.forEach((row, i) => {
          starts.push(text.length);
          text += row.map(quote).join(",") + (i < rows.length - 1 || finalNewline ? newline : "");
        });
        const records = scan(text, sizes);
        const expected = parse(text, {
          relax_column_count: true,
          record_delimiter: ["\r\n", "\n", "\r"],
        }) as string[][];
        expect(records.map((record) => record.fields)).toEqual(expected);
        expect(records.map((record) => record.line)).toEqual(starts.map((start) => lineAt(text, start)));
        expect(records.every((record) => record.problem === null)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("reads the same fields as csv-parse with a tab or a semicolon, the other delimiters' characters in the text", () => {
    // An unquoted field ends at the next delimiter, line feed or carriage return, each found by indexOf and kept until
    // passed (csv.ts): fields holding the other two delimiters, quoted fields and line breaks move past them.
    const mixedField = fc
      .array(fc.constantFrom("a", " ", ",", "\t", ";", '"', "\n", "\r\n", "\r", "é"), { maxLength: 6 })
      .map((parts) => parts.join(""));
    const mixedFile = fc.record({
      delimiter: fc.constantFrom("\t", ";"),
      rows: fc.array(fc.array(mixedField, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
      newline: fc.constantFrom("\n", "\r\n", "\r"),
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(mixedFile, ({ delimiter, rows, newline, sizes }) => {
        const quoted = (field: string): string =>
          field === "" || /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field;
        const text = rows.map((row) => row.map(quoted).join(delimiter)).join(newline);
        const expected = parse(text, { delimiter, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] });
        expect(scan(text, sizes, delimiter).map((record) => record.fields)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("skips blank lines (as csv-parse's skip_empty_lines and pandas do) and drops a byte-order mark", () => {
    const text = "\ufeffa,b\n\n1,2\r\n\r\n3,4\n";
    const records = scan(text, [1]);
    expect(records.map((record) => record.fields)).toEqual(
      parse(text, { bom: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n"] }),
    );
    // Lines by hand: a,b on 1; blank 2; 1,2 on 3; blank 4; 3,4 on 5.
    expect(records.map((record) => record.line)).toEqual([1, 3, 5]);
  });

  it("keeps a quote inside an unquoted field as text, as spreadsheets write it", () => {
    expect(scan('a,5" screen,b\n')[0]!.fields).toEqual(["a", '5" screen', "b"]);
  });

  it("says which field has text after its closing quote, and keeps reading", () => {
    const records = scan('a,"9"x,c\nd,e,f\n');
    expect(records[0]).toMatchObject({
      fields: ["a", "9x", "c"],
      problem: 'text after the closing quote: a quote inside a quoted value is written twice ("")',
      problemField: 1,
      line: 1,
    });
    expect(records[1]).toMatchObject({ fields: ["d", "e", "f"], problem: null, line: 2 });
  });

  it("gives a quote that is never closed as a problem of the last record (its line is where it starts)", () => {
    const records = scan('h1,h2\nok,1\nbad,"open\nstill open\n', [3]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3]);
    expect(records[2]).toMatchObject({
      problem:
        'a quote opens and is never closed (the field runs to the end of the file): close it, or write a quote inside a quoted value twice ("")',
      problemField: 1,
    });
  });

  it("reads TSV (tab) and semicolon files, quoting as in CSV", () => {
    expect(scan('a\t"b\tc"\n', undefined, "\t")[0]!.fields).toEqual(["a", "b\tc"]);
    expect(scan("a;b,c\n", undefined, ";")[0]!.fields).toEqual(["a", "b,c"]);
  });

  it("copies only the columns asked for, and counts lines the same", () => {
    const scanner = new CsvScanner(",");
    const records: CsvRecord[] = [];
    scanner.keepOnly([0, 2]);
    scanner.push('1,"long\ncomment",x\n2,y,z\n', (record) => void records.push(record));
    scanner.end((record) => void records.push(record));
    expect(records).toEqual([
      { fields: ["1", "", "x"], line: 1, problem: null, problemField: null },
      { fields: ["2", "", "z"], line: 3, problem: null, problemField: null },
    ]);
  });
});
