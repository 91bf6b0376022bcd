// docs/statistics.md "Coverage" shows what scripts/interval-coverage.ts prints (exact enumeration up to n = 100 and a
// seeded simulation above: the same numbers every run).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("the coverage tables of docs/statistics.md are the script's output", () => {
  const script = fileURLToPath(new URL("../scripts/interval-coverage.ts", import.meta.url));
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
  expect(run.status).toBe(0);
  const page = readFileSync(new URL("../docs/statistics.md", import.meta.url), "utf8");
  const shown = /<!-- coverage:start -->\n```text\n([\s\S]*?)```\n<!-- coverage:end -->/.exec(page)?.[1];
  expect(shown).toBe(run.stdout);
}, 180_000);
