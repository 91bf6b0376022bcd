// The SQL that differs between DuckDB and PostgreSQL: quoting, reading timestamps and numbers that may be text, local
// time in a zone, period keys, epoch seconds.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/** The SQL dialects the generated queries are tested on (a real DuckDB and a real PostgreSQL). */
export type SqlDialect = "duckdb" | "postgres";

const DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres"];

/** Checks a dialect name. */
export function checkDialect(fn: string, dialect: unknown): SqlDialect {
  if (!DIALECTS.includes(dialect as SqlDialect))
    throw new CxMetricsError(fn, "INVALID_OPTION", `dialect is ${describe(dialect)}, expected "duckdb" or "postgres"`, {
      value: dialect,
      field: "dialect",
    });
  return dialect as SqlDialect;
}

/** A quoted identifier ("Created at" → "Created at", with quotes doubled). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A quoted string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A bare identifier: a letter or `_`, then letters, marks, digits, `_` or `$`. */
const BARE = /^[\p{L}_][\p{L}\p{M}\p{N}_$]*$/u;

/**
 * A table (or view) name as SQL: one to three dotted parts (`survey`, `analytics.survey`, `warehouse.analytics.survey`),
 * each a bare identifier or a double-quoted one (`"My Schema"."Survey 2025"`, quotes inside doubled), each part quoted
 * in the SQL. Nothing else is accepted (a query in parentheses, a `;`, a comment, a function call): a query goes into a
 * view first.
 *
 * @throws CxMetricsError `INVALID_OPTION` naming the option.
 */
export function tableRef(fn: string, table: unknown, option = "table"): string {
  const bad = (why: string): CxMetricsError =>
    new CxMetricsError(
      fn,
      "INVALID_OPTION",
      `${option} is ${describe(table)}: ${why}; expected a table or view name, schema-qualified or not ("survey", "analytics.survey", ""My Schema"."Survey 2025""), and nothing else (make a query a view)`,
      { value: table, field: option },
    );
  if (typeof table !== "string") throw bad("not text");
  const text = table.trim();
  const parts: string[] = [];
  let i = 0;
  while (true) {
    let part: string;
    if (text[i] === '"') {
      let end = i + 1;
      part = "";
      while (true) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw bad("a quoted name is not closed");
        part += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          part += '"';
          end = quote + 2;
        } else {
          end = quote + 1;
          break;
        }
      }
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
      if (part === "" || /[\u0000-\u001f\u007f]/.test(part))
        throw bad("a quoted name is empty or holds a control character");
      i = end;
    } else {
      const dot = text.indexOf(".", i);
      const end = dot < 0 ? text.length : dot;
      part = text.slice(i, end);
      if (!BARE.test(part))
        throw bad(
          part === ""
            ? "a part of the name is empty"
            : `${JSON.stringify(part)} is not a plain name (letters, digits, _ and $; quote any other name)`,
        );
      i = end;
    }
    parts.push(part);
    if (i === text.length) break;
    if (text[i] !== ".") throw bad("a quoted name is followed by something other than a dot");
    i++;
    if (parts.length === 3) throw bad("more than three dotted parts");
  }
  return parts.map(ident).join(".");
}

/** A column read as a timestamp with time zone; in DuckDB a text that is not one gives NULL. */
export function timestampOf(dialect: SqlDialect, column: string): string {
  return dialect === "duckdb" ? `TRY_CAST(${ident(column)} AS TIMESTAMPTZ)` : `CAST(${ident(column)} AS TIMESTAMPTZ)`;
}

/** A column read as a number, NULL when it is not one (text "ten", blanks). */
export function numberOf(dialect: SqlDialect, column: string): string {
  if (dialect === "duckdb") return `TRY_CAST(TRIM(CAST(${ident(column)} AS VARCHAR)) AS DOUBLE)`;
  const text = `TRIM(CAST(${ident(column)} AS TEXT))`;
  return `(CASE WHEN ${text} ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN CAST(${text} AS DOUBLE PRECISION) END)`;
}

/** The query's own name for the k-th segment column, before it is given the segment's name. */
export const segmentKey = (k: number): string => `cx_s${k}`;

/**
 * The segment columns of a query's output, each named as its `by` field (`channel`, `"Agent Name"`):
 * `cx_s0 AS "channel", ...`. A segment may not take the name of a column the query returns itself.
 */
export function namedSegments(fn: string, by: readonly string[], reserved: readonly string[]): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  return by.map((name, k) => {
    const folded = name.toLowerCase();
    if (taken.has(folded) || seen.has(folded)) {
      const why = seen.has(folded)
        ? "appears twice in `by`"
        : `is the name of a column the query returns (${reserved.join(", ")})`;
      throw new CxMetricsError(
        fn,
        "INVALID_OPTION",
        `segment field ${JSON.stringify(name)} ${why}; read it under another name (a view or a SELECT ... AS)`,
        { value: name, field: "by" },
      );
    }
    seen.add(folded);
    return `${segmentKey(k)} AS ${ident(name)}`;
  });
}

/**
 * The characters JavaScript's `String.prototype.trim` removes (white space and line terminators), as SQL: a cell made
 * only of these is blank in the SQL as in `summarize`.
 */
export const JS_WHITE_SPACE: readonly number[] = [
  0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
const WHITE_SPACE_SQL = JS_WHITE_SPACE.map((code) => `chr(${code})`).join(" || ");

/** SQL: a text trimmed as JavaScript's `String.prototype.trim` trims it. */
export function jsTrimOf(dialect: SqlDialect, text: string): string {
  return dialect === "duckdb" ? `trim(${text}, ${WHITE_SPACE_SQL})` : `btrim(${text}, ${WHITE_SPACE_SQL})`;
}

/**
 * A segment column as the segment's text, as `summarize` reads it: NULL for a blank cell (NULL, or only white space as
 * JavaScript trims it; the library names it "(blank)"), else the text in Unicode NFC (`nfc_normalize` in DuckDB,
 * `normalize(..., NFC)` in PostgreSQL, which needs a UTF-8 database), so that a composed and a decomposed "é" are one
 * group.
 */
export function segmentOf(dialect: SqlDialect, column: string): string {
  const text = `CAST(${ident(column)} AS VARCHAR)`;
  const trimmed = jsTrimOf(dialect, text);
  const normal = dialect === "duckdb" ? `nfc_normalize(${text})` : `normalize(${text}, NFC)`;
  return `(CASE WHEN ${ident(column)} IS NULL OR ${trimmed} = '' THEN NULL ELSE ${normal} END)`;
}

/** The local date and time of a timestamp in a zone (a timestamp without time zone). */
export function localOf(timestamp: string, timeZone: string): string {
  return `(${timestamp} AT TIME ZONE ${literal(timeZone)})`;
}

/**
 * The period key of a local timestamp, the same integer as the library's period index: days since
 * 1970-01-01, ISO weeks counted from Monday 1970-01-05, year × 12 + month − 1, year × 4 + quarter − 1,
 * the year.
 */
export function periodKeyOf(
  dialect: SqlDialect,
  local: string,
  unit: "day" | "week" | "month" | "quarter" | "year",
): string {
  const days =
    dialect === "duckdb"
      ? `date_diff('day', DATE '1970-01-01', CAST(${local} AS DATE))`
      : `(CAST(${local} AS DATE) - DATE '1970-01-01')`;
  const year = `CAST(EXTRACT(YEAR FROM ${local}) AS INTEGER)`;
  switch (unit) {
    case "day":
      return days;
    case "week":
      return `CAST(floor((${days} - 4) / 7.0) AS INTEGER)`;
    case "month":
      return `(${year} * 12 + CAST(EXTRACT(MONTH FROM ${local}) AS INTEGER) - 1)`;
    case "quarter":
      return `(${year} * 4 + CAST(EXTRACT(QUARTER FROM ${local}) AS INTEGER) - 1)`;
    case "year":
      return year;
  }
}

/** Seconds since the epoch of a timestamp with time zone, as a double. */
export function epochSecondsOf(dialect: SqlDialect, timestamp: string): string {
  return dialect === "duckdb" ? `epoch(${timestamp})` : `EXTRACT(EPOCH FROM ${timestamp})::double precision`;
}
