import type * as z from "zod";
import { CxMetricsError, type RowIssue } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";

/** Every row parsed. */
export interface ParseSuccess<T> {
  /** True: every row is valid. */
  readonly success: true;
  /** The parsed rows, in input order. */
  readonly data: T[];
  /** Empty. */
  readonly issues: readonly [];
}

/** Some rows were bad. */
export interface ParseFailure {
  /** False: at least one row is bad. */
  readonly success: false;
  /** Undefined: no partial data is returned. */
  readonly data: undefined;
  /** Every problem found, with row index, field and reason. */
  readonly issues: readonly RowIssue[];
}

/** The outcome of a safe parse helper: every row parsed, or every bad row listed. */
export type SafeParseResponsesResult<T> = ParseSuccess<T> | ParseFailure;

/** A number as CSV writes it. */
export const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * CSV-style clean-up of one row: trims text and drops empty fields; `read` turns each remaining
 * text field into its value.
 */
export function coerceFields(row: unknown, read: (key: string, text: string) => unknown): unknown {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return row;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    const trimmed = value.trim();
    if (trimmed !== "") out[key] = read(key, trimmed);
  }
  return out;
}

/**
 * Validates rows one by one with `schema` (after `prepare`, when given) and collects every issue.
 * Per-row parsing keeps each issue's row index without walking zod's nested error paths.
 */
export function parseEachRow(
  fn: string,
  rows: Iterable<unknown>,
  schema: z.ZodType,
  prepare?: (row: unknown) => unknown,
): SafeParseResponsesResult<unknown> {
  if (typeof rows !== "object" || rows === null || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw invalid(fn, "INVALID_ARGUMENT", "rows", rows, "an array or iterable of objects");
  }
  const data: unknown[] = [];
  const issues: RowIssue[] = [];
  let index = 0;
  for (const raw of rows) {
    const parsed = schema.safeParse(prepare === undefined ? raw : prepare(raw));
    if (parsed.success) data.push(parsed.data);
    else for (const issue of parsed.error.issues) issues.push({ index, field: issue.path.map(String).join("."), reason: issue.message });
    index++;
  }
  return issues.length === 0 ? { success: true, data, issues: [] } : { success: false, data: undefined, issues };
}

/** The parsed rows, or one `INVALID_ROWS` error listing every issue. */
export function dataOrThrow(fn: string, result: SafeParseResponsesResult<unknown>): unknown[] {
  if (result.success) return result.data;
  const first = result.issues[0]!;
  throw new CxMetricsError(
    fn,
    "INVALID_ROWS",
    `${result.issues.length} problem(s) in the rows; first: row ${first.index}, ${first.field || "row"}: ${first.reason}`,
    { issues: result.issues },
  );
}
