// The shape of a claim, checked before anything is computed: every field of the wrong type or missing is a coded error
// that names the claim (by its id, or by its position when it has none) and says what is missing or wrong.
import { CxMetricsError, type CxMetricsErrorCode } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { REPORT_METRICS, type ReportMetric } from "../report/spec.js";
import { isObject } from "../internal/values.js";

/** A claim whose shape has been checked (the fields of `Claim` in check-report.ts, with their types). */
export type CheckedClaim = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly metric: ReportMetric;
  readonly value: string | number;
};

const FN = "checkReport";

const isFigure = (value: unknown): value is string | number =>
  typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

/** A duration statistic: median, mean, or a percentile p0 to p100. */
const STATISTIC = /^(?:median|mean|p(?:100|\d{1,2})(?:\.\d+)?)$/;

/**
 * How messages name the claim at `index` (0-based): `claim q1-nps` by its id, else `claim 3 (no id)` by its 1-based
 * position in the list.
 */
export function claimName(claim: unknown, index: number): string {
  const id = isObject(claim) ? claim.id : undefined;
  return typeof id === "string" && id.trim() !== "" ? `claim ${id}` : `claim ${index + 1} (no id)`;
}

/** The error of a claim: its name, then what is wrong. */
export function claimError(
  name: string,
  code: CxMetricsErrorCode,
  message: string,
  details?: { readonly value?: unknown; readonly field?: string },
): CxMetricsError {
  return new CxMetricsError(FN, code, `${name}: ${message}`, details ?? null);
}

/**
 * Checks one claim's shape (`index`: its 0-based position, for the message) and returns it with a numeric id as text.
 * Required: `id`, `metric`, `value`; the other fields, when given, must have their documented types.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for a claim that is not an object or a field of the wrong type,
 *   `INVALID_OPTION` for a missing field or an unknown metric, statistic or option.
 */
export function validateClaim(claim: unknown, index: number): CheckedClaim {
  const name = claimName(claim, index);
  const wrong = (field: string, value: unknown, expected: string): CxMetricsError =>
    claimError(
      name,
      value === undefined ? "INVALID_OPTION" : "INVALID_ARGUMENT",
      value === undefined
        ? `${field} is missing: expected ${expected}`
        : `${field} is ${describe(value)}, expected ${expected}`,
      { value, field },
    );
  if (!isObject(claim))
    throw claimError(name, "INVALID_ARGUMENT", `is ${describe(claim)}, expected { id, metric, value, ... }`, {
      value: claim,
    });
  const { id, metric, value } = claim;
  if (!(typeof id === "string" && id.trim() !== "") && !(typeof id === "number" && Number.isFinite(id)))
    throw wrong("id", id, 'a name for the result, e.g. "id": "q1-nps"');
  if (typeof metric !== "string" || !(REPORT_METRICS as readonly string[]).includes(metric))
    throw claimError(
      name,
      "INVALID_OPTION",
      `metric is ${metric === undefined ? "missing" : describe(metric)}, expected one of ${REPORT_METRICS.join(", ")}`,
      { value: metric, field: "metric" },
    );
  if (claim.against !== undefined) validateAgainst(claim, metric, wrong);
  else if (!isFigure(value)) throw wrong("value", value, 'the figure as printed, e.g. "42", "87%", "1h 12m"');
  for (const field of ["data", "period", "timeZone", "statistic"] as const)
    if (claim[field] !== undefined && typeof claim[field] !== "string") throw wrong(field, claim[field], "a text");
  if (typeof claim.statistic === "string" && !STATISTIC.test(claim.statistic))
    throw claimError(
      name,
      "INVALID_OPTION",
      `statistic is ${describe(claim.statistic)}, expected median, mean or a percentile p0 to p100 (p90)`,
      { value: claim.statistic, field: "statistic" },
    );
  if (claim.filter !== undefined) {
    if (!isObject(claim.filter)) throw wrong("filter", claim.filter, 'the segment, e.g. { "channel": "email" }');
    for (const [key, wanted] of Object.entries(claim.filter))
      if (!isFigure(wanted) && typeof wanted !== "boolean")
        throw wrong(`filter.${key}`, wanted, "a value of the column: a text, a number or true / false");
  }
  if (claim.n !== undefined && !(typeof claim.n === "number" && Number.isInteger(claim.n) && claim.n >= 0))
    throw wrong("n", claim.n, "n as printed, a whole number ≥ 0");
  for (const field of ["promoters", "detractors", "low", "high"] as const)
    if (claim[field] !== undefined && !isFigure(claim[field]))
      throw wrong(field, claim[field], 'a figure as printed, e.g. "45%"');
  if (claim.shares !== undefined && !(Array.isArray(claim.shares) && claim.shares.every(isFigure)))
    throw wrong("shares", claim.shares, 'a list of figures as printed, e.g. ["30%", "70%"]');
  if (claim.previous !== undefined) {
    const previous = claim.previous;
    if (
      !isObject(previous) ||
      !isFigure(previous.value) ||
      !(typeof previous.n === "number" && Number.isInteger(previous.n) && previous.n > 0)
    )
      throw wrong("previous", previous, 'the previous period as printed, { "value": "80%", "n": 120 }');
  }
  const resolution = (claim.options as { resolution?: unknown } | undefined)?.resolution;
  if (resolution !== undefined && !(claim.against !== undefined && metric === "resolution"))
    throw wrong(
      "options.resolution",
      resolution,
      '"first" or "full" only on a row-by-row claim ("against") of resolution; a printed figure is checked under both (the convention "resolution")',
    );
  if (claim.options !== undefined) validateOptions(claim.options, metric, claim.data !== undefined, wrong);
  else if (claim.data !== undefined && (metric === "sla" || metric === "iqs"))
    throw wrong(
      metric === "sla" ? "options.policy" : "options.scorecard",
      undefined,
      metric === "sla" ? 'the SLA policy, { "targets": [...] }' : 'the QA scorecard, { "criteria": [...] }',
    );
  return { ...claim, id: String(id), metric: metric as ReportMetric, value: (value ?? "") as string | number };
}

/** A row-by-row claim: `against` names the vendor's column; the metric is a duration and the claim needs its data. */
function validateAgainst(
  claim: Record<string, unknown>,
  metric: string,
  wrong: (field: string, value: unknown, expected: string) => CxMetricsError,
): void {
  if (typeof claim.against !== "string" || claim.against.trim() === "")
    throw wrong(
      "against",
      claim.against,
      'the column of the vendor\'s minutes, e.g. "Full resolution time in minutes"',
    );
  if (metric !== "first-response" && metric !== "resolution")
    throw wrong("metric", metric, 'first-response or resolution for a claim with "against" (minutes per record)');
  if (claim.data === undefined) throw wrong("data", undefined, "the data set whose records are compared");
  if (claim.value !== undefined && !isFigure(claim.value))
    throw wrong("value", claim.value, 'the figure as printed, e.g. "42", "87%", "1h 12m"');
}

function validateOptions(
  options: unknown,
  metric: string,
  hasData: boolean,
  wrong: (field: string, value: unknown, expected: string) => CxMetricsError,
): void {
  if (!isObject(options)) throw wrong("options", options, "the metric's options, { scale, calendar, policy, ... }");
  if (options.scale !== undefined && typeof options.scale !== "string")
    throw wrong("options.scale", options.scale, 'a scale name, e.g. "1-5"');
  if (
    options.unit !== undefined &&
    !(
      (metric === "first-response" || metric === "resolution") &&
      ["minutes", "hours", "days"].includes(options.unit as string)
    )
  )
    throw wrong(
      "options.unit",
      options.unit,
      'the unit of a duration printed as a bare number: "minutes", "hours" or "days" (first-response, resolution)',
    );
  if (
    options.unanswered !== undefined &&
    !(Array.isArray(options.unanswered) && options.unanswered.every((marker) => typeof marker === "string"))
  )
    throw wrong("options.unanswered", options.unanswered, 'a list of not-rated markers, e.g. ["Skipped"]');
  if (options.asOf !== undefined && typeof options.asOf !== "string")
    throw wrong("options.asOf", options.asOf, 'an ISO-8601 instant, e.g. "2025-04-01T00:00:00Z"');
  if (options.calendar !== undefined && !isObject(options.calendar))
    throw wrong(
      "options.calendar",
      options.calendar,
      'a business calendar { timeZone, week, holidays? }, a Zendesk schedule { "schedule": ... } or Intercom office hours',
    );
  if (options.resolution !== undefined && options.resolution !== "full" && options.resolution !== "first")
    throw wrong(
      "options.resolution",
      options.resolution,
      '"full" (to the last resolution, Zendesk\'s "Full resolution time") or "first" ("First resolution time")',
    );
  if (options.policy !== undefined && !isObject(options.policy))
    throw wrong("options.policy", options.policy, 'an SLA policy, { "targets": [...] }');
  if (options.scorecard !== undefined) {
    const scorecard = options.scorecard;
    if (!isObject(scorecard)) throw wrong("options.scorecard", scorecard, 'a QA scorecard, { "criteria": [...] }');
    if (!Array.isArray(scorecard.criteria))
      throw wrong("options.scorecard.criteria", scorecard.criteria, 'a list of criteria, [{ "id": "greeting", ... }]');
    for (const [i, criterion] of (scorecard.criteria as unknown[]).entries())
      if (!isObject(criterion) || typeof criterion.id !== "string" || criterion.id === "")
        throw wrong(`options.scorecard.criteria[${i}]`, criterion, 'a criterion with an "id" (its column)');
  }
  if (hasData && metric === "sla" && options.policy === undefined)
    throw wrong("options.policy", undefined, 'the SLA policy, { "targets": [...] }');
  if (hasData && metric === "iqs" && options.scorecard === undefined)
    throw wrong("options.scorecard", undefined, 'the QA scorecard, { "criteria": [...] }');
}
