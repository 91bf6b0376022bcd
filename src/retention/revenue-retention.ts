import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertReadable, recordList } from "../internal/records.js";
import { assertAccessor, assertAmount } from "../internal/validate.js";
import type { Accessor, Values } from "../types.js";

/** Recurring revenue movements of one period, from the customers who were paying at its start. */
export interface RevenueMovements {
  /** Recurring revenue (MRR or ARR) at the start of the period. */
  readonly startMrr: number;
  /** Added revenue from existing customers (upgrades, seats). */
  readonly expansion: number;
  /** Revenue lost from customers who stayed (downgrades). */
  readonly contraction: number;
  /** Revenue lost from customers who left. */
  readonly churned: number;
}

/** Net and gross revenue retention, with the movements. */
export interface RevenueRetentionResult extends RevenueMovements {
  /** Net revenue retention, percent: (start + expansion - contraction - churned) / start × 100. */
  readonly nrrPercent: number;
  /** Gross revenue retention, percent: (start - contraction - churned) / start × 100; never above 100. */
  readonly grrPercent: number;
  /** Revenue at the end from the customers of the start: start + expansion - contraction - churned. */
  readonly endMrr: number;
}

/**
 * Net and gross revenue retention (NRR, GRR) of one period.
 *
 * - NRR = (start MRR + expansion - contraction - churned MRR) / start MRR × 100
 * - GRR = (start MRR - contraction - churned MRR) / start MRR × 100, at most 100 by construction.
 *
 * Revenue from customers acquired during the period is excluded from both: it is not retention.
 * Some tools fold contraction into churn ("churned MRR" including downgrades); the totals are the
 * same, only the split differs.
 *
 * @throws CxMetricsError `INVALID_AMOUNT` for a negative or non-finite amount; `INCONSISTENT_COUNTS`
 *   when contraction + churned exceed the start; `EMPTY_INPUT` for a start of 0.
 * @example
 * ```ts
 * revenueRetention({ startMrr: 100_000, expansion: 15_000, contraction: 4_000, churned: 6_000 });
 * //=> { nrrPercent: 105, grrPercent: 90, endMrr: 105000, ... }
 * ```
 */
export function revenueRetention(movements: RevenueMovements): RevenueRetentionResult {
  const fn = "revenueRetention";
  assertReadable(fn, "movements", movements);
  if (typeof movements !== "object" || movements === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "movements", movements, "{ startMrr, expansion, contraction, churned }");
  }
  const { startMrr, expansion, contraction, churned } = movements;
  assertAmount(fn, "startMrr", startMrr);
  assertAmount(fn, "expansion", expansion);
  assertAmount(fn, "contraction", contraction);
  assertAmount(fn, "churned", churned);
  if (startMrr === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "startMrr is 0: retention is undefined");
  if (contraction + churned > startMrr * (1 + 1e-12)) {
    throw new CxMetricsError(
      fn,
      "INCONSISTENT_COUNTS",
      `contraction + churned (${contraction + churned}) exceed startMrr (${startMrr})`,
      {
        value: movements,
      },
    );
  }
  const endMrr = startMrr + expansion - contraction - churned;
  return {
    startMrr,
    expansion,
    contraction,
    churned,
    endMrr,
    nrrPercent: (100 * endMrr) / startMrr,
    grrPercent: Math.min(100, (100 * (startMrr - contraction - churned)) / startMrr),
  };
}

/** A customer's recurring revenue at the start and at the end of the period. */
export interface CustomerRevenue {
  /** Recurring revenue at the start (0 for a customer who joined during the period). */
  readonly start: number;
  /** Recurring revenue at the end (0 for a customer who left). */
  readonly end: number;
}

/** Revenue retention from per-customer revenue, with how the customers moved. */
export interface CustomerRevenueRetentionResult extends RevenueRetentionResult {
  /** Revenue at the end from customers who were not paying at the start: excluded from NRR and GRR. */
  readonly newMrr: number;
  /** Customers by movement. */
  readonly customers: {
    /** Paying more at the end. */
    readonly expanded: number;
    /** Paying less, but still paying. */
    readonly contracted: number;
    /** Paying at the start, not at the end. */
    readonly churned: number;
    /** Paying the same. */
    readonly unchanged: number;
    /** Not paying at the start, paying at the end. */
    readonly new: number;
  };
}

/**
 * Revenue retention from each customer's recurring revenue at the start and end of a period.
 * Each customer is classified: end > start > 0 expansion (end - start); 0 < end < start contraction
 * (start - end); start > 0, end = 0 churn (start); start = 0, end > 0 new (excluded from NRR/GRR,
 * reported as `newMrr`). Then as {@link revenueRetention}.
 *
 * @param customers - records with start and end revenue, or any records with an accessor.
 * @throws CxMetricsError `INVALID_AMOUNT` (with index) for a negative or non-finite revenue;
 *   `INVALID_ARGUMENT` for an accessor that is not a function; `EMPTY_INPUT` when no customer paid at
 *   the start.
 * @example
 * ```ts
 * revenueRetentionFromCustomers([{ start: 100, end: 120 }, { start: 50, end: 0 }, { start: 0, end: 80 }]);
 * //=> { nrrPercent: 80, grrPercent: 66.67, newMrr: 80, ... }
 * ```
 */
export function revenueRetentionFromCustomers<T = CustomerRevenue>(
  customers: Values<T>,
  accessor?: Accessor<T, CustomerRevenue>,
): CustomerRevenueRetentionResult {
  const fn = "revenueRetentionFromCustomers";
  assertAccessor(fn, "accessor", accessor);
  const list = recordList(fn, "customers", customers);
  let startMrr = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let newMrr = 0;
  const counts = { expanded: 0, contracted: 0, churned: 0, unchanged: 0, new: 0 };
  list.forEach((item, index) => {
    const revenue = accessor === undefined ? (item as unknown as CustomerRevenue) : accessor(item, index);
    assertReadable(fn, `customer at index ${index}`, revenue);
    const start = (revenue as CustomerRevenue | null)?.start;
    const end = (revenue as CustomerRevenue | null)?.end;
    assertAmount(fn, `start revenue at index ${index}`, start, index);
    assertAmount(fn, `end revenue at index ${index}`, end, index);
    startMrr += start;
    if (start === 0) {
      if (end > 0) {
        counts.new++;
        newMrr += end;
      }
    } else if (end === 0) {
      counts.churned++;
      churned += start;
    } else if (end > start) {
      counts.expanded++;
      expansion += end - start;
    } else if (end < start) {
      counts.contracted++;
      contraction += start - end;
    } else counts.unchanged++;
  });
  if (startMrr === 0)
    throw new CxMetricsError(fn, "EMPTY_INPUT", "no customer paid at the start: retention is undefined");
  return { ...revenueRetention({ startMrr, expansion, contraction, churned }), newMrr, customers: counts };
}
