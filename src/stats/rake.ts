// Raking: weights that make the weighted counts of a sample meet known population counts on several variables at
// once (iterative proportional fitting), as R's survey::rake does.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { recordList } from "../internal/records.js";

/** Population counts per variable and value: `{ region: { north: 5000, south: 3000 }, plan: { free: 6000, paid: 2000 } }`. */
export type RakeMargins = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Options of {@link rake}. */
export interface RakeOptions<T> {
  /** The starting (sampling) weight of each record; default 1 for every record. */
  readonly weight?: (record: T, index: number) => number;
  /** Passes over all the margins at most; default 10 (survey::rake's `maxit`). */
  readonly maxIterations?: number;
  /**
   * Stop when no cell of the cross-table of all margin variables changes by more than this between passes; below 1 it
   * is a share of the total starting weight. Default 1 (survey::rake's `epsilon`).
   */
  readonly epsilon?: number;
}

function fail(message: string, value?: unknown): CxMetricsError {
  return new CxMetricsError("rake", "INVALID_ARGUMENT", message, { value });
}

/** A record's value of a margin variable, as text (numbers as their decimal text). */
function marginValue(record: unknown, name: string, index: number): string {
  const value =
    typeof record === "object" && record !== null && Object.hasOwn(record, name)
      ? (record as Record<string, unknown>)[name]
      : undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new CxMetricsError(
    "rake",
    "INVALID_ARGUMENT",
    `${name} of record ${index} is ${describe(value)}, expected text or a number`,
    {
      index,
      value,
      field: name,
    },
  );
}

/**
 * Raking weights (Deming & Stephan 1940; Lumley, *Complex Surveys*, 7.2): starting from the records' weights, each pass
 * post-stratifies on every margin in turn (each record's weight times the population count of its value over the
 * weighted count of that value), until a pass changes no cell of the cross-table of all margin variables by more than
 * `epsilon`. The same algorithm and stopping rule as R's `survey::rake(design, sample.margins, population.margins,
 * control = list(maxit, epsilon))`, so the weights are the same to rounding.
 *
 * @returns one weight per record, in input order.
 * @throws CxMetricsError `INVALID_ARGUMENT` for margins that are not counts ≥ 0, a record whose value of a margin
 *   variable is missing or not in the margins, a margin value no record has (a population count no weight can meet),
 *   a starting weight that is not a number > 0; `NOT_CONVERGED` when `maxIterations` passes were not enough (margins
 *   whose totals disagree can never all be met).
 * @example
 * ```ts
 * const records = [{ region: "north" }, { region: "north" }, { region: "south" }];
 * rake(records, { region: { north: 60, south: 40 } }); //=> [30, 30, 40]
 * ```
 */
export function rake<T>(
  records: Iterable<T> | ArrayLike<T>,
  margins: RakeMargins,
  options: RakeOptions<T> = {},
): number[] {
  const list = recordList("rake", "records", records);
  if (typeof margins !== "object" || margins === null || Object.keys(margins).length === 0) {
    throw fail(`margins is ${describe(margins)}, expected { variable: { value: population count } }`, margins);
  }
  const names = Object.keys(margins);
  const { maxIterations = 10, epsilon = 1 } = options;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1))
    throw fail(`maxIterations is ${describe(maxIterations)}, expected a whole number ≥ 1`, maxIterations);
  if (!(typeof epsilon === "number" && epsilon > 0 && Number.isFinite(epsilon)))
    throw fail(`epsilon is ${describe(epsilon)}, expected a number > 0`, epsilon);
  for (const name of names) {
    const margin = margins[name];
    if (typeof margin !== "object" || margin === null)
      throw fail(`margins.${name} is ${describe(margin)}, expected { value: count }`, margin);
    for (const [value, count] of Object.entries(margin)) {
      if (typeof count !== "number" || !(count >= 0) || !Number.isFinite(count))
        throw fail(`margins.${name}.${value} is ${describe(count)}, expected a count ≥ 0`, count);
    }
  }
  const n = list.length;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = options.weight === undefined ? 1 : options.weight(list[i] as T, i);
    if (typeof w !== "number" || !(w > 0) || !Number.isFinite(w)) {
      throw new CxMetricsError(
        "rake",
        "INVALID_ARGUMENT",
        `weight of record ${i} is ${describe(w)}, expected a number > 0`,
        { index: i, value: w },
      );
    }
    weights[i] = w;
  }
  // Each record's cell in every margin, checked once.
  const cells = names.map((name) => {
    const margin = margins[name]!;
    const values = Object.keys(margin);
    const at = new Int32Array(n);
    const seen = new Uint8Array(values.length);
    for (let i = 0; i < n; i++) {
      const k = values.indexOf(marginValue(list[i], name, i));
      if (k < 0)
        throw new CxMetricsError(
          "rake",
          "INVALID_ARGUMENT",
          `${name} of record ${i} is ${describe(marginValue(list[i], name, i))}, which margins.${name} does not list`,
          { index: i, field: name },
        );
      at[i] = k;
      seen[k] = 1;
    }
    const missing = values.find((_, k) => seen[k] === 0 && margin[values[k]!]! > 0);
    if (missing !== undefined)
      throw fail(
        `no record has ${name} = ${JSON.stringify(missing)}: its population count ${margin[missing]} cannot be met`,
        missing,
      );
    return { at, targets: values.map((value) => margin[value]!) };
  });
  // The cross-table of all margin variables, whose largest change between passes decides convergence.
  const crossKey = new Map<string, number>();
  const cross = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = cells.map((cell) => cell.at[i]).join(",");
    let k = crossKey.get(key);
    if (k === undefined) crossKey.set(key, (k = crossKey.size));
    cross[i] = k;
  }
  const table = (): Float64Array => {
    const out = new Float64Array(crossKey.size);
    for (let i = 0; i < n; i++) out[cross[i]!]! += weights[i]!;
    return out;
  };
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const tolerance = epsilon < 1 ? epsilon * total : epsilon;
  let old = table();
  let change = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < maxIterations; pass++) {
    for (const { at, targets } of cells) {
      const sums = new Float64Array(targets.length);
      for (let i = 0; i < n; i++) sums[at[i]!]! += weights[i]!;
      for (let i = 0; i < n; i++) weights[i]! *= targets[at[i]!]! / sums[at[i]!]!;
    }
    const now = table();
    change = 0;
    for (let k = 0; k < now.length; k++) change = Math.max(change, Math.abs(now[k]! - old[k]!));
    if (change < tolerance) return Array.from(weights);
    old = now;
  }
  throw new CxMetricsError(
    "rake",
    "NOT_CONVERGED",
    `the weights did not settle in ${maxIterations} passes (a cell still moved by ${change}); margins whose totals disagree can never all be met: check them, or raise maxIterations`,
    { value: change },
  );
}
