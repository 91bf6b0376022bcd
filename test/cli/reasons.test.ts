// Reasons in the user's words (DESIGN.md "Real exports"): every reject the command prints names the file's column header
// and the cell as written, and says what to do; never a record field name that is not the header, an array index, a
// JavaScript type, and never "give --time-zone" when it was given. Files with every kind of bad cell, each metric, both
// engines, every output that carries rejects (JSON, table, --rejects, --strict).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-reasons-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Reject {
  line: number;
  column: string | null;
  value: unknown;
  reason: string;
}

async function rejects(args: readonly string[]): Promise<Reject[]> {
  const { out, err } = await run([...args, "--format", "json"]);
  expect(err).toBe("");
  return (JSON.parse(out) as { rejects: Reject[] }).rejects;
}

/** The record fields the command reads: a reason may name one only where it is the file's own header. */
const FIELDS = [
  "firstResponseMinutes",
  "resolutionMinutes",
  "score",
  "rating",
  "ratings",
  "respondedAt",
  "createdAt",
  "firstResponseAt",
  "resolvedAt",
  "reviewedAt",
  "resolutions",
];

/** What no reason may hold: a field that is not the header, "index", "Date", "epoch", "undefined". */
function expectUserWords(reject: Reject, timeZoneGiven: boolean): void {
  const reason = reject.reason;
  expect(reject.column, reason).not.toBeNull();
  expect(reason, reason).toContain(`column ${JSON.stringify(reject.column)}`);
  // The header named, and every word that is a field name only where a header in the reason holds it.
  const withoutHeaders = reason.replace(/column "(?:[^"\\]|\\.)*"/g, "column H");
  for (const name of FIELDS) expect(withoutHeaders, reason).not.toMatch(new RegExp(`\\b${name}\\b`, "i"));
  expect(reason).not.toMatch(/\bindex\b|\bDate\b|\bepoch\b|undefined|\bnull\b|summarize|interaction|record \d/);
  if (timeZoneGiven) expect(reason).not.toContain("--time-zone");
  // The cell as written is in the reason (or the reason says the cell is empty).
  if (typeof reject.value === "string" && reject.value.trim() !== "")
    expect(reason, reason).toContain(JSON.stringify(reject.value));
  else if (Array.isArray(reject.value) && !reason.startsWith("item "))
    expect(reason, reason).toContain(JSON.stringify(reject.value));
  else if (typeof reject.value !== "number") expect(reason, reason).toMatch(/is empty|^item \d+ of the list/);
}

const survey = file(
  "survey.csv",
  [
    "Submitted At,How likely?,Channel,Weight",
    "2025-03-01T10:00:00Z,9,email,1",
    "2025-03-01T10:00:00Z,,email,1", // empty answer: unanswered, not a reject (issue 19)
    "2025-03-01T10:00:00Z,11,chat,1", // off the 0-10 scale
    "2025-03-01T10:00:00Z,abc,chat,1", // not a number
    "2025-03-01T10:00:00Z,7.5,chat,1", // not a whole number
    "2025-03-01 10:00,8,chat,1", // a local time (rejected without --time-zone only)
    "not a date,8,chat,1", // not a date
    ",8,chat,1", // an empty date
    "1900-01-01 00:00:00,8,chat,1", // a "never" placeholder (before the range in Europe/Berlin)
    "9999-12-31T00:00:00Z,8,chat,1", // after the range
    "2025-02-30T10:00:00Z,8,chat,1", // an impossible day
    "2025-03-01,8,chat,1", // a day without a time
    "2025-03-01T10:00:00Z,8,chat,0", // a weight of 0
    "2025-03-01T10:00:00Z,8,chat,heavy", // a weight that is not a number
    "",
  ].join("\n"),
);
const columns = ["--column", "score=How likely?", "--column", "respondedAt=Submitted At", "--every", "month"];

const ratings = file(
  "ratings.csv",
  [
    "Submitted At,Rating",
    "2025-03-01T10:00:00Z,4",
    "2025-03-01T10:00:00Z,", // empty: unanswered, not a reject
    "2025-03-01T10:00:00Z,6", // off 1-5, on 1-10
    "2025-03-01T10:00:00Z,12", // off every scale
    "2025-03-01T10:00:00Z,good", // not a number
    "2025-03-01T10:00:00Z,3.5", // not whole
    "2025-03-01T10:00:00Z,positive", // a smiley label on a number scale
    "soon,4", // not a date
    "",
  ].join("\n"),
);

const tickets = file(
  "tickets.csv",
  [
    "Ticket,Opened,First Reply,Closed",
    "1,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z",
    "2,,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z", // no creation
    "3,2025-03-03T08:00:00Z,2025-03-03T07:00:00Z,2025-03-03T06:00:00Z", // reply and solution before the creation
    "4,2025-03-03 08:00,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z", // local time
    "5,2025-03-03T08:00:00Z,soon,later", // not dates
    "6,1900-01-01 00:00:00,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z", // placeholder
    "7,2025-03-03T08:00:00Z,9999-12-31T00:00:00Z,9999-12-31T00:00:00Z", // after the range
    "",
  ].join("\n"),
);
const ticketColumns = ["--column", "createdAt=Opened", "--column", "firstResponseAt=First Reply"];

const zendesk = file(
  "zendesk.csv",
  [
    // The header of Zendesk Support's ticket export (test/fixtures/cli/zendesk.csv).
    "Id,Subject,Created at,Solved at,First reply time in minutes,Group,Via,Priority,Ticket type",
    "101,Login,2025-03-03T08:00:00Z,2025-03-03T12:00:00Z,30,Tier 1,Mail,high,incident",
    "102,Refund,2025-03-04T09:00:00Z,,abc,Tier 1,Web form,normal,question", // minutes not a number
    "103,Invoice,2025-03-05T10:00:00Z,,-5,Tier 2,Mail,low,question", // negative minutes
    "",
  ].join("\n"),
);

const vendorMinutes = file(
  "vendor-minutes.csv",
  [
    // Zendesk's column names for the minutes it computed (docs/cli.md, the zendesk preset).
    "Id,Created at,First reply time in minutes,Full resolution time in minutes",
    "1,2025-03-03T08:00:00Z,30,100",
    "2,2025-03-03T08:00:00Z,abc,xyz", // not numbers
    "3,2025-03-03T08:00:00Z,-5,-7", // negative
    "",
  ].join("\n"),
);

const delighted = file(
  "delighted.csv",
  ["id,score,created_at", "1,9,1740821400", "2,8,soon", "3,7,99999999999999", ""].join("\n"),
);

const reviews = file(
  "reviews.csv",
  [
    "id,reviewed,greeting,solution,tone,gdpr",
    "r1,2025-03-01T10:00:00Z,yes,4,3,pass",
    "r2,2025-03-01T10:00:00Z,maybe,4,3,pass", // not yes / no
    "r3,2025-03-01T10:00:00Z,yes,7,3,pass", // off 1-5
    "r4,2025-03-01T10:00:00Z,yes,,3,pass", // N/A where the scorecard does not allow it
    "r5,2025-03-01T10:00:00Z,yes,4,3,n/a", // the same, written n/a
    "r6,bad,yes,4,3,pass", // not a date
    "",
  ].join("\n"),
);

const ticketList = file(
  "tickets.json",
  `[\n${[
    { id: 1, createdAt: "2025-03-03T08:00:00Z", resolvedAt: "2025-03-03T12:00:00Z", resolutions: [], channel: "a" },
    { id: 2, createdAt: "2025-03-03T08:00:00Z", resolutions: ["2025-03-03T07:00:00Z"], channel: "a" },
    { id: 3, createdAt: "2025-03-03T08:00:00Z", resolutions: "x", channel: "a" },
    { id: 4, createdAt: "2025-03-03T08:00:00Z", resolutions: ["nope"], channel: "a" },
    { id: 5, createdAt: "2025-03-03T08:00:00Z", resolvedAt: "2025-03-03T12:00:00Z", channel: [1, 2] },
    { id: 6, createdAt: "2025-03-03T08:00:00Z", resolvedAt: 1740000000000, channel: "b" },
  ]
    .map((record) => JSON.stringify(record))
    .join(",\n")}\n]\n`, // a record a line: each reject's line is its record's
);

describe("every reject in the user's words", () => {
  const engines = ["js", "duckdb"] as const;
  const cases: { name: string; args: string[]; timeZone: boolean; count: number }[] = [
    { name: "nps", args: [survey, "-m", "nps", ...columns], timeZone: false, count: 10 },
    {
      name: "nps, --time-zone",
      args: [survey, "-m", "nps", ...columns, "--time-zone", "Europe/Berlin"],
      timeZone: true,
      count: 8,
    },
    {
      name: "nps, --weight",
      args: [survey, "-m", "nps", ...columns, "--weight", "Weight"],
      timeZone: false,
      count: 12,
    },
    {
      name: "csat",
      args: [ratings, "-m", "csat", "--column", "respondedAt=Submitted At", "--every", "month"],
      timeZone: false,
      count: 6,
    },
    { name: "csat smiley-3", args: [ratings, "-m", "csat", "--scale", "smiley-3"], timeZone: false, count: 6 },
    { name: "ces", args: [ratings, "-m", "ces", "--scale", "1-5"], timeZone: false, count: 5 },
    { name: "first-response", args: [tickets, "-m", "first-response", ...ticketColumns], timeZone: false, count: 6 },
    {
      name: "resolution, --time-zone",
      args: [tickets, "-m", "resolution", ...ticketColumns, "--column", "resolvedAt=Closed", "--time-zone", "UTC"],
      timeZone: true,
      count: 4, // 1900-01-01 00:00:00 in UTC is in the range
    },
    {
      name: "sla",
      args: [
        tickets,
        "-m",
        "sla",
        ...ticketColumns,
        "--column",
        "resolvedAt=Closed",
        "--target",
        "first-response=60",
        "--as-of",
        "2025-04-01T00:00:00Z",
      ],
      timeZone: false,
      count: 6,
    },
    {
      name: "zendesk minutes",
      args: [zendesk, "--preset", "zendesk", "-m", "first-response"],
      timeZone: false,
      count: 2,
    },
    {
      name: "vendor first-reply minutes",
      args: [vendorMinutes, "-m", "first-response", "--column", "firstResponseMinutes=First reply time in minutes"],
      timeZone: false,
      count: 2,
    },
    {
      name: "vendor resolution minutes",
      args: [vendorMinutes, "-m", "resolution", "--column", "resolutionMinutes=Full resolution time in minutes"],
      timeZone: false,
      count: 2,
    },
    {
      name: "delighted seconds",
      args: [delighted, "--preset", "delighted", "-m", "nps", "--every", "month"],
      timeZone: false,
      count: 2,
    },
    {
      name: "iqs",
      args: [
        reviews,
        "-m",
        "iqs",
        "--scorecard",
        "examples/data/qa-scorecard.json",
        "--column",
        "reviewedAt=reviewed",
        "--every",
        "month",
      ],
      timeZone: false,
      count: 5,
    },
  ];
  for (const { name, args, timeZone, count } of cases) {
    for (const engine of engines) {
      it(`${name} (--engine ${engine})`, async () => {
        const found = await rejects([...args, "--engine", engine]);
        expect(found).toHaveLength(count);
        for (const reject of found) expectUserWords(reject, timeZone);
      });
    }
  }

  it("JSON lists and segments (the JS reader)", async () => {
    const found = await rejects([ticketList, "-m", "resolution", "--by", "channel"]);
    expect(found.map((reject) => reject.line)).toEqual([3, 4, 5, 6, 7]);
    for (const reject of found) expectUserWords(reject, false);
    expect(found[0]!.reason).toBe(
      'item 1 of the list in column "resolutions" ("2025-03-03T07:00:00Z") is before the ticket\'s creation ("2025-03-03T08:00:00Z" in column "createdAt"): a resolution cannot come before it; correct one of the two cells, or check that both columns are written in the same time zone',
    );
    // 1740000000000 ms is 2025-02-19T21:20:00Z: a number in a date column is shown as the instant it is.
    expect(found[4]!.reason).toContain('"2025-02-19T21:20:00.000Z" in column "resolvedAt" is before');
  });

  it("says what is wrong and what to do, cell by cell", async () => {
    const found = await rejects([survey, "-m", "nps", ...columns, "--weight", "Weight"]);
    const reason = (line: number): string => found.find((reject) => reject.line === line)!.reason;
    // Line 3's empty answer is a survey not answered: no reject (issue 19).
    expect(found.some((reject) => reject.line === 3)).toBe(false);
    expect(reason(4)).toBe(
      '"11" in column "How likely?" is outside 0-10: an NPS answer on the 0-10 scale is a whole number from 0 to 10; check that the column holds the 0-10 question\'s answers',
    );
    expect(reason(5)).toContain('"abc" in column "How likely?" is not a number');
    expect(reason(6)).toContain('"7.5" in column "How likely?" is not a whole number');
    expect(reason(7)).toContain('"2025-03-01 10:00" in column "Submitted At" is a local time without an offset');
    expect(reason(7)).toContain("give --time-zone");
    expect(reason(8)).toContain('"not a date" in column "Submitted At" is not a date the command reads');
    expect(reason(9)).toContain('column "Submitted At" is empty');
    expect(reason(11)).toContain("outside the supported range");
    expect(reason(12)).toContain('"2025-02-30T10:00:00Z" in column "Submitted At" is not a possible date');
    expect(reason(13)).toContain('"2025-03-01" in column "Submitted At" is a day without a time');
    expect(reason(14)).toContain('"0" in column "Weight" is not a weight');
    expect(reason(15)).toContain('"heavy" in column "Weight" is not a number');
    // With --time-zone Europe/Berlin, 1900-01-01 00:00 is 1899-12-31T23:00Z: before the range, and no zone advice.
    const zoned = await rejects([survey, "-m", "nps", ...columns, "--time-zone", "Europe/Berlin"]);
    const placeholder = zoned.find((reject) => reject.line === 10)!.reason;
    expect(placeholder).toContain(
      '"1900-01-01 00:00:00" in column "Submitted At" read in Europe/Berlin is 1899-12-31T23:00:00.000Z, before the supported range',
    );
    expect(placeholder).toContain('add --missing-date "1900-01-01 00:00:00"');
    expect(placeholder).not.toContain("--time-zone");
    const csat = await rejects([ratings, "-m", "csat"]);
    expect(csat.find((reject) => reject.line === 4)!.reason).toBe(
      '"6" in column "Rating" is outside 1-5: a CSAT answer on the 1-5 scale is a whole number from 1 to 5; if the survey asked on a 1-10 scale, give --scale 1-10',
    );
  });

  it("--strict, the table and --rejects print the same reasons", async () => {
    const strict = await run([survey, "-m", "nps", ...columns, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.err).toBe(
      'cx-metrics: bad row under --strict: line 4: "11" in column "How likely?" is outside 0-10: an NPS answer on the 0-10 scale is a whole number from 0 to 10; check that the column holds the 0-10 question\'s answers\n',
    );
    const rejectsFile = join(dir, "rejects.csv");
    const table = await run([survey, "-m", "nps", ...columns, "--rejects", rejectsFile]);
    expect(table.out).toContain(
      '  rejected: line 4: "11" in column "How likely?" is outside 0-10: an NPS answer on the 0-10 scale',
    );
    const csv = readFileSync(rejectsFile, "utf8");
    expect(csv).toContain('4,How likely?,11,"""11"" in column ""How likely?"" is outside 0-10');
  });
});
