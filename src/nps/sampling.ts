import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { assertCount, assertOneOf } from "../internal/validate.js";
import type { NpsCounts, NpsFromPercentsResult } from "./nps.js";

/** How an NPS interval or comparison is computed. */
export type NpsIntervalMethod = "adjusted-wald" | "wald";

const METHODS: readonly NpsIntervalMethod[] = ["adjusted-wald", "wald"];

/** What the interval and comparison functions accept: counts, a result, or percentages with a total. */
export type NpsSampleInput = NpsCounts | NpsFromPercentsResult;

/** The NPS of a sample as the interval formulas see it: proportions and n, after any adjustment. */
export interface NpsSample {
  /** NPS in points, -100..100, adjusted when the method adjusts: 100 (P - D) / n. */
  readonly score: number;
  /** Variance of one response's score (+1 / 0 / -1): p_pro + p_det - (p_pro - p_det)². */
  readonly variance: number;
  /** Sample size, adjusted when the method adjusts. */
  readonly n: number;
}

/**
 * Reads an NPS sample and applies the method: for `"adjusted-wald"` (Rocks 2016; MeasuringU)
 * 3 is added to n and 3/4 to the promoters and to the detractors; `"wald"` uses the counts as they are.
 */
export function npsSample(fn: string, input: NpsSampleInput, method: NpsIntervalMethod): NpsSample {
  assertOneOf(fn, "method", method, METHODS);
  let promoters: number;
  let detractors: number;
  let n: number;
  if (typeof input !== "object" || input === null) {
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", `expected NPS counts or a result, got ${describe(input)}`, {
      value: input,
    });
  }
  if ("promoterPercent" in input && input.promoters === null) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      "an interval needs the number of responses: pass { total } to npsFromPercents",
      { value: input },
    );
  }
  const recovered = input as { promoters: unknown; passives: unknown; detractors: unknown };
  const whole =
    Number.isInteger(recovered.promoters) &&
    Number.isInteger(recovered.passives) &&
    Number.isInteger(recovered.detractors);
  if ("promoterPercent" in input && typeof input.total === "number" && !whole) {
    // Counts recovered from rounded percentages: use the shares and the total as given.
    n = input.total;
    promoters = (input.promoterPercent * n) / 100;
    detractors = (input.detractorPercent * n) / 100;
  } else {
    assertCount(fn, "promoters", input.promoters);
    assertCount(fn, "passives", input.passives);
    assertCount(fn, "detractors", input.detractors);
    promoters = input.promoters;
    detractors = input.detractors;
    n = promoters + input.passives + detractors;
  }
  if (n === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no responses: NPS is undefined for 0 responses");
  if (method === "adjusted-wald") {
    n += 3;
    promoters += 0.75;
    detractors += 0.75;
  }
  const net = (promoters - detractors) / n;
  return { score: (100 * (promoters - detractors)) / n, variance: (promoters + detractors) / n - net * net, n };
}
