// Weights in a report: the reader of a record's weight (spec.weight) and the per-step sums a weighted group keeps
// (Σw and Σw² for each score or rating value), from which the weighted figure, its linearised standard error and
// the effective sample size follow (stats/weighted.ts).
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import type { WeightedValue } from "../stats/weighted.js";
import { field } from "./fields.js";
import type { SummarizeSpec } from "./spec.js";

/** Σw and Σw² per step of a scale (NPS scores 0-10, rating values). */
export interface WeightSums {
  readonly w: number[];
  readonly w2: number[];
}

/** Empty sums over `steps` values. */
export function weightSums(steps: number): WeightSums {
  return { w: new Array<number>(steps).fill(0), w2: new Array<number>(steps).fill(0) };
}

/** Adds a state's sums (checked: finite, ≥ 0, one per step). */
export function mergeWeightSums(fn: string, into: WeightSums, from: unknown): void {
  const sums = from as Partial<WeightSums> | null | undefined;
  const ok = (list: unknown): list is number[] =>
    Array.isArray(list) &&
    list.length === into.w.length &&
    list.every((value) => typeof value === "number" && value >= 0 && Number.isFinite(value));
  if (typeof sums !== "object" || sums === null || !ok(sums.w) || !ok(sums.w2)) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `weights is ${describe(from)}, expected { w, w2 } with ${into.w.length} sums each`,
      {
        value: from,
      },
    );
  }
  for (let k = 0; k < into.w.length; k++) {
    into.w[k]! += sums.w[k]!;
    into.w2[k]! += sums.w2[k]!;
  }
}

/** The steps of a tally as weighted values: counts, Σw, Σw², each step given y by `yOf` (null: outside the domain). */
export function weightedValues(
  counts: readonly number[],
  sums: WeightSums,
  yOf: (step: number) => number | null,
): WeightedValue[] {
  const out: WeightedValue[] = [];
  counts.forEach((n, step) => {
    const y = yOf(step);
    if (y !== null && n > 0) out.push({ y, n, w: sums.w[step]!, w2: sums.w2[step]! });
  });
  return out;
}

/** The same steps with every weight 1: what an unweighted figure's linearised SE is computed from. */
export function unitValues(counts: readonly number[], yOf: (step: number) => number | null): WeightedValue[] {
  const out: WeightedValue[] = [];
  counts.forEach((n, step) => {
    const y = yOf(step);
    if (y !== null && n > 0) out.push({ y, n, w: n, w2: n });
  });
  return out;
}

/**
 * The reader of a record's weight from the spec, or null for an unweighted report: a number > 0, or text that reads
 * as one (a CSV cell); anything else is a coded `INVALID_VALUE` naming the field.
 */
export function weightReader(fn: string, spec: SummarizeSpec): ((record: unknown, index: number) => number) | null {
  const { weight } = spec;
  if (weight === undefined) return null;
  const name = typeof weight === "string" ? weight : "weight";
  const get = typeof weight === "string" ? (record: unknown) => field(record, weight) : weight;
  return (record, index) => {
    const raw = get(record, index);
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : raw;
    if (typeof value === "number" && value > 0 && Number.isFinite(value)) return value;
    const why = typeof value === "number" && Number.isFinite(value) ? "a weight must be > 0" : "expected a number > 0";
    throw new CxMetricsError(fn, "INVALID_VALUE", `${name} of record ${index} is ${describe(raw)}: ${why}`, {
      index,
      value: raw,
      field: name,
    });
  };
}
