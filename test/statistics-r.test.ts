// Issue #21's statistics against R: weighted shares and means with their linearised standard errors
// (survey::svymean on svydesign(ids = ~1, weights = ~w)), raking (survey::rake), p.adjust, and the two score
// intervals against R's numerical constrained maximum likelihood (optimize + uniroot). The R values are in
// test/fixtures/r-survey.json, made by test/fixtures/r-survey.R; the interval values below by /tmp-free scripts
// quoted beside each case.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsScoreBounds } from "../src/nps/score-interval.js";
import { adjustPValues } from "../src/stats/adjust.js";
import { scoreCompareProportions } from "../src/stats/compare-proportions-score.js";
import { rake } from "../src/stats/rake.js";
import { type WeightedValue, weightedMean } from "../src/stats/weighted.js";

const r = JSON.parse(readFileSync(new URL("./fixtures/r-survey.json", import.meta.url), "utf8")) as {
  records: { score: number[]; rating: number[]; effort: number[]; w: number[]; region: string[]; plan: string[] };
  [name: string]: unknown;
};
const pair = (name: string): [number, number] => r[name] as [number, number];
const n = r.records.w.length;

/** Per-value sums of a variable y over the records that pass `keep`. */
function sums(y: (i: number) => number, keep: (i: number) => boolean = () => true): WeightedValue[] {
  const out = new Map<number, { y: number; n: number; w: number; w2: number }>();
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    const value = y(i);
    const w = r.records.w[i]!;
    const entry = out.get(value) ?? { y: value, n: 0, w: 0, w2: 0 };
    entry.n++;
    entry.w += w;
    entry.w2 += w * w;
    out.set(value, entry);
  }
  return [...out.values()];
}

describe("weighted means and shares equal R survey::svymean (figure to 1e-12, standard error to 1e-12)", () => {
  const cases: [string, () => ReturnType<typeof weightedMean>][] = [
    ["nps", () => weightedMean(sums((i) => (r.records.score[i]! >= 9 ? 1 : r.records.score[i]! >= 7 ? 0 : -1)))],
    ["csatTopBox", () => weightedMean(sums((i) => Number(r.records.rating[i]! >= 4)))],
    // svymean on subset(design, rating <= 2 | rating >= 4) keeps n / (n - 1) of the whole sample.
    [
      "csatGoodBad",
      () =>
        weightedMean(
          sums(
            (i) => Number(r.records.rating[i]! >= 4),
            (i) => r.records.rating[i] !== 3,
          ),
          n,
        ),
    ],
    ["csatMean", () => weightedMean(sums((i) => r.records.rating[i]!))],
    ["cesEasy", () => weightedMean(sums((i) => Number(r.records.effort[i]! >= 5)))],
    ["cesMean", () => weightedMean(sums((i) => r.records.effort[i]!))],
  ];
  it.each(cases)("%s", (name, compute) => {
    const [mean, se] = pair(name);
    const result = compute();
    expect(result.mean).toBeCloseTo(mean, 12);
    expect(result.se!).toBeCloseTo(se, 12);
  });
  it("Kish's effective sample size (Σw)² / Σw², and weights of 1 give the unweighted s/√n", () => {
    expect(weightedMean(sums(() => 1)).nEffective).toBeCloseTo(r.kish as number, 10);
    const ones = sums((i) => (r.records.score[i]! >= 9 ? 1 : r.records.score[i]! >= 7 ? 0 : -1)).map((v) => ({
      ...v,
      w: v.n,
      w2: v.n,
    }));
    const [mean, se] = pair("npsUnweighted");
    expect(weightedMean(ones).mean).toBeCloseTo(mean, 14);
    expect(weightedMean(ones).se!).toBeCloseTo(se, 14);
  });
});

describe("rake equals R survey::rake", () => {
  const records = r.records.region.map((region, i) => ({ region, plan: r.records.plan[i]!, w: r.records.w[i]! }));
  const margins = { region: { north: 5000, south: 3000, east: 2000 }, plan: { free: 7000, paid: 3000 } };
  it("with R's default control (maxit 10, epsilon 1) and with a tight one (epsilon 1e-9), to 1e-9", () => {
    const loose = rake(records, margins, { weight: (x) => x.w });
    loose.forEach((w, i) => {
      expect(w).toBeCloseTo((r.rakeDefault as number[])[i]!, 9);
    });
    const tight = rake(records, margins, { weight: (x) => x.w, maxIterations: 1000, epsilon: 1e-9 });
    tight.forEach((w, i) => {
      expect(w).toBeCloseTo((r.rakeTight as number[])[i]!, 9);
    });
  });
  it("meets every margin, and the raked NPS and its standard error equal R's", () => {
    const weights = rake(records, margins, { weight: (x) => x.w, maxIterations: 1000, epsilon: 1e-9 });
    const north = weights.filter((_, i) => records[i]!.region === "north").reduce((s, w) => s + w, 0);
    expect(north).toBeCloseTo(5000, 6);
    const values = new Map<number, WeightedValue>();
    weights.forEach((w, i) => {
      const score = r.records.score[i]!;
      const y = score >= 9 ? 1 : score >= 7 ? 0 : -1;
      const entry = values.get(y) ?? { y, n: 0, w: 0, w2: 0 };
      values.set(y, { y, n: entry.n + 1, w: entry.w + w, w2: entry.w2 + w * w });
    });
    const [mean, se] = pair("npsRaked");
    expect(weightedMean([...values.values()]).mean).toBeCloseTo(mean, 10);
    // svymean after rake uses the raked (calibrated) design's variance, which subtracts what the margins explain, so
    // the plain linearised SE of the raked weights is an upper bound of R's.
    expect(weightedMean([...values.values()]).se!).toBeGreaterThanOrEqual(se - 1e-12);
  });
  it("says what is wrong with margins it cannot meet", () => {
    expect(() => rake([{ region: "north" }], { region: { north: 1, south: 1 } })).toThrow(
      /no record has region = "south"/,
    );
    expect(() => rake([{ region: "west" }], { region: { north: 1 } })).toThrow(/does not list/);
    expect(() => rake([{ region: "north" }], { region: { north: -1 } })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    const conflicting = [
      { a: "x", b: "u" },
      { a: "y", b: "v" },
      { a: "x", b: "v" },
    ];
    expect(() =>
      rake(conflicting, { a: { x: 10, y: 10 }, b: { u: 1, v: 1 } }, { maxIterations: 5, epsilon: 1e-12 }),
    ).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
  });
});

describe("p-value adjustment equals R p.adjust", () => {
  it("holm and BH on eight p-values", () => {
    const p = r.pValues as number[];
    adjustPValues(p, "holm").forEach((value, i) => {
      expect(value).toBeCloseTo((r.holm as number[])[i]!, 15);
    });
    adjustPValues(p, "bh").forEach((value, i) => {
      expect(value).toBeCloseTo((r.bh as number[])[i]!, 15);
    });
    expect(adjustPValues(p, "none")).toEqual(p);
    expect(() => adjustPValues([0.2, 1.5], "holm")).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", index: 1 }),
    );
  });
});

describe("score intervals", () => {
  it("Miettinen-Nurminen for p1 - p2 equals R's numerical constrained ML (optimize + uniroot) to 1e-9", () => {
    // Rscript: mn(45,50,30,60) = 0.237807806644316 0.542093793284512; mn(7,10,3,10) = -0.0491041508244753 0.7145607715823824;
    // mn(2,3,2,3) = -0.653436703763976 0.653436704333867. p-value at 45/50 vs 30/60: statsmodels
    // test_proportions_2indep(method="score", correction=True) gives 8.026987275398657e-06.
    const a = scoreCompareProportions(45, 50, 30, 60, 0.95);
    expect(a.low).toBeCloseTo(0.237807806644316, 9);
    expect(a.high).toBeCloseTo(0.542093793284512, 9);
    expect(a.pValue).toBeCloseTo(8.026987275398657e-6, 15);
    const b = scoreCompareProportions(7, 10, 3, 10, 0.95);
    expect(b.low).toBeCloseTo(-0.0491041508244753, 9);
    expect(b.high).toBeCloseTo(0.7145607715823824, 9);
    const c = scoreCompareProportions(2, 3, 2, 3, 0.95);
    expect(c.high).toBeCloseTo(0.6534367, 6);
  });
  it("the NPS score interval equals R's numerical constrained ML (optimize + uniroot) to 1e-7, and the closed form at n = 1", () => {
    // Rscript sc(P, N0, D): (70,10,20) 0.32626055891262 0.63943359634806; (1,0,0) -0.586901356861 1;
    // (2,1,0) -0.26916171995698 0.93850805527960; (40,30,30) -0.064021357364625 0.258146384163521.
    const cases: [number, number, number, number, number][] = [
      [70, 10, 20, 0.32626055891262, 0.63943359634806],
      [2, 1, 0, -0.26916171995698, 0.9385080552796],
      [40, 30, 30, -0.064021357364625, 0.258146384163521],
    ];
    for (const [p, n0, d, low, high] of cases) {
      const bounds = npsScoreBounds(p, n0, d, 0.95);
      expect(bounds.low).toBeCloseTo(low, 7);
      expect(bounds.high).toBeCloseTo(high, 7);
    }
    // One promoter of one: q̃ = (1 − δ)/2, so z(δ) = √((1 − δ)/(1 + δ)) and the lower bound is (1 − z²)/(1 + z²).
    const z2 = 1.959963984540054 ** 2;
    expect(npsScoreBounds(1, 0, 0, 0.95).low).toBeCloseTo((1 - z2) / (1 + z2), 12);
    expect(npsScoreBounds(1, 0, 0, 0.95).high).toBe(1);
  });
  it("hold their figure at every n (n = 1, 2, 3, all promoters, all detractors), and the MN interval leaves out 0 exactly when p < 0.05", () => {
    for (let total = 1; total <= 6; total++) {
      for (let p = 0; p <= total; p++) {
        for (let d = 0; d <= total - p; d++) {
          const { low, high } = npsScoreBounds(p, total - p - d, d, 0.95);
          const figure = (p - d) / total;
          expect(low).toBeLessThanOrEqual(figure);
          expect(high).toBeGreaterThanOrEqual(figure);
        }
      }
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, u, v) => {
          const x1 = Math.round(u * n1);
          const x2 = Math.round(v * n2);
          const result = scoreCompareProportions(x1, n1, x2, n2, 0.95);
          expect(result.low).toBeLessThanOrEqual(result.difference + 1e-12);
          expect(result.high).toBeGreaterThanOrEqual(result.difference - 1e-12);
          if (Math.abs(result.pValue - 0.05) > 1e-9)
            expect(result.low > 0 || result.high < 0).toBe(result.pValue < 0.05);
        },
      ),
      { numRuns: 500 },
    );
  });
});
