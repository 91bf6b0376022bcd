import { defineConfig } from "vitest/config";

// Tests of the built package in dist/: run after `npm run build`.
export default defineConfig({
  test: {
    include: ["test/dist/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
