// Applies the shared policy of batch functions for bad rows. Its public types live in errors/batch.ts
// (re-exported here for the modules that import them with rowPolicy and visitRows).
import type { BatchCounts, BatchOptions, ExcludedRow, InvalidRowPolicy } from "../errors/batch.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { isRevokedProxy } from "./records.js";
import { assertOneOf } from "./validate.js";

export type { BatchCounts, BatchOptions, ExcludedRow, InvalidRowPolicy } from "../errors/batch.js";

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
  fn = "visitRows",
): { readonly counts: BatchCounts; readonly exclusions: readonly ExcludedRow[] } {
  const exclusions: ExcludedRow[] = [];
  const n = rows.length;
  // A row that cannot be read at all (a revoked Proxy) is a bad row with a coded error, not a TypeError.
  const checked = (row: T, i: number): void => {
    if (isRevokedProxy(row))
      throw new CxMetricsError(fn, "INVALID_ARGUMENT", `row ${i} cannot be read (a revoked Proxy)`, { index: i });
    visit(row, i);
  };
  if (policy === "throw") {
    for (let i = 0; i < n; i++) checked(rows[i] as T, i);
  } else {
    for (let i = 0; i < n; i++) {
      const row = rows[i] as T;
      try {
        checked(row, i);
      } catch (error) {
        if (!isCxMetricsError(error)) throw error;
        exclusions.push({
          index: i,
          id: rowId(row, idOf),
          field: error.field ?? "",
          value: error.value,
          code: error.code,
          reason: error.message,
        });
      }
    }
  }
  return { counts: { total: n, used: n - exclusions.length, skipped: 0, excluded: exclusions.length }, exclusions };
}

/** A row's id as text (a non-empty string or a finite number), or null; never throws. */
export function rowId<T>(row: T, idOf: (row: T) => unknown): string | null {
  try {
    const id = typeof row === "object" && row !== null && !isRevokedProxy(row) ? idOf(row) : undefined;
    return (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)) ? String(id) : null;
  } catch {
    return null;
  }
}
