// sla: SLA achievement over many interactions (met, breached, pending per target, breach list), with pausing statuses and the batch policy for bad rows.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, visitRows, type BatchCounts, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import { calendarIndex, type BusinessCalendar } from "../time/calendar.js";
import type { CalendarIndex } from "../time/calendar-index.js";
import { instantMs, type Instant } from "../time/instant.js";
import type { Interaction } from "../time/interaction.js";
import { readInteraction, type ReadInteraction } from "../time/read-interaction.js";
import { checkPolicy, matchesTarget, type CheckedTarget, type SlaClock, type SlaMetric, type SlaPolicy } from "./policy.js";

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
  /**
   * Every breach, in input order. Built when first read (then kept): the figures do not wait for
   * thousands of breaches to be formatted. A plain enumerable property for JSON and spreading.
   */
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

/** No next-response waits: shared, never changed. */
const NO_WAITS: readonly [number, number | null][] = [];

/** No pauses: shared, never changed. */
const UNPAUSED: readonly [number, number][] = [];

/** Pause intervals [from, to) from status changes; `to` is Infinity while still paused. */
function pauses(interaction: ReadInteraction, statuses: readonly string[]): readonly [number, number][] {
  if (statuses.length === 0 || interaction.statusChanges.length === 0) return UNPAUSED;
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

/** A target with its clock and its running tally. */
interface TargetState {
  readonly target: CheckedTarget;
  readonly clock: Clock;
  readonly targetMs: number;
  met: number;
  breached: number;
  pending: number;
}

/** A breach as found: formatted into an {@link SlaBreach} only when the list is read. */
interface Breach {
  readonly id: string;
  readonly metric: SlaMetric;
  readonly state: TargetState;
  readonly start: number;
  readonly end: number | null;
  readonly paused: readonly [number, number][];
  readonly elapsed: number;
}

function breachRecord({ id, metric, state, start, end, paused, elapsed }: Breach): SlaBreach {
  return {
    interactionId: id,
    metric,
    target: state.target.name,
    startedAt: new Date(start).toISOString(),
    dueAt: new Date(dueInstant(state.clock, start, state.targetMs, paused)).toISOString(),
    completedAt: end === null ? null : new Date(end).toISOString(),
    overrunMinutes: (elapsed - state.targetMs) / MINUTE_MS,
  };
}

/** The first target state of a metric whose filters match the interaction. */
function pick(states: readonly TargetState[], interaction: ReadInteraction): TargetState | undefined {
  for (const state of states) if (matchesTarget(state.target, interaction)) return state;
  return undefined;
}

/** The waits for a next response: each customer message after an agent reply, to the next agent reply (null while open). */
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
  const states: TargetState[] = targets.map((target) => ({ target, clock: clockFor(target.clock, index), targetMs: target.minutes * MINUTE_MS, met: 0, breached: 0, pending: 0 }));
  const firstResponse = states.filter((state) => state.target.metric === "first-response");
  const nextResponse = states.filter((state) => state.target.metric === "next-response");
  const resolution = states.filter((state) => state.target.metric === "resolution");
  const found: Breach[] = [];
  let usedAsOf = false;

  /** Counts one measurement from start to end (null: open at asOf) against a target. */
  const count = (state: TargetState, metric: SlaMetric, start: number, end: number | null, paused: readonly [number, number][], id: string): void => {
    const stop = end ?? Math.max(asOf!, start);
    if (end === null) usedAsOf = true;
    const elapsed = activeMs(state.clock, start, stop, paused);
    if (elapsed <= state.targetMs) {
      if (end !== null) state.met++;
      else state.pending++;
      return;
    }
    state.breached++;
    found.push({ id, metric, state, start, end, paused, elapsed });
  };

  let openWithoutAsOf: CxMetricsError | undefined;
  const rows = recordList(fn, "interactions", interactions);
  const { counts, exclusions } = visitRows(policyOnBad, rows, (row) => (row as { id?: unknown }).id, (raw, i) => {
    const interaction = readInteraction(fn, raw, i);
    const id = interaction.id ?? String(i);
    const first = pick(firstResponse, interaction);
    const next = nextResponse.length === 0 || interaction.messages.length === 0 ? undefined : pick(nextResponse, interaction);
    const resolve = pick(resolution, interaction);
    const waits = next === undefined ? NO_WAITS : nextResponseWaits(interaction);
    // Checked before anything is counted: an open measurement needs asOf.
    if (asOf === undefined) {
      const open =
        first !== undefined && interaction.firstResponseAt === null
          ? "first-response"
          : resolve !== undefined && interaction.resolvedAt === null
            ? "resolution"
            : waits.some(([, end]) => end === null)
              ? "next-response"
              : undefined;
      // A call-level mistake, not a bad row: it fails the call whatever the policy (after the loop).
      if (open !== undefined) {
        openWithoutAsOf ??= new CxMetricsError(fn, "INVALID_ARGUMENT", `asOf is missing: interaction ${id} (index ${i}) is still open for ${open}; pass { asOf }`, {
          index: i,
          field: "asOf",
        });
        return;
      }
    }
    if (first !== undefined) count(first, "first-response", interaction.createdAt, interaction.firstResponseAt, UNPAUSED, id);
    if (next !== undefined) for (const [start, end] of waits) count(next, "next-response", start, end, UNPAUSED, id);
    if (resolve !== undefined) count(resolve, "resolution", interaction.createdAt, interaction.resolvedAt, pauses(interaction, pauseStatuses), id);
  });

  if (openWithoutAsOf !== undefined) throw openWithoutAsOf;
  const byTarget = states.map(({ target, met, breached, pending }) => ({
    name: target.name,
    metric: target.metric,
    clock: target.clock,
    minutes: target.minutes,
    ...summarise({ met, breached, pending }),
  }));
  const overall = summarise({
    met: byTarget.reduce((sum, t) => sum + t.met, 0),
    breached: byTarget.reduce((sum, t) => sum + t.breached, 0),
    pending: byTarget.reduce((sum, t) => sum + t.pending, 0),
  });
  if (overall.total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no interaction matched any target of the policy");
  let breaches: SlaBreach[] | undefined;
  return {
    ...overall,
    byTarget,
    // Built on first read: a report that needs only the figures does not format every breach.
    get breaches(): readonly SlaBreach[] {
      breaches ??= found.map(breachRecord);
      return breaches;
    },
    asOf: usedAsOf && asOf !== undefined ? new Date(asOf).toISOString() : null,
    rows: counts,
    exclusions,
  };
}

function summarise(tally: { met: number; breached: number; pending: number }): SlaTally {
  const decided = tally.met + tally.breached;
  return { ...tally, total: decided + tally.pending, percent: decided === 0 ? null : (100 * tally.met) / decided };
}
