import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { businessCalendar } from "../time/calendar.js";
import type { TicketEvent, TicketStatus } from "../time/ticket-events.js";
import { ticketMetrics } from "../time/ticket-metrics.js";
import { eventsFromZendeskMetricEvents } from "../time/zendesk.js";
import { type TicketSlaPolicy, ticketSla, ticketSlaRule } from "./events.js";

const T = (hhmm: string, day = "2025-03-10"): string => `${day}T${hhmm}:00Z`;
const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "UTC",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});

describe("ticketSla on Zendesk's metric events (test/fixtures/zendesk)", () => {
  const read = eventsFromZendeskMetricEvents(
    JSON.parse(readFileSync(new URL("../../test/fixtures/zendesk/ticket-metric-events.json", import.meta.url), "utf8")),
  );
  // The policy the export applied (its apply_sla events): reply 60, next reply 120, requester wait 480, calendar.
  const policy: TicketSlaPolicy = {
    name: "Silver",
    targets: [
      { name: "first reply 1 h", metric: "first-response", minutes: 60, clock: "calendar" },
      { name: "next reply 2 h", metric: "next-response", minutes: 120, clock: "calendar" },
      { name: "requester wait 8 h", metric: "requester-wait", minutes: 480, clock: "calendar" },
    ],
  };

  it("meets and breaches as Zendesk did, with its breach instant to the second", () => {
    const result = ticketSla(read.events, policy, { appliedAt: "events" });
    // first reply 45 ≤ 60; next reply 1: 13:05:12 → 15:20:12 = 135 > 120; next reply 2: 30; requester wait 210 ≤ 480
    expect(result.measurements.map((m) => [m.metric, m.instance, m.outcome, m.elapsedMinutes])).toEqual([
      ["first-response", 1, "met", 45],
      ["next-response", 1, "breached", 135],
      ["next-response", 2, "met", 30],
      ["requester-wait", 1, "met", 210],
    ]);
    expect(result.breaches).toHaveLength(1);
    // Zendesk's own breach event for reply_time instance 2
    expect(result.breaches[0]!.dueAt).toBe(new Date(read.breaches[0]!.at).toISOString());
    expect(result.breaches[0]).toMatchObject({
      metric: "next-response",
      overrunMinutes: 15,
      completedAt: "2025-03-10T15:20:12.000Z",
      fulfilledBy: { type: "comment", at: "2025-03-10T15:20:12.000Z" },
    });
    // the event that fulfilled it is the reply_time fulfill rebuilt as a comment
    expect(read.events[result.breaches[0]!.fulfilledBy!.index]?.source).toMatch(/^ticket_metric_events\[\d+\]$/);
    expect(result.percent).toBe(75); // 3 met of 4 decided
    // the requester wait is fulfilled by the final solve
    expect(result.measurements[3]?.fulfilledBy).toMatchObject({ type: "status", at: "2025-03-11T10:30:12.000Z" });
  });
});

describe("ticketSla: helpdesk semantics, by hand", () => {
  it("a first reply clock starts at creation even when the policy is applied later", () => {
    const policy: TicketSlaPolicy = {
      name: "Gold",
      targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }],
    };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:45"), type: "policy", policy: "Gold" },
      { ticketId: 1, at: T("10:30"), type: "comment", author: "agent", public: true },
      // replied at 09:20, before the policy was applied at 09:30: not measured
      { ticketId: 2, at: T("09:00"), type: "created" },
      { ticketId: 2, at: T("09:20"), type: "comment", author: "agent", public: true },
      { ticketId: 2, at: T("09:30"), type: "policy", policy: "Gold" },
      // another policy: not measured
      { ticketId: 3, at: T("09:00"), type: "created" },
      { ticketId: 3, at: T("09:00"), type: "policy", policy: "Silver" },
      { ticketId: 3, at: T("11:00"), type: "comment", author: "agent", public: true },
    ];
    const result = ticketSla(events, policy, { appliedAt: "events" });
    // ticket 1: 09:00 → 10:30 = 90 > 60, due 10:00 (before the policy came, the clock was already running)
    expect(result.measurements.map((m) => [m.ticketId, m.outcome, m.elapsedMinutes, m.dueAt])).toEqual([
      ["1", "breached", 90, "2025-03-10T10:00:00.000Z"],
    ]);
  });

  it("the target is the one of the priority in force when the policy was applied", () => {
    const policy: TicketSlaPolicy = {
      targets: [
        { name: "urgent", metric: "first-response", minutes: 30, clock: "calendar", priority: "urgent" },
        { name: "other", metric: "first-response", minutes: 240, clock: "calendar" },
      ],
    };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:00"), type: "priority", priority: "normal" },
      { ticketId: 1, at: T("09:10"), type: "priority", priority: "urgent" },
      { ticketId: 1, at: T("10:00"), type: "comment", author: "agent", public: true },
    ];
    // applied at creation, when the priority was normal (set at the same instant, before the policy: the rank order)
    const atCreation = ticketSla(events, policy);
    expect(atCreation.measurements[0]).toMatchObject({ name: "other", outcome: "met", elapsedMinutes: 60 });
    // applied again after the change (Zendesk's apply_sla on the update): the urgent target, 30 minutes, breached
    const reapplied = ticketSla([...events, { ticketId: 1, at: T("09:10"), type: "policy", policy: "Any" }], policy, {
      appliedAt: "events",
    });
    expect(reapplied.measurements[0]).toMatchObject({
      name: "urgent",
      outcome: "breached",
      dueAt: "2025-03-10T09:30:00.000Z",
    });
  });

  it("a next reply is fulfilled by a public agent reply or by solving; solveFulfils: false waits for a comment", () => {
    const policy: TicketSlaPolicy = { targets: [{ metric: "next-response", minutes: 60, clock: "calendar" }] };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:10"), type: "comment", author: "agent", public: true },
      { ticketId: 1, at: T("10:00"), type: "comment", author: "requester", public: true },
      { ticketId: 1, at: T("10:40"), type: "status", status: "solved" },
    ];
    const solved = ticketSla(events, policy);
    expect(solved.measurements[0]).toMatchObject({
      outcome: "met",
      elapsedMinutes: 40,
      fulfilledBy: { type: "status" },
    });
    const waiting = ticketSla(events, policy, { solveFulfils: false, asOf: T("12:00") });
    // still waiting at 12:00: 120 minutes > 60, breached at 11:00, no fulfilling event
    expect(waiting.measurements[0]).toMatchObject({
      outcome: "breached",
      elapsedMinutes: 120,
      dueAt: "2025-03-10T11:00:00.000Z",
      fulfilledBy: null,
    });
  });

  it("periodic updates never pause; pausable updates pause in pending", () => {
    const policy: TicketSlaPolicy = {
      targets: [
        { metric: "periodic-update", minutes: 60, clock: "calendar" },
        { metric: "pausable-update", minutes: 60, clock: "calendar" },
      ],
    };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:30"), type: "comment", author: "agent", public: true },
      { ticketId: 1, at: T("09:30"), type: "status", status: "pending" },
      { ticketId: 1, at: T("11:30"), type: "comment", author: "requester", public: true },
      { ticketId: 1, at: T("11:30"), type: "status", status: "open" },
      { ticketId: 1, at: T("12:00"), type: "comment", author: "agent", public: true },
      { ticketId: 1, at: T("12:00"), type: "status", status: "solved" },
    ];
    const result = ticketSla(events, policy);
    // update 1: 09:30 → 12:00. Periodic: 150 > 60, due 10:30. Pausable: pending 09:30-11:30 left out: 30 ≤ 60.
    // update 2 starts at 12:00 and the solve at 12:00 fulfils it at once (0 minutes).
    expect(result.measurements.map((m) => [m.metric, m.instance, m.outcome, m.elapsedMinutes, m.dueAt])).toEqual([
      ["periodic-update", 1, "breached", 150, "2025-03-10T10:30:00.000Z"],
      ["periodic-update", 2, "met", 0, null],
      ["pausable-update", 1, "met", 30, null],
      ["pausable-update", 2, "met", 0, null],
    ]);
  });

  it("breach instants on the business clock: the target runs out after a closing time", () => {
    const policy: TicketSlaPolicy = { targets: [{ metric: "first-response", minutes: 60, clock: "business" }] };
    // Monday 16:30 → Tuesday 10:00: 30 (Monday) + 60 (Tuesday) = 90 working minutes > 60; the 60th minute ends
    // Tuesday 09:30.
    const result = ticketSla(
      [
        { ticketId: 1, at: T("16:30"), type: "created" },
        { ticketId: 1, at: T("10:00", "2025-03-11"), type: "comment", author: "agent", public: true },
      ],
      policy,
      { calendar },
    );
    expect(result.breaches[0]).toMatchObject({ dueAt: "2025-03-11T09:30:00.000Z", overrunMinutes: 30 });
  });

  it("requester wait and agent work pause by status, never count solved time, and run on after a reopen", () => {
    const policy: TicketSlaPolicy = {
      targets: [
        { metric: "requester-wait", minutes: 120, clock: "calendar" },
        { metric: "agent-work", minutes: 60, clock: "calendar" },
      ],
    };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:30"), type: "status", status: "hold" },
      { ticketId: 1, at: T("10:00"), type: "status", status: "pending" },
      { ticketId: 1, at: T("11:00"), type: "status", status: "open" },
      { ticketId: 1, at: T("11:20"), type: "status", status: "solved" },
      { ticketId: 1, at: T("15:00"), type: "status", status: "open" },
    ];
    const result = ticketSla(events, policy, { asOf: T("16:00") });
    // requester wait: new 30 + hold 30 + open 20 + (reopened) open 15:00-16:00 60 = 140 > 120: breached; the 120th
    // minute: 80 before the solve, 40 more from 15:00 → 15:40
    // agent work: new 30 + open 20 + open 60 = 110 > 60; the 60th minute: 50 before the solve, 10 more → 15:10
    expect(result.measurements.map((m) => [m.metric, m.outcome, m.elapsedMinutes, m.dueAt, m.fulfilledBy])).toEqual([
      ["requester-wait", "breached", 140, "2025-03-10T15:40:00.000Z", null],
      ["agent-work", "breached", 110, "2025-03-10T15:10:00.000Z", null],
    ]);
    // As of 12:00 the ticket was solved: both met, fulfilled by the solve at 11:20
    const earlier = ticketSla(events, policy, { asOf: T("12:00") });
    expect(earlier.measurements.map((m) => [m.outcome, m.elapsedMinutes, m.fulfilledBy?.at])).toEqual([
      ["met", 80, "2025-03-10T11:20:00.000Z"],
      ["met", 50, "2025-03-10T11:20:00.000Z"],
    ]);
  });

  it("Freshdesk's status switch as an option: pauseReplies stops the reply clocks in the pausing statuses", () => {
    const policy: TicketSlaPolicy = {
      pauseStatuses: ["pending"],
      targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }],
    };
    const events: TicketEvent[] = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:20"), type: "status", status: "pending" },
      { ticketId: 1, at: T("10:20"), type: "status", status: "open" },
      { ticketId: 1, at: T("10:40"), type: "comment", author: "agent", public: true },
    ];
    // Zendesk: reply clocks never pause: 100 > 60. Freshdesk-like: pending 09:20-10:20 left out: 40 ≤ 60.
    expect(ticketSla(events, policy).measurements[0]).toMatchObject({ outcome: "breached", elapsedMinutes: 100 });
    expect(ticketSla(events, policy, { pauseReplies: true }).measurements[0]).toMatchObject({
      outcome: "met",
      elapsedMinutes: 40,
    });
  });

  it("an open clock needs asOf; pending ones are reported apart; bad events follow the batch policy", () => {
    const policy: TicketSlaPolicy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] };
    const open: TicketEvent[] = [{ ticketId: 1, at: T("09:00"), type: "created" }];
    let thrown: unknown;
    try {
      ticketSla(open, policy);
    } catch (error) {
      thrown = error;
    }
    expect(isCxMetricsError(thrown, "INVALID_ARGUMENT")).toBe(true);
    expect((thrown as { field?: string }).field).toBe("asOf");
    const pending = ticketSla(open, policy, { asOf: T("09:30") });
    expect(pending).toMatchObject({ met: 0, breached: 0, pending: 1, percent: null });
    expect(pending.measurements[0]?.dueAt).toBe("2025-03-10T10:00:00.000Z");
    const bad = [...open, { ticketId: 1, at: T("09:10"), type: "comment", author: "bot", public: true } as never];
    expect(() => ticketSla(bad, policy, { asOf: T("09:30") })).toThrow(/author/);
    const excluded = ticketSla(bad, policy, { asOf: T("09:30"), invalid: "exclude" });
    expect(excluded.rows).toEqual({ total: 2, used: 1, skipped: 0, excluded: 1 });
    expect(() => ticketSla(open, { targets: [{ metric: "next-response", minutes: 5, clock: "calendar" }] })).toThrow(
      /no ticket matched/,
    );
    expect(() => ticketSla(open, { targets: [{ metric: "wait", minutes: 5, clock: "calendar" } as never] })).toThrow(
      /"pausable-update"/,
    );
  });

  it("the rule measures one ticket", () => {
    const rule = ticketSlaRule({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
    const [m] = rule.measure([
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:30"), type: "comment", author: "agent", public: true },
    ]);
    expect(m).toMatchObject({ outcome: "met", elapsedMinutes: 30, fulfilledBy: { index: 1, type: "comment" } });
  });
});

// The SLA's clocks against ticketMetrics' figures (two readings of the same definitions) and their breach instants
// against a minute walk, on random tickets.
const MINUTE = 60_000;
const START = Date.UTC(2025, 2, 10, 8, 0);
const randomTicket = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 2 * 1440 }),
      kind: fc.constantFrom("status", "comment", "comment"),
      status: fc.constantFrom<TicketStatus>("open", "pending", "hold", "solved", "open"),
      author: fc.constantFrom<"agent" | "requester">("agent", "requester"),
    }),
    { maxLength: 12 },
  )
  .map((list): TicketEvent[] => [
    { ticketId: 1, at: START, type: "created" },
    ...list.map(
      (e): TicketEvent =>
        e.kind === "status"
          ? { ticketId: 1, at: START + e.offset * MINUTE, type: "status", status: e.status }
          : { ticketId: 1, at: START + e.offset * MINUTE, type: "comment", author: e.author, public: true },
    ),
  ]);

describe("ticketSla against ticketMetrics and a minute walk", () => {
  it("elapsed times equal the ticket metrics; a breach's instant is where the walked minutes reach the target", () => {
    const policy: TicketSlaPolicy = {
      targets: [
        { metric: "first-response", minutes: 90, clock: "calendar" },
        { metric: "next-response", minutes: 90, clock: "calendar" },
        { metric: "requester-wait", minutes: 300, clock: "calendar" },
      ],
    };
    const asOf = START + 3 * 1440 * MINUTE;
    fc.assert(
      fc.property(randomTicket, (events) => {
        const [metrics] = ticketMetrics(events, { solveEndsNextReply: true, asOf }).tickets;
        const result = ticketSla(events, policy, { solveFulfils: false, asOf });
        const first = result.measurements.find((m) => m.metric === "first-response")!;
        // with solveFulfils: false the first reply clock is the ticket metric's reply time (or runs to asOf)
        expect(first.elapsedMinutes).toBe(metrics!.replyTime?.calendar ?? (asOf - START) / MINUTE);
        const withSolve = ticketSla(events, policy, { asOf });
        const waits = withSolve.measurements.filter((m) => m.metric === "next-response");
        expect(waits.map((m) => m.elapsedMinutes)).toEqual(
          metrics!.nextReplyTimes.map((w) => w.calendar ?? (asOf - Date.parse(w.from)) / MINUTE),
        );
        const wait = withSolve.measurements.find((m) => m.metric === "requester-wait")!;
        // requester wait as of asOf (solved or not) is the ticket metric as of asOf
        expect(wait.elapsedMinutes).toBe(metrics!.requesterWaitTime!.calendar);
        // the breach instant: walk the minutes in new, open and hold until 300 have run
        if (wait.outcome === "breached") {
          const statusAt = (t: number) => {
            let status: TicketStatus = "new";
            // Statuses at one instant in the documented order (docs/time.md): new, open, pending, hold, solved, closed.
            const rank = (e: (typeof events)[number]) =>
              e.type === "status" ? 1 + ["new", "open", "pending", "hold", "solved", "closed"].indexOf(e.status) : 0;
            for (const e of [...events].sort((a, b) => Number(a.at) - Number(b.at) || rank(a) - rank(b)))
              if (e.type === "status" && Number(e.at) <= t) status = e.status;
            return status;
          };
          let run = 0;
          let t = START;
          for (; run < 300; t += MINUTE) if (["new", "open", "hold"].includes(statusAt(t))) run++;
          expect(wait.dueAt).toBe(new Date(t).toISOString());
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same outcomes for every shuffle of the events, ties at one instant included (property)", () => {
    // Offsets from a few values, so that many events share an instant (a reply and a requester comment, two statuses).
    const tied = fc
      .array(
        fc.record({
          offset: fc.constantFrom(0, 30, 30, 120),
          kind: fc.constantFrom("status", "comment", "comment"),
          status: fc.constantFrom<TicketStatus>("open", "pending", "hold", "solved", "closed"),
          author: fc.constantFrom<"agent" | "requester">("agent", "requester"),
        }),
        { maxLength: 10 },
      )
      .map((list): TicketEvent[] => [
        { ticketId: 1, at: START, type: "created" },
        ...list.map(
          (e): TicketEvent =>
            e.kind === "status"
              ? { ticketId: 1, at: START + e.offset * MINUTE, type: "status", status: e.status }
              : { ticketId: 1, at: START + e.offset * MINUTE, type: "comment", author: e.author, public: true },
        ),
      ]);
    const policy: TicketSlaPolicy = {
      targets: [
        { metric: "first-response", minutes: 20, clock: "calendar" },
        { metric: "next-response", minutes: 20, clock: "calendar" },
        { metric: "requester-wait", minutes: 60, clock: "business" },
        { metric: "resolution", minutes: 100, clock: "calendar" },
      ],
    };
    // The event that ended a target is named by its position in the list given: compared by what it is.
    const strip = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (key, inner) => (key === "index" ? undefined : inner)));
    fc.assert(
      fc.property(
        tied.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([events, shuffled]) => {
          const asOf = START + 1440 * MINUTE;
          const a = ticketSla(events, policy, { calendar, asOf });
          const b = ticketSla(shuffled, policy, { calendar, asOf });
          expect(strip(b.measurements)).toEqual(strip(a.measurements));
        },
      ),
      { numRuns: 500 },
    );
  });
});
