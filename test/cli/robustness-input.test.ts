// The command against hostile inputs (issue #18): file names DuckDB would read as globs, a byte that is not UTF-8 where
// the report does not look, UTF-16 files, /dev/zero as data, on standard input, as a calendar, policy, scorecard, claims
// file or claims' data, a gzip bomb, and JSON nested 5,000 deep. Each hostile file is made here, and the command runs
// in a child process under a time and heap limit (`runCommand`), with both engines where an engine reads the file: it
// must end in a report or in one line with exit code 2, never hang, grow, crash or read another file. The readers'
// linearity in a record's length is checked in this process, on records given in small chunks. Cases of tens of MB
// are in test/heavy (npm run test:heavy).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { checkBytes } from "../../src/cli/duckdb/bytes.js";
import { CsvScanner, type CsvRecord } from "../../src/cli/read/csv.js";
import { readRows } from "../../src/cli/read/input.js";
import { JsonArrayScanner, NdjsonScanner, type JsonElement } from "../../src/cli/read/json.js";
import {
  GZIP_FREE_BYTES,
  GZIP_MAX_RATIO,
  gzipAllowance,
  InputError,
  MAX_JSON_DEPTH,
  MAX_OPTIONS_FILE_BYTES,
  MAX_RECORD_CHARS,
} from "../../src/cli/read/limited.js";
import { firstBadUtf8 } from "../../src/cli/read/utf8.js";
import { dateReader } from "../../src/cli/dates.js";
import { recordBuilder } from "../../src/cli/records.js";
import { isOneLineError, runCommand, type Outcome } from "./hostile.js";

const dir = mkdtempSync(join(tmpdir(), "cx-robust-in-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MiB = 1024 * 1024;

/** Writes a file into the test's folder (or a folder in it); its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ENGINES = ["js", "duckdb"] as const;

/** A test that runs the command: its child processes are killed after 20 s each (runCommand); two may run in turn. */
const CHILD_TIMEOUT = 60_000;

/** `report ARGS --engine E` with each engine, in child processes. */
async function withBoth(args: readonly string[], timeoutMs = 20_000): Promise<Record<"js" | "duckdb", Outcome>> {
  const [js, duckdb] = await Promise.all(
    ENGINES.map((engine) => runCommand(["report", ...args, "--engine", engine, "--quiet"], { timeoutMs })),
  );
  return { js: js!, duckdb: duckdb! };
}

/** The JSON report's input counts and the overall figure. */
function summary(outcome: Outcome): { read: number; used: number; rejected: number; value: number } {
  expect(outcome.err).toBe("");
  expect(outcome.code).toBe(0);
  const report = JSON.parse(outcome.out) as {
    rows: { segment: object; period: unknown; value: number }[];
    input: { read: number; used: number; rejected: number };
  };
  const overall = report.rows.find((row) => Object.keys(row.segment).length === 0 && row.period === null)!;
  return { read: report.input.read, used: report.input.used, rejected: report.input.rejected, value: overall.value };
}

describe("DuckDB reads exactly the file named, never a glob (item 1)", { timeout: CHILD_TIMEOUT }, () => {
  // x[1].csv: 9, 10, 3 = 2 promoters and 1 detractor of 3, NPS (2 − 1) / 3 = +33.3. Beside it x1.csv (0, 0: NPS −100),
  // which `[1]` matches as a glob. s*.csv: 3 rows; sa.csv (5 rows) and sb.csv (2 rows) match `s*`. q?.csv: 1 row (9);
  // qa.csv matches `q?`.
  const globs = join(dir, "globs");
  mkdirSync(globs);
  writeFileSync(join(globs, "x[1].csv"), "score\n9\n10\n3\n");
  writeFileSync(join(globs, "x1.csv"), "score\n0\n0\n");
  writeFileSync(join(globs, "s*.csv"), "score\n9\n10\n3\n");
  writeFileSync(join(globs, "sa.csv"), "score\n0\n0\n0\n0\n0\n");
  writeFileSync(join(globs, "sb.csv"), "score\n1\n2\n");
  writeFileSync(join(globs, "q?.csv"), "score\n9\n");
  writeFileSync(join(globs, "qa.csv"), "score\n0\n0\n0\n");

  it.each([
    ["x[1].csv", 3, 100 / 3],
    ["s*.csv", 3, 100 / 3],
    ["q?.csv", 1, 100],
  ])("%s: read %i rows, the same as the JS reader", async (name, read, value) => {
    const { js, duckdb } = await withBoth([join(globs, name), "--metric", "nps", "--format", "json"]);
    expect(summary(duckdb)).toEqual({ read, used: read, rejected: 0, value });
    expect(summary(js)).toEqual(summary(duckdb));
  });
});

describe("text that is not UTF-8 (item 3)", { timeout: CHILD_TIMEOUT }, () => {
  const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");

  it("a Latin-1 byte in a column the report does not read: both engines refuse the file alike, naming its line", async () => {
    // Header (line 1), 20,000 rows "9,ok" (lines 2-20,001), "10,café" in Latin-1 on line 20,002, then "3,x": about
    // 100 KB, so the byte is past the first 64 KiB the header is read from, and DuckDB (which checks only the columns
    // it reads) counted every row.
    const path = file("latin1-unread.csv", latin1(`score,comment\n${"9,ok\n".repeat(20_000)}10,café\n3,x\n`));
    const { js, duckdb } = await withBoth([path, "--metric", "nps"]);
    expect(isOneLineError(js)).toBe(true);
    expect(duckdb.err).toBe(js.err);
    expect(duckdb.code).toBe(2);
    expect(js.err).toBe(
      "cx-metrics: the input is not UTF-8 text (line 20002 has the byte 0xE9, which is not UTF-8 there): save it as UTF-8, or convert it (iconv -f WINDOWS-1252 -t UTF-8)\n",
    );
  });

  it.each([
    // Line 1 header, line 2 "9,ok", line 3 "10,café".
    ["a small file", 3, "score,comment\n9,ok\n10,café\n3,x\n"],
    // CR LF line ends count once: the same line 3.
    ["CR LF line ends", 3, "score,comment\r\n9,ok\r\n10,café\r\n"],
    // A quoted field over lines 2 and 3: "10,café" is on line 4.
    ["after a quoted line break", 4, 'score,comment\n9,"two\nlines"\n10,café\n'],
    // Lone CRs end lines too: line 3.
    ["CR line ends", 3, "score,comment\r9,ok\r10,café\r"],
  ])("names the line of the first bad byte in %s (line %i), as DuckDB does", async (_, line, text) => {
    const { js, duckdb } = await withBoth([file(`latin1-${line}-${text.length}.csv`, latin1(text)), "--metric", "nps"]);
    expect(isOneLineError(js)).toBe(true);
    expect(js.err).toContain(`(line ${line} has the byte 0xE9,`);
    expect(duckdb.err).toBe(js.err);
  });

  it("says a UTF-16 file is UTF-16 (with a byte-order mark either way round, or NUL characters in its header)", async () => {
    const little = Buffer.from("\ufeffscore\n9\n", "utf16le");
    const big = Buffer.from(little).swap16();
    for (const [name, bytes] of [
      ["utf16le.csv", little],
      ["utf16be.csv", big],
    ] as const) {
      const { js, duckdb } = await withBoth([file(name, bytes), "--metric", "nps"]);
      expect(isOneLineError(js)).toBe(true);
      expect(js.err).toBe(
        "cx-metrics: the input is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8: save it as UTF-8, or convert it (iconv -f UTF-16 -t UTF-8)\n",
      );
      expect(duckdb.err).toBe(js.err);
    }
    const noMark = await runCommand([
      "report",
      file("utf16-no-bom.csv", Buffer.from("score\n9\n", "utf16le")),
      "--metric",
      "nps",
    ]);
    expect(isOneLineError(noMark)).toBe(true);
    expect(noMark.err).toContain("iconv -f UTF-16 -t UTF-8");
  });

  it("names the same line wherever the chunks of the stream are cut, and reads valid UTF-8 cut anywhere", async () => {
    /** The message readRows gives for `bytes` cut at `at` (two chunks), or "read" when it reads them. */
    const read = async (bytes: Buffer, at: number, format: "csv" | "ndjson" | "json"): Promise<string> => {
      try {
        await readRows(Readable.from([bytes.subarray(0, at), bytes.subarray(at)]), format, {
          header: () => undefined,
          row: () => undefined,
        });
        return "read";
      } catch (error) {
        return (error as Error).message;
      }
    };
    // "é" (C3 A9) and "€" (E2 82 AC) written in UTF-8 on lines 2 and 3; a Latin-1 é (E9) on line 5, after a quoted
    // line break (lines 3-4) in the CSV.
    const good = 'score,comment\n9,café\n10,"5 €\nok"\n';
    const bad = Buffer.concat([Buffer.from(`${good}3,caf`), Buffer.from([0xe9]), Buffer.from("\n")]);
    const ndjson = Buffer.concat([Buffer.from('{"a":"é"}\r\n{"a":"€"}\n{"a":"caf'), Buffer.from([0xe9, 0x22, 0x7d])]);
    for (let at = 0; at <= bad.length; at++) {
      if (at <= good.length) expect(await read(Buffer.from(good), at, "csv")).toBe("read");
      expect(await read(bad, at, "csv")).toContain("(line 5 has the byte 0xE9,");
    }
    for (let at = 0; at <= ndjson.length; at++)
      expect(await read(ndjson, at, "ndjson")).toContain("(line 3 has the byte 0xE9,");
  });

  it("reads ASCII chunks as text only when no UTF-8 sequence is waiting (three chunks, cut anywhere)", async () => {
    // An ASCII chunk is copied as Latin-1 (input.ts); after a chunk that ends inside a sequence, the decoder must read
    // it, or a cut sequence followed by ASCII would pass as text. "é" (C3 A9), "€" (E2 82 AC), "😀" (F0 9F 98 80).
    const good = Buffer.from("score,comment\n9,café €\n10,😀 ok\n");
    const cut = Buffer.concat([
      Buffer.from("score,comment\n9,caf"),
      Buffer.from([0xe2, 0x82]),
      Buffer.from("\n10,x\n"),
    ]);
    const read = async (bytes: Buffer, at: number, at2: number): Promise<string> => {
      const rows: unknown[] = [];
      try {
        const chunks = [bytes.subarray(0, at), bytes.subarray(at, at2), bytes.subarray(at2)];
        await readRows(Readable.from(chunks), "csv", { header: () => undefined, row: (row) => rows.push(row.cells) });
        return JSON.stringify(rows);
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (let at = 0; at <= good.length; at++)
      for (let at2 = at; at2 <= good.length; at2++)
        expect(await read(good, at, at2)).toBe(
          JSON.stringify([
            ["9", "café €"],
            ["10", "😀 ok"],
          ]),
        );
    for (let at = 0; at <= cut.length; at++)
      for (let at2 = at; at2 <= cut.length; at2++)
        expect(await read(cut, at, at2)).toContain("(line 2 has the byte 0xE2,");
  });

  it("strips a byte order mark at the start of the file only, wherever the chunks are cut", async () => {
    // WHATWG Encoding (decode, "BOM sniff") and the Unicode Standard (23.8, U+FEFF): only the first bytes of a stream
    // are a byte order mark; U+FEFF later on is a character of the text. The fast path for ASCII chunks leaves the
    // decoder unused until a chunk that is not ASCII, so that chunk must not be taken for the stream's start.
    // EF BB BF is U+FEFF in UTF-8; a row written after a concatenated export's own mark keeps it in its first cell.
    const read = async (bytes: Buffer, at: number, at2: number): Promise<string> => {
      const rows: unknown[] = [];
      let header: readonly string[] = [];
      const chunks = [bytes.subarray(0, at), bytes.subarray(at, at2), bytes.subarray(at2)];
      await readRows(Readable.from(chunks), "csv", {
        header: (names) => void (header = names),
        row: (row) => rows.push(row.cells),
      });
      return JSON.stringify([header, ...rows]);
    };
    const expected = JSON.stringify([
      ["score", "comment"],
      ["9", "a"],
      ["\ufeff10", "b"],
    ]);
    for (const text of ["score,comment\n9,a\n\ufeff10,b\n", "\ufeffscore,comment\n9,a\n\ufeff10,b\n"]) {
      const bytes = Buffer.from(text);
      for (let at = 0; at <= bytes.length; at++)
        for (let at2 = at; at2 <= bytes.length; at2++)
          expect(await read(bytes, at, at2), `${at}/${at2}`).toBe(expected);
    }
    // A JSON array or NDJSON file that starts with a mark reads as without it (RFC 8259, 8.1: a parser may ignore it).
    for (const [format, text] of [
      ["json", '\ufeff[{"a":1},{"a":2}]'],
      ["ndjson", '\ufeff{"a":1}\n{"a":2}\n'],
    ] as const) {
      const rows: unknown[] = [];
      let header: readonly string[] = [];
      await readRows(Readable.from([Buffer.from(text)]), format, {
        header: (names) => void (header = names),
        row: (row) => rows.push([row.cells, row.problem]),
      });
      expect([header, rows], format).toEqual([
        ["a"],
        [
          [[1], null],
          [[2], null],
        ],
      ]);
    }
  });

  it("finds the first byte that is not UTF-8 as TextDecoder does (overlong forms, surrogates, cut sequences)", () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc3, 0xa9, 0x62], -1], // "aéb"
      [[0x61, 0xe9, 0x0a], 1], // Latin-1 é, then a line feed
      [[0xc0, 0x80], 0], // overlong NUL
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0x61, 0xf0, 0x9f, 0x98], 1], // a 4-byte sequence cut by the end
      [[0xff, 0xfe], 0],
    ];
    for (const [bytes, bad] of cases) {
      expect(firstBadUtf8(Uint8Array.from(bytes))).toBe(bad);
      let decoderBad = -1;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
      } catch {
        decoderBad = 0;
      }
      expect(decoderBad === -1).toBe(bad === -1);
    }
  });
});

describe("endless or enormous inputs end in one line (item 5)", { timeout: CHILD_TIMEOUT }, () => {
  const recordLimit = /the record that starts on line 1 is longer than 64 MiB of text, the limit for one record/;

  it("/dev/zero as the data, with either engine: the record limit (64 MiB)", async () => {
    const { js, duckdb } = await withBoth(["/dev/zero", "--metric", "nps"]);
    for (const outcome of [js, duckdb]) {
      expect(isOneLineError(outcome)).toBe(true);
      expect(outcome.err).toMatch(recordLimit);
    }
  });

  it("zeros on standard input, as CSV and as NDJSON", async () => {
    const zeros = Buffer.alloc(MAX_RECORD_CHARS + MiB);
    for (const format of ["csv", "ndjson"]) {
      const outcome = await runCommand(["report", "-", "--metric", "nps", "--input-format", format], { stdin: zeros });
      expect(isOneLineError(outcome)).toBe(true);
      expect(outcome.err).toMatch(recordLimit);
    }
  });

  it("a gzip bomb (100 MiB of zeros in about 100 KB), with either engine: the inflation limit (64 MiB here)", async () => {
    const bomb = file("zeros.csv.gz", gzipSync(Buffer.concat([Buffer.from("score\n"), Buffer.alloc(100 * MiB)])));
    const { js, duckdb } = await withBoth([bomb, "--metric", "nps"]);
    expect(isOneLineError(js)).toBe(true);
    expect(js.err).toMatch(
      /^cx-metrics: \S+zeros\.csv\.gz inflates to more than 64 MiB \(over 100 times its [\d,]+ bytes\), the limit for a gzip file \(a gzip bomb\?\); to read it all the same, decompress it first \(gunzip -k\) and give the plain file\n$/,
    );
    expect(duckdb.err).toBe(js.err);
    expect(duckdb.code).toBe(2);
  });

  it("the gzip allowance: 100 times the file, at least 64 MiB", () => {
    expect(GZIP_MAX_RATIO).toBe(100);
    expect(GZIP_FREE_BYTES).toBe(64 * MiB);
    expect(gzipAllowance(1000)).toBe(64 * MiB); // 100 × 1,000 bytes is under the 64 MiB floor
    expect(gzipAllowance(10 * MiB)).toBe(1000 * MiB); // 100 × 10 MiB
  });

  const options = "larger than 4 MiB, the limit for a JSON or YAML file the command reads whole";
  const tickets = file("tickets.csv", "createdAt,firstResponseAt\n2025-03-03T08:00:00Z,2025-03-03T09:00:00Z\n");
  it.each([
    [["report", tickets, "--metric", "sla", "--calendar", "/dev/zero", "--target", "first-response=60"], "--calendar"],
    [["report", tickets, "--metric", "sla", "--policy", "/dev/zero"], "--policy"],
    [["report", tickets, "--metric", "iqs", "--scorecard", "/dev/zero"], "--scorecard"],
    [["check", "/dev/zero"], "cannot read"],
  ])("%j: refused at 4 MiB", async (args, what) => {
    const outcome = await runCommand(args, { timeoutMs: 10_000 });
    expect(isOneLineError(outcome)).toBe(true);
    expect(outcome.err).toBe(`cx-metrics: ${what} /dev/zero: ${options}\n`);
  });

  it("a regular options file over 4 MiB is refused before it is read", async () => {
    const big = file("calendar.json", `{"timeZone":"UTC","week":{},"x":"${"a".repeat(MAX_OPTIONS_FILE_BYTES)}"}`);
    const outcome = await runCommand(["report", tickets, "--metric", "first-response", "--calendar", big]);
    expect(isOneLineError(outcome)).toBe(true);
    expect(outcome.err).toBe(`cx-metrics: --calendar ${big}: ${options}\n`);
  });

  it("a claims file whose data is /dev/zero", async () => {
    const claims = file(
      "claims.json",
      JSON.stringify({
        data: { survey: "/dev/zero" },
        claims: [{ id: "a", metric: "nps", data: "survey", value: "10" }],
      }),
    );
    const outcome = await runCommand(["check", claims]);
    expect(isOneLineError(outcome)).toBe(true);
    expect(outcome.err).toMatch(recordLimit);
  });
});

describe("JSON nested 5,000 deep is one bad row (item 5)", { timeout: CHILD_TIMEOUT }, () => {
  const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
  const deepArray = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  // Three records: 9 (promoter), the deep one (rejected), 10 (promoter): read 3 = used 2 + rejected 1, NPS +100.
  it.each([
    ["records.ndjson", `{"score":9}\n${deepObject}\n{"score":10}\n`, 2],
    ["score.ndjson", `{"score":9}\n{"score":${deepArray}}\n{"score":10}\n`, 2],
    ["records.json", `[\n{"score":9},\n${deepObject},\n{"score":10}\n]\n`, 3],
  ])("%s", async (name, text, line) => {
    const outcome = await runCommand(["report", file(name, text), "--metric", "nps", "--format", "json"]);
    expect(summary(outcome)).toEqual({ read: 3, used: 2, rejected: 1, value: 100 });
    const rejects = (JSON.parse(outcome.out) as { rejects: { line: number; reason: string }[] }).rejects;
    expect(rejects).toEqual([
      {
        line,
        column: null,
        value: null,
        reason: `is nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`,
      },
    ]);
  });
});

describe("the readers are linear in a record's length (item 4)", () => {
  /** Gives `text` to a scanner in chunks of `size` characters. */
  function chunks(text: string, size: number, push: (chunk: string) => void): void {
    for (let at = 0; at < text.length; at += size) push(text.slice(at, at + size));
  }
  // 2 MB in chunks of 100 characters: 20,000 chunks. Reading the record again from its start at each chunk (as the
  // scanner did) is 20,000 × 1 MB on average, 2 × 10^10 characters: minutes. Linear, it is a few hundred milliseconds.
  const long = "x".repeat(2_000_000);

  it("CSV: a long unquoted field, and a long quoted one with doubled quotes and line breaks", () => {
    const quoted = `${'ab""c\n'.repeat(300_000)}`;
    const text = `score,comment\n9,${long}\n10,"${quoted}"\n3,x\n`;
    const scanner = new CsvScanner(",");
    const records: CsvRecord[] = [];
    const take = (record: CsvRecord): void => void records.push(record);
    chunks(text, 100, (chunk) => scanner.push(chunk, take));
    scanner.end(take);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 300_004]); // the quoted field spans 300,001 lines
    expect(records[1]!.fields).toEqual(["9", long]);
    expect(records[2]!.fields).toEqual(["10", quoted.replace(/""/g, '"')]);
    expect(records[3]!.fields).toEqual(["3", "x"]);
  }, 10_000);

  it("NDJSON and a JSON array: a long string", () => {
    const ndjson = new NdjsonScanner();
    const array = new JsonArrayScanner();
    const seen: JsonElement[] = [];
    const take = (element: JsonElement): void => void seen.push(element);
    chunks(`{"score":9,"c":"${long}"}\n{"score":10}\n`, 100, (chunk) => ndjson.push(chunk, take));
    ndjson.end(take);
    chunks(`[{"score":9,"c":"${long}"},{"score":10}]`, 100, (chunk) => array.push(chunk, take));
    array.end();
    expect(seen.map((element) => (element.value as { score: number }).score)).toEqual([9, 10, 9, 10]);
    expect((seen[2]!.value as { c: string }).c).toBe(long);
  }, 10_000);

  it("a record over the limit stops the read with its first line, and says when a quote never closed", () => {
    const scanner = new CsvScanner(",", 1, 1000);
    const push = (text: string): void => scanner.push(text, () => undefined);
    push("score,comment\n9,ok\n");
    push('10,"');
    expect(() => push("y".repeat(1000))).toThrow(
      new InputError(
        "the record that starts on line 3 is longer than 1,000 bytes of text, the limit for one record: a quote opens in it and does not close (a stray quote?)",
      ),
    );
    const ndjson = new NdjsonScanner(1000);
    ndjson.push('{"score":9}\n', () => undefined);
    expect(() => ndjson.push("z".repeat(1001), () => undefined)).toThrow(/starts on line 2 is longer than 1,000 bytes/);
    const array = new JsonArrayScanner(1000);
    expect(() => array.push(`[{"score":9},\n"${"z".repeat(1000)}`, () => undefined)).toThrow(
      /starts on line 2 is longer than 1,000 bytes of text, the limit for one record: a quote opens/,
    );
  });
});

describe("the byte pass beside DuckDB (items 2 and 3)", () => {
  /** checkBytes over `text` in chunks of `size` bytes, with lines and quoted fields over 10 bytes flagged. */
  async function check(text: string | Buffer, size: number) {
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
    return checkBytes(Readable.from(chunks), 10, ",");
  }
  const sizes = [1, 3, 7, 1000];

  it("flags a quoted field over 10 bytes where it opens, only where a quote opens a field (as the JS reader)", async () => {
    for (const size of sizes) {
      // The quote at offset 2 opens a field; its closing quote is at 15: 13 bytes.
      expect((await check('a,"0123456789xx"\n', size)).longQuoted).toBe(2);
      // Doubled quotes stay inside the field: it closes at offset 16, 14 bytes after it opened at 2.
      expect((await check('a,"01""2345678"\n', size)).longQuoted).toBe(2);
      // 5" screen: a quote inside an unquoted field opens nothing.
      expect((await check('a,5" screen and a long text\nb,c\n', size)).longQuoted).toBe(null);
      // Short quoted fields, one after the other, and one after a byte-order mark.
      expect((await check('\ufeff"ab","c""d"\n"e",f\n', size)).longQuoted).toBe(null);
      // A quote never closed, opened on line 2 at offset 4: flagged once 10 bytes have passed.
      expect((await check('a,b\n"cdefghijklmn\n', size)).longQuoted).toBe(4);
    }
  });

  it("flags the first quote with a space beside it where DuckDB reads the field otherwise than the JS reader", async () => {
    // DuckDB 1.5 read_csv (quote and escape '"'), run on such lines: ` "x"` and `"x" ` read as x, where the JS reader
    // reads the text ` "x"` and rejects text after a closing quote; `x "y"`, `"x"\t` and `"a ""b"" c"` read alike.
    for (const size of sizes) {
      // The quote at offset 7 (a,b LF = 0-3, "1," = 4-5, the space 6), after a space at a field's start.
      expect((await check('a,b\n1, "x"\n', size)).spacedQuote).toBe(7);
      // The closing quote at offset 8 (the opening one at 6, x at 7), a space after it.
      expect((await check('a,b\n1,"x" \n', size)).spacedQuote).toBe(8);
      // Spaces after a line break (at 4-5, the quote at 6), and at the very start of the file (the quote at 1).
      expect((await check('a,b\n  "x",1\n', size)).spacedQuote).toBe(6);
      expect((await check(' "a",b\n', size)).spacedQuote).toBe(1);
      // Quotes both readers read alike: inside text, doubled, a tab after the closing one, a space inside a quoted field.
      expect((await check('a,b\n1,x "y"\n2,"a ""b"" c"\n3,"x"\t\n4,"x y",z\n', size)).spacedQuote).toBe(null);
    }
  });

  it("lists where each line over 10 bytes starts, and finds the first byte that is not UTF-8", async () => {
    for (const size of sizes) {
      // Lines: "ab" at 0, 12 x's at 3 (long), "y" at 16, 11 z's after a CR at 18 (long), CR LF at 29-30, "w" at 31.
      const found = await check(`ab\n${"x".repeat(12)}\ny\r${"z".repeat(11)}\r\nw\n`, size);
      expect(found.longLines).toEqual([3, 18]);
      expect(found.longest).toBe(12);
      expect(found.badByte).toBe(null);
      // "é" written in UTF-8 (C3 A9) at 2-3, then a Latin-1 é (E9) at offset 7.
      const bad = await check(Buffer.concat([Buffer.from("a,é\nb,"), Buffer.from([0xe9]), Buffer.from("\n")]), size);
      expect(bad.badByte).toEqual({ offset: 7, value: 0xe9 });
    }
  });
});

describe("records keep a column named __proto__ as their own (the record builder)", () => {
  it("a segment and a QA criterion named __proto__ are own properties, not the prototype", () => {
    const build = recordBuilder(
      [
        { field: "score", kind: "number", required: true, index: 0, header: "score", reading: "iso" },
        { field: "__proto__", kind: "text", required: true, index: 1, header: "__proto__", reading: "iso" },
        { field: "ratings.__proto__", kind: "text", required: true, index: 2, header: "__proto__", reading: "iso" },
      ],
      dateReader({}, undefined),
    );
    const cells = ["9", "email", "yes"];
    const record = build((index) => cells[index]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")?.value).toBe("email");
    const ratings = record.ratings as object;
    expect(Object.getPrototypeOf(ratings)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(ratings, "__proto__")?.value).toBe(true);
  });
});
