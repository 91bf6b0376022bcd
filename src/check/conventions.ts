// The catalogue of conventions real reporting tools use for each metric, with the library's default and why: what
// `checkReport` searches when a printed figure does not match.
import { assertOneOf } from "../internal/validate.js";
import { REPORT_METRICS, type ReportMetric } from "../report/spec.js";

/** One way in which tools differ, its options, the library's default, and why. */
export interface ConventionDimension {
  /** The name used in `reproducedBy[].conventions` (contract; listed in docs/check.md). */
  readonly id: string;
  /** The metrics it applies to. */
  readonly metrics: readonly ReportMetric[];
  /** The options, by name, with what each means. */
  readonly options: Readonly<Record<string, string>>;
  /** The library's default option. */
  readonly default: string;
  /** Why that default. */
  readonly why: string;
}

const TIMES: readonly ReportMetric[] = ["first-response", "resolution"];
const ALL: readonly ReportMetric[] = ["nps", "csat", "ces", "first-response", "resolution", "sla", "iqs"];

/**
 * The catalogue. Percentile methods and CSAT / CES thresholds are listed by value at run time (every
 * method of `stats.percentile`; every threshold of the claim's scale); rounding rules are in
 * `ROUNDING_RULES`.
 */
export const CONVENTIONS: readonly ConventionDimension[] = [
  {
    id: "period-cut",
    metrics: ALL,
    options: {
      "report-zone": "periods cut in the claims' time zone",
      utc: "periods cut in UTC (many exports and warehouses)",
    },
    default: "report-zone",
    why: "a month is the month of the people who read the report; UTC cuts move the answers of the last and first hours of a month.",
  },
  {
    id: "weights",
    metrics: ["nps", "csat", "ces"],
    options: {
      weighted: "each response counts its weight (the claim's options.weight column): Σw·y / Σw",
      unweighted: "every response counts once, the weights ignored",
    },
    default: "weighted",
    why: "a programme that weights its responses (to match the customer base) publishes the weighted figure; only asked for when the claim names a weight column.",
  },
  {
    id: "nps-blanks",
    metrics: ["nps"],
    options: {
      excluded: "answers without a score leave the denominator",
      counted: "answers without a score count in the denominator (as neither promoter nor detractor)",
    },
    default: "excluded",
    why: "NPS is defined over the people who gave a score (Reichheld; Osipov; Quality-mgmt).",
  },
  {
    id: "survey-unanswered",
    metrics: ["csat", "ces"],
    options: {
      excluded: "surveys sent but not answered (a blank or a not-rated marker such as Offered) leave the denominator",
      counted: "satisfied (easy) answers over every survey sent, answered or not",
    },
    default: "excluded",
    why: "a share of satisfied customers is over those who answered (UA-agency, Osipov; Zendesk's satisfaction score); dividing by every survey sent mixes the response rate into it. Only asked for when some surveys were unanswered.",
  },
  {
    id: "nps-inputs",
    metrics: ["nps"],
    options: {
      exact: "promoters − detractors over n, unrounded",
      "rounded-shares":
        "the rounded % promoters minus the rounded % detractors (dashboards that print the shares first)",
    },
    default: "exact",
    why: "rounding the shares first can move the NPS by one point.",
  },
  {
    id: "csat",
    metrics: ["csat"],
    options: {
      "top-box-over-all": "satisfied answers over all answers (UA-agency, Osipov)",
      "good-over-rated": "good over good + bad, neutral answers left out (Zendesk's satisfaction score)",
      mean: "the mean rating",
    },
    default: "top-box-over-all",
    why: "the sources define CSAT as the share of satisfied answers among all answers (UA-agency: 4 and 5 over all).",
  },
  {
    id: "csat-satisfied-from",
    metrics: ["csat"],
    options: { "<rating>": "the lowest rating that counts as satisfied (every rating of the scale is tried)" },
    default: "the scale's: 4 on 1-5, 9 on 1-10, positive on the smiley scale",
    why: "top-2-box on five points (UA-agency); on ten points 9-10, like NPS promoters (Osipov).",
  },
  {
    id: "ces",
    metrics: ["ces"],
    options: { "percent-easy": "answers at the easy end over all answers", mean: "the mean rating" },
    default: "percent-easy",
    why: "the share is comparable across scales; the mean is given beside it.",
  },
  {
    id: "ces-easy-from",
    metrics: ["ces"],
    options: { "<rating>": "the lowest rating that counts as easy (every rating above the midpoint is tried)" },
    default: "5 on 1-7, 4 on 1-5",
    why: "the top three of seven points are 'easy' (Quality-mgmt).",
  },
  {
    id: "clock",
    metrics: TIMES,
    options: { business: "working minutes of the business calendar", calendar: "elapsed minutes" },
    default: "business when the claim gives a calendar, else calendar",
    why: "helpdesks report both; a claim that names business hours is about them.",
  },
  {
    id: "percentile-method",
    metrics: TIMES,
    options: { "<method>": "every method of stats.percentile (the numpy / R names)" },
    default: "linear",
    why: "R's type 7, numpy's and Excel's PERCENTILE.INC default.",
  },
  {
    id: "resolution",
    metrics: ["resolution"],
    options: { full: "to the last resolution", first: "to the first resolution (before any reopening)" },
    default: "full",
    why: "a reopened ticket was not resolved the first time.",
  },
  {
    id: "agent-created",
    metrics: [...TIMES, "sla"],
    options: {
      included: "tickets an agent opened count",
      excluded: "tickets an agent opened (agentCreated) are left out",
    },
    default: "included",
    why: "the data decide which tickets count; the option only appears when records carry agentCreated.",
  },
  {
    id: "duration-inputs",
    metrics: TIMES,
    options: {
      exact: "durations to the millisecond",
      "whole-minutes": "durations cut to whole minutes, as Zendesk's exports give them",
    },
    default: "exact",
    why: "the instants are known; cutting them first changes medians of short times.",
  },
  {
    id: "sla-denominator",
    metrics: ["sla"],
    options: {
      "met-over-decided": "met / (met + breached); pending apart",
      "met-over-all": "met / all, pending counted as not met",
      "met-or-pending-over-all": "(met + pending) / all, pending counted as met",
    },
    default: "met-over-decided",
    why: "an item still running has neither met nor missed its target (UA-agency's SLA % is met over measured).",
  },
  {
    id: "rounding",
    metrics: ALL,
    options: {
      "half-up": "ties away from zero (Excel ROUND, most dashboards)",
      "half-even": "ties to even (numpy, R's round)",
      truncate: "digits cut off",
    },
    default: "half-up",
    why: "what spreadsheets and most dashboards do.",
  },
];

/**
 * The dimensions of a metric.
 *
 * @throws CxMetricsError `INVALID_OPTION` for a metric that is not a report metric (nps, csat, ces, first-response,
 *   resolution, sla, iqs): "cast" or "NPS" gave no dimension.
 * @example
 * ```ts
 * conventionsOf("sla").map((dimension) => dimension.id).join(", "); //=> "period-cut, agent-created, sla-denominator, rounding"
 * ```
 */
export function conventionsOf(metric: ReportMetric): readonly ConventionDimension[] {
  assertOneOf("conventionsOf", "metric", metric, REPORT_METRICS);
  return CONVENTIONS.filter((dimension) => dimension.metrics.includes(metric));
}
