// Runs the date-dependent test files under several host time zones (the TZ of the process):
// a half-hour zone, zones with DST in both hemispheres, and UTC. The answers must not change.
import { spawnSync } from "node:child_process";
import { stripVTControlCharacters } from "node:util";

const zones = ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Europe/Berlin"];
const files = [
  "src/time",
  "src/sla",
  "src/retention/cohort-retention.test.ts",
  "src/schemas/parse-responses.test.ts",
  "test/properties.test.ts",
  "test/business-time-dst.test.ts",
  "src/internal/instant.test.ts",
  "src/check/reconcile.test.ts",
];

for (const zone of zones) {
  const run = spawnSync("node_modules/.bin/vitest", ["run", ...files], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, TZ: zone },
  });
  const output = run.stdout.toString();
  const summary = output.split("\n").find((line) => line.includes("Tests")) ?? "";
  console.log(`TZ=${zone}: ${stripVTControlCharacters(summary).trim()}`);
  if (run.status !== 0) {
    console.log(output);
    process.exit(run.status ?? 1);
  }
}
