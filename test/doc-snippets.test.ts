import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { failures } from "./snippet-check.js";

// Runs every ```ts block of README.md and docs/*.md, as extracted by scripts/extract-snippets.mjs
// (run by `npm run typecheck` and vitest.config.ts, which also type-checks them under the strict tsconfig). Each block
// is
// self-contained and imports from "cx-metrics" (mapped to src/ by vitest.config.ts); each `//=>`
// result it documents is compared with the value computed (test/snippet-check.ts).
const dir = new URL("./doc-snippets/", import.meta.url);
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".ts"))
  .sort();

describe("README and docs code blocks", () => {
  it("were all extracted, one file per block", () => {
    const pages = [
      "README.md",
      ...readdirSync(new URL("../docs/", import.meta.url))
        .filter((name) => name.endsWith(".md"))
        .map((name) => `docs/${name}`),
    ];
    const blocks = pages.reduce(
      (sum, page) =>
        sum + (readFileSync(new URL(`../${page}`, import.meta.url), "utf8").match(/^```ts$/gm)?.length ?? 0),
      0,
    );
    expect(files.length).toBe(blocks);
    expect(blocks).toBeGreaterThanOrEqual(10);
  });
  it.each(files)("%s runs and prints what the text says", async (name) => {
    failures.length = 0;
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await import(new URL(name, dir).href);
    } finally {
      log.mockRestore();
    }
    expect(failures).toEqual([]);
  });
});
