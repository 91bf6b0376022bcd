import type * as z from "zod";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertTimeZone } from "../internal/time-zone.js";
import {
  coerceFields,
  dataOrThrow,
  localInstants,
  NUMERIC,
  parseEachRow,
  steps,
  type SafeParseResponsesResult,
} from "./parse-rows.js";
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
  /** IANA zone in which local date-times and plain dates of `respondedAt` are read; without it they are rejected. */
  readonly timeZone?: string;
};

/** The parsed row type for a response kind. */
export type ParsedResponse<K extends ResponseKind> = K extends NpsResponseKind
  ? NpsResponse
  : K extends SmileyResponseKind
    ? SmileyResponse
    : K extends CsatResponseKind
      ? CsatResponse
      : CesResponse;

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

/** CSV-style coercion of one row: trims text, drops empty fields, reads a numeric score. */
function coerceRow(row: unknown): unknown {
  return coerceFields(row, (key, text) => (key === "score" && NUMERIC.test(text) ? Number(text) : text));
}

/**
 * Validates a batch of survey responses: returns the good rows and reports **every** bad row, never
 * only the first, each issue saying what was found (`the cell is empty`, `found "abc"`).
 * Rows are checked one by one with the metric's schema (much faster than one `z.array(...)` over
 * the batch); unknown columns are kept as they are.
 *
 * @param rows - objects from JSON or a CSV reader.
 * @param options - `metric` (`"nps"`, `"csat"`, `"ces"`), `scale`, and `coerce` for CSV text.
 * @returns `{ success, data, issues, rows }`: the parsed good rows, every problem (index, field, value,
 *   reason), and the counts (`total = used + excluded`).
 * @throws CxMetricsError `INVALID_ARGUMENT` when `rows` is not iterable; `INVALID_OPTION` for an
 *   unknown metric or scale; `INVALID_TIME_ZONE`.
 * @example
 * ```ts
 * safeParseResponses([{ score: "9" }, { score: "11" }], { metric: "nps", coerce: true });
 * //=> { success: false, data: [{ score: 9 }], issues: [{ index: 1, field: "score", value: "11", reason: "found \"11\", expected an integer 0-10" }], ... }
 * ```
 */
export function safeParseResponses<K extends ParseResponsesOptions>(
  rows: Iterable<unknown>,
  options: K,
): SafeParseResponsesResult<ParsedResponse<K>> {
  return parseRows("safeParseResponses", rows, options) as SafeParseResponsesResult<ParsedResponse<K>>;
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
export function parseResponses<K extends ParseResponsesOptions>(
  rows: Iterable<unknown>,
  options: K,
): ParsedResponse<K>[] {
  return dataOrThrow("parseResponses", parseRows("parseResponses", rows, options)) as ParsedResponse<K>[];
}

function parseRows(
  fn: string,
  rows: Iterable<unknown>,
  options: ParseResponsesOptions,
): SafeParseResponsesResult<unknown> {
  if (typeof options !== "object" || options === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "{ metric, scale?, coerce? }");
  }
  if (options.timeZone !== undefined) assertTimeZone(fn, options.timeZone);
  return parseEachRow(fn, rows, schemaFor(fn, options), {
    prepare: steps(options.coerce === true ? coerceRow : undefined, localInstants(options.timeZone, ["respondedAt"])),
  });
}
