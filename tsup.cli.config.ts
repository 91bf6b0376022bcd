import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/**
 * The command line: ESM files for Node (dist/cli.js, the package's `bin`, and dist/cli-run.js, the command it loads after
 * starting a worker early), built after the
 * library (whose build empties dist/). Its own code stays out of the library's bundles; the
 * library's dependency (zod) stays external, as in the library build; yaml (claims files) is bundled.
 */
export default defineConfig({
  // The executable (a few kB: it starts the worker for a large file early) and the command, which it imports.
  entry: { cli: "src/cli/bin.ts", "cli-run": "src/cli/cli-run.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  splitting: false,
  sourcemap: false,
  dts: false,
  clean: false,
  define: { __VERSION__: JSON.stringify(version) },
  // yaml (bundled: a development dependency, so library users do not install it) is CommonJS and
  // requires Node built-ins; an ESM bundle needs a require for that.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  // DuckDB is an optional peer dependency: imported at run time when it is there, never bundled.
  external: ["zod", "@duckdb/node-api", "./cli-run.js"],
});
