// `--as-of` read as the file's dates are read (issue 19, point 3): in the --date-format pattern when one is given
// (ISO 8601 too), a local time in --time-zone; a value that cannot be read is a usage error (exit 2) naming the flag
// and the value.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-as-of-"));

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

// Two tickets written day-month-year in Berlin: one answered in 30 minutes (met), one open since 10:00.
const path = join(dir, "tickets.csv");
writeFileSync(path, "id,createdAt,firstResponseAt\n1,22.03.2021 09:00,22.03.2021 09:30\n2,22.03.2021 10:00,\n");
const sla = [path, "-m", "sla", "--target", "first-response=60", "--date-format", "dd.MM.yyyy HH:mm"];
const berlin = [...sla, "--time-zone", "Europe/Berlin", "--format", "json"];

function detail(out: string): { met: number; breached: number; pending: number } {
  return (JSON.parse(out) as { rows: { detail: { met: number; breached: number; pending: number } }[] }).rows[0]!
    .detail;
}

describe("--as-of, read as the file's dates", () => {
  it("in the --date-format pattern, or ISO 8601, in --time-zone: the same instant, the same report", async () => {
    // 22.03.2021 10:30 in Berlin (UTC+1) is 09:30Z: the open ticket has waited 30 of its 60 minutes, pending.
    const pattern = await run([...berlin, "--as-of", "22.03.2021 10:30"]);
    const isoLocal = await run([...berlin, "--as-of", "2021-03-22 10:30"]);
    const isoOffset = await run([...berlin, "--as-of", "2021-03-22T09:30:00Z"]);
    expect([pattern.code, pattern.err]).toEqual([0, ""]);
    expect(detail(pattern.out)).toEqual({ met: 1, breached: 0, pending: 1, interval: "wilson" });
    expect(isoLocal.out).toBe(pattern.out);
    expect(isoOffset.out).toBe(pattern.out);
    // 22.03.2021 11:30 in Berlin: 90 minutes open, breached.
    const later = await run([...berlin, "--as-of", "22.03.2021 11:30"]);
    expect(detail(later.out)).toMatchObject({ met: 1, breached: 1, pending: 0 });
  });

  it("a value that cannot be read: exit 2, the flag and the value named, and what to write", async () => {
    for (const value of ["31.02.2021 10:00", "tomorrow", "22/03/2021 10:30"]) {
      const result = await run([...berlin, "--as-of", value]);
      expect(result.code).toBe(2);
      expect(result.out).toBe("");
      expect(result.err).toContain(
        `cx-metrics: --as-of ${JSON.stringify(value)} is written neither as --date-format "dd.MM.yyyy HH:mm" says nor in ISO 8601`,
      );
    }
    const early = await run([...berlin, "--as-of", "01.04.1850 00:00"]);
    expect(early.code).toBe(2);
    expect(early.err).toContain('--as-of "01.04.1850 00:00" read in Europe/Berlin is outside the supported range');
  });

  it("a local time without --time-zone, and a bad ISO value without --date-format: exit 2, named", async () => {
    const local = await run([...sla, "--as-of", "22.03.2021 10:30"]);
    expect(local.code).toBe(2);
    expect(local.err).toContain('--as-of "22.03.2021 10:30" is a local time, so its instant depends on the time zone');
    const plain = [path.replace("tickets", "iso"), "-m", "sla", "--target", "first-response=60"];
    writeFileSync(plain[0]!, "id,createdAt,firstResponseAt\n1,2021-03-22T08:00:00Z,\n");
    const bad = await run([...plain, "--as-of", "2021-13-01T00:00:00Z"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of "2021-13-01T00:00:00Z" is not an ISO-8601 date-time');
    const isoLocal = await run([...plain, "--as-of", "2021-03-22 10:00"]);
    expect(isoLocal.code).toBe(2);
    expect(isoLocal.err).toContain('--as-of "2021-03-22 10:00" is a local time');
  });

  it("--events reads --as-of in ISO 8601 (events take no --date-format), a bad value named", async () => {
    const events = join(dir, "events.json");
    writeFileSync(events, JSON.stringify([{ ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" }]));
    const bad = await run(["--events", events, "-m", "requester-wait", "--as-of", "10.03.2025"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of "10.03.2025" is not an ISO-8601 date-time');
  });
});
