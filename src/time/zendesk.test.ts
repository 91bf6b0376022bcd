import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ticketMetrics } from "./ticket-metrics.js";
import { eventsFromZendeskAudits, eventsFromZendeskMetricEvents } from "./zendesk.js";

// The fixtures are shaped like the examples of Zendesk's API reference (Ticket Audits; Ticket Metric Events and the
// metric event types reference) and a real audit export's fields. Both tell one story of ticket 35436, by hand:
//   08:55:12 created by the requester (public comment), new, normal
//   09:40:12 agent public reply, pending                      → reply time 45
//   13:05:12 requester comment, open                           → next reply wait 1 starts (pending 205)
//   13:50:12 agent internal note, priority high, on-hold       → open 45
//   15:20:12 agent public reply, solved                        → on-hold 90; wait 1 = 135; first resolution 385
//   11 March 10:00:12 requester comment, reopened (open)       → wait 2 starts
//   11 March 10:30:12 agent public reply, solved               → open 30; wait 2 = 30; full resolution 1535
// requester wait = 45 + 45 + 90 + 30 = 210, agent wait (pending) = 205, on-hold = 90, agent work = 45 + 45 + 30 = 120.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/zendesk/${name}`, import.meta.url), "utf8"));

describe("eventsFromZendeskAudits", () => {
  const read = eventsFromZendeskAudits(fixture("ticket-audits.json"));

  it("reads the creation, statuses, priorities and comments, leaving the rest counted", () => {
    expect(read.audits).toBe(11);
    // subject, notification, assignee, tags, satisfaction notification and score: 6 (requester_id is read, not ignored)
    expect(read.ignored).toBe(6);
    const first = read.events.filter((e) => e.ticketId === 35436).slice(0, 4);
    expect(first).toEqual([
      { ticketId: 35436, at: "2025-03-10T08:55:12Z", type: "created", sequence: 0, source: "audits[0]" },
      {
        ticketId: 35436,
        at: "2025-03-10T08:55:12Z",
        type: "comment",
        author: "requester",
        public: true,
        sequence: 0,
        source: "audits[0].events[0]",
      },
      {
        ticketId: 35436,
        at: "2025-03-10T08:55:12Z",
        type: "status",
        status: "new",
        sequence: 0,
        source: "audits[0].events[2]",
      },
      {
        ticketId: 35436,
        at: "2025-03-10T08:55:12Z",
        type: "priority",
        priority: "normal",
        sequence: 0,
        source: "audits[0].events[3]",
      },
    ]);
  });

  it("orders two audits of one second as listed (their sequence), whatever order ticketMetrics is given the events in", () => {
    // Audit 2 solves the ticket and audit 3, a trigger in the same second, reopens it: solved then open, one reopen, the
    // ticket open at the end. By content alone (open before solved) it would end solved with no reopen.
    const audit = (id: number, at: string, events: unknown[]) => ({
      id,
      ticket_id: 9,
      created_at: at,
      author_id: 1,
      events,
    });
    const { events } = eventsFromZendeskAudits({
      audits: [
        audit(1, "2025-03-10T09:00:00Z", [
          { id: 11, type: "Create", field_name: "status", value: "new" },
          { id: 12, type: "Comment", author_id: 1, public: true },
        ]),
        audit(2, "2025-03-10T10:00:00Z", [
          { id: 21, type: "Change", field_name: "status", value: "solved", previous_value: "new" },
        ]),
        audit(3, "2025-03-10T10:00:00Z", [
          { id: 31, type: "Change", field_name: "status", value: "open", previous_value: "solved" },
        ]),
      ],
    });
    expect(events.map((e) => e.sequence)).toEqual([0, 0, 0, 1, 2]);
    for (const list of [events, [...events].reverse()]) {
      const [t] = ticketMetrics(list).tickets;
      expect(t?.status).toBe("open");
      expect(t?.reopens).toBe(1);
      expect(t?.firstResolutionTime?.calendar).toBe(60);
    }
  });

  it("gives the story's figures, by hand (see the top of this file)", () => {
    const { tickets } = ticketMetrics(read.events);
    const t = tickets.find((x) => x.ticketId === "35436")!;
    expect(t.replyTime?.calendar).toBe(45);
    expect(t.nextReplyTimes.map((w) => [w.calendar, w.fulfilledBy])).toEqual([
      [135, "reply"],
      [30, "reply"],
    ]);
    expect(t.firstResolutionTime?.calendar).toBe(385);
    expect(t.fullResolutionTime?.calendar).toBe(1535);
    expect(t.requesterWaitTime?.calendar).toBe(210);
    expect(t.agentWaitTime?.calendar).toBe(205);
    expect(t.onHoldTime?.calendar).toBe(90);
    expect(t.agentWorkTime?.calendar).toBe(120);
    expect(t.reopens).toBe(1);
    expect(t.replies).toBe(3);
    expect(t.priority).toBe("high");
  });

  it("an agent-created phone ticket counts its first reply to the agent's second public comment", () => {
    // Ticket 35437: created 10:00 by an agent with a public comment (status open), requester 10:20, agent 10:50.
    const t = ticketMetrics(read.events).tickets.find((x) => x.ticketId === "35437")!;
    expect(t.replyTime?.calendar).toBe(50);
    expect(t.replies).toBe(1);
    expect(t.requesterWaitTime?.calendar).toBe(50); // open 10:00-10:50, solved then
  });

  it("takes the author from the comment, the requester as it was then, and `agents` when given", () => {
    const audit = (id: number, at: string, author: number, events: unknown[]) => ({
      id,
      ticket_id: 1,
      created_at: at,
      author_id: author,
      events,
    });
    const json = {
      audits: [
        // created through the API by user 9 on behalf of requester 5 (the real export above has this shape)
        audit(1, "2025-03-10T09:00:00Z", 9, [
          { id: 1, type: "Comment", author_id: 5, public: true },
          { id: 2, type: "Create", field_name: "requester_id", value: "5" },
        ]),
        // a CC (user 6) comments: an agent by default, the requester side when agents are listed
        audit(2, "2025-03-10T09:10:00Z", 6, [{ id: 3, type: "Comment", public: true }]),
        // a trigger's comment by the system user -1 is left out
        audit(3, "2025-03-10T09:20:00Z", -1, [{ id: 4, type: "Comment", public: true }]),
      ],
    };
    const plain = eventsFromZendeskAudits(json);
    expect(plain.events.filter((e) => e.type === "comment").map((e) => e.type === "comment" && e.author)).toEqual([
      "requester",
      "agent",
    ]);
    const listed = eventsFromZendeskAudits(json, { agents: [9, "42"] });
    expect(listed.events.filter((e) => e.type === "comment").map((e) => e.type === "comment" && e.author)).toEqual([
      "requester",
      "requester",
    ]);
  });

  it("gives each ticket's channel: via.channel of the audit that created it, not of later audits", () => {
    // 35436's creating audit came through "web" (later ones "email", "rule"); 35437's creating audit is a call ("voice").
    expect([...read.channels]).toEqual([
      ["35436", "web"],
      ["35437", "voice"],
    ]);
    const noVia = eventsFromZendeskAudits({
      audits: [
        {
          id: 1,
          ticket_id: 5,
          created_at: "2025-03-10T09:00:00Z",
          author_id: 1,
          events: [{ type: "Create", field_name: "status", value: "new" }],
        },
      ],
    });
    expect(noVia.channels.size).toBe(0);
  });

  it("accepts one audit, pages and plain arrays, and names what is wrong with another shape", () => {
    const one = { id: 1, ticket_id: 3, created_at: "2025-03-10T09:00:00Z", author_id: 1, events: [] };
    expect(eventsFromZendeskAudits({ audit: one }).audits).toBe(1);
    expect(eventsFromZendeskAudits([{ audits: [one] }, { audits: [one] }]).audits).toBe(2);
    expect(eventsFromZendeskAudits([one]).audits).toBe(1);
    expect(() => eventsFromZendeskAudits({ tickets: [] })).toThrow(/expected \{ audits: \[\.\.\.\] \}/);
    expect(() => eventsFromZendeskAudits({ audits: [{ ...one, ticket_id: null }] })).toThrow(/audits\[0\]\.ticket_id/);
    expect(() => eventsFromZendeskAudits({ audits: [{ ...one, events: "x" }] })).toThrow(/audits\[0\]\.events/);
  });

  it("a history without its creation audit is named by ticketMetrics, each event with its source", () => {
    const json = {
      audits: [
        {
          id: 5,
          ticket_id: 8,
          created_at: "2025-03-10T09:00:00Z",
          author_id: 2,
          events: [{ id: 1, type: "Change", field_name: "status", value: "solved", previous_value: "open" }],
        },
      ],
    };
    const { events } = eventsFromZendeskAudits(json);
    const result = ticketMetrics(events, { invalid: "exclude" });
    expect(result.exclusions[0]?.reason).toMatch(/no "created" event/);
    expect(events[result.exclusions[0]!.index]?.source).toBe("audits[0].events[0]");
  });
});

describe("eventsFromZendeskMetricEvents", () => {
  const read = eventsFromZendeskMetricEvents(fixture("ticket-metric-events.json"));

  it("rebuilds the ticket's events from the metrics' clocks", () => {
    expect(read.read).toBe(37);
    // the deleted breach and the six `measure` events
    expect(read.ignored).toBe(6);
    expect(
      read.events.map(
        (e) => `${e.at.slice(8, 19)} ${e.type} ${"status" in e ? e.status : "author" in e ? e.author : ""}`,
      ),
    ).toEqual([
      "10T08:55:12 created ",
      "10T08:55:12 policy ",
      "10T08:55:12 policy ",
      "10T09:40:12 comment agent",
      "10T09:40:12 status pending",
      "10T13:05:12 comment requester",
      "10T13:05:12 policy ",
      "10T13:05:12 status open",
      "10T13:50:12 status hold",
      "10T15:20:12 comment agent",
      "10T15:20:12 status solved",
      "11T10:00:12 comment requester",
      "11T10:00:12 policy ",
      "11T10:00:12 status open",
      "11T10:30:12 comment agent",
      "11T10:30:12 status solved",
    ]);
  });

  it("gives the same figures as the audits of the same story, and as Zendesk's own update_status figures", () => {
    const fromMetrics = ticketMetrics(read.events).tickets[0]!;
    const fromAudits = ticketMetrics(eventsFromZendeskAudits(fixture("ticket-audits.json")).events).tickets.find(
      (t) => t.ticketId === "35436",
    )!;
    for (const key of [
      "replyTime",
      "nextReplyTimes",
      "firstResolutionTime",
      "fullResolutionTime",
      "requesterWaitTime",
      "agentWaitTime",
      "onHoldTime",
      "agentWorkTime",
      "reopens",
    ] as const) {
      expect(fromMetrics[key], key).toEqual(fromAudits[key]);
    }
    // Zendesk's update_status figures, as recorded at each fulfilment
    const reported = (metric: string, instance: number) =>
      read.reported.filter((r) => r.metric === metric && r.instanceId === instance).map((r) => r.calendar);
    expect(reported("reply_time", 1)).toEqual([fromMetrics.replyTime?.calendar]);
    expect([...reported("reply_time", 2), ...reported("reply_time", 3)]).toEqual(
      fromMetrics.nextReplyTimes.map((w) => w.calendar),
    );
    // requester wait and agent work are recorded at each solve; the last is the ticket's figure
    expect(reported("requester_wait_time", 1).at(-1)).toBe(fromMetrics.requesterWaitTime?.calendar);
    expect(reported("agent_work_time", 1).at(-1)).toBe(fromMetrics.agentWorkTime?.calendar);
    // and the first solve's figure is the ticket as of that solve
    const asOfFirstSolve = ticketMetrics(read.events, { asOf: "2025-03-10T15:20:12Z" }).tickets[0]!;
    expect(reported("requester_wait_time", 1)[0]).toBe(asOfFirstSolve.requesterWaitTime?.calendar);
    expect(reported("agent_work_time", 1)[0]).toBe(asOfFirstSolve.agentWorkTime?.calendar);
  });

  it("lists the SLA targets applied and the breaches, deleted ones left out", () => {
    expect(read.slas.map((s) => [s.metric, s.instanceId, s.minutes, s.businessHours, s.policy])).toEqual([
      ["reply_time", 1, 60, false, "Silver"],
      ["requester_wait_time", 1, 480, false, "Silver"],
      ["reply_time", 2, 120, false, "Silver"],
      ["reply_time", 3, 120, false, "Silver"],
    ]);
    expect(read.breaches).toEqual([
      { ticketId: 35436, metric: "reply_time", instanceId: 2, at: "2025-03-10T15:05:12Z" },
    ]);
  });

  it("names what is wrong with another shape", () => {
    expect(() => eventsFromZendeskMetricEvents({ events: [] })).toThrow(/ticket_metric_events/);
    expect(() =>
      eventsFromZendeskMetricEvents({
        ticket_metric_events: [{ id: 1, ticket_id: 2, metric: "reply_time", type: "activate" }],
      }),
    ).toThrow(/ticket_metric_events\[0\]\.time/);
  });
});
