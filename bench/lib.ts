/**
 * Timing helpers for the benchmarks: every case is run in interleaved rounds (so that machine
 * noise hits all cases alike) and reported as the median of its rounds.
 */
export interface Case {
  readonly name: string;
  readonly run: () => unknown;
}

/** Keeps results alive so the JIT cannot drop the work. */
let sink: unknown;

/** Runs every case `rounds` times, interleaved, after one warm-up round; returns median milliseconds. */
export function measure(cases: readonly Case[], rounds = 9): Map<string, number> {
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (const c of cases) sink = c.run();
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const start = performance.now();
      sink = c.run();
      times.get(c.name)!.push(performance.now() - start);
    }
  }
  void sink;
  return new Map([...times].map(([name, list]) => [name, median(list)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Prints one comparison row: the case, its baseline, and the ratio. */
export function ratioRow(label: string, time: number, baseline: number, target?: number): string {
  const ratio = time / baseline;
  const verdict = target === undefined ? "" : ratio <= target ? `  (target ≤ ${target}x: met)` : `  (target ≤ ${target}x: MISSED)`;
  return `${label.padEnd(44)} ${time.toFixed(1).padStart(8)} ms vs ${baseline.toFixed(1).padStart(8)} ms  = ${ratio.toFixed(2)}x${verdict}`;
}
