import { CxMetricsError } from "../errors/cx-metrics-error.js";
import type { BatchCounts, BatchOptions, ExcludedRow } from "../errors/batch.js";
import { rowPolicy, visitRows } from "../internal/batch.js";
import { invalid } from "../internal/describe.js";
import { instantError, parseInstant } from "../internal/instant.js";
import { isoWithOffset, periodCuts, periodLabel, periodOf } from "../internal/periods.js";
import { entityId, recordList } from "../internal/records.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertAccessor, assertOneOf, assertOptions } from "../internal/validate.js";
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
export interface CohortRetentionOptions<T> extends BatchOptions {
  /** Cohort and column length. */
  readonly period: CohortPeriod;
  /** Last instant counted; default the latest activity. Later activity is left out (and counted). */
  readonly asOf?: Date | string | number;
  /** IANA time zone the periods are cut in, and (when given) local dates are read in; default `"UTC"`. */
  readonly timeZone?: string;
  /** Reads the customer; default `record.customerId`. */
  readonly customer?: Accessor<T, unknown>;
  /** Reads the date; default `record.date`. */
  readonly date?: Accessor<T, unknown>;
  /**
   * The most cells the triangle may have (each cohort's columns from its own period to `asOf`, added up); default
   * 1,000,000. A larger triangle stops the call with `TOO_MANY_GROUPS` before it is built. `Infinity` lifts the limit.
   */
  readonly maxCells?: number;
}

/** The default of `maxCells`. */
const DEFAULT_MAX_CELLS = 1_000_000;

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
  /** Records read, used, skipped (after `asOf`) and left out as bad: `total = used + skipped + excluded`. */
  readonly rows: BatchCounts;
  /** Bad records left out under `invalid: "exclude"`: index, customer id, field, value and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

/**
 * The classic cohort retention triangle from dated customer activity.
 *
 * Each customer belongs to the cohort of the period of their first activity. Column k of a cohort
 * counts its customers who were active in the k-th period after the cohort's own; column 0 is the
 * cohort size. Periods are ISO weeks, calendar months or calendar quarters, cut in `timeZone`
 * (default UTC), so an order at 23:30 UTC on 31 January is a February order in Berlin. The row of
 * each cohort runs to the period holding `asOf`; that last period may be incomplete
 * (`lastPeriodComplete`).
 *
 * Dates are instants (with an offset or `Z`); when `timeZone` is given, local date-times and plain
 * dates (`2025-03-01`, an order date) are read in that zone too. Period cuts are computed once for
 * the span of the data, and distinct (customer, period) pairs are found by one sort: O(n log n).
 *
 * @param activity - activity records (`{ customerId, date }` or any shape with accessors).
 * @throws CxMetricsError for a bad record (unless `invalid: "exclude"`, which leaves it out and lists
 *   it): `INVALID_DATE` or `DATE_OUT_OF_RANGE` (with index) for a date that is not a supported
 *   instant, `INVALID_ARGUMENT` for a missing customer; `INVALID_TIME_ZONE`; `INVALID_OPTION` for a
 *   period, a policy or `maxCells`; `END_BEFORE_START` for an `asOf` before the first activity; `EMPTY_INPUT` for
 *   no activity; `TOO_MANY_GROUPS` for a triangle of more than `maxCells` cells (default 1,000,000: a cohort every week
 *   for 27 years, every month for 117), whatever `invalid` says.
 * @example
 * ```ts
 * cohortRetention([
 *   { customerId: "a", date: "2025-01-10T10:00:00Z" }, { customerId: "a", date: "2025-02-03T10:00:00Z" },
 *   { customerId: "b", date: "2025-01-20T10:00:00Z" },
 * ], { period: "month" }).cohorts;
 * //=> [{ cohort: "2025-01", size: 2, retained: [2, 1], percent: [100, 50], ... }]
 * ```
 */
export function cohortRetention<T = CustomerActivity>(
  activity: Values<T>,
  options: CohortRetentionOptions<T>,
): CohortRetentionResult {
  const fn = "cohortRetention";
  assertOptions(fn, options);
  if (options === undefined)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, '{ period: "week" | "month" | "quarter", ... }');
  const { period, timeZone = "UTC" } = options;
  assertOneOf(fn, "period", period, ["week", "month", "quarter"]);
  assertTimeZone(fn, timeZone);
  assertAccessor(fn, "customer", options.customer);
  assertAccessor(fn, "date", options.date);
  const policy = rowPolicy(fn, options);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (!(typeof maxCells === "number" && maxCells >= 1 && (Number.isSafeInteger(maxCells) || maxCells === Infinity)))
    throw invalid(fn, "INVALID_OPTION", "maxCells", maxCells, "a whole number ≥ 1 (or Infinity for no limit)");
  const reading = options.timeZone === undefined ? undefined : { timeZone };
  const customerOf = options.customer ?? ((record: T) => (record as { customerId?: unknown } | null)?.customerId);
  const dateOf = options.date ?? ((record: T) => (record as { date?: unknown } | null)?.date);

  // 1. Read every record: customer number and instant.
  const rows = recordList(fn, "activity", activity);
  const customerIds = new Map<string, number>();
  const customerOfRow = new Int32Array(rows.length);
  const instants = new Float64Array(rows.length);
  let read = 0;
  const { counts, exclusions } = visitRows(
    policy,
    rows,
    (record) => customerOf(record, 0),
    (record, index) => {
      const customer = entityId(fn, "customer", customerOf(record, index), index);
      const raw = dateOf(record, index);
      const ms = parseInstant(raw, reading);
      if (ms === undefined)
        throw instantError(fn, `date at index ${index}`, raw, {
          index,
          field: "date",
          ...(reading === undefined ? {} : { reading }),
        });
      let id = customerIds.get(customer);
      if (id === undefined) {
        id = customerIds.size;
        customerIds.set(customer, id);
      }
      customerOfRow[read] = id;
      instants[read++] = ms;
    },
    fn,
  );
  if (read === 0)
    throw new CxMetricsError(
      fn,
      "EMPTY_INPUT",
      exclusions.length === 0 ? "no activity" : `no activity: all ${exclusions.length} records were excluded`,
    );

  // 2. asOf, and the span of the counted activity.
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < read; i++) if (instants[i]! > latest) latest = instants[i]!;
  let asOf = latest;
  if (options.asOf !== undefined) {
    const given = parseInstant(options.asOf, reading);
    if (given === undefined) throw instantError(fn, "asOf", options.asOf, reading === undefined ? {} : { reading });
    asOf = given;
  }
  let earliest = Number.POSITIVE_INFINITY;
  let counted = 0;
  for (let i = 0; i < read; i++) {
    if (instants[i]! <= asOf) {
      counted++;
      if (instants[i]! < earliest) earliest = instants[i]!;
    }
  }
  if (counted === 0) {
    throw new CxMetricsError(
      fn,
      "END_BEFORE_START",
      `asOf (${new Date(asOf).toISOString()}) is before the first activity`,
      { value: options.asOf },
    );
  }

  // 3. Period of each counted record, by the cuts computed once; distinct (customer, period) pairs by one sort.
  const cuts = periodCuts(timeZone, period, earliest, asOf);
  const span = cuts.starts.length - 1;
  const pairs = new Float64Array(counted);
  const cohortOf = new Int32Array(customerIds.size).fill(span);
  for (let i = 0, j = 0; i < read; i++) {
    if (instants[i]! > asOf) continue;
    const customer = customerOfRow[i]!;
    const offset = periodOf(cuts, instants[i]!) - cuts.first;
    pairs[j++] = customer * span + offset;
    if (offset < cohortOf[customer]!) cohortOf[customer] = offset;
  }
  // The triangle's size, before it is built: memory follows the cohorts and the span, not the records.
  const cohortsSeen = new Set<number>();
  for (const cohort of cohortOf) if (cohort < span) cohortsSeen.add(cohort);
  let cells = 0;
  for (const cohort of cohortsSeen) cells += span - cohort;
  if (cells > maxCells) {
    const count = (n: number): string => n.toLocaleString("en-US");
    throw new CxMetricsError(
      fn,
      "TOO_MANY_GROUPS",
      `the triangle would hold ${count(cells)} cells (${count(cohortsSeen.size)} cohorts over up to ${count(span)} ${period}s), more than maxCells (${count(maxCells)}); use longer periods, an asOf or data that spans less time, or raise maxCells`,
      { value: cells, field: "maxCells" },
    );
  }
  pairs.sort();
  const retainedByCohort = new Map<number, number[]>();
  for (let k = 0; k < pairs.length; k++) {
    if (k > 0 && pairs[k] === pairs[k - 1]) continue;
    const customer = Math.floor(pairs[k]! / span);
    const offset = pairs[k]! - customer * span;
    const cohort = cohortOf[customer]!;
    let retained = retainedByCohort.get(cohort);
    if (retained === undefined) {
      retained = new Array<number>(span - cohort).fill(0);
      retainedByCohort.set(cohort, retained);
    }
    retained[offset - cohort]!++;
  }
  const cohorts = [...retainedByCohort.keys()]
    .sort((a, b) => a - b)
    .map((cohort) => {
      const retained = retainedByCohort.get(cohort)!;
      const size = retained[0]!;
      return {
        cohort: periodLabel(cuts.first + cohort, period),
        start: isoWithOffset(cuts.starts[cohort]!, timeZone),
        size,
        retained,
        percent: retained.map((count) => (100 * count) / size),
      };
    });
  return {
    period,
    timeZone,
    asOf: new Date(asOf).toISOString(),
    lastPeriodComplete: asOf >= cuts.starts[span]! - 1,
    cohorts,
    customers: cohortOf.reduce((sum, cohort) => (cohort < span ? sum + 1 : sum), 0),
    activities: counted,
    ignoredAfterAsOf: read - counted,
    rows: { total: counts.total, used: counted, skipped: read - counted, excluded: counts.excluded },
    exclusions,
  };
}
