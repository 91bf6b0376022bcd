import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessCalendar, type TicketEvent, type TicketStatus, ticketMetrics } from "../src/index.js";

// ticketMetrics against an independent computation on random event streams: every figure recomputed from Zendesk's
// definitions, the time in statuses and the business minutes by walking the ticket minute by minute (the working
// minutes of Mon-Fri 09:00-17:00 UTC tested with getUTCDay / getUTCHours, not with the calendar's index).
const MINUTE = 60_000;
const START = Date.UTC(2025, 2, 7, 6, 0); // Friday 7 March 2025 06:00 UTC: the walks cross a weekend
const calendar = businessCalendar({
  timeZone: "UTC",
  week: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
  },
});
const working = (t: number): boolean => {
  const d = new Date(t);
  return d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 9 && d.getUTCHours() < 17;
};
const RANK: Record<string, number> = { created: 0, priority: 1, policy: 2, comment: 3, status: 4 };

interface Plain {
  readonly at: number;
  readonly type: "created" | "status" | "comment" | "priority";
  readonly status?: TicketStatus;
  readonly author?: "agent" | "requester";
  readonly public?: boolean;
  readonly index: number;
}

/** The reference: one ticket's figures from the definitions, walking minutes for the sums. */
function reference(events: Plain[], solveEnds: boolean) {
  // docs/time.md, "Events at the same second": instant, kind, (no sequences here) content: statuses new < open <
  // pending < hold < solved < closed; comments: notes (requester's, agent's) < public requester < public agent.
  const STATUS_ORDER = ["new", "open", "pending", "hold", "solved", "closed"];
  const content = (e: Plain): number =>
    e.type === "status"
      ? STATUS_ORDER.indexOf(e.status!)
      : e.type === "comment"
        ? (e.public ? 2 : 0) + (e.author === "agent" ? 1 : 0)
        : 0;
  const sorted = [...events].sort(
    (a, b) => a.at - b.at || RANK[a.type]! - RANK[b.type]! || content(a) - content(b) || a.index - b.index,
  );
  const created = sorted[0]!.at;
  const comments = sorted.filter((e) => e.type === "comment");
  const opening = comments[0]?.at === created ? comments[0] : undefined;
  const isReply = (e: Plain) => e.type === "comment" && e !== opening && e.public === true && e.author === "agent";
  const isAsk = (e: Plain) => e.type === "comment" && e !== opening && e.public === true && e.author === "requester";
  // statuses in order, each change only when it differs
  const changes: { at: number; from: TicketStatus; to: TicketStatus; event: Plain }[] = [];
  let current: TicketStatus = "new";
  for (const e of sorted) {
    if (e.type === "status" && e.status !== current) {
      changes.push({ at: e.at, from: current, to: e.status!, event: e });
      current = e.status!;
    }
  }
  const resolutions = changes.filter((c) => c.to === "solved" || (c.to === "closed" && c.from !== "solved"));
  const reopens = changes.filter(
    (c) => (c.from === "solved" || c.from === "closed") && c.to !== "solved" && c.to !== "closed",
  ).length;
  const firstReply = sorted.find(isReply);
  // a wait starts at a requester comment after the first reply when the last answer (reply, or a solve when solves
  // answer) since the first reply came after the previous wait's start; it ends at the next answer
  const answers = (e: Plain) => isReply(e) || (solveEnds && resolutions.some((r) => r.event === e));
  const waits: [number, number | null][] = [];
  if (firstReply !== undefined) {
    const after = sorted.slice(sorted.indexOf(firstReply) + 1);
    let open: number | null = null;
    for (const e of after) {
      if (open === null && isAsk(e)) open = e.at;
      else if (open !== null && answers(e)) {
        waits.push([open, e.at]);
        open = null;
      }
    }
    if (open !== null) waits.push([open, null]);
  }
  const last = resolutions.at(-1)?.at ?? null;
  const walk = (statuses: TicketStatus[]) => {
    if (last === null) return null;
    let calendarMinutes = 0;
    let businessMinutes = 0;
    for (let t = created; t < last; t += MINUTE) {
      let status: TicketStatus = "new";
      for (const c of changes) if (c.at <= t) status = c.to;
      if (statuses.includes(status)) {
        calendarMinutes++;
        if (working(t)) businessMinutes++;
      }
    }
    return { calendar: calendarMinutes, business: businessMinutes };
  };
  const businessBetween = (a: number, b: number) => {
    let n = 0;
    for (let t = a; t < b; t += MINUTE) if (working(t)) n++;
    return n;
  };
  const span = (end: number | undefined | null) =>
    end === undefined || end === null
      ? null
      : { calendar: (end - created) / MINUTE, business: businessBetween(created, end) };
  return {
    replyTime: span(firstReply?.at),
    nextReplyTimes: waits.map(([a, b]) => [
      (a - START) / MINUTE,
      b === null ? null : (b - a) / MINUTE,
      b === null ? null : businessBetween(a, b),
    ]),
    firstResolutionTime: span(resolutions[0]?.at),
    fullResolutionTime: span(last),
    requesterWaitTime: walk(["new", "open", "hold"]),
    agentWaitTime: walk(["pending"]),
    onHoldTime: walk(["hold"]),
    reopens,
    replies: sorted.filter(isReply).length,
  };
}

// One ticket: created at a random minute, then up to 14 events at whole minutes within 4 days after it (some at the
// creation minute, to exercise the order at one instant).
const ticket = fc
  .record({
    created: fc.integer({ min: 0, max: 600 }),
    events: fc.array(
      fc.record({
        offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 * 1440 })),
        kind: fc.constantFrom("status", "comment", "comment", "priority"),
        status: fc.constantFrom<TicketStatus>("open", "pending", "hold", "solved", "closed", "open"),
        author: fc.constantFrom<"agent" | "requester">("agent", "requester"),
        public: fc.boolean(),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ created, events }) => {
    const createdAt = START + created * MINUTE;
    const plain: Plain[] = [{ at: createdAt, type: "created", index: 0 }];
    events.forEach((e, i) => {
      const at = createdAt + e.offset * MINUTE;
      if (e.kind === "status") plain.push({ at, type: "status", status: e.status, index: i + 1 });
      else if (e.kind === "comment")
        plain.push({ at, type: "comment", author: e.author, public: e.public || e.offset % 3 !== 0, index: i + 1 });
      else plain.push({ at, type: "priority", index: i + 1 });
    });
    return plain;
  });

function toEvents(ticketId: number, plain: Plain[]): TicketEvent[] {
  return plain.map((e): TicketEvent => {
    const at = new Date(e.at).toISOString();
    if (e.type === "created") return { ticketId, at, type: "created" };
    if (e.type === "status") return { ticketId, at, type: "status", status: e.status! };
    if (e.type === "comment") return { ticketId, at, type: "comment", author: e.author!, public: e.public! };
    return { ticketId, at, type: "priority", priority: "high" };
  });
}

describe("ticketMetrics against a minute-by-minute walk of the definitions", () => {
  it("every figure of random tickets, calendar and business, whatever the input order", () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 3 }), fc.boolean(), (tickets, solveEnds) => {
        // The tickets' events interleaved round-robin; events of one kind at one instant are ordered by their content, in
        // both ticketMetrics and the reference, never by the input order.
        const lists = tickets.map((plain, k) => toEvents(k + 1, plain));
        const interleaved: TicketEvent[] = [];
        for (let i = 0; lists.some((l) => i < l.length); i++)
          for (const l of lists) if (i < l.length) interleaved.push(l[i]!);
        const { tickets: measured } = ticketMetrics(interleaved, { calendar, solveEndsNextReply: solveEnds });
        expect(measured).toHaveLength(tickets.length);
        tickets.forEach((plain, k) => {
          const got = measured.find((m) => m.ticketId === String(k + 1))!;
          const want = reference(plain, solveEnds);
          expect(got.replyTime).toEqual(want.replyTime);
          expect(got.firstResolutionTime).toEqual(want.firstResolutionTime);
          expect(got.fullResolutionTime).toEqual(want.fullResolutionTime);
          expect(got.requesterWaitTime).toEqual(want.requesterWaitTime);
          expect(got.agentWaitTime).toEqual(want.agentWaitTime);
          expect(got.onHoldTime).toEqual(want.onHoldTime);
          expect(got.reopens).toBe(want.reopens);
          expect(got.replies).toBe(want.replies);
          expect(
            got.nextReplyTimes.map((w) => [(Date.parse(w.from) - START) / MINUTE, w.calendar, w.business]),
          ).toEqual(want.nextReplyTimes);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("the input order changes nothing, events of one kind at one instant included", () => {
    fc.assert(
      fc.property(ticket, fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (plain, keys) => {
        const events = toEvents(1, plain);
        const shuffled = events
          .map((event, i) => ({ event, key: keys[i % keys.length]! * 31 + i }))
          .sort((a, b) => a.key - b.key)
          .map(({ event }) => event);
        expect(ticketMetrics(shuffled, { calendar })).toEqual(ticketMetrics(events, { calendar }));
      }),
      { numRuns: 200 },
    );
  });
});
