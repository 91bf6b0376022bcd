// Extracts every ```ts block of README.md and docs/*.md into test/doc-snippets/ (git-ignored), so that
// `npm run typecheck` type-checks them under the project's strict tsconfig and
// test/doc-snippets.test.ts runs them. A line `expression; //=> value` (or `console.log(expression);
// //=> value`) becomes a checked call: the value printed in the docs is compared with the result.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "test/doc-snippets");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const CHECKED = /^(\s*)(console\.log\((.*)\)|(.*?));\s*\/\/=>\s*(.*)$/;
let count = 0;
for (const page of pages) {
  const text = readFileSync(join(root, page), "utf8");
  let n = 0;
  for (const block of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
    n++;
    const lines = block[1].split("\n").map((line) => {
      const match = CHECKED.exec(line);
      if (match === null || line.trimStart().startsWith("//")) return line;
      const [, indent, , logged, plain, expected] = match;
      const call = `check(${logged ?? plain}, ${JSON.stringify(expected.trim())})`;
      return `${indent}${logged !== undefined ? `console.log(${call})` : call};`;
    });
    const name = `${page.replace(/[/.]/g, "_")}_${n}.ts`;
    const body = lines.join("\n");
    const header = body.includes("check(") ? 'import { check } from "../snippet-check.js";\n' : "";
    writeFileSync(join(out, name), `// From ${page}, block ${n}.\n${header}${body}\nexport {};\n`);
    count++;
  }
}
console.log(`extracted ${count} ts blocks from ${pages.length} pages into test/doc-snippets/`);
