/**
 * CES as Quality-mgmt describes it: "how easy was it to solve the problem?", usually on a 7-point
 * scale where 7 = very easy. Osipov: computed and read the same way as CSAT (a mean).
 * The sources print no sample; the script checks a hand calculation.
 * Run: npx tsx examples/ces-quality-mgmt.ts
 */
import { ces } from "cx-metrics";
import { check, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("CES, Quality-mgmt: 7-point scale, 7 = very easy");
  const ratings = [7, 7, 6, 5, 4, 2, 7, 6];
  const result = ces(ratings);
  check("mean CES", result.mean, 44 / 8, "by hand: (7 + 7 + 6 + 5 + 4 + 2 + 7 + 6) / 8 = 5.5");
  check("% easy (5-7)", result.easyPercent, 75, "by hand: 6 of 8 rated 5 or more");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
