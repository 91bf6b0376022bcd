// Checks a report's printed figures against each other, without raw data: NPS against its shares, shares that must add
// to 100, percentages impossible for n, an interval around its point, and whether a printed change is significant.
import { invalid } from "../internal/describe.js";
import { assertCount, assertObject, assertOneOf } from "../internal/validate.js";
import { isObject } from "../internal/values.js";
import { REPORT_METRICS } from "../report/spec.js";
import { compareProportions } from "../stats/compare-proportions.js";
import { readPrinted, type PrintedFigure } from "./printed.js";

/** The printed figures of a claim that can be checked against each other. */
export interface PrintedFigures {
  /** The metric (`"nps"` enables the share and step checks of NPS). */
  readonly metric: string;
  /** The headline figure as printed. */
  readonly value: string | number;
  /** n as printed. */
  readonly n?: number | undefined;
  /** NPS: the printed shares of promoters and detractors ("45%"). */
  readonly promoters?: string | number | undefined;
  /** NPS: the printed share of detractors. */
  readonly detractors?: string | number | undefined;
  /** Shares that must add up to 100 % (a distribution, retention and churn). */
  readonly shares?: readonly (string | number)[] | undefined;
  /** The printed interval's lower bound. */
  readonly low?: string | number | undefined;
  /** The printed interval's upper bound. */
  readonly high?: string | number | undefined;
  /** The previous period as printed, for the change. */
  readonly previous?:
    | {
        /** Its printed value. */
        readonly value: string | number;
        /** Its printed n. */
        readonly n: number;
      }
    | undefined;
}

/** The outcome of one check. */
export interface PrintedCheck {
  /**
   * `"possible-value"` (listed only when the figure is impossible for its metric), `"nps-from-shares"`,
   * `"shares-add-up"`, `"possible-for-n"`, `"interval-holds-point"`, `"change-significant"`.
   */
  readonly check: string;
  /** False when the printed figures contradict each other (for the change: false when it is not significant). */
  readonly ok: boolean;
  /** What was found, in words. */
  readonly message: string;
}

const fmt = (value: number, step: number): string => {
  const places = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(places).replace("-", "−");
};

/** A value to one decimal, without a trailing ".0": 85.7, 100. */
const short = (value: number): string => String(Number(value.toFixed(1))).replace("-", "−");

/** The values 100 k / n nearest a printed figure, below and above, for k from `lowest` to n. */
function neighbours(figure: number, n: number, lowest: number): [number, number] {
  const k = (figure * n) / 100;
  return [(100 * Math.max(lowest, Math.floor(k + 1e-9))) / n, (100 * Math.min(n, Math.ceil(k - 1e-9))) / n];
}

/** The figures' shape, as `checkReport` checks a claim's: each field a bad value would have left a check out. */
function checkFigures(figures: unknown): void {
  const fn = "checkPrinted";
  assertObject(fn, "figures", figures, '{ metric, value, ... } as printed, e.g. { metric: "csat", value: "87%" }');
  const { metric, n, shares, previous } = figures as Record<string, unknown>;
  assertOneOf(fn, "metric", metric, REPORT_METRICS);
  if (n !== undefined) assertCount(fn, "n", n);
  if (shares !== undefined && !Array.isArray(shares))
    throw invalid(fn, "INVALID_ARGUMENT", "shares", shares, 'a list of figures as printed, e.g. ["30%", "70%"]');
  if (previous !== undefined) {
    const ok = isObject(previous) && Number.isSafeInteger(previous.n) && (previous.n as number) > 0;
    if (!ok)
      throw invalid(
        fn,
        "INVALID_ARGUMENT",
        "previous",
        previous,
        '{ value, n } as printed, e.g. { value: "80%", n: 120 }',
      );
    readPrinted(previous.value as string | number);
  }
}

const SHARES = new Set(["csat", "ces", "sla", "iqs"]);
const DURATIONS = new Set(["first-response", "resolution"]);

/**
 * Why a printed figure cannot be one of its metric, or null when it can: a share outside 0-100 %, an NPS outside −100
 * to 100, a negative duration, a duration printed as a percentage or a share printed as a duration.
 */
function impossibleValue(metric: string, printed: PrintedFigure): string | null {
  const { text, value, unit } = printed;
  if (metric === "nps") {
    if (unit === "minutes") return `${text} is a duration, and an NPS is not one`;
    return value < -100 || value > 100 ? `NPS ${text} is impossible: an NPS lies between −100 and 100` : null;
  }
  if (SHARES.has(metric)) {
    if (unit === "minutes") return `${text} is a duration, and ${metric} is not one`;
    return value < 0 || value > 100 ? `${text} is impossible for ${metric}: it lies between 0 and 100 %` : null;
  }
  if (DURATIONS.has(metric)) {
    if (unit === "percent") return `${text} is a percentage, and ${metric} is a duration`;
    return value < 0 ? `${text} is impossible for ${metric}: a duration is not negative` : null;
  }
  return null;
}

/**
 * Runs every check the claim's printed figures allow: a value impossible for its metric (250 %, an NPS of 150, a
 * negative duration; listed only when it is), NPS against its shares, shares that must add up to 100, a value
 * impossible for n (shares are 100 k / n), an interval around its point, and the significance of a change
 * (two-proportion z-test).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for figures that are not an object, `shares` that is not a list or a
 *   `previous` that is not `{ value, n }` with n a whole number > 0; `INVALID_OPTION` for a metric that is not a
 *   report metric (nps, csat, ces, first-response, resolution, sla, iqs); `INVALID_COUNT` for an `n` that is not a
 *   whole number ≥ 0; `INVALID_VALUE` (from {@link readPrinted}) for a figure that is neither a number nor a printed
 *   figure. (A bad `n`, `shares`, `previous` or metric left its checks out without a word.)
 * @example
 * ```ts
 * checkPrinted({ metric: "nps", value: "50", promoters: "70%", detractors: "20%" })[0]!.ok; //=> true (Osipov: 70 − 20)
 * ```
 */
export function checkPrinted(figures: PrintedFigures): PrintedCheck[] {
  checkFigures(figures);
  const checks: PrintedCheck[] = [];
  const main = readPrinted(figures.value);
  const share = (text: string | number): PrintedFigure => readPrinted(text);

  const impossible = impossibleValue(figures.metric, main);
  if (impossible !== null) checks.push({ check: "possible-value", ok: false, message: impossible });

  if (figures.metric === "nps" && figures.promoters !== undefined && figures.detractors !== undefined) {
    const p = share(figures.promoters);
    const d = share(figures.detractors);
    const implied = p.value - d.value;
    // Each printed number may be off by half its step.
    const slack = (p.step + d.step + main.step) / 2;
    const ok = Math.abs(implied - main.value) <= slack + 1e-9;
    checks.push({
      check: "nps-from-shares",
      ok,
      message: ok
        ? `NPS ${main.text} = promoters ${p.text} − detractors ${d.text} (${fmt(implied, Math.min(p.step, d.step))}), within rounding`
        : `promoters ${p.text} − detractors ${d.text} = ${fmt(implied, Math.min(p.step, d.step))}, not ${main.text} (rounding allows ±${short(slack)})`,
    });
  }

  if (figures.shares !== undefined && figures.shares.length > 0) {
    const parts = figures.shares.map(share);
    const sum = parts.reduce((total, part) => total + part.value, 0);
    const slack = parts.reduce((total, part) => total + part.step / 2, 0);
    const ok = Math.abs(sum - 100) <= slack + 1e-9;
    const step = parts.reduce((least, part) => Math.min(least, part.step), Number.POSITIVE_INFINITY);
    checks.push({
      check: "shares-add-up",
      ok,
      message: ok
        ? `the shares add up to ${fmt(sum, step)} %, 100 within rounding`
        : `the shares ${parts.map((part) => part.text).join(" + ")} add up to ${fmt(sum, step)} %, not 100 (rounding allows ±${short(slack)})`,
    });
  }

  if (
    figures.n !== undefined &&
    Number.isInteger(figures.n) &&
    figures.n > 0 &&
    (main.unit === "percent" || figures.metric === "nps")
  ) {
    const n = figures.n;
    // A share is 100 k / n for k = 0..n; an NPS is 100 (promoters − detractors) / n, k = −n..n.
    const [below, above] = neighbours(main.value, n, figures.metric === "nps" ? -n : 0);
    const possible = [below, above].some((value) => Math.abs(value - main.value) <= main.step / 2 + 1e-9);
    const unit = main.unit === "percent" ? " %" : "";
    checks.push({
      check: "possible-for-n",
      ok: possible,
      message: possible
        ? `${main.text} is possible with n = ${n}`
        : `the report's n of ${n} cannot give ${main.text}: possible values are ${short(below)}${unit} and ${short(above)}${unit}`,
    });
  }

  if (figures.low !== undefined && figures.high !== undefined) {
    const low = share(figures.low);
    const high = share(figures.high);
    const ok = low.value <= main.value && main.value <= high.value;
    checks.push({
      check: "interval-holds-point",
      ok,
      message: ok
        ? `the interval ${low.text} to ${high.text} holds ${main.text}`
        : `the interval ${low.text} to ${high.text} does not hold its own figure ${main.text}`,
    });
  }

  if (figures.previous !== undefined && figures.n !== undefined && main.unit === "percent") {
    const before = share(figures.previous.value);
    const successes = Math.round((main.value * figures.n) / 100);
    const previous = Math.round((before.value * figures.previous.n) / 100);
    const test = compareProportions({ successes, n: figures.n }, { successes: previous, n: figures.previous.n });
    const significant = test.pValue < 0.05;
    checks.push({
      check: "change-significant",
      ok: significant,
      message: `the change from ${before.text} (n = ${figures.previous.n}) to ${main.text} (n = ${figures.n}) is ${significant ? "" : "not "}significant at 5 % (two-proportion z-test, p = ${test.pValue.toFixed(3)}; difference ${fmt(100 * test.difference, 0.1)} points, 95 % interval ${fmt(100 * test.low, 0.1)} to ${fmt(100 * test.high, 0.1)})`,
    });
  }
  return checks;
}
