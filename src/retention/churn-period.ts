import { invalid } from "../internal/describe.js";
import { assertRate } from "../internal/validate.js";

/**
 * Churn over several periods from a per-period churn rate, compounding: 1 - (1 - rate)^periods.
 * Not rate × periods: 5% a month is 46% a year, not 60%. `periods` may be fractional
 * (1/12 turns an annual rate into a monthly one).
 *
 * @param rate - churn per period, a fraction 0-1.
 * @param periods - number of periods, > 0.
 * @throws CxMetricsError `INVALID_RATE` for a rate outside 0-1; `INVALID_ARGUMENT` for periods ≤ 0.
 * @example
 * ```ts
 * compoundChurn(0.05, 12); //=> 0.4596 (5% a month is 46% a year)
 * ```
 */
export function compoundChurn(rate: number, periods: number): number {
  const fn = "compoundChurn";
  assertRate(fn, "rate", rate);
  if (typeof periods !== "number" || !(periods > 0) || !Number.isFinite(periods)) {
    throw invalid(fn, "INVALID_ARGUMENT", "periods", periods, "a positive number");
  }
  return -Math.expm1(periods * Math.log1p(-rate));
}

/**
 * Annual churn from a monthly churn rate: 1 - (1 - monthly)^12.
 *
 * @throws CxMetricsError `INVALID_RATE` for a rate outside 0-1.
 * @example
 * ```ts
 * annualChurnRate(0.02); //=> 0.2153 (not 0.24)
 * ```
 */
export function annualChurnRate(monthly: number): number {
  assertRate("annualChurnRate", "monthly", monthly);
  return compoundChurn(monthly, 12);
}

/**
 * Monthly churn from an annual churn rate: 1 - (1 - annual)^(1/12).
 *
 * @throws CxMetricsError `INVALID_RATE` for a rate outside 0-1.
 * @example
 * ```ts
 * monthlyChurnRate(0.2153); //=> 0.02
 * ```
 */
export function monthlyChurnRate(annual: number): number {
  assertRate("monthlyChurnRate", "annual", annual);
  return compoundChurn(annual, 1 / 12);
}
