/**
 * Stable machine-readable codes. A code never changes meaning between versions;
 * new codes may be added.
 *
 * - `INVALID_SCORE`: a rating is off its scale, not an integer on an integer scale, NaN or infinite.
 * - `INVALID_LABEL`: a label (for example a smiley) is not one the scale knows.
 * - `INVALID_COUNT`: a count is negative, fractional, NaN or infinite.
 * - `INVALID_PERCENT`: a percentage is outside 0-100, or percentages add up to more than 100.
 * - `INVALID_CONFIDENCE`: a confidence level is not strictly between 0 and 1.
 * - `INVALID_OPTION`: an option has a value the function does not accept.
 * - `INVALID_ARGUMENT`: an argument has the wrong type or shape.
 * - `EMPTY_INPUT`: there is nothing to compute from (no responses, a total of zero).
 * - `TOO_FEW_VALUES`: a statistic needs more values than it was given (a t interval needs 2).
 * - `INVALID_ROWS`: a parse helper found bad rows; `issues` lists every one.
 * - `INVALID_SCORECARD`: a QA scorecard is malformed (weight ≤ 0, duplicate id, bad scale).
 * - `UNKNOWN_CRITERION`: a QA review rates a criterion the scorecard does not have.
 * - `MISSING_RATING`: a QA review leaves out a criterion of the scorecard.
 * - `INCONSISTENT_COUNTS`: counts that must add up do not (end ≠ start + new - lost).
 * - `INVALID_RATE`: a rate outside its range (a churn rate of 0 for a lifetime, a margin above 1).
 * - `INVALID_AMOUNT`: a money amount that is negative where it cannot be, NaN or infinite.
 * - `INVALID_DATE`: a date that is not a valid instant (an ISO string without an offset, NaN).
 * - `DATE_OUT_OF_RANGE`: a valid instant outside the supported range 1900-01-01T00:00:00Z to
 *   2199-12-31T23:59:59.999Z (a "never" placeholder such as 9999-12-31, microseconds read as milliseconds).
 * - `INVALID_TIME_ZONE`: a time zone that is not a valid IANA name.
 * - `END_BEFORE_START`: an end before its start (a reply before the ticket was created).
 * - `INVALID_CALENDAR`: a malformed business calendar (a bad "HH:mm", an empty interval, an unknown weekday).
 * - `OVERLAPPING_INTERVALS`: working intervals of a calendar that overlap.
 * - `INVALID_VALUE`: a value in a numeric series that is NaN, infinite or not a number.
 * - `INVALID_POLICY`: a malformed SLA policy (a negative target, an unknown metric).
 * - `TOO_MANY_GROUPS`: a report would hold more segment × period groups than its `maxGroups` (default 100,000), or a
 *   cohort triangle more cells than its `maxCells`: the call stops at the record that would pass the limit.
 * - `TOO_MANY_VALUES`: an iterable that is not an array, a typed array, a Set or a Map yields more values than the
 *   library reads from one (16,777,216 = 2^24): an endless generator stops there instead of running forever.
 * - `NOT_CONVERGED`: an iterative fit that did not settle in its passes (raking margins whose totals disagree).
 */
export type CxMetricsErrorCode =
  | "INVALID_SCORE"
  | "INVALID_LABEL"
  | "INVALID_COUNT"
  | "INVALID_PERCENT"
  | "INVALID_CONFIDENCE"
  | "INVALID_OPTION"
  | "INVALID_ARGUMENT"
  | "EMPTY_INPUT"
  | "TOO_FEW_VALUES"
  | "INVALID_ROWS"
  | "INVALID_SCORECARD"
  | "UNKNOWN_CRITERION"
  | "MISSING_RATING"
  | "INCONSISTENT_COUNTS"
  | "INVALID_RATE"
  | "INVALID_AMOUNT"
  | "INVALID_DATE"
  | "DATE_OUT_OF_RANGE"
  | "INVALID_TIME_ZONE"
  | "END_BEFORE_START"
  | "INVALID_CALENDAR"
  | "OVERLAPPING_INTERVALS"
  | "INVALID_VALUE"
  | "INVALID_POLICY"
  | "TOO_MANY_GROUPS"
  | "TOO_MANY_VALUES"
  | "NOT_CONVERGED";

/** One bad row found by a parse helper. */
export interface RowIssue {
  /** Index of the row in the input. */
  readonly index: number;
  /** The field that failed (`"score"`, `"respondedAt"`, ...); `""` for the row itself. */
  readonly field: string;
  /** The value found there (`undefined` when the field is missing). */
  readonly value?: unknown;
  /** Why it failed, in words that say what was found: `the cell is empty`, `"abc" is not a number`. */
  readonly reason: string;
}

/** What a {@link CxMetricsError} carries besides its message. */
export interface CxMetricsErrorDetails {
  /** Index of the failing element in the input, when there is one. */
  readonly index?: number;
  /** The value that failed, when there is one. */
  readonly value?: unknown;
  /** The field of a record that failed (`"createdAt"`, `"messages[2].from"`), when there is one. */
  readonly field?: string;
  /** Every bad row, for `INVALID_ROWS`. */
  readonly issues?: readonly RowIssue[];
}

/**
 * The error thrown for bad input anywhere in cx-metrics.
 *
 * The message reads `fn: what is wrong`, for example
 * `nps: score at index 3 is 11, expected an integer 0-10`. Check `code` (or use
 * {@link isCxMetricsError}) rather than `instanceof`: a CommonJS and an ESM copy of the
 * library hold two different classes.
 *
 * @example
 * ```ts
 * try {
 *   nps([9, 10, 11]);
 * } catch (error) {
 *   if (isCxMetricsError(error)) console.log(error.code, error.index, error.value);
 *   //=> "INVALID_SCORE" 2 11
 * }
 * ```
 */
export class CxMetricsError extends Error {
  /** Stable code, see {@link CxMetricsErrorCode}. */
  declare readonly code: CxMetricsErrorCode;
  /** Name of the public function that rejected the input. */
  declare readonly fn: string;
  /** Index of the failing element, when there is one. */
  declare readonly index: number | undefined;
  /** The failing value, when there is one. */
  declare readonly value: unknown;
  /** The field of a record that failed, when there is one. */
  declare readonly field: string | undefined;
  /** Every bad row, for `INVALID_ROWS`; empty otherwise. */
  declare readonly issues: readonly RowIssue[];

  constructor(fn: string, code: CxMetricsErrorCode, message: string, details?: CxMetricsErrorDetails | null) {
    super(`${fn}: ${message}`);
    details ??= {};
    this.name = "CxMetricsError";
    this.code = code;
    this.fn = fn;
    this.index = details.index;
    this.value = details.value;
    this.field = details.field;
    this.issues = Array.isArray(details.issues) ? details.issues : [];
  }
}

/**
 * True when `error` is a {@link CxMetricsError} from any copy of the library (ESM or CJS),
 * optionally with the given code.
 *
 * @example
 * ```ts
 * isCxMetricsError(new CxMetricsError("nps", "EMPTY_INPUT", "no scores"), "EMPTY_INPUT"); //=> true
 * ```
 */
export function isCxMetricsError(error: unknown, code?: CxMetricsErrorCode): error is CxMetricsError {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; fn?: unknown };
  return (
    candidate.name === "CxMetricsError" &&
    typeof candidate.code === "string" &&
    typeof candidate.fn === "string" &&
    (code === undefined || candidate.code === code)
  );
}
