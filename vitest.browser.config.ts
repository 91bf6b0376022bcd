import { defineConfig } from "vitest/config";

// The HTML report in a real browser (Debian's chromium): run after `npm run build`.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
