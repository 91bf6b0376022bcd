// Rounding rules a report may have used: half up (most dashboards and spreadsheets), half to even (banker's rounding,
// numpy and R's round), truncation (some exports).
import { invalid } from "../internal/describe.js";
import { assertFinite, assertOneOf } from "../internal/validate.js";

/** How a report rounded. */
export type RoundingRule = "half-up" | "half-even" | "truncate";

/** Every rule, the library's presumption first. */
export const ROUNDING_RULES: readonly RoundingRule[] = ["half-up", "half-even", "truncate"];

/**
 * A value rounded to a multiple of `step` by a rule. Half-up rounds ties away from zero (as Excel's
 * ROUND); ties are recognised within 1e-9 of a step, so 0.125 rounds like a decimal, not like its
 * binary neighbour.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for a value that is not a finite number or a step that is not a finite
 *   number > 0 (they gave NaN, or 0 for null), `INVALID_OPTION` for a rule other than half-up, half-even or truncate
 *   (any other text rounded half up).
 * @example
 * ```ts
 * roundTo(12.5, 1, "half-even"); //=> 12
 * ```
 */
export function roundTo(value: number, step: number, rule: RoundingRule): number {
  const fn = "roundTo";
  assertFinite(fn, "value", value);
  if (typeof step !== "number" || !(step > 0 && Number.isFinite(step)))
    throw invalid(fn, "INVALID_ARGUMENT", "step", step, "a finite number > 0 (1, 0.1, 0.01)");
  assertOneOf(fn, "rule", rule, ROUNDING_RULES);
  return rounded(value, step, rule);
}

/** {@link roundTo} for values the check already read: a figure, a printed step and a rule from the catalogue. */
export function rounded(value: number, step: number, rule: RoundingRule): number {
  const scaled = value / step;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const tie = Math.abs(fraction - 0.5) < 1e-9;
  let units: number;
  if (rule === "truncate") units = Math.sign(scaled) * Math.floor(Math.abs(scaled) + 1e-9);
  else if (tie) units = rule === "half-even" ? (floor % 2 === 0 ? floor : floor + 1) : scaled < 0 ? floor : floor + 1;
  else units = Math.round(scaled);
  // Back to the step's decimals, so that 0.1 × 3 is 0.3.
  const places = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((units * step).toFixed(Math.min(20, places)));
}

/** Does the value, rounded by the rule to the printed step, give the printed value? */
export function roundsTo(value: number, printed: number, step: number, rule: RoundingRule): boolean {
  return Math.abs(rounded(value, step, rule) - printed) < step * 1e-6;
}
