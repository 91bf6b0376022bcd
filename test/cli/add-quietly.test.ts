// addQuietly: builder.add without stack traces for the bad records it catches, the same exclusions, and the stack kept
// for an error that comes out of it (a bug).
import { describe, expect, it } from "vitest";
import { addQuietly } from "../../src/cli/report-part.js";
import { createSummary } from "../../src/report/summarize.js";

const spec = { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin", invalid: "exclude" } as const;
const records = [
  { score: 9, channel: "chat", respondedAt: "2025-03-01T09:00:00+01:00" },
  { score: "ten", channel: "chat", respondedAt: "2025-03-01T09:00:00+01:00" },
  { score: 11, channel: "email", respondedAt: "2025-03-01T09:00:00+01:00" },
  { score: 3, channel: "email", respondedAt: "2025-02-30T10:00:00+01:00" },
  { score: 3, channel: "email", respondedAt: Number.NaN },
  { score: 0, channel: "email", respondedAt: "2025-03-31T23:30:00+02:00" },
];

describe("addQuietly", () => {
  it("gives what builder.add gives, record for record, and the same result", () => {
    const plain = createSummary(spec);
    const quiet = createSummary(spec);
    for (const record of records) expect(addQuietly(quiet, record)).toEqual(plain.add(record));
    expect(quiet.result()).toEqual(plain.result());
    // 1 of 6 by hand: the 9 and the 0 are used (one promoter in chat, one detractor in email), four are excluded.
    expect(quiet.result().input).toEqual({ read: 6, used: 2, unanswered: 0, rejected: 4 });
    expect(Error.stackTraceLimit).toBe(10);
  });

  it("takes no stack trace for the errors add catches, and restores the limit", () => {
    const limits: number[] = [];
    const record = {
      channel: "chat",
      respondedAt: "2025-03-01T09:00:00+01:00",
      get score() {
        limits.push(Error.stackTraceLimit);
        return "ten";
      },
    };
    expect(addQuietly(createSummary(spec), record)?.code).toBe("INVALID_SCORE");
    expect(limits[0]).toBe(0);
    expect(Error.stackTraceLimit).toBe(10);
  });

  it("lets an error that is not a coded one out with its stack (made again with stack traces on)", () => {
    const record = {
      channel: "chat",
      respondedAt: "2025-03-01T09:00:00+01:00",
      get score(): number {
        throw new TypeError("a bug in a getter");
      },
    };
    let thrown: unknown;
    try {
      addQuietly(createSummary(spec), record);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).stack).toMatch(/a bug in a getter\n\s+at /);
    expect(Error.stackTraceLimit).toBe(10);
  });
});
