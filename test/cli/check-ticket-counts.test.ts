// `cx-metrics check` counts a ticket or review data set's rows exactly as `report` does (issue 19): a row whose times
// (or ratings) cannot be read is rejected by both commands for the metric that reads them, and used = read - rejected.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-check-ticket-counts-"));

async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

interface Counts {
  read: number;
  used: number;
  rejected: number;
  unanswered?: number;
  engine?: string;
  metrics?: Record<string, Counts>;
}

/** Report's input counts without the engine's name (each metric's too). */
function withoutEngine(input: Counts): Counts {
  const { engine: _engine, metrics, ...counts } = input;
  return metrics === undefined
    ? counts
    : { ...counts, metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, withoutEngine(v)])) };
}

// Six tickets; line numbers are the file's (the header is line 1).
const tickets = join(dir, "tickets.csv");
writeFileSync(
  tickets,
  `${[
    "created at,first response at,resolved at,channel",
    "2025-03-10T09:00:00Z,2025-03-10T09:30:00Z,2025-03-10T12:00:00Z,chat", // line 2: readable
    "2025-03-10T09:00:00Z,2025-03-10T11:00:00Z,2025-04-31T12:00:00Z,email", // line 3: 31 April (resolution)
    "pending,2025-03-10T11:00:00Z,,email", // line 4: created "pending"
    "2025-03-11T09:00:00Z,,,chat", // line 5: open (no reply, not resolved): readable
    "2025-03-11T10:00:00Z,yesterday,2025-03-11T15:00:00Z,chat", // line 6: first response "yesterday"
    "2025-03-12T08:00:00Z,2025-03-12T08:45:00Z,2025-03-12T09:00:00Z,email", // line 7: readable
  ].join("\n")}\n`,
);
const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] };
const asOf = "2025-04-01T00:00:00Z";

// Hand count. First response reads created and first response: lines 4 and 6 rejected, 4 used (2, 3, 5 open, 7).
// Resolution reads created and resolved: lines 3 and 4 rejected, 4 used (2, 5 open, 6, 7). The SLA measures every
// field of the ticket: lines 3, 4 and 6 rejected, 3 used (2, 5 pending, 7). Together: a row any metric rejects is
// rejected once, lines 3, 4, 6: 3 used + 3 rejected.
const firstResponse = { read: 6, used: 4, rejected: 2 };
const resolution = { read: 6, used: 4, rejected: 2 };
const sla = { read: 6, used: 3, rejected: 3 };

async function checked(claims: object): Promise<{ json: Record<string, Counts>; text: string }> {
  const file = join(dir, `claims-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(claims));
  const json = await cli(["check", file, "--format", "json"]);
  expect(json.err).toBe("");
  const text = await cli(["check", file]);
  return { json: (JSON.parse(json.out) as { data: Record<string, Counts> }).data, text: text.out };
}

async function reported(args: readonly string[], engine: string): Promise<Counts> {
  const result = await cli(["report", ...args, "--format", "json", "--engine", engine, "--quiet"]);
  expect(result.err).toBe("");
  return withoutEngine((JSON.parse(result.out) as { input: Counts }).input);
}

describe("check counts ticket and review rows as report does (issue 19)", () => {
  const slaFlags = ["--target", "first-response=60:calendar", "--as-of", asOf];

  it("one metric per data set: first response, resolution, SLA each as report --metric counts them", async () => {
    for (const [metric, options, flags, expected] of [
      ["first-response", undefined, [], firstResponse],
      ["resolution", undefined, [], resolution],
      ["sla", { policy, asOf }, slaFlags, sla],
    ] as const) {
      const { json, text } = await checked({
        data: { tickets },
        claims: [{ id: "c", metric, data: "tickets", value: metric === "sla" ? "67%" : "45 min", options }],
      });
      expect(json.tickets).toEqual(expected);
      expect(text).toContain(`data tickets: rows read 6 = used ${expected.used} + rejected ${expected.rejected}\n`);
      for (const engine of ["js", "duckdb"])
        expect(await reported([tickets, "--metric", metric, ...flags], engine)).toEqual(expected);
    }
  });

  it("a data set read by three ticket metrics: each one's counts and the rows any of them rejects, as report --metric a,b,c", async () => {
    const { json, text } = await checked({
      data: { tickets },
      claims: [
        { id: "fr", metric: "first-response", data: "tickets", value: "45 min" },
        { id: "res", metric: "resolution", data: "tickets", value: "3 h" },
        { id: "sla", metric: "sla", data: "tickets", value: "67%", options: { policy, asOf } },
      ],
    });
    const expected = {
      read: 6,
      used: 3,
      rejected: 3,
      metrics: { "first-response": firstResponse, resolution, sla },
    };
    expect(json.tickets).toEqual(expected);
    for (const engine of ["js", "duckdb"])
      expect(await reported([tickets, "--metric", "first-response,resolution,sla", ...slaFlags], engine)).toEqual(
        expected,
      );
    expect(text).toContain(
      [
        "data tickets: rows read 6 = used 3 + rejected 3",
        "  as first-response: rows read 6 = used 4 + rejected 2",
        "  as resolution: rows read 6 = used 4 + rejected 2",
        "  as sla: rows read 6 = used 3 + rejected 3",
      ].join("\n"),
    );
  });

  it("an IQS data set: reviews whose ratings cannot be scored are rejected by both commands", async () => {
    const reviews = join(dir, "reviews.csv");
    writeFileSync(
      reviews,
      `${[
        "id,reviewed,greeting,solution,tone,gdpr",
        "r1,2025-03-01T10:00:00Z,yes,4,3,pass",
        "r2,2025-03-01T10:00:00Z,maybe,4,3,pass", // greeting not yes / no: rejected
        "r3,2025-03-01T10:00:00Z,yes,7,3,pass", // solution 7 off 1-5: rejected
        "r4,2025-03-01T10:00:00Z,yes,,n/a,pass", // solution N/A, not allowed: rejected
        "r5,2025-03-01T10:00:00Z,no,2,n/a,pass", // tone N/A, allowed: used
      ].join("\n")}\n`,
    );
    const scorecard = JSON.parse(readFileSync("examples/data/qa-scorecard.json", "utf8")) as object;
    const { json } = await checked({
      data: { reviews },
      claims: [{ id: "iqs", metric: "iqs", data: "reviews", value: "70%", options: { scorecard } }],
    });
    // Hand count: 5 reviews, r2, r3, r4 rejected, r1 and r5 used.
    expect(json.reviews).toEqual({ read: 5, used: 2, rejected: 3 });
    for (const engine of ["js", "duckdb"])
      expect(
        await reported([reviews, "--metric", "iqs", "--scorecard", "examples/data/qa-scorecard.json"], engine),
      ).toEqual({ read: 5, used: 2, rejected: 3 });
  });
});
