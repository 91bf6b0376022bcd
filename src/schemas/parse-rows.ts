import type * as z from "zod";
import { CxMetricsError, type RowIssue } from "../errors/cx-metrics-error.js";
import type { BatchCounts } from "../errors/batch.js";
import { describe, invalid } from "../internal/describe.js";
import { parseInstant } from "../internal/instant.js";

/** Every row parsed. */
export interface ParseSuccess<T> {
  /** True: every row is valid. */
  readonly success: true;
  /** The parsed rows, in input order. */
  readonly data: T[];
  /** Empty. */
  readonly issues: readonly [];
  /** Rows read and used (`total = used + excluded`, none excluded here). */
  readonly rows: BatchCounts;
}

/** Some rows were bad: the good ones are still returned, with every problem of the bad ones. */
export interface ParseFailure<T = unknown> {
  /** False: at least one row is bad. */
  readonly success: false;
  /** The rows that parsed, in input order (the bad ones left out). */
  readonly data: T[];
  /** Every problem found, with row index, field, the value found and the reason. */
  readonly issues: readonly RowIssue[];
  /** Rows read, used and left out: `total = used + excluded`. */
  readonly rows: BatchCounts;
}

/** The outcome of a safe parse helper: the good rows, and every problem of the bad ones. */
export type SafeParseResponsesResult<T> = ParseSuccess<T> | ParseFailure<T>;

/** A number as CSV writes it. */
export const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * CSV-style clean-up of one row: trims text and drops empty fields; `read` turns each remaining
 * text field into its value. The copy has no prototype to inherit from until the schema builds the
 * parsed row (rows with a `__proto__` field are rejected before they get here).
 */
export function coerceFields(row: unknown, read: (key: string, text: string) => unknown): unknown {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return row;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
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

/** How parse helpers read rows: after `prepare`, with the keys of nested objects to guard. */
export interface RowReading {
  /** Turns a raw row into what the schema reads (coercion, wide columns, local times). */
  readonly prepare?: ((row: unknown) => unknown) | undefined;
  /** Fields holding objects whose keys come from the data (`ratings`): checked for `__proto__` too. */
  readonly nested?: readonly string[];
}

/** The own `__proto__` key of a row or of one of its nested objects, as a field path, or undefined. */
function prototypeKey(row: unknown, nested: readonly string[]): string | undefined {
  if (typeof row !== "object" || row === null) return undefined;
  if (Object.hasOwn(row, "__proto__")) return "__proto__";
  for (const field of nested) {
    const inner = Object.hasOwn(row, field) ? (row as Record<string, unknown>)[field] : undefined;
    if (typeof inner === "object" && inner !== null && Object.hasOwn(inner, "__proto__")) return `${field}.__proto__`;
  }
  return undefined;
}

/** The value at a path of a raw row (own properties only), or undefined. */
function valueAt(row: unknown, path: readonly PropertyKey[]): unknown {
  let value = row;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What was found in a cell, for an issue's reason: `the cell is empty`, `missing`, `"abc"`, `11`. */
export function foundText(value: unknown): string {
  if (value === undefined) return "the field is missing";
  if (typeof value === "string" && value.trim() === "") return "the cell is empty";
  return `found ${describe(value)}`;
}

/**
 * Validates rows one by one with `schema` (after `prepare`, when given) and collects every issue,
 * each with the row's index, the field, the value found in the raw row and a reason that says what
 * was found. Per-row parsing keeps each issue's row index without walking zod's nested error paths.
 */
export function parseEachRow(
  fn: string,
  rows: Iterable<unknown>,
  schema: z.ZodType,
  reading: RowReading = {},
): SafeParseResponsesResult<unknown> {
  if (typeof rows !== "object" || rows === null || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw invalid(fn, "INVALID_ARGUMENT", "rows", rows, "an array or iterable of objects");
  }
  const { prepare, nested = [] } = reading;
  const data: unknown[] = [];
  const issues: RowIssue[] = [];
  let index = 0;
  for (const raw of rows) {
    const unsafe = prototypeKey(raw, nested);
    if (unsafe !== undefined) {
      issues.push({
        index,
        field: unsafe,
        value: undefined,
        reason: "a field named __proto__ is not accepted: it would change what the row inherits",
      });
      index++;
      continue;
    }
    const parsed = schema.safeParse(prepare === undefined ? raw : prepare(raw));
    if (parsed.success) data.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const value = valueAt(raw, issue.path);
        const reason = issue.message.startsWith("expected") ? `${foundText(value)}, ${issue.message}` : issue.message;
        issues.push({ index, field: issue.path.map(String).join("."), value, reason });
      }
    }
    index++;
  }
  const counts = { total: index, used: data.length, skipped: 0, excluded: index - data.length };
  return issues.length === 0
    ? { success: true, data, issues: [], rows: counts }
    : { success: false, data, issues, rows: counts };
}

/** The parsed rows, or one `INVALID_ROWS` error listing every issue. */
export function dataOrThrow(fn: string, result: SafeParseResponsesResult<unknown>): unknown[] {
  if (result.success) return result.data;
  const first = result.issues[0]!;
  throw new CxMetricsError(
    fn,
    "INVALID_ROWS",
    `${result.rows.excluded} bad row(s), ${result.issues.length} problem(s); first: row ${first.index}, ${first.field || "row"}: ${first.reason}`,
    { issues: result.issues },
  );
}

/**
 * Reads local date-times and plain dates of the given instant fields in an explicit zone, into
 * `Date`s; values with an offset, and values that are no instant at all, are left for the schema.
 */
export function localInstants(
  timeZone: string | undefined,
  fields: readonly string[],
): ((row: unknown) => unknown) | undefined {
  if (timeZone === undefined) return undefined;
  const read = (value: unknown): unknown => {
    if (typeof value !== "string" || parseInstant(value) !== undefined) return value;
    const ms = parseInstant(value, { timeZone });
    return ms === undefined ? value : new Date(ms);
  };
  return (row) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) return row;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(row)) out[key] = fields.includes(key) ? readNested(value, read) : value;
    return out;
  };
}

/** Applies `read` to an instant, to each element of an array of instants, or to the `at` of each element. */
function readNested(value: unknown, read: (value: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return read(value);
  return value.map((element: unknown) => {
    if (typeof element !== "object" || element === null || !Object.hasOwn(element, "at")) return read(element);
    return { ...(element as object), at: read((element as { at: unknown }).at) };
  });
}

/** Runs the steps that are given, in order. */
export function steps(
  ...all: readonly (((row: unknown) => unknown) | undefined)[]
): ((row: unknown) => unknown) | undefined {
  const present = all.filter((step): step is (row: unknown) => unknown => step !== undefined);
  if (present.length === 0) return undefined;
  return (row) => present.reduce((value, step) => step(value), row);
}
