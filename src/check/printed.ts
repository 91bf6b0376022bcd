// Reading a figure as a report printed it ("42", "87%", "93.4 %", "−70 %", "1h 12m", "4.4") into its value, its unit,
// and the rounding step its digits show.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/** A printed figure, read. */
export interface PrintedFigure {
  /** As printed. */
  readonly text: string;
  /** The number it stands for, in the report unit (percent for "87%", minutes for "1h 12m"). */
  readonly value: number;
  /** `"percent"` when printed with %, `"minutes"` for a duration, else `"number"`. */
  readonly unit: "percent" | "number" | "minutes";
  /** The rounding step its digits show: 1 for "42", 0.1 for "93.4 %", 1 (minute) for "1h 12m", 60 for "2 h". */
  readonly step: number;
}

const DURATION_PART = /(\d+(?:[.,]\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/gi;
const MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1, s: 1 / 60 };

/** Decimal places of a number written with "." or ",". */
function decimals(digits: string): number {
  const at = digits.search(/[.,]/);
  return at === -1 ? 0 : digits.length - at - 1;
}

/**
 * Reads a printed figure. Numbers may use a minus sign (− or -), a decimal point or comma, and a
 * trailing %; durations are parts like `1h 12m`, `1 h 12 min`, `45 min`, `2.5 h`, `1d 3h`.
 *
 * @throws CxMetricsError `INVALID_VALUE` for text that is neither.
 * @example
 * ```ts
 * readPrinted("93.4 %").step; //=> 0.1
 * readPrinted("1h 12m").value; //=> 72
 * ```
 */
export function readPrinted(printed: string | number): PrintedFigure {
  if (typeof printed === "number") {
    if (!Number.isFinite(printed))
      throw new CxMetricsError(
        "readPrinted",
        "INVALID_VALUE",
        `printed value ${describe(printed)} is not a finite number`,
        { value: printed },
      );
    const text = String(printed);
    return { text, value: printed, unit: "number", step: 10 ** -decimals(text.replace(/e.*$/, "")) };
  }
  const text = String(printed).trim();
  const number = /^([+\-−]?)\s*(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(text);
  if (number !== null) {
    const [, sign, digits, percent] = number;
    const value = Number(digits!.replace(",", ".")) * (sign === "-" || sign === "−" ? -1 : 1);
    return { text, value, unit: percent === "%" ? "percent" : "number", step: 10 ** -decimals(digits!) };
  }
  let minutes = 0;
  let step = Number.POSITIVE_INFINITY;
  let rest = text;
  for (const match of text.matchAll(DURATION_PART)) {
    const unit = MINUTES[match[2]!.toLowerCase()[0]!]!;
    minutes += Number(match[1]!.replace(",", ".")) * unit;
    step = Math.min(step, unit * 10 ** -decimals(match[1]!));
    rest = rest.replace(match[0], "");
  }
  if (step === Number.POSITIVE_INFINITY || rest.trim() !== "") {
    throw new CxMetricsError(
      "readPrinted",
      "INVALID_VALUE",
      `printed value ${describe(printed)} is not a number ("42", "87%", "93.4 %") or a duration ("1h 12m", "45 min")`,
      { value: printed },
    );
  }
  return { text, value: minutes, unit: "minutes", step };
}
