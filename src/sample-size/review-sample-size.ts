// reviewSampleSize: how many interactions a QA team should review, Osipov's rule of thumb beside Cochran's figure.
import { invalid } from "../internal/describe.js";
import { assertOptions } from "../internal/validate.js";
import { sampleSize, type SampleSizeResult, type ZValue } from "./sample-size.js";

/** Options of {@link reviewSampleSize}: the statistical figure's design. */
export interface ReviewSampleSizeOptions {
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Margin of error as a fraction; default 0.05. */
  readonly marginOfError?: number;
  /** Expected proportion (for example the pass rate); default 0.5, the worst case. */
  readonly proportion?: number;
  /** `"exact"` (default) or `"rounded"` z. */
  readonly z?: ZValue;
}

/** Osipov's rule of thumb for how many communications to check. */
export interface ReviewRuleOfThumb {
  /** Fewest checks the rule asks for. */
  readonly min: number;
  /** Most checks the rule asks for. */
  readonly max: number;
  /** Which branch of the rule applied. */
  readonly rule: "30-50 checks" | "5-10 percent";
  /** The source. */
  readonly source: "Osipov";
}

/** How many interactions to review: Osipov's rule beside the statistical sample size. */
export interface ReviewSampleSizeResult {
  /** Number of interactions (sales, chats, calls) in the period. */
  readonly population: number;
  /** Osipov's rule of thumb. */
  readonly ruleOfThumb: ReviewRuleOfThumb;
  /** Cochran's sample size with the finite-population correction, rounded up. */
  readonly statistical: SampleSizeResult;
}

/**
 * How many interactions a QA team should review out of `population`, two ways side by side.
 *
 * **Osipov's rule of thumb** (for those who do not want to use a calculator): with hundreds or
 * thousands of sales or communications, cover at least 5-10% of them; with few, up to about 100,
 * cover 30-50. Read here as: population ≤ 100 → 30 to 50 checks (capped at the population);
 * above 100 → 5% to 10%, rounded up. The two branches do not meet (100 interactions → 30-50 checks,
 * 101 → 6-11); that is the rule as printed, and the statistical figure beside it shows what a
 * margin of error actually needs.
 *
 * **Statistical:** {@link sampleSize} with the population, default 95% and ±5%.
 *
 * @param population - number of interactions in the period, an integer ≥ 1.
 * @throws CxMetricsError `INVALID_COUNT` for a bad population; as {@link sampleSize} for the options.
 * @example
 * ```ts
 * reviewSampleSize(2000);
 * //=> { ruleOfThumb: { min: 100, max: 200, rule: "5-10 percent" }, statistical: { n: 323, ... } }
 * ```
 */
export function reviewSampleSize(population: number, options: ReviewSampleSizeOptions = {}): ReviewSampleSizeResult {
  const fn = "reviewSampleSize";
  assertOptions(fn, options);
  if (typeof population !== "number" || !Number.isInteger(population) || population < 1) {
    throw invalid(fn, "INVALID_COUNT", "population", population, "an integer ≥ 1");
  }
  const ruleOfThumb: ReviewRuleOfThumb =
    population <= 100
      ? { min: Math.min(30, population), max: Math.min(50, population), rule: "30-50 checks", source: "Osipov" }
      : { min: Math.ceil(population * 0.05), max: Math.ceil(population * 0.1), rule: "5-10 percent", source: "Osipov" };
  return { population, ruleOfThumb, statistical: sampleSize({ ...options, population }) };
}
