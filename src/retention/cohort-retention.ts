import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { parseInstant } from "../internal/instant.js";
import { entityId, recordList } from "../internal/records.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import type { Accessor, Values } from "../types.js";

/** The length of a cohort period: ISO weeks (Monday to Sunday), calendar months or calendar quarters. */
export type CohortPeriod = "week" | "month" | "quarter";

/** One piece of customer activity: an order, a login, a payment. */
export interface CustomerActivity {
  /** Who was active. */
  readonly customerId: string;
  /** When: a `Date`, an ISO-8601 string with an offset, or epoch milliseconds. */
  readonly date: Date | string | number;
}

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions<T> {
  /** Cohort and column length. */
  readonly period: CohortPeriod;
  /** Last instant counted; default the latest activity. Later activity is left out (and counted). */
  readonly asOf?: Date | string | number;
  /** IANA time zone the periods are cut in; default `"UTC"`. */
  readonly timeZone?: string;
  /** Reads the customer; default `record.customerId`. */
  readonly customer?: Accessor<T, unknown>;
  /** Reads the date; default `record.date`. */
  readonly date?: Accessor<T, unknown>;
}

/** One cohort's row of the triangle. */
export interface CohortRow {
  /** The cohort's period label: `"2025-01"`, `"2025-Q1"` or `"2025-W03"`. */
  readonly cohort: string;
  /** Start of the cohort's period, ISO-8601 with the zone's offset. */
  readonly start: string;
  /** Customers whose first activity fell in this period. */
  readonly size: number;
  /** `retained[k]`: cohort customers active in the k-th period after the cohort's (k = 0 is the cohort itself). */
  readonly retained: readonly number[];
  /** `retained[k]` as a percentage of `size`. */
  readonly percent: readonly number[];
}

/** A cohort retention triangle. */
export interface CohortRetentionResult {
  /** The period length. */
  readonly period: CohortPeriod;
  /** The time zone periods were cut in. */
  readonly timeZone: string;
  /** The last instant counted, ISO-8601 UTC. */
  readonly asOf: string;
  /** Whether the last column (the period holding `asOf`) is complete; false while it is still running. */
  readonly lastPeriodComplete: boolean;
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: readonly CohortRow[];
  /** Distinct customers counted. */
  readonly customers: number;
  /** Activity records counted. */
  readonly activities: number;
  /** Activity records after `asOf`, left out. */
  readonly ignoredAfterAsOf: number;
}

const DAY = 86_400_000;

/** A period index: consecutive integers for consecutive periods. */
function periodIndex(ms: number, period: CohortPeriod, timeZone: string): number {
  const local = new TZDate(ms, timeZone);
  const year = local.getFullYear();
  const month = local.getMonth();
  if (period === "month") return year * 12 + month;
  if (period === "quarter") return year * 4 + Math.floor(month / 3);
  // ISO weeks: days since 1970-01-05 (a Monday) of the local calendar date, in whole weeks.
  const days = Date.UTC(year, month, local.getDate()) / DAY;
  return Math.floor((days - 4) / 7);
}

function periodStart(index: number, period: CohortPeriod, timeZone: string): TZDate {
  if (period === "month") return new TZDate(Math.floor(index / 12), index % 12, 1, timeZone);
  if (period === "quarter") return new TZDate(Math.floor(index / 4), (index % 4) * 3, 1, timeZone);
  const monday = new Date((index * 7 + 4) * DAY);
  return new TZDate(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate(), timeZone);
}

function periodLabel(index: number, period: CohortPeriod): string {
  if (period === "month") return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  if (period === "quarter") return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  const monday = new TZDate((index * 7 + 4) * DAY, "UTC");
  return `${getISOWeekYear(monday)}-W${String(getISOWeek(monday)).padStart(2, "0")}`;
}

/**
 * The classic cohort retention triangle from dated customer activity.
 *
 * Each customer belongs to the cohort of the period of their first activity. Column k of a cohort
 * counts its customers who were active in the k-th period after the cohort's own; column 0 is the
 * cohort size. Periods are ISO weeks, calendar months or calendar quarters, cut in `timeZone`
 * (default UTC) with date-fns and @date-fns/tz, so an order at 23:30 UTC on 31 January is a February
 * order in Berlin. The row of each cohort runs to the period holding `asOf`; that last period may be
 * incomplete (`lastPeriodComplete`).
 *
 * @param activity - activity records (`{ customerId, date }` or any shape with accessors).
 * @throws CxMetricsError `INVALID_DATE` (with index) for a date that is not a valid instant;
 *   `INVALID_ARGUMENT` for a missing customer; `INVALID_TIME_ZONE`; `INVALID_OPTION` for a period;
 *   `END_BEFORE_START` for an `asOf` before the first activity; `EMPTY_INPUT` for no activity.
 * @example
 * ```ts
 * cohortRetention([
 *   { customerId: "a", date: "2025-01-10T10:00:00Z" }, { customerId: "a", date: "2025-02-03T10:00:00Z" },
 *   { customerId: "b", date: "2025-01-20T10:00:00Z" },
 * ], { period: "month" }).cohorts;
 * //=> [{ cohort: "2025-01", size: 2, retained: [2, 1], percent: [100, 50], ... }]
 * ```
 */
export function cohortRetention<T = CustomerActivity>(activity: Values<T>, options: CohortRetentionOptions<T>): CohortRetentionResult {
  const fn = "cohortRetention";
  assertOptions(fn, options);
  if (options === undefined) throw invalid(fn, "INVALID_ARGUMENT", "options", options, '{ period: "week" | "month" | "quarter", ... }');
  const { period, timeZone = "UTC" } = options;
  assertOneOf(fn, "period", period, ["week", "month", "quarter"]);
  assertTimeZone(fn, timeZone);
  const customerOf = options.customer ?? ((record: T) => (record as { customerId?: unknown } | null)?.customerId);
  const dateOf = options.date ?? ((record: T) => (record as { date?: unknown } | null)?.date);
  const parsed = recordList(fn, "activity", activity).map((record, index) => {
    const customer = entityId(fn, "customer", customerOf(record, index), index);
    const raw = dateOf(record, index);
    const ms = parseInstant(raw);
    if (ms === undefined) throw invalid(fn, "INVALID_DATE", `date at index ${index}`, raw, "a valid Date, ISO-8601 date-time with an offset, or epoch ms", index);
    return { customer, ms };
  });
  if (parsed.length === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no activity");
  let asOf = parsed.reduce((latest, entry) => Math.max(latest, entry.ms), Number.NEGATIVE_INFINITY);
  if (options.asOf !== undefined) {
    const given = parseInstant(options.asOf);
    if (given === undefined) throw invalid(fn, "INVALID_DATE", "asOf", options.asOf, "a valid Date, ISO-8601 date-time with an offset, or epoch ms");
    asOf = given;
  }
  const counted = parsed.filter((entry) => entry.ms <= asOf);
  if (counted.length === 0) {
    throw new CxMetricsError(fn, "END_BEFORE_START", `asOf (${new Date(asOf).toISOString()}) is before the first activity`, { value: options.asOf });
  }
  const lastIndex = periodIndex(asOf, period, timeZone);
  const activePeriods = new Map<string, Set<number>>();
  for (const entry of counted) {
    const periods = activePeriods.get(entry.customer) ?? new Set<number>();
    activePeriods.set(entry.customer, periods);
    periods.add(periodIndex(entry.ms, period, timeZone));
  }
  const byCohort = new Map<number, Set<number>[]>();
  for (const periods of activePeriods.values()) {
    const cohort = Math.min(...periods);
    const members = byCohort.get(cohort) ?? [];
    byCohort.set(cohort, members);
    members.push(periods);
  }
  const cohorts = [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map((cohort) => {
      const members = byCohort.get(cohort)!;
      const retained = Array.from({ length: lastIndex - cohort + 1 }, (_, k) => members.filter((periods) => periods.has(cohort + k)).length);
      return {
        cohort: periodLabel(cohort, period),
        start: periodStart(cohort, period, timeZone).toISOString(),
        size: members.length,
        retained,
        percent: retained.map((count) => (100 * count) / members.length),
      };
    });
  const nextStart = periodStart(lastIndex + 1, period, timeZone).getTime();
  return {
    period,
    timeZone,
    asOf: new Date(asOf).toISOString(),
    lastPeriodComplete: asOf >= nextStart - 1,
    cohorts,
    customers: activePeriods.size,
    activities: counted.length,
    ignoredAfterAsOf: parsed.length - counted.length,
  };
}
