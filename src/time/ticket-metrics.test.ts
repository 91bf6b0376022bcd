import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { businessCalendar, scheduleHistory } from "./calendar.js";
import { isoUtc } from "./instant.js";
import type { TicketEvent } from "./ticket-events.js";
import { ticketMetrics, ticketMetricsRule } from "./ticket-metrics.js";

const T = (hhmm: string, day = "2025-03-10"): string => `${day}T${hhmm}:00Z`;

function one(events: TicketEvent[], options = {}) {
  const { tickets } = ticketMetrics(events, options);
  expect(tickets).toHaveLength(1);
  return tickets[0]!;
}

describe("ticketMetrics: Zendesk's definitions, by hand", () => {
  it("reproduces the published requester wait time example (Klipfolio, metrichq.org): 1 h + 2 h = 3 h, pending apart", () => {
    // "A user submits a ticket at 9am ... At 10am the user receives a reply ... the ticket is now pending. It's not
    // until 12 noon that the user replies ... open again. At 2pm the support agent ... marks the ticket as solved.
    // Requester Wait Time is 1 hour + 2 hours = 3 hours." Agent wait (pending) is 10:00-12:00 = 120 minutes.
    const t = one([
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:00"), type: "comment", author: "requester", public: true },
      { ticketId: 1, at: T("09:05"), type: "status", status: "open" },
      { ticketId: 1, at: T("10:00"), type: "comment", author: "agent", public: true },
      { ticketId: 1, at: T("10:00"), type: "status", status: "pending" },
      { ticketId: 1, at: T("12:00"), type: "comment", author: "requester", public: true },
      { ticketId: 1, at: T("12:00"), type: "status", status: "open" },
      { ticketId: 1, at: T("14:00"), type: "comment", author: "agent", public: true },
      { ticketId: 1, at: T("14:00"), type: "status", status: "solved" },
    ]);
    expect(t.requesterWaitTime).toEqual({ calendar: 180, business: null });
    expect(t.agentWaitTime).toEqual({ calendar: 120, business: null });
    expect(t.onHoldTime).toEqual({ calendar: 0, business: null });
    // new 09:00-09:05 and open 09:05-10:00 (60) + open 12:00-14:00 (120)
    expect(t.agentWorkTime?.calendar).toBe(180);
    // 09:00 → 10:00 reply; 12:00 requester comment → 14:00 reply (the reply comes before the solve at 14:00)
    expect(t.replyTime).toEqual({ calendar: 60, business: null });
    expect(t.nextReplyTimes).toEqual([
      {
        from: "2025-03-10T12:00:00.000Z",
        to: "2025-03-10T14:00:00.000Z",
        fulfilledBy: "reply",
        calendar: 120,
        business: null,
      },
    ]);
    // 09:00 → 14:00 solved
    expect(t.firstResolutionTime?.calendar).toBe(300);
    expect(t.fullResolutionTime?.calendar).toBe(300);
    expect(t.replies).toBe(2);
    expect(t.reopens).toBe(0);
    expect(t.status).toBe("solved");
  });

  it("an agent-created ticket counts its first reply to the agent's second public comment (Zendesk's exception)", () => {
    // Zendesk: "If the ticket is created by an agent and the first comment is public the second timestamp shifts to
    // the second public agent comment." 09:00 → 10:30 = 90 minutes; the opening comment is not a reply.
    const t = one([
      { ticketId: "a", at: T("09:00"), type: "created" },
      { ticketId: "a", at: T("09:00"), type: "comment", author: "agent", public: true },
      { ticketId: "a", at: T("10:00"), type: "comment", author: "requester", public: true },
      { ticketId: "a", at: T("10:30"), type: "comment", author: "agent", public: true },
    ]);
    expect(t.replyTime?.calendar).toBe(90);
    expect(t.replies).toBe(1);
    // The requester comment came before any reply: it is part of the first reply's wait, not a next reply.
    expect(t.nextReplyTimes).toEqual([]);
  });

  it("an agent reply later than the creation instant is a reply even when it is the first comment", () => {
    // Created by the API without a comment at 09:00; the first comment, a public agent comment at 09:20, is a reply.
    const t = one([
      { ticketId: 2, at: T("09:00"), type: "created" },
      { ticketId: 2, at: T("09:20"), type: "comment", author: "agent", public: true },
    ]);
    expect(t.replyTime?.calendar).toBe(20);
  });

  it("a solve does not end the first reply (Zendesk's phone example: solved without a comment, reopened, answered)", () => {
    // "An agent takes a phone call that creates a ticket and solves the ticket with no new comment. The customer later
    // re-opens the ticket, and the agent then responds with a public comment. First reply time ends when that comment
    // is posted." 09:00 → 12:30 = 210 minutes; first resolution 09:00 → 09:10 = 10; one reopen.
    const t = one([
      { ticketId: 3, at: T("09:00"), type: "created" },
      { ticketId: 3, at: T("09:00"), type: "comment", author: "agent", public: false },
      { ticketId: 3, at: T("09:10"), type: "status", status: "solved" },
      { ticketId: 3, at: T("12:00"), type: "comment", author: "requester", public: true },
      { ticketId: 3, at: T("12:00"), type: "status", status: "open" },
      { ticketId: 3, at: T("12:30"), type: "comment", author: "agent", public: true },
    ]);
    expect(t.replyTime?.calendar).toBe(210);
    expect(t.firstResolutionTime?.calendar).toBe(10);
    // Not solved again: the full resolution is still the latest solve, 09:10 (Zendesk keeps the recorded value).
    expect(t.fullResolutionTime?.calendar).toBe(10);
    expect(t.reopens).toBe(1);
    expect(t.status).toBe("open");
    // Counted to the latest solve (09:10): new for 10 minutes; the reopened time waits for the next solve.
    expect(t.requesterWaitTime?.calendar).toBe(10);
    expect(t.measuredTo).toBe("2025-03-10T09:10:00.000Z");
  });

  it("next replies: the oldest unanswered comment starts the wait, and a solve fulfils it unless told otherwise", () => {
    const events: TicketEvent[] = [
      { ticketId: 4, at: T("09:00"), type: "created" },
      { ticketId: 4, at: T("09:10"), type: "comment", author: "agent", public: true },
      // wait 1 starts 10:00; the 10:20 comment joins it; the 10:15 internal note answers nobody
      { ticketId: 4, at: T("10:00"), type: "comment", author: "requester", public: true },
      { ticketId: 4, at: T("10:15"), type: "comment", author: "agent", public: false },
      { ticketId: 4, at: T("10:20"), type: "comment", author: "requester", public: true },
      { ticketId: 4, at: T("11:00"), type: "comment", author: "agent", public: true },
      // an agent follow-up while nobody waits fulfils nothing
      { ticketId: 4, at: T("11:30"), type: "comment", author: "agent", public: true },
      // wait 2 starts 12:00 and the ticket is solved at 13:00 without a comment
      { ticketId: 4, at: T("12:00"), type: "comment", author: "requester", public: true },
      { ticketId: 4, at: T("13:00"), type: "status", status: "solved" },
      // reopened by a comment at 15:00 (wait 3), answered 15:45
      { ticketId: 4, at: T("15:00"), type: "comment", author: "requester", public: true },
      { ticketId: 4, at: T("15:00"), type: "status", status: "open" },
      { ticketId: 4, at: T("15:45"), type: "comment", author: "agent", public: true },
    ];
    const t = one(events);
    expect(t.nextReplyTimes.map((w) => [w.from.slice(11, 16), w.to?.slice(11, 16), w.fulfilledBy, w.calendar])).toEqual(
      [
        ["10:00", "11:00", "reply", 60], // 10:00 → 11:00
        ["12:00", "13:00", "solve", 60], // 12:00 → the solve at 13:00
        ["15:00", "15:45", "reply", 45], // 15:00 → 15:45
      ],
    );
    expect(t.replies).toBe(4); // 09:10, 11:00, 11:30, 15:45
    // Without the solve ending it, wait 2 runs from 12:00 to the reply at 15:45 (225 minutes); 15:00 joins it.
    const kept = one(events, { solveEndsNextReply: false });
    expect(
      kept.nextReplyTimes.map((w) => [w.from.slice(11, 16), w.to?.slice(11, 16), w.fulfilledBy, w.calendar]),
    ).toEqual([
      ["10:00", "11:00", "reply", 60],
      ["12:00", "15:45", "reply", 225],
    ]);
  });

  it("a wait still open is listed with no duration", () => {
    const t = one([
      { ticketId: 5, at: T("09:00"), type: "created" },
      { ticketId: 5, at: T("09:30"), type: "comment", author: "agent", public: true },
      { ticketId: 5, at: T("10:00"), type: "comment", author: "requester", public: true },
    ]);
    expect(t.nextReplyTimes).toEqual([
      { from: "2025-03-10T10:00:00.000Z", to: null, fulfilledBy: null, calendar: null, business: null },
    ]);
    // Never solved and no asOf: the time in statuses is not recorded yet (Zendesk: null until solved).
    expect(t.requesterWaitTime).toBeNull();
    expect(t.measuredTo).toBeNull();
  });

  it("at one instant: created, priority, comment, status; a reply saved with 'solved' is a reply first", () => {
    // Given in the reverse order on purpose: the ranks, not the input order, decide.
    const t = one([
      { ticketId: 6, at: T("10:00"), type: "status", status: "solved" },
      { ticketId: 6, at: T("10:00"), type: "comment", author: "agent", public: true },
      { ticketId: 6, at: T("09:30"), type: "comment", author: "requester", public: true },
      { ticketId: 6, at: T("09:10"), type: "comment", author: "agent", public: true },
      { ticketId: 6, at: T("09:00"), type: "priority", priority: "high" },
      { ticketId: 6, at: T("09:00"), type: "created" },
    ]);
    expect(t.priority).toBe("high");
    expect(t.nextReplyTimes[0]?.fulfilledBy).toBe("reply"); // 09:30 → the 10:00 reply, not the 10:00 solve
    expect(t.nextReplyTimes[0]?.calendar).toBe(30);
  });

  it("a close without a solve is the resolution; closed after solved is not a second one", () => {
    // Zendesk: "If the unsolved ticket is set to closed by a business rule or API, this event is considered as the
    // second timestamp."
    const closed = one([
      { ticketId: 8, at: T("09:00"), type: "created" },
      { ticketId: 8, at: T("11:00"), type: "status", status: "closed" },
    ]);
    expect(closed.firstResolutionTime?.calendar).toBe(120);
    const solvedThenClosed = one([
      { ticketId: 9, at: T("09:00"), type: "created" },
      { ticketId: 9, at: T("10:00"), type: "status", status: "solved" },
      { ticketId: 9, at: T("10:00", "2025-03-14"), type: "status", status: "closed" },
    ]);
    expect(solvedThenClosed.fullResolutionTime?.calendar).toBe(60);
  });

  it("a status set again without a change is not a new solve or reopen", () => {
    const t = one([
      { ticketId: 10, at: T("09:00"), type: "created" },
      { ticketId: 10, at: T("10:00"), type: "status", status: "solved" },
      { ticketId: 10, at: T("11:00"), type: "status", status: "solved" },
    ]);
    expect(t.fullResolutionTime?.calendar).toBe(60);
    expect(t.reopens).toBe(0);
  });

  it("hold counts for the requester and as on-hold time, pending for the agent", () => {
    // new 09:00-10:00 (60), hold 10:00-12:00 (120), pending 12:00-13:00 (60), open 13:00-14:00 (60), solved 14:00.
    const t = one([
      { ticketId: 11, at: T("09:00"), type: "created" },
      { ticketId: 11, at: T("10:00"), type: "status", status: "hold" },
      { ticketId: 11, at: T("12:00"), type: "status", status: "pending" },
      { ticketId: 11, at: T("13:00"), type: "status", status: "open" },
      { ticketId: 11, at: T("14:00"), type: "status", status: "solved" },
    ]);
    expect(t.requesterWaitTime?.calendar).toBe(240); // 60 + 120 + 60
    expect(t.onHoldTime?.calendar).toBe(120);
    expect(t.agentWaitTime?.calendar).toBe(60);
    expect(t.agentWorkTime?.calendar).toBe(120); // 60 + 60
  });

  it("business minutes over a weekend in Berlin, by hand", () => {
    const nineToFive = [["09:00", "17:00"]] as const;
    const calendar = businessCalendar({
      timeZone: "Europe/Berlin",
      week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    });
    // Created Friday 7 March 2025 16:00 CET, replied Monday 10 March 10:00 CET: 60 (Friday) + 60 (Monday) = 120
    // working minutes of 3,960 elapsed (66 hours). Pending from the reply to Monday 16:00 (360 business minutes),
    // solved then: requester wait = Friday 60 + Monday 09:00-10:00 60 = 120.
    const t = one(
      [
        { ticketId: 12, at: "2025-03-07T16:00:00+01:00", type: "created" },
        { ticketId: 12, at: "2025-03-10T10:00:00+01:00", type: "comment", author: "agent", public: true },
        { ticketId: 12, at: "2025-03-10T10:00:00+01:00", type: "status", status: "pending" },
        { ticketId: 12, at: "2025-03-10T16:00:00+01:00", type: "status", status: "solved" },
      ],
      { calendar },
    );
    expect(t.replyTime).toEqual({ calendar: 3960, business: 120 });
    expect(t.requesterWaitTime).toEqual({ calendar: 3960, business: 120 });
    expect(t.agentWaitTime).toEqual({ calendar: 360, business: 360 });
    expect(t.fullResolutionTime).toEqual({ calendar: 4320, business: 480 });
  });

  it("asOf: the ticket as it stood then; later events are skipped and the time in statuses runs to asOf", () => {
    const events: TicketEvent[] = [
      { ticketId: 13, at: T("09:00"), type: "created" },
      { ticketId: 13, at: T("10:00"), type: "status", status: "pending" },
      { ticketId: 13, at: T("12:00"), type: "status", status: "solved" },
      { ticketId: 14, at: T("13:00"), type: "created" },
    ];
    const result = ticketMetrics(events, { asOf: T("11:00") });
    expect(result.tickets).toHaveLength(1); // ticket 14 did not exist at 11:00
    const t = result.tickets[0]!;
    expect(t.requesterWaitTime?.calendar).toBe(60); // new 09:00-10:00
    expect(t.agentWaitTime?.calendar).toBe(60); // pending 10:00-11:00
    expect(t.firstResolutionTime).toBeNull();
    expect(t.status).toBe("pending");
    expect(result.rows).toEqual({ total: 4, used: 2, skipped: 2, excluded: 0 });
  });

  it("a number and its text are one ticket; tickets come out by creation", () => {
    const { tickets } = ticketMetrics([
      { ticketId: "20", at: T("10:00"), type: "created" },
      { ticketId: 20, at: T("10:05"), type: "comment", author: "agent", public: true },
      { ticketId: 21, at: T("09:00"), type: "created" },
    ]);
    expect(tickets.map((t) => [t.ticketId, t.replyTime?.calendar ?? null])).toEqual([
      ["21", null],
      ["20", 5],
    ]);
  });

  it("with a schedule history, 'in-force' counts each moment on its schedule, 'latest' the whole span on the one in force at its end", () => {
    const week = (end: string) => ({
      mon: [["09:00", end]] as [string, string][],
      tue: [["09:00", end]] as [string, string][],
    });
    const history = scheduleHistory([
      { calendar: businessCalendar({ timeZone: "UTC", week: week("17:00") }) },
      { from: "2025-03-11", calendar: businessCalendar({ timeZone: "UTC", week: week("21:00") }) },
    ]);
    const events: TicketEvent[] = [
      { ticketId: 15, at: "2025-03-10T16:00:00Z", type: "created" },
      { ticketId: 15, at: "2025-03-11T10:00:00Z", type: "comment", author: "agent", public: true },
    ];
    // in force: Monday 16:00-17:00 on 9-17 (60) + Tuesday 09:00-10:00 (60) = 120
    expect(one(events, { calendar: history }).replyTime?.business).toBe(120);
    // latest (Tuesday's 9-21 applied to the whole span): Monday 16:00-21:00 (300) + Tuesday 60 = 360
    expect(one(events, { calendar: history, schedule: "latest" }).replyTime?.business).toBe(360);
  });
});

describe("ticketMetrics: bad events (batch policy)", () => {
  const good: TicketEvent[] = [
    { ticketId: 1, at: T("09:00"), type: "created" },
    { ticketId: 1, at: T("09:30"), type: "comment", author: "agent", public: true },
  ];

  it.each([
    [{ ticketId: 1, at: T("09:10"), type: "comment", author: "bot", public: true }, "author", "INVALID_ARGUMENT"],
    [{ ticketId: 1, at: T("09:10"), type: "comment", author: "agent" }, "public", "INVALID_ARGUMENT"],
    [{ ticketId: 1, at: T("09:10"), type: "status", status: "waiting" }, "status", "INVALID_ARGUMENT"],
    [{ ticketId: 1, at: T("09:10"), type: "assign" }, "type", "INVALID_ARGUMENT"],
    [{ ticketId: null, at: T("09:10"), type: "created" }, "ticketId", "INVALID_ARGUMENT"],
    [{ ticketId: 1, at: "2025-03-10 09:10", type: "status", status: "open" }, "at", "INVALID_DATE"],
    [{ ticketId: 1, at: "9999-12-31T00:00:00Z", type: "status", status: "open" }, "at", "DATE_OUT_OF_RANGE"],
    [{ ticketId: 1, at: T("08:00"), type: "comment", author: "requester", public: true }, "at", "END_BEFORE_START"],
    [{ ticketId: 1, at: T("09:05"), type: "created" }, "type", "INVALID_ARGUMENT"],
  ])("%j throws naming field %s, or is left out and listed", (bad, field, code) => {
    const events = [...good, bad as unknown as TicketEvent];
    let thrown: unknown;
    try {
      ticketMetrics(events);
    } catch (error) {
      thrown = error;
    }
    expect(isCxMetricsError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ code, index: 2, field });
    const result = ticketMetrics(events, { invalid: "exclude" });
    expect(result.exclusions).toHaveLength(1);
    expect(result.exclusions[0]).toMatchObject({ index: 2, field, code });
    expect(result.rows).toEqual({ total: 3, used: 2, skipped: 0, excluded: 1 });
    // The rest of the ticket is measured as if the bad event were not there.
    expect(result.tickets[0]?.replyTime?.calendar).toBe(30);
  });

  it("a ticket without a created event is left out whole, each of its events listed", () => {
    const events: TicketEvent[] = [
      ...good,
      { ticketId: 2, at: T("09:10"), type: "comment", author: "requester", public: true },
      { ticketId: 2, at: T("09:20"), type: "status", status: "open" },
    ];
    expect(() => ticketMetrics(events)).toThrow(/ticket 2 has no "created" event/);
    const result = ticketMetrics(events, { invalid: "exclude" });
    expect(result.tickets.map((t) => t.ticketId)).toEqual(["1"]);
    expect(result.exclusions.map((e) => [e.index, e.id, e.field])).toEqual([
      [2, "2", "ticketId"],
      [3, "2", "ticketId"],
    ]);
    expect(result.rows).toEqual({ total: 4, used: 2, skipped: 0, excluded: 2 });
  });

  it("the rule measures one ticket and refuses another's events", () => {
    const rule = ticketMetricsRule();
    expect(rule.measure(good)?.replyTime?.calendar).toBe(30);
    expect(() => rule.measure([...good, { ticketId: 2, at: T("10:00"), type: "created" }])).toThrow(
      /one ticket at a time/,
    );
  });

  it("refuses unknown options", () => {
    expect(() => ticketMetrics(good, { schedule: "newest" as never })).toThrow(/schedule/);
    expect(() => ticketMetrics(good, { invalid: "skip" as never })).toThrow(/invalid/);
    expect(() => ticketMetrics(good, { solveEndsNextReply: "yes" as never })).toThrow(/solveEndsNextReply/);
  });
});

describe("isoUtc (the results' instants)", () => {
  it("equals Date.prototype.toISOString over the supported range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 7_258_118_399_999 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [-2_208_988_800_000, 0, 951_782_400_000, 4_107_542_400_000, 7_258_118_399_999]) {
      expect(isoUtc(ms)).toBe(new Date(ms).toISOString()); // 1900-01-01, 1970, 2000-02-29, 2100-03-01, the last ms
    }
  });
});

describe("ticketMetrics: the order events are given in never matters", () => {
  // Few instants, few tickets, every kind of event, sequences that repeat or are missing: most events tie with another
  // at one instant (of one kind, often with one sequence), so only the order rule (compareEvents) can separate them.
  const calendar = businessCalendar({
    timeZone: "UTC",
    week: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]] },
  });
  const eventArb = fc.record({
    ticket: fc.constantFrom(1, "1", 2),
    minute: fc.constantFrom(0, 0, 30, 30, 90, 600),
    sequence: fc.constantFrom(undefined, 0, 1, 2),
    body: fc.oneof(
      fc.constant({ type: "created" }),
      fc.record({
        type: fc.constant("status"),
        status: fc.constantFrom("new", "open", "pending", "hold", "solved", "closed"),
      }),
      fc.record({ type: fc.constant("comment"), author: fc.constantFrom("agent", "requester"), public: fc.boolean() }),
      fc.record({ type: fc.constant("priority"), priority: fc.constantFrom(null, "", "high", "low", "é", "😀", 3) }),
      fc.record({ type: fc.constant("policy"), policy: fc.constantFrom(null, "Gold", "Silver") }),
    ),
  });
  const toEvent = (e: typeof eventArb extends fc.Arbitrary<infer E> ? E : never): TicketEvent =>
    ({
      ticketId: e.ticket,
      at: isoUtc(Date.UTC(2025, 2, 10, 9) + e.minute * 60_000),
      ...(e.sequence === undefined ? {} : { sequence: e.sequence }),
      ...e.body,
    }) as TicketEvent;

  it("gives the same figures for every shuffle of a ticket's events, ties at one instant included (property)", () => {
    fc.assert(
      fc.property(
        fc
          .array(eventArb, { minLength: 1, maxLength: 14 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list.map(toEvent)),
              fc.shuffledSubarray(list.map(toEvent), { minLength: list.length }),
            ),
          ),
        fc.constantFrom(undefined, "2025-03-10T10:00:00Z"),
        fc.boolean(),
        ([events, shuffled], asOf, solveEndsNextReply) => {
          const options = { calendar, asOf, solveEndsNextReply, invalid: "exclude" } as const;
          const a = ticketMetrics(events, options);
          const b = ticketMetrics(shuffled, options);
          expect(b.tickets).toEqual(a.tickets);
          expect(b.rows).toEqual(a.rows);
          // The same events are left out (named by their position in each list, so compared by what they are).
          const what = (r: { exclusions: readonly { id: string | null; code: string; field: string }[] }) =>
            r.exclusions.map(({ id, code, field }) => `${id} ${code} ${field}`).sort();
          expect(what(b)).toEqual(what(a));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("orders ties by kind, sequence, then content: a worked example given in two orders", () => {
    // At 09:30 the agent's reply (sequence 2) and "solved" (sequence 1): a comment before a status at one instant, so a
    // reply then a solve, whatever the sequences. At 10:00 "open" (sequence 1) and "solved" (sequence 2): by sequence,
    // open then solved (the ticket ends solved at 10:00, full resolution 60). Without sequences the content order
    // (open < solved) gives the same. Priorities null and "high" at 09:00, no sequence: null first, so "high" stands.
    const events: TicketEvent[] = [
      { ticketId: 5, at: T("09:00"), type: "created" },
      { ticketId: 5, at: T("09:00"), type: "priority", priority: "high" },
      { ticketId: 5, at: T("09:00"), type: "priority", priority: null },
      { ticketId: 5, at: T("09:30"), type: "status", status: "solved", sequence: 1 },
      { ticketId: 5, at: T("09:30"), type: "comment", author: "agent", public: true, sequence: 2 },
      { ticketId: 5, at: T("10:00"), type: "status", status: "solved", sequence: 2 },
      { ticketId: 5, at: T("10:00"), type: "status", status: "open", sequence: 1 },
    ];
    for (const list of [events, [...events].reverse()]) {
      const t = one(list);
      expect(t.priority).toBe("high");
      expect(t.replyTime?.calendar).toBe(30);
      expect(t.firstResolutionTime?.calendar).toBe(30);
      expect(t.fullResolutionTime?.calendar).toBe(60);
      expect(t.reopens).toBe(1);
      expect(t.status).toBe("solved");
    }
    // The sequence decides before the content: "solved" (sequence 1) then "open" (sequence 2) leaves it open.
    const reversedSequence = events.map((e) =>
      e.at === T("10:00") && e.type === "status" ? { ...e, sequence: e.status === "open" ? 2 : 1 } : e,
    );
    expect(one(reversedSequence).status).toBe("open");
  });

  it("refuses a sequence that is not a finite number, naming the field", () => {
    const bad = [
      { ticketId: 1, at: T("09:00"), type: "created" },
      { ticketId: 1, at: T("09:10"), type: "status", status: "open", sequence: "3" },
    ] as unknown as TicketEvent[];
    expect(() => ticketMetrics(bad)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "sequence", index: 1 }),
    );
    expect(ticketMetrics(bad, { invalid: "exclude" }).exclusions).toMatchObject([{ index: 1, field: "sequence" }]);
  });
});
