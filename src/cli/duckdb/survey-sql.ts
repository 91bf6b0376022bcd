// The SQL of a survey report through DuckDB: for each row, whether DuckDB counts it (a score and an instant of a shape
// the JS reader reads the same way, canonical.ts) and its group: segments as written, period, score. Each expression is
// computed once, and the costly ones only for the rows that need them: a time zone's rules (ICU, about 300 ns a row)
// only for a local time, or an instant within the zone's offsets of a period's edge.
import type { DuckDBConnection } from "@duckdb/node-api";
import { MAX_INSTANT, MIN_INSTANT } from "../../internal/instant.js";
import type { SummarizeSpec } from "../../report/spec.js";
import { literal, localOf, periodKeyOf } from "../../sql/dialect.js";
import type { ResolvedField } from "../columns.js";
import { dateReader } from "../dates.js";
import type { ReportJob } from "../report-part.js";
import { countableSql, countableValues, inRangeSql, instantSql, localTimeSql, localZone } from "./canonical.js";
import { patternSql } from "./patterned.js";
import type { DuckSource } from "./source.js";

/** The least and greatest offset from UTC of a zone over the supported range, in microseconds. */
export interface OffsetBounds {
  readonly least: number;
  readonly greatest: number;
}

/** Days between offset samples: every offset of an IANA zone in 1900-2199 lasts at least 7 days (internal/zone.ts). */
const SAMPLE_DAYS = 5;

/** A zone's offset bounds as DuckDB's time zone rules give them (a sample every 5 days: a few milliseconds). */
export async function offsetBounds(connection: DuckDBConnection, zone: string): Promise<OffsetBounds> {
  const step = SAMPLE_DAYS * 86_400_000_000;
  const rows = (
    await connection.runAndReadAll(
      `SELECT min(o), max(o) FROM (SELECT epoch_us(t AT TIME ZONE ${literal(zone)}) - epoch_us(t) AS o FROM (SELECT make_timestamptz(us) AS t FROM range(${MIN_INSTANT * 1000}, ${MAX_INSTANT * 1000 + step}, ${step}) AS r(us)))`,
    )
  ).getRows();
  return { least: Number(rows[0]![0]), greatest: Number(rows[0]![1]) };
}

/**
 * SQL: the period key (periodKeyOf) of an instant in a zone. The key grows with the local time, and the local time is
 * the instant plus an offset between the zone's bounds: where both bounds give the same key, that is the key, without
 * the zone's rules; near a period's edge (or for a zone without bounds) the rules say.
 */
export function periodSql(
  instant: string,
  zone: string,
  every: NonNullable<SummarizeSpec["every"]>,
  bounds?: OffsetBounds,
): string {
  const exact = periodKeyOf("duckdb", localOf(instant, zone), every);
  if (bounds === undefined) return exact;
  const shifted = (offset: number): string =>
    periodKeyOf("duckdb", `make_timestamp(epoch_us(${instant}) + ${offset})`, every);
  if (bounds.least === bounds.greatest) return shifted(bounds.least);
  return `(CASE WHEN ${shifted(bounds.least)} = ${shifted(bounds.greatest)} THEN ${shifted(bounds.least)} ELSE ${exact} END)`;
}

/** A survey's judged rows. */
export interface SurveySql {
  /** A query with, for each row: `ok` (DuckDB counts it), `t<index>` (each wanted cell as text), `file_row_number` (Parquet). */
  readonly judged: string;
  /** The group of a counted row over `judged`'s columns: the segments, the period key (or NULL), the score. */
  readonly keys: readonly string[];
  /** The column indexes of the cells the report reads. */
  readonly wanted: readonly number[];
}

/**
 * The judged rows of a survey report (NPS, CSAT, CES). `bounds`: the offset bounds of the period zone (`--time-zone`,
 * else UTC).
 */
export function surveySql(
  source: DuckSource,
  job: ReportJob,
  spec: SummarizeSpec,
  columns: readonly ResolvedField[],
  bounds?: OffsetBounds,
): SurveySql {
  const segments = (spec.by ?? []).map((name) => columns.find((column) => column.field === name)!);
  const value = columns.find((column) => column.field === (spec.metric === "nps" ? "score" : "rating"))!;
  const date = spec.every === undefined ? undefined : columns.find((column) => column.field === "respondedAt");
  const wanted = [
    ...new Set([...segments, value, ...(date === undefined ? [] : [date])].map((column) => column.index)),
  ];
  const texts = [
    ...wanted.map((index) => `${source.text(index)} AS t${index}`),
    ...(source.format === "parquet" ? ["file_row_number"] : []),
  ];
  const countable = countableSql(`t${value.index}`, countableValues(spec));
  if (date === undefined || spec.every === undefined) {
    const cells = `SELECT ${texts.join(", ")} FROM ${source.relation}`;
    return {
      judged: `SELECT *, ${countable} AS ok FROM (${cells})`,
      keys: [...segments.map((column) => `t${column.index}`), "NULL", `t${value.index}`],
      wanted,
    };
  }
  const text = `t${date.index}`;
  const typed = source.typedInstant(date.index);
  // Dates written in a --date-format: DuckDB reads those of a pattern it can (patterned.ts), the JS reader the rest
  // (without a translation, every row with a date goes to it).
  const patterned = typed === null && job.dates?.format !== undefined && date.reading !== "unix-seconds";
  const reader = patterned ? dateReader(job.dates ?? {}, spec.timeZone) : undefined;
  const translated =
    reader?.pattern === undefined || localZone(date.reading, spec.timeZone) === undefined
      ? undefined
      : patternSql(reader.pattern);
  // The zone a local time is read in; none when the JS reader reads no local time here.
  const zone = patterned && translated === undefined ? undefined : localZone(date.reading, spec.timeZone);
  // Three steps, each expression once: an instant written with its offset (or typed); else a local time; the instant.
  const direct = typed ?? (patterned ? "CAST(NULL AS TIMESTAMPTZ)" : instantSql(source.text(date.index), date.reading));
  const wall =
    zone === undefined || typed !== null
      ? "CAST(NULL AS TIMESTAMP)"
      : `(CASE WHEN direct IS NULL THEN ${translated === undefined ? localTimeSql(text) : translated.wall(text)} END)`;
  const instant = unlessMissing(
    text,
    zone === undefined
      ? "direct"
      : `(CASE WHEN direct IS NOT NULL THEN direct WHEN wall IS NOT NULL THEN wall AT TIME ZONE ${literal(zone)} END)`,
    typed === null ? job : undefined,
  );
  const cells = `SELECT ${direct} AS direct, ${texts.join(", ")} FROM ${source.relation}`;
  const walls = `SELECT *, ${wall} AS wall FROM (${cells})`;
  const instants = `SELECT *, ${instant} AS instant FROM (${walls})`;
  // A local time in a gap of its zone reads back as another local time: the JS reader reads it.
  const notInGap =
    zone === undefined || zone === "UTC"
      ? "true"
      : `(CASE WHEN wall IS NULL THEN true ELSE ${localOf("instant", zone)} = wall END)`;
  return {
    judged: `SELECT *, ${countable} AND ${inRangeSql("instant")} AND ${notInGap} AS ok FROM (${instants})`,
    keys: [
      ...segments.map((column) => `t${column.index}`),
      periodSql("instant", spec.timeZone ?? "UTC", spec.every, bounds),
      `t${value.index}`,
    ],
    wanted,
  };
}

/**
 * SQL: an instant expression, NULL where the cell is a --missing-date text (the JS reader reads it as no date). A cell
 * DuckDB reads as an instant has no spaces, so its lower case is what the JS reader compares. (`list_contains`, not
 * `IN`: DuckDB turns a long IN list into a join, which does not keep the rows in file order.)
 */
export function unlessMissing(text: string, instant: string, job: ReportJob | undefined): string {
  const missing = [...new Set((job?.dates?.missing ?? []).map((marker) => marker.trim().toLowerCase()))];
  return missing.length === 0
    ? instant
    : `(CASE WHEN list_contains([${missing.map(literal).join(", ")}], lower(${text})) THEN NULL ELSE ${instant} END)`;
}
