// What an unanswered survey is, written once: a rating or score cell that is empty or holds a not-rated marker. The
// batch functions (nps, csat, ces), the report's survey kernels, the check and the command's engines all ask this.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "./describe.js";

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
 *
 * @example
 * ```ts
 * isUnanswered(" N/A "); //=> true
 * isUnanswered(""); //=> true
 * isUnanswered(0); //=> false
 * isUnanswered("Skipped", ["skipped"]); //=> true
 * ```
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

/**
 * Refuses an unanswered value (missing, blank, a not-rated marker) given to a survey accumulator's `add` or `addCount`:
 * an accumulator counts answers only, and an answer it cannot place would be lost without a word. The batch functions
 * skip such values and count them (`rows.skipped`); a stream does the same by testing {@link isUnanswered} first.
 *
 * @throws CxMetricsError `INVALID_SCORE` naming the value.
 */
export function refuseUnanswered(fn: string, value: unknown): void {
  if (isUnanswered(value))
    throw new CxMetricsError(
      fn,
      "INVALID_SCORE",
      `${describe(value)} is an unanswered survey, not an answer: an accumulator counts answers only; leave unanswered values out (isUnanswered(value) tells them) and count them yourself, as nps(), csat() and ces() skip them and count them in rows.skipped`,
      { value },
    );
}
