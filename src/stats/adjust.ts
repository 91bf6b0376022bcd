// Multiple-comparison adjustment of p-values: Holm's step-down (family-wise error) and Benjamini-Hochberg's step-up
// (false discovery rate), as R's p.adjust computes them.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/** How a family of p-values is adjusted: `"none"`, `"holm"` (family-wise error) or `"bh"` (false discovery rate). */
export type PAdjustMethod = "none" | "holm" | "bh";

/** The methods {@link adjustPValues} knows. */
export const P_ADJUST_METHODS: readonly PAdjustMethod[] = ["none", "holm", "bh"];

/**
 * Adjusts a family of p-values for their number, as R's `p.adjust(p, method)` does:
 *
 * - `"holm"` (Holm 1979): the i-th smallest of m becomes max over j ≤ i of min(1, (m − j + 1) p₍ⱼ₎); controls the
 *   chance of any false positive among the m tests.
 * - `"bh"` (Benjamini & Hochberg 1995): the i-th smallest becomes min over j ≥ i of min(1, m p₍ⱼ₎ / j); controls the
 *   expected share of false positives among the tests called significant.
 * - `"none"`: the p-values as they are.
 *
 * The result is in the input's order. An empty family gives an empty array.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for a p-value that is not a number in [0, 1] (naming its index);
 *   `INVALID_OPTION` for another method.
 * @example
 * ```ts
 * adjustPValues([0.01, 0.04, 0.03], "holm"); //=> [0.03, 0.06, 0.06] (R: p.adjust(c(0.01, 0.04, 0.03), "holm"))
 * adjustPValues([0.01, 0.04, 0.03], "bh"); //=> [0.03, 0.04, 0.04]
 * ```
 */
export function adjustPValues(pValues: readonly number[], method: PAdjustMethod): number[] {
  const fn = "adjustPValues";
  if (!Array.isArray(pValues)) {
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", `pValues is ${describe(pValues)}, expected an array of p-values`, {
      value: pValues,
    });
  }
  pValues.forEach((p, index) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new CxMetricsError(fn, "INVALID_ARGUMENT", `p-value at index ${index} is ${describe(p)}, expected 0-1`, {
        index,
        value: p,
      });
    }
  });
  if (!P_ADJUST_METHODS.includes(method)) {
    throw new CxMetricsError(fn, "INVALID_OPTION", `method is ${describe(method)}, expected "none", "holm" or "bh"`, {
      value: method,
    });
  }
  const m = pValues.length;
  if (method === "none" || m === 0) return [...pValues];
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m);
  if (method === "holm") {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank]!;
      running = Math.min(running, Math.min(1, (m * pValues[index]!) / (rank + 1)));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
