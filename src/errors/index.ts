/**
 * The error type every cx-metrics function throws on bad input, with stable codes, and the shared
 * policy of batch functions for bad rows (`invalid: "throw" | "exclude"`, the rows they left out,
 * and the counts that add up).
 *
 * Methodology, sources and worked examples: [conventions.md](../../docs/conventions.md).
 *
 * @module errors
 */
export { CxMetricsError, isCxMetricsError } from "./cx-metrics-error.js";
export type { CxMetricsErrorCode, CxMetricsErrorDetails, RowIssue } from "./cx-metrics-error.js";
export type {
  BatchCounts,
  BatchOptions,
  ExcludedRow,
  InvalidRowPolicy,
  SkippedRow,
  SurveyBatch,
  SurveyBatchOptions,
} from "./batch.js";
