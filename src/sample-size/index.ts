/**
 * Sample sizes and margins of error: Cochran's formula with the finite-population correction,
 * the NPS version, the margin of a mean, and Osipov's rule of thumb for QA reviews.
 *
 * Methodology, sources and worked examples: [sample-size.md](../../docs/sample-size.md).
 *
 * @module sample-size
 */
export { sampleSize } from "./sample-size.js";
export type { SampleSizeOptions, SampleSizeResult, SampleSizeRounding, ZValue } from "./sample-size.js";
export { marginOfError, meanMarginOfError } from "./margin-of-error.js";
export type {
  MarginOfErrorOptions,
  MarginOfErrorResult,
  MeanMarginOfErrorOptions,
  MeanMarginOfErrorResult,
} from "./margin-of-error.js";
export { npsMarginOfError, npsSampleSize } from "./nps-sample-size.js";
export type {
  ExpectedNpsShares,
  NpsMarginOfErrorOptions,
  NpsMarginOfErrorResult,
  NpsSampleSizeOptions,
  NpsSampleSizeResult,
} from "./nps-sample-size.js";
export { reviewSampleSize } from "./review-sample-size.js";
export type { ReviewRuleOfThumb, ReviewSampleSizeOptions, ReviewSampleSizeResult } from "./review-sample-size.js";
