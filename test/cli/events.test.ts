// `cx-metrics report --events FILE` (issue #22): Zendesk's ticket audits and ticket metric events, found by their
// shape, and the library's ticket events as JSON or NDJSON; the figures are the library's (ticketMetrics on the same
// events), every format runs, bad events are listed like bad rows.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import {
  businessCalendar,
  eventsFromZendeskAudits,
  eventsFromZendeskMetricEvents,
  ticketMetrics,
  ticketSla,
} from "../../src/index.js";
import { sink } from "./capture.js";

const AUDITS = "test/fixtures/zendesk/ticket-audits.json";
const METRIC_EVENTS = "test/fixtures/zendesk/ticket-metric-events.json";
// Zendesk Support's ticket export header (as test/fixtures/cli/zendesk.csv), rows for the audits' two tickets.
const TICKETS = "test/fixtures/zendesk/tickets.csv";
const dir = mkdtempSync(join(tmpdir(), "cx-events-"));
const NO_ID = join(dir, "no-id.csv"); // a ticket export without an id column
writeFileSync(NO_ID, "Group\nTier 1\n");

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Row {
  metric: string;
  segment: Record<string, string>;
  n: number;
  value: number;
  detail: { median: number; min: number; max: number; clock: string };
}

async function json(args: readonly string[]): Promise<{ rows: Row[]; input: { read: number; rejected: number } }> {
  const { code, out, err } = await run([...args, "-f", "json"]);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const audits = JSON.parse(readFileSync(AUDITS, "utf8"));
const metricEvents = JSON.parse(readFileSync(METRIC_EVENTS, "utf8"));

describe("report --events", () => {
  it("reads Zendesk's ticket audits: reply time as ticketMetrics measures it", async () => {
    const library = ticketMetrics(eventsFromZendeskAudits(audits).events).tickets;
    const minutes = library.flatMap((t) => (t.replyTime === null ? [] : [t.replyTime.calendar]));
    const { rows, input } = await json(["--events", AUDITS, "-m", "reply-time"]);
    expect(rows[0]!.metric).toBe("reply-time");
    expect(rows[0]!.n).toBe(minutes.length);
    expect(rows[0]!.value).toBeCloseTo(median(minutes), 9);
    expect(rows[0]!.detail.min).toBeCloseTo(Math.min(...minutes), 9);
    expect(rows[0]!.detail.max).toBeCloseTo(Math.max(...minutes), 9);
    expect(input.read).toBe(eventsFromZendeskAudits(audits).events.length);
    expect(input.rejected).toBe(0);
  });

  it("reads Zendesk's ticket metric events: every duration metric equal to ticketMetrics", async () => {
    const library = ticketMetrics(eventsFromZendeskMetricEvents(metricEvents).events).tickets;
    const pick = {
      "first-resolution": (t: (typeof library)[number]) => t.firstResolutionTime?.calendar,
      "full-resolution": (t: (typeof library)[number]) => t.fullResolutionTime?.calendar,
      "requester-wait": (t: (typeof library)[number]) => t.requesterWaitTime?.calendar,
      "agent-wait": (t: (typeof library)[number]) => t.agentWaitTime?.calendar,
      "on-hold": (t: (typeof library)[number]) => t.onHoldTime?.calendar,
      "reply-time": (t: (typeof library)[number]) => t.replyTime?.calendar,
    } as const;
    for (const [metric, of] of Object.entries(pick)) {
      const minutes = library.map(of).filter((m): m is number => m !== undefined);
      if (minutes.length === 0) continue;
      const { rows } = await json(["--events", METRIC_EVENTS, "-m", metric]);
      expect(rows[0]!.n, metric).toBe(minutes.length);
      expect(rows[0]!.value, metric).toBeCloseTo(median(minutes), 9);
    }
  });

  it("measures business minutes with --hours, as ticketMetrics with that calendar", async () => {
    const calendar = businessCalendar({
      timeZone: "Europe/Berlin",
      week: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
      },
    });
    const library = ticketMetrics(eventsFromZendeskAudits(audits).events, { calendar }).tickets;
    const minutes = library.flatMap((t) => (t.fullResolutionTime === null ? [] : [t.fullResolutionTime.business!]));
    const { rows } = await json([
      "--events",
      AUDITS,
      "-m",
      "full-resolution",
      "--hours",
      "Mon-Fri 09:00-17:00",
      "--time-zone",
      "Europe/Berlin",
    ]);
    expect(rows[0]!.detail.clock).toBe("business");
    expect(rows[0]!.n).toBe(minutes.length);
    expect(rows[0]!.value).toBeCloseTo(median(minutes), 9);
  });

  it("reads the library's events as NDJSON, next reply times one per wait, by priority and month", async () => {
    const lines = [
      { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
      { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "priority", priority: "high" },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "comment", author: "agent", public: true },
      { ticketId: 1, at: "2025-03-10T10:00:00Z", type: "comment", author: "requester", public: true },
      { ticketId: 1, at: "2025-03-10T10:20:00Z", type: "comment", author: "agent", public: true },
      { ticketId: 1, at: "2025-03-10T11:00:00Z", type: "comment", author: "requester", public: true },
      { ticketId: 1, at: "2025-03-10T11:40:00Z", type: "comment", author: "agent", public: true },
      { ticketId: 2, at: "2025-04-01T09:00:00Z", type: "created" },
      { ticketId: 2, at: "2025-04-01T09:10:00Z", type: "comment", author: "agent", public: true },
      { ticketId: 2, at: "2025-04-01T09:20:00Z", type: "comment", author: "requester", public: true },
      { ticketId: 2, at: "2025-04-01T09:25:00Z", type: "status", status: "solved" },
    ];
    const path = join(dir, "events.ndjson");
    writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    const { rows } = await json(["--events", path, "-m", "next-reply-time", "--by", "priority", "--every", "month"]);
    const high = rows.find((row) => row.segment.priority === "high")!;
    expect(high.n).toBe(2); // 20 and 40 minutes
    expect(high.value).toBe(30);
    const april = rows.find((row) => row.segment.priority === undefined && row.n === 1);
    expect(april?.value).toBe(5); // the solve ended the wait
  });

  it("lists bad events with their line (NDJSON) or place (JSON), and stops under --strict", async () => {
    const path = join(dir, "bad.ndjson");
    writeFileSync(
      path,
      [
        '{"ticketId":1,"at":"2025-03-10T09:00:00Z","type":"created"}',
        '{"ticketId":1,"at":"yesterday","type":"comment","author":"agent","public":true}',
        "not json",
        '{"ticketId":1,"at":"2025-03-10T09:45:00Z","type":"comment","author":"agent","public":true}',
      ].join("\n"),
    );
    const { code, out } = await run(["--events", path, "-m", "reply-time", "-f", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.rows[0].value).toBe(45);
    expect(report.input).toMatchObject({ read: 4, used: 2, rejected: 2 });
    expect(report.rejects.map((r: { line: number }) => r.line).sort()).toEqual([2, 3]);
    const strict = await run(["--events", path, "-m", "reply-time", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/bad event under --strict: line 2/);

    const array = join(dir, "bad.json");
    writeFileSync(
      array,
      JSON.stringify([
        { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
        { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "comment", author: "nobody", public: true },
      ]),
    );
    const table = await run(["--events", array, "-m", "reply-time"]);
    expect(table.code).toBe(1); // no ticket has a reply
    expect(table.err).toMatch(/no ticket has a reply-time/);
    // One ticket and one event rejected are said in the singular (it printed "1 tickets", "1 events rejected").
    expect(table.err).toContain("2 events read, 1 ticket, 1 event rejected");
    const { out: jsonOut } = await run([
      "--events",
      array,
      "-m",
      "requester-wait",
      "--as-of",
      "2025-03-10T10:00:00Z",
      "-f",
      "json",
    ]);
    expect(JSON.parse(jsonOut).rejects[0]).toMatchObject({ line: 0, column: "[1].author" });
  });

  it("gives SLA % over ticketSla's measurements: met, breached and pending by priority, as ticketSla counts them", async () => {
    const events = eventsFromZendeskAudits(audits).events;
    const calendar = businessCalendar({
      timeZone: "Europe/Berlin",
      week: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
      },
    });
    const policy = {
      targets: [
        { metric: "first-response", minutes: 30, clock: "calendar" },
        { metric: "resolution", minutes: 600, clock: "business" },
      ],
    } as const;
    for (const asOf of ["2025-03-10T12:00:00Z", "2025-03-20T00:00:00Z"]) {
      const library = ticketSla(events, policy, { calendar, asOf });
      const tickets = new Map(
        ticketMetrics(events, { asOf }).tickets.map((t) => [t.ticketId, t.priority ?? ""] as const),
      );
      const { rows } = await json([
        "--events",
        AUDITS,
        "-m",
        "sla",
        "--target",
        "first-response=30",
        "--target",
        "resolution=600:business",
        "--hours",
        "Mon-Fri 09:00-17:00",
        "--time-zone",
        "Europe/Berlin",
        "--as-of",
        asOf,
        "--by",
        "priority",
      ]);
      const all = rows.find((row) => Object.keys(row.segment).length === 0)!;
      const detail = all.detail as unknown as { met: number; breached: number; pending: number };
      expect(detail, asOf).toEqual({
        met: library.met,
        breached: library.breached,
        pending: library.pending,
        interval: "wilson",
      });
      expect(all.value).toBeCloseTo(library.percent!, 9);
      for (const row of rows.filter((r) => r.segment.priority !== undefined)) {
        const mine = library.measurements.filter((m) => tickets.get(m.ticketId) === row.segment.priority);
        const count = (outcome: string): number => mine.filter((m) => m.outcome === outcome).length;
        expect(row.detail, `${asOf} ${row.segment.priority}`).toMatchObject({
          met: count("met"),
          breached: count("breached"),
          pending: count("pending"),
        });
      }
    }
    const unanswered = join(dir, "open.ndjson");
    writeFileSync(unanswered, '{"ticketId":1,"at":"2025-03-10T09:00:00Z","type":"created"}\n');
    const open = await run(["--events", unanswered, "-m", "sla", "--target", "first-response=30"]);
    expect(open.code).toBe(2); // an open clock needs --as-of
    expect(open.err).toMatch(/--as-of/);
  });

  it("finds the shape of pages and arrays: an array of audit pages, metric events as a bare array, events as a JSON array", async () => {
    const once = await json(["--events", AUDITS, "-m", "full-resolution"]);
    const pages = join(dir, "pages.json");
    writeFileSync(pages, JSON.stringify([{ audits: audits.audits.slice(0, 3) }, { audits: audits.audits.slice(3) }]));
    expect((await json(["--events", pages, "-m", "full-resolution"])).rows).toEqual(once.rows);
    const bare = join(dir, "bare.json");
    writeFileSync(bare, JSON.stringify(metricEvents.ticket_metric_events));
    const fromBare = await json(["--events", bare, "-m", "reply-time"]);
    expect(fromBare.rows).toEqual((await json(["--events", METRIC_EVENTS, "-m", "reply-time"])).rows);
    const array = join(dir, "events.json");
    writeFileSync(array, JSON.stringify(eventsFromZendeskAudits(audits).events));
    expect((await json(["--events", array, "-m", "full-resolution"])).rows).toEqual(once.rows);
  });

  it("runs in every format", async () => {
    for (const format of ["table", "markdown", "csv", "json", "html"]) {
      const { code, out } = await run(["--events", AUDITS, "-m", "reply-time", "--every", "month", "-f", format]);
      expect(code, format).toBe(0);
      expect(out.length, format).toBeGreaterThan(0);
      if (format === "markdown") expect(out).toMatch(/^## reply-time from /);
      if (format === "html") expect(out).toMatch(/reply-time per month from/);
    }
  });

  it("refuses what does not go with --events (exit 2)", async () => {
    for (const args of [
      ["--events", AUDITS, "-m", "nps"],
      ["--events", AUDITS, "-m", "reply-time", "--by", "Group"],
      ["--events", METRIC_EVENTS, "-m", "reply-time", "--by", "channel"],
      ["--events", AUDITS, "-m", "reply-time", "--preset", "zendesk"],
      ["--events", AUDITS, "-m", "reply-time", "--tickets", TICKETS, "--by", "Team"],
      ["--events", AUDITS, "-m", "reply-time", "--tickets", join(dir, "missing.csv")],
      ["--events", AUDITS, "-m", "reply-time", "--tickets", NO_ID],
      ["--events", AUDITS, "-m", "reply-time", "--tickets", TICKETS, "--by", "createdAt"],
      ["--events", METRIC_EVENTS, "-m", "reply-time", "--agent", "5246746"],
      ["--events", AUDITS, "-m", "reply-time", "--agent", ""],
      ["--events", AUDITS, "-m", "reply-time", "--agents", join(dir, "missing.txt")],
      ["--events", "-", "-m", "reply-time", "--tickets", "-"],
      [AUDITS, "-m", "first-response", "--tickets", TICKETS],
      ["--events", AUDITS, "-m", "reply-time", "--column", "x=y"],
      ["--events", AUDITS, "-m", "reply-time", "--target", "first-response=30"],
      ["--events", AUDITS, "-m", "sla"],
      ["--events", AUDITS, "-m", "sla", "--target", "speed=30"],
      ["--events", AUDITS, "-m", "reply-time", "file.csv"],
      ["--events", join(dir, "missing.json"), "-m", "reply-time"],
    ]) {
      const { code, err } = await run(args);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toMatch(/^cx-metrics: /);
    }
  });
});
