import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";

/** What a target measures. */
export type SlaMetric = "first-response" | "next-response" | "resolution";

/** Which clock a target runs on: working minutes of the calendar, or elapsed minutes. */
export type SlaClock = "business" | "calendar";

/** One SLA target. */
export interface SlaTarget {
  /** Name shown in results; default `"<metric> <minutes> min (<clock>)"`. */
  readonly name?: string;
  /** What is measured. */
  readonly metric: SlaMetric;
  /** The target, in minutes of `clock`, ≥ 0. */
  readonly minutes: number;
  /** `"business"` (working minutes; needs a calendar) or `"calendar"` (elapsed minutes). */
  readonly clock: SlaClock;
  /** Applies only to these priorities (one or several); leave out for any. Numbers match their text (1 matches "1"). */
  readonly priority?: string | number | readonly (string | number)[];
  /** Applies only to these request types; leave out for any. */
  readonly type?: string | number | readonly (string | number)[];
  /** Applies only to these channels; leave out for any. */
  readonly channel?: string | number | readonly (string | number)[];
}

/** An SLA policy: targets checked in order (the first that matches an interaction, per metric, applies). */
export interface SlaPolicy {
  /** The targets, most specific first. */
  readonly targets: readonly SlaTarget[];
  /** Statuses that pause the resolution clock ("pending", "on-hold"); response clocks never pause. */
  readonly pauseStatuses?: readonly string[];
}

/** A validated target with its display name and its filters as lists of text. */
export interface CheckedTarget {
  /** The name shown in results (the given one, or `"<metric> <minutes> min (<clock>)"`). */
  readonly name: string;
  /** What it measures. */
  readonly metric: SlaMetric;
  /** The target in minutes of its clock. */
  readonly minutes: number;
  /** Its clock. */
  readonly clock: SlaClock;
  /** The priorities it applies to, as text; undefined for any. */
  readonly priority: readonly string[] | undefined;
  /** The request types it applies to, as text; undefined for any. */
  readonly type: readonly string[] | undefined;
  /** The channels it applies to, as text; undefined for any. */
  readonly channel: readonly string[] | undefined;
}

/** The fields of an interaction that targets filter on, as text. */
export interface TargetFields {
  readonly priority: string | undefined;
  readonly type: string | undefined;
  readonly channel: string | undefined;
}

function filterValues(fn: string, where: string, filter: unknown): readonly string[] | undefined {
  if (filter === undefined) return undefined;
  const values = Array.isArray(filter) ? filter : [filter];
  return values.map((value) => {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    throw new CxMetricsError(
      fn,
      "INVALID_POLICY",
      `${where} is ${describe(filter)}, expected text or a number, or an array of them`,
      { value: filter },
    );
  });
}

const METRICS: readonly SlaMetric[] = ["first-response", "next-response", "resolution"];

/**
 * Validates a policy; `hasCalendar` tells whether business-clock targets can run; `metrics` lists the metrics the
 * caller measures (the SLA over ticket events measures more).
 */
export function checkPolicy(
  fn: string,
  policy: SlaPolicy,
  hasCalendar: boolean,
  metrics: readonly string[] = METRICS,
): readonly CheckedTarget[] {
  const targets = (policy as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new CxMetricsError(
      fn,
      "INVALID_POLICY",
      `policy is ${describe(policy)}, expected { targets: [...] } with at least one target`,
      { value: policy },
    );
  }
  const pause = (policy as { pauseStatuses?: unknown }).pauseStatuses;
  if (pause !== undefined && (!Array.isArray(pause) || !pause.every((status) => typeof status === "string"))) {
    throw new CxMetricsError(
      fn,
      "INVALID_POLICY",
      `pauseStatuses is ${describe(pause)}, expected an array of status names`,
      { value: pause },
    );
  }
  return Array.from(targets as readonly SlaTarget[], (target, i): CheckedTarget => {
    const where = `targets[${i}]`;
    if (!metrics.includes(target?.metric)) {
      throw new CxMetricsError(
        fn,
        "INVALID_POLICY",
        `${where}.metric is ${describe(target?.metric)}, expected ${metrics
          .map((m) => JSON.stringify(m))
          .join(", ")
          .replace(/, ([^,]*)$/, " or $1")}`,
        {
          value: target,
        },
      );
    }
    if (typeof target.minutes !== "number" || !(target.minutes >= 0) || !Number.isFinite(target.minutes)) {
      throw new CxMetricsError(
        fn,
        "INVALID_POLICY",
        `${where}.minutes is ${describe(target.minutes)}, expected a number of minutes ≥ 0`,
        { value: target.minutes },
      );
    }
    if (target.clock !== "business" && target.clock !== "calendar") {
      throw new CxMetricsError(
        fn,
        "INVALID_POLICY",
        `${where}.clock is ${describe(target.clock)}, expected "business" or "calendar"`,
        { value: target.clock },
      );
    }
    if (target.clock === "business" && !hasCalendar) {
      throw new CxMetricsError(
        fn,
        "INVALID_POLICY",
        `${where} runs on business minutes: pass { calendar } in the options`,
        { value: target },
      );
    }
    if (target.name !== undefined && typeof target.name !== "string") {
      throw new CxMetricsError(fn, "INVALID_POLICY", `${where}.name is ${describe(target.name)}, expected text`, {
        value: target.name,
      });
    }
    return {
      name: target.name ?? `${target.metric} ${target.minutes} min (${target.clock})`,
      metric: target.metric,
      minutes: target.minutes,
      clock: target.clock,
      priority: filterValues(fn, `${where}.priority`, target.priority),
      type: filterValues(fn, `${where}.type`, target.type),
      channel: filterValues(fn, `${where}.channel`, target.channel),
    };
  });
}

function matches(filter: readonly string[] | undefined, value: string | undefined): boolean {
  if (filter === undefined) return true;
  return value !== undefined && filter.includes(value);
}

/** Whether a target's filters (priority, type, channel) all match an interaction. */
export function matchesTarget(
  target: Pick<CheckedTarget, "priority" | "type" | "channel">,
  interaction: TargetFields,
): boolean {
  return (
    matches(target.priority, interaction.priority) &&
    matches(target.type, interaction.type) &&
    matches(target.channel, interaction.channel)
  );
}
