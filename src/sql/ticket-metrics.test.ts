// The SQL ticket metrics' own checks (the figures are compared with ticketMetrics in DuckDB and PostgreSQL by
// test/sql/suite.ts): the options refused with a coded error, and rows that are not ticketMetricsSql's.
import { describe, expect, it } from "vitest";
import { nextReplyTimesSql, rowsFromTicketMetricsSql, ticketMetricsSql } from "./ticket-metrics.js";

const code = (value: string) => expect.objectContaining({ code: value });

describe("ticketMetricsSql options", () => {
  it('refuses Zendesk\'s "latest" schedule (not covered by the SQL) and an unknown schedule', () => {
    for (const build of [ticketMetricsSql, nextReplyTimesSql]) {
      expect(() => build({ dialect: "duckdb", calendar: true, schedule: "latest" })).toThrow(code("INVALID_OPTION"));
      expect(() => build({ dialect: "postgres", schedule: "sometimes" as never })).toThrow(code("INVALID_OPTION"));
    }
    expect(ticketMetricsSql({ dialect: "duckdb", schedule: "in-force" })).toContain("events_rejected");
  });
});

describe("rowsFromTicketMetricsSql", () => {
  it("reads the events' counts from the first row, and no ticket from the counts' own row", () => {
    const result = rowsFromTicketMetricsSql([
      { ticket_id: null, events_read: 5, events_used: 0, events_skipped: 0, events_rejected: 5 },
    ]);
    expect(result).toEqual({ tickets: [], rows: { total: 5, used: 0, skipped: 0, excluded: 5 }, exclusions: [] });
  });

  it("refuses rows that are not ticketMetricsSql's: none, or without the counts", () => {
    expect(() => rowsFromTicketMetricsSql([])).toThrow(code("INVALID_ARGUMENT"));
    expect(() => rowsFromTicketMetricsSql("rows" as never)).toThrow(code("INVALID_ARGUMENT"));
    expect(() => rowsFromTicketMetricsSql([{ ticket_id: "7", created_at_epoch: 0 }])).toThrow(
      /rows\[0\]\.events_read is undefined, expected a count/,
    );
    expect(() =>
      rowsFromTicketMetricsSql([
        { ticket_id: null, events_read: 5, events_used: -1, events_skipped: 0, events_rejected: 5 },
      ]),
    ).toThrow(code("INVALID_ARGUMENT"));
  });
});
