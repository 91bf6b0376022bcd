// The bounds of a score interval: the values δ whose score statistic z(δ) stays within ±z*, found by bisection on
// each side of the estimate. The estimate (where z = 0) is always inside: the containment the reports rely on.

/**
 * The interval {δ in [min, max] : |z(δ)| ≤ critical}, for a statistic z that falls as δ rises and is 0 at the
 * estimate. Each bound is found by bisection to 1e-13 (an end of the range when z never leaves ±critical there).
 * `z` may return NaN where it is undefined (a variance of 0 at δ = estimate): NaN counts as inside.
 */
export function scoreBounds(
  z: (delta: number) => number,
  estimate: number,
  critical: number,
  min: number,
  max: number,
): { low: number; high: number } {
  const outside = (delta: number): boolean => {
    const value = z(delta);
    return Number.isFinite(value)
      ? Math.abs(value) > critical
      : value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY;
  };
  const bound = (inside: number, end: number): number => {
    if (!outside(end)) return end;
    let a = inside;
    let b = end;
    for (let k = 0; k < 200 && Math.abs(b - a) > 1e-13; k++) {
      const mid = (a + b) / 2;
      if (outside(mid)) b = mid;
      else a = mid;
    }
    return a;
  };
  return { low: bound(estimate, min), high: bound(estimate, max) };
}
