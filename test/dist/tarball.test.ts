import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
    // A file of 16 MB or more is read in two parts, by a worker the installed executable starts on itself before it
    // loads dist/cli-run.js: the same report as one thread (CX_METRICS_THREADS=1). 600,000 rows of about 32 bytes.
    const big = join(dir, "big.csv");
    writeFileSync(
      big,
      `score,comment\n${Array.from({ length: 600_000 }, (_, i) => `${i % 11},the answer came the same day\n`).join("")}`,
    );
    expect(statSync(big).size).toBeGreaterThan(16 * 1024 * 1024);
    const run = (threads: string): string => {
      const result = spawnSync("npx", ["--no-install", "cx-metrics", "report", "big.csv", "--metric", "nps", "--format", "json"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, CX_METRICS_THREADS: threads },
        maxBuffer: 1 << 24,
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      return result.stdout;
    };
    const two = run("2");
    expect(two).toBe(run("1"));
    expect((JSON.parse(two) as { input: { read: number } }).input.read).toBe(600_000);
  }, 180_000);
});
