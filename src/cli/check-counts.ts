// What `cx-metrics check` says a data set held: rows read = used (+ unanswered) + rejected, counted exactly as `report`
// counts them. Each record goes through the report's own summary (createSummary, invalid: "exclude") for the metric its
// claims read, so that an unanswered survey (a blank rating or a not-rated marker, src/internal/unanswered.ts) or a
// ticket or review whose times or ratings cannot be read is counted once, in one place, for both commands.
import type { ClaimOptions } from "../check/candidates.js";
import type { CheckedClaim } from "../check/claim-shape.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import type { ReportMetric, SummarizeSpec } from "../report/spec.js";
import { createSummary } from "../report/summarize.js";
import { calendarFromSchedule } from "../time/schedule.js";
import { UsageError } from "./args.js";

/** The counts of one data set, as `report --format json` names them in `input`. */
export interface DataCounts {
  /** Rows read. */
  readonly read: number;
  /**
   * Rows that give a figure (survey metrics: answered with a rating of the scale; tickets and reviews: readable ones,
   * open tickets included); a data set read by no claim with a metric: the records loaded.
   */
  readonly used: number;
  /** Survey metrics: rows whose score or rating is blank or a not-rated marker ("Offered", "N/A"): neither used nor rejected. */
  readonly unanswered?: number;
  /**
   * Rows that could not be read: a broken row, a score or rating that is not one of the scale, a ticket time or review
   * rating that cannot be read.
   */
  readonly rejected: number;
}

/**
 * A data set's counts: as `report --metric a,b` counts them when its claims read it as several metrics (or scales):
 * `used` the rows none of them rejected, `rejected` those at least one rejected, and `metrics` each one's own.
 */
export interface DataSetCounts extends DataCounts {
  /** When the data set's claims read it as several metrics (or scales): the counts under each, by label. */
  readonly metrics?: Readonly<Record<string, DataCounts>>;
}

const SURVEY: readonly ReportMetric[] = ["nps", "csat", "ces"];

/** The report spec a survey claim's rows are counted under: its metric, scale and weight, as `report`'s flags give them. */
function surveySpec(claim: CheckedClaim): { label: string; spec: SummarizeSpec } {
  const options = (claim.options ?? {}) as { scale?: unknown; weight?: unknown; unanswered?: readonly string[] };
  const scale = typeof options.scale === "string" && claim.metric !== "nps" ? options.scale : undefined;
  const weight = typeof options.weight === "string" && options.weight !== "" ? options.weight : undefined;
  const spec = {
    metric: claim.metric,
    invalid: "exclude",
    ...(options.unanswered === undefined ? {} : { unanswered: options.unanswered }),
    ...(scale === undefined ? {} : claim.metric === "csat" ? { csat: { scale } } : { ces: { scale } }),
    ...(weight === undefined ? {} : { weight }),
  } as SummarizeSpec;
  const label = [claim.metric, scale, weight === undefined ? undefined : `weight ${weight}`]
    .filter((part) => part !== undefined)
    .join(" ");
  return { label, spec };
}

/**
 * The report spec a ticket claim (first response, resolution, SLA) or a review claim (IQS) counts its rows under: its
 * metric with the calendar, resolution, policy, asOf and scorecard of its options, as `report`'s --calendar,
 * --resolution, --sla, --as-of and --scorecard give them. Null for an SLA claim without a policy or an IQS claim without
 * a scorecard (checkReport says what is missing).
 */
function ticketSpec(claim: CheckedClaim): { label: string; spec: SummarizeSpec } | null {
  const options = (claim.options ?? {}) as ClaimOptions;
  const calendar = options.calendar === undefined ? {} : { calendar: calendarFromSchedule(options.calendar) };
  switch (claim.metric) {
    case "first-response":
      return { label: claim.metric, spec: { metric: claim.metric, invalid: "exclude", ...calendar } };
    case "resolution": {
      const resolution = options.resolution ?? "full";
      return {
        label: resolution === "first" ? "resolution first" : "resolution",
        spec: { metric: claim.metric, invalid: "exclude", resolution, ...calendar },
      };
    }
    case "sla":
      if (options.policy === undefined) return null;
      return {
        label: claim.metric,
        spec: {
          metric: claim.metric,
          invalid: "exclude",
          policy: options.policy,
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          ...calendar,
        },
      };
    case "iqs":
      if (options.scorecard === undefined) return null;
      return { label: claim.metric, spec: { metric: claim.metric, invalid: "exclude", scorecard: options.scorecard } };
    default:
      return null;
  }
}

/** The report spec a claim's rows are counted under, and its label ("csat 1-10", "resolution first"). */
function countingSpec(claim: CheckedClaim): { label: string; spec: SummarizeSpec } | null {
  return SURVEY.includes(claim.metric) ? surveySpec(claim) : ticketSpec(claim);
}

/**
 * A data set's rows read, used, unanswered and rejected, as `report` counts them for the metric its claims read
 * (`read` rows of which `structural` could not be read at all, `records` the others). A data set read by no claim with
 * a metric it can count: used = the records loaded. Read under several metrics or scales: as `report --metric a,b`,
 * `used` the rows no metric rejected, `rejected` those at least one did, and `metrics` each metric's own counts.
 */
export function dataSetCounts(
  records: readonly unknown[],
  read: number,
  structural: number,
  claims: readonly CheckedClaim[],
): DataSetCounts {
  const specs = new Map<string, SummarizeSpec>();
  for (const claim of claims) {
    const counting = countingSpec(claim);
    if (counting !== null && !specs.has(counting.label)) specs.set(counting.label, counting.spec);
  }
  if (specs.size === 0) return { read, used: records.length, rejected: structural };
  const counted = [...specs].map(([label, spec]) => ({ label, ...reportCounts(records, read, structural, spec) }));
  if (counted.length === 1) return counted[0]!.counts;
  // A record rejected by any metric is rejected once, as report's several metrics count it.
  const rejected = structural + new Set(counted.flatMap((each) => each.rejects)).size;
  return {
    read,
    used: read - rejected,
    rejected,
    metrics: Object.fromEntries(counted.map((each) => [each.label, each.counts])),
  };
}

/**
 * The counts of the report's summary over the records (their rows' structural rejects added to its own), and the
 * records it rejected, by index.
 */
function reportCounts(
  records: readonly unknown[],
  read: number,
  structural: number,
  spec: SummarizeSpec,
): { counts: DataCounts; rejects: number[] } {
  let summary: ReturnType<typeof createSummary>;
  try {
    summary = createSummary(spec);
    for (const record of records) summary.add(record);
  } catch (error) {
    // A scale or weight the metric does not take: checkReport says so for the claim; here it is a usage error too.
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^summarize: /, ""));
    throw error;
  }
  const state = summary.state();
  return {
    counts: {
      read,
      used: state.used,
      ...(SURVEY.includes(spec.metric) ? { unanswered: state.unanswered ?? 0 } : {}),
      rejected: structural + state.exclusions.length,
    },
    rejects: state.exclusions.map((excluded) => excluded.index),
  };
}
