/**
 * Osipov on how many communications to check: use a sample-size calculator; without one, cover at
 * least 5-10% when there are hundreds or thousands, and 30-50 when there are few (up to about 100).
 * 1-5 checks say nothing: "the error at such a sample is huge". Beside it, the published
 * Krejcie & Morgan (1970) table and the 384 / 385 of Cochran's formula.
 * Run: npx tsx examples/sample-size-osipov.ts
 */
import { marginOfError, reviewSampleSize, sampleSize } from "cx-metrics";
import { check, checkText, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("Sample size, Osipov: 5-10% of hundreds or thousands, 30-50 of up to about 100");
  const few = reviewSampleSize(80);
  check("checks for 80 communications, at least", few.ruleOfThumb.min, 30, "Osipov: 30-50");
  check("checks for 80 communications, at most", few.ruleOfThumb.max, 50, "Osipov: 30-50");
  const many = reviewSampleSize(2000);
  check("checks for 2000 communications, at least (5%)", many.ruleOfThumb.min, 100, "Osipov: 5-10%");
  check("checks for 2000 communications, at most (10%)", many.ruleOfThumb.max, 200, "Osipov: 5-10%");
  checkText("rule applied to 2000", many.ruleOfThumb.rule, "5-10 percent", "Osipov");
  console.log(`       statistical figure beside it (95%, ±5%): ${many.statistical.n} (not in the source)`);
  const five = marginOfError({ n: 5 }).marginOfError;
  console.log(`       margin of 5 checks: ±${(100 * five).toFixed(1)} percentage points (Osipov: "the error is huge")`);
  heading("Sample size, Cochran and Krejcie & Morgan (1970)");
  check(
    "95%, ±5%, z = 1.96, rounded to nearest",
    sampleSize({ z: "rounded", rounding: "nearest" }).n,
    384,
    "Cochran n0 = 384.16",
  );
  check("the same, rounded up", sampleSize({ z: "rounded" }).n, 385, "Cochran, rounded up");
  check(
    "population 500, as the table rounds",
    sampleSize({ population: 500, z: "rounded", rounding: "nearest" }).n,
    217,
    "Krejcie & Morgan, Table 1",
  );
  check("population 500, rounded up", sampleSize({ population: 500, z: "rounded" }).n, 218, "217.49 rounded up");
  check(
    "population 10000",
    sampleSize({ population: 10000, z: "rounded", rounding: "nearest" }).n,
    370,
    "Krejcie & Morgan, Table 1",
  );
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
