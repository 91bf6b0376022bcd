#!/usr/bin/env node
// The executable: runs the command line with the process's arguments and sets the exit code.
import { main } from "./main.js";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cx-metrics: unexpected error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
