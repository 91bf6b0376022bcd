// The change of a report figure against the previous period's, with its test.
import { compareNps } from "../nps/compare.js";
import { compareProportions } from "../stats/compare-proportions.js";
import type { Figure } from "./kernels.js";
import type { ReportChange, ReportMetric } from "./spec.js";

/** The change of a figure against the previous period's, with its test; null where the metric has none. */
export function changeOf(
  metric: ReportMetric,
  current: Figure,
  previous: Figure,
  confidence: number,
): ReportChange | null {
  if (metric === "nps") {
    const test = compareNps(current.counts!, previous.counts!, { confidence });
    return { difference: current.value - previous.value, low: test.low, high: test.high, pValue: test.pValue };
  }
  if (current.share !== undefined && previous.share !== undefined && current.share.n > 0 && previous.share.n > 0) {
    const test = compareProportions(current.share, previous.share, { confidence });
    return { difference: 100 * test.difference, low: 100 * test.low, high: 100 * test.high, pValue: test.pValue };
  }
  return null;
}
