// The HTML report in a real browser (Debian's chromium, headless, driven by playwright-core): it renders, the trend
// chart is drawn, no console errors, and nothing is fetched from the network.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dir = mkdtempSync(join(tmpdir(), "cx-browser-"));
const page = join(dir, "report.html");
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
    expect(await tab.title()).toBe(`nps by channel per month from ${join(root, "examples/data/nps-export-messy.csv")}`);
    // The chart: a line per segment (all, (blank), chat, email), drawn with a size.
    expect(await tab.locator("#trend svg polyline.trend").count()).toBe(4);
    const box = await tab.locator("#trend svg").boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(300);
    // The table and what was read and rejected.
    expect(await tab.locator("#report tbody tr").count()).toBeGreaterThan(3);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
    expect(await tab.locator("#input").innerText()).toBe("rows read 14 = used 4 + rejected 10 (read by DuckDB).");
    expect(await tab.locator("#rejects li").count()).toBe(10);
    await tab.screenshot({ path: join(dir, "report.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
  });
});
