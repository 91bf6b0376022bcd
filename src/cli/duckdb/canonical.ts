// The cells DuckDB may read and count itself: shapes whose value the JS reader reads the same way (strict patterns, one definition for the SQL and the JS test). Every other cell goes to the JS reader, which reads it or rejects it with its line and reason.
import { csat } from "../../csat/csat.js";
import { ces } from "../../ces/index.js";
import { MAX_INSTANT, MIN_INSTANT, parseInstant } from "../../internal/instant.js";
import type { SummarizeSpec } from "../../report/spec.js";
import { literal } from "../../sql/dialect.js";
import type { DateReading } from "../columns.js";

/** An instant in the common export shape, with an offset: `2025-03-01T09:30:00[.250](Z|+01:00)`, `T` or a space. */
export const INSTANT_PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,3})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])";

/** Unix seconds (a preset's dates), up to ten digits. */
export const UNIX_SECONDS_PATTERN = "[0-9]{1,10}";

const INSTANT_JS = new RegExp(`^(?:${INSTANT_PATTERN})$`);
const UNIX_SECONDS_JS = new RegExp(`^(?:${UNIX_SECONDS_PATTERN})$`);

/** The values (as written) DuckDB may count: the scores 0 to 10, or the ratings 0 to 10 that the metric takes on the spec's scale. Anything else ("7.0", " 7", smiley labels) goes to the JS reader. */
export function countableValues(spec: SummarizeSpec): ReadonlySet<string> {
  const allowed = new Set<string>();
  for (let rating = 0; rating <= 10; rating++) {
    if (spec.metric === "nps") allowed.add(String(rating));
    else {
      try {
        if (spec.metric === "csat") csat([rating], spec.csat ?? {});
        else ces([rating], spec.ces ?? {});
        allowed.add(String(rating));
      } catch {
        // Not on this scale.
      }
    }
  }
  return allowed;
}

/** SQL: is this text one of the values DuckDB may count? */
export function countableSql(text: string, values: ReadonlySet<string>): string {
  return values.size === 0 ? "false" : `coalesce(${text} IN (${[...values].map(literal).join(", ")}), false)`;
}

/** SQL: the instant of a text DuckDB may read (a TIMESTAMPTZ; check it with {@link inRangeSql}), or NULL when the JS reader must read it. */
export function instantSql(text: string, reading: DateReading): string {
  if (reading === "unix-seconds") return `(CASE WHEN regexp_full_match(${text}, ${literal(UNIX_SECONDS_PATTERN)}) THEN to_timestamp(CAST(${text} AS BIGINT)) END)`;
  return `(CASE WHEN regexp_full_match(${text}, ${literal(INSTANT_PATTERN)}) THEN TRY_CAST(${text} AS TIMESTAMPTZ) END)`;
}

/** SQL: is an instant (TIMESTAMPTZ) there and inside the supported range? */
export function inRangeSql(instant: string): string {
  return `coalesce(${instant} BETWEEN make_timestamptz(${MIN_INSTANT}::BIGINT * 1000) AND make_timestamptz(${MAX_INSTANT}::BIGINT * 1000), false)`;
}

/** JS: may DuckDB read this cell as an instant (the JS reader reads it to the same instant)? */
export function instantOk(cell: unknown, reading: DateReading): boolean {
  if (typeof cell !== "string") return false;
  if (reading === "unix-seconds") return UNIX_SECONDS_JS.test(cell) && Number(cell) * 1000 <= MAX_INSTANT;
  return INSTANT_JS.test(cell) && parseInstant(cell) !== undefined;
}
