// `cx-metrics report` on surveys sent and not answered (issue 19): blank ratings and not-rated markers are counted as
// unanswered, never rejected, alike by both engines; --unanswered adds markers.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-unanswered-"));

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Json {
  rows: {
    segment: Record<string, string>;
    period: { label: string } | null;
    n: number;
    value: number;
    unanswered: number;
    responseRate: number | null;
  }[];
  input: { read: number; used: number; unanswered: number; rejected: number; engine?: string };
  rejects: { line: number; column: string; value: unknown; reason: string }[];
}

// A Zendesk-like CSAT export: "Offered" for a survey sent and not answered, blanks, "N/A", a real reject ("9" off
// the 1-5 scale) and a row with an unreadable date but no answer.
const csv = [
  "Ticket ID,Channel,Satisfaction,Solved at",
  "1,email,5,2025-03-03T10:00:00Z",
  "2,email,Offered,2025-03-04T10:00:00Z",
  "3,chat,4,2025-03-05T10:00:00Z",
  "4,chat,,2025-03-06T10:00:00Z",
  "5,chat,N/A,2025-04-01T10:00:00Z",
  "6,email,2,2025-04-02T10:00:00Z",
  "7,email,9,2025-04-03T10:00:00Z",
  "8,chat, not rated ,",
  "9,chat,skipped,2025-04-04T10:00:00Z",
  "10,email,5,2025-04-05T10:00:00Z",
].join("\n");
const path = join(dir, "csat.csv");
writeFileSync(path, `${csv}\n`);
const args = [
  path,
  "--metric",
  "csat",
  "--by",
  "Channel",
  "--every",
  "month",
  "--column",
  "rating=Satisfaction",
  "--column",
  "respondedAt=Solved at",
];

describe("report: unanswered is its own count", () => {
  it("both engines give identical JSON: read = used + unanswered + rejected, per row unanswered and responseRate", async () => {
    const js = await run([...args, "--format", "json", "--engine", "js"]);
    const duck = await run([...args, "--format", "json", "--engine", "duckdb"]);
    expect(js.code).toBe(0);
    expect(duck.code).toBe(0);
    const a = JSON.parse(js.out) as Json;
    const b = JSON.parse(duck.out) as Json;
    expect(a.input.engine).toBe("js");
    expect(b.input.engine).toBe("duckdb");
    delete a.input.engine;
    delete b.input.engine;
    expect(b).toEqual(a);
    // Hand count: 10 rows; Offered, blank, N/A, " not rated " unanswered (4); 9 and "skipped" rejected (2); 4 used.
    expect(a.input).toEqual({ read: 10, used: 4, unanswered: 4, rejected: 2 });
    expect(a.rejects.map((reject) => [reject.line, reject.value])).toEqual([
      [8, "9"],
      [10, "skipped"],
    ]);
    const rows = a.rows.map((row) => [
      row.segment.Channel ?? "all",
      row.period?.label ?? "all",
      row.n,
      row.unanswered,
      row.responseRate,
    ]);
    // chat: 4 answered (March); blank (March), N/A (April) and " not rated " (no date: all-period row only).
    // email: 5 (March), 2 and 5 (April) answered; Offered (March).
    expect(rows).toEqual([
      ["all", "2025-03", 2, 2, 2 / 4],
      ["all", "2025-04", 2, 1, 2 / 3],
      ["all", "all", 4, 4, 4 / 8],
      ["chat", "2025-03", 1, 1, 1 / 2],
      ["chat", "all", 1, 3, 1 / 4],
      ["email", "2025-03", 1, 1, 1 / 2],
      ["email", "2025-04", 2, 0, null],
      ["email", "all", 3, 1, 3 / 4],
    ]);
  });
  it("--unanswered adds markers (repeatable), in both engines", async () => {
    for (const engine of ["js", "duckdb"]) {
      const result = await run([
        ...args,
        "--format",
        "json",
        "--engine",
        engine,
        "--unanswered",
        "Skipped",
        "--unanswered",
        "later",
      ]);
      expect((JSON.parse(result.out) as Json).input).toMatchObject({ read: 10, used: 4, unanswered: 5, rejected: 1 });
    }
  });
  it("the table's last line names read, used, unanswered and rejected", async () => {
    const table = await run([...args, "--engine", "js"]);
    expect(table.out).toContain("rows read 10 = used 4 + unanswered 4 + rejected 2 (read by the JS reader)");
    const markdown = await run([...args, "--engine", "duckdb", "--format", "markdown"]);
    expect(markdown.out).toContain("rows read 10 = used 4 + unanswered 4 + rejected 2 (read by DuckDB)");
  });
  it("--unanswered is for survey metrics; a file where nothing was answered exits 1 saying so", async () => {
    const tickets = await run([path, "--metric", "first-response", "--unanswered", "x"]);
    expect(tickets.code).toBe(2);
    expect(tickets.err).toContain("--unanswered is for --metric nps, csat or ces");
    const none = join(dir, "none.csv");
    writeFileSync(none, "score\nN/A\n\nOffered\n");
    const result = await run([none, "--metric", "nps", "--engine", "js"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("no row could be used: 2 read, 2 unanswered, 0 rejected");
  });
});

async function check(claims: object): Promise<{ code: number; out: string; err: string }> {
  const file = join(dir, `claims-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(claims));
  const stdout = sink();
  const stderr = sink();
  const code = await main(["check", file, "--format", "json"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

async function checkText(claims: object): Promise<string> {
  const file = join(dir, `claims-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(claims));
  const stdout = sink();
  await main(["check", file], { stdout, stderr: sink(), env: {} });
  return stdout.text();
}

describe("check counts a data set's rows exactly as report does (issue 19, point 1)", () => {
  const columns = { rating: "Satisfaction", respondedAt: "Solved at" };
  it("the same file: check's data line and JSON give report's read, used, unanswered and rejected", async () => {
    const claims = {
      data: { survey: { path, columns } },
      claims: [{ id: "csat", metric: "csat", data: "survey", value: "75%" }],
    };
    const checked = await check(claims);
    expect(checked.err).toBe("");
    const data = (JSON.parse(checked.out) as { data: Record<string, unknown> }).data;
    for (const engine of ["js", "duckdb"]) {
      const reported = JSON.parse((await run([...args, "--format", "json", "--engine", engine])).out) as Json;
      const { engine: _engine, ...input } = reported.input;
      // Hand count as above: 10 read, 4 used, 4 unanswered (Offered, blank, N/A, " not rated "), 2 rejected (9, skipped).
      expect(input).toEqual({ read: 10, used: 4, unanswered: 4, rejected: 2 });
      expect(data.survey).toEqual(input);
    }
    expect(await checkText(claims)).toContain("data survey: rows read 10 = used 4 + unanswered 4 + rejected 2\n");
  });
  it("a data set read as two survey metrics: each one's counts, as report --metric gives them", async () => {
    const claims = {
      data: { survey: { path, columns: { ...columns, score: "Satisfaction" } } },
      claims: [
        { id: "csat", metric: "csat", data: "survey", value: "75%" },
        { id: "nps", metric: "nps", data: "survey", value: "0" },
      ],
    };
    const data = (JSON.parse((await check(claims)).out) as { data: Record<string, object> }).data;
    const both = JSON.parse(
      (
        await run([
          path,
          "--metric",
          "csat,nps",
          "--column",
          "rating=Satisfaction",
          "--column",
          "score=Satisfaction",
          "--format",
          "json",
          "--engine",
          "js",
        ])
      ).out,
    ) as { input: { read: number; used: number; rejected: number } };
    const nps = JSON.parse(
      (await run([path, "--metric", "nps", "--column", "score=Satisfaction", "--format", "json", "--engine", "js"]))
        .out,
    ) as Json;
    const { engine: _engine, ...npsInput } = nps.input;
    // NPS reads 9 as a score and "skipped" as a reject: 5 used, 4 unanswered, 1 rejected.
    expect(npsInput).toEqual({ read: 10, used: 5, unanswered: 4, rejected: 1 });
    // As report --metric csat,nps: used = rows no metric rejected (8), rejected = rows one of them rejected (9, skipped).
    expect(data.survey).toEqual({
      read: 10,
      used: 8,
      rejected: 2,
      metrics: { csat: { read: 10, used: 4, unanswered: 4, rejected: 2 }, nps: npsInput },
    });
    expect(both.input).toMatchObject({ read: 10, used: 8, rejected: 2 });
    const text = await checkText(claims);
    expect(text).toContain("data survey: rows read 10 = used 8 + rejected 2\n");
    expect(text).toContain("  as csat: rows read 10 = used 4 + unanswered 4 + rejected 2\n");
    expect(text).toContain("  as nps: rows read 10 = used 5 + unanswered 4 + rejected 1\n");
  });
});

describe("check: a data set's \"unanswered\" markers, as report's --unanswered (issue 19)", () => {
  const columns = { rating: "Satisfaction", respondedAt: "Solved at" };
  it("counts and figures read the extra markers as unanswered, the same numbers as report --unanswered", async () => {
    const claims = {
      data: { survey: { path, columns, unanswered: ["Skipped", "later"] } },
      // Answered on 1-5: 5, 4, 2, 5 (the 9 is rejected): 3 satisfied (4-5) of 4 = 75 %. Unanswered: Offered, blank,
      // N/A, " not rated " and now "skipped": 5; over every survey sent 3 / (4 + 5) = 33.33 %, printed 33 %.
      claims: [
        { id: "answered", metric: "csat", data: "survey", value: "75%" },
        { id: "over-sent", metric: "csat", data: "survey", value: "33%" },
      ],
    };
    const checked = await check(claims);
    expect(checked.err).toBe("");
    const result = JSON.parse(checked.out) as {
      claims: { id: string; verdict: string; reproducedBy: { conventions: Record<string, string> }[] }[];
      data: Record<string, object>;
    };
    const reported = JSON.parse(
      (await run([...args, "--format", "json", "--engine", "js", "--unanswered", "Skipped", "--unanswered", "later"]))
        .out,
    ) as Json;
    const { engine: _engine, ...input } = reported.input;
    expect(input).toEqual({ read: 10, used: 4, unanswered: 5, rejected: 1 });
    expect(result.data.survey).toEqual(input);
    expect(result.claims.map((claim) => claim.verdict)).toEqual(["match", "match"]);
    expect(result.claims[1]!.reproducedBy[0]!.conventions).toMatchObject({ "survey-unanswered": "counted" });
    // Without the markers "skipped" is a rating off the scale: 4 unanswered, and 3 / (4 + 4) = 37.5 % is not 33 %.
    const without = JSON.parse((await check({ ...claims, data: { survey: { path, columns } } })).out) as typeof result;
    expect(without.data.survey).toEqual({ read: 10, used: 4, unanswered: 4, rejected: 2 });
    expect(without.claims[1]!.verdict).not.toBe("match");
    expect(await checkText(claims)).toContain("data survey: rows read 10 = used 4 + unanswered 5 + rejected 1\n");
  });
  it("markers that are not a list of texts stop the check (exit 2) naming the data set", async () => {
    const result = await check({
      data: { survey: { path, columns, unanswered: "Skipped" } },
      claims: [{ id: "c", metric: "csat", data: "survey", value: "75%" }],
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('data set "survey": unanswered is "Skipped", expected a list of not-rated markers');
  });
});
