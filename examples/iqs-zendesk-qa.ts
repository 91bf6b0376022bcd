/**
 * IQS as Zendesk QA documents it: IQS = the mean of the review scores; its published example is
 * (100% + 9.91% + 63.96% + 90.99% + 0%) / 5 = 52.97%. The sources define IQS (Osipov: the company's
 * own assessment of chats, calls, work at the till) but print no figures, so the published Zendesk QA
 * example stands in, beside a hand-calculated scorecard review.
 * Run: npx tsx examples/iqs-zendesk-qa.ts
 */
import { iqs, round, type Scorecard } from "cx-metrics";
import { check, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("IQS, Zendesk QA: the mean of review scores 100, 9.91, 63.96, 90.99 and 0");
  // One points criterion (0-10000) turns each published review score into a rating.
  const points: Scorecard = { criteria: [{ id: "score", weight: 1, scale: { min: 0, max: 10_000 } }] };
  const published = [10_000, 991, 6396, 9099, 0].map((score) => ({ ratings: { score } }));
  check("IQS %", round(iqs(published, points).iqs, 2), 52.97, "Zendesk QA Reviews dashboard documentation");

  heading("IQS, a weighted scorecard with a critical criterion (hand calculation)");
  const scorecard: Scorecard = {
    criteria: [
      { id: "greeting", weight: 1, scale: "binary" },
      { id: "solution", weight: 3, scale: "1-5" },
      { id: "tone", weight: 2, scale: "1-3", allowNa: true },
      { id: "gdpr", weight: 1, scale: "binary", critical: true },
    ],
  };
  const result = iqs(
    [
      { ratings: { greeting: true, solution: 4, tone: 2, gdpr: true } },
      { ratings: { greeting: true, solution: 4, tone: null, gdpr: true } },
      { ratings: { greeting: true, solution: 5, tone: 3, gdpr: false } },
    ],
    scorecard,
  );
  check("review 1 %", result.perReview[0]!.score!, 75, "by hand: (1 + 3 × 0.75 + 2 × 0.5 + 1) / 7");
  check("review 2 % (tone N/A)", result.perReview[1]!.score!, 85, "by hand: (1 + 3 × 0.75 + 1) / 5");
  check(
    "review 3 % (critical fail)",
    result.perReview[2]!.score!,
    0,
    "a failed critical criterion sets the review to 0",
  );
  check("IQS %", result.iqs, 160 / 3, "by hand: (75 + 85 + 0) / 3");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
