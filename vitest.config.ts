import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit and property tests of the source. The checks of the built package (bundle size) run
// after the build, with vitest.dist.config.ts. The README and docs code blocks are extracted
// first, so that test/doc-snippets.test.ts runs the current text.
execFileSync(process.execPath, [fileURLToPath(new URL("./scripts/extract-snippets.mjs", import.meta.url))], {
  stdio: "ignore",
});

export default defineConfig({
  resolve: {
    alias: [
      { find: /^cx-metrics$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      { find: /^cx-metrics\/(.*)$/, replacement: fileURLToPath(new URL("./src/$1/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/dist/**", "test/browser/**", "test/postgres/**", "test/notebooks/**", "node_modules/**"],
  },
});
