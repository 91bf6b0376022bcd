// Rejects of `cx-metrics report --events` in the words of the file: the key as written (ticket_id, created_at,
// value, time; the library's own keys in a file of ticket events) and what is wrong with the cell, what to do.
// One test per kind of bad event; no reason may name the library's fields or internals.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-events-rejects-"));
const FORBIDDEN = /ticketId|index|Date|epoch|undefined/;

interface Reject {
  line: number;
  column: string | null;
  value: unknown;
  reason: string;
}

async function rejects(name: string, content: unknown): Promise<Reject[]> {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", "--events", path, "-m", "reply-time", "-f", "json"], {
    stdout,
    stderr,
    env: {},
  });
  expect(code).toBe(0);
  const list = (JSON.parse(stdout.text()) as { rejects: Reject[] }).rejects;
  for (const reject of list) expect(reject.reason).not.toMatch(FORBIDDEN);
  return list;
}

const good = [
  { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
  { ticketId: 1, at: "2025-03-10T09:25:00Z", type: "comment", author: "agent", public: true },
];

describe("report --events: each kind of bad event, in the file's words", () => {
  it("a file of ticket events: its own keys, the cell as written, what to write", async () => {
    const list = await rejects("events.json", [
      ...good,
      { ticketId: null, at: "2025-03-10T09:30:00Z", type: "status", status: "open" },
      { ticketId: 1, at: "2025-03-10 09:30", type: "status", status: "open" },
      { ticketId: 1, at: "2025-02-30T09:30:00Z", type: "status", status: "open" },
      { ticketId: 1, at: "", type: "status", status: "open" },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "note" },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "status", status: "escalated" },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "comment", author: "bot", public: true },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "comment", author: "agent", public: "yes" },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "priority", priority: { level: 1 } },
      { ticketId: 1, at: "2025-03-10T09:30:00Z", type: "status", status: "open", sequence: "2" },
      { ticketId: 1, at: "2025-03-10T08:00:00Z", type: "status", status: "open" },
      { ticketId: 1, at: "2025-03-10T09:40:00Z", type: "created" },
      { ticketId: 2, at: "2025-03-10T09:30:00Z", type: "status", status: "open" },
      7,
    ]);
    const by = (column: string) => list.find((r) => r.column === column)?.reason;
    expect(by("[2].ticketId")).toBe("the ticket id is empty: write the ticket's id (text or a number)");
    expect(by("[3].at")).toMatch(/^"2025-03-10 09:30" in "at" has no offset, so its instant is unknown: write Z/);
    expect(by("[4].at")).toMatch(/^"2025-02-30T09:30:00Z" in "at" is not a possible date and time/);
    expect(by("[5].at")).toBe('"at" is empty: write when the event happened, for example "2025-03-10T09:30:00Z"');
    expect(by("[6].type")).toBe(
      '"note" in "type" is not a kind of event: write created, status, comment, priority or policy',
    );
    expect(by("[7].status")).toMatch(/^"escalated" in "status" is not a ticket status: write new, open, pending/);
    expect(by("[8].author")).toBe('"bot" in "author" is not who wrote the comment: write "agent" or "requester"');
    expect(by("[9].public")).toMatch(/^"yes" in "public" is not true or false/);
    expect(by("[10].priority")).toMatch(/^\{"level":1\} in "priority" is not a priority name/);
    expect(by("[11].sequence")).toMatch(/^"2" in "sequence" is not a number/);
    expect(by("[12].at")).toBe(
      '"2025-03-10T08:00:00.000Z" in "at" is before ticket 1 was created (2025-03-10T09:00:00.000Z): correct the date, or include the ticket\'s real creation',
    );
    expect(by("[13].type")).toBe(
      "ticket 1 is created a second time (first at 2025-03-10T09:00:00.000Z): keep one creation per ticket",
    );
    expect(by("[14].ticketId")).toMatch(/^ticket 2 has no creation in the file/);
    expect(by("[15]")).toMatch(/^the event is "7", not an object/);
    expect(list).toHaveLength(14);
  });

  it("Zendesk's audits: ticket_id and created_at of the audit, value of its event", async () => {
    const audit = (id: number, ticket: unknown, at: unknown, events: unknown[]) => ({
      id,
      ticket_id: ticket,
      created_at: at,
      author_id: 1,
      events,
    });
    const list = await rejects("audits.json", {
      audits: [
        audit(1, 5, "2025-03-10T09:00:00Z", [
          { id: 11, type: "Create", field_name: "status", value: "new" },
          { id: 12, type: "Comment", author_id: 1, public: true },
        ]),
        audit(2, 5, "2025-03-10T09:30:00Z", [{ id: 21, type: "Change", field_name: "status", value: "escalated" }]),
        audit(5, 5, "2025-03-10T09:40:00Z", [{ id: 51, type: "Comment", author_id: 2, public: true }]),
        audit(3, 5, "2025-03-10 10:00", [{ id: 31, type: "Change", field_name: "status", value: "open" }]),
        audit(4, 6, "2025-03-10T09:30:00Z", [{ id: 41, type: "Change", field_name: "status", value: "open" }]),
      ],
    });
    expect(list.map((r) => [r.column, r.value])).toEqual([
      ["audits[1].events[0].value", "escalated"],
      ["audits[3].created_at", "2025-03-10 10:00"],
      ["audits[4].ticket_id", "6"],
    ]);
    expect(list[0]!.reason).toMatch(/^"escalated" in "value" is not a ticket status/);
    expect(list[1]!.reason).toMatch(/^"2025-03-10 10:00" in "created_at" has no offset/);
    expect(list[2]!.reason).toMatch(/^ticket 6 has no creation in the file/);
  });
});
