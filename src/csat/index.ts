/**
 * Customer Satisfaction Score on 1-5, 1-10, 3-smiley or custom scales: percent satisfied
 * (top-box or good/bad), mean, distribution, intervals, and Osipov's bands.
 *
 * Methodology, sources and worked examples: [csat.md](../../docs/csat.md).
 *
 * @module csat
 */
export { csat } from "./csat.js";
export { csatRule } from "./rule.js";
export type { CsatRule } from "./rule.js";
export { createCsatAccumulator, csatFromCounts } from "./accumulator.js";
export type { CsatAccumulator, CsatAccumulatorState } from "./accumulator.js";
export type { CsatMode, CsatOptions, CsatResult, CsatScale, SmileyLabel } from "./csat.js";
export { csatConfidenceInterval } from "./confidence-interval.js";
export { csatBand } from "./band.js";
export type { CsatBandId } from "./band.js";
