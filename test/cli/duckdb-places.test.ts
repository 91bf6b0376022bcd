// The DuckDB engine hands the JS reader only the rows it does not count, found by their place in the file
// (src/cli/duckdb/placed.ts): on files written out below, with mixed offsets, each kind of bad cell and record,
// quoted line breaks before them and a quoted header field (after which DuckDB 1.5's byte offsets of rejected
// records point one byte past their start), both engines give the same JSON, and the rejects are on the lines
// counted by hand beside each record.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { offsetBounds, periodSql } from "../../src/cli/duckdb/survey-sql.js";
import { openDuckDb } from "../../src/cli/duckdb/driver.js";
import { main } from "../../src/cli/main.js";
import { localOf, periodKeyOf } from "../../src/sql/dialect.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-places-"));

interface Report {
  readonly input: { readonly read: number; readonly used: number; readonly rejected: number; engine?: string };
  readonly rejects: readonly { readonly line: number; readonly column: string | null; readonly value: unknown }[];
}

async function report(args: readonly string[], engine: string): Promise<{ code: number; out: Report; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--engine", engine, "--format", "json", "--quiet"], {
    stdout,
    stderr,
    env: {},
  });
  const out = JSON.parse(stdout.text()) as Report & {
    input: { metrics?: Record<string, { engine?: string }> | { engine?: string }[] };
  };
  delete out.input.engine;
  // With several metrics, each says who read its rows too.
  for (const metric of Object.values(out.input.metrics ?? {})) delete metric.engine;
  return { code, out, err: stderr.text() };
}

/** Both engines' reports, which must be equal; the JS reader's. */
async function both(args: readonly string[]): Promise<Report> {
  const js = await report(args, "js");
  const duck = await report(args, "duckdb");
  expect(duck).toEqual(js);
  return js.out;
}

// Line numbers as the JS reader counts them, one per physical line (header = 1).
const SURVEY = [
  'id,"Submitted At",channel,score,comment', // 1 (a quoted header field)
  "1,2025-03-01T09:30:00+01:00,chat,9,ok", // 2
  '2,2025-03-01T08:30:00.250Z,email,10,"two', // 3
  'lines"', // 4
  "3,2025-03-01T14:00:00+05:30,web,ten,", // 5: a score written as a word
  '4,2025-03-01T03:30:00-05:00,chat,7,"a ""quoted"" word"', // 6
  "5,2025-02-30T10:00:00+01:00,chat,8,", // 7: 30 February
  "6,n/a,web,6,", // 8: not a date
  "7,2025-03-01T10:00:00+0530,chat,3,", // 9: an offset without a colon (the JS reader reads it)
  "8,2025-03-01,chat,5,", // 10: a date without a time (read in --time-zone)
  '9,2025-03-01T10:00,web,4,"x', // 11: a local time without seconds, a comment over three lines
  "y", // 12
  'z"', // 13
  "10,2025-03-30T02:30:00,chat,9,", // 14: a local time in the spring DST gap (moved forward)
  "11,2025-03-01T10:00:00Z,chat", // 15: a short record (DuckDB rejects it)
  "12,2025-03-01T10:00:00Z,chat,11,", // 16: a score of 11
  "", // 17: a blank line
  '13,2025-03-01T10:00:00Z,chat,9,"ok"x', // 18: text after a closing quote (DuckDB rejects it)
  "14,2025-03-31T22:30:00Z,email,9,", // 19: 2025-04-01 00:30 in Berlin (April: a period's edge)
  "15,2025-03-31T21:30:00Z,email,9,", // 20: 2025-03-31 23:30 in Berlin
  '16,2025-03-01T10:00:00Z,"web",8,', // 21: a quoted segment
];
const SURVEY_ARGS = [
  "--metric",
  "nps",
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--column",
  "respondedAt=Submitted At",
];

describe("--engine duckdb reads only the odd rows again, at their places", () => {
  it.each([
    ["LF", "\n", false],
    ["CRLF", "\r\n", false],
    ["gzip", "\n", true],
  ])(
    "a survey with mixed offsets and every kind of bad row (%s): the JS reader's report, rejects on their lines",
    async (_, newline, gzip) => {
      const text = `${SURVEY.join(newline)}${newline}`;
      const path = join(dir, gzip ? "survey.csv.gz" : `survey-${newline.length}.csv`);
      writeFileSync(path, gzip ? gzipSync(text) : text);
      const out = await both([path, ...SURVEY_ARGS]);
      expect(out.input).toEqual({ read: 16, used: 10, unanswered: 0, rejected: 6 });
      expect(out.rejects.map((reject) => [reject.line, reject.column])).toEqual([
        [5, "score"],
        [7, "Submitted At"],
        [8, "Submitted At"],
        [15, null],
        [16, "score"],
        [18, "comment"],
      ]);
    },
  );

  it("first response: rejected rows get their lines and their cells as written (DuckDB hands over instants as numbers)", async () => {
    const lines = [
      "id,createdAt,firstResponseAt,channel", // 1
      "1,2025-03-01T09:00:00+01:00,2025-03-01T09:30:00Z,chat", // 2
      '2,2025-03-01T09:00:00Z,2025-03-01T08:00:00.500Z,"e', // 3: a reply before the ticket, a channel over two lines
      'mail"', // 4
      "3,2025-02-30T09:00:00Z,2025-03-01T09:00:00Z,chat", // 5: 30 February
      "4,2025-03-01T09:00:00Z", // 6: a short record
      "5,2025-03-01T09:00:00+0100,2025-03-01T09:30:00Z,chat", // 7: an offset without a colon
      "6,2025-03-01T09:00:00-05:00,2025-03-01T13:59:00Z,chat", // 8: one minute before the ticket
    ];
    const path = join(dir, "tickets.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const out = await both([path, "--metric", "first-response", "--by", "channel"]);
    expect(out.input).toMatchObject({ read: 6, used: 2, rejected: 4 });
    expect(out.rejects.map((reject) => [reject.line, reject.value])).toEqual([
      [3, "2025-03-01T08:00:00.500Z"],
      [5, "2025-02-30T09:00:00Z"],
      [6, null],
      [8, "2025-03-01T13:59:00Z"],
    ]);
  });

  it('a quote with a space beside it (DuckDB reads ` "chat"` and `"chat" ,` as chat): the JS reader reads the file', async () => {
    // The JS reader, by its rule (a quote opens a field only at its start; text after a closing quote is an error):
    // line 2's channel is the text ` "chat"`, line 3 is rejected in "channel", line 4 has 6 fields (` "a` and `b"`).
    const lines = [
      "id,respondedAt,channel,score,comment", // 1
      '1,2025-03-01T10:00:00Z, "chat",9,x', // 2
      '2,2025-03-01T10:00:00Z,"chat" ,9,ok', // 3
      '3,2025-03-01T10:00:00Z,chat,8, "a,b"', // 4
      "4,2025-03-01T10:00:00Z,chat,7,", // 5
    ];
    const path = join(dir, "spaced-quotes.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const out = await both([path, "--metric", "nps", "--by", "channel"]);
    expect(out.input).toEqual({ read: 4, used: 2, unanswered: 0, rejected: 2 });
    expect(out.rejects.map((reject) => [reject.line, reject.column])).toEqual([
      [3, "channel"],
      [4, null],
    ]);
  });
});

describe("several ticket metrics through DuckDB in one read", () => {
  it("each metric's rejects on their lines, as the JS reader gives them (-m first-response,resolution,sla)", async () => {
    const lines = [
      "id,createdAt,firstResponseAt,resolvedAt", // 1
      "1,2025-03-01T09:00:00+01:00,2025-03-01T09:30:00Z,2025-03-02T09:00:00Z", // 2
      '2,2025-03-01T09:00:00Z,2025-03-01T08:00:00Z,"2025-03-01T10:00:00Z"', // 3: a reply before the ticket
      "3,2025-03-01T09:00:00Z,2025-03-01T09:10:00Z,2025-04-31T09:00:00Z", // 4: 31 April (resolution only)
      "4,2025-03-01T09:00:00Z", // 5: a short record (every metric)
      "5,2025-03-01T09:00:00Z,,", // 6: open (no reply, not resolved)
    ];
    const path = join(dir, "tickets-several.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const out = (await both([
      path,
      "--metric",
      "first-response,resolution,sla",
      "--target",
      "first-response=60",
      "--as-of",
      "2025-03-05T00:00:00Z",
    ])) as unknown as { rejects: readonly { line: number; metric: string }[] };
    // By line, then metric; SLA reads the resolution too (31 April).
    expect(out.rejects.map((reject) => [reject.metric, reject.line])).toEqual([
      ["first-response", 3],
      ["sla", 3],
      ["resolution", 4],
      ["sla", 4],
      ["first-response", 5],
      ["resolution", 5],
      ["sla", 5],
    ]);
  });
});

describe("periods through DuckDB", () => {
  it("knows each zone's offsets since 1900 (the IANA data: Berlin +01:00 to +03:00 in 1945, Kolkata +05:21:10 to +06:30)", async () => {
    const duck = (await openDuckDb())!;
    try {
      const hours = async (zone: string): Promise<number[]> => {
        const bounds = await offsetBounds(duck.connection, zone);
        return [bounds.least / 3.6e9, bounds.greatest / 3.6e9];
      };
      expect(await hours("Europe/Berlin")).toEqual([1, 3]);
      expect(await hours("UTC")).toEqual([0, 0]);
      expect(await hours("America/New_York")).toEqual([-5, -4]);
      const kolkata = await hours("Asia/Kolkata");
      expect(kolkata[0]! * 3600).toBeCloseTo(5 * 3600 + 21 * 60 + 10, 6);
      expect(kolkata[1]).toBe(6.5);
    } finally {
      duck.close();
    }
  });

  it("cuts every instant as the zone's rules do, near a period's edge or not", async () => {
    const duck = (await openDuckDb())!;
    try {
      for (const zone of ["Europe/Berlin", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "UTC"]) {
        const bounds = await offsetBounds(duck.connection, zone);
        for (const every of ["day", "week", "month", "quarter", "year"] as const) {
          // Every 79 hours 13 minutes from 1900 to 2199, and every 7 minutes of 2024.
          const instants =
            "SELECT make_timestamptz(us) AS t FROM range(-2208988800000000, 7258118399999000, 285180000000) r(us) UNION ALL SELECT make_timestamptz(us) FROM range(1704067200000000, 1735689600000000, 420000000) r(us)";
          const rows = (
            await duck.connection.runAndReadAll(
              `SELECT count(*) FILTER (WHERE ${periodSql("t", zone, every, bounds)} IS DISTINCT FROM ${periodKeyOf("duckdb", localOf("t", zone), every)}) FROM (${instants})`,
            )
          ).getRows();
          expect(Number(rows[0]![0]), `${zone} ${every}`).toBe(0);
        }
      }
    } finally {
      duck.close();
    }
  }, 120_000);
});
