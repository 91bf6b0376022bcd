import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The heavy robustness cases of the command (files of tens of MB, a 100 MB export, gzip bombs): `npm run test:heavy`,
// run by .ci/run after `npm test`, a few minutes. test/heavy/*.test.ts also match the unit run's pattern; they run only
// when CX_METRICS_HEAVY is 1, which this config sets.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^cx-metrics$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      { find: /^cx-metrics\/(.*)$/, replacement: fileURLToPath(new URL("./src/$1/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/heavy/**/*.test.ts"],
    env: { CX_METRICS_HEAVY: "1" },
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
