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

/** A table: a name (quoted, dotted parts allowed) or a parenthesised query as it is. */
export function tableRef(table: string): string {
  const trimmed = table.trim();
  if (trimmed.startsWith("(")) return `${trimmed} AS source`;
  return trimmed
    .split(".")
    .map((part) => ident(part))
    .join(".");
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

/** A segment value as text; NULL and blanks are the segment "(blank)", as in `summarize`. */
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

export function segmentOf(column: string): string {
  const text = `CAST(${ident(column)} AS VARCHAR)`;
  return `(CASE WHEN ${ident(column)} IS NULL OR TRIM(${text}) = '' THEN '(blank)' ELSE ${text} END)`;
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
