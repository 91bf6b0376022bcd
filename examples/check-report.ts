/**
 * A report checked against its raw data: the claims of examples/report-claims.yaml (a made-up Q1
 * slide) recomputed from the bundled exports with `checkReport`, each verdict beside the one the
 * figures call for (worked out in docs/check.md).
 * Run: npx tsx examples/check-report.ts
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { checkReport, type Claims } from "cx-metrics";
import { checkText, finish, heading, isMain } from "./lib/check.js";
import { readCsv } from "./lib/csv.js";

const here = (path: string): string => new URL(path, import.meta.url).pathname;

export function run(): void {
  heading("A Q1 slide checked against its exports (examples/report-claims.yaml)");
  const claims = parse(readFileSync(here("report-claims.yaml"), "utf8")) as Claims;
  const data = {
    survey: readCsv(here("data/nps-responses.csv")),
    // The claims file maps the CSAT export's "score" column to the rating.
    csat: readCsv(here("data/csat-responses.csv")).map((row) => ({ ...row, rating: row.score })),
    tickets: JSON.parse(readFileSync(here("data/tickets.json"), "utf8")) as unknown[],
  };
  const expected: Record<string, [string, string]> = {
    "nps-q1": ["match", "17.03 rounds to the printed 17"],
    "nps-chat-q1": ["close", "30 is no definition's figure, but lies in the interval 15.1 to 36.5 around 26.15"],
    "nps-email-q1": ["mismatch", "18 is outside the interval −7.6 to 14.5 around 3.48"],
    "csat-q1": [
      "match",
      "88 % is Zendesk's good / (good + bad), 88.36; the library's top-box over all answers gives 82",
    ],
    "first-reply-p90": ["match", "p90 of business minutes 56.2 rounds to 56 min"],
    "sla-first-reply": ["match", "341 met of 400 decided = 85.25 %, printed 85.3 % (half up)"],
    "nps-shares": ["mismatch", "45 % − 25 % is 20, not 25"],
    "csat-social": ["mismatch", "with n = 7 a share is 85.7 % or 100 %, never 87 %"],
  };
  for (const result of checkReport(claims, data).claims) {
    console.log(`  ${result.id}: ${result.explanation}`);
    checkText(`verdict on ${result.id}`, result.verdict, expected[result.id]![0], expected[result.id]![1]);
  }
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
