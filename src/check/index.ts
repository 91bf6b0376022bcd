/**
 * Checking a report's printed figures against the raw data: `checkReport` recomputes each claim
 * under the library's defaults and under the conventions other tools use, and says which of them
 * reproduce the printed figure (`match`), whether it lies within the sampling interval (`close`),
 * or why nothing reproduces it (`mismatch`). `checkPrinted` checks printed figures against each
 * other when there is no data. Built on the metric modules and the report layer.
 *
 * Walk-through, the catalogue of conventions and their names: [check.md](../../docs/check.md).
 *
 * @module check
 */
export { checkReport, conventionText } from "./check-report.js";
export { reconcile } from "./reconcile.js";
export type {
  DifferenceDate,
  DifferenceSize,
  ReconcileOptions,
  Reconciliation,
  RecordDifference,
  RecordProblem,
} from "./reconcile.js";
export type { Agreement, CheckResult, Claim, ClaimResult, Claims, Reproduction } from "./check-report.js";
export type { ClaimOptions, LeftOut } from "./candidates.js";
export { CONVENTIONS, conventionsOf } from "./conventions.js";
export type { ConventionDimension } from "./conventions.js";
export { checkPrinted } from "./printed-checks.js";
export type { PrintedCheck, PrintedFigures } from "./printed-checks.js";
export { readPrinted } from "./printed.js";
export type { PrintedFigure } from "./printed.js";
export { ROUNDING_RULES, roundTo } from "./rounding.js";
export type { RoundingRule } from "./rounding.js";
export type { DurationUnit, FigureUnit } from "./units.js";
