/**
 * Net Promoter Score: the score from raw answers, counts or percentages; its confidence interval;
 * the comparison of two scores; interpretation bands; a mergeable accumulator.
 *
 * Methodology, sources and worked examples: [nps.md](../../docs/nps.md).
 *
 * @module nps
 */
export { nps, npsFromCounts, npsFromPercents } from "./nps.js";
export type {
  NpsCounts,
  NpsOptions,
  NpsFromPercentsOptions,
  NpsFromPercentsResult,
  NpsPercents,
  NpsResult,
} from "./nps.js";
export { npsConfidenceInterval } from "./confidence-interval.js";
export type { NpsInterval, NpsIntervalOptions } from "./confidence-interval.js";
export type { NpsIntervalMethod, NpsSampleInput } from "./sampling.js";
export { compareNps } from "./compare.js";
export type { CompareNpsOptions, NpsComparison } from "./compare.js";
export { npsBand } from "./band.js";
export type { Band, NpsBandId, NpsBandOptions, NpsBandScheme, ScoreRange } from "./band.js";
export { createNpsAccumulator } from "./accumulator.js";
export { isNpsScore, npsGroup } from "./rule.js";
export type { NpsGroup } from "./rule.js";
export type { NpsAccumulator, NpsAccumulatorState } from "./accumulator.js";
