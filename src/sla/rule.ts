// The SLA rule, written once: a policy compiled with its calendar and asOf, then applied to one
// interaction at a time. For each metric the first matching target applies; a measurement is met,
// breached or pending by its elapsed time on the target's clock (pauses left out). `sla`, the
// accumulator, the report, the check and the command all measure through a compiled rule.
import { invalid } from "../internal/describe.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertOptions } from "../internal/validate.js";
import { calendarIndex, type BusinessCalendar } from "../time/calendar.js";
import type { CalendarIndex } from "../time/calendar-index.js";
import { instantMs, type Instant } from "../time/instant.js";
import type { Interaction } from "../time/interaction.js";
import { readInteraction, type ReadInteraction } from "../time/read-interaction.js";
import { checkPolicy, matchesTarget, type CheckedTarget, type SlaMetric, type SlaPolicy } from "./policy.js";

const MINUTE_MS = 60_000;

/** What a compiled SLA policy needs besides the policy. */
export interface SlaRuleOptions {
  /**
   * The moment the report is made: open items past their due time at `asOf` are breached. Needed when any item is open.
   */
  readonly asOf?: Instant | undefined;
  /** Business calendar for targets on the business clock. */
  readonly calendar?: BusinessCalendar | undefined;
}

/** Elapsed milliseconds on a target's clock, and the instant a number of them after another. */
interface Clock {
  ms(a: number, b: number): number;
  add(a: number, ms: number): number;
}

/** A target of a compiled policy, with its clock. */
export interface SlaRuleTarget extends CheckedTarget {
  /** The target in milliseconds of its clock. */
  readonly targetMs: number;
}

/** One measurement of an interaction against a target. */
export interface SlaMeasurement {
  /** The target's position in the policy. */
  readonly target: number;
  /** What was measured. */
  readonly metric: SlaMetric;
  /** `"met"`, `"breached"` or `"pending"` (open, not yet due). */
  readonly outcome: "met" | "breached" | "pending";
  /** Start of the clock, epoch milliseconds. */
  readonly start: number;
  /** The reply or resolution, epoch milliseconds; null while open. */
  readonly end: number | null;
  /** Milliseconds on the target's clock, pauses left out (to `asOf` while open). */
  readonly elapsedMs: number;
  /** Pause intervals [from, to) of a resolution clock (`to` Infinity while paused). */
  readonly paused: readonly (readonly [number, number])[];
}

/** A policy compiled once with its calendar and `asOf`; made by {@link slaRule}. */
export interface SlaRule {
  /** Marks a compiled policy. */
  readonly kind: "sla-rule";
  /** The targets in policy order. */
  readonly targets: readonly SlaRuleTarget[];
  /** `asOf` in epoch milliseconds, or null. */
  readonly asOf: number | null;
  /**
   * Checks one interaction whole and measures it against the targets that apply (none: an empty
   * list). Throws the interaction's coded error naming the field; `INVALID_ARGUMENT` with field
   * `"asOf"` for an open measurement without `asOf` (a mistake of the call, not of the row).
   */
  measure(interaction: Interaction, index?: number): readonly SlaMeasurement[];
  /**
   * The instant a breached measurement's clock reached its target (a closing time, when it ran out there).
   * @throws CxMetricsError `INVALID_ARGUMENT` for a value that is not a measurement of this rule's `measure`.
   */
  dueAt(measurement: SlaMeasurement): number;
}

const CALENDAR_CLOCK: Clock = { ms: (a, b) => b - a, add: (a, ms) => a + ms };

function clockFor(target: CheckedTarget, index: CalendarIndex | undefined): Clock {
  if (target.clock === "calendar") return CALENDAR_CLOCK;
  const calendar = index!;
  return { ms: (a, b) => calendar.between(a, b), add: (a, ms) => calendar.add(a, ms) };
}

/** No next-response waits, no pauses: shared, never changed. */
const NO_WAITS: readonly [number, number | null][] = [];
const UNPAUSED: readonly [number, number][] = [];

/** Pause intervals [from, to) from status changes; `to` is Infinity while still paused. */
function pauses(interaction: ReadInteraction, statuses: readonly string[]): readonly [number, number][] {
  if (statuses.length === 0 || interaction.statusChanges.length === 0) return UNPAUSED;
  const changes = interaction.statusChanges
    .map((change) => ({ at: change.at, paused: statuses.includes(change.status) }))
    .sort((a, b) => a.at - b.at);
  const out: [number, number][] = [];
  let since: number | null = null;
  for (const change of changes) {
    if (change.paused && since === null) since = change.at;
    else if (!change.paused && since !== null) {
      out.push([since, change.at]);
      since = null;
    }
  }
  if (since !== null) out.push([since, Number.POSITIVE_INFINITY]);
  return out;
}

/** Active (unpaused) milliseconds of [a, b) on a clock. */
function activeMs(clock: Clock, a: number, b: number, paused: readonly (readonly [number, number])[]): number {
  let total = clock.ms(a, b);
  for (const [from, to] of paused) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) total -= clock.ms(s, e);
  }
  return total;
}

/** The instant at which `target` active ms have passed since a, skipping pauses; Infinity if paused for good first. */
function dueInstant(clock: Clock, a: number, target: number, paused: readonly (readonly [number, number])[]): number {
  let remaining = target;
  let cursor = a;
  const ahead = paused.filter(([, to]) => to > a).sort((x, y) => x[0] - y[0]);
  for (const [from, to] of ahead) {
    const segmentEnd = Math.max(cursor, from);
    if (segmentEnd > cursor) {
      const available = clock.ms(cursor, segmentEnd);
      if (available >= remaining) return clock.add(cursor, remaining);
      remaining -= available;
    }
    if (to === Number.POSITIVE_INFINITY) return remaining === 0 ? segmentEnd : Number.POSITIVE_INFINITY;
    cursor = Math.max(cursor, to);
  }
  return clock.add(cursor, remaining);
}

/**
 * The waits for a next response: each customer message after an agent reply, to the next agent reply (null while open).
 */
function nextResponseWaits(interaction: ReadInteraction): [number, number | null][] {
  const messages = [...interaction.messages].sort((a, b) => a.at - b.at);
  const waits: [number, number | null][] = [];
  let replied = false;
  let waitingSince: number | null = null;
  for (const message of messages) {
    if (message.from === "agent") {
      if (waitingSince !== null) waits.push([waitingSince, message.at]);
      waitingSince = null;
      replied = true;
    } else if (replied && waitingSince === null) waitingSince = message.at;
  }
  if (waitingSince !== null) waits.push([waitingSince, null]);
  return waits;
}

/** The position of the first target of a metric whose filters match; -1 when none does. */
function pick(targets: readonly SlaRuleTarget[], positions: readonly number[], interaction: ReadInteraction): number {
  for (const k of positions) if (matchesTarget(targets[k]!, interaction)) return k;
  return -1;
}

/**
 * Compiles an SLA policy once with its calendar and `asOf`: the rule {@link sla}, the accumulator,
 * the report and the check measure interactions with. Semantics as documented on {@link sla}.
 *
 * @throws CxMetricsError `INVALID_POLICY` (no targets, negative minutes, unknown metric or clock, a
 *   business target without a calendar, a filter that is not text); `INVALID_DATE` for `asOf`.
 * @example
 * ```ts
 * const rule = slaRule({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
 * rule.measure({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:40:00Z" })[0]!.outcome; //=> "met"
 * ```
 */
export function slaRule(policy: SlaPolicy, options: SlaRuleOptions = {}, fn = "slaRule"): SlaRule {
  assertOptions(fn, options);
  const index = options.calendar === undefined ? undefined : calendarIndex(fn, options.calendar);
  const checked = checkPolicy(fn, policy, index !== undefined);
  const asOf = options.asOf === undefined ? null : instantMs(fn, "asOf", options.asOf);
  const pauseStatuses = policy.pauseStatuses ?? [];
  const targets: SlaRuleTarget[] = checked.map((target) => ({ ...target, targetMs: target.minutes * MINUTE_MS }));
  const clocks = checked.map((target) => clockFor(target, index));
  const positions = (metric: SlaMetric): number[] =>
    targets.flatMap((target, k) => (target.metric === metric ? [k] : []));
  const firstResponse = positions("first-response");
  const nextResponse = positions("next-response");
  const resolution = positions("resolution");
  const reader = fn === "slaRule" ? "sla" : fn;

  const measureOne = (
    k: number,
    metric: SlaMetric,
    start: number,
    end: number | null,
    paused: readonly (readonly [number, number])[],
  ): SlaMeasurement => {
    const elapsedMs = activeMs(clocks[k]!, start, end ?? Math.max(asOf!, start), paused);
    const outcome = elapsedMs > targets[k]!.targetMs ? "breached" : end === null ? "pending" : "met";
    return { target: k, metric, outcome, start, end, elapsedMs, paused };
  };

  return {
    kind: "sla-rule",
    targets,
    asOf,
    measure(raw, i = 0) {
      const interaction = readInteraction(reader, raw, i);
      const first = pick(targets, firstResponse, interaction);
      const next =
        nextResponse.length === 0 || interaction.messages.length === 0 ? -1 : pick(targets, nextResponse, interaction);
      const resolve = pick(targets, resolution, interaction);
      const waits = next < 0 ? NO_WAITS : nextResponseWaits(interaction);
      // Checked before anything is measured: an open measurement needs asOf.
      if (asOf === null) {
        const open =
          first >= 0 && interaction.firstResponseAt === null
            ? "first-response"
            : resolve >= 0 && interaction.resolvedAt === null
              ? "resolution"
              : waits.some(([, end]) => end === null)
                ? "next-response"
                : undefined;
        if (open !== undefined) {
          const id = interaction.id ?? String(i);
          throw new CxMetricsError(
            reader,
            "INVALID_ARGUMENT",
            `asOf is missing: interaction ${id} (index ${i}) is still open for ${open}; pass { asOf }`,
            { index: i, field: "asOf" },
          );
        }
      }
      const out: SlaMeasurement[] = [];
      if (first >= 0)
        out.push(measureOne(first, "first-response", interaction.createdAt, interaction.firstResponseAt, UNPAUSED));
      for (const [start, end] of waits) out.push(measureOne(next, "next-response", start, end, UNPAUSED));
      if (resolve >= 0)
        out.push(
          measureOne(
            resolve,
            "resolution",
            interaction.createdAt,
            interaction.resolvedAt,
            pauses(interaction, pauseStatuses),
          ),
        );
      return out;
    },
    dueAt: (m) => {
      // A value that is not one of this rule's measurements was a TypeError ("reading 'targetMs'").
      const ok =
        typeof m === "object" &&
        m !== null &&
        Number.isInteger(m.target) &&
        clocks[m.target] !== undefined &&
        Number.isFinite(m.start) &&
        Array.isArray(m.paused);
      if (!ok)
        throw invalid("SlaRule.dueAt", "INVALID_ARGUMENT", "measurement", m, "a measurement of this rule's measure()");
      return dueInstant(clocks[m.target]!, m.start, targets[m.target]!.targetMs, m.paused);
    },
  };
}
