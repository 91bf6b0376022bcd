// The HTML report in a real browser (Debian's chromium, headless, driven by playwright-core): it renders, the trend
// chart is drawn, no console errors, and nothing is fetched from the network.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "cx-browser-"));
const page = join(dir, "report.html");
// A page with a long segment name and many rows rejected for one reason.
const longNames = join(dir, "long.csv");
const longPage = join(dir, "long.html");
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const run = spawnSync(
    process.execPath,
    [
      join(root, "dist/cli.js"),
      "report",
      join(root, "examples/data/nps-export-messy.csv"),
      "--metric",
      "nps",
      "--by",
      "channel",
      "--every",
      "month",
      "--time-zone",
      "Europe/Berlin",
      "--format",
      "html",
      "--output",
      page,
    ],
    { encoding: "utf8" },
  );
  expect(run.status).toBe(0);
  const rows = ["respondedAt,segment,rating"];
  for (let i = 0; i < 40; i++)
    rows.push(
      `2025-0${1 + (i % 3)}-10T10:00:00Z,${i % 2 === 0 ? "Reimbursement Claim" : "Technical Support and Account Recovery Escalations"},${1 + (i % 5)}`,
    );
  for (let i = 0; i < 30; i++) rows.push("2025-01-10T10:00:00Z,Billing,ten"); // lines 42-71: one reason
  writeFileSync(longNames, `${rows.join("\n")}\n`);
  const long = spawnSync(
    process.execPath,
    [
      join(root, "dist/cli.js"),
      "report",
      longNames,
      "-m",
      "csat",
      "--by",
      "segment",
      "--every",
      "month",
      "-f",
      "html",
      "-o",
      longPage,
    ],
    { encoding: "utf8" },
  );
  expect(long.status).toBe(0);
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("the HTML report in Chromium", () => {
  it("renders the table and the chart with no console error and no request beyond the file", async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    tab.on("pageerror", (error) => errors.push(error.message));
    tab.on("request", (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href);
    // The file's name, not its path.
    expect(await tab.title()).toBe("nps by channel per month from nps-export-messy.csv");
    // The chart: a line per segment (all, (blank), chat, email), drawn with a size.
    expect(await tab.locator("#trend svg polyline.trend").count()).toBe(4);
    const box = await tab.locator("#trend svg").boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(300);
    // The table and what was read and rejected.
    expect(await tab.locator("#report tbody tr").count()).toBeGreaterThan(3);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    expect(await tab.locator("#input").innerText()).toBe(
      "rows read 14 = used 4 + unanswered 1 + rejected 9 (read by the JS reader).",
    );
    // Rejects by reason: nine rows (line 5's blank score is unanswered, issue 19), nine reasons, each with its count
    // and line.
    expect(await tab.locator("#rejects li").count()).toBe(9);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    expect(await tab.locator("#rejects li").first().innerText()).toMatch(/^1 row \(line 3\): "11" in column "score"/);
    // The axes carry their units.
    expect(await tab.locator("#trend svg text.axis-title").allTextContents()).toEqual([
      "NPS (points, −100 to 100)",
      "period (month, Europe/Berlin)",
    ]);
    await tab.screenshot({ path: join(dir, "report.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
  });

  it("shows legends whole, percent axes with units, and rejects summarised by reason", async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(longPage).href);
    expect(await tab.title()).toBe("csat by segment per month from long.csv");
    const svg = (await tab.locator("#trend svg").boundingBox())!;
    const legends = await tab
      .locator("#trend svg text.legend")
      .evaluateAll((texts) =>
        texts.map((text) => ({ text: text.textContent, right: text.getBoundingClientRect().right })),
      );
    // Every name whole (long ones wrapped over lines), inside the chart.
    expect(legends.map((legend) => legend.text)).toEqual([
      "all",
      "Reimbursement Claim",
      "Technical Support andAccount RecoveryEscalations",
    ]);
    for (const legend of legends) expect(legend.right).toBeLessThanOrEqual(svg.x + svg.width);
    expect(await tab.locator("#trend svg text.axis-title").first().textContent()).toBe("CSAT (% satisfied)");
    // The ticks in percent ("20 %", "40 %", ...).
    expect(
      await tab
        .locator("#trend svg text")
        .filter({ hasText: /^\d+ %$/ })
        .count(),
    ).toBeGreaterThan(2);
    // 30 rows with the same reason are one line: the count, the first five lines, the reason once.
    expect(await tab.locator("#rejects li").count()).toBe(1);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    expect(await tab.locator("#rejects li").innerText()).toBe(
      '30 rows (lines 42, 43, 44, 45, 46, ...): "ten" in column "rating" is not a number: a CSAT answer on the 1-5 scale is a whole number from 1 to 5; check that the column is the survey question\'s (--column)',
    );
    // The mean rating beside the share.
    expect(await tab.locator("#report thead th").allTextContents()).toContain("mean (1-5)");
  });
});
