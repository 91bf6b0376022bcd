// The mean rating of CSAT and CES (the figure most reports publish) in the table, Markdown and HTML outputs, under a
// title that names its scale; the expected means are hand calculations written out below.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { sink } from "./capture.js";

const dir = mkdtempSync(join(tmpdir(), "cx-mean-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: readonly string[]): Promise<string> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(["report", ...args, "--quiet"], { stdout, stderr, env: {} });
  // The CSV format tells what was read on standard error; nothing else may be there.
  expect(stderr.text().replace(/^rows read .*\n$/, "")).toBe("");
  expect(code).toBe(0);
  return stdout.text();
}

// Ratings 5, 4, 3, 1 (email: 5, 4; chat: 3, 1).
// CSAT 1-5, top box (4-5): 2 of 4 = 50.0 %; mean (5 + 4 + 3 + 1) / 4 = 13 / 4 = 3.25; email 4.50, chat 2.00.
const ratings = file("ratings.csv", "rating,channel\n5,email\n4,email\n3,chat\n1,chat\n");
// CES 1-7 ratings 7, 5, 2: easy (5-7) 2 of 3 = 66.7 %; mean 14 / 3 = 4.666... → 4.67.
const ces = file("ces.csv", "rating\n7\n5\n2\n");
// Smileys scored 1, 3, 5: positive, neutral, negative, positive → (5 + 3 + 1 + 5) / 4 = 3.50.
const smileys = file("smileys.csv", "rating\npositive\nneutral\nnegative\npositive\n");

describe("the mean rating beside the share", () => {
  it("table: a column named for the scale, two decimals, per segment", async () => {
    const out = await run([ratings, "-m", "csat", "--by", "channel"]);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^channel\s+n\s+CSAT %\s+95% interval\s+mean \(1-5\)\s+change/);
    expect(lines[1]).toMatch(/^all\s+4\s+50\.0\s+\S+ to \S+\s+3\.25/);
    expect(out).toMatch(/\nchat\s+2\s+0\.0\s+\S+ to \S+\s+2\.00/);
    expect(out).toMatch(/\nemail\s+2\s+100\.0\s+\S+ to \S+\s+4\.50/);
    expect(out).toContain('"mean (1-5)" is the mean rating');
  });

  it("CES on 1-7 and smileys on their 1/3/5 scores", async () => {
    expect(await run([ces, "-m", "ces"])).toMatch(/mean \(1-7\)[\s\S]*\nall\s+3\s+66\.7\s+\S+ to \S+\s+4\.67/);
    expect(await run([ces, "-m", "ces", "--scale", "1-7", "--format", "markdown"])).toContain("| 4.67 |");
    expect(await run([smileys, "-m", "csat", "--scale", "smiley-3"])).toMatch(
      /mean \(smileys 1\/3\/5\)[\s\S]*\nall\s+4\s+50\.0\s+\S+ to \S+\s+3\.50/,
    );
  });

  it("no mean for Zendesk's good / bad answers: the share is the figure", async () => {
    // Good, Bad, Good: 2 of 3 good = 66.7 %; a "mean" of Bad = 1, Good = 2 would only restate it, so no column.
    const goodBad = file("good-bad.csv", "rating\nGood\nBad\nGood\n");
    const out = await run([goodBad, "-m", "csat", "--scale", "good-bad"]);
    expect(out).toMatch(/^segment\s+n\s+CSAT %\s+95% interval\s+change/);
    expect(out).toMatch(/\nall\s+3\s+66\.7\s/);
    expect(out).not.toContain("mean (");
  });

  it("Markdown and HTML carry the same column", async () => {
    const markdown = await run([ratings, "-m", "csat", "--format", "markdown"]);
    expect(markdown).toContain("| segment | n | CSAT % | 95% interval | mean (1-5) | change |");
    expect(markdown).toMatch(/\| all \| 4 \| 50\.0 \| [^|]+ \| 3\.25 \|/);
    const html = await run([ratings, "-m", "csat", "--format", "html"]);
    expect(html).toContain('<th class="num">mean (1-5)</th>');
    expect(html).toContain('<td class="num">3.25</td>');
  });

  it("not for NPS or the other metrics", async () => {
    const out = await run([file("nps.csv", "score\n9\n"), "-m", "nps"]);
    expect(out).not.toContain("mean (");
  });
});

describe("the tidy CSV", () => {
  it("adds mean, mean_low, mean_high for CSAT and CES", async () => {
    const out = await run([ratings, "-m", "csat", "--format", "csv"]);
    const [head, all] = out.split("\n");
    expect(head!.endsWith(",mean,mean_low,mean_high")).toBe(true);
    expect(all!.split(",").at(-3)).toBe("3.25");
  });
});
