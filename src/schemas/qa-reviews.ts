import * as z from "zod";
import { invalid } from "../internal/describe.js";
import { assertOptions } from "../internal/validate.js";
import { instantSchema, textSchema } from "./fields.js";
import { assertTimeZone } from "../internal/time-zone.js";
import {
  coerceFields,
  dataOrThrow,
  NUMERIC,
  localInstants,
  parseEachRow,
  steps,
  type SafeParseResponsesResult,
} from "./parse-rows.js";

/**
 * A rating in a QA review: a number, a boolean (binary criteria), or null for N/A.
 *
 * @example
 * ```ts
 * qaRatingSchema.safeParse(null).success; //=> true (N/A)
 * ```
 */
export const qaRatingSchema = /* @__PURE__ */ z.union([z.number(), z.boolean(), z.null()], {
  message: "expected a number, true / false, or null for N/A",
});

/**
 * A QA review: the ratings keyed by criterion id, and who and what was reviewed. Whether each
 * rating fits its criterion's scale is checked by `iqs` against the scorecard.
 *
 * @example
 * ```ts
 * qaReviewSchema.parse({ agentId: "ann", ratings: { greeting: true, solution: 4 } }).ratings.solution; //=> 4
 * ```
 */
export const qaReviewSchema = /* @__PURE__ */ z.looseObject({
  /** The review's own id. */
  id: textSchema.optional(),
  /** The interaction reviewed. */
  interactionId: textSchema.optional(),
  /** The agent reviewed. */
  agentId: textSchema.optional(),
  /** The reviewer. */
  reviewerId: textSchema.optional(),
  /** When the review was made. */
  reviewedAt: instantSchema.optional(),
  /** Ratings keyed by criterion id. */
  ratings: z.record(z.string(), qaRatingSchema),
});

/** A parsed QA review. */
export type QaReviewRow = z.infer<typeof qaReviewSchema>;

/** Options of {@link parseQaReviews} and {@link safeParseQaReviews}. */
export interface ParseQaReviewsOptions {
  /**
   * For wide rows (CSV: one column per criterion), the criterion columns to gather into `ratings`.
   * Leave out when rows already hold a `ratings` object.
   */
  readonly criteria?: readonly string[];
  /**
   * Coerce CSV text: numbers are read, `true` / `false` / `yes` / `no` / `pass` / `fail` become
   * booleans, `n/a` / `na` / an empty cell become null (N/A). Default false.
   */
  readonly coerce?: boolean;
  /** IANA zone in which local date-times and plain dates of `reviewedAt` are read; without it they are rejected. */
  readonly timeZone?: string;
}

const NOT_APPLICABLE = new Set(["n/a", "na", "-"]);
const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  pass: true,
  fail: false,
};

function readRating(text: string): unknown {
  const lower = text.toLowerCase();
  if (NOT_APPLICABLE.has(lower)) return null;
  if (Object.hasOwn(BOOLEANS, lower)) return BOOLEANS[lower];
  return NUMERIC.test(text) ? Number(text) : text;
}

function prepareRow(options: ParseQaReviewsOptions): ((row: unknown) => unknown) | undefined {
  const { criteria, coerce = false } = options;
  if (criteria === undefined && !coerce) return undefined;
  return (row) => {
    if (typeof row !== "object" || row === null) return row;
    const record = row as Record<string, unknown>;
    let shaped: Record<string, unknown> = record;
    if (criteria !== undefined) {
      shaped = Object.fromEntries(Object.entries(record).filter(([key]) => !criteria.includes(key)));
      // A missing or empty cell of a listed criterion is N/A.
      shaped.ratings = Object.fromEntries(
        criteria.map((id) => [id, !Object.hasOwn(record, id) || record[id] === "" ? null : record[id]]),
      );
    }
    if (!coerce) return shaped;
    const base = coerceFields(shaped, (_key, text) => text) as Record<string, unknown>;
    const ratings = shaped.ratings;
    if (typeof ratings === "object" && ratings !== null) {
      base.ratings = Object.fromEntries(
        Object.entries(ratings).map(([id, value]) => [
          id,
          typeof value === "string" ? (value.trim() === "" ? null : readRating(value.trim())) : value,
        ]),
      );
    }
    return base;
  };
}

/**
 * Validates a batch of QA reviews and reports every bad row (index, field, reason). With `criteria`
 * it reads wide CSV rows (one column per criterion) into `ratings`; with `coerce` it reads CSV text.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` when rows are not iterable or `criteria` is not an array.
 * @example
 * ```ts
 * safeParseQaReviews([{ agentId: "ann", greeting: "yes", solution: "4", tone: "n/a" }],
 *   { criteria: ["greeting", "solution", "tone"], coerce: true });
 * //=> { success: true, data: [{ agentId: "ann", ratings: { greeting: true, solution: 4, tone: null } }] }
 * ```
 */
export function safeParseQaReviews(
  rows: Iterable<unknown>,
  options: ParseQaReviewsOptions = {},
): SafeParseResponsesResult<QaReviewRow> {
  const fn = "safeParseQaReviews";
  assertOptions(fn, options);
  if (options.criteria !== undefined && !Array.isArray(options.criteria)) {
    throw invalid(fn, "INVALID_ARGUMENT", "criteria", options.criteria, "an array of criterion ids");
  }
  if (options.timeZone !== undefined) assertTimeZone(fn, options.timeZone);
  return parseEachRow(fn, rows, qaReviewSchema, {
    prepare: steps(prepareRow(options), localInstants(options.timeZone, ["reviewedAt"])),
    nested: ["ratings"],
  }) as SafeParseResponsesResult<QaReviewRow>;
}

/**
 * Like {@link safeParseQaReviews}, but returns the reviews or throws one `CxMetricsError` with code
 * `INVALID_ROWS` listing every issue.
 *
 * @throws CxMetricsError `INVALID_ROWS` (with `issues`), `INVALID_ARGUMENT`.
 * @example
 * ```ts
 * const reviews = parseQaReviews(csvRows, { criteria: ["greeting", "solution"], coerce: true });
 * iqs(reviews, scorecard);
 * ```
 */
export function parseQaReviews(rows: Iterable<unknown>, options: ParseQaReviewsOptions = {}): QaReviewRow[] {
  const result = safeParseQaReviews(rows, options);
  return dataOrThrow("parseQaReviews", result) as QaReviewRow[];
}
