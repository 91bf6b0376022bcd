import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import { calendarIndex, type BusinessCalendar } from "../time/calendar.js";
import type { CalendarIndex } from "../time/calendar-index.js";
import { instantMs, type Instant } from "../time/instant.js";
import type { Interaction } from "../time/interaction.js";
import { checkPolicy, targetFor, type CheckedTarget, type SlaClock, type SlaMetric, type SlaPolicy } from "./policy.js";

/** Options of {@link sla}. */
export interface SlaOptions {
  /** The moment the report is made: open items past their due time at `asOf` are breached. Needed when any item is open. */
  readonly asOf?: Instant;
  /** Business calendar for targets on the business clock. */
  readonly calendar?: BusinessCalendar;
}

/** One SLA breach. */
export interface SlaBreach {
  /** The interaction's id, or its index in the input as a string. */
  readonly interactionId: string;
  /** What was measured. */
  readonly metric: SlaMetric;
  /** The target's name. */
  readonly target: string;
  /** When the clock started, ISO-8601 UTC. */
  readonly startedAt: string;
  /** When it was due, ISO-8601 UTC. */
  readonly dueAt: string;
  /** When the reply or resolution came, or null while it has not. */
  readonly completedAt: string | null;
  /** How far past the target, in minutes of the target's clock (paused time excluded); up to `asOf` while open. */
  readonly overrunMinutes: number;
}

/** Met, breached and pending counts of a target (or of all of them). */
export interface SlaTally {
  /** Measurements completed within the target. */
  readonly met: number;
  /** Measurements completed late, or open past their due time. */
  readonly breached: number;
  /** Open measurements not yet due: reported apart, not in the percentage. */
  readonly pending: number;
  /** met + breached + pending. */
  readonly total: number;
  /** met / (met + breached) × 100; null while nothing is decided. */
  readonly percent: number | null;
}

/** One target's results. */
export interface SlaTargetResult extends SlaTally {
  /** The target's name. */
  readonly name: string;
  /** What it measures. */
  readonly metric: SlaMetric;
  /** Its clock. */
  readonly clock: SlaClock;
  /** Its minutes. */
  readonly minutes: number;
}

/** SLA achievement over a set of interactions. */
export interface SlaResult extends SlaTally {
  /** Per target, in policy order. */
  readonly byTarget: readonly SlaTargetResult[];
  /** Every breach, in input order. */
  readonly breaches: readonly SlaBreach[];
  /** The `asOf` used, ISO-8601 UTC, or null when none was needed. */
  readonly asOf: string | null;
}

interface Clock {
  minutes(a: number, b: number): number;
  add(a: number, minutes: number): number;
}

function clockFor(kind: SlaClock, index: CalendarIndex | undefined): Clock {
  if (kind === "calendar") return { minutes: (a, b) => (b - a) / 60_000, add: (a, m) => a + m * 60_000 };
  const calendar = index!;
  return { minutes: (a, b) => calendar.between(a, b) / 60_000, add: (a, m) => calendar.add(a, m * 60_000) };
}

/** Pause intervals [from, to) from status changes; `to` is Infinity while still paused. */
function pauses(fn: string, interaction: Interaction, index: number, statuses: readonly string[]): [number, number][] {
  if (statuses.length === 0 || interaction.statusChanges === undefined) return [];
  const changes = interaction.statusChanges
    .map((change, i) => ({ at: instantMs(fn, `statusChanges[${i}].at of interaction ${index}`, change.at), paused: statuses.includes(change.status) }))
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

/** Active (unpaused) time of [a, b) on a clock. */
function activeMinutes(clock: Clock, a: number, b: number, paused: readonly [number, number][]): number {
  let total = clock.minutes(a, b);
  for (const [from, to] of paused) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) total -= clock.minutes(s, e);
  }
  return total;
}

/** The instant at which `target` active minutes have passed since a, skipping pauses; Infinity if paused for good first. */
function dueInstant(clock: Clock, a: number, target: number, paused: readonly [number, number][]): number {
  let remaining = target;
  let cursor = a;
  const ahead = paused.filter(([, to]) => to > a).sort((x, y) => x[0] - y[0]);
  for (const [from, to] of ahead) {
    const segmentEnd = Math.max(cursor, from);
    if (segmentEnd > cursor) {
      const available = clock.minutes(cursor, segmentEnd);
      if (available >= remaining) return clock.add(cursor, remaining);
      remaining -= available;
    }
    if (to === Number.POSITIVE_INFINITY) return remaining === 0 ? segmentEnd : Number.POSITIVE_INFINITY;
    cursor = Math.max(cursor, to);
  }
  return clock.add(cursor, remaining);
}

/**
 * SLA achievement over interactions: for each interaction and metric, the first target of the
 * policy that matches it (by priority, type, channel) is applied.
 *
 * - **first-response**: creation → first agent reply.
 * - **next-response**: each customer message that follows an agent reply → the next agent reply
 *   (from `messages`); each wait is a measurement.
 * - **resolution**: creation → resolution (`resolvedAt`, else the last of `resolutions`), with the
 *   clock paused while the status is one of `pauseStatuses`.
 *
 * A measurement is **met** when completed within its target, **breached** when completed late or
 * still open at `asOf` past its due time, and **pending** when open and not yet due. SLA % = met /
 * (met + breached) × 100, the UA-agency formula over the decided requests; pending ones are reported
 * apart. Every breach lists its due instant and its overrun in minutes of the target's clock.
 *
 * @throws CxMetricsError `INVALID_POLICY` (no targets, negative minutes, unknown metric or clock, a
 *   business target without a calendar); `INVALID_DATE`; `END_BEFORE_START` (a reply or resolution
 *   before the creation); `INVALID_ARGUMENT` (an open item without `asOf`); `EMPTY_INPUT` (no
 *   interaction matched any target).
 * @example
 * ```ts
 * const tickets = [
 *   { id: "t1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:40:00Z" },
 *   { id: "t2", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" },
 * ];
 * sla(tickets, { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] }).percent; //=> 50
 * ```
 */
export function sla(interactions: Iterable<Interaction> | ArrayLike<Interaction>, policy: SlaPolicy, options: SlaOptions = {}): SlaResult {
  const fn = "sla";
  assertOptions(fn, options);
  const index = options.calendar === undefined ? undefined : calendarIndex(fn, options.calendar);
  const targets = checkPolicy(fn, policy, index !== undefined);
  const asOf = options.asOf === undefined ? undefined : instantMs(fn, "asOf", options.asOf);
  const pauseStatuses = policy.pauseStatuses ?? [];
  const tallies = new Map<CheckedTarget, { met: number; breached: number; pending: number }>(targets.map((t) => [t, { met: 0, breached: 0, pending: 0 }]));
  const breaches: SlaBreach[] = [];
  let usedAsOf = false;

  recordList(fn, "interactions", interactions).forEach((interaction, i) => {
    if (typeof interaction !== "object" || interaction === null) throw invalid(fn, "INVALID_ARGUMENT", `interaction at index ${i}`, interaction, "an object { createdAt, ... }", i);
    const id = interaction.id ?? String(i);
    const created = instantMs(fn, `createdAt of interaction ${i}`, interaction.createdAt);
    const measure = (metric: SlaMetric, start: number, end: number | null, paused: readonly [number, number][]): void => {
      const target = targetFor(targets, metric, interaction);
      if (target === undefined) return;
      if (end !== null && end < start) {
        throw new CxMetricsError(fn, "END_BEFORE_START", `interaction ${id}: the ${metric} ends before it starts`, { index: i, value: interaction });
      }
      const clock = clockFor(target.clock, index);
      const tally = tallies.get(target)!;
      const due = dueInstant(clock, start, target.minutes, paused);
      let stop: number;
      if (end !== null) stop = end;
      else {
        if (asOf === undefined) throw invalid(fn, "INVALID_ARGUMENT", "asOf", undefined, `an instant: interaction ${id} is still open for ${metric}`, i);
        usedAsOf = true;
        stop = Math.max(asOf, start);
      }
      const late = end !== null ? end > due : stop >= due;
      if (!late) {
        if (end !== null) tally.met++;
        else tally.pending++;
        return;
      }
      tally.breached++;
      breaches.push({
        interactionId: id,
        metric,
        target: target.name,
        startedAt: new Date(start).toISOString(),
        dueAt: new Date(due).toISOString(),
        completedAt: end === null ? null : new Date(end).toISOString(),
        overrunMinutes: activeMinutes(clock, start, stop, paused) - target.minutes,
      });
    };

    const firstReply = interaction.firstResponseAt ?? null;
    measure("first-response", created, firstReply === null ? null : instantMs(fn, `firstResponseAt of interaction ${i}`, firstReply), []);

    const messages = (interaction.messages ?? [])
      .map((message, m) => ({ at: instantMs(fn, `messages[${m}].at of interaction ${i}`, message.at), from: message.from }))
      .sort((a, b) => a.at - b.at);
    let replied = false;
    let waitingSince: number | null = null;
    for (const message of messages) {
      if (message.from === "agent") {
        if (waitingSince !== null) measure("next-response", waitingSince, message.at, []);
        waitingSince = null;
        replied = true;
      } else if (replied && waitingSince === null) waitingSince = message.at;
    }
    if (waitingSince !== null) measure("next-response", waitingSince, null, []);

    const resolutions = interaction.resolutions ?? [];
    const resolved = interaction.resolvedAt === undefined ? (resolutions[resolutions.length - 1] ?? null) : interaction.resolvedAt;
    measure("resolution", created, resolved === null ? null : instantMs(fn, `resolvedAt of interaction ${i}`, resolved), pauses(fn, interaction, i, pauseStatuses));
  });

  const byTarget = targets.map((target) => ({ name: target.name, metric: target.metric, clock: target.clock, minutes: target.minutes, ...summarise(tallies.get(target)!) }));
  const overall = summarise({
    met: byTarget.reduce((sum, t) => sum + t.met, 0),
    breached: byTarget.reduce((sum, t) => sum + t.breached, 0),
    pending: byTarget.reduce((sum, t) => sum + t.pending, 0),
  });
  if (overall.total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no interaction matched any target of the policy");
  return { ...overall, byTarget, breaches, asOf: usedAsOf && asOf !== undefined ? new Date(asOf).toISOString() : null };
}

function summarise(tally: { met: number; breached: number; pending: number }): SlaTally {
  const decided = tally.met + tally.breached;
  return { ...tally, total: decided + tally.pending, percent: decided === 0 ? null : (100 * tally.met) / decided };
}
