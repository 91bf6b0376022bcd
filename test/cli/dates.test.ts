// Dates as people write them: --date-format (date-fns tokens), --missing-date, the supported-range placeholder, on
// fixtures shaped like real exports (test/fixtures/cli/dates/README.md), with both engines and in `check`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args.js";
import { dateReader, datePattern } from "../../src/cli/dates.js";
import { openDuckDb } from "../../src/cli/duckdb/driver.js";
import { patternSql } from "../../src/cli/duckdb/patterned.js";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const fixtures = join(import.meta.dirname, "../fixtures/cli/dates");
const dir = mkdtempSync(join(tmpdir(), "cx-dates-"));

async function run(command: string, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main([command, ...args, ...(command === "report" ? ["--quiet"] : [])], {
    stdout,
    stderr,
    env: {},
  });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Report {
  rows: {
    segment: Record<string, string>;
    period: { label: string } | null;
    n: number;
    value: number;
    detail: { min: number; max: number; open: number };
  }[];
  input: { read: number; used: number; rejected: number; engine?: string };
  rejects: { line: number; column: string | null; value: unknown; reason: string }[];
}

async function report(args: readonly string[]): Promise<Report> {
  const result = await run("report", [...args, "--format", "json"]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as Report;
}

/** Both engines' JSON, the engine's name taken out; they must be equal. */
async function bothEngines(args: readonly string[]): Promise<Report> {
  const js = await report([...args, "--engine", "js"]);
  const duck = await report([...args, "--engine", "duckdb"]);
  expect(js.input.engine).toBe("js");
  expect(duck.input.engine).toBe("duckdb");
  delete js.input.engine;
  delete duck.input.engine;
  expect(duck).toEqual(js);
  return js;
}

const iso = (ms: number | null | undefined): string | null | undefined =>
  typeof ms === "number" ? new Date(ms).toISOString() : ms;

describe("--date-format: the instant of each cell", () => {
  // Expected instants: Python 3.11 `datetime.strptime(text, fmt).replace(tzinfo=ZoneInfo(zone), fold=0)`, printed
  // with `.astimezone(timezone.utc).isoformat()` (fold=0: the first of a repeated hour; a time in a spring gap is read
  // with the offset before the change, i.e. moved forward by the gap).
  const cases: readonly (readonly [string, string, string | undefined, string])[] = [
    ["22-03-2021 14:05", "dd-MM-yyyy HH:mm", "Europe/Berlin", "2021-03-22T13:05:00.000Z"], // %d-%m-%Y %H:%M
    ["2021-03-22 14:05:00", "yyyy-MM-dd HH:mm:ss", "America/New_York", "2021-03-22T18:05:00.000Z"], // %Y-%m-%d %H:%M:%S
    ["03/22/2021 2:05 PM", "MM/dd/yyyy h:mm a", "America/Chicago", "2021-03-22T19:05:00.000Z"], // %m/%d/%Y %I:%M %p
    ["03/22/2021 12:05 AM", "MM/dd/yyyy h:mm a", "America/Chicago", "2021-03-22T05:05:00.000Z"],
    ["03/22/2021 12:05 PM", "MM/dd/yyyy h:mm a", "America/Chicago", "2021-03-22T17:05:00.000Z"],
    ["22.03.2021", "dd.MM.yyyy", "Europe/Berlin", "2021-03-21T23:00:00.000Z"], // %d.%m.%Y
    ["22/03/21", "dd/MM/yy", "UTC", "2021-03-22T00:00:00.000Z"], // %d/%m/%y
    ["01/01/69", "dd/MM/yy", "UTC", "1969-01-01T00:00:00.000Z"], // %y: 69-99 → 1900s
    ["31/12/68", "dd/MM/yy", "UTC", "2068-12-31T00:00:00.000Z"], // %y: 00-68 → 2000s
    ["2021-03-22 14:05:00+02:00", "yyyy-MM-dd HH:mm:ssXXX", undefined, "2021-03-22T12:05:00.000Z"], // %z
    ["28.03.2021 02:30", "dd.MM.yyyy HH:mm", "Europe/Berlin", "2021-03-28T01:30:00.000Z"], // in the spring gap
    ["31.10.2021 02:30", "dd.MM.yyyy HH:mm", "Europe/Berlin", "2021-10-31T00:30:00.000Z"], // the repeated hour
  ];
  it.each(cases)("%s (%s in %s) is %s", (text, format, zone, expected) => {
    expect(iso(dateReader({ format }, zone).read(text, "iso"))).toBe(expected);
  });

  it("reads a local time as the ISO reader does, DST gaps and repeated hours included", () => {
    // The same wall times written in ISO 8601 and in a pattern: the same instants, every 15 minutes over both of
    // Berlin's changes in 2021.
    const isoReader = dateReader({}, "Europe/Berlin");
    const patterned = dateReader({ format: "dd.MM.yyyy HH:mm" }, "Europe/Berlin");
    for (const day of ["2021-03-28", "2021-10-31"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
        const mm = String(minutes % 60).padStart(2, "0");
        const [y, m, d] = day.split("-");
        expect(patterned.read(`${d}.${m}.${y} ${hh}:${mm}`, "iso")).toBe(isoReader.read(`${day} ${hh}:${mm}`, "iso"));
      }
    }
  });

  it("a column written in UTC (a preset's) is read in UTC whatever --time-zone says", () => {
    expect(iso(dateReader({ format: "dd.MM.yyyy HH:mm" }, "Europe/Berlin").read("22.03.2021 14:05", "utc"))).toBe(
      "2021-03-22T14:05:00.000Z",
    );
  });

  it("a cell that does not match, an impossible date, or a local time without a zone is not read", () => {
    const reader = dateReader({ format: "dd.MM.yyyy" }, "Europe/Berlin");
    expect(reader.read("2021-03-22", "iso")).toBeUndefined();
    expect(reader.read("31.02.2021", "iso")).toBeUndefined();
    expect(dateReader({ format: "dd.MM.yyyy" }, undefined).read("22.03.2021", "iso")).toBeUndefined();
  });

  it("--missing-date texts are no date, trimmed and without regard to case", () => {
    const reader = dateReader({ format: "dd.MM.yyyy", missing: ["k. A.", "1900-01-01 00:00:00"] }, "Europe/Berlin");
    expect(reader.read(" K. a. ", "iso")).toBeNull();
    expect(reader.read("1900-01-01 00:00:00", "iso")).toBeNull();
    expect(dateReader({ missing: ["never"] }, "UTC").read("NEVER", "iso")).toBeNull();
  });
});

describe("--date-format: patterns that are not date-fns patterns are usage errors", () => {
  it.each([
    ["DD.MM.YYYY", /"DD" is the day of the year; write dd for the day of the month/],
    ["dd.MM.YYYY", /"YYYY" is the week-numbering year; write yyyy for the year/],
    ["dd-nn-yyyy", /"n" is not a date-fns token; put literal text in single quotes/],
    ["dd.MM HH:mm", /the pattern has no year/],
    ["   ", /the pattern is empty/],
  ])("%s", async (pattern, message) => {
    expect(() => datePattern(pattern)).toThrow(UsageError);
    expect(() => datePattern(pattern)).toThrow(message);
    const result = await run("report", [
      join(fixtures, "us-tickets.csv"),
      "-m",
      "resolution",
      "--date-format",
      pattern,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe("");
  });

  it("literal text in single quotes is a pattern like any other", () => {
    expect(iso(dateReader({ format: "yyyy-MM-dd'T'HH:mm" }, "UTC").read("2021-03-22T14:05", "iso"))).toBe(
      "2021-03-22T14:05:00.000Z",
    );
  });

  it("--events and --sql do not take them (they read instants, not a file's text)", async () => {
    const events = await run("report", ["--events", "x.json", "-m", "reply-time", "--date-format", "dd.MM.yyyy"]);
    expect(events.code).toBe(2);
    expect(events.err).toMatch(/--events reads ISO-8601 instants/);
    const sql = await run("report", [
      join(fixtures, "us-tickets.csv"),
      "-m",
      "resolution",
      "--sql",
      "duckdb",
      "--missing-date",
      "N/A",
    ]);
    expect(sql.code).toBe(2);
    expect(sql.err).toMatch(/--sql reads the table's own timestamp columns/);
  });
});

describe("real-shaped exports, both engines", () => {
  it('the public support-ticket dataset\'s "22-03-2021 14:05": minutes from first response to resolution', async () => {
    const result = await bothEngines([
      join(fixtures, "support-tickets.csv"),
      "-m",
      "resolution",
      "--column",
      "createdAt=First Response Time",
      "--column",
      "resolvedAt=Time to Resolution",
      "--date-format",
      "dd-MM-yyyy HH:mm",
      "--time-zone",
      "Europe/Berlin",
    ]);
    // By hand: ticket 1 14:05 → 16:35 = 150 min; ticket 3 27-03 23:30 CET (22:30Z) → 28-03 03:30 CEST (01:30Z) =
    // 180 min; ticket 2 is not resolved (open); ticket 4 is written in ISO 8601 (rejected); ticket 5 has no times.
    expect(result.rows[0]!.n).toBe(2);
    expect(result.rows[0]!.value).toBe(165);
    expect([result.rows[0]!.detail.min, result.rows[0]!.detail.max, result.rows[0]!.detail.open]).toEqual([
      150, 180, 1,
    ]);
    expect(result.input).toEqual({ read: 5, used: 3, rejected: 2 });
    expect(result.rejects[0]).toEqual({
      line: 5,
      column: "First Response Time",
      value: "2021-03-29 10:00",
      reason:
        '"2021-03-29 10:00" in column "First Response Time" does not match --date-format "dd-MM-yyyy HH:mm" (or is not a possible date); correct the cell, or give the pattern the export writes',
    });
  });

  it('Zendesk\'s "2021-03-22 14:05:00" and its 1900-01-01 placeholder for a ticket never solved', async () => {
    const args = [join(fixtures, "zendesk-tickets.csv"), "-m", "resolution", "--preset", "zendesk"];
    // Without --missing-date: the placeholder is rejected with the advice to add it, and never "give --time-zone"
    // when it was given. In New York 1900-01-01 00:00 is inside the range (05:00Z); in Berlin before it.
    for (const zone of ["America/New_York", "Europe/Berlin"]) {
      const rejected = await bothEngines([...args, "--time-zone", zone]);
      expect(rejected.rejects).toHaveLength(1);
      expect(rejected.rejects[0]).toMatchObject({ line: 3, column: "Solved at", value: "1900-01-01 00:00:00" });
      expect(rejected.rejects[0]!.reason).toContain('add --missing-date "1900-01-01 00:00:00"');
      expect(rejected.rejects[0]!.reason).not.toContain("--time-zone");
    }
    const berlin = await report([...args, "--time-zone", "Europe/Berlin"]);
    expect(berlin.rejects[0]!.reason).toBe(
      '"1900-01-01 00:00:00" in column "Solved at" read in Europe/Berlin is 1899-12-31T23:00:00.000Z, before the supported range (the dates the command reads run from 1900-01-01 to 2199-12-31); if it stands for "never" (a placeholder of the export), add --missing-date "1900-01-01 00:00:00"; if it is a mistake, correct the cell',
    );
    // With it: ticket 102 is open, not rejected. By hand: 101 14:05 → 16:05 = 120 min; 103 2021-11-07 01:30 is the
    // hour New York repeats, read as its first occurrence (EDT, 05:30Z) → 03:30 EST (08:30Z) = 180 min.
    for (const format of [[], ["--date-format", "yyyy-MM-dd HH:mm:ss"]]) {
      const solved = await bothEngines([
        ...args,
        ...format,
        "--time-zone",
        "America/New_York",
        "--missing-date",
        "1900-01-01 00:00:00",
      ]);
      expect(solved.input).toEqual({ read: 3, used: 3, rejected: 0 });
      expect([solved.rows[0]!.n, solved.rows[0]!.detail.open]).toEqual([2, 1]);
      expect([solved.rows[0]!.detail.min, solved.rows[0]!.detail.max]).toEqual([120, 180]);
    }
  });

  it('US tools\' "03/22/2021 2:05 PM": 12-hour clocks, noon and midnight, one-digit fields, "N/A" never solved', async () => {
    const args = [
      join(fixtures, "us-tickets.csv"),
      "--column",
      "createdAt=created",
      "--column",
      "firstResponseAt=first reply",
      "--column",
      "resolvedAt=resolved",
      "--date-format",
      "MM/dd/yyyy h:mm a",
      "--missing-date",
      "N/A",
      "--time-zone",
      "America/Chicago",
    ];
    // By hand: first replies 2:05 → 2:35 PM = 30 min, 11:50 AM → 12:05 PM = 15, 9:00 → 9:10 am = 10: median 15.
    const first = await bothEngines([...args, "-m", "first-response"]);
    expect([first.rows[0]!.n, first.rows[0]!.value, first.rows[0]!.detail.min, first.rows[0]!.detail.max]).toEqual([
      3, 15, 10, 30,
    ]);
    // Resolutions: 2:05 PM → 5:05 PM = 180 min; 11:50 AM → 12:05 AM the next day = 12 h 15 min = 735; ticket 3 open.
    const resolution = await bothEngines([...args, "-m", "resolution"]);
    expect(resolution.input).toEqual({ read: 3, used: 3, rejected: 0 });
    expect([resolution.rows[0]!.n, resolution.rows[0]!.detail.open]).toEqual([2, 1]);
    expect([resolution.rows[0]!.detail.min, resolution.rows[0]!.detail.max]).toEqual([180, 735]);
  });

  it('a German survey\'s "22.03.2021" (";"-separated): months in Berlin; a missing date as an empty cell', async () => {
    const args = [
      join(fixtures, "de-survey.csv"),
      "-m",
      "csat",
      "--delimiter",
      ";",
      "--column",
      "rating=Bewertung",
      "--column",
      "respondedAt=Datum",
      "--every",
      "month",
      "--date-format",
      "dd.MM.yyyy",
      "--time-zone",
      "Europe/Berlin",
    ];
    const withoutMarker = await bothEngines(args);
    const withMarker = await bothEngines([...args, "--missing-date", "k. A."]);
    // By hand: 22.03 and 31.03 (ratings 5, 4: both satisfied) in 2021-03; 01.04 (rating 2) in 2021-04.
    const rows = withMarker.rows.filter((row) => row.period !== null);
    expect(rows.map((row) => [row.period!.label, row.n, row.value])).toEqual([
      ["2021-03", 2, 100],
      ["2021-04", 1, 0],
    ]);
    // "k. A." with --missing-date is rejected as the empty cell is (a survey needs its date for a period); without
    // it, as a cell that does not match the pattern.
    const reasonOf = (result: Report, line: number): string => result.rejects.find((r) => r.line === line)!.reason;
    const role = "it holds the date of the answer (needed to place it in a period with --every)";
    expect(reasonOf(withMarker, 5)).toBe(`column "Datum" is empty: ${role}; fill it in, or leave the row out`);
    expect(reasonOf(withMarker, 6)).toBe(
      `column "Datum" is empty ("k. A." is a --missing-date text): ${role}; fill it in, or leave the row out`,
    );
    expect(reasonOf(withoutMarker, 6)).toBe(
      '"k. A." in column "Datum" does not match --date-format "dd.MM.yyyy" (or is not a possible date); correct the cell, or give the pattern the export writes',
    );
    expect(withMarker.input).toEqual({ read: 6, used: 3, unanswered: 0, rejected: 3 });
  });
});

describe("both engines read patterned dates alike on many patterns", () => {
  // One survey, the same instants written in each pattern (and a few cells that do not match, an impossible date, a
  // missing-date text, blanks): both engines give the same JSON.
  const patterns: readonly (readonly [string, (d: Date) => string])[] = [
    ["dd-MM-yyyy HH:mm", (d) => `${p2(d.getUTCDate())}-${p2(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${hm(d)}`],
    ["MM/dd/yyyy h:mm a", (d) => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()} ${h12(d)}`],
    ["M/d/yy h:mm a", (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${p2(d.getUTCFullYear() % 100)} ${h12(d)}`],
    ["dd.MM.yyyy", (d) => `${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`],
    ["d.M.yy HH:mm:ss", (d) => `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${p2(d.getUTCFullYear() % 100)} ${hm(d)}:07`],
    ["yyyy-MM-dd HH:mm:ssXXX", (d) => `${d.toISOString().slice(0, 10)} ${hm(d)}:00+00:00`],
  ];
  it.each(patterns)("%s", async (pattern, write) => {
    const lines = ["when,channel,score"];
    // Every 7 h 13 min from 2024-10-20 over Berlin's autumn and spring changes and month ends.
    for (let k = 0; k < 600; k++) {
      const wall = new Date(Date.UTC(2024, 9, 20) + k * (7 * 60 + 13) * 60_000);
      lines.push(`${write(wall)},${k % 3 === 0 ? "chat" : "email"},${k % 11}`);
    }
    lines.push("2025-01-05T10:00:00Z,chat,9", "31.02.2025,chat,8", "never,email,7", ",chat,6", "  ,email,5");
    const path = join(dir, `${pattern.replace(/\W/g, "_")}.csv`);
    writeFileSync(path, `${lines.join("\n")}\n`);
    const result = await bothEngines([
      path,
      "-m",
      "nps",
      "--column",
      "respondedAt=when",
      "--by",
      "channel",
      "--every",
      "month",
      "--time-zone",
      "Europe/Berlin",
      "--date-format",
      pattern,
      "--missing-date",
      "never",
    ]);
    expect(result.input.read).toBe(605);
    expect(result.input.used).toBe(600);
    // Ticket metrics too (DuckDB hands the cells to the JS reader).
    const tickets = [
      "created,solved",
      ...lines.slice(1, 300).map((line, k) => `${line.split(",")[0]},${lines[k + 2]!.split(",")[0]}`),
      "never,never",
    ];
    writeFileSync(path, `${tickets.join("\n")}\n`);
    const resolution = await bothEngines([
      path,
      "-m",
      "resolution",
      "--column",
      "createdAt=created",
      "--column",
      "resolvedAt=solved",
      "--time-zone",
      "Europe/Berlin",
      "--date-format",
      pattern,
      "--missing-date",
      "never",
    ]);
    expect(resolution.input.read).toBe(300);
  });
});

describe("DuckDB reads the patterns it can as date-fns does (patterned.ts)", () => {
  it("translates numeric fields and AM/PM; not offsets, names, adjacent digits, or hours without their clock", () => {
    const translates = (format: string): boolean => patternSql(datePattern(format)) !== undefined;
    for (const format of [
      "dd-MM-yyyy HH:mm",
      "MM/dd/yyyy h:mm a",
      "M/d/yy h:mm a",
      "dd.MM.yyyy",
      "yyyy-MM-dd'T'HH:mm:ss",
    ])
      expect(translates(format), format).toBe(true);
    for (const format of [
      "yyyy-MM-dd HH:mm:ssXXX",
      "d MMM yyyy",
      "ddMMyyyy",
      "MM/dd/yyyy h:mm",
      "MM/yyyy",
      "dd.MM.yyyy HH:mm a",
    ])
      expect(translates(format), format).toBe(false);
  });

  it("DuckDB reads a cell only to date-fns' local time (the others go to the JS reader)", async () => {
    const duck = await openDuckDb();
    if (duck === null) return;
    try {
      const cases: readonly (readonly [string, readonly string[]])[] = [
        [
          "MM/dd/yyyy h:mm a",
          [
            "03/22/2021 12:05 AM",
            "03/22/2021 12:05 PM",
            "3/2/2021 1:00 pm",
            "03/22/2021 0:05 AM",
            "03/22/2021 13:05 PM",
            "02/29/2021 1:00 AM",
            "02/29/2024 11:59 PM",
          ],
        ],
        [
          "M/d/yy h:mm a",
          ["1/1/68 1:00 AM", "1/1/69 1:00 AM", "12/31/99 11:59 PM", "12/31/00 12:00 AM", "13/1/21 1:00 AM"],
        ],
        [
          "dd-MM-yyyy HH:mm",
          [
            "22-03-2021 14:05",
            "22-03-2021 24:00",
            "22-03-2021 23:60",
            "31-04-2021 10:00",
            "1-3-2021 9:5",
            "00-03-2021 10:00",
          ],
        ],
        ["d.M.yy HH:mm:ss", ["1.2.21 03:04:05", "1.2.21 03:04:60", "29.2.00 00:00:00", "29.2.01 00:00:00"]],
      ];
      for (const [format, cells] of cases) {
        const reader = dateReader({ format }, "UTC");
        const sql = patternSql(datePattern(format))!;
        const values = cells.map((cell) => `(${JSON.stringify(cell).replace(/^"|"$/g, "'")})`).join(", ");
        const rows = (
          await duck.connection.runAndReadAll(`SELECT t, epoch_ms(${sql.wall("t")}) FROM (VALUES ${values}) AS v(t)`)
        ).getRows();
        let read = 0;
        for (const [cell, ms] of rows) {
          // DuckDB reads a cell only to date-fns' local time; a cell it leaves goes to the JS reader.
          if (ms === null) continue;
          read++;
          expect(Number(ms), `${format}: ${String(cell)}`).toBe(reader.read(String(cell), "utc"));
        }
        expect(read, `${format}: DuckDB reads the cells of the common shape`).toBeGreaterThan(0);
      }
    } finally {
      duck.close();
    }
  });
});

describe("check: a data set's dateFormat and missingDates", () => {
  it("reads the data set as report does", async () => {
    const claims = join(dir, "claims.json");
    writeFileSync(
      claims,
      JSON.stringify({
        timeZone: "America/Chicago",
        data: {
          tickets: {
            path: join(fixtures, "us-tickets.csv"),
            columns: { createdAt: "created", firstResponseAt: "first reply", resolvedAt: "resolved" },
            dateFormat: "MM/dd/yyyy h:mm a",
            missingDates: ["N/A"],
          },
        },
        // By hand (as in the report test above): first replies of 30, 15 and 10 minutes, median 15.
        claims: [{ id: "frt", metric: "first-response", data: "tickets", value: "15", n: 3 }],
      }),
    );
    const result = await run("check", [claims, "--format", "json"]);
    expect(result.err).toBe("");
    const out = JSON.parse(result.out) as { claims: { verdict: string; recomputed: number }[]; data: unknown };
    expect(out.claims[0]).toMatchObject({ verdict: "match", recomputed: 15 });
    expect(out.data).toEqual({ tickets: { read: 3, used: 3, rejected: 0 } });
  });

  it.each([
    [{ dateFormat: "DD.MM.yyyy" }, /data set "tickets": dateFormat "DD.MM.yyyy": "DD" is the day of the year/],
    [{ dateFormat: 7 }, /data set "tickets": dateFormat is 7, expected a date-fns pattern/],
    [{ missingDates: "N/A" }, /data set "tickets": missingDates is "N\/A", expected a list of texts/],
  ])("a bad dateFormat or missingDates is a usage error: %j", async (extra, message) => {
    const claims = join(dir, "bad-claims.json");
    writeFileSync(
      claims,
      JSON.stringify({
        data: { tickets: { path: join(fixtures, "us-tickets.csv"), ...extra } },
        claims: [{ id: "frt", metric: "first-response", data: "tickets", value: "15" }],
      }),
    );
    const result = await run("check", [claims]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
});

function p2(n: number): string {
  return String(n).padStart(2, "0");
}
function hm(d: Date): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}
function h12(d: Date): string {
  const h = d.getUTCHours();
  return `${h % 12 === 0 ? 12 : h % 12}:${p2(d.getUTCMinutes())} ${h < 12 ? "AM" : "PM"}`;
}
