import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The notebooks in examples/notebooks, executed by Jupyter with Deno's kernel: run after `npm run build` (the
// notebooks import the built package, and so do their tests: cx-metrics is dist/ here).
export default defineConfig({
  resolve: {
    alias: [{ find: /^cx-metrics$/, replacement: fileURLToPath(new URL("./dist/index.js", import.meta.url)) }],
  },
  test: {
    include: ["test/notebooks/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
