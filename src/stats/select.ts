// Selection of an order statistic in place (Floyd-Rivest), for percentiles without a full sort.

/**
 * Reorders `a[left..right]` so that `a[k]` holds the value it would hold were that range sorted,
 * with no larger value before it and no smaller value after it. Floyd & Rivest's SELECT (CACM 18(3),
 * 1975, Algorithm 489): on ranges over 600 values it first selects within a sample-sized window
 * around k, so the pivot lands close to the k-th value; O(n) on average, about n + min(k, n - k)
 * comparisons. This is the same scheme, step for step, as simple-statistics' `quickselect` (7.12)
 * that the library called until it had its own, so the values it places are the same, down to the
 * sign of a zero; `select.test.ts` checks it against a sort and against that function.
 * Values must not be NaN (callers validate them).
 */
export function select(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a window around k whose size grows as n^(2/3), placed so that it holds the k-th value with high
      // probability.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(
        a,
        k,
        Math.max(left, Math.floor(k - (m * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
      );
    }
    // Partition a[left..right] around t = a[k], with t moved to an end as a sentinel.
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    // t is now at j: go on in the side that holds k.
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const value = a[i]!;
  a[i] = a[j]!;
  a[j] = value;
}
