/**
 * Reports from records: one metric by segment and calendar period, as tidy rows with intervals,
 * period-over-period tests and small-sample flags (`summarize`), and a Vega-Lite chart of them
 * (`trendSpec`). Built on the metric modules; usable from notebooks and scripts.
 *
 * Methodology, sources and worked examples: [report.md](../../docs/report.md).
 *
 * @module report
 */
export { createSummary, summarize } from "./summarize.js";
export type {
  ReportChange,
  ReportFields,
  GroupWeights,
  ReportGroupState,
  ReportInput,
  ReportMetric,
  ReportPeriod,
  ReportPeriodUnit,
  ReportRow,
  SegmentState,
  SlaCountsState,
  SummarizeResult,
  SummarizeSpec,
  SummaryBuilder,
  SummaryState,
  UnansweredState,
  WeightedState,
} from "./summarize.js";
export { segmentLabel, trendSpec } from "./vega-lite.js";
export { isUnanswered, UNANSWERED_MARKERS } from "../internal/unanswered.js";
export type { TrendSpecOptions, VegaLiteSpec } from "./vega-lite.js";
