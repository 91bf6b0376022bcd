import { defineConfig } from "vitest/config";

// The SQL against a real PostgreSQL: a throwaway cluster started and stopped by the test (Debian's
// postgresql; `.ci/run` installs it).
export default defineConfig({
  test: {
    include: ["test/postgres/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
