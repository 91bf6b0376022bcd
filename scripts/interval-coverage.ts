// The coverage of the library's intervals, printed as the Markdown tables of docs/statistics.md ("Coverage"):
// for shares (CSAT, CES, SLA) the exact coverage, Σₓ Binom(x; n, p) · [p inside the interval of x]; for the NPS the
// exact coverage by enumerating every (promoters, detractors) outcome up to n = 100, and a simulation with a fixed
// seed above. "holds" says whether the interval holds the observed figure at every outcome of that n.
// Run: npx tsx scripts/interval-coverage.ts   (test/project-checks.test.ts checks that the page shows this output)
import { npsConfidenceInterval } from "../src/nps/confidence-interval.js";
import { npsScoreBounds } from "../src/nps/score-interval.js";
import { type ProportionIntervalMethod, proportionInterval } from "../src/stats/proportion-interval.js";

const SIZES = [1, 2, 3, 5, 10, 30, 100, 1000, 10000];
const SHARES = [0.05, 0.2, 0.5, 0.8, 0.95];
const SHARE_METHODS: ProportionIntervalMethod[] = ["wilson", "agresti-coull", "wald", "clopper-pearson", "jeffreys"];
const NPS_TRUTHS: [number, number][] = [
  [0.6, 0.2],
  [0.3, 0.3],
  [0.8, 0.05],
  [0.1, 0.7],
  [0.95, 0.02],
];
const NPS_METHODS = ["score", "adjusted-wald", "wald"] as const;
const EXACT_UP_TO = 100;
const DRAWS = 4000;

/** log C(n, k) by summing logs once per n. */
function logChoose(n: number): Float64Array {
  const logs = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++) logs[k] = logs[k - 1]! + Math.log(k);
  return logs;
}

function binomialPmf(n: number, p: number): Float64Array {
  const lf = logChoose(n);
  const out = new Float64Array(n + 1);
  for (let x = 0; x <= n; x++) {
    const log =
      lf[n]! - lf[x]! - lf[n - x]! + (x === 0 ? 0 : x * Math.log(p)) + (x === n ? 0 : (n - x) * Math.log(1 - p));
    out[x] = Math.exp(log);
  }
  return out;
}

const percent = (value: number): string => (100 * value).toFixed(1);

function shareTable(): string[] {
  const lines = [
    `| n | p | ${SHARE_METHODS.join(" | ")} |`,
    `| --- | --- | ${SHARE_METHODS.map(() => "---").join(" | ")} |`,
  ];
  const worst = new Map<string, number>(SHARE_METHODS.map((m) => [m, 1]));
  const holds = new Map<string, boolean>(SHARE_METHODS.map((m) => [m, true]));
  for (const n of SIZES) {
    for (const p of SHARES) {
      const pmf = binomialPmf(n, p);
      const cells = SHARE_METHODS.map((method) => {
        let covered = 0;
        for (let x = 0; x <= n; x++) {
          const { low, high } = proportionInterval(x, n, { method });
          if (low <= p && p <= high) covered += pmf[x]!;
          if (!(low <= x / n + 1e-12 && x / n - 1e-12 <= high)) holds.set(method, false);
        }
        worst.set(method, Math.min(worst.get(method)!, covered));
        return percent(covered);
      });
      lines.push(`| ${n} | ${p} | ${cells.join(" | ")} |`);
    }
  }
  lines.push(`| **lowest** | | ${SHARE_METHODS.map((m) => `**${percent(worst.get(m)!)}**`).join(" | ")} |`);
  lines.push(`| **holds p̂** | | ${SHARE_METHODS.map((m) => (holds.get(m) ? "always" : "not always")).join(" | ")} |`);
  return lines;
}

/** A small deterministic generator (mulberry32) so the simulated rows never change between runs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function npsBounds(method: (typeof NPS_METHODS)[number], p: number, n0: number, d: number): [number, number] {
  if (method === "score") {
    const { low, high } = npsScoreBounds(p, n0, d, 0.95);
    return [100 * low, 100 * high];
  }
  const { low, high } = npsConfidenceInterval({ promoters: p, passives: n0, detractors: d }, { method });
  return [low, high];
}

function npsTable(): string[] {
  const lines = [
    `| n | p₊ | p₋ | NPS | ${NPS_METHODS.join(" | ")} |`,
    `| --- | --- | --- | --- | ${NPS_METHODS.map(() => "---").join(" | ")} |`,
  ];
  const worst = new Map<string, number>(NPS_METHODS.map((m) => [m, 1]));
  const holds = new Map<string, boolean>(NPS_METHODS.map((m) => [m, true]));
  for (const n of SIZES) {
    for (const [pp, pd] of NPS_TRUTHS) {
      const truth = 100 * (pp - pd);
      const covered = new Map<string, number>(NPS_METHODS.map((m) => [m, 0]));
      const visit = (p: number, d: number, weight: number): void => {
        for (const method of NPS_METHODS) {
          const [low, high] = npsBounds(method, p, n - p - d, d);
          if (low <= truth + 1e-9 && truth - 1e-9 <= high) covered.set(method, covered.get(method)! + weight);
          const figure = (100 * (p - d)) / n;
          if (!(low <= figure + 1e-9 && figure - 1e-9 <= high)) holds.set(method, false);
        }
      };
      if (n <= EXACT_UP_TO) {
        // P(P = p, D = d) = Binom(p; n, p₊) · Binom(d; n − p, p₋ / (1 − p₊)).
        const promoters = binomialPmf(n, pp);
        for (let p = 0; p <= n; p++) {
          const detractors = binomialPmf(n - p, pd / (1 - pp));
          for (let d = 0; d <= n - p; d++) visit(p, d, promoters[p]! * detractors[d]!);
        }
      } else {
        const draw = random(n * 1000 + Math.round(pp * 100));
        for (let k = 0; k < DRAWS; k++) {
          let p = 0;
          let d = 0;
          for (let i = 0; i < n; i++) {
            const u = draw();
            if (u < pp) p++;
            else if (u < pp + pd) d++;
          }
          visit(p, d, 1 / DRAWS);
        }
      }
      for (const method of NPS_METHODS) worst.set(method, Math.min(worst.get(method)!, covered.get(method)!));
      lines.push(
        `| ${n} | ${pp} | ${pd} | ${truth.toFixed(0)} | ${NPS_METHODS.map((m) => percent(covered.get(m)!)).join(" | ")} |`,
      );
    }
  }
  lines.push(`| **lowest** | | | | ${NPS_METHODS.map((m) => `**${percent(worst.get(m)!)}**`).join(" | ")} |`);
  lines.push(
    `| **holds the NPS** | | | | ${NPS_METHODS.map((m) => (holds.get(m) ? "always" : "not always")).join(" | ")} |`,
  );
  return lines;
}

console.log("Shares (CSAT, CES, SLA), 95 %, exact coverage in percent:\n");
console.log(shareTable().join("\n"));
console.log(`\nNPS, 95 %, coverage in percent (exact up to n = ${EXACT_UP_TO}; above, ${DRAWS} simulated samples):\n`);
console.log(npsTable().join("\n"));
