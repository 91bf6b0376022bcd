import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as library from "../src/index.js";

// Checks the `//=>` results printed in the JSDoc @example blocks: for every line of the form
// `expression; //=> literal`, the lines of the example before it are run with the library's exports
// in scope and the expression is compared with the printed number, string or boolean (numbers to the
// decimals printed, within 1e-10 relative; a trailing "..." means "starts with these digits").
// Examples that need something from outside (a calendar built elsewhere, TypeScript-only syntax)
// are skipped; the number of checked lines is asserted so that a broken extractor cannot pass.
const srcDir = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

interface ExampleLine {
  readonly file: string;
  readonly setup: string;
  readonly expression: string;
  readonly expected: string;
}

function exampleLines(): ExampleLine[] {
  const lines: ExampleLine[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, "utf8");
    for (const block of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)```/g)) {
      const code = block[1]!.split("\n").map((line) => line.replace(/^\s*\*\s?/, ""));
      code.forEach((line, i) => {
        const match = /^(.*?);\s*\/\/=>\s*(-?[\d.]+(?:e-?\d+)?(?:\.\.\.)?|"[^"]*"|true|false)(?:\s|$)/.exec(line);
        if (match === null || line.trimStart().startsWith("//")) return;
        lines.push({
          file: file.slice(srcDir.length + 1),
          setup: code.slice(0, i).join("\n"),
          expression: match[1]!.trim(),
          expected: match[2]!,
        });
      });
    }
  }
  return lines;
}

const names = Object.keys(library);
const values = Object.values(library);

describe("JSDoc @example results", () => {
  const lines = exampleLines();
  let checked = 0;
  for (const { file, setup, expression, expected } of lines) {
    it(`${file}: ${expression} //=> ${expected}`, () => {
      let actual: unknown;
      try {
        actual = new Function(...names, `${setup}\nreturn (${expression});`)(...values);
      } catch (error) {
        // needs something defined outside the example, or TypeScript-only syntax
        if (error instanceof ReferenceError || error instanceof SyntaxError) return;
        throw error;
      }
      checked++;
      if (expected.startsWith('"')) expect(actual).toBe(JSON.parse(expected));
      else if (expected === "true" || expected === "false") expect(actual).toBe(expected === "true");
      else if (expected.endsWith("...")) expect(String(actual).startsWith(expected.slice(0, -3))).toBe(true);
      else {
        const decimals = expected.includes(".") ? expected.split(".")[1]!.replace(/e.*/, "").length : 0;
        const tolerance = Math.max(0.5 * 10 ** -decimals, 1e-10 * Math.abs(Number(expected)));
        expect(Math.abs((actual as number) - Number(expected))).toBeLessThanOrEqual(tolerance);
      }
    });
  }
  it("checks a good share of the examples", () => {
    expect(checked).toBeGreaterThanOrEqual(35);
  });
});
