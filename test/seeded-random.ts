// A small seeded generator for tests that draw their data (mulberry32, Tommy Ettinger's 32-bit generator), so that a
// failure can be replayed from its seed.

/**
 * Numbers uniform in [0, 1) from a 32-bit seed, the same sequence for the same seed.
 *
 * @example const next = random(7); next(); // the same first number on every run
 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
