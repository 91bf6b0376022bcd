import { describe, expect, it } from "vitest";
import { sla } from "../sla/sla.js";
import { firstResponseTime } from "../time/service-times.js";
import { parseInteractions, safeParseInteractions } from "./interactions.js";

describe("parseInteractions", () => {
  it("parses instants to Dates, keeps nulls and extra fields, and feeds the time functions", () => {
    const [ticket] = parseInteractions([
      {
        id: 7,
        createdAt: "2025-03-10T09:00:00+01:00",
        firstResponseAt: "2025-03-10T09:20:00+01:00",
        resolvedAt: null,
        channel: "email",
        queue: "B",
      },
    ]);
    expect(ticket).toMatchObject({
      id: "7",
      createdAt: new Date("2025-03-10T08:00:00Z"),
      resolvedAt: null,
      channel: "email",
      queue: "B",
    });
    expect(firstResponseTime(ticket!)!.calendarMinutes).toBe(20);
  });
  it("coerces CSV rows: an empty cell is a missing field", () => {
    const rows = parseInteractions(
      [{ id: "t1", createdAt: " 2025-03-10T09:00:00Z ", firstResponseAt: "", priority: "high" }],
      { coerce: true },
    );
    expect(rows).toEqual([{ id: "t1", createdAt: new Date("2025-03-10T09:00:00Z"), priority: "high" }]);
    expect(
      sla(
        rows,
        { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] },
        { asOf: "2025-03-10T09:30:00Z" },
      ).pending,
    ).toBe(1);
  });
  it("reports every bad row and field", () => {
    const result = safeParseInteractions([
      { createdAt: "2025-03-10T09:00:00" },
      { createdAt: "2025-03-10T09:00:00Z", messages: [{ at: "2025-03-10T09:00:00Z", from: "bot" }] },
      { id: "ok", createdAt: 1_741_597_200_000 },
      {},
    ]);
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => [issue.index, issue.field])).toEqual([
      [0, "createdAt"],
      [1, "messages.0.from"],
      [3, "createdAt"],
    ]);
    expect(() => parseInteractions([{}])).toThrow(
      expect.objectContaining({ code: "INVALID_ROWS", fn: "parseInteractions" }),
    );
  });
});
