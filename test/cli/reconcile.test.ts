// `cx-metrics check` with row-by-row claims (`against`): examples/reconcile/ holds a Zendesk export whose business
// minutes Zendesk computed with New Year's Day a holiday, the user's calendar without it, and Zendesk's own schedule
// (figures by hand in src/check/reconcile.test.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const CLAIMS = "examples/reconcile/claims.json";
const dir = mkdtempSync(join(tmpdir(), "cx-reconcile-"));

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["check", ...args], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe("check: row-by-row reconciliation", () => {
  it("json: agreement per claim, the holiday's date first among the differences", async () => {
    const { code, out, err } = await run([CLAIMS, "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(1); // the calendar without the holiday is a mismatch
    const claims = JSON.parse(out).claims;
    expect(claims.map((c: { id: string; verdict: string }) => [c.id, c.verdict])).toEqual([
      ["business-hours", "mismatch"],
      ["zendesk-schedule", "match"],
      ["calendar-time", "match"],
    ]);
    expect(claims[0].agreement).toMatchObject({
      compared: 10,
      exact: 6,
      within1: 7,
      share: 7 / 10,
      notCompared: { total: 2, open: 1, noVendor: 1 },
      bySize: [{ size: "1-8 h", records: 3, higher: 3, lower: 0 }],
      byDate: [{ date: "2025-01-01", records: 3, differing: 3 }, { date: "2024-12-31" }, { date: "2025-01-02" }],
    });
    expect(claims[1].agreement).toMatchObject({ compared: 10, exact: 9, within1: 10, share: 1 });
    expect(claims[2].agreement).toMatchObject({ compared: 11, exact: 10, within1: 11, share: 1, clock: "calendar" });
  });

  it("table and markdown: the explanation groups the differences by size and by date", async () => {
    for (const format of ["table", "markdown"]) {
      const { out } = await run([CLAIMS, "--format", format]);
      expect(out).toContain("differences by size: 1-8 h 3 (all recomputed higher)");
      expect(out).toContain("2025-01-01 3 of 3, 2024-12-31 2 of 3, 2025-01-02 2 of 4");
    }
  });

  it("records not compared: their line, column and why in the file's words; counts that add up", async () => {
    // Five tickets (lines 2-6): one readable, a creation time "yesterday", vendor minutes "twenty" and -3, and a
    // solve before the creation.
    const csv = join(dir, "bad.csv");
    writeFileSync(
      csv,
      [
        "ID,Created at,Solved at,Full resolution time in minutes",
        "1,2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,60",
        "2,yesterday,2025-01-06T10:00:00Z,60",
        "3,2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,twenty",
        "4,2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,-3",
        "5,2025-01-06T09:00:00Z,2025-01-06T08:00:00Z,5",
        "",
      ].join("\n"),
    );
    const claims = join(dir, "bad-claims.json");
    writeFileSync(
      claims,
      JSON.stringify({
        data: { t: { path: csv, preset: "zendesk" } },
        claims: [{ id: "r", metric: "resolution", data: "t", against: "Full resolution time in minutes" }],
      }),
    );
    const table = await run([claims]);
    expect(table.out).toContain("4 records not compared (2 with times that cannot be read, 2 whose");
    expect(table.out).toContain('  not compared: line 3: "yesterday" in column "Created at" is not a date');
    expect(table.out).toContain(
      '  not compared: line 4: "twenty" in column "Full resolution time in minutes" is not a number of minutes',
    );
    expect(table.out).toContain('  not compared: line 5: "-3" in column "Full resolution time in minutes" is negative');
    expect(table.out).toContain('  not compared: line 6: "2025-01-06T08:00:00.000Z" in column "Solved at" is before');
    const json = JSON.parse((await run([claims, "--format", "json"])).out);
    const agreement = json.claims[0].agreement;
    expect(agreement.notCompared).toEqual({ total: 4, open: 0, unreadable: 2, noVendor: 0, badVendor: 2 });
    expect(
      agreement.problems.map((p: { line: number; column: string; value: unknown }) => [p.line, p.column, p.value]),
    ).toEqual([
      [3, "Created at", "yesterday"],
      [4, "Full resolution time in minutes", "twenty"],
      [5, "Full resolution time in minutes", -3],
      [6, "Solved at", "2025-01-06T08:00:00.000Z"],
    ]);
    // read 5 = outside 0 + undated 0 + records 5; records 5 = compared 1 + not compared 4.
    expect([agreement.read, agreement.outside, agreement.undated, agreement.records]).toEqual([5, 0, 0, 5]);
    expect(agreement.records).toBe(agreement.compared + agreement.notCompared.total);
  });

  it("reasons name the claims file's keys, not report's flags: a local time asks for \"timeZone\"", async () => {
    // Line 2 is read (UTC instants); line 3 writes a local time without an offset, and the claims give no timeZone.
    const csv = join(dir, "local.csv");
    writeFileSync(
      csv,
      [
        "ID,Created at,Solved at,Full resolution time in minutes",
        "1,2025-01-06T09:00:00Z,2025-01-06T10:00:00Z,60",
        "2,2025-01-06 09:00:00,2025-01-06T10:00:00Z,60",
        "",
      ].join("\n"),
    );
    const claims = join(dir, "local-claims.json");
    writeFileSync(
      claims,
      JSON.stringify({
        data: { t: { path: csv, preset: "zendesk" } },
        claims: [{ id: "r", metric: "resolution", data: "t", against: "Full resolution time in minutes" }],
      }),
    );
    const { out } = await run([claims]);
    const line = out.split("\n").find((text) => text.includes("not compared: line 3"));
    expect(line).toContain('"2025-01-06 09:00:00" in column "Created at"');
    expect(line).toContain('"timeZone" in the claims file');
    expect(line).not.toContain("--time-zone");
  });

  it("usage errors: a column the file lacks, against on a metric that has no minutes", async () => {
    const tickets = resolve("examples/reconcile/tickets.csv");
    const write = (claim: Record<string, unknown>): string => {
      const path = join(dir, `claims-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(
        path,
        JSON.stringify({
          data: { t: { path: tickets, preset: "zendesk" } },
          claims: [{ id: "x", data: "t", ...claim }],
        }),
      );
      return path;
    };
    const missing = await run([write({ metric: "resolution", against: "Resolution minutes (Freshdesk)" })]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Resolution minutes \(Freshdesk\)/);
    const nps = await run([write({ metric: "nps", against: "Full resolution time in minutes" })]);
    expect(nps.code).toBe(2);
    expect(nps.err).toMatch(/claim x: metric is "nps", expected first-response or resolution/);
  });
});
