// The command's weighted reports (issue #21): --weight in every format, the HTML page included, and the same figures
// as the library's weighted summarize (itself checked against R's survey::svymean in test/report-statistics.test.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { summarize } from "../../src/index.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-weighted-"));
const path = join(dir, "weighted.csv");
// Promoters weigh 2 and 1, a detractor 0.5, a passive 1: weighted NPS = 100 × (3 − 0.5) / 4.5 = 55.6 (hand).
writeFileSync(path, "score,channel,w\n10,chat,2\n9,chat,1\n3,email,0.5\n7,email,1\n");

async function run(args: readonly string[]): Promise<{ code: number; out: string }> {
  const stdout = sink();
  const code = await main(["report", path, "-m", "nps", "--weight", "w", "-q", ...args], {
    stdout,
    stderr: sink(),
    env: {},
  });
  return { code, out: stdout.text() };
}

describe("--weight", () => {
  it("rejects a row whose weight is zero or not a number, naming the file's column", async () => {
    const bad = join(dir, "bad-weights.csv");
    writeFileSync(bad, "score,Survey Weight\n10,2\n9,0\n3,heavy\n");
    const stdout = sink();
    const code = await main(["report", bad, "-m", "nps", "--weight", "Survey Weight", "-q", "--format", "json"], {
      stdout,
      stderr: sink(),
      env: {},
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout.text()) as {
      input: object;
      rejects: { line: number; column: string; reason: string }[];
    };
    expect(report.input).toMatchObject({ read: 3, used: 1, rejected: 2 });
    expect(report.rejects.map((r) => [r.line, r.column])).toEqual([
      [3, "Survey Weight"],
      [4, "Survey Weight"],
    ]);
    expect(report.rejects[0]!.reason).toBe(
      '"0" in column "Survey Weight" is not a weight: a weight is a number greater than 0; correct the cell, or leave the row out',
    );
  });
  it("gives the weighted NPS, its effective n and standard error in the JSON, as summarize does", async () => {
    const { code, out } = await run(["--format", "json", "--engine", "js"]);
    expect(code).toBe(0);
    const row = (JSON.parse(out) as { rows: { value: number; nEffective: number; se: number }[] }).rows[0]!;
    expect(row.value).toBeCloseTo((100 * 2.5) / 4.5, 12);
    const library = summarize(
      [
        { score: 10, w: 2 },
        { score: 9, w: 1 },
        { score: 3, w: 0.5 },
        { score: 7, w: 1 },
      ],
      { metric: "nps", weight: "w" },
    ).rows[0]!;
    expect(row.nEffective).toBeCloseTo(library.nEffective, 12); // Kish: 4.5² / 6.25 = 3.24
    expect(row.nEffective).toBeCloseTo(3.24, 12);
    expect(row.se).toBeCloseTo(library.se!, 12);
  });
  it("shows n eff and says the report is weighted in the table, Markdown and the HTML page", async () => {
    for (const format of ["table", "markdown", "html"]) {
      const { code, out } = await run(["--format", format]);
      expect(code).toBe(0);
      expect(out).toContain("n eff");
      expect(out).toContain("Weighted: each response counts its weight");
    }
  });
  it("is refused for a metric that takes no weights", async () => {
    const stderr = sink();
    const code = await main(["report", path, "-m", "first-response", "--weight", "w", "-q"], {
      stdout: sink(),
      stderr,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr.text()).toContain("--weight is for --metric nps, csat or ces");
  });
});
