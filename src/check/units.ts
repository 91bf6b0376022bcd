// The unit a claim's figure is printed in, so that the recomputed figure is shown in it: a duration printed in hours
// ("56.87 h", or a bare number with `options.unit: "hours"`) is shown in hours, a mean rating as a rating, a share in
// percent. The library's results keep their report units (durations in minutes); only what is shown follows the print.
import type { ReportMetric } from "../report/spec.js";
import type { PrintedFigure } from "./printed.js";

/** A unit a claim may give a bare duration in (`options.unit`), and that a duration is shown in. */
export type DurationUnit = "minutes" | "hours" | "days";

/** The unit of a recomputed figure: NPS points, percent, a rating (a mean on the survey's scale) or minutes. */
export type FigureUnit = "points" | "percent" | "rating" | "minutes";

const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** A duration written in hours only ("56.87 h", "2 hours") or days only ("1.5 d"). */
const HOURS_ONLY = /^\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?)$/i;
const DAYS_ONLY = /^\d+(?:[.,]\d+)?\s*(?:d|days?)$/i;

/**
 * The unit a duration claim is printed in: hours for "56.87 h", days for "1.5 d", the claim's `options.unit` for a bare
 * number, else minutes ("1h 12m" and "45 min" are shown in minutes).
 */
export function printedDurationUnit(printed: PrintedFigure, optionUnit: DurationUnit | undefined): DurationUnit {
  if (printed.unit === "number") return optionUnit ?? "minutes";
  if (HOURS_ONLY.test(printed.text)) return "hours";
  if (DAYS_ONLY.test(printed.text)) return "days";
  return "minutes";
}

/** A bare printed number read in `unit` (hours → minutes, its rounding step too); other figures as they are. */
export function inMinutes(printed: PrintedFigure, unit: DurationUnit | undefined): PrintedFigure {
  if (printed.unit !== "number" || unit === undefined) return printed;
  const factor = MINUTES_PER[unit];
  return { ...printed, value: printed.value * factor, unit: "minutes", step: printed.step * factor };
}

/** The top of the scale a CSAT or CES claim's ratings are on (5 for CSAT 1-5 and smileys, 10, 7 for CES 1-7). */
export function scaleTop(metric: ReportMetric, scale: string | undefined): number | null {
  if (metric === "csat") return scale === "1-10" ? 10 : 5;
  if (metric === "ces") return scale === "1-5" ? 5 : 7;
  return null;
}

/**
 * Is a CSAT or CES claim about the mean rating? `statistic: "mean"`, or a figure printed without % that is no larger
 * than the scale's top (3.03 of 5): a share is printed in percent, a mean rating on the scale.
 */
export function claimsMeanRating(
  metric: ReportMetric,
  statistic: string | undefined,
  printed: PrintedFigure,
  scale: string | undefined,
): boolean {
  const top = scaleTop(metric, scale);
  if (top === null) return false;
  if (statistic !== undefined) return statistic === "mean";
  return printed.unit === "number" && printed.value >= 0 && printed.value <= top;
}

const num = (value: number): string => String(Number(value.toFixed(2))).replace("-", "−");

/**
 * A recomputed figure in the unit the claim was printed in: "30.63 h" (from 1837.94 minutes, printed in hours),
 * "1837.94 min", "40.12 %", "3.03" (a rating), "17.3" (NPS points).
 *
 * @example
 * ```ts
 * figureText(1837.94, "minutes", "hours"); //=> "30.63 h"
 * ```
 */
export function figureText(value: number, unit: FigureUnit, duration: DurationUnit = "minutes"): string {
  if (unit === "percent") return `${num(value)} %`;
  if (unit !== "minutes") return num(value);
  if (duration === "hours") return `${num(value / 60)} h`;
  if (duration === "days") return `${num(value / 1440)} d`;
  return `${num(value)} min`;
}
