// `report --events` (issue #22, its last gaps): segments by any ticket field (the channel of Zendesk's audits, the
// columns of a --tickets export joined by ticket id, with the tickets on one side only counted and listed), standard
// input, the list of agents for audits, and the pending SLA measurements in every format. Expected figures are worked
// out by hand from the audits fixture (test/fixtures/zendesk/ticket-audits.json):
//   ticket 35436 (requester 20978392), created 2025-03-10T08:55:12Z through the web (via.channel "web"):
//     first public agent comment 09:40:12 → reply time 45 min; first solve 15:20:12 → 385 min; reopened, solved again
//     2025-03-11T10:30:12Z → full resolution 25 h 35 min = 1535 min. Priority normal until 13:50:12, then high.
//   ticket 35437 (requester 777001), created 2025-03-10T10:00:00Z on a call (via.channel "voice") with the agent's
//     public comment (the description, not a reply); the requester writes at 10:20, the agent replies and solves at
//     10:50 → reply time 50 min, first = full resolution 50 min. Priority urgent. Its audits give 7 events: created,
//     status, priority and the description (audit 1), the requester's comment (audit 2), the reply and the solve.
//   35436's audits give 17: created, its comment, status and priority (4); then 2 + 2 + 3 (an internal note, the
//     priority, hold) + 2 + 2 + 2 comment-and-status pairs; the automation's audit gives none (a notification and the
//     satisfaction field). 24 events in all.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";
import { runCommand } from "./hostile.js";

const AUDITS = "test/fixtures/zendesk/ticket-audits.json";
const TICKETS = "test/fixtures/zendesk/tickets.csv";
const dir = mkdtempSync(join(tmpdir(), "cx-events-join-"));

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Row {
  segment: Record<string, string>;
  period: { label: string } | null;
  n: number;
  value: number;
  detail: Record<string, unknown>;
}
interface Report {
  rows: Row[];
  input: { read: number; used: number; rejected: number };
  rejects: { line: number; column: string | null; value: unknown; reason: string }[];
}

const bySegment = (rows: readonly Row[], key: string): Record<string, [number, number]> =>
  Object.fromEntries(rows.map((row) => [row.segment[key] ?? "all", [row.n, row.value]]));

describe("report --events: segments by every ticket field", () => {
  it("--by channel reads the channel of Zendesk's audits (via.channel of the creating audit)", async () => {
    const { code, out, err } = await run(["--events", AUDITS, "-m", "reply-time", "--by", "channel", "-f", "json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const rows = bySegment((JSON.parse(out) as Report).rows, "channel");
    // 35436 created through the web, 35437 on a call (its later audits' "email" and "web" are not the ticket's).
    expect(rows).toEqual({ all: [2, 47.5], voice: [1, 50], web: [1, 45] });
  });

  it("--tickets joins a Zendesk ticket export by id: --by Group, Channel (the preset's Via) and Ticket type", async () => {
    const { code, out, err } = await run([
      "--events",
      AUDITS,
      "--tickets",
      TICKETS,
      "--preset",
      "zendesk",
      "-m",
      "full-resolution",
      "--by",
      "Group",
      "-f",
      "json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;
    // 35436 in Tier 2 (1535 min), 35437 in Tier 1 (50 min); all: the median of the two, (1535 + 50) / 2.
    expect(bySegment(report.rows, "Group")).toEqual({ all: [2, 792.5], "Tier 1": [1, 50], "Tier 2": [1, 1535] });
    expect(report.input).toMatchObject({ read: 24, used: 24, rejected: 0 });
    expect(err).toBe("");
    // A ticket of the export without events (35438): the same report, the ticket counted and named on standard error.
    const more = join(dir, "more-tickets.csv");
    writeFileSync(
      more,
      `${readFileSync(TICKETS, "utf8")}35438,Password reset,2025-03-12T09:00:00Z,,,Tier 1,Mail,low,question\n`,
    );
    const extra = await run([
      "--events",
      AUDITS,
      "--tickets",
      more,
      "--preset",
      "zendesk",
      "-m",
      "full-resolution",
      "--by",
      "Group",
      "-f",
      "json",
    ]);
    expect(extra.code).toBe(0);
    expect((JSON.parse(extra.out) as Report).rows).toEqual(report.rows);
    expect(extra.err).toBe(`cx-metrics: --tickets ${more}: 3 rows read; 1 ticket has no event (first: 35438)\n`);
    // With the preset, channel is the export's "Via" column (the file's words, not the audits'); type is "Ticket type".
    const channel = JSON.parse(
      (
        await run([
          "--events",
          AUDITS,
          "--tickets",
          TICKETS,
          "--preset",
          "zendesk",
          "-m",
          "reply-time",
          "--by",
          "channel,type",
          "-f",
          "json",
        ])
      ).out,
    ) as Report;
    expect(
      channel.rows.filter((row) => row.segment.channel !== undefined).map((row) => [row.segment, row.value]),
    ).toEqual([
      [{ channel: "Phone call (incoming)", type: "question" }, 50],
      [{ channel: "Web form", type: "problem" }, 45],
    ]);
    // Without the preset, --column names the columns; priority and status stay the events' own.
    const columns = JSON.parse(
      (
        await run([
          "--events",
          AUDITS,
          "--tickets",
          TICKETS,
          "--column",
          "id=Id",
          "--column",
          "team=Group",
          "-m",
          "first-resolution",
          "--by",
          "team,priority",
          "-f",
          "json",
        ])
      ).out,
    ) as Report;
    expect(columns.rows.filter((row) => row.segment.team !== undefined).map((row) => [row.segment, row.value])).toEqual(
      [
        [{ team: "Tier 1", priority: "urgent" }, 50],
        [{ team: "Tier 2", priority: "high" }, 385],
      ],
    );
  });

  it("lists the events of a ticket the export does not have (no silent loss), and stops at them under --strict", async () => {
    const path = join(dir, "one-ticket.csv");
    writeFileSync(path, "Id,Group\n35436,Tier 2\n,Tier 9\n35436,Tier 3\n35437,Tier 1,extra\n");
    const { code, out, err } = await run([
      "--events",
      AUDITS,
      "--tickets",
      path,
      "-m",
      "full-resolution",
      "--by",
      "Group",
      "-f",
      "json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Report;
    expect(bySegment(report.rows, "Group")).toEqual({ all: [1, 1535], "Tier 2": [1, 1535] });
    // 24 events: 17 of 35436, the 7 of 35437 left out, each naming its ticket and its place in the audits.
    expect(report.input).toMatchObject({ read: 24, used: 17, rejected: 7 });
    expect(new Set(report.rejects.map((r) => r.reason))).toEqual(new Set([`ticket 35437 is not in --tickets ${path}`]));
    expect(report.rejects[0]).toMatchObject({ line: 0, column: "audits[8].ticket_id", value: "35437" });
    // The export's own bad rows: a blank id, an id given twice (the first row counts), a row of 3 fields (so 35437
    // is not in the file), on standard error.
    expect(err).toBe(
      `cx-metrics: --tickets ${path}: 4 rows read; 3 rows left out (first: line 3, column "Id": no ticket id)\n`,
    );
    const strict = await run(["--events", AUDITS, "--tickets", path, "-m", "full-resolution", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(
      /bad event under --strict: audits\[8\]\.ticket_id, value "35437": ticket 35437 is not in/,
    );
  });
});

describe("report --events: the agents of audits", () => {
  // Requester 100 opens the ticket; 200 (a CC, an end user) writes at 09:10; agent 300 replies at 09:40.
  const audits = {
    audits: [
      {
        id: 1,
        ticket_id: 9,
        created_at: "2025-03-10T09:00:00Z",
        author_id: 100,
        via: { channel: "email" },
        events: [
          { id: 11, type: "Comment", author_id: 100, public: true },
          { id: 12, type: "Create", field_name: "status", value: "new" },
          { id: 13, type: "Create", field_name: "requester_id", value: "100" },
        ],
      },
      {
        id: 2,
        ticket_id: 9,
        created_at: "2025-03-10T09:10:00Z",
        author_id: 200,
        events: [{ id: 21, type: "Comment", author_id: 200, public: true }],
      },
      {
        id: 3,
        ticket_id: 9,
        created_at: "2025-03-10T09:40:00Z",
        author_id: 300,
        events: [{ id: 31, type: "Comment", author_id: 300, public: true }],
      },
    ],
  };
  const path = join(dir, "cc.json");
  writeFileSync(path, JSON.stringify(audits));
  const replyTime = async (extra: readonly string[]): Promise<number> => {
    const { code, out, err } = await run(["--events", path, "-m", "reply-time", ...extra, "-f", "json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    return (JSON.parse(out) as Report).rows[0]!.value;
  };

  it("without a list, anyone but the requester is an agent: the CC's comment is the reply (10 min)", async () => {
    expect(await replyTime([])).toBe(10);
  });

  it("--agent ID (repeatable, comma-separated) and --agents FILE name the agents: the reply is agent 300's (40 min)", async () => {
    expect(await replyTime(["--agent", "300"])).toBe(40);
    expect(await replyTime(["--agent", "301,300", "--agent", "302"])).toBe(40);
    const list = join(dir, "agents.txt");
    writeFileSync(list, "# agents of the Berlin team\n300\n\n301\n");
    expect(await replyTime(["--agents", list])).toBe(40);
    // The CC named as an agent: the CC's comment is the reply again.
    expect(await replyTime(["--agent", "200"])).toBe(10);
    const empty = join(dir, "no-agents.txt");
    writeFileSync(empty, "# nobody\n");
    const refused = await run(["--events", path, "-m", "reply-time", "--agents", empty]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/no agent id in it/);
  });
});

describe("report --events - (standard input)", () => {
  it("reads audits and NDJSON from standard input, as from the file", async () => {
    const fromFile = JSON.parse((await run(["--events", AUDITS, "-m", "reply-time", "-f", "json"])).out) as Report;
    const piped = await runCommand(["report", "--events", "-", "-m", "reply-time", "-f", "json"], {
      stdin: readFileSync(AUDITS),
    });
    expect(piped.err).toBe("");
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.out) as Report).rows).toEqual(fromFile.rows);
    const ndjson = [
      { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
      { ticketId: 1, at: "2025-03-10T09:25:00Z", type: "comment", author: "agent", public: true },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const markdown = await runCommand(["report", "--events", "-", "-m", "reply-time", "-f", "markdown"], {
      stdin: ndjson,
    });
    expect(markdown.code).toBe(0);
    expect(markdown.out).toMatch(/^## reply-time from standard input\n/);
    expect(markdown.out).toMatch(/\| all \| 1 \| 25\.0 \| 25\.0 \| n < 30 \|/);
    // --tickets - reads the export from standard input instead.
    const tickets = await runCommand(
      [
        "report",
        "--events",
        AUDITS,
        "--tickets",
        "-",
        "--preset",
        "zendesk",
        "-m",
        "reply-time",
        "--by",
        "Group",
        "-f",
        "json",
      ],
      { stdin: readFileSync(TICKETS) },
    );
    expect(tickets.err).toBe("");
    expect(bySegment((JSON.parse(tickets.out) as Report).rows, "Group")).toEqual({
      all: [2, 47.5],
      "Tier 1": [1, 50],
      "Tier 2": [1, 45],
    });
    const empty = await runCommand(["report", "--events", "-", "-m", "reply-time"], { stdin: "" });
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/no ticket has a reply-time: 0 events read/);
  }, 30_000);
});

describe("report --events --metric sla: pending in every format", () => {
  // Targets first reply 30 min and resolution 600 min (calendar), judged at 2025-03-10T11:00:00Z:
  //   35436: reply after 45 min → breached; not solved, 124.8 min elapsed → pending (priority normal then).
  //   35437: reply after 50 min → breached; solved after 50 min → met (priority urgent).
  // So all: met 1, breached 2, pending 1 (SLA 1/3 = 33.3 %); normal: breached 1, pending 1; urgent: met 1, breached 1.
  const args = [
    "--events",
    AUDITS,
    "-m",
    "sla",
    "--target",
    "first-response=30",
    "--target",
    "resolution=600",
    "--as-of",
    "2025-03-10T11:00:00Z",
    "--by",
    "priority",
  ];

  it("JSON: met, breached and pending per row", async () => {
    const report = JSON.parse((await run([...args, "-f", "json"])).out) as Report;
    const detail = Object.fromEntries(
      report.rows.map((row) => [
        row.segment.priority ?? "all",
        [row.detail.met, row.detail.breached, row.detail.pending],
      ]),
    );
    expect(detail).toEqual({ all: [1, 2, 1], normal: [0, 1, 1], urgent: [1, 1, 0] });
  });

  it("table, Markdown, HTML and CSV show a pending column", async () => {
    const table = (await run([...args, "-f", "table"])).out;
    expect(table).toMatch(/^priority +n +SLA met % +95% interval +change +p +p adj\. +pending +note$/m);
    expect(table).toMatch(/^all +3 +33\.3 .* 1 +n < 30$/m);
    expect(table).toMatch(/^urgent +2 +50\.0 .* 0 +n < 30$/m);
    const markdown = (await run([...args, "-f", "markdown"])).out;
    expect(markdown).toContain("| priority | n | SLA met % | 95% interval | change | p | p adj. | pending | note |");
    expect(markdown).toMatch(/^\| normal \| 1 \| 0\.0 \| [^|]+ \| {2}\| {2}\| {2}\| 1 \| n < 30 \|$/m);
    const html = (await run([...args, "-f", "html"])).out;
    expect(html).toContain('<th class="num">pending</th>');
    const csv = (await run([...args, "-f", "csv"])).out.split("\n");
    const header = csv[0]!.split(",");
    expect(header.at(-1)).toBe("pending");
    const all = csv.find((line) => line.startsWith("sla,,"))!.split(",");
    expect(all.at(-1)).toBe("1");
  });
});
