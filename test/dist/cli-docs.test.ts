// Every `cx-metrics` command in docs/cli.md, docs/check.md and README.md, run with the built command; where a ```text
// block follows its ```sh block, the output must be exactly that.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

/** Splits a command line as a POSIX shell does for words and double quotes (all the docs use). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) out.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2]!);
  return out;
}

interface Example {
  readonly page: string;
  readonly command: string;
  readonly output: string | null;
}

const examples: Example[] = [];
for (const page of ["docs/cli.md", "docs/check.md", "docs/sql.md", "README.md"]) {
  const text = readFileSync(join(root, page), "utf8");
  for (const block of text.matchAll(/^```sh\n([\s\S]*?)^```\n(?:\n```text\n([\s\S]*?)^```)?/gm)) {
    const commands = block[1]!.split("\n").filter((line) => /^(npx )?cx-metrics /.test(line));
    commands.forEach((command, i) => examples.push({ page, command, output: i === commands.length - 1 ? (block[2] ?? null) : null }));
  }
}

// Commands run in a scratch directory that sees the repository's examples and fixtures, so that the
// files they write (rejects.csv, nps.html) stay out of the tree.
const scratch = mkdtempSync(join(tmpdir(), "cx-docs-"));
symlinkSync(join(root, "examples"), join(scratch, "examples"));
symlinkSync(join(root, "test"), join(scratch, "test"));

describe("the command lines in the docs", () => {
  it("are there", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });
  it.each(examples)("$page: $command", ({ command, output }) => {
    const args = words(command).slice(command.startsWith("npx ") ? 2 : 1);
    const run = spawnSync(process.execPath, [join(root, "dist/cli.js"), ...args], { cwd: scratch, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    // `check` exits 1 when a claim does not match: the walk-through's slide has mismatches on purpose.
    expect(run.status).toBe(args[0] === "check" ? 1 : 0);
    if (output !== null) expect(run.stdout).toBe(output);
  });
});
