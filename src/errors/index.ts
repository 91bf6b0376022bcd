/**
 * The error type every cx-metrics function throws on bad input, with stable codes.
 *
 * @module errors
 */
export { CxMetricsError, isCxMetricsError } from "./cx-metrics-error.js";
export type { CxMetricsErrorCode, CxMetricsErrorDetails, RowIssue } from "./cx-metrics-error.js";
