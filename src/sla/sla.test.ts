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
    expect(() => slaPercent({ met: 5, total: 4 })).toThrow(expect.objectContaining({ code: "INVALID_COUNT", fn: "slaPercent" }));
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
  { id: "t1", priority: "urgent", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T10:00:00Z", resolvedAt: "2025-03-10T15:00:00Z" },
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
      { interactionId: "t2", metric: "first-response", target: "urgent reply 1h", startedAt: "2025-03-10T16:00:00.000Z", dueAt: "2025-03-10T17:00:00.000Z", completedAt: "2025-03-11T11:00:00.000Z", overrunMinutes: 120 },
      { interactionId: "t3", metric: "first-response", target: "reply 4h", startedAt: "2025-03-11T09:00:00.000Z", dueAt: "2025-03-11T13:00:00.000Z", completedAt: null, overrunMinutes: 120 },
      { interactionId: "t4", metric: "next-response", target: "next reply 2h", startedAt: "2025-03-10T10:00:00.000Z", dueAt: "2025-03-10T12:00:00.000Z", completedAt: "2025-03-10T14:00:00.000Z", overrunMinutes: 120 },
    ]);
  });
  it("moves the resolution due time by the paused time, and breaches open items past it", () => {
    // t4 without its pause: 180 + 480 + 180 = 840 ≤ 960 still met; with a 6-hour target: due Mon 15:00 → breached
    const strict = sla([tickets[3]!], { targets: [{ metric: "resolution", minutes: 360, clock: "business" }], pauseStatuses: ["pending"] }, { calendar });
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
    const reply = (minutes: number) => ({ targets: [{ metric: "first-response" as const, minutes, clock: "calendar" as const }] });
    expect(() => sla(tickets, reply(-5))).toThrow(expect.objectContaining({ code: "INVALID_POLICY", fn: "sla" }));
    expect(() => sla(tickets, { targets: [] })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => sla(tickets, { targets: [{ metric: "reply" as "resolution", minutes: 5, clock: "calendar" }] })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => sla(tickets, { targets: [{ metric: "resolution", minutes: 5, clock: "business" }] })).toThrow(expect.objectContaining({ code: "INVALID_POLICY" }));
    expect(() => sla(tickets, reply(60))).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" })); // t3 is open, no asOf
    expect(() => sla([{ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T08:00:00Z" }], reply(60))).toThrow(
      expect.objectContaining({ code: "END_BEFORE_START" }),
    );
    expect(() => sla([{ createdAt: "2025-03-10 09:00" }], reply(60), { asOf: 0 })).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    expect(() => sla([], reply(60))).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});
