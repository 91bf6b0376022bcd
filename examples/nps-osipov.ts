/**
 * Osipov's worked NPS example: 100 answers, 20 scored 0-6 (detractors), 10 scored 7-8
 * (passives), 70 scored 9-10 (promoters). NPS = 70% - 20% = 50.
 * Run: npx tsx examples/nps-osipov.ts
 */
import { nps, npsBand, npsConfidenceInterval, npsFromCounts } from "cx-metrics";
import { check, checkText, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("NPS, Osipov: 100 answers, 20 detractors, 10 passives, 70 promoters");
  const answers = [...Array(20).fill(5), ...Array(10).fill(8), ...Array(70).fill(10)];
  const result = nps(answers);
  check("% promoters", result.promoterPercent, 70, "Osipov");
  check("% detractors", result.detractorPercent, 20, "Osipov");
  check("NPS from the raw answers", result.score, 50, "Osipov");
  check("NPS from the counts", npsFromCounts({ promoters: 70, passives: 10, detractors: 20 }).score, 50, "Osipov");
  // The source gives no interval; the article's advice is to collect a few hundred answers.
  const interval = npsConfidenceInterval(result);
  console.log(
    `       95% adjusted-Wald interval: ${interval.low.toFixed(1)} to ${interval.high.toFixed(1)} (not in the source)`,
  );
  // "Above 50: all good": 50 itself is not above 50, so it falls in the band below.
  checkText("Osipov band of 50", npsBand(result.score).band, "not-bad", "Osipov: above 50 all good, 30-40 not bad");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
