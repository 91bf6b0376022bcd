import { isCxMetricsError, type CxMetricsErrorCode } from "../errors/cx-metrics-error.js";
import { assertOneOf } from "./validate.js";

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
  /** Valid rows that the figure leaves out by its definition (a duration still open, activity after `asOf`); 0 where there are none. */
  readonly skipped: number;
  /** Bad rows left out under `invalid: "exclude"` (each listed in `exclusions`). */
  readonly excluded: number;
}

/** The options every batch function shares. */
export interface BatchOptions {
  /** `"throw"` (default): a bad row stops the call with a coded error; `"exclude"`: bad rows are left out and listed. */
  readonly invalid?: InvalidRowPolicy;
}

/** Reads and checks the `invalid` option. */
export function rowPolicy(fn: string, options: BatchOptions | undefined): InvalidRowPolicy {
  const policy = options?.invalid ?? "throw";
  assertOneOf(fn, "invalid", policy, ["throw", "exclude"]);
  return policy;
}

/**
 * Visits every row; under `"exclude"` a row whose visit throws a `CxMetricsError` is left out and
 * recorded. A visit must check its row before it changes any total, so a left-out row leaves no
 * trace. Errors that are not the library's (a user accessor's own) always propagate.
 */
export function visitRows<T>(
  policy: InvalidRowPolicy,
  rows: ArrayLike<T>,
  idOf: (row: T) => unknown,
  visit: (row: T, index: number) => void,
): { readonly counts: BatchCounts; readonly exclusions: readonly ExcludedRow[] } {
  const exclusions: ExcludedRow[] = [];
  const n = rows.length;
  if (policy === "throw") {
    for (let i = 0; i < n; i++) visit(rows[i] as T, i);
  } else {
    for (let i = 0; i < n; i++) {
      const row = rows[i] as T;
      try {
        visit(row, i);
      } catch (error) {
        if (!isCxMetricsError(error)) throw error;
        exclusions.push({ index: i, id: rowId(row, idOf), field: error.field ?? "", value: error.value, code: error.code, reason: error.message });
      }
    }
  }
  return { counts: { total: n, used: n - exclusions.length, skipped: 0, excluded: exclusions.length }, exclusions };
}

function rowId<T>(row: T, idOf: (row: T) => unknown): string | null {
  try {
    const id = typeof row === "object" && row !== null ? idOf(row) : undefined;
    return (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)) ? String(id) : null;
  } catch {
    return null;
  }
}
