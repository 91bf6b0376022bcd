import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Checks of the project around the code (issue #12): what a user installs, reads and runs.
const root = new URL("../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const subpaths = Object.keys(packageJson.exports).filter((key) => key !== "." && key !== "./package.json").map((key) => key.slice(2));

describe("the package", () => {
  it("builds the library and the command on a git install (prepare) and maps every subpath for moduleResolution node (typesVersions)", () => {
    expect(packageJson.scripts.prepare).toBe("npm run build");
    expect(packageJson.scripts.build).toBe("tsup && tsup --config tsup.cli.config.ts");
    expect(packageJson.bin).toEqual({ "cx-metrics": "./dist/cli.js" });
    expect(Object.keys(packageJson.typesVersions["*"]!).sort()).toEqual([...subpaths].sort());
  });
});

describe("the docs", () => {
  const pages = ["README.md", ...readdirSync(new URL("docs/", root)).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];
  it("point at nothing a user of the package does not have (no ../shared)", () => {
    for (const page of pages) expect(read(page), page).not.toContain("../shared");
    expect(read("docs/sources.md")).toContain("Osipov");
  });
  it("give every module a comment that says what it is for and links its methodology page", () => {
    for (const name of subpaths) {
      const text = read(`src/${name}/index.ts`);
      expect(text, name).toMatch(/@module /);
      expect(text, name).toMatch(/\[[\w-]+\.md\]\(\.\.\/\.\.\/docs\/[\w-]+\.md\)/);
    }
  });
  it("build the API site from one entry per subpath, functions first, with the methodology pages", () => {
    const typedoc = JSON.parse(read("typedoc.json")) as { entryPoints: string[]; groupOrder: string[]; projectDocuments: string[] };
    expect([...typedoc.entryPoints].sort()).toEqual(subpaths.map((name) => `src/${name}/index.ts`).sort());
    expect(typedoc.groupOrder[0]).toBe("Functions");
    expect(typedoc.projectDocuments).toEqual(["docs/*.md"]);
  });
});

describe("bench/README.md", () => {
  it("shows every case the benchmarks print, with min / median / max", () => {
    const readme = read("bench/README.md");
    const lastRun = readme.slice(readme.indexOf("## The last run"), readme.indexOf("## nps over"));
    const labels = readdirSync(new URL("bench/", root))
      .filter((name) => name.endsWith(".bench.ts"))
      .flatMap((name) => [...read(`bench/${name}`).matchAll(/ratioRow\(\s*"([^"]+)"/g)].map((match) => match[1]!.trim()));
    expect(labels.length).toBeGreaterThanOrEqual(8);
    for (const label of labels) expect(lastRun, label).toContain(label);
    expect(lastRun).toMatch(/ms \([\d.]+-[\d.]+\) vs/);
  });
});

describe("npm run demo", () => {
  it("reads as a report: cohort headers and the incomplete period, tickets apart from measurements, local times", () => {
    const output = execFileSync(new URL("node_modules/.bin/tsx", root).pathname, ["examples/demo.ts"], { cwd: root.pathname, encoding: "utf8" });
    expect(output).toContain("customers still ordering, by quarters since their first order");
    expect(output).toMatch(/cohort\s+customers\s+\+0/);
    expect(output).toMatch(/\* \d{4}-Q\d has only just begun/);
    expect(output).toMatch(/tickets missed at least one target/);
    expect(output).toMatch(/never answered by \d+ \w+ \d{4}/);
    expect(output).toContain("Osipov's churn formula as printed");
    const agents = [...output.matchAll(/agent (a\d+)/g)].map((match) => match[1]!);
    expect(agents).toEqual([...agents].sort());
    expect(output).not.toMatch(/^\s+ok\s/m); // the worked-example checks live in npm run examples
  }, 60_000);
});
