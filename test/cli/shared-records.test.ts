// Several metrics in one read share each row's record when they build records alike (src/cli/report-part.ts): the
// ticket metrics read the same fields, the survey metrics do not. The figures of a shared read are those of each
// metric alone (test/cli/several-metrics.test.ts); here the sharing itself.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { metricFields } from "../../src/cli/columns.js";
import { createRowCounter, type ReportJob, runParts, type SharedRecord } from "../../src/cli/report-part.js";
import type { ReportMetric, SummarizeSpec } from "../../src/report/spec.js";

const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
const job = (metric: ReportMetric, extra: Partial<SummarizeSpec> = {}): ReportJob => ({
  spec: { metric, by: ["channel"], invalid: "exclude", ...extra },
  format: "csv",
  fields: metricFields(metric, false),
  mapping: [],
  strict: false,
});
const header = ["created at", "first response at", "resolved at", "channel", "score", "rating"];

describe("records shared by several metrics in one read", () => {
  it("first response and SLA build records alike (one key); NPS and CSAT do not", () => {
    const key = (one: ReportJob): string => {
      const counter = createRowCounter(one);
      counter.header(header, 1);
      return counter.recordKey();
    };
    expect(key(job("first-response"))).toBe(key(job("sla", { policy, asOf: "2026-01-01T00:00:00Z" })));
    expect(key(job("first-response"))).toBe(key(job("resolution")));
    expect(key(job("nps"))).not.toBe(key(job("csat")));
  });

  it("a counter given a shared record counts that record, and fills an empty one for the next", () => {
    const first = createRowCounter(job("first-response"));
    const second = createRowCounter(job("first-response"));
    for (const counter of [first, second]) counter.header(header, 1);
    // The cells say a 30-minute reply; the shared record another ticket (a 90-minute reply, 09:00 → 10:30 UTC).
    const cells = ["2025-03-10T09:00:00Z", "2025-03-10T09:30:00Z", "", "chat", "", ""];
    const row = { line: 2, cells, problem: null, problemColumn: null };
    const shared: SharedRecord = { record: null };
    first.row(row, shared);
    expect(shared.record).toMatchObject({ createdAt: Date.parse(cells[0]!), firstResponseAt: Date.parse(cells[1]!) });
    shared.record = { ...shared.record!, firstResponseAt: Date.parse("2025-03-10T10:30:00Z") };
    second.row(row, shared);
    expect(first.result().summary!.result().rows[0]!.value).toBe(30);
    expect(second.result().summary!.result().rows[0]!.value).toBe(90);
  });

  it("one read of a CSV for first response and SLA: each metric's own rejects (a bad resolution only for SLA)", async () => {
    const csv = [
      header.join(","),
      "2025-03-10T09:00:00Z,2025-03-10T09:30:00Z,2025-03-10T12:00:00Z,chat,,",
      "2025-03-10T09:00:00Z,2025-03-10T11:00:00Z,2025-04-31T12:00:00Z,email,,",
      "pending,2025-03-10T11:00:00Z,,email,,",
    ].join("\n");
    const [first, sla] = await runParts(
      [job("first-response"), job("sla", { policy, asOf: "2026-01-01T00:00:00Z" })],
      Readable.from([Buffer.from(csv)]),
      {},
    );
    // First response: 30 and 120 minutes (median 75); the row created "pending" rejected.
    expect(first!.summary!.result().rows[0]!.value).toBe(75);
    expect(first!.rejects.map((reject) => reject.line)).toEqual([4]);
    // SLA (60 minutes): one met of one decided; the 31 April resolution rejected too.
    expect(sla!.summary!.result().rows[0]).toMatchObject({ value: 100, n: 1 });
    expect(sla!.rejects.map((reject) => reject.line)).toEqual([3, 4]);
  });
});
