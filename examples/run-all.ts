/**
 * Runs every worked example and fails (exit code 1) if any figure differs from its source.
 * Run: npm run examples
 */
import { run as cesQualityMgmt } from "./ces-quality-mgmt.js";
import { run as checkReportExample } from "./check-report.js";
import { run as csatOsipovSmiley } from "./csat-osipov-smiley.js";
import { run as csatUaAgency } from "./csat-ua-agency.js";
import { failureCount, finish, isMain } from "./lib/check.js";
import { run as iqsZendeskQa } from "./iqs-zendesk-qa.js";
import { run as npsOsipov } from "./nps-osipov.js";
import { run as npsQualityMgmt } from "./nps-quality-mgmt.js";
import { run as retentionOsipov } from "./retention-osipov.js";
import { run as sampleSizeOsipov } from "./sample-size-osipov.js";
import { run as slaPolicies } from "./sla-policies.js";

/** Every worked example, in the order of the sources digest. */
export function runWorkedExamples(): number {
  console.log("Worked examples from the sources (computed figure, then the published one)");
  for (const example of [
    npsOsipov,
    npsQualityMgmt,
    csatUaAgency,
    csatOsipovSmiley,
    cesQualityMgmt,
    sampleSizeOsipov,
    iqsZendeskQa,
    retentionOsipov,
    slaPolicies,
  ]) {
    example();
  }
  console.log("\nA report checked against its raw data (cx-metrics/check)");
  checkReportExample();
  return failureCount();
}

if (isMain(import.meta.url)) {
  runWorkedExamples();
  finish();
  if (failureCount() === 0) console.log("\nAll worked examples match their sources.");
}
