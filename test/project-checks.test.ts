import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

// Checks of the project around the code (issue #12): what a user installs, reads and runs.
const root = new URL("../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  repository?: unknown;
  homepage?: unknown;
  bugs?: unknown;
};
const subpaths = Object.keys(packageJson.exports)
  .filter((key) => key !== "." && key !== "./package.json")
  .map((key) => key.slice(2));

describe("the package", () => {
  it("builds the library and the command on a git install (prepare) and maps every subpath for moduleResolution node (typesVersions)", () => {
    expect(packageJson.scripts.prepare).toBe("npm run build");
    expect(packageJson.scripts.build).toBe("tsup && tsup --config tsup.cli.config.ts");
    expect(packageJson.bin).toEqual({ "cx-metrics": "./dist/cli.js" });
    expect(Object.keys(packageJson.typesVersions["*"]!).sort()).toEqual([...subpaths].sort());
  });
  it("names no repository, home page or issue tracker while there is no public one, and the README installs from what exists (issue #17)", () => {
    expect(packageJson.repository).toBeUndefined();
    expect(packageJson.homepage).toBeUndefined();
    expect(packageJson.bugs).toBeUndefined();
    const readme = read("README.md");
    const install = readme.slice(readme.indexOf("## Install"), readme.indexOf("## Quick start"));
    expect(install).not.toMatch(/<host>|<owner>|git\+https?:/);
    expect(install).toContain("npm pack");
    expect(install).toContain("npm install ./cx-metrics-0.1.0.tgz");
    expect(install).toMatch(/git clone .*\n(.*\n)*npm ci/);
  });
  it("depends at run time on what src/ imports, and on nothing else (issue #17)", () => {
    const sources = readdirSync(new URL("src/", root), { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
    );
    const imported = new Set(
      sources.flatMap((file) =>
        [...read(`src/${file}`).matchAll(/(?:^(?:import|export)\s[^;]*?\sfrom\s+|\bimport\()"([^."][^"]*)"/gms)]
          .map((match) => match[1]!)
          .filter((name) => !name.startsWith("node:"))
          .map((name) =>
            name
              .split("/")
              .slice(0, name.startsWith("@") ? 2 : 1)
              .join("/"),
          ),
      ),
    );
    // yaml (claims files) and date-fns (--date-format) are development dependencies that the command's build bundles
    // into dist/cli.js.
    const bundled = ["yaml", "date-fns"];
    expect(Object.keys(packageJson.dependencies).filter((name) => !imported.has(name))).toEqual([]);
    expect(
      [...imported].filter(
        (name) =>
          !(name in packageJson.dependencies) && !(name in packageJson.peerDependencies) && !bundled.includes(name),
      ),
    ).toEqual([]);
    for (const name of bundled) expect(packageJson.devDependencies).toHaveProperty(name);
  });
});

describe("the imports of src/ (issue #17)", () => {
  // Each file's relative imports and re-exports, as paths under src/ ("cli/format/csv.ts").
  const files = readdirSync(new URL("src/", root), { recursive: true, encoding: "utf8" }).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
  );
  const imports = new Map(
    files.map((file) => [
      file,
      [...read(`src/${file}`).matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gms)].map((match) =>
        normalize(join(dirname(file), match[1]!.replace(/\.js$/, ".ts"))),
      ),
    ]),
  );
  it("run in no circle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, "open");
      stack.push(file);
      for (const next of imports.get(file) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
  it("never run back up: errors/ imports only errors/, internal/ only errors/, internal/ and types.ts", () => {
    const upward = [...imports].flatMap(([file, targets]) =>
      targets
        .filter(
          (target) =>
            (file.startsWith("errors/") && !target.startsWith("errors/")) ||
            (file.startsWith("internal/") && !/^(errors|internal)\//.test(target) && target !== "types.ts"),
        )
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });
});

describe("the docs", () => {
  const pages = [
    "README.md",
    ...readdirSync(new URL("docs/", root))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
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
    const typedoc = JSON.parse(read("typedoc.json")) as {
      entryPoints: string[];
      groupOrder: string[];
      projectDocuments: string[];
    };
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
      .flatMap((name) =>
        [...read(`bench/${name}`).matchAll(/ratioRow\(\s*"([^"]+)"/g)].map((match) => match[1]!.trim()),
      );
    expect(labels.length).toBeGreaterThanOrEqual(8);
    for (const label of labels) expect(lastRun, label).toContain(label);
    expect(lastRun).toMatch(/ms \([\d.]+-[\d.]+\) vs/);
  });
});

describe("npm run demo", () => {
  it("reads as a report: cohort headers and the incomplete period, tickets apart from measurements, local times", () => {
    const output = execFileSync(new URL("node_modules/.bin/tsx", root).pathname, ["examples/demo.ts"], {
      cwd: root.pathname,
      encoding: "utf8",
    });
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
