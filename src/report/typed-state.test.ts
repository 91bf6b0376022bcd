// A report's state with typed arrays (what a worker thread posts) against its JSON state. Expected figures are hand
// calculations, written out below.
import { describe, expect, it } from "vitest";
import { businessCalendar } from "../time/calendar.js";
import type { ServiceTimeAccumulatorState } from "../time/service-time-accumulator.js";
import { createSummary } from "./summarize.js";

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "UTC",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});

// Four tickets created Monday 2025-03-10 (UTC, Mon-Fri 09:00-17:00):
//   08:00 → 09:30  business 30 (09:00-09:30)
//   16:00 → Tue 10:00  business 60 + 60 = 120
//   10:00 → 10:45  business 45
//   11:00 → no reply (open)
// All: business 30, 120, 45: median 45.
const tickets = [
  { createdAt: "2025-03-10T08:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" },
  { createdAt: "2025-03-10T16:00:00Z", firstResponseAt: "2025-03-11T10:00:00Z" },
  { createdAt: "2025-03-10T10:00:00Z", firstResponseAt: "2025-03-10T10:45:00Z" },
  { createdAt: "2025-03-10T11:00:00Z" },
];

describe("report states with typed arrays", () => {
  it("a report's state with typed arrays merges as its JSON state does", () => {
    const spec = { metric: "first-response", by: ["channel"], calendar } as const;
    const report = createSummary(spec);
    for (const [k, ticket] of tickets.entries()) report.add({ ...ticket, channel: k % 2 === 0 ? "chat" : "email" });
    const typed = report.state({ typedArrays: true });
    const group = typed.segments[0]!.periods[0]![1] as ServiceTimeAccumulatorState;
    expect(group.calendar).toBeInstanceOf(Float64Array);
    const fromTyped = createSummary(spec).merge(structuredClone(typed)).result();
    const fromJson = createSummary(spec)
      .merge(JSON.parse(JSON.stringify(report.state())))
      .result();
    expect(fromTyped).toEqual(fromJson);
    expect(fromTyped).toEqual(report.result());
    // chat: tickets 1 and 3 (business 30 and 45: median 37.5); email: ticket 2 (120) and one open.
    expect(fromTyped.rows.map((row) => [row.segment.channel ?? "all", row.value])).toEqual([
      ["all", 45],
      ["chat", 37.5],
      ["email", 120],
    ]);
  });
});
