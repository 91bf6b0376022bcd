import type * as z from "zod";
import { CxMetricsError, type RowIssue } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import {
  ces5ResponseSchema,
  cesResponseSchema,
  csat10ResponseSchema,
  csatResponseSchema,
  npsResponseSchema,
  smileyResponseSchema,
  type CesResponse,
  type CsatResponse,
  type NpsResponse,
  type SmileyResponse,
} from "./responses.js";

/** Rows of an NPS survey. */
export interface NpsResponseKind {
  /** The survey. */
  readonly metric: "nps";
}

/** Rows of a CSAT survey. */
export interface CsatResponseKind {
  /** The survey. */
  readonly metric: "csat";
  /** The scale; default `"1-5"`. */
  readonly scale?: "1-5" | "1-10" | "smiley-3";
}

/** Rows of a 3-smiley CSAT survey. */
export interface SmileyResponseKind extends CsatResponseKind {
  /** The 3-smiley scale. */
  readonly scale: "smiley-3";
}

/** Rows of a CES survey. */
export interface CesResponseKind {
  /** The survey. */
  readonly metric: "ces";
  /** The scale; default `"1-7"`. */
  readonly scale?: "1-7" | "1-5";
}

/** Which survey the rows answer, and on which scale. */
export type ResponseKind = NpsResponseKind | CsatResponseKind | CesResponseKind;

/** Options of {@link parseResponses} and {@link safeParseResponses}: the kind of rows, and `coerce`. */
export type ParseResponsesOptions = ResponseKind & {
  /**
   * Coerce CSV-style text first: `"9"` becomes 9, `""` and whitespace become a missing field,
   * strings are trimmed. Default false (JSON input keeps its types).
   */
  readonly coerce?: boolean;
};

/** The parsed row type for a response kind. */
export type ParsedResponse<K extends ResponseKind> = K extends NpsResponseKind
  ? NpsResponse
  : K extends SmileyResponseKind
    ? SmileyResponse
    : K extends CsatResponseKind
      ? CsatResponse
      : CesResponse;

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

/** The outcome of {@link safeParseResponses}: every row parsed, or every bad row listed. */
export type SafeParseResponsesResult<T> = ParseSuccess<T> | ParseFailure;

function schemaFor(fn: string, kind: ResponseKind): z.ZodType {
  if (kind.metric === "nps") return npsResponseSchema;
  if (kind.metric === "csat") {
    const scale = kind.scale ?? "1-5";
    if (scale === "1-5") return csatResponseSchema;
    if (scale === "1-10") return csat10ResponseSchema;
    if (scale === "smiley-3") return smileyResponseSchema;
  }
  if (kind.metric === "ces") {
    const scale = kind.scale ?? "1-7";
    if (scale === "1-7") return cesResponseSchema;
    if (scale === "1-5") return ces5ResponseSchema;
  }
  throw new CxMetricsError(fn, "INVALID_OPTION", `no response schema for ${describe(kind)}`, { value: kind });
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** CSV-style coercion of one row: trims text, drops empty fields, reads numeric scores. */
function coerceRow(row: unknown): unknown {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return row;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "string") {
      out[key] = value;
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === "") continue;
    out[key] = key === "score" && NUMERIC.test(trimmed) ? Number(trimmed) : trimmed;
  }
  return out;
}

/**
 * Validates a batch of survey responses and reports **every** bad row, never only the first.
 * Rows are checked one by one with the metric's schema (much faster than one `z.array(...)` over
 * the batch); unknown columns are kept as they are.
 *
 * @param rows - objects from JSON or a CSV reader.
 * @param options - `metric` (`"nps"`, `"csat"`, `"ces"`), `scale`, and `coerce` for CSV text.
 * @returns `{ success: true, data }`, or `{ success: false, issues }` with index, field and reason per problem.
 * @throws CxMetricsError `INVALID_ARGUMENT` when `rows` is not iterable; `INVALID_OPTION` for an unknown metric or scale.
 * @example
 * ```ts
 * safeParseResponses([{ score: "9" }, { score: "11" }], { metric: "nps", coerce: true });
 * //=> { success: false, issues: [{ index: 1, field: "score", reason: "expected an integer 0-10" }] }
 * ```
 */
export function safeParseResponses<K extends ParseResponsesOptions>(
  rows: Iterable<unknown>,
  options: K,
): SafeParseResponsesResult<ParsedResponse<K>> {
  const fn = "safeParseResponses";
  return parseRows(fn, rows, options) as SafeParseResponsesResult<ParsedResponse<K>>;
}

/**
 * Like {@link safeParseResponses}, but returns the parsed rows or throws one `CxMetricsError`
 * with code `INVALID_ROWS` whose `issues` list every bad row.
 *
 * @throws CxMetricsError `INVALID_ROWS` (with `issues`), `INVALID_ARGUMENT`, `INVALID_OPTION`.
 * @example
 * ```ts
 * const rows = parseResponses(csvRows, { metric: "csat", scale: "1-5", coerce: true });
 * csat(rows, { accessor: (r) => r.score });
 * ```
 */
export function parseResponses<K extends ParseResponsesOptions>(rows: Iterable<unknown>, options: K): ParsedResponse<K>[] {
  const fn = "parseResponses";
  const result = parseRows(fn, rows, options);
  if (!result.success) {
    const first = result.issues[0]!;
    throw new CxMetricsError(
      fn,
      "INVALID_ROWS",
      `${result.issues.length} problem(s) in the rows; first: row ${first.index}, ${first.field || "row"}: ${first.reason}`,
      { issues: result.issues },
    );
  }
  return result.data as ParsedResponse<K>[];
}

function parseRows(fn: string, rows: Iterable<unknown>, options: ParseResponsesOptions): SafeParseResponsesResult<unknown> {
  if (typeof options !== "object" || options === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "{ metric, scale?, coerce? }");
  }
  const schema = schemaFor(fn, options);
  if (typeof rows !== "object" || rows === null || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw invalid(fn, "INVALID_ARGUMENT", "rows", rows, "an array or iterable of objects");
  }
  const data: unknown[] = [];
  const issues: RowIssue[] = [];
  let index = 0;
  for (const raw of rows) {
    const row = options.coerce === true ? coerceRow(raw) : raw;
    const parsed = schema.safeParse(row);
    if (parsed.success) data.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        issues.push({ index, field: issue.path.map(String).join("."), reason: issue.message });
      }
    }
    index++;
  }
  return issues.length === 0 ? { success: true, data, issues: [] } : { success: false, data: undefined, issues };
}
