// The change of a report figure against the previous period's: one statistic for the interval and the test (the
// interval is the set of differences the test does not reject), so they never disagree.
import { compareNps } from "../nps/compare.js";
import { betaCdf } from "../stats/beta.js";
import { scoreCompareProportions } from "../stats/compare-proportions-score.js";
import { normalCdf, zForConfidence } from "../stats/normal.js";
import { studentTQuantile } from "../stats/student-t.js";
import type { Figure } from "./kernel-types.js";
import type { ReportChange, ReportMetric } from "./spec.js";

/** A change before the report's adjustment: pAdjusted is set to pValue, and the report adjusts it. */
function change(difference: number, low: number, high: number, pValue: number): ReportChange {
  return { difference, low, high, pValue, pAdjusted: pValue };
}

/**
 * The change of a figure against the previous period's, with its test; null where the metric has none:
 * - NPS: the observed difference ± z × the adjusted-Wald standard error of compareNps (MeasuringU's adjustment keeps it
 *   honest at small n; centred on the observed difference, the interval holds it), with the z test of the same
 *   standard error; for weighted figures the linearised √(se₁² + se₂²);
 * - shares (CSAT, CES, SLA): the Miettinen-Nurminen score test and its inverted interval (effective counts when
 *   weighted);
 * - IQS: Welch's t test and its interval (n ≥ 2 on both sides).
 */
export function changeOf(
  metric: ReportMetric,
  current: Figure,
  previous: Figure,
  confidence: number,
): ReportChange | null {
  if (metric === "nps") {
    const difference = current.value - previous.value;
    if (!current.weighted) {
      const test = compareNps(current.counts!, previous.counts!, { confidence });
      return waldChange(difference, test.standardError, confidence);
    }
    if (current.se === null || previous.se === null) return null;
    return waldChange(difference, Math.hypot(current.se, previous.se), confidence);
  }
  if (current.share !== undefined && previous.share !== undefined && current.share.n > 0 && previous.share.n > 0) {
    const a = current.share;
    const b = previous.share;
    const test = scoreCompareProportions(a.successes, a.n, b.successes, b.n, confidence);
    return change(current.value - previous.value, 100 * test.low, 100 * test.high, test.pValue);
  }
  if (current.moments !== undefined && previous.moments !== undefined)
    return welchChange(current.moments, previous.moments, confidence);
  return null;
}

/** d ± z·se and the z test of the same se. */
function waldChange(difference: number, se: number, confidence: number): ReportChange {
  const margin = zForConfidence(confidence) * se;
  const pValue = se > 0 ? Math.min(1, 2 * normalCdf(-Math.abs(difference) / se)) : difference === 0 ? 1 : 0;
  return change(difference, difference - margin, difference + margin, pValue);
}

/**
 * Welch's two-sample t test of two means and its interval (Welch 1947): se = √(s₁²/n₁ + s₂²/n₂), the
 * Welch-Satterthwaite degrees of freedom, p = P(|T_df| > |d|/se) = I_{df/(df+t²)}(df/2, 1/2); as R's
 * `t.test(x, y, var.equal = FALSE)`.
 */
function welchChange(
  a: { mean: number; sd: number; n: number },
  b: { mean: number; sd: number; n: number },
  confidence: number,
): ReportChange | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const difference = a.mean - b.mean;
  if (se === 0) return change(difference, difference, difference, difference === 0 ? 1 : 0);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = difference / se;
  const pValue = betaCdf(df / (df + t * t), df / 2, 0.5);
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return change(difference, difference - margin, difference + margin, Math.min(1, pValue));
}
