import { describe, expect, it } from "vitest";
import { compareProportions } from "./compare-proportions.js";

// Expected values from scipy 1.17.1, written out so they can be re-run:
//   from scipy.stats import chi2_contingency, norm
//   chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)[1]    # p-value
//   p1 - p2 ± norm.ppf(0.975) · sqrt(p1 q1 / n1 + p2 q2 / n2)                  # Wald interval
describe("compareProportions against scipy", () => {
  const cases: [number, number, number, number, number, number, number][] = [
    // x_a, n_a, x_b, n_b, p-value, low, high  (difference is b − a in the scipy lines above: negated here)
    [45, 60, 30, 50, 0.0926006978206757, -0.0244808331995263, 0.324480833199526],
    [170, 200, 150, 200, 0.0124193306515523, 0.0222163407739566, 0.177783659226043],
    [7, 10, 3, 10, 0.0736382701203026, -0.00167308905271868, 0.801673089052719],
  ];
  it.each(cases)("%i/%i against %i/%i", (xa, na, xb, nb, p, low, high) => {
    const result = compareProportions({ successes: xa, n: na }, { successes: xb, n: nb });
    expect(result.difference).toBeCloseTo(xa / na - xb / nb, 14);
    expect(result.pValue).toBeCloseTo(p, 12);
    expect(result.low).toBeCloseTo(low, 12);
    expect(result.high).toBeCloseTo(high, 12);
  });
  it("gives p = 1 for two shares of 100 % (no variance), and rejects bad counts", () => {
    expect(compareProportions({ successes: 5, n: 5 }, { successes: 9, n: 9 })).toMatchObject({
      difference: 0,
      z: 0,
      pValue: 1,
    });
    expect(() => compareProportions({ successes: 6, n: 5 }, { successes: 1, n: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => compareProportions({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
  });
});
