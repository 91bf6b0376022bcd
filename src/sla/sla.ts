import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, visitRows, type BatchCounts, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import { calendarIndex, type BusinessCalendar } from "../time/calendar.js";
import type { CalendarIndex } from "../time/calendar-index.js";
import { instantMs, type Instant } from "../time/instant.js";
import type { Interaction } from "../time/interaction.js";
import { readInteraction, type ReadInteraction } from "../time/read-interaction.js";
import { checkPolicy, targetFor, type CheckedTarget, type SlaClock, type SlaMetric, type SlaPolicy } from "./policy.js";

const MINUTE_MS = 60_000;

/** Options of {@link sla}. */
export interface SlaOptions extends BatchOptions {
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
  /** When the target's clock reached the target (a closing time, when it ran out there), ISO-8601 UTC. */
  readonly dueAt: string;
  /** When the reply or resolution came, or null while it has not. */
  readonly completedAt: string | null;
  /** How far past the target, in minutes of the target's clock (paused time excluded), always > 0; up to `asOf` while open. */
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
  /** Interactions read, used and left out (`total = used + skipped + excluded`; none is skipped: open ones are pending). */
  readonly rows: BatchCounts;
  /** The interactions left out under `invalid: "exclude"`, each with index, id, field, value and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

interface Clock {
  /** Elapsed milliseconds of [a, b) on the clock. */
  ms(a: number, b: number): number;
  /** The instant `ms` milliseconds of the clock after a. */
  add(a: number, ms: number): number;
}

const CALENDAR_CLOCK: Clock = { ms: (a, b) => b - a, add: (a, ms) => a + ms };

function clockFor(kind: SlaClock, index: CalendarIndex | undefined): Clock {
  if (kind === "calendar") return CALENDAR_CLOCK;
  const calendar = index!;
  return { ms: (a, b) => calendar.between(a, b), add: (a, ms) => calendar.add(a, ms) };
}

/** Pause intervals [from, to) from status changes; `to` is Infinity while still paused. */
function pauses(interaction: ReadInteraction, statuses: readonly string[]): [number, number][] {
  if (statuses.length === 0 || interaction.statusChanges.length === 0) return [];
  const changes = interaction.statusChanges.map((change) => ({ at: change.at, paused: statuses.includes(change.status) })).sort((a, b) => a.at - b.at);
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
function activeMs(clock: Clock, a: number, b: number, paused: readonly [number, number][]): number {
  let total = clock.ms(a, b);
  for (const [from, to] of paused) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) total -= clock.ms(s, e);
  }
  return total;
}

/** The instant at which `target` active ms have passed since a, skipping pauses; Infinity if paused for good first. */
function dueInstant(clock: Clock, a: number, target: number, paused: readonly [number, number][]): number {
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

/** One measurement: the clock from start to end (null while open). */
interface Measurement {
  readonly metric: SlaMetric;
  readonly start: number;
  readonly end: number | null;
  readonly paused: readonly [number, number][];
}

/** The measurements of an interaction, in order: first response, each next response, resolution. */
function measurements(interaction: ReadInteraction, pauseStatuses: readonly string[]): Measurement[] {
  const out: Measurement[] = [{ metric: "first-response", start: interaction.createdAt, end: interaction.firstResponseAt, paused: [] }];
  const messages = [...interaction.messages].sort((a, b) => a.at - b.at);
  let replied = false;
  let waitingSince: number | null = null;
  for (const message of messages) {
    if (message.from === "agent") {
      if (waitingSince !== null) out.push({ metric: "next-response", start: waitingSince, end: message.at, paused: [] });
      waitingSince = null;
      replied = true;
    } else if (replied && waitingSince === null) waitingSince = message.at;
  }
  if (waitingSince !== null) out.push({ metric: "next-response", start: waitingSince, end: null, paused: [] });
  out.push({ metric: "resolution", start: interaction.createdAt, end: interaction.resolvedAt, paused: pauses(interaction, pauseStatuses) });
  return out;
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
 * A measurement is **met** when its elapsed time on the target's clock (pauses left out) is at most
 * the target: a reply at 17:30 to a target used up exactly at the 17:00 closing time is met, because
 * the business clock stopped at 17:00 (as dbt_zendesk and every business clock that pauses at
 * closing count it). It is **breached** when the elapsed time exceeds the target, completed or still
 * open at `asOf`, and **pending** when open and not past the target. SLA % = met / (met + breached)
 * × 100, the UA-agency formula over the decided requests; pending ones are reported apart. Each
 * breach lists its due instant (when the clock reached the target) and its overrun in minutes.
 *
 * Filters match text: a number in a filter or a field is read as its decimal text (`priority: 1`
 * matches `"1"`). Every field of a row is checked before it is counted (see the `invalid` option).
 *
 * @throws CxMetricsError `INVALID_POLICY` (no targets, negative minutes, unknown metric or clock, a
 *   business target without a calendar, a filter that is not text); for a bad row, naming its index
 *   and field (unless `invalid: "exclude"`): `INVALID_DATE`, `DATE_OUT_OF_RANGE`, `END_BEFORE_START`
 *   (a reply or resolution before the creation), `INVALID_ARGUMENT` (not an object; `resolutions`,
 *   `messages` or `statusChanges` not an array; a message `from` other than `"customer"` or
 *   `"agent"`); `INVALID_ARGUMENT` (an open item without `asOf`); `EMPTY_INPUT` (no interaction
 *   matched any target).
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
  const policyOnBad = rowPolicy(fn, options);
  const index = options.calendar === undefined ? undefined : calendarIndex(fn, options.calendar);
  const targets = checkPolicy(fn, policy, index !== undefined);
  const asOf = options.asOf === undefined ? undefined : instantMs(fn, "asOf", options.asOf);
  const pauseStatuses = policy.pauseStatuses ?? [];
  const clocks = new Map<CheckedTarget, Clock>(targets.map((t) => [t, clockFor(t.clock, index)]));
  const tallies = new Map<CheckedTarget, { met: number; breached: number; pending: number }>(targets.map((t) => [t, { met: 0, breached: 0, pending: 0 }]));
  const breaches: SlaBreach[] = [];
  let usedAsOf = false;

  const rows = recordList(fn, "interactions", interactions);
  const { counts, exclusions } = visitRows(policyOnBad, rows, (row) => (row as { id?: unknown }).id, (raw, i) => {
    const interaction = readInteraction(fn, raw, i);
    const id = interaction.id ?? String(i);
    const applied = measurements(interaction, pauseStatuses).flatMap((measurement) => {
      const target = targetFor(targets, measurement.metric, interaction);
      return target === undefined ? [] : [{ measurement, target }];
    });
    // Checked before anything is counted: an open measurement needs asOf.
    for (const { measurement } of applied) {
      if (measurement.end === null && asOf === undefined) {
        throw new CxMetricsError(fn, "INVALID_ARGUMENT", `asOf is missing: interaction ${id} (index ${i}) is still open for ${measurement.metric}; pass { asOf }`, {
          index: i,
          field: "asOf",
        });
      }
    }
    for (const { measurement, target } of applied) {
      const { metric, start, end, paused } = measurement;
      const clock = clocks.get(target)!;
      const tally = tallies.get(target)!;
      const targetMs = target.minutes * MINUTE_MS;
      const stop = end ?? Math.max(asOf!, start);
      if (end === null) usedAsOf = true;
      const elapsed = activeMs(clock, start, stop, paused);
      if (elapsed <= targetMs) {
        if (end !== null) tally.met++;
        else tally.pending++;
        continue;
      }
      tally.breached++;
      breaches.push({
        interactionId: id,
        metric,
        target: target.name,
        startedAt: new Date(start).toISOString(),
        dueAt: new Date(dueInstant(clock, start, targetMs, paused)).toISOString(),
        completedAt: end === null ? null : new Date(end).toISOString(),
        overrunMinutes: (elapsed - targetMs) / MINUTE_MS,
      });
    }
  });

  const byTarget = targets.map((target) => ({ name: target.name, metric: target.metric, clock: target.clock, minutes: target.minutes, ...summarise(tallies.get(target)!) }));
  const overall = summarise({
    met: byTarget.reduce((sum, t) => sum + t.met, 0),
    breached: byTarget.reduce((sum, t) => sum + t.breached, 0),
    pending: byTarget.reduce((sum, t) => sum + t.pending, 0),
  });
  if (overall.total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no interaction matched any target of the policy");
  return {
    ...overall,
    byTarget,
    breaches,
    asOf: usedAsOf && asOf !== undefined ? new Date(asOf).toISOString() : null,
    rows: counts,
    exclusions,
  };
}

function summarise(tally: { met: number; breached: number; pending: number }): SlaTally {
  const decided = tally.met + tally.breached;
  return { ...tally, total: decided + tally.pending, percent: decided === 0 ? null : (100 * tally.met) / decided };
}
