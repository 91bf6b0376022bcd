import { defineConfig } from "vitest/config";

// Unit and property tests of the source. The checks of the built package (bundle size) run
// after the build, with vitest.dist.config.ts.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/dist/**", "node_modules/**"],
  },
});
