/**
 * Customer retention and churn (with Osipov's printed formula kept apart), churn over periods,
 * net and gross revenue retention, and cohort retention triangles.
 *
 * Methodology, sources and worked examples: [retention.md](../../docs/retention.md).
 *
 * @module retention
 */
export { customerRetention } from "./customer-retention.js";
export type { CustomerCounts, CustomerRetentionOptions, CustomerRetentionResult } from "./customer-retention.js";
export { annualChurnRate, compoundChurn, monthlyChurnRate } from "./churn-period.js";
export { revenueRetention, revenueRetentionFromCustomers } from "./revenue-retention.js";
export type {
  CustomerRevenue,
  CustomerRevenueRetentionResult,
  RevenueMovements,
  RevenueRetentionResult,
} from "./revenue-retention.js";
export { cohortRetention } from "./cohort-retention.js";
export type {
  CohortPeriod,
  CohortRetentionOptions,
  CohortRetentionResult,
  CohortRow,
  CustomerActivity,
} from "./cohort-retention.js";
