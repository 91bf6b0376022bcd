/**
 * Quality-mgmt's worked NPS example: 75% promoters and 20% detractors give an NPS of 55, and
 * "above zero is good, above 50 is excellent".
 * Run: npx tsx examples/nps-quality-mgmt.ts
 */
import { npsBand, npsFromPercents } from "cx-metrics";
import { check, checkText, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("NPS, Quality-mgmt: 75% promoters, 20% detractors");
  const result = npsFromPercents({ promoterPercent: 75, detractorPercent: 20 });
  check("NPS", result.score, 55, "Quality-mgmt");
  checkText(
    "Quality-mgmt band of 55",
    npsBand(result.score, { scheme: "quality-mgmt" }).band,
    "excellent",
    "Quality-mgmt: above 50 excellent",
  );
  checkText("Osipov band of 55", npsBand(result.score).band, "all-good", "Osipov: above 50 all good");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
