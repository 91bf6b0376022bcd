// The cells DuckDB may read and count itself: shapes whose value the JS reader reads the same way (strict patterns).
// Every other cell goes to the JS reader, which reads it or rejects it with its line and reason.
import { MAX_INSTANT, MIN_INSTANT } from "../../internal/instant.js";
import type { SummarizeSpec } from "../../report/spec.js";
import { cesRule } from "../../ces/rule.js";
import { csatRule } from "../../csat/rule.js";
import { isNpsScore } from "../../nps/rule.js";
import { literal } from "../../sql/dialect.js";
import type { DateReading } from "../columns.js";

/** A local date and time in the common export shape: `2025-03-01T09:30:00[.250]`, `T` or a space. */
export const LOCAL_PATTERN =
  "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,3})?";

/** An instant in the common export shape: a local date and time with `Z` or `±HH:MM`. */
export const INSTANT_PATTERN = `${LOCAL_PATTERN}(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])`;

/** Unix seconds (a preset's dates), up to ten digits. */
export const UNIX_SECONDS_PATTERN = "[0-9]{1,10}";

/** Local times DuckDB reads: a day inside the supported range on either side (whatever the zone's offset). */
const LOCAL_FROM = "1900-01-02";
const LOCAL_TO = "2199-12-30";

/**
 * The values (as written) DuckDB may count: the scores 0 to 10, or the ratings 0 to 10 that the metric takes on the
 * spec's scale. Anything else ("7.0", " 7", smiley labels) goes to the JS reader.
 */
export function countableValues(spec: SummarizeSpec): ReadonlySet<string> {
  const allowed = new Set<string>();
  const takes =
    spec.metric === "nps"
      ? isNpsScore
      : spec.metric === "csat"
        ? csatRule(spec.csat ?? {}).accepts
        : cesRule(spec.ces ?? {}).accepts;
  for (let rating = 0; rating <= 10; rating++) if (takes(rating)) allowed.add(String(rating));
  return allowed;
}

/**
 * SQL: is this text one of the values DuckDB may count? (`list_contains`, not `IN`: DuckDB turns a long IN list into a
 * join, which does not keep the rows in file order.)
 */
export function countableSql(text: string, values: ReadonlySet<string>): string {
  return values.size === 0
    ? "false"
    : `coalesce(list_contains([${[...values].map(literal).join(", ")}], ${text}), false)`;
}

/**
 * The zone in which DuckDB may read a local time for a survey's period: UTC for a column written in
 * UTC, `--time-zone` for ISO text; none when the JS reader rejects local times (no zone).
 */
export function localZone(reading: DateReading, timeZone: string | undefined): string | undefined {
  return reading === "utc" ? "UTC" : reading === "iso" ? timeZone : undefined;
}

/**
 * SQL: the local date and time of a text in the local shape, inside the supported range whatever the zone (a
 * TIMESTAMP), else NULL.
 */
export function localTimeSql(text: string): string {
  const local = `TRY_CAST(${text} AS TIMESTAMP)`;
  return `(CASE WHEN regexp_full_match(${text}, ${literal(LOCAL_PATTERN)}) AND ${local} BETWEEN TIMESTAMP '${LOCAL_FROM}' AND TIMESTAMP '${LOCAL_TO}' THEN ${local} END)`;
}

/**
 * SQL: the instant (a TIMESTAMPTZ; check it with {@link inRangeSql}) of a text written with its offset or `Z` in the
 * common shape, or as Unix seconds; NULL for any other text (a local time: see {@link localTimeSql}).
 */
export function instantSql(text: string, reading: DateReading): string {
  if (reading === "unix-seconds")
    return `(CASE WHEN regexp_full_match(${text}, ${literal(UNIX_SECONDS_PATTERN)}) THEN to_timestamp(CAST(${text} AS BIGINT)) END)`;
  return `(CASE WHEN regexp_full_match(${text}, ${literal(INSTANT_PATTERN)}) THEN TRY_CAST(${text} AS TIMESTAMPTZ) END)`;
}

/** SQL: is an instant (TIMESTAMPTZ) there and inside the supported range? */
export function inRangeSql(instant: string): string {
  return `coalesce(${instant} BETWEEN make_timestamptz(${MIN_INSTANT}::BIGINT * 1000) AND make_timestamptz(${MAX_INSTANT}::BIGINT * 1000), false)`;
}
