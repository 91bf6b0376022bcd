import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import type { Interaction } from "../time/interaction.js";

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
  /** Applies only to these priorities (one or several); leave out for any. */
  readonly priority?: string | readonly string[];
  /** Applies only to these request types; leave out for any. */
  readonly type?: string | readonly string[];
  /** Applies only to these channels; leave out for any. */
  readonly channel?: string | readonly string[];
}

/** An SLA policy: targets checked in order (the first that matches an interaction, per metric, applies). */
export interface SlaPolicy {
  /** The targets, most specific first. */
  readonly targets: readonly SlaTarget[];
  /** Statuses that pause the resolution clock ("pending", "on-hold"); response clocks never pause. */
  readonly pauseStatuses?: readonly string[];
}

/** A validated target with its display name. */
export interface CheckedTarget extends SlaTarget {
  readonly name: string;
}

const METRICS: readonly SlaMetric[] = ["first-response", "next-response", "resolution"];

/** Validates a policy; `hasCalendar` tells whether business-clock targets can run. */
export function checkPolicy(fn: string, policy: SlaPolicy, hasCalendar: boolean): readonly CheckedTarget[] {
  const targets = (policy as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new CxMetricsError(fn, "INVALID_POLICY", `policy is ${describe(policy)}, expected { targets: [...] } with at least one target`, { value: policy });
  }
  const pause = (policy as { pauseStatuses?: unknown }).pauseStatuses;
  if (pause !== undefined && (!Array.isArray(pause) || !pause.every((status) => typeof status === "string"))) {
    throw new CxMetricsError(fn, "INVALID_POLICY", `pauseStatuses is ${describe(pause)}, expected an array of status names`, { value: pause });
  }
  return targets.map((target: SlaTarget, i) => {
    const where = `targets[${i}]`;
    if (!METRICS.includes(target?.metric)) {
      throw new CxMetricsError(fn, "INVALID_POLICY", `${where}.metric is ${describe(target?.metric)}, expected "first-response", "next-response" or "resolution"`, {
        value: target,
      });
    }
    if (typeof target.minutes !== "number" || !(target.minutes >= 0) || !Number.isFinite(target.minutes)) {
      throw new CxMetricsError(fn, "INVALID_POLICY", `${where}.minutes is ${describe(target.minutes)}, expected a number of minutes ≥ 0`, { value: target.minutes });
    }
    if (target.clock !== "business" && target.clock !== "calendar") {
      throw new CxMetricsError(fn, "INVALID_POLICY", `${where}.clock is ${describe(target.clock)}, expected "business" or "calendar"`, { value: target.clock });
    }
    if (target.clock === "business" && !hasCalendar) {
      throw new CxMetricsError(fn, "INVALID_POLICY", `${where} runs on business minutes: pass { calendar } in the options`, { value: target });
    }
    return { ...target, name: target.name ?? `${target.metric} ${target.minutes} min (${target.clock})` };
  });
}

function matches(filter: string | readonly string[] | undefined, value: string | undefined): boolean {
  if (filter === undefined) return true;
  if (value === undefined) return false;
  return typeof filter === "string" ? filter === value : filter.includes(value);
}

/** The first target of the metric whose filters match the interaction, or undefined. */
export function targetFor(targets: readonly CheckedTarget[], metric: SlaMetric, interaction: Interaction): CheckedTarget | undefined {
  return targets.find(
    (target) =>
      target.metric === metric &&
      matches(target.priority, interaction.priority) &&
      matches(target.type, interaction.type) &&
      matches(target.channel, interaction.channel),
  );
}
