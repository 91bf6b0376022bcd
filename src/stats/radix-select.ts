// Order statistics of a large array by the bits of its values (a radix select): one pass counts the values by the top
// 16 bits of their order key, which says in which of 65,536 buckets each wanted rank falls; a second pass copies the
// values of those buckets out, and the ranks are selected within them. Two passes over the data whatever the number
// of ranks (up to a few), where a Floyd-Rivest selection per rank passes over half of it again for each rank; the
// array is not reordered, so the caller needs no copy. (A first response report's figures over 1M tickets spent most
// of their time selecting: bench/README.md.)
import { select } from "./select.js";

/** Is this machine little-endian (the high 32 bits of a double at the odd index of its Uint32Array view)? */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Buckets: the top 16 bits of the order key. */
const BUCKETS = 1 << 16;

/**
 * The bucket of the double whose 32-bit words start at `w`, in value order: the top 16 bits of its high word with the
 * sign bit set for a non-negative value, inverted for a negative one (the IEEE 754 order of doubles as unsigned
 * integers); -0 in the bucket of 0.
 */
function bucketOf(words: Uint32Array, w: number): number {
  const high = words[w + HIGH_WORD]!;
  if (high === 0x80000000 && words[w + 1 - HIGH_WORD] === 0) return 0x8000; // -0
  return (high & 0x80000000 ? ~high : high | 0x80000000) >>> 16;
}

/**
 * The values at the given 0-based ranks (sorted, distinct, within the array), as a sort would place them; `a` is not
 * changed. Values must not be NaN. Ties between -0 and 0 are equal values here, and either may be returned.
 */
export function radixOrderStatistics(a: Float64Array, wanted: readonly number[]): Map<number, number> {
  const words = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0, w = 0; i < a.length; i++, w += 2) counts[bucketOf(words, w)]!++;
  // Each rank's bucket, and its rank among that bucket's values.
  const buckets: number[] = [];
  const inBucket: number[] = [];
  let bucket = 0;
  let before = 0;
  for (const rank of wanted) {
    while (before + counts[bucket]! <= rank) before += counts[bucket++]!;
    buckets.push(bucket);
    inBucket.push(rank - before);
  }
  // The values of the buckets wanted, copied out in one pass without a branch per value (which bucket a value is in
  // is as good as random: a branch on it missed half the time, and cost more than the pass itself). Slot 0 is a
  // one-value scratch for the values of every other bucket, written over in place.
  const distinct = [...new Set(buckets)];
  const slotOf = new Uint8Array(BUCKETS);
  const values = [new Float64Array(1)];
  const step = new Uint32Array(distinct.length + 1);
  for (const b of distinct) {
    values.push(new Float64Array(counts[b]!));
    slotOf[b] = values.length - 1;
    step[values.length - 1] = 1;
  }
  const filled = new Uint32Array(distinct.length + 1);
  for (let i = 0, w = 0; i < a.length; i++, w += 2) {
    const slot = slotOf[bucketOf(words, w)]!;
    values[slot]![filled[slot]!] = a[i]!;
    filled[slot] = filled[slot]! + step[slot]!;
  }
  const found = new Map<number, number>();
  let from = 0;
  let lastSlot = -1;
  wanted.forEach((rank, k) => {
    const slot = slotOf[buckets[k]!]!;
    if (slot !== lastSlot) from = 0;
    lastSlot = slot;
    const bucketValues = values[slot]!;
    select(bucketValues, inBucket[k]!, from, bucketValues.length - 1);
    found.set(rank, bucketValues[inBucket[k]!]!);
    from = inBucket[k]!;
  });
  return found;
}
