// checkReport: each printed figure of a report recomputed from the raw data, with a verdict, the conventions that
// reproduce it, and an explanation in words.
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import { isObject } from "../internal/values.js";
import { assertTimeZone } from "../internal/time-zone.js";
import type { ReportMetric } from "../report/spec.js";
import {
  candidates,
  type LeftOut,
  periodOfLabel,
  selectRecords,
  type Candidate,
  type ClaimOptions,
} from "./candidates.js";
import { claimError, claimName, validateClaim } from "./claim-shape.js";
import { CONVENTIONS } from "./conventions.js";
import { checkPrinted, type PrintedCheck } from "./printed-checks.js";
import { readPrinted, type PrintedFigure } from "./printed.js";
import { type Reconciliation, reconcile } from "./reconcile.js";
import { ROUNDING_RULES, roundsTo } from "./rounding.js";
import {
  claimsMeanRating,
  type DurationUnit,
  type FigureUnit,
  figureText,
  inMinutes,
  printedDurationUnit,
} from "./units.js";
import { counted } from "../internal/words.js";

/** A figure as a report printed it, and where it should come from (the claims file's `claims[]`, DESIGN.md). */
export interface Claim {
  /** A name for the result. */
  readonly id: string;
  /** The metric the figure is of. */
  readonly metric: ReportMetric;
  /** As printed: `42`, `"87%"`, `"93.4 %"`, `"1h 12m"` (required unless the claim gives `against`). */
  readonly value?: string | number;
  /**
   * Row by row: the field (a CSV header) holding the vendor's minutes per record; each record's recomputed first
   * response or resolution minutes is compared with it (see {@link reconcile}), and the result carries `agreement`.
   */
  readonly against?: string;
  /** The data set it comes from (a key of `data`); leave out to check the printed figures alone. */
  readonly data?: string;
  /** Segment: field → value (`{ "channel": "email" }`). */
  readonly filter?: Readonly<Record<string, string | number>>;
  /** Period label: `2025`, `2025-Q1`, `2025-03`, `2025-W10`, `2025-03-07`; cut in the time zone. */
  readonly period?: string;
  /** n as printed. */
  readonly n?: number;
  /** Overrides the claims' time zone. */
  readonly timeZone?: string;
  /** The metric's options in the library's shapes (scale, calendar, policy, asOf, scorecard). */
  readonly options?: ClaimOptions;
  /**
   * Durations: `"median"` (default), `"mean"`, `"p90"`, ...; CSAT and CES: `"mean"` for the mean rating (a figure printed
   * without % and no larger than the scale's top, 3.03 of 5, is read as one without it).
   */
  readonly statistic?: string;
  /** NPS: the printed share of promoters, checked against the value (see `checkPrinted`). */
  readonly promoters?: string | number;
  /** NPS: the printed share of detractors. */
  readonly detractors?: string | number;
  /** Printed shares that must add up to 100 %. */
  readonly shares?: readonly (string | number)[];
  /** The printed interval's lower bound. */
  readonly low?: string | number;
  /** The printed interval's upper bound. */
  readonly high?: string | number;
  /** The previous period as printed, for the significance of the change. */
  readonly previous?: {
    /** Its printed value. */
    readonly value: string | number;
    /** Its printed n. */
    readonly n: number;
  };
}

/** The claims and the time zone they are read in. */
export interface Claims {
  /** IANA zone of the claims' periods and of local times in the data; default UTC. */
  readonly timeZone?: string;
  /** The figures to check. */
  readonly claims: readonly Claim[];
}

/** One way to reproduce a printed figure: the conventions (rounding included) and the value before rounding. */
export interface Reproduction {
  /** Convention → option, rounding included (names in docs/check.md). */
  readonly conventions: Readonly<Record<string, string>>;
  /** The figure under them, before rounding. */
  readonly value: number;
}

/** The verdict on one claim (contract: DESIGN.md, `check --format json`). */
export interface ClaimResult {
  /** The claim's id. */
  readonly id: string;
  /** The claim's metric. */
  readonly metric: ReportMetric;
  /**
   * `match`: a documented definition reproduces the printed figure once rounded as printed; `close`: none does, but
   * rounded inputs do or it lies in the figure's sampling interval; `mismatch`: neither. Without data: whether the
   * printed figures agree with each other.
   */
  readonly verdict: "match" | "close" | "mismatch";
  /** As printed. */
  readonly printed: string;
  /**
   * The figure under the library's defaults, in its report unit (`unit`: NPS points, percent, a rating, minutes); null
   * without data.
   */
  readonly recomputed: number | null;
  /** The unit of `recomputed`, `low` and `high`: "points", "percent", "rating" (a mean rating) or "minutes". */
  readonly unit: FigureUnit;
  /**
   * `recomputed` in the unit the figure was printed in ("30.63 h" for a claim printed "56.87 h", "40.12 %", "3.03"); for a
   * row-by-row claim the share within a minute ("70 % within 1 min"); null without data.
   */
  readonly recomputedText: string | null;
  /** Lower bound of the recomputed figure's interval (null for durations and without data). */
  readonly low: number | null;
  /** Upper bound of the recomputed figure's interval. */
  readonly high: number | null;
  /** n under the library's defaults; null without data. */
  readonly n: number | null;
  /** Every combination of conventions that reproduces the printed figure (the default first when it does). */
  readonly reproducedBy: readonly Reproduction[];
  /** In words: what reproduces it, or why nothing does. */
  readonly explanation: string;
  /** The checks of the printed figures against each other. */
  readonly checks: readonly PrintedCheck[];
  /**
   * A claim with data (not row by row): the records of its segment left out of the figure because a value in them
   * cannot be read (a date, when it names a period; a score "ten", a ticket without a creation time), counted, with
   * the first five and why.
   */
  readonly leftOut?: LeftOut;
  /**
   * A row-by-row claim (`against`): records compared, the same whole minute, within a minute, and share = within1 /
   * compared; records not compared by reason; the differences by size and by date; the largest.
   */
  readonly agreement?: Agreement;
}

/**
 * The agreement of a row-by-row claim (DESIGN.md, "Row-by-row reconciliation"). Every record of the data set is counted
 * once: `read` = `outside` + `undated` + `records`, and `records` = `compared` + `notCompared.total`.
 */
export type Agreement = Pick<
  Reconciliation,
  "records" | "compared" | "exact" | "within1" | "share" | "notCompared" | "clock" | "bySize" | "byDate" | "largest"
> & {
  /** The first records (up to 5) not compared because a value cannot be read; `index` is the record's in the data set. */
  readonly problems: Reconciliation["problems"];
  /** Records of the data set (its rows read, less those it could not read at all). */
  readonly read: number;
  /** Of them, records outside the claim's segment (`filter`) or period. */
  readonly outside: number;
  /** Records of the segment left out because the claim names a period and their date cannot be read. */
  readonly undated: number;
};

/** The results, claim by claim. */
export interface CheckResult {
  /** One result per claim, in the claims' order. */
  readonly claims: readonly ClaimResult[];
}

const DEFAULT_NAMES: Record<string, string> = Object.fromEntries(
  CONVENTIONS.map((dimension) => [dimension.id, dimension.default]),
);

/**
 * Conventions in words, as explanations print them.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for conventions that are not an object of texts (a list, null, a text:
 *   `"x"` gave "0 x").
 * @example
 * ```ts
 * conventionText({ csat: "good-over-rated", rounding: "half-up" }); //=> "csat good-over-rated, rounding half-up"
 * ```
 */
export function conventionText(conventions: Readonly<Record<string, string>>): string {
  const fn = "conventionText";
  const expected = 'an object of convention options, e.g. { rounding: "half-up" }';
  if (!isObject(conventions)) throw invalid(fn, "INVALID_ARGUMENT", "conventions", conventions, expected);
  for (const [id, option] of Object.entries(conventions))
    if (typeof option !== "string") throw invalid(fn, "INVALID_ARGUMENT", `conventions.${id}`, option, "a text");
  return Object.entries(conventions)
    .map(([id, option]) => `${id} ${option}`)
    .join(", ");
}

function compatible(printed: PrintedFigure, candidate: Candidate): boolean {
  if (printed.unit === "minutes") return candidate.unit === "minutes";
  if (printed.unit === "percent") return candidate.unit === "percent" || candidate.unit === "points";
  return true;
}

/**
 * How many options of `conventions` differ from the default candidate's (`defaults`: its satisfied-from threshold,
 * easy-from rating and clock, which depend on the scale and the calendar), or, for a dimension it does not name
 * (rounding), from the catalogue's default: fewer first, so that the likeliest explanation leads.
 */
function distance(conventions: Readonly<Record<string, string>>, defaults: Readonly<Record<string, string>>): number {
  return Object.entries(conventions).filter(([id, option]) => (defaults[id] ?? DEFAULT_NAMES[id]) !== option).length;
}

const MAX_LISTED = 24;

/** A reproduction that needs inputs rounded before the figure (not another definition of it). */
function isInputRounding(conventions: Readonly<Record<string, string>>): boolean {
  return conventions["nps-inputs"] === "rounded-shares" || conventions["duration-inputs"] === "whole-minutes";
}

/**
 * One claim, its errors named after it: a claim whose shape is wrong, whose printed figures cannot be read or whose
 * options are not valid is a coded error (`claim q1-nps: ...`, or `claim 3 (no id): ...` without an id).
 */
function checkOne(
  claim: unknown,
  index: number,
  claims: Claims,
  data: Readonly<Record<string, readonly unknown[]>>,
): ClaimResult {
  const name = claimName(claim, index);
  const checked = validateClaim(claim, index) as unknown as Claim;
  try {
    return checkClaim(checked, name, claims, data);
  } catch (error) {
    if (!isCxMetricsError(error) || error.message.startsWith(`checkReport: ${name}: `)) throw error;
    throw claimError(name, error.code, error.message.replace(/^checkReport: /, ""), {
      value: error.value,
      ...(error.field === undefined ? {} : { field: error.field }),
    });
  }
}

/** A claim that cannot be checked: a mismatch, never a match, with the reason (docs/check.md, "Decisions"). */
const CANNOT = "cannot be checked";

/**
 * The claim's candidates; an open ticket of an SLA claim without `options.asOf` stops the check with the claim's name
 * (`INVALID_OPTION`, field `options.asOf`), as `summarize` stops without `asOf`.
 */
function candidatesOf(name: string, records: readonly unknown[], query: Parameters<typeof candidates>[1]) {
  try {
    return candidates(records, query);
  } catch (error) {
    if (!isCxMetricsError(error) || error.field !== "asOf") throw error;
    throw claimError(
      name,
      "INVALID_OPTION",
      `${error.message.replace(/^\w+: /, "").replace(/; pass \{ asOf \}$/, "")}; give options.asOf`,
      {
        field: "options.asOf",
      },
    );
  }
}

function checkClaim(
  claim: Claim,
  name: string,
  claims: Claims,
  data: Readonly<Record<string, readonly unknown[]>>,
): ClaimResult {
  const fn = "checkReport";
  if (claim.period !== undefined && periodOfLabel(claim.period) === null) {
    throw claimError(
      name,
      "INVALID_OPTION",
      `period is ${describe(claim.period)}, expected 2025, 2025-Q1, 2025-03, 2025-W10 or 2025-03-07`,
      { value: claim.period, field: "period" },
    );
  }
  if (claim.against !== undefined) return reconcileClaim(claim, name, claims, data);
  const duration = claim.metric === "first-response" || claim.metric === "resolution";
  const optionUnit = duration ? (claim.options?.unit as DurationUnit | undefined) : undefined;
  const asPrinted = readPrinted(claim.value!);
  // A bare number with options.unit "hours" is read in hours; the recomputed figure is shown in the printed unit.
  const printed = inMinutes(asPrinted, optionUnit);
  const shownIn = printedDurationUnit(asPrinted, optionUnit);
  const mean = claimsMeanRating(claim.metric, claim.statistic, printed, claim.options?.scale);
  const unit: FigureUnit = claim.metric === "nps" ? "points" : duration ? "minutes" : mean ? "rating" : "percent";
  const checks = checkPrinted({ ...claim, metric: claim.metric, value: claim.value! });
  const failed = checks.filter((check) => !check.ok && check.check !== "change-significant");
  const impossible = failed.some((check) => check.check === "possible-value");
  const base = { id: claim.id, metric: claim.metric, printed: printed.text, unit, checks };
  if (claim.data === undefined) {
    // Checked against its other printed figures only; with none of them (a change's significance is reported, not a
    // check of the figure), nothing was checked, and that is never a match.
    const checkable = checks.filter((check) => check.check !== "change-significant");
    const explanation =
      checkable.length === 0
        ? [
            `${CANNOT}: no data, and no other printed figure (n, promoters and detractors, shares, interval) to check ${printed.text} against; give it the data set it comes from`,
            ...checks.map((check) => check.message),
          ].join("; ")
        : checks.map((check) => check.message).join("; ");
    return {
      ...base,
      verdict: failed.length > 0 || checkable.length === 0 ? "mismatch" : "match",
      recomputed: null,
      recomputedText: null,
      low: null,
      high: null,
      n: null,
      reproducedBy: [],
      explanation,
    };
  }
  if (!Object.hasOwn(data, claim.data))
    throw claimError(
      name,
      "INVALID_OPTION",
      `no data set "${claim.data}"; data sets: ${Object.keys(data).join(", ") || "none"}`,
      { value: claim.data, field: "data" },
    );
  const records = data[claim.data]!;
  const timeZone = claim.timeZone ?? claims.timeZone ?? "UTC";
  assertTimeZone(fn, timeZone);
  const query = {
    metric: claim.metric,
    filter: claim.filter,
    period: claim.period,
    timeZone,
    statistic: mean ? "mean" : claim.statistic,
    options: claim.options,
  };
  const { candidates: all, leftOut } = candidatesOf(name, records, query);
  const chosen = all.find((candidate) => candidate.isDefault) ?? null;
  if (chosen === null) {
    const { records: selected, undated } = selectRecords(records, query, timeZone);
    const where =
      [
        claim.filter === undefined ? "" : `segment ${JSON.stringify(claim.filter)}`,
        claim.period === undefined ? "" : `period ${claim.period} (${timeZone})`,
      ]
        .filter(Boolean)
        .join(", ") || "the claim";
    const why =
      selected.length === 0
        ? `no record of data set "${claim.data}" falls in ${where}${undated > 0 ? `; ${undated} had no readable date` : ""}, so the figure cannot be recomputed`
        : `none of the ${counted(selected.length, "record")} of data set "${claim.data}" in ${where} gives a ${claim.metric} figure (values that cannot be read${claim.metric === "first-response" || claim.metric === "resolution" || claim.metric === "sla" ? ", or tickets still open" : ""})`;
    return {
      ...base,
      verdict: "mismatch",
      recomputed: null,
      recomputedText: null,
      low: null,
      high: null,
      n: 0,
      reproducedBy: [],
      explanation: [`${CANNOT}: ${why}`, ...failed.map((check) => check.message)].join("; "),
      leftOut,
    };
  }
  const reproducedBy: (Reproduction & { readonly isDefault: boolean })[] = [];
  for (const candidate of all) {
    if (!compatible(printed, candidate)) continue;
    for (const rule of ROUNDING_RULES) {
      if (roundsTo(candidate.value, printed.value, printed.step, rule)) {
        reproducedBy.push({
          conventions: { ...candidate.conventions, rounding: rule },
          value: candidate.value,
          isDefault: candidate.isDefault && rule === "half-up",
        });
        break; // the first rule that works is enough for this definition
      }
    }
  }
  reproducedBy.sort(
    (a, b) =>
      Number(b.isDefault) - Number(a.isDefault) ||
      distance(a.conventions, chosen.conventions) - distance(b.conventions, chosen.conventions),
  );
  const listed = reproducedBy.slice(0, MAX_LISTED).map(({ conventions, value }) => ({ conventions, value }));
  const inInterval =
    chosen.low !== null && chosen.high !== null && printed.value >= chosen.low && printed.value <= chosen.high;
  // Reproduced only from rounded inputs (shares rounded before the NPS, durations cut to whole
  // minutes): close, as the issue defines it, not a match of a definition.
  const byDefinition = reproducedBy.some((entry) => !isInputRounding(entry.conventions));
  // A printed figure outside the metric's range (250 %) is a mismatch whatever the data give.
  const verdict = impossible
    ? "mismatch"
    : byDefinition
      ? "match"
      : reproducedBy.length > 0 || inInterval
        ? "close"
        : "mismatch";
  const { undated, unreadable } = leftOut;
  const left = [
    undated > 0
      ? `${counted(undated, "record")} of the segment had no readable date and could not be placed in a period`
      : "",
    unreadable > 0
      ? `${unreadable} record${unreadable === 1 ? " of the segment and period had a value that could not be read and was" : "s of the segment and period had a value that could not be read and were"} left out`
      : "",
  ].filter((text) => text !== "");
  const show = (value: number): string => figureText(value, unit, shownIn);
  const explanation = [explain(claim, printed, chosen, all, reproducedBy, verdict, failed, show), ...left].join("; ");
  return {
    ...base,
    verdict,
    recomputed: chosen.value,
    recomputedText: show(chosen.value),
    low: chosen.low,
    high: chosen.high,
    n: chosen.n,
    reproducedBy: listed,
    explanation,
    leftOut,
  };
}

/** A row-by-row claim: each record of its segment and period against the vendor's column. */
function reconcileClaim(
  claim: Claim,
  name: string,
  claims: Claims,
  data: Readonly<Record<string, readonly unknown[]>>,
): ClaimResult {
  if (!Object.hasOwn(data, claim.data!))
    throw claimError(
      name,
      "INVALID_OPTION",
      `no data set "${claim.data}"; data sets: ${Object.keys(data).join(", ") || "none"}`,
      { value: claim.data, field: "data" },
    );
  const timeZone = claim.timeZone ?? claims.timeZone ?? "UTC";
  assertTimeZone("checkReport", timeZone);
  const metric = claim.metric as "first-response" | "resolution";
  const { records, undated, indexes } = selectRecords(
    data[claim.data!]!,
    { metric, filter: claim.filter, period: claim.period, timeZone, statistic: undefined, options: claim.options },
    timeZone,
  );
  const result = reconcile(records, {
    metric,
    against: claim.against!,
    ...(claim.options?.calendar === undefined ? {} : { calendar: claim.options.calendar }),
    ...(claim.options?.resolution === undefined ? {} : { mode: claim.options.resolution }),
    // Dates in the claims' zone when they name one, else the calendar's.
    ...((claim.timeZone ?? claims.timeZone) === undefined ? {} : { timeZone }),
  });
  const { compared, exact, within1, share, notCompared, clock, bySize, byDate, largest } = result;
  const read = data[claim.data!]!.length;
  return {
    id: claim.id,
    metric: claim.metric,
    verdict: result.verdict,
    printed: claim.against!,
    recomputed: share === null ? null : share * 100,
    unit: "percent",
    // The share of records within a minute of the vendor's column: "70 % within 1 min" (one decimal, as explained).
    recomputedText: share === null ? null : `${Number((share * 100).toFixed(1))} % within 1 min`,
    low: null,
    high: null,
    n: compared,
    reproducedBy: [],
    explanation: [
      result.explanation,
      undated > 0 ? `${counted(undated, "record")} had no readable date for the period` : "",
    ]
      .filter(Boolean)
      .join("; "),
    checks: [],
    agreement: {
      read,
      outside: read - undated - records.length,
      undated,
      records: records.length,
      compared,
      exact,
      within1,
      share,
      notCompared,
      clock,
      bySize,
      byDate,
      largest: largest.map((difference) => ({ ...difference, index: indexes[difference.index]! })),
      problems: result.problems.map((problem) => ({ ...problem, index: indexes[problem.index]! })),
    },
  };
}

const num = (value: number): string => String(Number(value.toFixed(2))).replace("-", "−");

function explain(
  claim: Claim,
  printed: PrintedFigure,
  chosen: Candidate,
  all: readonly Candidate[],
  reproducedBy: readonly (Reproduction & { isDefault: boolean })[],
  verdict: string,
  failed: readonly PrintedCheck[],
  show: (value: number) => string,
): string {
  const parts: string[] = [];
  // Durations all come in minutes, shown in the printed unit; other candidates may be in another unit (a mean beside a
  // share): as plain numbers.
  const other = (value: number): string => (chosen.unit === "minutes" ? show(value) : num(value));
  const defaults = `${show(chosen.value)} (n = ${chosen.n}${chosen.low === null ? "" : `, interval ${show(chosen.low)} to ${show(chosen.high!)}`})`;
  if (reproducedBy.length > 0 && reproducedBy[0]!.isDefault)
    parts.push(`the library's default definition gives ${defaults}, printed as ${printed.text}`);
  else if (reproducedBy.length > 0 && verdict === "close") {
    const first = reproducedBy[0]!;
    parts.push(
      `no definition reproduces ${printed.text} from the records as they are; the default gives ${defaults}; rounding the inputs first does (${conventionText(first.conventions)}: ${other(first.value)}), so the report likely computed it from rounded figures`,
    );
  } else if (reproducedBy.length > 0) {
    const first = reproducedBy[0]!;
    const different = Object.entries(first.conventions).filter(
      ([id, option]) =>
        DEFAULT_NAMES[id] !== option && !(id in chosen.conventions && chosen.conventions[id] === option),
    );
    parts.push(
      `not the library's default, which gives ${defaults}; reproduced by ${different.length > 0 ? different.map(([id, option]) => `${id} ${option}`).join(", ") : conventionText(first.conventions)} (${other(first.value)})` +
        (reproducedBy.length > 1
          ? ` and ${reproducedBy.length - 1} other combination${reproducedBy.length === 2 ? "" : "s"}`
          : ""),
    );
  } else if (verdict === "close") {
    parts.push(
      `no documented convention reproduces ${printed.text}; the default gives ${defaults}, and the printed figure lies inside that interval: the difference is within sampling error, not evidence of another definition`,
    );
  } else {
    const nearest = all
      .filter((candidate) => compatible(printed, candidate))
      .sort(
        (a, b) =>
          Math.abs(a.value - printed.value) - Math.abs(b.value - printed.value) ||
          distance(a.conventions, chosen.conventions) - distance(b.conventions, chosen.conventions),
      )[0];
    parts.push(
      `no documented convention reproduces ${printed.text}; the default gives ${defaults}` +
        (chosen.low === null
          ? ""
          : `, and ${printed.text} lies outside that interval: more than sampling error, so the report likely counts other records (another segment, period or filter) or has an error`) +
        (nearest !== undefined && !nearest.isDefault
          ? `; the nearest any convention gets is ${other(nearest.value)} (${conventionText(nearest.conventions)})`
          : ""),
    );
  }
  if (claim.n !== undefined && claim.n !== chosen.n)
    parts.push(`the report's n is ${claim.n}, the data give ${chosen.n}`);
  for (const check of failed) parts.push(check.message);
  return parts.join("; ");
}

/**
 * Checks a report's printed figures against the raw data. Each claim is recomputed under the
 * library's defaults and under every combination of the conventions other tools use
 * (`CONVENTIONS`, listed in docs/check.md: CSAT top-box or good/bad or mean and its threshold, NPS
 * with blank answers counted, shares rounded first, percentile methods, business or calendar
 * clock, periods cut in UTC, first or full resolution, agent-created tickets left out, SLA
 * denominators, rounding rules). Verdict: `match` when some definition reproduces the printed
 * figure once rounded to its printed digits, `close` when none does but the printed figure lies in
 * the default figure's interval, `mismatch` otherwise, each with an explanation in words. A claim
 * without `data` is checked against its other printed figures only.
 *
 * @throws CxMetricsError `INVALID_OPTION` for an unknown metric, period label or data set;
 *   `INVALID_VALUE` for a printed value that is not a number or a duration; `INVALID_TIME_ZONE`.
 * @example
 * ```ts
 * const survey = [{ score: 10 }, { score: 9 }, { score: 8 }, { score: 3 }, { score: 10 }, { score: 6 }, { score: 9 }];
 * const result = checkReport({ claims: [{ id: "nps", metric: "nps", value: "29", data: "survey" }] }, { survey });
 * result.claims[0]!.verdict; //=> "match"
 * ```
 */
export function checkReport(claims: Claims, data: Readonly<Record<string, readonly unknown[]>>): CheckResult {
  if (typeof claims !== "object" || claims === null || !Array.isArray(claims.claims)) {
    throw new CxMetricsError(
      "checkReport",
      "INVALID_ARGUMENT",
      `claims is ${describe(claims)}, expected { timeZone?, claims: [...] }`,
      { value: claims },
    );
  }
  return { claims: claims.claims.map((claim, index) => checkOne(claim, index, claims, data)) };
}
