import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// What `npm pack` would publish (issue #12): the build, README, CHANGELOG and LICENSE; no source
// maps (they pointed at sources that are not shipped, 58 % of the tarball) and no empty chunks.
const root = new URL("../../", import.meta.url);
const files = (
  JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root.pathname, encoding: "utf8" })) as { files: { path: string }[] }[]
)[0]!.files.map((file) => file.path);

describe("the packed tarball", () => {
  it("holds the build and the three documents, and no source maps", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "CHANGELOG.md", "LICENSE", "package.json", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"]));
    expect(files.filter((path) => path.endsWith(".map"))).toEqual([]);
    expect(files.every((path) => path.startsWith("dist/") || ["README.md", "CHANGELOG.md", "LICENSE", "package.json"].includes(path))).toBe(true);
  });
  it("has no empty chunk", () => {
    const empty = files
      .filter((path) => /\.(c?js)$/.test(path))
      .filter((path) => readFileSync(new URL(path, root), "utf8").replace(/^'use strict';$/m, "").trim() === "");
    expect(empty).toEqual([]);
  });
});

describe("the command from the packed tarball", () => {
  it("installs as a bin: npx cx-metrics runs in a project that installed the tarball", () => {
    expect(files).toContain("dist/cli.js");
    const dir = mkdtempSync(join(tmpdir(), "cx-pack-"));
    execFileSync("npm", ["pack", "--pack-destination", dir, "--ignore-scripts"], { cwd: root.pathname, stdio: "ignore" });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true }));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "./cx-metrics-0.1.0.tgz"], { cwd: dir, stdio: "ignore" });
    const help = execFileSync("npx", ["--no-install", "cx-metrics", "report", "--help"], { cwd: dir, encoding: "utf8" });
    expect(help.startsWith("cx-metrics report FILE|- --metric M [options]")).toBe(true);
    // DuckDB is an optional peer dependency: npm install cx-metrics does not bring it, the command reads CSV without it
    // and says how to add it for Parquet.
    expect(existsSync(join(dir, "node_modules/@duckdb"))).toBe(false);
    writeFileSync(join(dir, "survey.csv"), "score\n9\n10\n3\n");
    const report = spawnSync("npx", ["--no-install", "cx-metrics", "report", "survey.csv", "--metric", "nps"], { cwd: dir, encoding: "utf8" });
    expect(report.status).toBe(0);
    expect(report.stdout).toContain("rows read 3 = used 3 + unanswered 0 + rejected 0 (read by the JS reader)");
    writeFileSync(join(dir, "survey.parquet"), "PAR1");
    const parquet = spawnSync("npx", ["--no-install", "cx-metrics", "report", "survey.parquet", "--metric", "nps"], { cwd: dir, encoding: "utf8" });
    expect(parquet.status).toBe(2);
    expect(parquet.stderr).toContain("cx-metrics: a Parquet file needs DuckDB, which is not installed: npm install @duckdb/node-api\n");
    const engine = spawnSync("npx", ["--no-install", "cx-metrics", "report", "survey.csv", "--metric", "nps", "--engine", "duckdb"], { cwd: dir, encoding: "utf8" });
    expect(engine.stderr).toContain("cx-metrics: --engine duckdb needs DuckDB, which is not installed: npm install @duckdb/node-api\n");
  }, 180_000);
});
