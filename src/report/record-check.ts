// Checking a report's spec and one record's segment values.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertConfidence, assertOneOf } from "../internal/validate.js";
import { REPORT_METRICS, REPORT_PERIOD_UNITS, type SummarizeSpec } from "./spec.js";

/** A segment value: text, or a number as text; a missing or blank value is the segment "(blank)". */
export function segmentValue(fn: string, value: unknown, name: string, index: number): string {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "(blank)";
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `${name} of record ${index} is ${describe(value)}, expected text or a number`,
    { index, value, field: name },
  );
}

/**
 * Checks a spec: the metric and period are known, `by` names fields, minN and confidence are in range, SLA has a policy
 * and IQS a scorecard.
 */
export function checkSpec(fn: string, spec: SummarizeSpec): void {
  if (typeof spec !== "object" || spec === null)
    throw invalid(fn, "INVALID_ARGUMENT", "spec", spec, "{ metric, by?, every?, ... }");
  assertOneOf(fn, "metric", spec.metric, REPORT_METRICS);
  if (spec.every !== undefined) assertOneOf(fn, "every", spec.every, REPORT_PERIOD_UNITS);
  if (
    spec.by !== undefined &&
    (!Array.isArray(spec.by) || !spec.by.every((name) => typeof name === "string" && name !== ""))
  ) {
    throw invalid(fn, "INVALID_OPTION", "by", spec.by, "an array of field names");
  }
  if (spec.minN !== undefined && !(typeof spec.minN === "number" && spec.minN >= 0))
    throw invalid(fn, "INVALID_OPTION", "minN", spec.minN, "a number ≥ 0");
  if (spec.confidence !== undefined) assertConfidence(fn, spec.confidence);
  if (spec.metric === "sla" && (typeof spec.policy !== "object" || spec.policy === null))
    throw invalid(fn, "INVALID_OPTION", "policy", spec.policy, 'an SLA policy for metric "sla"');
  if (spec.metric === "iqs" && (typeof spec.scorecard !== "object" || spec.scorecard === null))
    throw invalid(fn, "INVALID_OPTION", "scorecard", spec.scorecard, 'a QA scorecard for metric "iqs"');
}
