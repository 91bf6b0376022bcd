// What an unanswered survey is, written once: a rating or score cell that is empty or holds a not-rated marker. The
// batch functions (nps, csat, ces), the report's survey kernels, the check and the command's engines all ask this.
import { invalid } from "./describe.js";

/**
 * The not-rated markers every survey metric reads as "unanswered", compared trimmed and case-insensitively: what
 * exports write where a survey was sent (or offered) and not answered. Zendesk writes "Offered" / "Unoffered" in
 * its satisfaction column; spreadsheets and pandas write "N/A", "NA", "-", "null", "None".
 */
export const UNANSWERED_MARKERS: readonly string[] = Object.freeze([
  "n/a",
  "na",
  "-",
  "offered",
  "unoffered",
  "not offered",
  "not rated",
  "no rating",
  "null",
  "none",
]);

/** A marker as compared: trimmed, lower case. */
function normal(text: string): string {
  return text.trim().toLowerCase();
}

const DEFAULT_SET = new Set(UNANSWERED_MARKERS);

/**
 * Whether a rating or score is unanswered: missing (`undefined`, `null`), text that is empty or only white space, or
 * a not-rated marker ({@link UNANSWERED_MARKERS}, or one of `extra`), trimmed and case-insensitive. A number never
 * is (NaN included: a number that is not a rating is an error, not an unanswered survey).
 */
export function isUnanswered(value: unknown, extra?: readonly string[]): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  const text = normal(value);
  return text === "" || DEFAULT_SET.has(text) || extra?.some((marker) => normal(marker) === text) === true;
}

/**
 * The test for unanswered values with the default markers and `extra` ones (checked once: a list of texts).
 *
 * @throws CxMetricsError `INVALID_OPTION` for `extra` that is not an array of strings.
 */
export function unansweredTest(fn: string, extra: unknown): (value: unknown) => boolean {
  if (extra === undefined) return (value) => isUnanswered(value);
  if (!Array.isArray(extra) || !extra.every((marker) => typeof marker === "string"))
    throw invalid(fn, "INVALID_OPTION", "unanswered", extra, 'an array of not-rated markers, such as ["skipped"]');
  const markers = new Set([...DEFAULT_SET, ...extra.map(normal)]);
  return (value) =>
    value === undefined ||
    value === null ||
    (typeof value === "string" && (value.trim() === "" || markers.has(normal(value))));
}
