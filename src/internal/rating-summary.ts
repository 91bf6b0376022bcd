import type { RatingBucket } from "../types.js";

/** Count, mean and distribution of ratings tallied on min..max. */
export interface RatingSummary {
  readonly total: number;
  readonly mean: number;
  readonly distribution: readonly RatingBucket[];
}

/**
 * Summarises tallied ratings (`counts[k]` ratings of value `min + k`). With `labels` (indexed by value), values without
 * a label (2 and 4 of the smiley
 * scale) are left out of the distribution.
 */
export function summarizeRatings(
  counts: Float64Array,
  min: number,
  labels?: readonly (string | undefined)[],
): RatingSummary {
  let total = 0;
  let sum = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k]!;
    sum += counts[k]! * (min + k);
  }
  const mean = sum / total;
  const distribution: RatingBucket[] = [];
  for (let k = 0; k < counts.length; k++) {
    const value = min + k;
    const name = labels?.[value];
    if (labels === undefined) distribution.push({ value, count: counts[k]! });
    else if (name !== undefined) distribution.push({ value, label: name, count: counts[k]! });
  }
  return { total, mean, distribution };
}

/** Number of ratings with a value in [from, to]; both ends on the scale (`to` may be `min - 1`: none). */
export function countBetween(counts: Float64Array, min: number, from: number, to: number): number {
  let count = 0;
  for (let value = from; value <= to; value++) count += counts[value - min]!;
  return count;
}
