import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount, assertOneOf, assertOptions } from "../internal/validate.js";

/** Customer counts of one period: any three of start, end, new and lost (all four are checked). */
export interface CustomerCounts {
  /** Customers at the start of the period. */
  readonly start: number;
  /** Customers at the end of the period. */
  readonly end?: number;
  /** New customers acquired during the period. */
  readonly new: number;
  /** Customers lost during the period (from those at the start). */
  readonly lost?: number;
}

/** Options of {@link customerRetention}. */
export interface CustomerRetentionOptions {
  /**
   * Denominator of the churn rate: `"start"` (default: lost / customers at the start) or
   * `"average"` (lost / the mean of start and end, as some finance reports do). Retention always
   * uses the start.
   */
  readonly churnDenominator?: "start" | "average";
}

/** Retention and churn of one period, with every count. */
export interface CustomerRetentionResult {
  /** Customers at the start. */
  readonly start: number;
  /** Customers at the end. */
  readonly end: number;
  /** New customers in the period. */
  readonly new: number;
  /** Customers lost in the period. */
  readonly lost: number;
  /** Customers from the start still there at the end: end - new = start - lost. */
  readonly retained: number;
  /** Customer retention rate, percent: (end - new) / start × 100 (Osipov). */
  readonly retentionPercent: number;
  /** Conventional churn rate, percent: lost / start × 100 (or lost / average customers). */
  readonly churnPercent: number;
  /** The churn denominator used. */
  readonly churnDenominator: "start" | "average";
  /** Net change in customers: end - start. */
  readonly netGrowth: number;
  /** Net change as a percentage of the start. */
  readonly netGrowthPercent: number;
  /**
   * Osipov's churn formula as printed, (end - start - new) / start × 100. It equals **minus** the
   * share of customers lost (-70 where 70% were lost); kept only to reproduce the article.
   */
  readonly osipovPrintedChurnPercent: number;
}

/**
 * Customer retention and churn for one period (Osipov).
 *
 * - Retention = (customers at the end - new customers) / customers at the start × 100.
 * - Churn = customers lost / customers at the start × 100, so retention + churn = 100.
 *
 * Give any three of `start`, `end`, `new`, `lost`; the fourth follows from end = start + new - lost,
 * and when all four are given they must agree. Losses are counted among the customers of the start
 * (a customer who joined and left within the period is neither new at the end nor lost from the start).
 *
 * Osipov prints churn as (end - start - new) / start × 100, which gives -70% in his own example
 * where 70% of the customers were lost: it is minus the conventional churn. The result carries it
 * as `osipovPrintedChurnPercent`, apart from `churnPercent`.
 *
 * @throws CxMetricsError `INVALID_COUNT` (negative or fractional counts, more lost than at the start,
 *   fewer at the end than new); `INCONSISTENT_COUNTS` (end ≠ start + new - lost, or only two counts);
 *   `EMPTY_INPUT` (no customers at the start).
 * @example
 * ```ts
 * // Osipov: 200 at the start of the year, 150 new, 140 lost.
 * customerRetention({ start: 200, new: 150, lost: 140 });
 * //=> { end: 210, retentionPercent: 30, churnPercent: 70, osipovPrintedChurnPercent: -70, ... }
 * ```
 */
export function customerRetention(
  counts: CustomerCounts,
  options: CustomerRetentionOptions = {},
): CustomerRetentionResult {
  const fn = "customerRetention";
  assertOptions(fn, options);
  assertReadable(fn, "counts", counts);
  if (typeof counts !== "object" || counts === null)
    throw invalid(fn, "INVALID_ARGUMENT", "counts", counts, "{ start, new, end or lost }");
  const { churnDenominator = "start" } = options;
  assertOneOf(fn, "churnDenominator", churnDenominator, ["start", "average"]);
  const { start, new: added } = counts;
  assertCount(fn, "start", start);
  assertCount(fn, "new", added);
  if (counts.end !== undefined) assertCount(fn, "end", counts.end);
  if (counts.lost !== undefined) assertCount(fn, "lost", counts.lost);
  if (counts.end === undefined && counts.lost === undefined) {
    throw new CxMetricsError(fn, "INCONSISTENT_COUNTS", "give end or lost besides start and new", { value: counts });
  }
  const end = counts.end ?? start + added - counts.lost!;
  const lost = counts.lost ?? start + added - end;
  if (start + added - lost !== end) {
    throw new CxMetricsError(
      fn,
      "INCONSISTENT_COUNTS",
      `end (${end}) ≠ start (${start}) + new (${added}) - lost (${lost})`,
      { value: counts },
    );
  }
  if (start === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no customers at the start: retention is undefined");
  if (lost < 0 || lost > start) {
    throw new CxMetricsError(
      fn,
      "INVALID_COUNT",
      `lost (${lost}) must be between 0 and the customers at the start (${start})`,
      { value: lost },
    );
  }
  const churnBase = churnDenominator === "start" ? start : (start + end) / 2;
  return {
    start,
    end,
    new: added,
    lost,
    retained: start - lost,
    retentionPercent: (100 * (end - added)) / start,
    churnPercent: (100 * lost) / churnBase,
    churnDenominator,
    netGrowth: end - start,
    netGrowthPercent: (100 * (end - start)) / start,
    osipovPrintedChurnPercent: (100 * (end - start - added)) / start,
  };
}
