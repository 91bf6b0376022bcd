// The report command against an independent reading of the same random files: csv-parse for the CSV,
// Intl.DateTimeFormat for the month in the zone, and the NPS counted by hand; bad rows of every kind mixed in.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-e2e-"));

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** The month of an instant in a zone, by the platform's Intl (not the library's zone code). */
function monthIn(zone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(
    ms,
  );
  return `${parts.find((part) => part.type === "year")!.value}-${parts.find((part) => part.type === "month")!.value}`;
}

const rowArb = fc.record({
  channel: fc.constantFrom("chat", "email", "web, app", 'the "phone"', ""),
  score: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
    fc.constantFrom("", "11", "ten", "-1", "7.5", "N/A", " offered", "-", "none"),
  ),
  at: fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .integer({ min: Date.UTC(2024, 10, 1), max: Date.UTC(2025, 3, 1) })
        .map((ms) => new Date(ms).toISOString()),
    },
    fc.constantFrom("2025-02-30T10:00:00Z", "soon", ""),
  ),
  comment: fc.constantFrom("", "ok", "multi\nline", 'said "fine"'),
});

describe("cx-metrics report, end to end", () => {
  it("gives the NPS, n and rejects that an independent reading of the file gives, in any zone, with either engine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Pacific/Apia"),
        fc.constantFrom("js", "duckdb"),
        async (rows, zone, engine) => {
          const text =
            "respondedAt,channel,score,comment\n" +
            rows.map((row) => [row.at, row.channel, row.score, row.comment].map(quote).join(",")).join("\n") +
            "\n";
          const path = join(dir, "survey.csv");
          writeFileSync(path, text);
          const stdout = sink();
          const stderr = sink();
          const code = await main(
            [
              "report",
              path,
              "--metric",
              "nps",
              "--by",
              "channel",
              "--every",
              "month",
              "--time-zone",
              zone,
              "--format",
              "json",
              "--quiet",
              "--engine",
              engine,
            ],
            { stdout, stderr, env: {} },
          );

          // The independent reading: csv-parse, a score of 0-10 written as digits, a date Date.parse
          // reads as an existing day (round trip), the month from Intl.
          const records = parse(text, { columns: true }) as { respondedAt: string; channel: string; score: string }[];
          const groups = new Map<string, [number, number, number]>();
          let bad = 0;
          let unanswered = 0;
          // Not answered (DESIGN.md, Real exports): a blank cell or a not-rated marker, whatever the date.
          const notRated = [
            "n/a",
            "na",
            "-",
            "offered",
            "unoffered",
            "not offered",
            "not rated",
            "no rating",
            "null",
            "none",
          ];
          for (const record of records) {
            if (record.score.trim() === "" || notRated.includes(record.score.trim().toLowerCase())) {
              unanswered++;
              continue;
            }
            const ms = Date.parse(record.respondedAt);
            const dateOk =
              record.respondedAt !== "" && !Number.isNaN(ms) && new Date(ms).toISOString() === record.respondedAt;
            const scoreOk = /^\d+$/.test(record.score) && Number(record.score) <= 10;
            if (!dateOk || !scoreOk) {
              bad++;
              continue;
            }
            const score = Number(record.score);
            for (const key of [
              `all|${monthIn(zone, ms)}`,
              `${record.channel === "" ? "(blank)" : record.channel}|${monthIn(zone, ms)}`,
            ]) {
              const counts = groups.get(key) ?? [0, 0, 0];
              counts[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
              groups.set(key, counts);
            }
          }
          if (bad + unanswered === records.length) {
            expect(code).toBe(1);
            return;
          }
          expect(code).toBe(0);
          const report = JSON.parse(stdout.text()) as {
            rows: { segment: Record<string, string>; period: { label: string } | null; n: number; value: number }[];
            input: { read: number; used: number; unanswered: number; rejected: number };
            rejects: unknown[];
          };
          expect(report.input).toEqual({
            read: records.length,
            used: records.length - bad - unanswered,
            unanswered,
            rejected: bad,
            engine,
          });
          expect(report.rejects).toHaveLength(bad);
          const got = new Map(
            report.rows
              .filter((row) => row.period !== null)
              .map((row) => [`${row.segment.channel ?? "all"}|${row.period!.label}`, row]),
          );
          expect([...got.keys()].sort()).toEqual([...groups.keys()].sort());
          for (const [key, [p, passives, d]] of groups) {
            const row = got.get(key)!;
            expect(row.n).toBe(p + passives + d);
            expect(row.value).toBeCloseTo((100 * (p - d)) / (p + passives + d), 10);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
