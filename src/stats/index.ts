/**
 * Shared statistics: normal and t quantiles, Beta quantiles, proportion intervals (Wilson,
 * Agresti-Coull, Wald, Clopper-Pearson, Jeffreys), a t interval for a mean, and report rounding.
 *
 * Methodology, sources and worked examples: [statistics.md](../../docs/statistics.md).
 *
 * @module stats
 */
export { normalCdf, normalQuantile, zForConfidence } from "./normal.js";
export { betaCdf, betaQuantile } from "./beta.js";
export { studentTQuantile } from "./student-t.js";
export { proportionInterval } from "./proportion-interval.js";
export type {
  ProportionInterval,
  ProportionIntervalMethod,
  ProportionIntervalOptions,
} from "./proportion-interval.js";
export { meanConfidenceInterval } from "./mean-interval.js";
export type { MeanInterval, MeanIntervalOptions, MeanSummary } from "./mean-interval.js";
export { round } from "./round.js";
export type { PercentInterval, RatingIntervalOptions, RatingIntervals } from "./rating-intervals.js";
export { percentile, percentiles } from "./percentile.js";
export type { PercentileMethod, PercentileOptions } from "./percentile.js";
export { groupBy } from "./group-by.js";
export type { Group } from "./group-by.js";
export type {
  Accessor,
  CustomScale,
  RatingAccumulator,
  RatingBucket,
  RatingCount,
  ScaleInfo,
  ScaleTallyState,
  Values,
} from "../types.js";
export { compareProportions } from "./compare-proportions.js";
export type { CompareProportionsOptions, ProportionComparison, ProportionSample } from "./compare-proportions.js";
export { adjustPValues, P_ADJUST_METHODS } from "./adjust.js";
export type { PAdjustMethod } from "./adjust.js";
export { rake } from "./rake.js";
export type { RakeMargins, RakeOptions } from "./rake.js";
export { weightedMean, wilsonBounds } from "./weighted.js";
export type { ShareBounds, WeightedMean, WeightedValue } from "./weighted.js";
export { medianInterval } from "./median-interval.js";
export type { MedianInterval } from "./median-interval.js";
