// Survey dates written in a --date-format that DuckDB may read itself: a pattern of numeric day, month, year, hour,
// minute and second fields and an AM/PM marker, turned into a regular expression that keeps DuckDB to the shapes
// date-fns reads alike, and a strptime format that reads them (tested against date-fns on each shape). Any other
// pattern or cell goes to the JS reader.
import { literal } from "../../sql/dialect.js";
import type { DatePattern } from "../dates.js";

/** The fields a translatable pattern holds, by date-fns token, and the expression of each. */
const FIELDS: Readonly<Record<string, readonly [field: string, regex: string, strptime: string]>> = {
  yyyy: ["year", "[0-9]{4}", "%Y"],
  // Two-digit years: DuckDB's %y and date-fns (reference year 2019) both put 69-99 in the 1900s, 00-68 in the 2000s.
  yy: ["year2", "[0-9]{2}", "%y"],
  M: ["month", "[0-9]{1,2}", "%m"],
  MM: ["month", "[0-9]{1,2}", "%m"],
  d: ["day", "[0-9]{1,2}", "%d"],
  dd: ["day", "[0-9]{1,2}", "%d"],
  H: ["hour", "[0-9]{1,2}", "%H"],
  HH: ["hour", "[0-9]{1,2}", "%H"],
  h: ["hour12", "[0-9]{1,2}", "%I"],
  hh: ["hour12", "[0-9]{1,2}", "%I"],
  m: ["minute", "[0-9]{1,2}", "%M"],
  mm: ["minute", "[0-9]{1,2}", "%M"],
  s: ["second", "[0-9]{1,2}", "%S"],
  ss: ["second", "[0-9]{1,2}", "%S"],
  a: ["ampm", "(AM|PM|am|pm)", "%p"],
};

/** Local times DuckDB reads: a day inside the supported range on either side (as canonical.ts). */
const LOCAL_FROM = "1900-01-02";
const LOCAL_TO = "2199-12-30";

/** A pattern DuckDB reads: its expression and the SQL of a cell's local time. */
export interface PatternSql {
  /** The whole-cell expression (RE2). */
  readonly regex: string;
  /** SQL: the local time (TIMESTAMP) a text column holds, inside the range, or NULL. */
  wall(text: string): string;
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => `\\${c}`);
}

/**
 * The SQL of a --date-format that DuckDB may read, or undefined: a pattern with an offset, a token other than
 * the numeric fields and `a`, no year, month or day, a 12-hour clock without `a` (or `a` without it), or two numeric
 * fields side by side (where a regular expression and date-fns could split the digits differently).
 */
export function patternSql(pattern: DatePattern): PatternSql | undefined {
  if (pattern.hasOffset) return undefined;
  const fields = new Set<string>();
  let regex = "";
  let format = "";
  let previousNumeric = false;
  for (const token of pattern.tokens) {
    if (/^[A-Za-z]/.test(token)) {
      const entry = FIELDS[token];
      if (entry === undefined || fields.has(entry[0])) return undefined;
      const numeric = entry[0] !== "ampm";
      if (numeric && previousNumeric) return undefined;
      previousNumeric = numeric;
      fields.add(entry[0]);
      regex += entry[1];
      format += entry[2];
      continue;
    }
    previousNumeric = false;
    const text = token === "''" ? "'" : token.startsWith("'") ? token.replace(/^'|'$/g, "").replace(/''/g, "'") : token;
    regex += escapeLiteral(text);
    format += text.replace(/%/g, "%%");
  }
  const has = (field: string): boolean => fields.has(field);
  if (!(has("year") || has("year2")) || !has("month") || !has("day")) return undefined;
  if (has("hour12") !== has("ampm") || (has("hour12") && has("hour"))) return undefined;
  // The expression keeps DuckDB to the shapes date-fns reads alike; strptime reads the fields (NULL for 24:00, 31 April).
  const wall = (text: string): string => {
    const local = `try_strptime(${text}, ${literal(format)})`;
    return `(CASE WHEN regexp_full_match(${text}, ${literal(regex)}) AND ${local} BETWEEN TIMESTAMP '${LOCAL_FROM}' AND TIMESTAMP '${LOCAL_TO}' THEN ${local} END)`;
  };
  return { regex, wall };
}
