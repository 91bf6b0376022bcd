/**
 * Lifetime value: historical (Osipov), subscription (ARPA × margin / churn, discounted or not),
 * the retail simple form, and LTV : CAC.
 *
 * Methodology, sources and worked examples: [ltv.md](../../docs/ltv.md).
 *
 * @module ltv
 */
export { historicalLtv } from "./historical-ltv.js";
export type { CustomerLtv, HistoricalLtvOptions, HistoricalLtvResult, Transaction } from "./historical-ltv.js";
export { ltv, ltvToCac, retailLtv } from "./ltv.js";
export type { LtvInputs, LtvResult, LtvToCacResult, RetailLtvInputs } from "./ltv.js";
