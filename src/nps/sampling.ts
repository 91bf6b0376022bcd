import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { assertCount, assertOneOf, assertPercent } from "../internal/validate.js";
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
 * Checks that a figure an input carries beside its counts (`total`, `score`, a percentage) is the one they give, to
 * 1e-9 of its scale; a field left out (or null) is not checked.
 */
function agrees(fn: string, input: object, name: string, expected: number, scale: number): void {
  const given = (input as Record<string, unknown>)[name];
  if (given === undefined || given === null) return;
  if (typeof given !== "number" || !(Math.abs(given - expected) <= 1e-9 * Math.max(1, Math.abs(scale))))
    throw new CxMetricsError(
      fn,
      "INCONSISTENT_COUNTS",
      `${name} is ${describe(given)}, but the counts and shares give ${expected}: the input does not add up`,
      { value: input, field: name },
    );
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
  assertReadable(fn, "input", input);
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
    // Counts recovered from rounded percentages: use the shares and the total as given, once they add up.
    const { promoterPercent, detractorPercent, total } = input;
    assertPercent(fn, "promoterPercent", promoterPercent);
    assertPercent(fn, "detractorPercent", detractorPercent);
    if (promoterPercent + detractorPercent > 100 + 1e-9)
      throw new CxMetricsError(
        fn,
        "INVALID_PERCENT",
        `promoterPercent + detractorPercent is ${promoterPercent + detractorPercent}, expected at most 100`,
        { value: input },
      );
    assertCount(fn, "total", total);
    n = total;
    promoters = (promoterPercent * n) / 100;
    detractors = (detractorPercent * n) / 100;
    const passivePercent = Math.max(0, 100 - promoterPercent - detractorPercent);
    agrees(fn, input, "passivePercent", passivePercent, 100);
    agrees(fn, input, "score", promoterPercent - detractorPercent, 100);
    agrees(fn, input, "promoters", promoters, n);
    agrees(fn, input, "passives", (passivePercent * n) / 100, n);
    agrees(fn, input, "detractors", detractors, n);
  } else {
    assertCount(fn, "promoters", input.promoters);
    assertCount(fn, "passives", input.passives);
    assertCount(fn, "detractors", input.detractors);
    promoters = input.promoters;
    detractors = input.detractors;
    n = promoters + input.passives + detractors;
    if (!Number.isSafeInteger(n))
      throw new CxMetricsError(fn, "INVALID_COUNT", `the counts add up to ${n}, more than 2^53 - 1`, { value: input });
    // A result carries its figures beside its counts: each must be the one the counts give.
    agrees(fn, input, "total", n, n);
    if (n > 0) {
      agrees(fn, input, "score", (100 * (promoters - detractors)) / n, 100);
      agrees(fn, input, "promoterPercent", (100 * promoters) / n, 100);
      agrees(fn, input, "passivePercent", (100 * input.passives) / n, 100);
      agrees(fn, input, "detractorPercent", (100 * detractors) / n, 100);
    }
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
