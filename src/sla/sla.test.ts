import { describe, expect, it } from "vitest";
import { businessCalendar } from "../time/calendar.js";
import { sla } from "./sla.js";
import { slaPercent } from "./sla-percent.js";
import type { SlaPolicy } from "./policy.js";

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "UTC",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});

describe("slaPercent (UA-agency: within SLA / total × 100)", () => {
  it("divides (hand: 188 / 200 = 94%)", () => {
    expect(slaPercent({ met: 188, total: 200 })).toEqual({ percent: 94, met: 188, breached: 12, total: 200 });
  });
  it("rejects bad counts", () => {
    expect(() => slaPercent({ met: 5, total: 4 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT", fn: "slaPercent" }),
    );
    expect(() => slaPercent({ met: -1, total: 4 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => slaPercent({ met: 0, total: 0 })).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

// Mon 10 March 2025 is a Monday; hours 09-17 UTC. Each outcome is worked out in the comments.
const policy: SlaPolicy = {
  targets: [
    { name: "urgent reply 1h", metric: "first-response", minutes: 60, clock: "business", priority: "urgent" },
    { name: "reply 4h", metric: "first-response", minutes: 240, clock: "business" },
    { name: "next reply 2h", metric: "next-response", minutes: 120, clock: "business" },
    { name: "resolve 16h", metric: "resolution", minutes: 16 * 60, clock: "business" },
  ],
  pauseStatuses: ["pending"],
};
const tickets = [
  // urgent, replied in 60 working minutes: met; resolved in 6 h: met
  {
    id: "t1",
    priority: "urgent",
    createdAt: "2025-03-10T09:00:00Z",
    firstResponseAt: "2025-03-10T10:00:00Z",
    resolvedAt: "2025-03-10T15:00:00Z",
  },
  // urgent, created Mon 16:00: due Mon 17:00 (closing time); replied Tue 11:00 = 180 working minutes: breached by 120
  { id: "t2", priority: "urgent", createdAt: "2025-03-10T16:00:00Z", firstResponseAt: "2025-03-11T11:00:00Z" },
  // normal, no reply; at asOf Tue 15:00, 360 working minutes have run: breached by 120 (due Tue 13:00)
  { id: "t3", createdAt: "2025-03-11T09:00:00Z" },
  // normal: reply 30 min (met); next reply waits Mon 10:00 → 14:00 = 240 > 120 (breached by 120);
  // resolution Mon 09:00 → Wed 12:00 with Mon 12:00 → Tue 12:00 pending: 180 + 300 + 180 = 660 ≤ 960: met
  {
    id: "t4",
    createdAt: "2025-03-10T09:00:00Z",
    firstResponseAt: "2025-03-10T09:30:00Z",
    resolvedAt: "2025-03-12T12:00:00Z",
    statusChanges: [
      { at: "2025-03-10T12:00:00Z", status: "pending" },
      { at: "2025-03-11T12:00:00Z", status: "open" },
    ],
    messages: [
      { at: "2025-03-10T09:00:00Z", from: "customer" as const },
      { at: "2025-03-10T09:30:00Z", from: "agent" as const },
      { at: "2025-03-10T10:00:00Z", from: "customer" as const },
      { at: "2025-03-10T14:00:00Z", from: "agent" as const },
    ],
  },
];

describe("sla", () => {
  const result = sla(tickets, policy, { calendar, asOf: "2025-03-11T15:00:00Z" });
  it("counts met, breached and pending per target; pending stays out of the percentage", () => {
    expect(result.byTarget.map((t) => [t.name, t.met, t.breached, t.pending])).toEqual([
      ["urgent reply 1h", 1, 1, 0],
      ["reply 4h", 1, 1, 0],
      ["next reply 2h", 0, 1, 0],
      // t2: open, 60 + 360 = 420 working minutes at asOf < 960: pending; t3 the same: 360: pending
      ["resolve 16h", 2, 0, 2],
    ]);
    expect(result).toMatchObject({ met: 4, breached: 3, pending: 2, total: 9 });
    expect(result.percent).toBeCloseTo((100 * 4) / 7, 12);
  });
  it("lists each breach with its due instant and overrun", () => {
    expect(result.breaches).toEqual([
      {
        interactionId: "t2",
        metric: "first-response",
        target: "urgent reply 1h",
        startedAt: "2025-03-10T16:00:00.000Z",
        dueAt: "2025-03-10T17:00:00.000Z",
        completedAt: "2025-03-11T11:00:00.000Z",
        overrunMinutes: 120,
      },
      {
        interactionId: "t3",
        metric: "first-response",
        target: "reply 4h",
        startedAt: "2025-03-11T09:00:00.000Z",
        dueAt: "2025-03-11T13:00:00.000Z",
        completedAt: null,
        overrunMinutes: 120,
      },
      {
        interactionId: "t4",
        metric: "next-response",
        target: "next reply 2h",
        startedAt: "2025-03-10T10:00:00.000Z",
        dueAt: "2025-03-10T12:00:00.000Z",
        completedAt: "2025-03-10T14:00:00.000Z",
        overrunMinutes: 120,
      },
    ]);
  });
  it("moves the resolution due time by the paused time, and breaches open items past it", () => {
    // t4 without its pause: 180 + 480 + 180 = 840 ≤ 960 still met; with a 6-hour target: due Mon 15:00 → breached
    const strict = sla(
      [tickets[3]!],
      { targets: [{ metric: "resolution", minutes: 360, clock: "business" }], pauseStatuses: ["pending"] },
      { calendar },
    );
    // active: Mon 09-12 (180), paused until Tue 12:00, then 180 more → due Tue 15:00
    expect(strict.breaches[0]).toMatchObject({ dueAt: "2025-03-11T15:00:00.000Z", overrunMinutes: 660 - 360 });
  });
  it("runs calendar-clock targets without a calendar (Osipov's B2C norm: reply within a minute)", () => {
    const chats = [
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:00:40Z" },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:02:00Z" },
    ];
    const result = sla(chats, { targets: [{ metric: "first-response", minutes: 1, clock: "calendar" }] });
    expect(result).toMatchObject({ met: 1, breached: 1, percent: 50, asOf: null });
    expect(result.breaches[0]).toMatchObject({ interactionId: "1", overrunMinutes: 1 });
  });
  it("rejects bad policies and inputs with coded errors", () => {
    const reply = (minutes: number) => ({
      targets: [{ metric: "first-response" as const, minutes, clock: "calendar" as const }],
    });
    expect(() => sla(tickets, reply(-5))).toThrow(expect.objectContaining({ code: "INVALID_POLICY", fn: "sla" }));
    expect(() => sla(tickets, { targets: [] })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() =>
      sla(tickets, { targets: [{ metric: "reply" as "resolution", minutes: 5, clock: "calendar" }] }),
    ).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => sla(tickets, { targets: [{ metric: "resolution", minutes: 5, clock: "business" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_POLICY" }),
    );
    expect(() => sla(tickets, reply(60))).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" })); // t3 is open, no asOf
    expect(() =>
      sla([{ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T08:00:00Z" }], reply(60)),
    ).toThrow(expect.objectContaining({ code: "END_BEFORE_START" }));
    expect(() => sla([{ createdAt: "2025-03-10 09:00" }], reply(60), { asOf: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
    expect(() => sla([], reply(60))).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("a target used up exactly at closing time (issue: breached with 0 minutes over)", () => {
  // Mon 10 March 2025, hours 09-17 UTC. Created Mon 13:00 with a 240-minute business target: the
  // clock runs 13:00-17:00 = 240 minutes and stops at closing. A reply at 17:30 has used 240: met.
  const replyPolicy: SlaPolicy = { targets: [{ metric: "first-response", minutes: 240, clock: "business" }] };
  it("counts a reply after closing as met when the business clock stopped at the target", () => {
    const result = sla(
      [{ id: "a", createdAt: "2025-03-10T13:00:00Z", firstResponseAt: "2025-03-10T17:30:00Z" }],
      replyPolicy,
      { calendar },
    );
    expect(result).toMatchObject({ met: 1, breached: 0, percent: 100 });
  });
  it("breaches one working minute past the target (Tue 09:01: 241 minutes), 1 minute over, due at Mon 17:00", () => {
    const result = sla(
      [{ id: "b", createdAt: "2025-03-10T13:00:00Z", firstResponseAt: "2025-03-11T09:01:00Z" }],
      replyPolicy,
      { calendar },
    );
    expect(result).toMatchObject({ met: 0, breached: 1 });
    expect(result.breaches[0]).toMatchObject({ dueAt: "2025-03-10T17:00:00.000Z", overrunMinutes: 1 });
  });
  it("keeps an open item pending while its clock has not passed the target (asOf Mon 20:00: 240 used)", () => {
    const open = [{ id: "c", createdAt: "2025-03-10T13:00:00Z" }];
    expect(sla(open, replyPolicy, { calendar, asOf: "2025-03-10T20:00:00Z" })).toMatchObject({
      pending: 1,
      breached: 0,
    });
    expect(sla(open, replyPolicy, { calendar, asOf: "2025-03-11T09:30:00Z" })).toMatchObject({
      pending: 0,
      breached: 1,
    });
  });
});

describe("malformed interactions get coded errors naming the field (never a silent miscount)", () => {
  const anyReply: SlaPolicy = {
    targets: [
      { metric: "first-response", minutes: 60, clock: "calendar" },
      { metric: "resolution", minutes: 600, clock: "calendar" },
    ],
  };
  const created = "2025-03-10T09:00:00Z";
  const bad: [string, object, string, string][] = [
    [
      "resolutions as a string",
      { createdAt: created, resolutions: "2025-03-10T10:00:00Z" },
      "INVALID_ARGUMENT",
      "resolutions",
    ],
    ["resolutions as a number", { createdAt: created, resolutions: 5 }, "INVALID_ARGUMENT", "resolutions"],
    [
      "a message from Agent",
      { createdAt: created, messages: [{ at: created, from: "Agent" }] },
      "INVALID_ARGUMENT",
      "messages[0].from",
    ],
    [
      "a message from a bot",
      { createdAt: created, messages: [{ at: created, from: "bot" }] },
      "INVALID_ARGUMENT",
      "messages[0].from",
    ],
    ["messages as an object", { createdAt: created, messages: { at: created } }, "INVALID_ARGUMENT", "messages"],
    [
      "statusChanges as a string",
      { createdAt: created, statusChanges: "pending" },
      "INVALID_ARGUMENT",
      "statusChanges",
    ],
    [
      "a status that is not text",
      { createdAt: created, statusChanges: [{ at: created, status: 3 }] },
      "INVALID_ARGUMENT",
      "statusChanges[0].status",
    ],
    [
      "a reply before the creation",
      { createdAt: created, firstResponseAt: "2025-03-10T08:00:00Z" },
      "END_BEFORE_START",
      "firstResponseAt",
    ],
    [
      "a never placeholder",
      { createdAt: created, resolvedAt: "9999-12-31T23:59:59Z" },
      "DATE_OUT_OF_RANGE",
      "resolvedAt",
    ],
    ["a date without a time", { createdAt: "2025-03-10" }, "INVALID_DATE", "createdAt"],
    ["a priority that is an object", { createdAt: created, priority: { level: 1 } }, "INVALID_ARGUMENT", "priority"],
  ];
  it.each(bad)("rejects %s", (_name, row, code, field) => {
    expect(() => sla([row as never], anyReply, { asOf: "2025-03-11T00:00:00Z" })).toThrow(
      expect.objectContaining({ code, field, index: 0, fn: "sla" }),
    );
  });
  it('matches a numeric priority filter with a text priority and the other way round (1 and "1")', () => {
    const byPriority: SlaPolicy = {
      targets: [{ metric: "first-response", minutes: 60, clock: "calendar", priority: 1 }],
    };
    const rows = [
      { createdAt: created, firstResponseAt: "2025-03-10T09:30:00Z", priority: "1" },
      { createdAt: created, firstResponseAt: "2025-03-10T09:30:00Z", priority: 1 as unknown as string },
    ];
    expect(sla(rows, byPriority).met).toBe(2);
    expect(() =>
      sla(rows, { targets: [{ metric: "first-response", minutes: 60, clock: "calendar", priority: [{}] as never }] }),
    ).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
  });
  it("rejects holes in the targets array", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    const targets = [, { metric: "first-response", minutes: 60, clock: "calendar" }] as never;
    expect(() => sla([{ createdAt: created }], { targets }, { asOf: created })).toThrow(
      expect.objectContaining({ code: "INVALID_POLICY" }),
    );
  });
});

describe('invalid: "exclude" leaves bad rows out and lists them', () => {
  const replyPolicy: SlaPolicy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] };
  const rows = [
    { id: "ok1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" }, // 30 min: met
    { id: "bad1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T08:00:00Z" }, // reply before creation
    { id: "ok2", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" }, // 120 min: breached
    { id: "bad2", createdAt: "" }, // an empty cell
    { id: "bad3", createdAt: "abc" }, // text
  ];
  it("throws at the first bad row by default, naming it", () => {
    expect(() => sla(rows, replyPolicy)).toThrow(expect.objectContaining({ code: "END_BEFORE_START", index: 1 }));
  });
  it("leaves them out, lists index, id, field, value and reason, and the counts add up", () => {
    const result = sla(rows, replyPolicy, { invalid: "exclude" });
    expect(result).toMatchObject({
      met: 1,
      breached: 1,
      percent: 50,
      rows: { total: 5, used: 2, skipped: 0, excluded: 3 },
    });
    expect(result.exclusions.map((row) => [row.index, row.id, row.field, row.code])).toEqual([
      [1, "bad1", "firstResponseAt", "END_BEFORE_START"],
      [3, "bad2", "createdAt", "INVALID_DATE"],
      [4, "bad3", "createdAt", "INVALID_DATE"],
    ]);
    // an empty cell and text are different problems, and the reason says which
    expect(result.exclusions[1]!.reason).toContain("the cell is empty");
    expect(result.exclusions[2]!.reason).toContain('"abc" is not an ISO-8601 date-time');
  });
  it("gives the same result whatever the order of the rows", () => {
    const forward = sla(rows, replyPolicy, { invalid: "exclude" });
    const backward = sla([...rows].reverse(), replyPolicy, { invalid: "exclude" });
    expect([backward.met, backward.breached, backward.rows]).toEqual([forward.met, forward.breached, forward.rows]);
  });
  it("rejects an unknown policy name", () => {
    expect(() => sla(rows, replyPolicy, { invalid: "skip" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

describe("row order never changes the answer (issue: a 1900 placeholder made later due dates fail)", () => {
  it("gives the same tallies with a 1900 row first or last, on the business clock", () => {
    const policy1: SlaPolicy = { targets: [{ metric: "resolution", minutes: 480 * 200, clock: "business" }] };
    const rows = [
      { id: "placeholder", createdAt: "1900-01-01T09:00:00Z", resolvedAt: "1900-01-01T10:00:00Z" }, // 60 min: met
      { id: "late", createdAt: "2150-03-02T09:00:00Z", resolvedAt: "2151-06-01T09:00:00Z" }, // over a year of weekdays: breached
    ];
    const a = sla(rows, policy1, {
      calendar: businessCalendar({
        timeZone: "UTC",
        week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      }),
    });
    const b = sla([...rows].reverse(), policy1, {
      calendar: businessCalendar({
        timeZone: "UTC",
        week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
      }),
    });
    expect([a.met, a.breached]).toEqual([1, 1]);
    expect([b.met, b.breached, b.breaches[0]!.dueAt]).toEqual([a.met, a.breached, a.breaches[0]!.dueAt]);
  });
});

describe("a missing asOf fails the call, whatever the row policy", () => {
  it("does not exclude open tickets as bad rows", () => {
    const rows = [
      { id: "done", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" },
      { id: "open", createdAt: "2025-03-10T09:00:00Z" },
    ];
    const policy1: SlaPolicy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] };
    for (const invalid of ["throw", "exclude"] as const) {
      expect(() => sla(rows, policy1, { invalid })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", field: "asOf", index: 1 }),
      );
    }
  });
});
