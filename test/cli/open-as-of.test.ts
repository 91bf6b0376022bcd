// An SLA with an open ticket and no instant to judge it at: the command says so in the user's words (which ticket, what
// is open, the flag or the claim option to give, with an example), exit code 2 as every usage error (docs/cli.md "Exit
// codes"), never the library's "pass { asOf }". Report from a table (both engines, one metric and several), report
// --events, and check with an SLA claim.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { openWithoutAsOf } from "../../src/cli/reasons.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-open-as-of-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main([...args], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

const FLAG = "give --as-of, e.g. --as-of 2025-04-01T00:00:00Z";

describe("an open ticket on an SLA and no --as-of", () => {
  // T-2 has a first reply and no resolution: open for resolution.
  const tickets = file(
    "open.csv",
    "id,createdAt,firstResponseAt,resolvedAt\nT-1,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z,2025-03-03T12:00:00Z\nT-2,2025-03-03T08:00:00Z,2025-03-03T09:00:00Z,\n",
  );

  it.each(["js", "duckdb"])(
    "report -m sla (--engine %s): exit 2, the ticket, what is open and --as-of",
    async (engine) => {
      const result = await run(["report", tickets, "-m", "sla", "--target", "resolution=120", "--engine", engine]);
      expect(result.code).toBe(2);
      expect(result.out).toBe("");
      expect(result.err).toBe(
        `cx-metrics: ticket "T-2" is not solved yet, and an open ticket's SLA is judged at an instant: ${FLAG}\n`,
      );
      // With --as-of the same file is a report.
      const judged = await run(
        ["report", tickets, "-m", "sla", "--target", "resolution=120", "--engine", engine].concat([
          "--as-of",
          "2025-03-04T00:00:00Z",
          "--quiet",
        ]),
      );
      expect(judged.code, judged.err).toBe(0);
    },
  );

  it("report -m sla without an id column: a ticket, not the library's record index", async () => {
    const noId = file("no-id.csv", "createdAt,firstResponseAt\n2025-03-03T08:00:00Z,\n");
    const result = await run(["report", noId, "-m", "sla", "--target", "first-response=60"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `cx-metrics: a ticket has no first reply yet, and an open ticket's SLA is judged at an instant: ${FLAG}\n`,
    );
  });

  it("report -m first-response,sla: the sla metric named", async () => {
    const result = await run(["report", tickets, "-m", "first-response,sla", "--target", "resolution=120"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `cx-metrics: sla: ticket "T-2" is not solved yet, and an open ticket's SLA is judged at an instant: ${FLAG}\n`,
    );
  });

  it("report --events -m sla: the ticket's id and its running clock", async () => {
    const events = file("open.ndjson", '{"ticketId":1,"at":"2025-03-10T09:00:00Z","type":"created"}\n');
    const result = await run(["report", "--events", events, "-m", "sla", "--target", "first-response=30"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `cx-metrics: --metric sla: ticket "1" has no first reply yet, and an open ticket's SLA is judged at an instant: ${FLAG}\n`,
    );
  });

  it("check with an SLA claim whose options have no asOf: exit 2, the claim and the option to add", async () => {
    const claims = file(
      "claims.json",
      JSON.stringify({
        data: { tickets: "open.csv" },
        claims: [
          {
            id: "sla-resolution",
            metric: "sla",
            data: "tickets",
            value: "50 %",
            options: { policy: { targets: [{ metric: "resolution", minutes: 300, clock: "calendar" }] } },
          },
        ],
      }),
    );
    const result = await run(["check", claims]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `cx-metrics: claim sla-resolution: ticket "T-2" is not solved yet, and an open ticket's SLA is judged at an instant: add "asOf" to the claim's options, e.g. "asOf": "2025-04-01T00:00:00Z"\n`,
    );
  });
});

describe("openWithoutAsOf", () => {
  it("reads each of the library's messages; a message it does not know still gives the flag", () => {
    expect(
      openWithoutAsOf(
        "x: asOf is missing: interaction 3 (index 3) is still open for next-response; pass { asOf }",
        "flag",
      ),
    ).toBe(`a ticket is waiting for a reply, and an open ticket's SLA is judged at an instant: ${FLAG}`);
    expect(
      openWithoutAsOf("ticketSla: asOf is missing: ticket 9 is still open for periodic-update; pass { asOf }", "flag"),
    ).toBe(
      `ticket "9" has its periodic-update clock still running, and an open ticket's SLA is judged at an instant: ${FLAG}`,
    );
    expect(openWithoutAsOf("something else", "flag")).toBe(
      `a ticket is still open, and an open ticket's SLA is judged at an instant: ${FLAG}`,
    );
  });
});
