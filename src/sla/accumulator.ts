// The SLA kernel: interactions measured by a compiled policy one at a time, met / breached / pending
// counted per target (and the breaches kept, when asked), merged, and read as SLA achievement.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount } from "../internal/validate.js";
import type { Interaction } from "../time/interaction.js";
import type { SlaPolicy } from "./policy.js";
import { slaRule, type SlaMeasurement, type SlaRule, type SlaRuleOptions } from "./rule.js";
import type { SlaBreach, SlaTally, SlaTargetResult } from "./results.js";
import { counted } from "../internal/words.js";

const MINUTE_MS = 60_000;

/**
 * Each target's tally and the overall one (the SLA % of all measurements), from counts per target in policy order.
 *
 * @internal
 */
export function targetTallies<
  T extends Pick<SlaTargetResult, "name" | "clock" | "minutes"> & { readonly metric: string },
>(
  targets: readonly T[],
  counts: readonly SlaTargetCounts[],
): { byTarget: (Pick<T, "name" | "metric" | "clock" | "minutes"> & SlaTally)[]; overall: SlaTally } {
  const byTarget = targets.map((target, k) => ({
    name: target.name,
    metric: target.metric,
    clock: target.clock,
    minutes: target.minutes,
    ...slaTally(counts[k]!),
  }));
  const overall = slaTally({
    met: byTarget.reduce((sum, t) => sum + t.met, 0),
    breached: byTarget.reduce((sum, t) => sum + t.breached, 0),
    pending: byTarget.reduce((sum, t) => sum + t.pending, 0),
  });
  return { byTarget, overall };
}

/** Options of {@link createSlaAccumulator}. */
export interface SlaAccumulatorOptions extends SlaRuleOptions {
  /** Keep every breach for the result's `breaches` list (default true); a report of figures only passes false. */
  readonly breaches?: boolean;
}

/** Met, breached and pending measurements (of one target, or of a report's group). */
export interface SlaTargetCounts {
  /** Completed within the target. */
  readonly met: number;
  /** Completed late, or open past the target. */
  readonly breached: number;
  /** Open, not yet due. */
  readonly pending: number;
}

/** The JSON state of an SLA accumulator. */
export interface SlaAccumulatorState {
  /** Marks the object as an SLA accumulator state. */
  readonly kind: "sla";
  /** Counts per target, in policy order. */
  readonly targets: readonly SlaTargetCounts[];
  /** The breaches kept, in the order found. */
  readonly breaches: readonly SlaBreach[];
  /** Whether an open measurement was judged at `asOf`. */
  readonly usedAsOf: boolean;
}

/** SLA achievement of what an accumulator holds (the figures of {@link sla} without the row counts). */
export interface SlaSummary extends SlaTally {
  /** Per target, in policy order. */
  readonly byTarget: readonly SlaTargetResult[];
  /** Every breach kept, in the order found (empty when breaches are not kept). */
  readonly breaches: readonly SlaBreach[];
  /** The `asOf` used, ISO-8601 UTC, or null when none was needed. */
  readonly asOf: string | null;
}

/** Collects SLA measurements one interaction at a time, in chunks, streams or workers. */
export interface SlaAccumulator {
  /** The compiled policy. */
  readonly rule: SlaRule;
  /**
   * Measures an interaction with the rule and counts it; returns its measurements. Throws as {@link SlaRule.measure}.
   */
  add(interaction: Interaction, index?: number): readonly SlaMeasurement[];
  /** Counts measurements made by the same rule; `id` names the interaction in breaches. */
  addMeasurements(measurements: readonly SlaMeasurement[], id: string): SlaAccumulator;
  /** Adds another accumulator's counts and breaches, or a JSON state of the same policy. */
  merge(other: SlaAccumulator | SlaAccumulatorState): SlaAccumulator;
  /** Measurements counted (met + breached + pending). */
  readonly total: number;
  /** The achievement so far; `EMPTY_INPUT` while no measurement was counted. */
  result(): SlaSummary;
  /** The JSON state (breaches formatted); `createSlaAccumulator(policy, options, state)` restores it. */
  toJSON(): SlaAccumulatorState;
}

/**
 * SLA achievement of met, breached and pending counts: SLA % = met / (met + breached) × 100 over the
 * decided measurements (UA-agency), pending ones reported apart; null while nothing is decided.
 *
 * @throws CxMetricsError `INVALID_COUNT` for a count that is not a whole number ≥ 0.
 * @example
 * ```ts
 * slaTally({ met: 3, breached: 1, pending: 2 }); //=> { met: 3, breached: 1, pending: 2, total: 6, percent: 75 }
 * ```
 */
export function slaTally(counts: SlaTargetCounts): SlaTally {
  const fn = "slaTally";
  if (typeof counts !== "object" || counts === null)
    throw invalid(fn, "INVALID_ARGUMENT", "counts", counts, "{ met, breached, pending }");
  for (const name of ["met", "breached", "pending"] as const) assertCount(fn, name, counts[name]);
  const decided = counts.met + counts.breached;
  return {
    met: counts.met,
    breached: counts.breached,
    pending: counts.pending,
    total: decided + counts.pending,
    percent: decided === 0 ? null : (100 * counts.met) / decided,
  };
}

function readState(fn: string, state: unknown, targets: number): SlaAccumulatorState {
  const s = state as Partial<SlaAccumulatorState> | null;
  if (
    typeof state !== "object" ||
    state === null ||
    s!.kind !== "sla" ||
    !Array.isArray(s!.targets) ||
    s!.targets.length !== targets ||
    !Array.isArray(s!.breaches)
  ) {
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "state",
      state,
      `an SLA accumulator state of a policy with ${counted(targets, "target")}`,
    );
  }
  s!.targets.forEach((t, k) => {
    for (const name of ["met", "breached", "pending"] as const) assertCount(fn, `targets[${k}].${name}`, t?.[name]);
  });
  return state as SlaAccumulatorState;
}

/**
 * A mergeable SLA accumulator: the kernel behind {@link sla}, the report, the check and the command.
 * The policy is compiled once ({@link slaRule}); each interaction is read and measured once.
 *
 * @param policy - an SLA policy or a compiled {@link SlaRule} (then `calendar` and `asOf` are the rule's).
 * @param options - `calendar`, `asOf`, and `breaches: false` to keep counts only.
 * @param state - a state from `toJSON()` to continue from.
 * @throws CxMetricsError as {@link slaRule}; `INVALID_ARGUMENT` for a bad state.
 * @example
 * ```ts
 * const acc = createSlaAccumulator({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
 * acc.add({ id: "t1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:40:00Z" });
 * acc.add({ id: "t2", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" });
 * acc.result().percent; //=> 50
 * ```
 */
export function createSlaAccumulator(
  policy: SlaPolicy | SlaRule,
  options: SlaAccumulatorOptions = {},
  state?: SlaAccumulatorState,
): SlaAccumulator {
  const fn = "createSlaAccumulator";
  const rule =
    (policy as { kind?: unknown } | null)?.kind === "sla-rule"
      ? (policy as SlaRule)
      : slaRule(policy as SlaPolicy, { calendar: options.calendar, asOf: options.asOf }, "sla");
  const keep = options.breaches !== false;
  const counts = rule.targets.map(() => ({ met: 0, breached: 0, pending: 0 }));
  // In the order found: breaches measured here (formatted when read) and breaches merged in (formatted).
  const found: ({ readonly id: string; readonly measurement: SlaMeasurement } | SlaBreach)[] = [];
  let usedAsOf = false;
  let total = 0;

  const breachRecord = ({ id, measurement: m }: { id: string; measurement: SlaMeasurement }): SlaBreach => ({
    interactionId: id,
    metric: m.metric,
    target: rule.targets[m.target]!.name,
    startedAt: new Date(m.start).toISOString(),
    dueAt: new Date(rule.dueAt(m)).toISOString(),
    completedAt: m.end === null ? null : new Date(m.end).toISOString(),
    overrunMinutes: (m.elapsedMs - rule.targets[m.target]!.targetMs) / MINUTE_MS,
  });
  let formatted: SlaBreach[] | undefined;
  const breaches = (): SlaBreach[] => {
    if (formatted === undefined || formatted.length !== found.length)
      formatted = found.map((entry) => ("measurement" in entry ? breachRecord(entry) : entry));
    return formatted;
  };
  const mergeState = (from: SlaAccumulatorState): void => {
    from.targets.forEach((t, k) => {
      counts[k]!.met += t.met;
      counts[k]!.breached += t.breached;
      counts[k]!.pending += t.pending;
      total += t.met + t.breached + t.pending;
    });
    if (keep) for (let i = 0, n = from.breaches.length; i < n; i++) found.push(from.breaches[i]!);
    usedAsOf ||= from.usedAsOf === true;
  };
  if (state !== undefined) mergeState(readState(fn, state, rule.targets.length));

  const count = (measurements: readonly SlaMeasurement[], idOf: () => string): void => {
    for (let k = 0; k < measurements.length; k++) {
      const m = measurements[k]!;
      const tally = counts[m.target]!;
      total++;
      if (m.end === null) usedAsOf = true;
      if (m.outcome === "met") tally.met++;
      else if (m.outcome === "pending") tally.pending++;
      else {
        tally.breached++;
        if (keep) found.push({ id: idOf(), measurement: m });
      }
    }
  };
  const accumulator: SlaAccumulator = {
    rule,
    add(interaction, index = total) {
      const measurements = rule.measure(interaction, index);
      count(measurements, () => {
        // The id is read only for a breach to keep.
        const id = (interaction as { id?: unknown }).id;
        return typeof id === "string" || typeof id === "number" ? String(id) : String(index);
      });
      return measurements;
    },
    addMeasurements(measurements, id) {
      count(measurements, () => id);
      return accumulator;
    },
    merge(other) {
      // null / undefined reach readState (INVALID_ARGUMENT), not a TypeError.
      const from =
        typeof (other as SlaAccumulator | null)?.toJSON === "function" ? (other as SlaAccumulator).toJSON() : other;
      mergeState(readState("SlaAccumulator.merge", from, rule.targets.length));
      return accumulator;
    },
    get total() {
      return total;
    },
    result() {
      if (total === 0)
        throw new CxMetricsError("sla", "EMPTY_INPUT", "no interaction matched any target of the policy");
      const { byTarget, overall } = targetTallies(rule.targets, counts);
      return {
        ...overall,
        byTarget,
        // Built on first read: a report that needs only the figures does not format every breach.
        get breaches(): readonly SlaBreach[] {
          return breaches();
        },
        asOf: usedAsOf && rule.asOf !== null ? new Date(rule.asOf).toISOString() : null,
      };
    },
    toJSON: () => ({ kind: "sla", targets: counts.map((c) => ({ ...c })), breaches: keep ? breaches() : [], usedAsOf }),
  };
  return accumulator;
}
