import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertAmount, assertRate } from "../internal/validate.js";

/** Inputs of the subscription LTV formula; every rate per the same period as `arpa`. */
export interface LtvInputs {
  /** Average revenue per account per period (monthly ARPA with a monthly churn rate). */
  readonly arpa: number;
  /** Gross margin as a fraction 0-1 (0.8, not 80). */
  readonly grossMargin: number;
  /** Churn rate per period as a fraction, > 0 and ≤ 1. */
  readonly churnRate: number;
  /** Discount rate per period as a fraction ≥ 0; leave out for the undiscounted formula. */
  readonly discountRate?: number;
}

/** A subscription LTV with what it came from. */
export interface LtvResult {
  /** Lifetime value per customer, in the currency of `arpa`. */
  readonly ltv: number;
  /** Expected lifetime in periods: 1 / churn rate. */
  readonly lifetimePeriods: number;
  /** Gross margin earned per period: arpa × grossMargin. */
  readonly marginPerPeriod: number;
  /** ARPA used. */
  readonly arpa: number;
  /** Gross margin used. */
  readonly grossMargin: number;
  /** Churn rate used. */
  readonly churnRate: number;
  /** Discount rate used; 0 when undiscounted. */
  readonly discountRate: number;
}

/**
 * Subscription lifetime value: the gross margin a customer brings per period, over the expected
 * lifetime.
 *
 * - Undiscounted: LTV = ARPA × gross margin / churn rate, with lifetime = 1 / churn rate periods.
 * - Discounted (with `discountRate` d): LTV = ARPA × gross margin × (1 + d) / (d + churn), the sum of
 *   m · (1 - churn)ᵗ / (1 + d)ᵗ over t = 0, 1, 2, … (each period's margin at its start, the first one
 *   undiscounted). With d = 0 it is the undiscounted formula. (Gupta & Lehmann's m · r / (1 + d - r),
 *   r = 1 - churn, counts margins from the end of the first period and is lower by one period's margin
 *   when d = 0.)
 *
 * All rates are per the period of `arpa`: monthly ARPA with monthly churn gives LTV in money, lifetime
 * in months. A churn rate of 0 is an error, not an infinite LTV.
 *
 * @throws CxMetricsError `INVALID_RATE` for a churn rate not in (0, 1], a margin not in [0, 1], a
 *   discount rate < 0; `INVALID_AMOUNT` for a negative or non-finite ARPA.
 * @example
 * ```ts
 * ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02 }); //=> { ltv: 2000, lifetimePeriods: 50, ... }
 * ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02, discountRate: 0.01 }).ltv; //=> 1346.67
 * ```
 */
export function ltv(inputs: LtvInputs): LtvResult {
  const fn = "ltv";
  if (typeof inputs !== "object" || inputs === null)
    throw invalid(fn, "INVALID_ARGUMENT", "inputs", inputs, "{ arpa, grossMargin, churnRate }");
  const { arpa, grossMargin, churnRate, discountRate = 0 } = inputs;
  assertAmount(fn, "arpa", arpa);
  assertRate(fn, "grossMargin", grossMargin);
  assertRate(fn, "churnRate", churnRate, 0, true);
  if (!Number.isFinite(1 / churnRate)) {
    throw new CxMetricsError(
      fn,
      "INVALID_RATE",
      `churnRate is ${churnRate}, so small that the lifetime 1 / churnRate is infinite`,
      { value: churnRate },
    );
  }
  assertRate(fn, "discountRate", discountRate, 0, false, Number.POSITIVE_INFINITY);
  const marginPerPeriod = arpa * grossMargin;
  return {
    ltv: finiteLtv(fn, (marginPerPeriod * (1 + discountRate)) / (discountRate + churnRate)),
    lifetimePeriods: 1 / churnRate,
    marginPerPeriod,
    arpa,
    grossMargin,
    churnRate,
    discountRate,
  };
}

/** Inputs of the retail LTV form. */
export interface RetailLtvInputs {
  /** Average order value. */
  readonly averageOrderValue: number;
  /** Purchases per customer per period (per year, say). */
  readonly purchaseFrequency: number;
  /** Customer lifespan in the same periods. */
  readonly lifespan: number;
  /** Gross margin as a fraction 0-1; default 1 (revenue LTV). */
  readonly grossMargin?: number;
}

/**
 * The retail simple form: LTV = average order value × purchase frequency × lifespan (× gross margin).
 *
 * Averages multiply into a figure that is not the average customer's LTV: the mean of per-customer
 * products (value × frequency × lifespan of each customer) differs from the product of the three
 * means whenever they are correlated (frequent buyers staying longer). See `docs/ltv.md`; for the
 * money each customer actually brought, use {@link historicalLtv}.
 *
 * @throws CxMetricsError `INVALID_AMOUNT` for a negative or non-finite input; `INVALID_RATE` for a margin outside 0-1.
 * @example
 * ```ts
 * retailLtv({ averageOrderValue: 40, purchaseFrequency: 6, lifespan: 3 }); //=> 720
 * ```
 */
export function retailLtv(inputs: RetailLtvInputs): number {
  const fn = "retailLtv";
  if (typeof inputs !== "object" || inputs === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "inputs", inputs, "{ averageOrderValue, purchaseFrequency, lifespan }");
  }
  const { averageOrderValue, purchaseFrequency, lifespan, grossMargin = 1 } = inputs;
  assertAmount(fn, "averageOrderValue", averageOrderValue);
  assertAmount(fn, "purchaseFrequency", purchaseFrequency);
  assertAmount(fn, "lifespan", lifespan);
  assertRate(fn, "grossMargin", grossMargin);
  return averageOrderValue * purchaseFrequency * lifespan * grossMargin;
}

/** An LTV : CAC ratio. */
export interface LtvToCacResult {
  /** LTV / CAC. */
  readonly ratio: number;
  /** LTV used. */
  readonly ltv: number;
  /** CAC used. */
  readonly cac: number;
}

/**
 * LTV : CAC, how many times a customer's lifetime value repays the cost of acquiring them.
 * (Invest-Foresight: acquiring a customer costs 2-7 times more than keeping one.)
 *
 * @param ltvValue - lifetime value (a number or an {@link LtvResult}).
 * @param cac - customer acquisition cost, > 0.
 * @throws CxMetricsError `INVALID_AMOUNT` for a CAC ≤ 0 or a non-finite LTV.
 * @example
 * ```ts
 * ltvToCac(2000, 500).ratio; //=> 4
 * ```
 */
export function ltvToCac(ltvValue: number | LtvResult, cac: number): LtvToCacResult {
  const fn = "ltvToCac";
  const value = typeof ltvValue === "object" && ltvValue !== null ? ltvValue.ltv : ltvValue;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalid(fn, "INVALID_AMOUNT", "ltv", value, "a finite amount");
  if (typeof cac !== "number" || !(cac > 0) || !Number.isFinite(cac))
    throw invalid(fn, "INVALID_AMOUNT", "cac", cac, "a finite amount > 0");
  return { ratio: value / cac, ltv: value, cac };
}

/** An LTV that a double can hold; amounts near 1e308 overflow. */
function finiteLtv(fn: string, value: number): number {
  if (!Number.isFinite(value))
    throw new CxMetricsError(
      fn,
      "INVALID_AMOUNT",
      "the lifetime value overflows a double: check the amounts and rates",
      { value },
    );
  return value;
}
