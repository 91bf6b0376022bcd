/**
 * cx-metrics: customer-service metrics computed correctly, with their sources shown.
 *
 * Every module is also its own subpath (`cx-metrics/nps`, `cx-metrics/stats`, ...).
 *
 * @module cx-metrics
 */
// The error module's files directly, not its index: an index that is both an entry and re-exported
// here became an empty shared chunk in the build.
export { CxMetricsError, isCxMetricsError } from "./errors/cx-metrics-error.js";
export type { CxMetricsErrorCode, CxMetricsErrorDetails, RowIssue } from "./errors/cx-metrics-error.js";
export type {
  BatchCounts,
  BatchOptions,
  ExcludedRow,
  InvalidRowPolicy,
  SkippedRow,
  SurveyBatch,
  SurveyBatchOptions,
} from "./errors/batch.js";
export * from "./stats/index.js";
export * from "./nps/index.js";
export * from "./csat/index.js";
export * from "./ces/index.js";
export * from "./sample-size/index.js";
export * from "./iqs/index.js";
export * from "./retention/index.js";
export * from "./ltv/index.js";
export * from "./time/index.js";
export * from "./sla/index.js";
export * from "./schemas/index.js";
export * from "./report/index.js";
export * from "./check/index.js";
export * from "./sql/index.js";
