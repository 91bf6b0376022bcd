/**
 * The UA-agency CSAT formula: CSAT = (number of positive answers (4 and 5) / total answers) × 100%.
 * The article prints the formula without numbers; this script applies it by hand to ten ratings and
 * checks the library against that hand calculation.
 * Run: npx tsx examples/csat-ua-agency.ts
 */
import { csat, csatConfidenceInterval } from "cx-metrics";
import { check, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("CSAT, UA-agency formula: positive answers (4 and 5) / all answers × 100");
  const ratings = [5, 5, 4, 4, 4, 3, 2, 5, 4, 1];
  const positive = ratings.filter((rating) => rating >= 4).length; // 7
  const byHand = (positive / ratings.length) * 100; // 70
  const result = csat(ratings);
  check("CSAT %", result.percent, byHand, "UA-agency formula applied by hand: 7 / 10 × 100");
  const interval = csatConfidenceInterval(result).percent;
  console.log(
    `       95% Wilson interval: ${interval.low.toFixed(1)}% to ${interval.high.toFixed(1)}% (not in the source)`,
  );
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
