/**
 * Osipov's CSAT on a 3-smiley scale: smile = 5 points, neutral = 3, negative = 1; CSAT is the sum
 * divided by the number of answers, "the closer to 5 the better", read with the bands
 * 3 and below: communication problems; 4 and above: normal; 4.8 and above: excellent.
 * The article gives the mapping and the bands without a sample; the script checks the mapping on a
 * hand-counted one.
 * Run: npx tsx examples/csat-osipov-smiley.ts
 */
import { csat, csatBand } from "cx-metrics";
import { check, checkText, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("CSAT, Osipov: 3 smileys scored 5 / 3 / 1, mean read with Osipov's bands");
  // 8 smiles, 1 neutral, 1 negative: (8 × 5 + 3 + 1) / 10 = 4.4
  const answers = [...Array(8).fill("positive"), "neutral", "negative"];
  const result = csat(answers, { scale: "smiley-3" });
  check("mean CSAT", result.mean, 4.4, "Osipov mapping, by hand: (8 × 5 + 3 + 1) / 10");
  checkText("band of 4.4", csatBand(result.mean).band, "normal", "Osipov: 4 and above normal");
  checkText("band of 4.8", csatBand(4.8).band, "excellent", "Osipov: 4.8 and above excellent");
  checkText("band of 3", csatBand(3).band, "problems", "Osipov: 3 and below, communication problems");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
