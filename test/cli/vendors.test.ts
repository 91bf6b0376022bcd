// Each vendor preset on its fixture (test/fixtures/vendors: the vendor's real header line, made-up rows; where each
// header line comes from is in that folder's README.md), in both engines. Every expected figure is counted by hand
// from the fixture's rows, the counting written beside it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const fixture = (name: string): string => join(import.meta.dirname, "..", "fixtures", "vendors", name);

interface Row {
  readonly n: number;
  readonly value: number;
  readonly segment: Readonly<Record<string, string>>;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly period: { readonly label: string } | null;
}
interface Report {
  readonly rows: readonly Row[];
  readonly input: { readonly read: number; readonly used: number; readonly rejected: number };
}

/** The command's exit code, output and errors. */
async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** The JSON report of one engine; fails with the command's error when it exits otherwise than 0. */
async function report(engine: "js" | "duckdb", args: readonly string[]): Promise<Report> {
  const outcome = await run([...args, "--engine", engine, "--format", "json"]);
  expect(outcome.code, outcome.err).toBe(0);
  return JSON.parse(outcome.out) as Report;
}

const hours = ["--hours", "Mon-Fri 09:00-17:00", "--time-zone", "UTC"];

describe.each(["js", "duckdb"] as const)("--preset zendesk on Zendesk's CSV ticket export (--engine %s)", (engine) => {
  const file = fixture("zendesk.csv");
  const zendesk = (...args: string[]) => report(engine, [file, "--preset", "zendesk", ...args]);

  it("first response from Zendesk's own minutes (the export has no reply instant)", async () => {
    // "First reply time in minutes": 30, 90, 15, (blank: open), 45 → sorted 15, 30, 45, 90: median (30 + 45) / 2.
    const all = (await zendesk("-m", "first-response")).rows[0]!;
    expect([all.n, all.value, all.detail.open, all.detail.clock]).toEqual([4, 37.5, 1, "calendar"]);
    // p90 (R type 7): 45 + 0.7 × (90 − 45) = 76.5.
    expect(all.detail.p90).toBeCloseTo(76.5, 10);
  });

  it("with business hours, the column within business hours", async () => {
    // "... within business hours": 30, 90, 15, 0 → sorted 0, 15, 30, 90: median 22.5.
    const all = (await zendesk("-m", "first-response", ...hours)).rows[0]!;
    expect([all.n, all.value, all.detail.clock]).toEqual([4, 22.5, "business"]);
  });

  it("full resolution from Created at → Solved at, the timestamps the export has", async () => {
    // 4 h, 24 h, 24 h, 1 h (1004 unsolved) → 60, 240, 1440, 1440: median 840.
    const all = (await zendesk("-m", "resolution")).rows[0]!;
    expect([all.n, all.value, all.detail.open]).toEqual([4, 840, 1]);
    // On Mon-Fri 09:00-17:00 UTC: Mon 09-13 = 240; Mon 10:00 → Tue 10:00 = 7 h + 1 h = 480; Tue 11:00 → Wed 11:00 =
    // 6 h + 2 h = 480; Thu 08:00 → 09:00 = 0: sorted 0, 240, 480, 480: median 360.
    const business = (await zendesk("-m", "resolution", ...hours)).rows[0]!;
    expect([business.n, business.value, business.detail.clock]).toEqual([4, 360, "business"]);
  });

  it("first resolution from Zendesk's minutes (Solved at is the latest solve)", async () => {
    // "First resolution time in minutes": 240, 1440, 60, 60 → sorted 60, 60, 240, 1440: median 150.
    const all = (await zendesk("-m", "resolution", "--resolution", "first")).rows[0]!;
    expect([all.n, all.value]).toEqual([4, 150]);
    // Within business hours: 240, 480, 60, 0 → sorted 0, 60, 240, 480: median 150.
    const business = (await zendesk("-m", "resolution", "--resolution", "first", ...hours)).rows[0]!;
    expect([business.n, business.value, business.detail.clock]).toEqual([4, 150, "business"]);
  });

  it("CSAT from Satisfaction Score on the good-bad scale: good / (good + bad)", async () => {
    // Good (1001), Bad with comment (1002), Good with comment (1003): 2 / (2 + 1); Unoffered (1004) and Offered (1005)
    // are no ratings.
    const result = await zendesk("-m", "csat");
    const all = result.rows[0]!;
    expect([all.n, all.value]).toEqual([3, 200 / 3]);
    expect(all.detail).toMatchObject({ satisfied: 2, dissatisfied: 1 });
    // Offered and Unoffered are surveys not answered: counted as unanswered, neither used nor rejected.
    expect(result.input).toMatchObject({ read: 5, used: 3, unanswered: 2, rejected: 0 });
    // By group: Tier 1 has 1001 good and 1002 bad (1 / 2); Tier 2 has 1003 good (1 / 1).
    const rows = (await zendesk("-m", "csat", "--by", "Group")).rows;
    expect(rows.filter((row) => row.segment.Group !== undefined).map((row) => [row.segment.Group, row.value])).toEqual([
      ["Tier 1", 50],
      ["Tier 2", 100],
    ]);
  });

  it("by Group: Tier 1 (1001, 1002, 1005) and Tier 2 (1003, 1004 open)", async () => {
    const rows = (await zendesk("-m", "first-response", "--by", "Group")).rows;
    const tier = (name: string) => rows.find((row) => row.segment.Group === name)!;
    // Tier 1: 30, 90, 45 → median 45; Tier 2: 15 (1004 open).
    expect([tier("Tier 1").n, tier("Tier 1").value]).toEqual([3, 45]);
    expect([tier("Tier 2").n, tier("Tier 2").value, tier("Tier 2").detail.open]).toEqual([1, 15, 1]);
  });
});

describe("vendor minutes named with --column", () => {
  it("reads any header as the vendor's minutes; its clock is the header's", async () => {
    const file = fixture("zendesk.csv");
    // "First reply time in minutes within business hours" without --hours: Zendesk's business minutes, as computed.
    const business = await report("js", [
      file,
      "-m",
      "first-response",
      "--column",
      "createdAt=Created at",
      "--column",
      "firstResponseMinutes=First reply time in minutes within business hours",
    ]);
    expect([business.rows[0]!.value, business.rows[0]!.detail.clock]).toEqual([22.5, "business"]);
  });

  it("--sql measures from the timestamps: the preset's minutes are not read, minutes named with --column are refused", async () => {
    const file = fixture("zendesk.csv");
    const sql = await run([file, "--preset", "zendesk", "-m", "resolution", "--sql", "duckdb"]);
    expect(sql.code, sql.err).toBe(0);
    expect(sql.out).toContain('"Solved at"');
    const named = await run([
      file,
      "--preset",
      "zendesk",
      "-m",
      "resolution",
      "--column",
      "resolutionMinutes=Full resolution time in minutes",
      "--sql",
      "duckdb",
    ]);
    expect(named.code).toBe(2);
    expect(named.err).toMatch(/--sql measures durations from the timestamps/);
  });

  it("refuses calendar minutes when business hours are given, naming the header", async () => {
    const outcome = await run([
      fixture("zendesk.csv"),
      "--preset",
      "zendesk",
      "-m",
      "first-response",
      "--column",
      "firstResponseMinutes=First reply time in minutes",
      ...hours,
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toMatch(/"First reply time in minutes" holds calendar minutes, but --hours or --calendar/);
  });

  it("a file with neither the reply instant nor the minutes names both", async () => {
    const outcome = await run([
      fixture("zendesk.csv"),
      "-m",
      "first-response",
      "--column",
      "createdAt=Created at",
      "--column",
      "firstResponseMinutes=Reply minutes",
    ]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toMatch(
      /no column "firstResponseAt" .*or the minutes in "Reply minutes" for firstResponseMinutes/,
    );
  });

  it("business minutes without a calendar: a row with a reply instant and no minutes is a reject that says why", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "cx-vendors-")), "b.csv");
    writeFileSync(
      path,
      "Created at,Replied at,Reply business minutes\n2025-03-03T09:00:00Z,2025-03-03T09:10:00Z,\n2025-03-03T09:00:00Z,,20\n",
    );
    const outcome = await run([
      path,
      "-m",
      "first-response",
      "--column",
      "createdAt=Created at",
      "--column",
      "firstResponseAt=Replied at",
      "--column",
      "firstResponseMinutes=Reply business minutes",
      "--format",
      "json",
    ]);
    const parsed = JSON.parse(outcome.out) as Report & { rejects: { line: number; reason: string }[] };
    // The second row's 20 business minutes are used; the first has an instant but no business minutes to give.
    expect([parsed.rows[0]!.n, parsed.rows[0]!.value, parsed.rows[0]!.detail.clock]).toEqual([1, 20, "business"]);
    expect(parsed.rejects.map((reject) => reject.line)).toEqual([2]);
    expect(parsed.rejects[0]!.reason).toMatch(/is empty, and this row's business minutes cannot be measured/);
  });

  it("a cell that is not minutes is a reject naming the header and the cell", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "cx-vendors-")), "t.csv");
    writeFileSync(path, "Created at,Reply minutes\n2025-03-03T09:00:00Z,12\n2025-03-03T09:00:00Z,soon\n");
    for (const engine of ["js", "duckdb"] as const) {
      const outcome = await run([
        path,
        "-m",
        "first-response",
        "--column",
        "createdAt=Created at",
        "--column",
        "firstResponseMinutes=Reply minutes",
        "--engine",
        engine,
        "--format",
        "json",
      ]);
      const parsed = JSON.parse(outcome.out) as Report & {
        rejects: { column: string; value: unknown; reason: string }[];
      };
      expect(parsed.input).toMatchObject({ read: 2, used: 1, rejected: 1 });
      expect(parsed.rejects[0]).toMatchObject({ column: "Reply minutes", value: "soon" });
      expect(parsed.rejects[0]!.reason).toMatch(/^"soon" in column "Reply minutes" is not a number of minutes/);
    }
  });
});

describe.each(["js", "duckdb"] as const)("--preset freshdesk on Freshdesk's ticket export (--engine %s)", (engine) => {
  const freshdesk = (...args: string[]) =>
    report(engine, [
      fixture("freshdesk.csv"),
      "--preset",
      "freshdesk",
      "--time-zone",
      "UTC",
      // Day first, as the real export writes them ("08/01/2025 15:00", "25/01/2025 1:30").
      "--date-format",
      "dd/MM/yyyy H:mm",
      ...args,
    ]);

  it("first response from Created time → Initial response time", async () => {
    // 501: 09:00 → 09:20 = 20; 502: 10:00 → 11:00 = 60; 503: no reply (open); 504: 08:00 → 08:10 = 10.
    // Sorted 10, 20, 60: median 20; p90 (R type 7): 20 + 0.8 × 40 = 52.
    const all = (await freshdesk("-m", "first-response")).rows[0]!;
    expect([all.n, all.value, all.detail.open]).toEqual([3, 20, 1]);
    expect(all.detail.p90).toBeCloseTo(52, 10);
  });

  it("resolution from Created time → Resolved time, by Source", async () => {
    // 501: 2 h = 120; 502: 24 h = 1440; 503 open; 504: 1.5 h = 90 → sorted 90, 120, 1440: median 120.
    const result = await freshdesk("-m", "resolution", "--by", "Source");
    const row = (source: string | undefined) => result.rows.find((r) => r.segment.Source === source)!;
    expect([row(undefined).n, row(undefined).value, row(undefined).detail.open]).toEqual([3, 120, 1]);
    // Email: 501 (120) and 503 (open); Portal: 502 (1440); Chat: 504 (90).
    expect([row("Email").n, row("Email").value, row("Email").detail.open]).toEqual([1, 120, 1]);
    expect([row("Portal").value, row("Chat").value]).toEqual([1440, 90]);
  });
});

describe.each(["js", "duckdb"] as const)("--preset qualtrics on Qualtrics' export (--engine %s)", (engine) => {
  const qualtrics = (...args: string[]) =>
    report(engine, [
      fixture("qualtrics.csv"),
      "--preset",
      "qualtrics",
      "--time-zone",
      "UTC",
      "--column",
      "score=Q1",
      ...args,
    ]);

  it("skips the question-text and ImportId lines: 5 responses read, none rejected", async () => {
    // Q1: 10, 9, 7, 3, 10 → promoters 3, passives 1, detractors 1: NPS = (3 − 1) / 5 × 100 = 40.
    const result = await qualtrics("-m", "nps");
    expect(result.input).toMatchObject({ read: 5, used: 5, rejected: 0 });
    expect([result.rows[0]!.n, result.rows[0]!.value]).toEqual([5, 40]);
  });

  it("keeps the first responses of an export with fewer header lines, and of NDJSON (nothing is header there)", async () => {
    // The same five responses (Q1: 10, 9, 7, 3, 10 → NPS 40, as above) written with the header line only, and with
    // the header and the ImportId line but no question-text line: every response is read, none is skipped.
    const lines = readFileSync(fixture("qualtrics.csv"), "utf8").trimEnd().split("\n");
    const dir = mkdtempSync(join(tmpdir(), "cx-qualtrics-"));
    const oneLine = join(dir, "one-header-line.csv");
    writeFileSync(oneLine, [lines[0], ...lines.slice(3)].join("\n"));
    const twoLines = join(dir, "two-header-lines.csv");
    writeFileSync(twoLines, [lines[0], lines[2], ...lines.slice(3)].join("\n"));
    const header = lines[0]!.split(",");
    const ndjson = join(dir, "responses.ndjson");
    writeFileSync(
      ndjson,
      lines
        .slice(3)
        .map((line) => {
          const cells = line.split(",");
          return JSON.stringify(Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
        })
        .join("\n"),
    );
    // --engine duckdb reads CSV, TSV and Parquet only (JSON goes to --engine js).
    for (const file of engine === "js" ? [oneLine, twoLines, ndjson] : [oneLine, twoLines]) {
      const args = [file, "--preset", "qualtrics", "--time-zone", "UTC", "--column", "score=Q1", "-m", "nps"];
      const result = await report(engine, args);
      expect(result.input, file).toMatchObject({ read: 5, used: 5, rejected: 0 });
      expect(result.rows[0]!.value, file).toBe(40);
    }
  });

  it("periods from RecordedDate", async () => {
    // ISO week 10 (3-9 March 2025): 10, 9, 7 → (2 − 0) / 3 = 66.7; week 11: 3, 10 → (1 − 1) / 2 = 0.
    const rows = (await qualtrics("-m", "nps", "--every", "week")).rows.filter((row) => row.period !== null);
    expect(rows.map((row) => [row.period!.label, row.n, row.value])).toEqual([
      ["2025-W10", 3, 200 / 3],
      ["2025-W11", 2, 0],
    ]);
  });
});

describe.each(["js", "duckdb"] as const)("--preset typeform on Typeform's responses export (--engine %s)", (engine) => {
  // The header line of a real Typeform export (jacolind/workouts, data/Traaining.2.csv): "#", the form's questions
  // ("date", "Yoga", ...), then "Start Date (UTC)", "Submit Date (UTC)", "Network ID". That form asks no
  // "How likely ..." question: the score is named with --column.
  const file = fixture("typeform.csv");

  it("without a 'How likely' question the preset asks for --column and lists the file's columns", async () => {
    const outcome = await run([file, "--preset", "typeform", "-m", "nps", "--engine", engine]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toContain('no column "How likely..." for score (give --column score=HEADER)');
    expect(outcome.err).toContain('"Submit Date (UTC)", "Network ID"');
  });

  it("reads '#' and 'Submit Date (UTC)' (UTC without an offset) for the periods", async () => {
    // Yoga: 10, 9, 3, 7 → promoters 2, passives 1, detractors 1: NPS = (2 − 1) / 4 × 100 = 25.
    // Submit Date (UTC): 2018-04-02 18:00:40, 04-03 09:05:40, 04-08 23:30:00 (Sunday: still ISO week 14 in UTC),
    // 04-10 07:01:00 → 2018-W14: 10, 9, 3 → (2 − 1) / 3 × 100 = 33.3; 2018-W15: 7 → (0 − 0) / 1 = 0.
    const result = await report(engine, [
      file,
      "--preset",
      "typeform",
      "--column",
      "score=Yoga",
      "-m",
      "nps",
      "--every",
      "week",
    ]);
    expect(result.input).toMatchObject({ read: 4, used: 4, rejected: 0 });
    expect(result.rows.map((row) => [row.period?.label ?? null, row.n, row.value])).toEqual([
      ["2018-W14", 3, 100 / 3],
      ["2018-W15", 1, 0],
      [null, 4, 25],
    ]);
  });
});

describe("--preset zendesk-api on Zendesk's ticket metrics records (JSON: the JS reader)", () => {
  // The records of GET /api/v2/ticket_metrics, one per line, with the fields of the example in Zendesk's API reference
  // (developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/); made-up values. Each duration is an object
  // {"business": ..., "calendar": ...}, read as "reply_time_in_minutes.calendar" and so on. Ticket 2004 has no reply
  // and no solve yet: its minutes are null.
  const file = fixture("zendesk-api-ticket-metrics.ndjson");
  const metrics = (...args: string[]) => report("js", [file, "--preset", "zendesk-api", ...args]);

  it("first response from reply_time_in_minutes.calendar, or .business with business hours", async () => {
    // calendar: 30, 1020, 15, (null: open), 90 → sorted 15, 30, 90, 1020: median (30 + 90) / 2 = 60;
    // p90 (R type 7): h = 3 × 0.9 = 2.7 → 90 + 0.7 × (1020 − 90) = 741.
    const all = (await metrics("-m", "first-response")).rows[0]!;
    expect([all.n, all.value, all.detail.open, all.detail.clock]).toEqual([4, 60, 1, "calendar"]);
    expect(all.detail.p90).toBeCloseTo(741, 10);
    // business: 30, 60, 15, 90 → sorted 15, 30, 60, 90: median 45; p90 60 + 0.7 × 30 = 81.
    const business = (await metrics("-m", "first-response", ...hours)).rows[0]!;
    expect([business.n, business.value, business.detail.clock]).toEqual([4, 45, "business"]);
    expect(business.detail.p90).toBeCloseTo(81, 10);
  });

  it("full and first resolution from Zendesk's minutes, not from the record's own created_at and solved_at", async () => {
    // full_resolution_time_in_minutes.calendar: 240, 1440, 2880 (2003 was reopened), 120 → median (240 + 1440) / 2.
    const full = (await metrics("-m", "resolution")).rows[0]!;
    expect([full.n, full.value, full.detail.open]).toEqual([4, 840, 1]);
    // first_resolution_time_in_minutes.calendar: 240, 1440, 60, 120 → sorted 60, 120, 240, 1440: median 180.
    const first = (await metrics("-m", "resolution", "--resolution", "first")).rows[0]!;
    expect([first.n, first.value]).toEqual([4, 180]);
    // full, .business: 240, 480, 960, 120 → sorted 120, 240, 480, 960: median 360.
    const business = (await metrics("-m", "resolution", ...hours)).rows[0]!;
    expect([business.n, business.value, business.detail.clock]).toEqual([4, 360, "business"]);
  });

  it("periods from created_at", async () => {
    // created_at 2025-03-03 (Mon) to 03-05: all in 2025-W10.
    const weekly = await metrics("-m", "resolution", "--every", "week");
    expect(weekly.rows.map((row) => [row.period?.label ?? null, row.n, row.value])).toEqual([
      ["2025-W10", 4, 840],
      [null, 4, 840],
    ]);
  });

  it("a duration that is not minutes is a reject naming the nested field and the value", async () => {
    const records = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { reply_time_in_minutes: { calendar: unknown } });
    records[0]!.reply_time_in_minutes.calendar = "30 min";
    records[1]!.reply_time_in_minutes.calendar = -5;
    const path = join(mkdtempSync(join(tmpdir(), "cx-vendors-")), "metrics.ndjson");
    writeFileSync(path, records.map((record) => JSON.stringify(record)).join("\n"));
    const outcome = await run([path, "--preset", "zendesk-api", "-m", "first-response"]);
    expect(outcome.code, outcome.err).toBe(0);
    // 2003 (15) and 2005 (90) are used, 2004 is open, 2001 and 2002 are rejected: read 5 = used 3 + rejected 2.
    expect(outcome.out).toContain("rows read 5 = used 3 + rejected 2");
    expect(outcome.out).toContain('"30 min" in column "reply_time_in_minutes.calendar" is not a number of minutes');
    expect(outcome.out).toContain('"-5" in column "reply_time_in_minutes.calendar" is negative');
  });

  it("the API's page object (not its records) and --engine duckdb are refused with what to do", async () => {
    const page = join(mkdtempSync(join(tmpdir(), "cx-vendors-")), "page.json");
    writeFileSync(page, JSON.stringify({ ticket_metrics: [], next_page: null, count: 0 }));
    const wrapped = await run([page, "--preset", "zendesk-api", "-m", "first-response"]);
    expect(wrapped.code).toBe(2);
    expect(wrapped.err).toMatch(/a JSON file must hold an array of records/);
    const duckdb = await run([file, "--preset", "zendesk-api", "-m", "first-response", "--engine", "duckdb"]);
    expect(duckdb.code).toBe(2);
    expect(duckdb.err).toMatch(/JSON is read by --engine js/);
  });
});

describe.each(["js", "duckdb"] as const)("--preset surveymonkey on SurveyMonkey's export (--engine %s)", (engine) => {
  // The two header lines of a real SurveyMonkey export (ajturner/dc-elections, src/assets/2022_anc.csv), their first
  // 15 columns verbatim: SurveyMonkey's own "Respondent ID" ... "Custom Data 1", then the survey's questions, whose
  // sub-columns ("Name", "Email", ...) and answer kinds ("Response", "Open-Ended Response") are the second line. That
  // survey asks no rating question: the tests read the numbers of "Select the SMD ..." as the score, made up 0-10.
  const smd = "score=Select the SMD in which you are running:";
  const anc = "Select the Advisory Neighborhood Commission in which you are running:";
  const surveymonkey = (...args: string[]) =>
    report(engine, [fixture("surveymonkey.csv"), "--preset", "surveymonkey", "--column", smd, ...args]);

  it("skips the second header line: 5 responses read, the blank answer unanswered", async () => {
    // 10, 9, 3, 7, (blank) → promoters 2, passives 1, detractors 1 of 4 answers: NPS = (2 − 1) / 4 × 100 = 25.
    const result = await surveymonkey("-m", "nps");
    expect(result.input).toMatchObject({ read: 5, used: 4, unanswered: 1, rejected: 0 });
    expect([result.rows[0]!.n, result.rows[0]!.value]).toEqual([4, 25]);
  });

  it("periods from End Date (a local time: --time-zone), segments by a question's column", async () => {
    // End Date 2025-03-03 and 03-04 (ISO week 10): 10, 9 → 100; 03-10 and 03-11 (week 11): 3, 7 → (0 − 1) / 2 = −50.
    const weekly = await surveymonkey("-m", "nps", "--every", "week", "--time-zone", "UTC");
    expect(weekly.rows.map((row) => [row.period?.label ?? null, row.n, row.value])).toEqual([
      ["2025-W10", 2, 100],
      ["2025-W11", 2, -50],
      [null, 4, 25],
    ]);
    // 1A: 10, 9 → 100; 2B: 3, 7 (and a blank) → −50.
    const byAnc = await surveymonkey("-m", "nps", "--by", anc);
    const value = (segment: string) => byAnc.rows.find((row) => row.segment[anc] === segment)!.value;
    expect([value("1A"), value("2B")]).toEqual([100, -50]);
  });

  it("keeps the first response of an export written with one header line", async () => {
    const lines = readFileSync(fixture("surveymonkey.csv"), "utf8").trimEnd().split("\n");
    const oneLine = join(mkdtempSync(join(tmpdir(), "cx-surveymonkey-")), "one-header-line.csv");
    writeFileSync(oneLine, [lines[0], ...lines.slice(2)].join("\n"));
    const result = await report(engine, [oneLine, "--preset", "surveymonkey", "--column", smd, "-m", "nps"]);
    expect(result.input).toMatchObject({ read: 5, used: 4, unanswered: 1, rejected: 0 });
    expect(result.rows[0]!.value).toBe(25);
  });

  it("End Date without --time-zone is a bad row that asks for it", async () => {
    const outcome = await run([
      fixture("surveymonkey.csv"),
      "--preset",
      "surveymonkey",
      "--column",
      smd,
      "-m",
      "nps",
      "--every",
      "week",
      "--engine",
      engine,
    ]);
    // Every answered row is a bad row (the blank one is unanswered), the first named with its line (the second header
    // line skipped, line 3 is the first response).
    expect(outcome.err).toContain("5 read, 1 unanswered, 4 rejected");
    expect(outcome.err).toMatch(
      /line 3: "2025-03-03 09:05:10" in column "End Date" is a local time .* give --time-zone/,
    );
  });
});

describe("--preset intercom-api on Intercom's conversation records (JSON: the JS reader)", () => {
  // Conversations as Intercom's REST API writes them (developers.intercom.com, "Conversation" and "Conversation
  // statistics" models): times in Unix seconds, the reply and close instants under "statistics". Made-up values:
  //   101 created 2025-03-03 09:00Z, first admin reply +20 min, closed +120 min, rated 5
  //   102 created 03-03 14:00Z, reply +45, first close +180, reopened, last close +1560, rated 2, priority
  //   103 created 03-04 10:00Z, reply +5, closed +30, rated 4
  //   104 created 03-05 16:00Z, no reply, open, never rated (conversation_rating null)
  //   105 created 03-06 08:00Z, reply +90, closed +240, rating offered but not given (rating null)
  const file = fixture("intercom-api-conversations.ndjson");
  const conversations = (...args: string[]) => report("js", [file, "--preset", "intercom-api", ...args]);

  it("first response: created_at → statistics.first_admin_reply_at", async () => {
    // 20, 45, 5, (104 open), 90 → sorted 5, 20, 45, 90: median (20 + 45) / 2 = 32.5; p90 45 + 0.7 × 45 = 76.5.
    const all = (await conversations("-m", "first-response")).rows[0]!;
    expect([all.n, all.value, all.detail.open]).toEqual([4, 32.5, 1]);
    expect(all.detail.p90).toBeCloseTo(76.5, 10);
  });

  it("resolution: the last close, or statistics.first_close_at with --resolution first", async () => {
    // last close: 120, 1560, 30, (open), 240 → sorted 30, 120, 240, 1560: median 180.
    const full = (await conversations("-m", "resolution")).rows[0]!;
    expect([full.n, full.value, full.detail.open]).toEqual([4, 180, 1]);
    // first close: 120, 180, 30, 240 → sorted 30, 120, 180, 240: median 150.
    const first = (await conversations("-m", "resolution", "--resolution", "first")).rows[0]!;
    expect([first.n, first.value]).toEqual([4, 150]);
  });

  it("segments by priority", async () => {
    // not_priority: 20, 5, 90 → median 20; priority: 45.
    const rows = (await conversations("-m", "first-response", "--by", "priority")).rows;
    const value = (segment: string) => rows.find((row) => row.segment.priority === segment)!.value;
    expect([value("not_priority"), value("priority")]).toEqual([20, 45]);
  });

  it("CSAT from conversation_rating.rating (1-5): unrated conversations are unanswered", async () => {
    // Ratings 5, 2, 4; 104 (no rating object) and 105 (rating null) unanswered: satisfied (4-5) 2 of 3.
    const result = await conversations("-m", "csat");
    expect(result.input).toMatchObject({ read: 5, used: 3, unanswered: 2, rejected: 0 });
    expect(result.rows[0]!.value).toBeCloseTo((2 / 3) * 100, 10);
  });

  it("a time that is not Unix seconds is a reject naming the nested field", async () => {
    const records = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { statistics: { first_admin_reply_at: unknown } });
    records[0]!.statistics.first_admin_reply_at = "2025-03-03 09:20";
    const path = join(mkdtempSync(join(tmpdir(), "cx-vendors-")), "conversations.ndjson");
    writeFileSync(path, records.map((record) => JSON.stringify(record)).join("\n"));
    const outcome = await run([path, "--preset", "intercom-api", "-m", "first-response"]);
    expect(outcome.code, outcome.err).toBe(0);
    expect(outcome.out).toContain("rows read 5 = used 4 + rejected 1");
    expect(outcome.out).toContain('column "statistics.first_admin_reply_at"');
  });
});
