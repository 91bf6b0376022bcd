// Checking a report's spec and one record's segment values.
import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertConfidence, assertOneOf } from "../internal/validate.js";
import { P_ADJUST_METHODS } from "../stats/adjust.js";
import { REPORT_METRICS, REPORT_PERIOD_UNITS, type SummarizeSpec } from "./spec.js";

/** The segment of blank cells: a missing value, null, or text that is only white space. */
export const BLANK_SEGMENT = "(blank)";

/** `(blank)` inside k ≥ 0 double quotes on each side: written values the blank label must not be mistaken for. */
const LOOKS_BLANK = /^("*)\(blank\)("*)$/;

/**
 * The segment of a value written as text: the text in Unicode NFC (a composed and a decomposed "é" are one segment),
 * "(blank)" for text that is only white space, and a value written `(blank)` (or `"(blank)"`, ...) inside one more pair
 * of double quotes, so that it never merges with the blank cells: `(blank)` → `"(blank)"`, `"(blank)"` →
 * `""(blank)""`. Every other text is its own segment, as written.
 */
export function segmentText(text: string): string {
  if (plainAscii(text)) return text; // the common case, nothing to normalise or to tell apart
  const normal = text.normalize("NFC");
  if (normal.trim() === "") return BLANK_SEGMENT;
  const looks = LOOKS_BLANK.exec(normal);
  return looks !== null && looks[1]!.length === looks[2]!.length ? `"${normal}"` : normal;
}

/**
 * Printable ASCII that neither starts nor ends with white space and does not start with "(" or a double quote: text
 * that NFC leaves as it is and that cannot be blank or look like the blank label.
 */
function plainAscii(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  const first = text.charCodeAt(0);
  if (first <= 32 || first === 40 || first === 34 || text.charCodeAt(n - 1) <= 32) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** A segment value: text (see {@link segmentText}), or a number as text; a missing or blank value is "(blank)". */
export function segmentValue(fn: string, value: unknown, name: string, index: number): string {
  if (value === undefined || value === null) return BLANK_SEGMENT;
  if (typeof value === "string") return segmentText(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `${name} of record ${index} is ${describe(value)}, expected text or a number`,
    { index, value, field: name },
  );
}

let collator: Intl.Collator | undefined; // built on first use: nothing runs at import

/**
 * The order of segment values: by the "en" collation (the same on every machine, whatever its locale), and where the
 * collation calls two different texts equal (characters it ignores, such as a soft hyphen), by UTF-16 code units: a
 * total order that does not depend on the order the records came in.
 */
export function compareSegmentText(a: string, b: string): number {
  collator ??= new Intl.Collator("en");
  const order = collator.compare(a, b);
  if (order !== 0) return order;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Segment values element by element; a shorter list (the overall segment, no values) first. */
export function compareSegments(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let k = 0; k < a.length; k++) {
    const order = compareSegmentText(a[k]!, b[k]!);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * A row's segment object: each `by` field as an own property, whatever its name (`__proto__`, `constructor`), built by
 * Object.fromEntries (which defines properties, never calls the prototype's setters); a plain JSON object.
 */
export function segmentObject(by: readonly string[], values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value, k) => [by[k]!, value]));
}

/** The default of `maxGroups`: segment × period groups one report may hold. */
export const DEFAULT_MAX_GROUPS = 100_000;

/**
 * Checks a spec: the metric and period are known, `by` names fields, minN and confidence are in range, SLA has a policy
 * and IQS a scorecard.
 */
export function checkSpec(fn: string, spec: SummarizeSpec): void {
  if (typeof spec !== "object" || spec === null)
    throw invalid(fn, "INVALID_ARGUMENT", "spec", spec, "{ metric, by?, every?, ... }");
  assertReadable(fn, "spec", spec);
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
  if (
    spec.maxGroups !== undefined &&
    !(
      typeof spec.maxGroups === "number" &&
      spec.maxGroups >= 1 &&
      (Number.isSafeInteger(spec.maxGroups) || spec.maxGroups === Infinity)
    )
  )
    throw invalid(fn, "INVALID_OPTION", "maxGroups", spec.maxGroups, "a whole number ≥ 1 (or Infinity for no limit)");
  if (spec.adjust !== undefined) assertOneOf(fn, "adjust", spec.adjust, P_ADJUST_METHODS);
  if (spec.weight !== undefined) {
    if (!(typeof spec.weight === "function" || (typeof spec.weight === "string" && spec.weight !== ""))) {
      throw invalid(fn, "INVALID_OPTION", "weight", spec.weight, "a field name or a function (record) => weight");
    }
    if (spec.metric !== "nps" && spec.metric !== "csat" && spec.metric !== "ces") {
      throw invalid(fn, "INVALID_OPTION", "weight", spec.weight, 'no weight: weights apply to "nps", "csat" and "ces"');
    }
  }
  if (spec.vendorMinutes !== undefined && spec.metric !== "first-response" && spec.metric !== "resolution")
    throw invalid(
      fn,
      "INVALID_OPTION",
      "vendorMinutes",
      spec.vendorMinutes,
      'no vendorMinutes: they apply to "first-response" and "resolution"',
    );
  if (spec.metric === "sla" && (typeof spec.policy !== "object" || spec.policy === null))
    throw invalid(fn, "INVALID_OPTION", "policy", spec.policy, 'an SLA policy for metric "sla"');
  if (spec.metric === "iqs" && (typeof spec.scorecard !== "object" || spec.scorecard === null))
    throw invalid(fn, "INVALID_OPTION", "scorecard", spec.scorecard, 'a QA scorecard for metric "iqs"');
}
