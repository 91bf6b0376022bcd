import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertConfidence, assertOneOf, assertOptions } from "../internal/validate.js";
import { zForConfidence } from "../stats/normal.js";
import { round } from "../stats/round.js";

/** How the unrounded sample size becomes a whole number. */
export type SampleSizeRounding = "up" | "nearest";

/**
 * Which z to use: `"exact"` (default, the normal quantile: 1.959963984540054 for 95%) or
 * `"rounded"` (z rounded to two decimals, as printed tables do: 1.96 for 95%, 2.58 for 99%,
 * 1.64 for 90%).
 */
export type ZValue = "exact" | "rounded";

/** Options of {@link sampleSize}. */
export interface SampleSizeOptions {
  /** Confidence level as a fraction; default 0.95. */
  readonly confidence?: number;
  /** Margin of error as a fraction of the scale (0.05 = ±5 percentage points); default 0.05. */
  readonly marginOfError?: number;
  /** Expected proportion, 0-1; default 0.5, the worst case. */
  readonly proportion?: number;
  /** Size of the population sampled from; leave out for an unlimited population. */
  readonly population?: number;
  /** `"up"` (default: never fewer than needed) or `"nearest"` (as the Krejcie-Morgan table). */
  readonly rounding?: SampleSizeRounding;
  /** `"exact"` (default) or `"rounded"` z. */
  readonly z?: ZValue;
}

/** A sample size with the figures it came from. */
export interface SampleSizeResult {
  /** The sample size, rounded as asked; never more than the population. */
  readonly n: number;
  /** Cochran's n0 = z² p (1 - p) / e², before the finite-population correction. */
  readonly n0: number;
  /** n after the finite-population correction, before rounding (n0 when there is no population). */
  readonly unrounded: number;
  /** The z used. */
  readonly z: number;
  /** The confidence level. */
  readonly confidence: number;
  /** The margin of error, as a fraction. */
  readonly marginOfError: number;
  /** The expected proportion. */
  readonly proportion: number;
  /** The population, or null when unlimited. */
  readonly population: number | null;
  /** The rounding used. */
  readonly rounding: SampleSizeRounding;
}

/** Validated options shared by the sample-size functions. */
export interface SamplingDesign {
  readonly z: number;
  readonly confidence: number;
  readonly population: number | null;
}

/** Reads and validates confidence, z choice and population. */
export function samplingDesign(
  fn: string,
  options: { readonly confidence?: number; readonly population?: number; readonly z?: ZValue },
): SamplingDesign {
  const { confidence = 0.95, population, z = "exact" } = options;
  assertConfidence(fn, confidence);
  assertOneOf(fn, "z", z, ["exact", "rounded"]);
  if (population !== undefined && !(Number.isInteger(population) && population >= 1)) {
    throw invalid(fn, "INVALID_COUNT", "population", population, "an integer ≥ 1");
  }
  const exact = zForConfidence(confidence);
  return { z: z === "exact" ? exact : round(exact, 2), confidence, population: population ?? null };
}

/** A fraction strictly between 0 and 1 (a margin) or in [0, 1] (a proportion). */
export function assertFraction(fn: string, name: string, value: unknown, open: boolean): asserts value is number {
  const ok = typeof value === "number" && (open ? value > 0 && value < 1 : value >= 0 && value <= 1);
  if (!ok)
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      name,
      value,
      open ? "a fraction strictly between 0 and 1 (0.05, not 5)" : "a fraction 0-1",
    );
}

/**
 * Validates a sample size n (an integer ≥ 1, at most the population) and returns the
 * finite-population correction factor √((N - n) / (N - 1)) for a margin of error; 1 without a population.
 */
export function marginCorrection(fn: string, n: unknown, population: number | null): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
    throw invalid(fn, "INVALID_COUNT", "n", n, "an integer ≥ 1");
  if (population === null) return 1;
  if (n > population)
    throw new CxMetricsError(fn, "INVALID_COUNT", `n (${n}) exceeds the population (${population})`, { value: n });
  return population === 1 ? 1 : Math.sqrt((population - n) / (population - 1));
}

/**
 * Applies the finite-population correction n = n0 / (1 + (n0 - 1) / N) and rounds; never returns
 * more than the population. Rounding up ignores float dust (384.00000000000006 is 384).
 */
export function finiteSample(
  n0: number,
  population: number | null,
  rounding: SampleSizeRounding,
): { n: number; unrounded: number } {
  const unrounded = population === null ? n0 : n0 / (1 + (n0 - 1) / population);
  const rounded = rounding === "up" ? Math.ceil(unrounded - 1e-9) : Math.round(unrounded);
  return { n: population === null ? rounded : Math.min(population, rounded), unrounded };
}

/**
 * Sample size for estimating a proportion (a CSAT share, a pass rate) to a given margin:
 * Cochran's n0 = z² p (1 - p) / e², with the finite-population correction
 * n = n0 / (1 + (n0 - 1) / N) when the population N is given (Cochran 1977, *Sampling Techniques*).
 *
 * Published tables differ by one because of two choices, both available here:
 * - z: 1.96 (tables) or 1.959963984540054 (exact; default). At 95% and ±5%, n0 is 384.16 or 384.15.
 * - rounding: up (default; never fewer than needed) gives 385; to the nearest gives 384.
 * Krejcie & Morgan's (1970) table rounds to the nearest with 1.96: 217 for N = 500 where rounding
 * up gives 218.
 *
 * @throws CxMetricsError `INVALID_CONFIDENCE`; `INVALID_ARGUMENT` for a margin not in (0, 1) or a
 *   proportion not in [0, 1]; `INVALID_COUNT` for a population that is not an integer ≥ 1;
 *   `INVALID_OPTION` for a bad rounding or z.
 * @example
 * ```ts
 * sampleSize().n; //=> 385 (95%, ±5%, p = 0.5)
 * sampleSize({ population: 500, z: "rounded", rounding: "nearest" }).n; //=> 217 (Krejcie & Morgan)
 * ```
 */
export function sampleSize(options: SampleSizeOptions = {}): SampleSizeResult {
  const fn = "sampleSize";
  assertOptions(fn, options);
  const { marginOfError = 0.05, proportion = 0.5, rounding = "up" } = options;
  const design = samplingDesign(fn, options);
  assertFraction(fn, "marginOfError", marginOfError, true);
  assertFraction(fn, "proportion", proportion, false);
  assertOneOf(fn, "rounding", rounding, ["up", "nearest"]);
  const n0 = (design.z * design.z * proportion * (1 - proportion)) / (marginOfError * marginOfError);
  if (n0 === 0) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      "proportion is 0 or 1: a proportion with no variance needs no sample",
      {
        value: proportion,
      },
    );
  }
  const { n, unrounded } = finiteSample(n0, design.population, rounding);
  return {
    n,
    n0,
    unrounded,
    z: design.z,
    confidence: design.confidence,
    marginOfError,
    proportion,
    population: design.population,
    rounding,
  };
}
