// Checking one record for a report: its segment values and what it contributes to its metric (a score, a duration, SLA outcomes, a review score), or a coded error naming the field.
// The metric modules through their index files: importing their files directly left the index files
// as empty shared chunks in the build.
import { ces } from "../ces/index.js";
import { csat } from "../csat/csat.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertConfidence, assertOneOf } from "../internal/validate.js";
import { iqs } from "../iqs/iqs.js";
import type { QaReview } from "../iqs/scorecard.js";
import { sla } from "../sla/sla.js";
import { firstResponseTime, resolutionTime, type Interaction } from "../time/index.js";
import { REPORT_METRICS, REPORT_PERIOD_UNITS, type ReportFields, type SummarizeSpec } from "./spec.js";

/** What one record contributes to its metric, once checked. */
export type Unit =
  | { readonly kind: "nps"; readonly value: number }
  | { readonly kind: "rating"; readonly value: number | string }
  | { readonly kind: "duration"; readonly business: number | null; readonly calendar: number }
  | { readonly kind: "open" }
  | { readonly kind: "sla"; readonly met: number; readonly breached: number; readonly pending: number }
  | { readonly kind: "review"; readonly score: number | null };

/** A record's field, own properties only (never one inherited from the prototype). */
export function field(record: unknown, name: string): unknown {
  return typeof record === "object" && record !== null && Object.hasOwn(record, name) ? (record as Record<string, unknown>)[name] : undefined;
}

/** A segment value: text, or a number as text; a missing or blank value is the segment "(blank)". */
export function segmentValue(fn: string, value: unknown, name: string, index: number): string {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "(blank)";
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(fn, "INVALID_ARGUMENT", `${name} of record ${index} is ${describe(value)}, expected text or a number`, { index, value, field: name });
}

/** Rethrows a metric's error for one record as the report's, naming the record and the field. */
function withIndex(fn: string, index: number, error: unknown, name: string, value: unknown): never {
  if (!isCxMetricsError(error)) throw error;
  throw new CxMetricsError(fn, error.code, `record ${index}: ${error.message}`, { index, value, field: error.field ?? name });
}

/** Checks one record for the metric: what it contributes, or a coded error naming the field. */
export function unitOf(fn: string, spec: SummarizeSpec, fields: Required<ReportFields>, record: unknown, index: number): Unit {
  switch (spec.metric) {
    case "nps": {
      const value = field(record, fields.score);
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 10) {
        throw new CxMetricsError(fn, "INVALID_SCORE", `${fields.score} of record ${index} is ${describe(value)}, expected an integer 0-10`, { index, value, field: fields.score });
      }
      return { kind: "nps", value };
    }
    case "csat":
    case "ces": {
      const value = field(record, fields.rating);
      try {
        if (spec.metric === "csat") csat([value], spec.csat ?? {});
        else ces([value as number], spec.ces ?? {});
      } catch (error) {
        // A valid neutral rating alone has no good/bad CSAT (EMPTY_INPUT): still a good record.
        if (!isCxMetricsError(error, "EMPTY_INPUT")) return withIndex(fn, index, error, fields.rating, value);
      }
      return { kind: "rating", value: value as number | string };
    }
    case "first-response":
    case "resolution": {
      try {
        const options = spec.calendar === undefined ? {} : { calendar: spec.calendar };
        const time =
          spec.metric === "first-response"
            ? firstResponseTime(record as Interaction, options)
            : resolutionTime(record as Interaction, { ...options, mode: spec.resolution ?? "full" });
        return time === null ? { kind: "open" } : { kind: "duration", business: time.businessMinutes, calendar: time.calendarMinutes };
      } catch (error) {
        return withIndex(fn, index, error, "", record);
      }
    }
    case "sla": {
      try {
        const result = sla([record as Interaction], spec.policy!, { ...(spec.calendar === undefined ? {} : { calendar: spec.calendar }), ...(spec.asOf === undefined ? {} : { asOf: spec.asOf }) });
        return { kind: "sla", met: result.met, breached: result.breached, pending: result.pending };
      } catch (error) {
        if (isCxMetricsError(error, "EMPTY_INPUT")) return { kind: "sla", met: 0, breached: 0, pending: 0 }; // no target applies
        return withIndex(fn, index, error, "", record);
      }
    }
    case "iqs": {
      try {
        return { kind: "review", score: iqs([record as QaReview], spec.scorecard!).perReview[0]!.score };
      } catch (error) {
        if (isCxMetricsError(error, "EMPTY_INPUT")) return { kind: "review", score: null }; // every criterion N/A
        return withIndex(fn, index, error, "ratings", record);
      }
    }
  }
}

/** Checks a spec: the metric and period are known, `by` names fields, minN and confidence are in range, SLA has a policy and IQS a scorecard. */
export function checkSpec(fn: string, spec: SummarizeSpec): void {
  if (typeof spec !== "object" || spec === null) throw invalid(fn, "INVALID_ARGUMENT", "spec", spec, "{ metric, by?, every?, ... }");
  assertOneOf(fn, "metric", spec.metric, REPORT_METRICS);
  if (spec.every !== undefined) assertOneOf(fn, "every", spec.every, REPORT_PERIOD_UNITS);
  if (spec.by !== undefined && (!Array.isArray(spec.by) || !spec.by.every((name) => typeof name === "string" && name !== ""))) {
    throw invalid(fn, "INVALID_OPTION", "by", spec.by, "an array of field names");
  }
  if (spec.minN !== undefined && !(typeof spec.minN === "number" && spec.minN >= 0)) throw invalid(fn, "INVALID_OPTION", "minN", spec.minN, "a number ≥ 0");
  if (spec.confidence !== undefined) assertConfidence(fn, spec.confidence);
  if (spec.metric === "sla" && (typeof spec.policy !== "object" || spec.policy === null)) throw invalid(fn, "INVALID_OPTION", "policy", spec.policy, "an SLA policy for metric \"sla\"");
  if (spec.metric === "iqs" && (typeof spec.scorecard !== "object" || spec.scorecard === null)) throw invalid(fn, "INVALID_OPTION", "scorecard", spec.scorecard, "a QA scorecard for metric \"iqs\"");
}

