import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { entityId, recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import { percentilesOf } from "../stats/percentile.js";
import type { Accessor, Values } from "../types.js";

/** One payment (or refund, negative) by a customer. */
export interface Transaction {
  /** Who paid. */
  readonly customerId: string;
  /** How much; negative for a refund. */
  readonly amount: number;
}

/** Options of {@link historicalLtv}. */
export interface HistoricalLtvOptions<T> {
  /** Reads the customer; default `transaction.customerId`. */
  readonly by?: Accessor<T, unknown>;
  /** Reads the amount; default `transaction.amount`. */
  readonly amount?: Accessor<T, unknown>;
}

/** One customer's lifetime value so far. */
export interface CustomerLtv {
  /** The customer. */
  readonly customerId: string;
  /** Total money the customer brought: the sum of their amounts. */
  readonly ltv: number;
  /** Number of transactions. */
  readonly transactions: number;
}

/** Historical LTV per customer and its summary. */
export interface HistoricalLtvResult {
  /** Every customer, in order of first appearance. */
  readonly perCustomer: readonly CustomerLtv[];
  /** Mean LTV per customer. */
  readonly mean: number;
  /** Median LTV per customer. */
  readonly median: number;
  /** Total money brought by all customers. */
  readonly total: number;
  /** Number of customers. */
  readonly n: number;
}

/**
 * Historical LTV, Osipov's definition: the amount of money a customer has brought the company over
 * the whole history of working with it. Sums each customer's transactions (refunds as negative
 * amounts) and summarises: mean, median, total, n.
 *
 * @param transactions - payments (`{ customerId, amount }` or any shape with accessors).
 * @throws CxMetricsError `INVALID_AMOUNT` (with index) for a non-finite amount; `INVALID_ARGUMENT`
 *   for a missing customer; `EMPTY_INPUT` for no transactions.
 * @example
 * ```ts
 * historicalLtv([{ customerId: "a", amount: 100 }, { customerId: "a", amount: 50 }, { customerId: "b", amount: 30 }]);
 * //=> { mean: 90, median: 90, total: 180, n: 2, perCustomer: [{ customerId: "a", ltv: 150, ... }, ...] }
 * ```
 */
export function historicalLtv<T = Transaction>(
  transactions: Values<T>,
  options: HistoricalLtvOptions<T> = {},
): HistoricalLtvResult {
  const fn = "historicalLtv";
  assertOptions(fn, options);
  const by = options.by ?? ((t: T) => (t as { customerId?: unknown } | null)?.customerId);
  const amountOf = options.amount ?? ((t: T) => (t as { amount?: unknown } | null)?.amount);
  const totals = new Map<string, { ltv: number; transactions: number }>();
  recordList(fn, "transactions", transactions).forEach((transaction, index) => {
    const customer = entityId(fn, "customer", by(transaction, index), index);
    const amount = amountOf(transaction, index);
    if (typeof amount !== "number" || !Number.isFinite(amount)) {
      throw invalid(fn, "INVALID_AMOUNT", `amount at index ${index}`, amount, "a finite number", index);
    }
    const entry = totals.get(customer) ?? { ltv: 0, transactions: 0 };
    totals.set(customer, entry);
    entry.ltv += amount;
    entry.transactions++;
  });
  if (totals.size === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no transactions");
  const perCustomer = [...totals].map(([customerId, entry]) => ({
    customerId,
    ltv: entry.ltv,
    transactions: entry.transactions,
  }));
  const values = perCustomer.map((customer) => customer.ltv);
  const total = values.reduce((sum, value) => sum + value, 0);
  // The library's one median: the 50th percentile, linear (R type 7), as durationStats and the reports.
  const median = percentilesOf(fn, Float64Array.from(values), [50], {})[0]!;
  return { perCustomer, mean: total / values.length, median, total, n: values.length };
}
