// `cx-metrics check`: every record a claim leaves out for a value it cannot read is said with its line, the column's
// header and the cell as written, by report's translator (src/cli/reasons.ts), the first five listed and the rest
// counted (issue 19, point 2).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-left-out-"));

async function run(command: string, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main([command, ...args], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Problem {
  index: number;
  field: string;
  line: number;
  column: string | null;
  value: unknown;
  reason: string;
}
interface ClaimJson {
  id: string;
  leftOut?: { undated: number; unreadable: number; problems: Problem[] };
  agreement?: { problems: Problem[]; notCompared: { unreadable: number; badVendor: number } };
  explanation: string;
}

// Ten CSAT answers on 1-5 (lines 2-11): 5, "ten", 4, 7, 9, 2.5, 9, 0, -1, 5: seven that are not answers of the scale.
const survey = write(
  "survey.csv",
  [
    "Ticket ID,Channel,Satisfaction,Solved at",
    "1,email,5,2025-03-03T10:00:00Z",
    "2,email,ten,2025-03-04T10:00:00Z",
    "3,chat,4,2025-03-05T10:00:00Z",
    "4,chat,7,2025-03-06T10:00:00Z",
    "5,chat,9,2025-04-01T10:00:00Z",
    "6,email,2.5,2025-04-02T10:00:00Z",
    "7,email,9,2025-04-03T10:00:00Z",
    "8,chat,0,2025-03-09T10:00:00Z",
    "9,chat,-1,2025-04-04T10:00:00Z",
    "10,email,5,2025-04-05T10:00:00Z",
  ].join("\n"),
);
const columns = { rating: "Satisfaction", respondedAt: "Solved at" };

describe("check: records left out of an ordinary claim", () => {
  it("the first five with line, column and cell, by report's words; the rest counted", async () => {
    const claims = write(
      "csat.json",
      JSON.stringify({
        data: { survey: { path: survey, columns } },
        claims: [{ id: "csat", metric: "csat", data: "survey", value: "100 %" }],
      }),
    );
    const json = await run("check", [claims, "--format", "json"]);
    expect(json.err).toBe("");
    const claim = (JSON.parse(json.out) as { claims: ClaimJson[] }).claims[0]!;
    // Hand count: "ten", 7, 9, 2.5, 9, 0, -1 are not answers on 1-5: 7 left out, none undated (no period).
    expect(claim.leftOut).toMatchObject({ undated: 0, unreadable: 7 });
    expect(claim.leftOut!.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [3, "Satisfaction", "ten"],
      [5, "Satisfaction", "7"],
      [6, "Satisfaction", "9"],
      [7, "Satisfaction", "2.5"],
      [8, "Satisfaction", "9"],
    ]);
    expect(claim.explanation).toContain(
      "7 records of the segment and period had a value that could not be read and were left out",
    );
    // One translator: report rejects the same rows with the same sentences (check says report's flags in the claims
    // file's words: the scale is the claim's "options").
    const report = await run("report", [
      survey,
      "--metric",
      "csat",
      "--column",
      "rating=Satisfaction",
      "--format",
      "json",
      "--quiet",
    ]);
    const rejects = (JSON.parse(report.out) as { rejects: Problem[] }).rejects;
    for (const problem of claim.leftOut!.problems) {
      const reject = rejects.find((each) => each.line === problem.line)!;
      expect([problem.column, problem.value]).toEqual([reject.column, reject.value]);
      expect(problem.reason).toBe(
        reject.reason
          .replace("give --scale 1-10", 'give the claim "options": { "scale": "1-10" }')
          .replace("(--column)", '(the data set\'s "columns")'),
      );
    }
    const table = await run("check", [claims]);
    expect(table.out).toContain(
      '  left out: line 3: "ten" in column "Satisfaction" is not a number: a CSAT answer on the 1-5 scale is a whole number from 1 to 5',
    );
    expect(table.out).toContain(
      '  left out: line 5: "7" in column "Satisfaction" is outside 1-5: a CSAT answer on the 1-5 scale is a whole number from 1 to 5; if the survey asked on a 1-10 scale, give the claim "options": { "scale": "1-10" }',
    );
    expect(table.out).toContain(
      "  left out: 2 more records with a value that cannot be read (7 in all, the first 5 listed above)",
    );
    expect(table.out).not.toMatch(/--scale|--column|rating of|index \d/);
    const markdown = await run("check", [claims, "--format", "markdown"]);
    expect(markdown.out).toContain('  - left out: line 7: "2.5" in column "Satisfaction" is not a whole number');
    expect(markdown.out).toContain("  - left out: 2 more records with a value that cannot be read");
  });

  it("with a period: records whose date cannot be read are listed among them, in the file's order", async () => {
    const dated = write(
      "dated.csv",
      [
        "Satisfaction,Solved at",
        "5,2025-03-03T10:00:00Z",
        "4,next week",
        "7.0,2025-03-05T10:00:00Z",
        "5,2025-04-05T10:00:00Z",
      ].join("\n"),
    );
    const claims = write(
      "dated.json",
      JSON.stringify({
        data: { survey: { path: dated, columns } },
        claims: [{ id: "march", metric: "csat", data: "survey", value: "100 %", period: "2025-03" }],
      }),
    );
    const json = await run("check", [claims, "--format", "json"]);
    const claim = (JSON.parse(json.out) as { claims: ClaimJson[] }).claims[0]!;
    // Line 3 has no readable date (in no period), line 4 is in March with 7.0 off the scale, line 5 is in April.
    expect(claim.leftOut).toMatchObject({ undated: 1, unreadable: 1 });
    expect(claim.leftOut!.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [3, "Solved at", "next week"],
      [4, "Satisfaction", "7.0"], // as written, not the number read from it
    ]);
    expect(claim.leftOut!.problems[0]!.reason).toMatch(/^"next week" in column "Solved at" is not a date/);
    const table = await run("check", [claims]);
    expect(table.out).toContain('  left out: line 3: "next week" in column "Solved at" is not a date');
    expect(table.out).not.toContain("more records");
  });

  it("a duration claim: a ticket whose creation cannot be read, named by its column", async () => {
    const tickets = write(
      "tickets.csv",
      [
        "id,createdAt,firstResponseAt",
        "1,2025-03-03T10:00:00Z,2025-03-03T10:30:00Z",
        "2,yesterday,2025-03-03T11:00:00Z",
        "3,2025-03-03T10:00:00Z,2025-03-03T09:00:00Z",
      ].join("\n"),
    );
    const claims = write(
      "tickets.json",
      JSON.stringify({
        data: { tickets },
        claims: [{ id: "reply", metric: "first-response", data: "tickets", value: "30 min" }],
      }),
    );
    const json = await run("check", [claims, "--format", "json"]);
    const claim = (JSON.parse(json.out) as { claims: ClaimJson[] }).claims[0]!;
    expect(claim.leftOut).toMatchObject({ undated: 0, unreadable: 2 });
    expect(claim.leftOut!.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [3, "createdAt", "yesterday"],
      [4, "firstResponseAt", "2025-03-03T09:00:00.000Z"],
    ]);
    expect(claim.leftOut!.problems[1]!.reason).toContain(
      'in column "firstResponseAt" is before the ticket\'s creation ("2025-03-03T10:00:00.000Z" in column "createdAt")',
    );
  });

  it("a claim that cannot be checked lists why no record gives a figure", async () => {
    const claims = write(
      "none.json",
      JSON.stringify({
        data: { survey: { path: survey, columns } },
        claims: [{ id: "chat", metric: "csat", data: "survey", value: "50 %", filter: { Channel: "chat" } }],
      }),
    );
    const table = await run("check", [claims]);
    expect(table.code).toBe(1);
    // Chat: 4, 7, 9, 0, -1: four of five cannot be read (lines 5, 6, 9, 10).
    expect(table.out).toContain('  left out: line 5: "7" in column "Satisfaction" is outside 1-5');
    expect(table.out).toContain('  left out: line 10: "-1" in column "Satisfaction" is outside 1-5');
  });
  it("a date the data set's reading cannot take: the reason report gives, with the claims file's missingDates and dateFormat", async () => {
    // Zendesk's "never" placeholder, read in Berlin (1899-12-31T23:00Z, before the range), and a date not in the
    // data set's dateFormat: report says "add --missing-date ..." and "does not match --date-format ..." for them
    // (test/cli/dates.test.ts); check must say the same in the claims file's words, not a reason without the reading.
    const placeholder = write(
      "placeholder.csv",
      ["Satisfaction,Solved at", "5,03.03.2025", "4,1900-01-01 00:00:00", "5,2025-03-05"].join("\n"),
    );
    const claims = write(
      "placeholder.json",
      JSON.stringify({
        timeZone: "Europe/Berlin",
        data: { survey: { path: placeholder, columns, dateFormat: "dd.MM.yyyy" } },
        claims: [{ id: "march", metric: "csat", data: "survey", value: "100 %", period: "2025-03" }],
      }),
    );
    const json = await run("check", [claims, "--format", "json"]);
    const claim = (JSON.parse(json.out) as { claims: ClaimJson[] }).claims[0]!;
    expect(claim.leftOut).toMatchObject({ undated: 2, unreadable: 0 });
    const report = await run("report", [
      placeholder,
      ...["--metric", "csat", "--every", "month", "--time-zone", "Europe/Berlin", "--date-format", "dd.MM.yyyy"],
      ...["--column", "rating=Satisfaction", "--column", "respondedAt=Solved at", "--format", "json", "--quiet"],
    ]);
    const rejects = (JSON.parse(report.out) as { rejects: Problem[] }).rejects;
    expect(rejects.map((reject) => reject.line)).toEqual([3, 4]);
    expect(claim.leftOut!.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, rejects[0]!.reason.replace(/--date-format\b/g, 'the data set\'s "dateFormat"')],
      [4, rejects[1]!.reason.replace(/--date-format\b/g, 'the data set\'s "dateFormat"')],
    ]);
    expect(claim.leftOut!.problems[0]!.reason).toContain('does not match the data set\'s "dateFormat" "dd.MM.yyyy"');
  });

  it("a placeholder date before the range: the advice names the data set's missingDates", async () => {
    const placeholder = write(
      "never.csv",
      ["Satisfaction,Solved at", "5,2025-03-03 10:00:00", "4,1900-01-01 00:00:00"].join("\n"),
    );
    const claims = write(
      "never.json",
      JSON.stringify({
        timeZone: "Europe/Berlin",
        data: { survey: { path: placeholder, columns } },
        claims: [{ id: "march", metric: "csat", data: "survey", value: "100 %", period: "2025-03" }],
      }),
    );
    const json = await run("check", [claims, "--format", "json"]);
    const claim = (JSON.parse(json.out) as { claims: ClaimJson[] }).claims[0]!;
    // 1900-01-01 00:00 in Berlin (CET, +01:00, since 1893 in the IANA data) is 1899-12-31T23:00Z, before the range: the
    // reason report gives (test/cli/dates.test.ts), with the claims file's "missingDates" for --missing-date.
    expect(claim.leftOut!.problems.map((p) => [p.line, p.reason])).toEqual([
      [
        3,
        '"1900-01-01 00:00:00" in column "Solved at" read in Europe/Berlin is 1899-12-31T23:00:00.000Z, before the supported range (the dates the command reads run from 1900-01-01 to 2199-12-31); if it stands for "never" (a placeholder of the export), add "1900-01-01 00:00:00" to the data set\'s "missingDates"; if it is a mistake, correct the cell',
      ],
    ]);
  });
});

describe("check: records not compared row by row", () => {
  it("beyond the first five: how many more", async () => {
    // Seven tickets whose vendor minutes are not minutes, one that is compared.
    const rows = [
      "ID,Created at,Solved at,Full resolution time in minutes",
      "1,2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,60",
    ];
    for (let k = 2; k <= 8; k++) rows.push(`${k},2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,x${k}`);
    const tickets = write("vendor.csv", rows.join("\n"));
    const claims = write(
      "vendor.json",
      JSON.stringify({
        data: { tickets: { path: tickets, preset: "zendesk" } },
        claims: [{ id: "full", metric: "resolution", data: "tickets", against: "Full resolution time in minutes" }],
      }),
    );
    const table = await run("check", [claims]);
    expect(table.out).toContain('  not compared: line 3: "x2" in column "Full resolution time in minutes"');
    expect(table.out).toContain(
      "  not compared: 2 more records with a value that cannot be read (7 in all, the first 5 listed above)",
    );
  });
});
