import { invalid } from "../internal/describe.js";
import type { Band, ScoreRange } from "../nps/band.js";

/** Band ids of Osipov's CSAT interpretation. */
export type CsatBandId = "problems" | "below-normal" | "normal" | "excellent";

const range = (min: number | null, minInclusive: boolean, max: number | null, maxInclusive: boolean): ScoreRange => ({
  min,
  minInclusive,
  max,
  maxInclusive,
});

/**
 * Osipov's interpretation of a mean CSAT on the 5-point mapping (1-5 ratings, or smileys scored
 * 1 / 3 / 5): 3 and below, the team has communication problems; 4 and above, normal; 4.8 and
 * above, excellent.
 *
 * The source leaves 3 < mean < 4 unnamed; this library calls it `below-normal` and flags it
 * `resolvedGap`. Bands: mean ≤ 3 `problems`; 3 < mean < 4 `below-normal`; 4 ≤ mean < 4.8
 * `normal`; mean ≥ 4.8 `excellent`. For a 1-10 scale, the source gives no bands.
 *
 * @param mean - the mean rating on the 1-5 scale (for example `csat(...).mean`).
 * @throws CxMetricsError `INVALID_SCORE` for a mean outside 1-5 or not finite.
 * @example
 * ```ts
 * csatBand(4.85).band; //=> "excellent"
 * csatBand(3.5).resolvedGap; //=> true
 * ```
 */
export function csatBand(mean: number): Band<CsatBandId> {
  if (typeof mean !== "number" || !(mean >= 1 && mean <= 5)) {
    throw invalid("csatBand", "INVALID_SCORE", "mean", mean, "a mean rating on the 1-5 scale");
  }
  const source = "Osipov";
  if (mean <= 3) {
    return {
      band: "problems",
      label: "The team has communication problems",
      source,
      range: range(1, true, 3, true),
      resolvedGap: false,
    };
  }
  if (mean < 4) {
    return {
      band: "below-normal",
      label: "Below normal (the source does not name 3-4)",
      source,
      range: range(3, false, 4, false),
      resolvedGap: true,
    };
  }
  if (mean < 4.8)
    return { band: "normal", label: "Normal", source, range: range(4, true, 4.8, false), resolvedGap: false };
  return { band: "excellent", label: "Excellent", source, range: range(4.8, true, 5, true), resolvedGap: false };
}
