// SLA % where the data is: SQL that decides each ticket's first-response and resolution targets (the first matching
// target of the policy, on its clock) and counts met, breached and pending by segment and period; the tidy rows from
// those counts.
import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { assertObject } from "../internal/validate.js";
import { parseInstant } from "../internal/instant.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { field } from "../report/kernels.js";
import { checkSpec } from "../report/record-check.js";
import type { SummarizeResult, SummarizeSpec } from "../report/spec.js";
import { createSummary } from "../report/summarize.js";
import { checkPolicy, type CheckedTarget, type SlaMetric } from "../sla/policy.js";
import { businessMinutesBetween, lastIntervalJoin } from "./business-time.js";
import {
  checkDialect,
  epochSecondsOf,
  ident,
  literal,
  localOf,
  namedSegments,
  periodKeyOf,
  segmentKey,
  segmentOf,
  tableRef,
  timestampOf,
  type SqlDialect,
} from "./dialect.js";
import { countCell, resultRow } from "./cells.js";
import type { DurationFields, SqlCell } from "./durations.js";

/** Column names of the fields an SLA query reads. */
export interface SlaFields extends DurationFields {
  /** The priority the targets filter on [`priority`]. */
  readonly priority?: string;
  /** The request type [`type`]. */
  readonly type?: string;
  /** The channel [`channel`]. */
  readonly channel?: string;
}

/** Where the tickets are, for {@link slaSql}. */
export interface SlaSqlOptions {
  /** `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The table or view: a name, schema-qualified or not (a query goes into a view first); default `"data"`. */
  readonly table?: string;
  /**
   * Column names of the fields, when they differ (`createdAt`, `firstResponseAt`, `resolvedAt`, and `priority`, `type`,
   * `channel` for the targets' filters).
   */
  readonly fields?: SlaFields;
  /** With business-clock targets: the calendar's interval table, a name as `table`; default `"calendar_intervals"`. */
  readonly intervals?: string;
}

const SQL_METRICS: readonly SlaMetric[] = ["first-response", "resolution"];

function checked(fn: string, spec: SummarizeSpec): { targets: readonly CheckedTarget[]; asOf: number } {
  checkSpec(fn, spec);
  if (spec.metric !== "sla")
    throw new CxMetricsError(fn, "INVALID_OPTION", `metric is ${describe(spec.metric)}; expected "sla"`, {
      value: spec.metric,
      field: "metric",
    });
  if (spec.timeZone !== undefined) assertTimeZone(fn, spec.timeZone);
  const targets = checkPolicy(fn, spec.policy!, spec.calendar !== undefined);
  const unsupported = targets.find((target) => !SQL_METRICS.includes(target.metric));
  if (unsupported !== undefined)
    throw new CxMetricsError(
      fn,
      "INVALID_POLICY",
      `a ${unsupported.metric} target needs each ticket's messages, which a table column does not hold; SQL has first-response and resolution targets`,
      { value: unsupported },
    );
  if ((spec.policy?.pauseStatuses ?? []).length > 0)
    throw new CxMetricsError(
      fn,
      "INVALID_POLICY",
      "pausing statuses need each ticket's status changes, which a table column does not hold",
      { value: spec.policy },
    );
  const asOf = parseInstant(spec.asOf);
  if (asOf === undefined)
    throw new CxMetricsError(
      fn,
      "INVALID_OPTION",
      `asOf is ${describe(spec.asOf)}: the SQL judges open tickets at a fixed instant, so it needs one`,
      { value: spec.asOf, field: "asOf" },
    );
  return { targets, asOf };
}

/**
 * SQL that decides every ticket's SLA measurements and counts them by segment and period (of the
 * creation time in `spec.timeZone`): for each of first response and resolution, the first target of
 * `spec.policy` whose filters match (priority, type, channel), its elapsed minutes on its clock
 * (calendar, or business through the calendar's interval table), and whether it was met, breached or
 * is pending at `spec.asOf`, as `sla` decides. Rows whose creation time cannot be read, or whose
 * reply or resolution comes before it, are counted as rejected. Targets on next responses and
 * pausing statuses need lists a column does not hold, and are refused.
 *
 * @throws CxMetricsError `INVALID_POLICY` as `sla`, and for next-response targets or pausing
 *   statuses; `INVALID_OPTION` without `asOf`.
 * @example
 * ```ts
 * const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
 * slaSql({ metric: "sla", policy, asOf: "2025-04-01T00:00:00Z" }, { dialect: "duckdb", table: "tickets" }).includes("'pending'"); //=> true
 * ```
 */
export function slaSql(spec: SummarizeSpec, options: SlaSqlOptions): string {
  const fn = "slaSql";
  assertObject(fn, "options", options, "{ dialect, table?, fields?, intervals? }");
  const dialect = checkDialect(fn, options.dialect);
  const { targets, asOf } = checked(fn, spec);
  const fields = {
    createdAt: "createdAt",
    firstResponseAt: "firstResponseAt",
    resolvedAt: "resolvedAt",
    priority: "priority",
    type: "type",
    channel: "channel",
    ...options.fields,
  };
  const by = spec.by ?? [];
  const zone = spec.timeZone ?? "UTC";
  const table = tableRef(fn, options.table ?? "data");
  const intervals = tableRef(fn, options.intervals ?? "calendar_intervals", "intervals");
  const asOfSql = `TIMESTAMPTZ ${literal(new Date(asOf).toISOString())}`;
  const period = spec.every === undefined ? "0" : periodKeyOf(dialect, localOf("t.s", zone), spec.every);
  const usedFilters = new Set(
    targets.flatMap((target) => (["priority", "type", "channel"] as const).filter((key) => target[key] !== undefined)),
  );
  const filterColumns = [...usedFilters].map((key) => `CAST(${ident(fields[key])} AS VARCHAR) AS f_${key}`);
  const joins: string[] = [];
  const outcomes: string[] = [];
  for (const metric of SQL_METRICS) {
    const forMetric = targets.filter((target) => target.metric === metric);
    if (forMetric.length === 0) continue;
    const end = metric === "first-response" ? "t.fr" : "t.rs";
    // An open ticket is judged at asOf (at its creation when asOf is earlier), as sla does.
    const stop = `COALESCE(${end}, GREATEST(${asOfSql}, t.s))`;
    const short = metric === "first-response" ? "f" : "r";
    const business = forMetric.some((target) => target.clock === "business");
    if (business)
      joins.push(
        lastIntervalJoin(dialect, intervals, "t.s", `${short}a`),
        lastIntervalJoin(dialect, intervals, stop, `${short}b`),
      );
    const elapsed = (clock: "business" | "calendar"): string =>
      clock === "business"
        ? businessMinutesBetween(dialect, "t.s", stop, `${short}a`, `${short}b`)
        : `(${epochSecondsOf(dialect, stop)} - ${epochSecondsOf(dialect, "t.s")}) / 60`;
    const matches = (target: CheckedTarget): string => {
      const tests = (["priority", "type", "channel"] as const)
        .filter((key) => target[key] !== undefined)
        .map((key) => `t.f_${key} IN (${target[key]!.map(literal).join(", ")})`);
      return tests.length === 0 ? "TRUE" : tests.join(" AND ");
    };
    // Elapsed time in whole milliseconds (the instants are), compared with the target: no float noise at the boundary.
    const decide = (target: CheckedTarget): string =>
      `CASE WHEN ROUND(${elapsed(target.clock)} * 60000) <= ${target.minutes * 60_000} THEN (CASE WHEN ${end} IS NULL THEN 'pending' ELSE 'met' END) ELSE 'breached' END`;
    outcomes.push(
      `CASE ${forMetric.map((target) => `WHEN ${matches(target)} THEN ${decide(target)}`).join(" ")} END AS o_${short}`,
    );
  }
  const outcomeColumns = outcomes.map((outcome) => outcome.slice(outcome.lastIndexOf(" AS ") + 4));
  const count = (state: string): string =>
    outcomeColumns.map((name) => `count(*) FILTER (WHERE NOT rejected AND ${name} = '${state}')`).join(" + ");
  return [
    "WITH t AS (",
    `  SELECT ${[...by.map((name, k) => `${segmentOf(dialect, name)} AS ${segmentKey(k)}`), `${timestampOf(dialect, fields.createdAt)} AS s`, `${timestampOf(dialect, fields.firstResponseAt)} AS fr`, `${timestampOf(dialect, fields.resolvedAt)} AS rs`, ...filterColumns].join(", ")} FROM ${table}`,
    "), decided AS (",
    `  SELECT ${[...by.map((_, k) => `t.${segmentKey(k)}`), `CASE WHEN t.s IS NULL THEN NULL ELSE ${period} END AS period`, "(t.s IS NULL OR COALESCE(t.fr < t.s, FALSE) OR COALESCE(t.rs < t.s, FALSE)) AS rejected", ...outcomes].join(", ")}`,
    `  FROM t${joins.length === 0 ? "" : `\n  ${joins.join("\n  ")}`}`,
    ")",
    `SELECT ${[...namedSegments(fn, by, ["period", "met", "breached", "pending", "used", "rejected"]), "CASE WHEN rejected THEN NULL ELSE period END AS period", `${count("met")} AS met`, `${count("breached")} AS breached`, `${count("pending")} AS pending`, "count(*) FILTER (WHERE NOT rejected) AS used", "count(*) FILTER (WHERE rejected) AS rejected"].join(", ")}`,
    "FROM decided",
    `GROUP BY ${[...by.map((_, k) => segmentKey(k)), "CASE WHEN rejected THEN NULL ELSE period END"].join(", ")}`,
  ].join("\n");
}

/**
 * The tidy rows of `summarize` for `metric: "sla"` from the rows an {@link slaSql} query returned:
 * SLA % = met / (met + breached) with the Wilson interval, the change by the two-proportion test,
 * pending apart; `input` with the tickets read, used and rejected.
 *
 * @throws CxMetricsError as {@link slaSql} for the spec; `EMPTY_INPUT` when no ticket could be used; with the row's
 *   index, `INVALID_ARGUMENT` for a row that is not an object (a TypeError before) and `INVALID_COUNT` for a met,
 *   breached, pending, used or rejected that is not a whole number ≥ 0 (-1 met was read as is, null as 0);
 *   `INVALID_VALUE` for a period key that is not a whole number when the spec has periods.
 * @example
 * ```ts
 * const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
 * const report = rowsFromSla({ metric: "sla", policy, asOf: "2025-04-01T00:00:00Z" }, [{ period: 0, met: 3, breached: 1, pending: 2, used: 6, rejected: 1 }]);
 * report.rows[0]!.value; //=> 75 (3 met of 3 + 1 decided)
 * ```
 */
export function rowsFromSla(spec: SummarizeSpec, rows: readonly Readonly<Record<string, SqlCell>>[]): SummarizeResult {
  const fn = "rowsFromSla";
  checked(fn, spec);
  assertReadable(fn, "rows", rows);
  if (!Array.isArray(rows))
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", `rows is ${describe(rows)}, expected the rows of the SLA query`, {
      value: rows,
    });
  const by = spec.by ?? [];
  const builder = createSummary(spec);
  for (const [index, cells] of rows.entries()) {
    assertReadable(fn, "a row", cells);
    const row = resultRow(fn, cells, index, "a row of the SLA query, { met, breached, pending, used, rejected, ... }");
    const count = (column: string): number => countCell(fn, row, column, index);
    const used = count("used");
    builder.addUnusable(count("rejected"));
    if (used === 0) continue;
    const state = {
      kind: "sla-counts",
      met: count("met"),
      breached: count("breached"),
      pending: count("pending"),
    } as const;
    // The period key, as rowsFromCounts reads it: a whole number (NaN was a RangeError, 1.5 a period "0-2.5", a
    // missing one the period "0-01").
    const period = spec.every === undefined ? null : Number(row.period ?? Number.NaN);
    if (period !== null && !Number.isSafeInteger(period))
      throw invalid(fn, "INVALID_VALUE", `rows[${index}].period`, row.period, "the period key, a whole number", index);
    builder.addCounted(
      by.map((name) => field(row, name)),
      period,
      state,
      used,
    );
  }
  return builder.result();
}
