// The SQL of cx-metrics/sql run by a real PostgreSQL (Debian's postgresql): a throwaway cluster under a temporary
// directory, bound to 127.0.0.1, started before the tests and stopped after; every figure compared with the JS path.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  checkBusinessMinutes,
  checkCounts,
  checkDurations,
  checkNumericMarkers,
  checkRatingCounts,
  checkSegmentNames,
  checkSla,
  checkTicketMetrics,
  checkTicketMetricsTies,
  checkWeightedCounts,
  type Query,
} from "../sql/suite.js";

/** The server's programs: PG_BIN, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
function binaries(): string | null {
  if (process.env.PG_BIN !== undefined) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length === 0 ? null : join(root, versions[0]!, "bin");
}

const bin = binaries();
const root = userInfo().uid === 0;
const port = 54_000 + (process.pid % 1000);
let dir = "";
let client: pg.Client;
const query: Query = async (sql) => (await client.query(sql)).rows as Record<string, unknown>[];

/** Runs a server program, as the postgres user when this process is root (the server refuses root). */
function run(program: string, args: readonly string[]): void {
  const command = root
    ? ["runuser", "-u", "postgres", "--", join(bin!, program), ...args]
    : [join(bin!, program), ...args];
  const result = spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
}

if (bin === null) {
  const message = "PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL tests cannot run";
  if (process.env.CI !== undefined) throw new Error(message); // never skipped silently in CI
  console.warn(`\n*** ${message}; skipped. ***\n`);
}

describe.skipIf(bin === null)("cx-metrics/sql in PostgreSQL", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cx-pg-"));
    if (root) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    run("initdb", ["-D", join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
    run("pg_ctl", [
      "-D",
      join(dir, "data"),
      "-l",
      join(dir, "server.log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      "-w",
      "start",
    ]);
    client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    if (dir !== "") {
      try {
        run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("NPS counts by segment and period give summarize's rows (random responses, zones and periods)", async () => {
    await checkCounts("postgres", query);
  }, 120_000);
  it("CSAT counts give summarize's rows, ratings off the scale rejected alike", async () => {
    await checkRatingCounts("postgres", query);
    await checkNumericMarkers("postgres", query);
  });
  it("business minutes by the interval table (lateral join) equal businessMinutes on 2,000 random pairs", async () => {
    await checkBusinessMinutes("postgres", query);
  }, 120_000);
  it("first-response medians and percentiles (both SQL percentile kinds, calendar and business clock) give summarize's", async () => {
    await checkDurations("postgres", query);
  }, 120_000);
  it("SLA % by channel and ISO week (targets by priority and channel, both clocks, open tickets at asOf) gives summarize's rows", async () => {
    await checkSla("postgres", query);
  }, 120_000);
  it("weighted NPS and CSAT from SQL sums equal summarize's weighted rows", async () => {
    await checkWeightedCounts("postgres", query);
  });
  it("names segment columns as their fields (spaces, capitals), refuses names the query uses itself", async () => {
    await checkSegmentNames("postgres", query);
  });
  it("ticket metrics from an events table (status intervals by LEAD, both clocks) equal ticketMetrics on random event streams", async () => {
    await checkTicketMetrics("postgres", query);
  }, 120_000);
  it("ticket metrics: events at one instant in a fixed order (the sequence, else their content), bad events counted as rejected, by hand", async () => {
    await checkTicketMetricsTies("postgres", query);
  });
});
