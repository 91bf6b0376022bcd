// `--engine duckdb` against `--engine js` on the same random messy files: the same JSON report (rows, read / used /
// rejected, every reject's line, column, value and reason), for survey and ticket metrics. The JS reader is the
// reference (its own tests check it against csv-parse and Intl).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DUCKDB_MAX_LINE_BYTES } from "../../src/cli/duckdb/source.js";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-engines-"));
const root = new URL("../../", import.meta.url).pathname;

/** Runs the command; the exit code, standard output and standard error. */
async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** The JSON report of both engines, the engine name taken out. */
async function both(
  args: readonly string[],
): Promise<{ js: { code: number; out: unknown; err: string }; duck: { code: number; out: unknown; err: string } }> {
  const parse = (result: { code: number; out: string; err: string }) => {
    const out = result.out === "" ? null : (JSON.parse(result.out) as { input: { engine?: string } });
    const engine = out?.input.engine;
    if (out !== null) delete out.input.engine;
    return { result: { code: result.code, out, err: result.err }, engine };
  };
  const js = parse(await run([...args, "--engine", "js", "--format", "json"]));
  const duck = parse(await run([...args, "--engine", "duckdb", "--format", "json"]));
  if (js.result.out !== null) expect(js.engine).toBe("js");
  if (duck.result.out !== null) expect(duck.engine).toBe("duckdb");
  return { js: js.result, duck: duck.result };
}

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

// Cells of every shape a real export has: the common shape DuckDB counts itself, and the rest the JS reader reads or
// rejects.
const instant = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: Date.UTC(2024, 9, 1), max: Date.UTC(2025, 4, 1) })
      .map((ms) => new Date(ms).toISOString().replace(/\.000Z$/, "Z")),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: Date.UTC(2024, 9, 1), max: Date.UTC(2025, 4, 1) })
      .map((ms) => new Date(ms).toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: Date.UTC(2024, 9, 1), max: Date.UTC(2025, 4, 1) })
      .map((ms) => `${new Date(ms + 3_600_000).toISOString().slice(0, 19)}+01:00`),
  },
  // Local times (read in --time-zone) around Berlin's DST changes, in the gap and in the repeated hour, and at month
  // ends.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("2025-03-30T01:00:00Z", "2024-10-27T00:00:00Z", "2025-01-31T22:00:00Z", "2024-11-30T22:00:00Z"),
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom("T", " "),
      )
      .map(([from, k, separator]) =>
        new Date(Date.parse(from) + k * 15 * 60_000).toISOString().slice(0, 19).replace("T", separator),
      ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "2025-03-30 02:30:00",
      "2024-10-27T02:30:00",
      "2025-03-01",
      "2025-03-01T10:00",
      "2025-02-30T10:00:00Z",
      "2025-01-01T24:00:00Z",
      "1800-01-01T00:00:00Z",
      "2300-01-01T00:00:00Z",
      "soon",
      "",
      " 2025-01-05T10:00:00Z",
      "2025-01-05T10:00:00.123456Z",
      "2025-01-05t10:00:00z",
      "2025-01-05T10:00:00+0100",
    ),
  },
);
const score = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
  fc.constantFrom("", "11", "ten", "-1", "7.5", " 7", "07", "7.0", "3e0"),
);
const channel = fc.constantFrom(
  "chat",
  "email",
  "web, app",
  'the "phone"',
  "",
  " chat",
  "chat\t",
  "Москва",
  "a\nb",
  "\u00a0",
  "   ",
);
const comment = fc.constantFrom("", "ok", "multi\nline", 'said "fine"', "x\r\ny");
const rowArb = fc.record({ created: instant, reply: fc.oneof(instant, fc.constant("")), score, channel, comment });

/**
 * Structural mess around a record: none mostly; a missing or an extra field, text after a closing quote, a blank line
 * before it.
 */
const mess = fc.oneof(
  { weight: 12, arbitrary: fc.constant("none") },
  fc.constantFrom("missing", "extra", "after-quote", "blank-line"),
);

function fileOf(
  rows: readonly {
    row: { created: string; reply: string; score: string; channel: string; comment: string };
    mess: string;
  }[],
  newline: string,
  bom: boolean,
  tail = "",
): string {
  const lines = ["id,createdAt,firstResponseAt,channel,score,comment"];
  rows.forEach(({ row, mess }, i) => {
    const fields = [String(i + 1), row.created, row.reply, row.channel, row.score, row.comment].map(quote);
    if (mess === "missing") fields.pop();
    if (mess === "extra") fields.push("extra");
    if (mess === "after-quote") fields[5] = '"ok"x';
    if (mess === "blank-line") lines.push("");
    lines.push(fields.join(","));
  });
  return (bom ? "\ufeff" : "") + lines.join(newline) + newline + tail;
}

/** A last record whose quote never closes, sometimes. */
const tail = fc.constantFrom("", "", "", '999,2025-01-05T10:00:00Z,,chat,5,"never closed\n');
const fileArb = fc.record({
  rows: fc.array(fc.record({ row: rowArb, mess }), { minLength: 1, maxLength: 40 }),
  newline: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  tail,
});

const METRICS: readonly (readonly string[])[] = [
  [
    "--metric",
    "nps",
    "--by",
    "channel",
    "--every",
    "month",
    "--time-zone",
    "Europe/Berlin",
    "--column",
    "respondedAt=createdAt",
  ],
  [
    "--metric",
    "csat",
    "--column",
    "rating=score",
    "--by",
    "channel",
    "--every",
    "week",
    "--column",
    "respondedAt=createdAt",
  ],
  ["--metric", "nps", "--by", "channel"],
  ["--metric", "resolution", "--column", "resolvedAt=firstResponseAt", "--every", "week", "--percentiles", "90"],
  ["--metric", "first-response", "--by", "channel", "--every", "month", "--time-zone", "America/New_York"],
  [
    "--metric",
    "sla",
    "--target",
    "first-response=240:business",
    "--hours",
    "Mon-Fri 09:00-17:00",
    "--time-zone",
    "Europe/Berlin",
    "--as-of",
    "2025-06-01T00:00:00Z",
  ],
];

describe("--engine duckdb gives the JS reader's report", () => {
  it("on random messy CSV files: the same figures, counts and rejects (line, column, value, reason)", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.constantFrom(...METRICS), async (file, metric) => {
        const path = join(dir, "messy.csv");
        writeFileSync(path, fileOf(file.rows, file.newline, file.bom, file.tail));
        const { js, duck } = await both([path, ...metric]);
        expect(duck).toEqual(js);
      }),
      { numRuns: Number(process.env.CX_ENGINE_RUNS ?? 120) },
    );
  }, 300_000);

  it("reads a gzip-compressed CSV with both engines, as the plain file", async () => {
    const rows = fc.sample(fc.record({ row: rowArb, mess }), { numRuns: 200, seed: 7 });
    const text = fileOf(rows, "\n", false);
    writeFileSync(join(dir, "plain.csv"), text);
    writeFileSync(join(dir, "packed.csv.gz"), gzipSync(text));
    for (const metric of METRICS) {
      const plain = await both([join(dir, "plain.csv"), ...metric]);
      const packed = await both([join(dir, "packed.csv.gz"), ...metric]);
      expect(packed.js).toEqual(plain.js);
      expect(packed.duck).toEqual(plain.js);
      expect(plain.js.code, plain.js.err).toBe(0);
      expect((plain.js.out as { input: { rejected: number } }).input.rejected).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe("the bundled examples and fixtures", () => {
  it.each([
    [
      "examples/data/nps-responses.csv",
      "--metric",
      "nps",
      "--by",
      "channel",
      "--every",
      "quarter",
      "--time-zone",
      "Europe/Berlin",
    ],
    ["examples/data/nps-export-messy.csv", "--metric", "nps", "--by", "channel", "--every", "month"],
    [
      "examples/data/csat-responses.csv",
      "--metric",
      "csat",
      "--column",
      "rating=score",
      "--by",
      "channel",
      "--every",
      "month",
      "--mode",
      "good-bad",
    ],
    ["examples/data/ces-responses.csv", "--metric", "ces", "--column", "rating=score", "--by", "agentId"],
    [
      "examples/data/qa-reviews.csv",
      "--metric",
      "iqs",
      "--scorecard",
      "examples/data/qa-scorecard.json",
      "--by",
      "agentId",
    ],
    [
      "test/fixtures/cli/zendesk.csv",
      "--preset",
      "zendesk",
      "--metric",
      "resolution",
      "--by",
      "Group",
      "--hours",
      "Mon-Fri 09:00-17:00",
      "--time-zone",
      "America/New_York",
    ],
    [
      "test/fixtures/cli/typeform.csv",
      "--preset",
      "typeform",
      "--metric",
      "nps",
      "--every",
      "week",
      "--time-zone",
      "Europe/Berlin",
    ],
    ["test/fixtures/cli/survey.tsv", "--metric", "nps", "--by", "channel", "--every", "month"],
  ])("%s: the same report from both engines", async (file, ...args) => {
    const resolved = args.map((arg) => (arg.startsWith("examples/") ? join(root, arg) : arg));
    const { js, duck } = await both([join(root, file), ...resolved]);
    expect(js.code, js.err).toBe(0);
    expect(duck).toEqual(js);
  });
});

describe("Parquet through DuckDB", () => {
  it("gives the report of the same table exported as CSV and read by the JS reader; a rejected row's line is its row number + 1, as in the export", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    // 400 rows with typed columns; every 37th score is 11, every 41st is NULL, every 53rd date is in 1800 (outside the
    // supported range), every 59th channel is blank.
    await connection.run(`CREATE TABLE survey AS SELECT i AS id,
      CASE WHEN i % 53 = 0 THEN TIMESTAMPTZ '1800-01-01 00:00:00+00' ELSE TIMESTAMPTZ '2024-11-01 00:00:00+00' + to_minutes(CAST(i * 997 AS BIGINT)) END AS respondedAt,
      CASE WHEN i % 59 = 0 THEN '' ELSE ['chat', 'email', 'phone'][1 + i % 3] END AS channel,
      CASE WHEN i % 41 = 0 THEN NULL WHEN i % 37 = 0 THEN 11 ELSE CAST(i * 7 % 11 AS INTEGER) END AS score
      FROM range(1, 401) AS t(i)`);
    const parquet = join(dir, "survey.parquet");
    const csv = join(dir, "survey-export.csv");
    await connection.run(`COPY survey TO '${parquet}' (FORMAT parquet)`);
    await connection.run(
      `COPY (SELECT id, strftime(respondedAt, '%Y-%m-%dT%H:%M:%S.%gZ') AS respondedAt, channel, CAST(score AS VARCHAR) AS score FROM survey ORDER BY id) TO '${csv}' (HEADER, DELIMITER ',')`,
    );
    connection.closeSync();
    instance.closeSync();
    for (const metric of [
      ["--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin"],
      ["--metric", "csat", "--column", "rating=score", "--scale", "1-10", "--every", "quarter"],
      ["--metric", "nps"],
    ]) {
      const fromParquet = await run([parquet, ...metric, "--format", "json"]);
      const fromCsv = await run([csv, ...metric, "--engine", "js", "--format", "json"]);
      expect(fromParquet.code, fromParquet.err).toBe(0);
      const a = JSON.parse(fromParquet.out) as {
        input: { engine: string; rejected: number };
        rejects: { line: number }[];
      };
      const b = JSON.parse(fromCsv.out) as { input: { engine: string } };
      expect(a.input.engine).toBe("duckdb");
      a.input.engine = b.input.engine;
      expect(a).toEqual(b);
      expect(a.input.rejected).toBeGreaterThan(0);
    }
    // Tickets: every 31st first reply comes before its creation (rejected, its value the instant as text), every 43rd
    // is open.
    const tickets = join(dir, "tickets.parquet");
    const ticketsCsv = join(dir, "tickets-export.csv");
    const again = await (await DuckDBInstance.create(":memory:")).connect();
    await again.run("SET TimeZone = 'UTC'");
    await again.run(`CREATE TABLE tickets AS SELECT i AS id, ['chat', 'email'][1 + i % 2] AS channel, TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(CAST(i * 613 AS BIGINT)) AS createdAt,
      CASE WHEN i % 43 = 0 THEN NULL WHEN i % 31 = 0 THEN TIMESTAMPTZ '2024-12-01 00:00:00+00' ELSE TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(CAST(i * 613 + i % 97 AS BIGINT)) END AS firstResponseAt
      FROM range(1, 301) AS t(i)`);
    await again.run(`COPY tickets TO '${tickets}' (FORMAT parquet)`);
    await again.run(
      `COPY (SELECT id, channel, strftime(createdAt, '%Y-%m-%dT%H:%M:%S.%gZ') AS createdAt, strftime(firstResponseAt, '%Y-%m-%dT%H:%M:%S.%gZ') AS firstResponseAt FROM tickets ORDER BY id) TO '${ticketsCsv}' (HEADER, DELIMITER ',')`,
    );
    again.closeSync();
    const ticketArgs = ["--metric", "first-response", "--by", "channel", "--every", "month", "--format", "json"];
    const a = JSON.parse((await run([tickets, ...ticketArgs])).out) as {
      input: { engine: string };
      rejects: { line: number; value: unknown }[];
    };
    const b = JSON.parse((await run([ticketsCsv, ...ticketArgs, "--engine", "js"])).out) as {
      input: { engine: string };
    };
    expect(a.input.engine).toBe("duckdb");
    a.input.engine = b.input.engine;
    expect(a).toEqual(b);
    // Ticket 31 (line 32): its first reply, 2024-12-01, as the export writes it.
    expect(a.rejects[0]).toMatchObject({ line: 32, value: "2024-12-01T00:00:00.000Z" });

    // Row 37 (id 37, score 11) is line 38.
    const report = JSON.parse((await run([parquet, "--metric", "nps", "--format", "json"])).out) as {
      rejects: { line: number; value: unknown; reason: string }[];
    };
    expect(report.rejects[0]).toMatchObject({ line: 38, value: "11" });
  }, 60_000);
});

describe("which engine reads the file", () => {
  it("is the JS reader by default for CSV (survey and ticket metrics), JSON and standard input, DuckDB when asked for, and says so", async () => {
    const csv = join(dir, "small.csv");
    writeFileSync(csv, "score\n9\n10\n3\n");
    const json = join(dir, "small.json");
    writeFileSync(json, '[{"score": 9}, {"score": 10}, {"score": 3}]');
    const table = await run([csv, "--metric", "nps"]);
    expect(table.out).toContain("rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)");
    expect((await run([csv, "--metric", "nps", "--engine", "duckdb"])).out).toContain(
      "rows read 3 = used 3 + unanswered 0 + rejected 0 (read by DuckDB)",
    );
    expect((await run([json, "--metric", "nps"])).out).toContain(
      "rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)",
    );
    expect((await run([csv, "--metric", "nps", "--engine", "js"])).out).toContain("(read by the JS reader)");
    // Ticket metrics from CSV: the JS reader unless DuckDB is asked for (docs/cli.md, "Engines").
    const tickets = join(dir, "small-tickets.csv");
    writeFileSync(tickets, "createdAt,firstResponseAt\n2025-03-03T08:00:00Z,2025-03-03T09:00:00Z\n");
    expect((await run([tickets, "--metric", "first-response"])).out).toContain(
      "rows read 1 = used 1 + rejected 0 (read by the JS reader)",
    );
    expect((await run([tickets, "--metric", "first-response", "--engine", "duckdb"])).out).toContain(
      "rows read 1 = used 1 + rejected 0 (read by DuckDB)",
    );
  });

  describe("names the JS reader when DuckDB hands it the file (the line and the JSON's input.engine)", () => {
    const qualtrics = join(root, "test/fixtures/vendors/qualtrics.csv");
    const surveymonkey = join(root, "test/fixtures/vendors/surveymonkey.csv");
    const presets = [
      ["qualtrics", qualtrics, "--column", "score=Q1"],
      ["surveymonkey", surveymonkey, "--column", "score=Select the SMD in which you are running:"],
    ] as const;
    /** The engine named by the text line and by the JSON, for one set of flags. */
    async function named(args: readonly string[]): Promise<{ line: string; engine: string; metrics: string[] }> {
      const text = await run(args);
      expect(text.code, text.err).toBe(0);
      const json = JSON.parse((await run([...args, "--format", "json"])).out) as {
        input: { engine: string; metrics?: Record<string, { engine: string }> };
      };
      return {
        line: text.out.split("\n").find((line) => line.startsWith("rows read "))!,
        engine: json.input.engine,
        metrics: Object.values(json.input.metrics ?? {}).map((metric) => metric.engine),
      };
    }

    it.each(presets)(
      "--preset %s (extra header lines): with --engine duckdb and by default",
      async (preset, file, ...column) => {
        const base = [file, "--preset", preset, "--time-zone", "UTC", ...column, "--metric", "nps"];
        for (const engine of [["--engine", "duckdb"], []]) {
          const { line, engine: json } = await named([...base, ...engine]);
          expect(line).toMatch(/ \(read by the JS reader\)$/);
          expect(json).toBe("js");
        }
        // Several metrics: each metric's engine and the report's.
        const several = await named([
          ...base.slice(0, -1),
          "nps,csat",
          "--column",
          `rating=${column[1]!.split("=")[1]}`,
          "--engine",
          "duckdb",
        ]);
        expect(several.engine).toBe("js");
        expect(several.metrics).toEqual(["js", "js"]);
      },
    );

    it("a pipe: with --engine duckdb and by default", async () => {
      const fifo = join(dir, "pipe.csv");
      execFileSync("mkfifo", [fifo]);
      for (const engine of [["--engine", "duckdb"], []]) {
        for (const format of [[], ["--format", "json"]]) {
          const writing = writeFile(fifo, "score\n9\n10\n3\n");
          const result = await run([fifo, "--metric", "nps", ...engine, ...format]);
          await writing;
          expect(result.code, result.err).toBe(0);
          if (format.length === 0)
            expect(result.out).toContain("rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)");
          else expect((JSON.parse(result.out) as { input: { engine: string } }).input.engine).toBe("js");
        }
      }
    });

    it("a quoted field longer than DuckDB's max_line_size (DuckDB gives up on the file): with --engine duckdb", async () => {
      const csv = join(dir, "long-quoted.csv");
      writeFileSync(csv, `score,comment\n9,"${"x".repeat(DUCKDB_MAX_LINE_BYTES + 10)}"\n10,ok\n3,ok\n`);
      const duck = await named([csv, "--metric", "nps", "--engine", "duckdb"]);
      expect(duck.line).toBe("rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)");
      expect(duck.engine).toBe("js");
      const byDefault = await named([csv, "--metric", "nps"]);
      expect(byDefault.line).toBe("rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)");
    }, 60_000);

    it("stays DuckDB when DuckDB read the file and the JS reader only its odd rows", async () => {
      const csv = join(dir, "odd-rows.csv");
      writeFileSync(csv, "score\n9\n 10 \nten\n");
      const duck = await named([csv, "--metric", "nps", "--engine", "duckdb"]);
      expect(duck.line).toBe("rows read 3 = used 2 + unanswered 0 + rejected 1 (read by DuckDB)");
      expect(duck.engine).toBe("duckdb");
    });
  });

  it("refuses what an engine cannot read, with exit code 2 and what to do", async () => {
    const json = join(dir, "small.json");
    writeFileSync(json, '[{"score": 9}]');
    const fromJson = await run([json, "--metric", "nps", "--engine", "duckdb"]);
    expect(fromJson.code).toBe(2);
    expect(fromJson.err).toBe(
      "cx-metrics: --engine duckdb reads CSV, TSV (also gzip-compressed) and Parquet files; JSON is read by --engine js\n",
    );
    const fromStdin = await run(["-", "--metric", "nps", "--engine", "duckdb"]);
    expect(fromStdin.err).toBe(
      "cx-metrics: --engine duckdb reads CSV, TSV (also gzip-compressed) and Parquet files; standard input is read by --engine js\n",
    );
    const parquet = join(dir, "any.parquet");
    writeFileSync(parquet, "not parquet");
    const withJs = await run([parquet, "--metric", "nps", "--engine", "js"]);
    expect(withJs.code).toBe(2);
    expect(withJs.err).toBe(
      "cx-metrics: --engine js: a Parquet file is read by DuckDB only (leave out --engine, or give --engine duckdb)\n",
    );
    const broken = await run([parquet, "--metric", "nps"]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^cx-metrics: DuckDB cannot read .*any\.parquet: /);
    const zstd = await run([join(dir, "survey.csv.zst"), "--metric", "nps"]);
    expect(zstd.code).toBe(2);
    expect(zstd.err).toContain(
      "zst-compressed files are not read; decompress it first, or recompress it with gzip (.gz is read)",
    );
    expect((await run([join(dir, "small.json"), "--metric", "nps", "--engine", "sql"])).err).toBe(
      "cx-metrics: --engine sql: expected one of js, duckdb\n",
    );
  });

  it("refuses a file that is not UTF-8 as the JS reader does (exit 2, the same message)", async () => {
    const csv = join(dir, "latin1.csv");
    writeFileSync(
      csv,
      Buffer.concat([Buffer.from("score,channel\n9,chat\n10,caf"), Buffer.from([0xe9]), Buffer.from("\n3,x\n")]),
    );
    const duck = await run([csv, "--metric", "nps", "--by", "channel", "--engine", "duckdb"]);
    const js = await run([csv, "--metric", "nps", "--by", "channel", "--engine", "js"]);
    expect(duck).toEqual(js);
    expect(duck.code).toBe(2);
    expect(duck.err).toContain("the input is not UTF-8 text");
  });

  it("stops at the first bad row under --strict, the same row as the JS reader", async () => {
    const csv = join(dir, "strict.csv");
    writeFileSync(csv, 'score,comment\n9,"two\nlines"\n10,ok\n12,too high\nten,no\n');
    const duck = await run([csv, "--metric", "nps", "--strict", "--engine", "duckdb"]);
    const js = await run([csv, "--metric", "nps", "--strict", "--engine", "js"]);
    expect(duck).toEqual(js);
    expect(duck.code).toBe(1);
    expect(duck.err).toContain("line 5");
  });
});
