// `--calendar FILE` reads the library's calendar options, a Zendesk schedule (Rails zone names, holidays beside it) or
// Intercom office hours, as JSON or YAML, in `report` (both engines), `report --events` and a claim's options.calendar
// (a path relative to the claims file); a schedule that cannot be read stops the command naming the file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-calendar-"));
const ZENDESK = "test/fixtures/schedules/zendesk-schedule-new-york.json";
const INTERCOM = "test/fixtures/schedules/intercom-office-hours.json";

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

// Two tickets in New York, by hand on Monday-Friday 09:00-17:00 with 4 July closed:
//   Thursday 3 July 16:00 EDT → Monday 7 July 10:00: 60 + (Independence Day) + 60 = 120 (600 without the holiday)
//   Monday 7 July 09:00 → 09:30: 30
// Median 75 business minutes (315 without the holiday).
const tickets = file(
  "tickets.csv",
  "id,createdAt,firstResponseAt\n1,2025-07-03T20:00:00Z,2025-07-07T14:00:00Z\n2,2025-07-07T13:00:00Z,2025-07-07T13:30:00Z\n",
);
const nineToFive = '[["09:00", "17:00"]]';
const libraryYaml = file(
  "calendar.yaml",
  `timeZone: America/New_York\nweek: { mon: ${nineToFive}, tue: ${nineToFive}, wed: ${nineToFive}, thu: ${nineToFive}, fri: ${nineToFive} }\nholidays: ["2025-07-04"]\n`,
);

async function median(calendar: string, engine = "js"): Promise<number> {
  const { code, out, err } = await run([
    "report",
    tickets,
    "-m",
    "first-response",
    "--calendar",
    calendar,
    "--engine",
    engine,
    "-f",
    "json",
  ]);
  expect(err).toBe("");
  expect(code).toBe(0);
  const row = JSON.parse(out).rows[0];
  expect(row.detail.clock).toBe("business");
  return row.value;
}

describe("--calendar FILE", () => {
  it("a Zendesk schedule with its holidays gives the business minutes of the library calendar, in both engines", async () => {
    expect(await median(ZENDESK)).toBe(75);
    expect(await median(libraryYaml)).toBe(75);
    expect(await median(ZENDESK, "duckdb")).toBe(75);
  });

  it("reads a Zendesk schedule written as YAML, and Intercom office hours", async () => {
    const yaml = file(
      "zendesk.yml",
      'schedule:\n  time_zone: "Eastern Time (US & Canada)"\n  intervals:\n' +
        [1980, 3420, 4860, 6300, 7740]
          .map((start) => `    - { start_time: ${start}, end_time: ${start + 480} }\n`)
          .join(""),
    );
    // No holiday: 600 and 30.
    expect(await median(yaml)).toBe(315);
    // Berlin, Monday-Friday 09:00-17:00: Thursday 3 July 22:00 CEST → Monday 7 July 16:00: 480 (Friday) + 420 = 900;
    // Monday 15:00 → 15:30: 30.
    expect(await median(INTERCOM)).toBe(465);
  });

  it("report --events takes a Zendesk schedule as it takes the library's calendar", async () => {
    const events = "test/fixtures/zendesk/ticket-audits.json";
    const utc = file(
      "utc.json",
      JSON.stringify({ schedule: { time_zone: "UTC", intervals: [{ start_time: 1980, end_time: 2460 }] } }),
    );
    const same = file("utc-library.json", JSON.stringify({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } }));
    const rows = async (calendar: string) => {
      const { code, out } = await run([
        "report",
        "--events",
        events,
        "-m",
        "reply-time",
        "--calendar",
        calendar,
        "-f",
        "json",
      ]);
      expect(code).toBe(0);
      return JSON.parse(out).rows;
    };
    const zendesk = await rows(utc);
    expect(zendesk[0].detail.clock).toBe("business");
    expect(zendesk).toEqual(await rows(same));
  });

  it("a calendar that cannot be read stops the command (exit 2), naming the file and what is wrong", async () => {
    const cases: [string, RegExp][] = [
      [join(dir, "missing.json"), /--calendar .*missing\.json: no such file/],
      [file("broken.json", "{ schedule: "), /--calendar .*broken\.json: not valid JSON/],
      [file("broken.yaml", "a: [1, "), /--calendar .*broken\.yaml: not valid YAML/],
      [
        file("zone.json", JSON.stringify({ schedule: { time_zone: "Nowhere", intervals: [] } })),
        /--calendar .*zone\.json: time_zone is "Nowhere", expected a Rails zone name/,
      ],
      [
        file(
          "interval.json",
          JSON.stringify({ schedule: { time_zone: "UTC", intervals: [{ start_time: 2460, end_time: 1980 }] } }),
        ),
        /--calendar .*interval\.json: intervals\[0\]: 2460-1980 is not an interval of the week/,
      ],
      [file("other.json", JSON.stringify({ hours: "9-5" })), /--calendar .*other\.json: .* is not a schedule/],
    ];
    for (const [calendar, message] of cases) {
      const { code, out, err } = await run(["report", tickets, "-m", "first-response", "--calendar", calendar]);
      expect([code, out]).toEqual([2, ""]);
      expect(err).toMatch(message);
      expect(err.trim().split("\n")).toHaveLength(1);
    }
  });

  it("check reads a claim's options.calendar from a file beside the claims (relative path), or inline", async () => {
    const sub = join(dir, "claims");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "schedule.json"), readFileSync(ZENDESK, "utf8"));
    const inline = JSON.parse(readFileSync(ZENDESK, "utf8"));
    const claims = join(sub, "claims.json");
    writeFileSync(
      claims,
      JSON.stringify({
        data: { tickets },
        claims: [
          {
            id: "file",
            metric: "first-response",
            data: "tickets",
            value: "75 min",
            options: { calendar: "schedule.json" },
          },
          { id: "inline", metric: "first-response", data: "tickets", value: "75 min", options: { calendar: inline } },
        ],
      }),
    );
    const { code, out, err } = await run(["check", claims, "-f", "json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out).claims;
    expect(result.map((c: { verdict: string; recomputed: number }) => [c.verdict, c.recomputed])).toEqual([
      ["match", 75],
      ["match", 75],
    ]);
    writeFileSync(
      claims,
      JSON.stringify({
        data: { tickets },
        claims: [
          { id: "gone", metric: "first-response", data: "tickets", value: "75", options: { calendar: "nope.json" } },
        ],
      }),
    );
    const missing = await run(["check", claims]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/claim gone: options\.calendar .*nope\.json: no such file/);
  });
});
