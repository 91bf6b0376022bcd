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
