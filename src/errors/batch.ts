// The public types of the shared policy of batch functions for bad rows: `invalid: "throw" |
// "exclude"`, the rows left out, and the counts that add up. The code that applies the policy
// (`rowPolicy`, `visitRows`) is in internal/batch.ts, which imports these types from here.
import type { CxMetricsErrorCode } from "./cx-metrics-error.js";

/**
 * What a batch function does with a bad row: `"throw"` (default) stops at the first one with a coded
 * error naming it; `"exclude"` leaves it out, lists it in `exclusions`, and goes on.
 */
export type InvalidRowPolicy = "throw" | "exclude";

/** A row a batch function left out under `invalid: "exclude"`. */
export interface ExcludedRow {
  /** Position of the row in the input. */
  readonly index: number;
  /** The row's id (`id`, or the customer for activity), when it has one. */
  readonly id: string | null;
  /** The field that failed (`"createdAt"`, `"ratings.solution"`); `""` for the row as a whole. */
  readonly field: string;
  /** The value found there. */
  readonly value: unknown;
  /** The error code the row would have thrown. */
  readonly code: CxMetricsErrorCode;
  /** Why, in words. */
  readonly reason: string;
}

/**
 * How many rows a batch function read, used, skipped and left out:
 * `total = used + skipped + excluded`.
 */
export interface BatchCounts {
  /** Rows in the input. */
  readonly total: number;
  /** Rows that went into the figures. */
  readonly used: number;
  /**
   * Valid rows that the figure leaves out by its definition (a duration still open, activity after `asOf`); 0 where
   * there are none.
   */
  readonly skipped: number;
  /** Bad rows left out under `invalid: "exclude"` (each listed in `exclusions`). */
  readonly excluded: number;
}

/** The options every batch function shares. */
export interface BatchOptions {
  /**
   * `"throw"` (default): a bad row stops the call with a coded error; `"exclude"`: bad rows are left out and listed.
   */
  readonly invalid?: InvalidRowPolicy;
}

/** A survey record a batch function skipped because it was unanswered (see `UNANSWERED_MARKERS`). */
export interface SkippedRow {
  /** Position of the record in the input. */
  readonly index: number;
  /** The record's `id`, when it has one. */
  readonly id: string | null;
  /** The rating or score as found: missing, blank text or a not-rated marker such as "N/A" or "Offered". */
  readonly value: unknown;
}

/** The options the survey batch functions (`nps`, `csat`, `ces`) share. */
export interface SurveyBatchOptions extends BatchOptions {
  /**
   * Not-rated markers read as unanswered besides the default ones (`UNANSWERED_MARKERS`: "n/a", "offered", ...),
   * compared trimmed and case-insensitively.
   */
  readonly unanswered?: readonly string[];
}

/**
 * What a survey batch function read: `rows.total = rows.used + rows.skipped + rows.excluded`, where the skipped
 * records are the unanswered ones (listed in `unanswered`) and the excluded ones the bad ratings left out under
 * `invalid: "exclude"` (listed in `exclusions`).
 */
export interface SurveyBatch {
  /** Records read, used, skipped as unanswered and excluded as bad. */
  readonly rows: BatchCounts;
  /** The unanswered records: never an error, never in the figure, never excluded. */
  readonly unanswered: readonly SkippedRow[];
  /** Bad ratings left out under `invalid: "exclude"` (empty under the default `"throw"`). */
  readonly exclusions: readonly ExcludedRow[];
}
