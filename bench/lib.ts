/**
 * Timing helpers for the benchmarks: every case is run in interleaved rounds (so that machine
 * noise hits all cases alike) and reported with the min, median and max of its rounds; ratios are
 * of medians.
 */
export interface Case {
  readonly name: string;
  readonly run: () => unknown;
}

/** The spread of one case's rounds, in milliseconds. */
export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** Keeps results alive so the JIT cannot drop the work. */
let sink: unknown;

/**
 * Runs every case `rounds` times, interleaved, after three warm-up rounds (with one, the first
 * measured rounds still ran in a lower JIT tier: nps on a Uint8Array spread from 30 to 59 ms);
 * returns min / median / max milliseconds.
 */
export function measure(cases: readonly Case[], rounds = 9): Map<string, Timing> {
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let warm = 0; warm < 3; warm++) for (const c of cases) sink = c.run();
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const start = performance.now();
      sink = c.run();
      times.get(c.name)!.push(performance.now() - start);
    }
  }
  void sink;
  return new Map(
    [...times].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [
        name,
        { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! },
      ];
    }),
  );
}

/** "58.0 ms (55.1-63.2)": the median with the min and max of the rounds. */
export function spread(timing: Timing): string {
  return `${timing.median.toFixed(1).padStart(7)} ms (${timing.min.toFixed(1)}-${timing.max.toFixed(1)})`;
}

/** Prints one comparison row: the case, its baseline (each median, min-max), and the ratio of medians. */
export function ratioRow(label: string, time: Timing, baseline: Timing, target?: number): string {
  const ratio = time.median / baseline.median;
  const verdict =
    target === undefined ? "" : ratio <= target ? `  (target ≤ ${target}x: met)` : `  (target ≤ ${target}x: MISSED)`;
  return `${label.padEnd(44)} ${spread(time)} vs ${spread(baseline)} = ${ratio.toFixed(2)}x${verdict}`;
}
