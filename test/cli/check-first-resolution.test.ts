// `check` reads a preset's first-resolution column (`firstResolvedAt`: Intercom's `statistics.first_close_at`) beside
// its last close, so that a claim of the first resolution measures to the first close, as `report --resolution first`
// does: the fixture test/fixtures/vendors/intercom-api-conversations.ndjson, figures by hand below.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const FIXTURE = new URL("../fixtures/vendors/intercom-api-conversations.ndjson", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cx-first-resolution-"));

async function check(claims: unknown): Promise<{ code: number; out: string; err: string }> {
  const path = join(dir, `claims-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(claims));
  const stdout = sink();
  const stderr = sink();
  const code = await main(["check", path, "--format", "json"], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}

// By hand, from the fixture's Unix seconds (created_at, statistics.first_close_at, statistics.last_close_at):
//   101: 1740992400 -> 1740999600 (first) = 1740999600 (last):     7,200 s =  120 min to both
//   102: 1741010400 -> 1741021200 (first),  1741104000 (last):    10,800 s =  180 min first, 93,600 s = 1,560 min last
//   103: 1741082400 -> 1741084200 (first) = (last):                1,800 s =   30 min
//   104: open (no close)
//   105: 1741248000 -> 1741262400 (first) = (last):               14,400 s =  240 min
// First resolution: 30, 120, 180, 240, median (120 + 180) / 2 = 150 min; full (last close): 30, 120, 240, 1,560,
// median (120 + 240) / 2 = 180 min.
const FIRST_MINUTES: Readonly<Record<string, number>> = { "101": 120, "102": 180, "103": 30, "105": 240 };

/** The fixture with the minutes to the first close beside each record, as a user computes them (jq) to compare. */
function withVendorMinutes(): string {
  const path = join(dir, "conversations.ndjson");
  const lines = readFileSync(FIXTURE, "utf8").trimEnd().split("\n");
  writeFileSync(
    path,
    `${lines
      .map((line) => {
        const record = JSON.parse(line) as { id: string };
        return JSON.stringify({ ...record, first_close_minutes: FIRST_MINUTES[record.id] ?? null });
      })
      .join("\n")}\n`,
  );
  return path;
}

describe("check: a preset's first-resolution column (intercom-api)", () => {
  it('row by row, options.resolution "first": each record to its first close (4 of 4 agree; the last close would differ on 102)', async () => {
    const data = withVendorMinutes();
    const claim = (resolution: "first" | "full") => ({
      id: `to-${resolution}-close`,
      metric: "resolution",
      data: "conversations",
      against: "first_close_minutes",
      options: { resolution },
    });
    const { code, out, err } = await check({
      data: { conversations: { path: data, preset: "intercom-api" } },
      claims: [claim("first"), claim("full")],
    });
    expect(err).toBe("");
    expect(code).toBe(1); // the full resolution's minutes are not the first close's
    const [first, full] = JSON.parse(out).claims;
    expect(first.verdict).toBe("match");
    expect(first.agreement).toMatchObject({ compared: 4, exact: 4, share: 1, notCompared: { open: 1 } });
    // To the last close: 102 is 1,560 min against the first close's 180, 1,380 min (23 h) higher.
    expect(full.verdict).toBe("mismatch");
    expect(full.agreement).toMatchObject({ compared: 4, exact: 3, share: 3 / 4 });
  });

  it("a printed median resolution: 150 min is the first resolution's median, 180 min the last close's", async () => {
    copyFileSync(FIXTURE, join(dir, "plain.ndjson"));
    const printed = (value: string) => ({ id: value, metric: "resolution", data: "conversations", value });
    const { out, err } = await check({
      data: { conversations: { path: "plain.ndjson", preset: "intercom-api" } },
      claims: [printed("150 min"), printed("180 min")],
    });
    expect(err).toBe("");
    const [first, full] = JSON.parse(out).claims as {
      recomputed: number;
      reproducedBy: { conventions: Record<string, string>; value: number }[];
    }[];
    expect(full!.recomputed).toBe(180); // the default: the full resolution
    // The median as R's quantile type 7 ("linear"), on the exact minutes: 150 to the first close, 180 to the last.
    const median = (claim: typeof first, resolution: string) =>
      claim!.reproducedBy.find(
        (r) =>
          r.conventions.resolution === resolution &&
          r.conventions["percentile-method"] === "linear" &&
          r.conventions["duration-inputs"] === "exact",
      )?.value;
    expect(median(first, "first")).toBe(150);
    expect(median(full, "full")).toBe(180);
    expect(first!.reproducedBy.some((r) => r.conventions.resolution === "full")).toBe(false);
  });

  it("a first close that cannot be read: not compared, named by its column and cell (the library's resolutions[0] is not shown)", async () => {
    const path = withVendorMinutes();
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    const broken = JSON.parse(lines[0]!) as { statistics: Record<string, unknown> };
    broken.statistics.first_close_at = "soon";
    writeFileSync(join(dir, "broken.ndjson"), `${[JSON.stringify(broken), ...lines.slice(1)].join("\n")}\n`);
    const { out, err } = await check({
      data: { conversations: { path: "broken.ndjson", preset: "intercom-api" } },
      claims: [
        {
          id: "first",
          metric: "resolution",
          data: "conversations",
          against: "first_close_minutes",
          options: { resolution: "first" },
        },
      ],
    });
    expect(err).toBe("");
    const agreement = JSON.parse(out).claims[0].agreement as {
      compared: number;
      exact: number;
      problems: { line: number; column: string; value: unknown; reason: string }[];
    };
    expect([agreement.compared, agreement.exact]).toEqual([3, 3]);
    expect(agreement.problems).toHaveLength(1);
    expect(agreement.problems[0]).toMatchObject({ line: 1, column: "statistics.first_close_at", value: "soon" });
    expect(agreement.problems[0]!.reason).not.toMatch(/resolutions|index|record/);
  });

  it("a data set that names resolvedAt itself reads that column for both (columns win over the preset, as --column)", async () => {
    copyFileSync(FIXTURE, join(dir, "named.ndjson"));
    const { out, err } = await check({
      data: {
        conversations: {
          path: "named.ndjson",
          preset: "intercom-api",
          columns: { resolvedAt: "statistics.last_close_at" },
        },
      },
      claims: [{ id: "m", metric: "resolution", data: "conversations", value: "150 min" }],
    });
    expect(err).toBe("");
    const claim = JSON.parse(out).claims[0] as { reproducedBy: { conventions: Record<string, string> }[] };
    expect(claim.reproducedBy.some((r) => r.conventions.resolution === "first")).toBe(false);
  });
});
