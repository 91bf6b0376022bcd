/**
 * Customer Effort Score on 1-7 or 1-5 scales: mean and percent easy, with the easy end explicit.
 *
 * Methodology, sources and worked examples: [ces.md](../../docs/ces.md).
 *
 * @module ces
 */
export { ces } from "./ces.js";
export { cesRule } from "./rule.js";
export type { CesRule } from "./rule.js";
export { createCesAccumulator, cesFromCounts } from "./accumulator.js";
export type { CesAccumulator, CesAccumulatorState } from "./accumulator.js";
export type { CesEasyEnd, CesOptions, CesResult, CesScale } from "./ces.js";
export { cesConfidenceInterval } from "./confidence-interval.js";
