// The SLA over ticket events, written once: a policy compiled with its calendar and asOf, applied to one ticket's
// history at a time with a helpdesk's semantics (reply clocks that start at creation, next replies fulfilled by a
// reply or a solve, periodic and pausable updates, targets chosen by the priority in force when the policy was applied,
// breach instants to the millisecond). ticketSla is a loop over it; each measurement names the event that ended it.
import type { BatchCounts, BatchOptions, ExcludedRow } from "../errors/batch.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy } from "../internal/batch.js";
import { describe, invalid } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import { type BusinessCalendar, type ScheduleChoice, scheduleClock } from "../time/calendar.js";
import type { CalendarIndex } from "../time/calendar-index.js";
import { type Instant, instantMs, isoUtc } from "../time/instant.js";
import {
  compareEvents,
  groupTicketEvents,
  orderTicket,
  type ReadTicketEvent,
  readTicketEvent,
  type TicketEvent,
  type TicketEventType,
  type TicketProblem,
  type TicketStatus,
} from "../time/ticket-events.js";
import { targetTallies } from "./accumulator.js";
import { type CheckedTarget, checkPolicy, matchesTarget, type SlaClock } from "./policy.js";
import type { SlaTally } from "./results.js";

const MINUTE_MS = 60_000;

/**
 * What a target over ticket events measures (Zendesk's SLA metrics, and the resolution of the interaction SLA):
 * - `"first-response"`: creation → the first public agent comment (first reply time);
 * - `"next-response"`: each wait of a requester after the first reply → the next public agent comment;
 * - `"periodic-update"`: each public agent comment → the next one (never paused);
 * - `"pausable-update"`: the same, paused in pending (and the policy's `pauseStatuses`);
 * - `"requester-wait"`: time in new, open and on-hold until solved;
 * - `"agent-work"`: time in new and open until solved;
 * - `"resolution"`: time in every unsolved status but the policy's `pauseStatuses`, until solved.
 */
export type TicketSlaMetric =
  | "first-response"
  | "next-response"
  | "periodic-update"
  | "pausable-update"
  | "requester-wait"
  | "agent-work"
  | "resolution";

const METRICS: readonly TicketSlaMetric[] = [
  "first-response",
  "next-response",
  "periodic-update",
  "pausable-update",
  "requester-wait",
  "agent-work",
  "resolution",
];

/** One target of a policy over ticket events. */
export interface TicketSlaTarget {
  /** Name shown in results; default `"<metric> <minutes> min (<clock>)"`. */
  readonly name?: string;
  /** What is measured. */
  readonly metric: TicketSlaMetric;
  /** The target, in minutes of `clock`, ≥ 0. */
  readonly minutes: number;
  /** `"business"` (working minutes; needs a calendar) or `"calendar"` (elapsed minutes). */
  readonly clock: SlaClock;
  /** Applies only to these priorities (as in force when the policy was applied); leave out for any. */
  readonly priority?: string | number | readonly (string | number)[];
}

/** An SLA policy over ticket events: per metric, the first target whose priority matches applies. */
export interface TicketSlaPolicy {
  /** The policy's name, matched against `policy` events when `appliedAt: "events"`. */
  readonly name?: string;
  /** The targets, most specific first. */
  readonly targets: readonly TicketSlaTarget[];
  /**
   * Statuses that pause the `"resolution"` and `"pausable-update"` clocks (and every clock with `pauseReplies`); the
   * ticket's own statuses (pending, hold, ...).
   */
  readonly pauseStatuses?: readonly TicketStatus[];
}

/** Options of {@link ticketSlaRule}. */
export interface TicketSlaRuleOptions {
  /** Business calendar for targets on the business clock. */
  readonly calendar?: BusinessCalendar | undefined;
  /** With a schedule history, which schedule counts (see `ticketMetrics`); default `"in-force"`. */
  readonly schedule?: ScheduleChoice | undefined;
  /** The moment the report is made: later events are left out; open clocks run to it. Needed when any is open. */
  readonly asOf?: Instant | undefined;
  /**
   * When the policy applies: `"creation"` (default: at the ticket's creation, with its priority then) or `"events"`
   * (at the ticket's `policy` events that name it, or any policy event when the policy has no name; a `policy` event
   * naming another policy or null removes it). The clocks start at their own start either way (a first reply clock at
   * creation, even when the policy is applied later).
   */
  readonly appliedAt?: "creation" | "events" | undefined;
  /** Whether a solve fulfils the running reply and update clocks (default true, as in Zendesk). */
  readonly solveFulfils?: boolean | undefined;
  /**
   * Whether `pauseStatuses` pause the reply clocks too (default false: Zendesk's reply targets never pause; Freshdesk's
   * per-status "SLA timer" switch stops every clock: true).
   */
  readonly pauseReplies?: boolean | undefined;
}

/** Options of {@link ticketSla}. */
export interface TicketSlaOptions extends TicketSlaRuleOptions, BatchOptions {}

/** The event that ended a measurement: its position in the input, its kind and its instant. */
export interface FulfillingEvent {
  /** Position of the event in the input. */
  readonly index: number;
  /** Its kind (`"comment"` for a reply, `"status"` for a solve). */
  readonly type: TicketEventType;
  /** Its instant, ISO-8601 UTC. */
  readonly at: string;
}

/** One measurement of a ticket against a target. */
export interface TicketSlaMeasurement {
  /** The ticket. */
  readonly ticketId: string;
  /** The target's position in the policy. */
  readonly target: number;
  /** The target's name. */
  readonly name: string;
  /** What was measured. */
  readonly metric: TicketSlaMetric;
  /** The instance of the metric on the ticket, from 1 (the first next reply is instance 1 of `"next-response"`). */
  readonly instance: number;
  /** `"met"`, `"breached"` or `"pending"`. */
  readonly outcome: "met" | "breached" | "pending";
  /** When the clock started, ISO-8601 UTC. */
  readonly startedAt: string;
  /**
   * When the clock reached the target: the breach instant of a breached measurement; for a pending one, when it will if
   * the ticket stays as it is (null while its clock is paused); null for a met one. ISO-8601 UTC.
   */
  readonly dueAt: string | null;
  /** The event that fulfilled it (a reply, a solve), or null while it runs. */
  readonly fulfilledBy: FulfillingEvent | null;
  /** Minutes on the target's clock, pauses left out (to `asOf` while open). */
  readonly elapsedMinutes: number;
  /** The target in minutes. */
  readonly targetMinutes: number;
}

/** One breach: a measurement whose clock passed its target. */
export interface TicketSlaBreach {
  /** The ticket. */
  readonly ticketId: string;
  /** What was measured. */
  readonly metric: TicketSlaMetric;
  /** The metric's instance on the ticket. */
  readonly instance: number;
  /** The target's name. */
  readonly target: string;
  /** When the clock started, ISO-8601 UTC. */
  readonly startedAt: string;
  /** The breach instant: when the clock reached the target, ISO-8601 UTC. */
  readonly dueAt: string;
  /** When it was fulfilled, or null while it runs. */
  readonly completedAt: string | null;
  /** The event that fulfilled it late, or null while it runs. */
  readonly fulfilledBy: FulfillingEvent | null;
  /** How far past the target, in minutes of its clock (pauses left out), > 0; up to `asOf` while open. */
  readonly overrunMinutes: number;
}

/** One target's results. */
export interface TicketSlaTargetResult extends SlaTally {
  /** The target's name. */
  readonly name: string;
  /** What it measures. */
  readonly metric: TicketSlaMetric;
  /** Its clock. */
  readonly clock: SlaClock;
  /** Its minutes. */
  readonly minutes: number;
}

/** SLA achievement over tickets' events: today's shape (met, breached, pending, breaches) and every measurement. */
export interface TicketSlaResult extends SlaTally {
  /** Per target, in policy order. */
  readonly byTarget: readonly TicketSlaTargetResult[];
  /** Every breach, by ticket (in creation order) and start. */
  readonly breaches: readonly TicketSlaBreach[];
  /** Every measurement, by ticket and start, each with the event that fulfilled it. */
  readonly measurements: readonly TicketSlaMeasurement[];
  /** The `asOf` used, ISO-8601 UTC, or null when none was given. */
  readonly asOf: string | null;
  /** Events read, used, skipped (after `asOf`) and left out. */
  readonly rows: BatchCounts;
  /** The events left out under `invalid: "exclude"`. */
  readonly exclusions: readonly ExcludedRow[];
}

/** A target of a compiled policy over ticket events. */
export interface TicketSlaRuleTarget extends Omit<CheckedTarget, "metric"> {
  /** What it measures. */
  readonly metric: TicketSlaMetric;
}

/** A policy over ticket events compiled once; made by {@link ticketSlaRule}. */
export interface TicketSlaRule {
  /** Marks a compiled policy. */
  readonly kind: "ticket-sla-rule";
  /** The targets in policy order. */
  readonly targets: readonly TicketSlaRuleTarget[];
  /** `asOf` in epoch milliseconds, or null. */
  readonly asOf: number | null;
  /**
   * One ticket's measurements from its events in any order (empty when no target applies or it was created after
   * `asOf`).
   * @throws CxMetricsError for a bad event; `INVALID_ARGUMENT` (field `asOf`) for an open clock without `asOf`.
   */
  measure(events: readonly TicketEvent[]): readonly TicketSlaMeasurement[];
}

/** A running clock: the spans [from, to) in which it counts. */
type Spans = [number, number][];

interface Compiled {
  readonly fn: string;
  readonly targets: readonly TicketSlaRuleTarget[];
  readonly clocks: readonly ((recordedAt: number) => Clock)[];
  readonly asOf: number | null;
  readonly appliedAt: "creation" | "events";
  readonly policyName: string | undefined;
  readonly pauseStatuses: readonly TicketStatus[];
  readonly solveFulfils: boolean;
  readonly pauseReplies: boolean;
}

interface Clock {
  ms(a: number, b: number): number;
  add(a: number, ms: number): number;
}

const CALENDAR_CLOCK: Clock = { ms: (a, b) => b - a, add: (a, ms) => a + ms };
const businessClock = (index: CalendarIndex): Clock => ({
  ms: (a, b) => index.between(a, b),
  add: (a, ms) => index.add(a, ms),
});

const UNSOLVED: readonly TicketStatus[] = ["new", "open", "pending", "hold"];
const RUNS: Readonly<Record<"requester-wait" | "agent-work", readonly TicketStatus[]>> = {
  "requester-wait": ["new", "open", "hold"],
  "agent-work": ["new", "open"],
};

/** One ticket's history, read once for every metric. */
interface History {
  readonly ticket: string;
  readonly created: number;
  /** Status segments [from, to) (the last to Infinity). */
  readonly segments: { from: number; to: number; status: TicketStatus }[];
  /** Public agent comments (not the opening one). */
  readonly replies: ReadTicketEvent[];
  /** Public agent comments, the opening one included (updates to the requester). */
  readonly updates: ReadTicketEvent[];
  /** Public requester comments (not the opening one). */
  readonly asks: ReadTicketEvent[];
  /** Solves (and closes that skipped the solve). */
  readonly resolutions: ReadTicketEvent[];
  /** The ticket's status at the end. */
  readonly status: TicketStatus;
  /** Priority changes in order. */
  readonly priorities: { at: number; value: string | null }[];
  /** Policy events in order. */
  readonly policies: { at: number; value: string | null }[];
}

function readHistory(events: readonly ReadTicketEvent[], asOf: number | null): History {
  const created = events[0]!.at;
  const segments: History["segments"] = [];
  const replies: ReadTicketEvent[] = [];
  const updates: ReadTicketEvent[] = [];
  const asks: ReadTicketEvent[] = [];
  const resolutions: ReadTicketEvent[] = [];
  const priorities: History["priorities"] = [];
  const policies: History["policies"] = [];
  let status: TicketStatus = "new";
  let since = created;
  let sawComment = false;
  for (let k = 1; k < events.length; k++) {
    const e = events[k]!;
    if (asOf !== null && e.at > asOf) break;
    if (e.type === "status") {
      const next = e.status!;
      if (next === status) continue;
      segments.push({ from: since, to: e.at, status });
      if (next === "solved" || (next === "closed" && status !== "solved")) resolutions.push(e);
      status = next;
      since = e.at;
    } else if (e.type === "comment") {
      const opening = !sawComment && e.at === created;
      sawComment = true;
      if (!e.public) continue;
      if (e.author === "agent") {
        updates.push(e);
        if (!opening) replies.push(e);
      } else if (!opening) asks.push(e);
    } else if (e.type === "priority") priorities.push({ at: e.at, value: e.value });
    else if (e.type === "policy") policies.push({ at: e.at, value: e.value });
  }
  segments.push({ from: since, to: Number.POSITIVE_INFINITY, status });
  return {
    ticket: events[0]!.ticket,
    created,
    segments,
    replies,
    updates,
    asks,
    resolutions,
    status,
    priorities,
    policies,
  };
}

/** The parts of [from, to) in which the ticket's status is one of `running`. */
function runningSpans(history: History, from: number, to: number, running: readonly TicketStatus[]): Spans {
  const out: Spans = [];
  for (const segment of history.segments) {
    if (!running.includes(segment.status)) continue;
    const a = Math.max(from, segment.from);
    const b = Math.min(to, segment.to);
    if (b > a) out.push([a, b]);
  }
  return out;
}

/** Elapsed milliseconds of a clock over spans. */
function elapsed(clock: Clock, spans: Spans): number {
  let sum = 0;
  for (const [a, b] of spans) sum += clock.ms(a, b);
  return sum;
}

/**
 * The instant at which `target` ms of the clock have run over spans that may continue after `runsUntil` (an open
 * clock runs on in its last status after `asOf`: `open` says in which statuses it keeps counting); null when it can
 * never get there (paused for good).
 */
function dueOf(clock: Clock, spans: Spans, target: number, continues: number | null): number | null {
  let remaining = target;
  for (const [a, b] of spans) {
    const available = clock.ms(a, b);
    if (remaining <= available) return remaining === 0 ? a : clock.add(a, remaining);
    remaining -= available;
  }
  return continues === null ? null : clock.add(continues, remaining);
}

function priorityAt(history: History, at: number): string | undefined {
  let value: string | null = null;
  for (const change of history.priorities) {
    if (change.at > at) break;
    value = change.value;
  }
  return value ?? undefined;
}

/** The instant the policy was last applied at or before `at` and not removed since; null when none. */
function appliedAtOrBefore(c: Compiled, history: History, at: number): number | null {
  if (c.appliedAt === "creation") return history.created <= at ? history.created : null;
  let applied: number | null = null;
  for (const event of history.policies) {
    if (event.at > at) break;
    const names = event.value !== null && (c.policyName === undefined || event.value === c.policyName);
    applied = names ? event.at : null;
  }
  return applied;
}

function fulfilling(event: ReadTicketEvent | undefined): FulfillingEvent | null {
  return event === undefined ? null : { index: event.index, type: event.type, at: isoUtc(event.at) };
}

interface Instance {
  readonly metric: TicketSlaMetric;
  readonly instance: number;
  readonly start: number;
  readonly end: ReadTicketEvent | undefined;
  /** Statuses in which the clock runs (reply clocks: every status unless paused). */
  readonly running: readonly TicketStatus[];
}

/** The instances of each metric on one ticket. */
function instancesOf(c: Compiled, history: History, metrics: ReadonlySet<TicketSlaMetric>): Instance[] {
  const out: Instance[] = [];
  const all: readonly TicketStatus[] = ["new", "open", "pending", "hold", "solved", "closed"];
  const replyRunning = c.pauseReplies ? all.filter((s) => !c.pauseStatuses.includes(s)) : all;
  const firstAfter = (
    list: readonly ReadTicketEvent[],
    after: ReadTicketEvent | number,
  ): ReadTicketEvent | undefined => {
    // After an instant: at it or later; after an event: later in the events' one order (compareEvents), never by the
    // input order.
    for (const e of list) if (typeof after === "number" ? e.at >= after : compareEvents(e, after) > 0) return e;
    return undefined;
  };
  const answer = (after: ReadTicketEvent | number, withSolve: boolean): ReadTicketEvent | undefined => {
    const reply = firstAfter(history.replies, after);
    const solve = withSolve ? firstAfter(history.resolutions, after) : undefined;
    if (reply === undefined) return solve;
    if (solve === undefined) return reply;
    return compareEvents(reply, solve) <= 0 ? reply : solve;
  };
  if (metrics.has("first-response")) {
    out.push({
      metric: "first-response",
      instance: 1,
      start: history.created,
      end: answer(history.created, c.solveFulfils),
      running: replyRunning,
    });
  }
  if (metrics.has("next-response") && history.replies.length > 0) {
    let n = 0;
    let cursor: ReadTicketEvent | undefined = history.replies[0];
    while (cursor !== undefined) {
      const ask = firstAfter(history.asks, cursor);
      if (ask === undefined) break;
      const end = answer(ask, c.solveFulfils);
      out.push({ metric: "next-response", instance: ++n, start: ask.at, end, running: replyRunning });
      cursor = end;
    }
  }
  for (const metric of ["periodic-update", "pausable-update"] as const) {
    if (!metrics.has(metric)) continue;
    const running =
      metric === "periodic-update"
        ? replyRunning
        : replyRunning.filter((s) => s !== "pending" && !c.pauseStatuses.includes(s));
    let n = 0;
    let from: ReadTicketEvent | undefined = history.updates[0];
    while (from !== undefined) {
      const next = firstAfter(history.updates, from);
      const solve = c.solveFulfils ? firstAfter(history.resolutions, from) : undefined;
      const end = solve !== undefined && (next === undefined || solve.at < next.at) ? solve : next;
      out.push({ metric, instance: ++n, start: from.at, end, running });
      // After a solve, the next update starts a new instance (nothing is owed while the ticket is solved).
      from = end === solve && end !== undefined ? firstAfter(history.updates, end) : next;
    }
  }
  for (const metric of ["requester-wait", "agent-work", "resolution"] as const) {
    if (!metrics.has(metric)) continue;
    const running = metric === "resolution" ? UNSOLVED.filter((s) => !c.pauseStatuses.includes(s)) : RUNS[metric];
    const solved = history.status === "solved" || history.status === "closed";
    out.push({
      metric,
      instance: 1,
      start: history.created,
      end: solved ? history.resolutions[history.resolutions.length - 1] : undefined,
      running,
    });
  }
  return out;
}

function measureHistory(c: Compiled, history: History): TicketSlaMeasurement[] {
  const metrics = new Set(c.targets.map((t) => t.metric));
  const out: TicketSlaMeasurement[] = [];
  for (const inst of instancesOf(c, history, metrics)) {
    const endAt = inst.end?.at ?? null;
    // The policy in force: applied at or before the end (or asOf while open), with the priority then.
    const applied = appliedAtOrBefore(c, history, endAt ?? c.asOf ?? Number.POSITIVE_INFINITY);
    if (applied === null) continue;
    const priority = priorityAt(history, applied);
    const k = c.targets.findIndex(
      (t) => t.metric === inst.metric && matchesTarget(t, { priority, type: undefined, channel: undefined }),
    );
    if (k < 0) continue;
    const judged = endAt ?? c.asOf;
    if (judged === null) {
      throw new CxMetricsError(
        c.fn,
        "INVALID_ARGUMENT",
        `asOf is missing: ticket ${history.ticket} is still open for ${inst.metric}; pass { asOf }`,
        { field: "asOf" },
      );
    }
    const target = c.targets[k]!;
    const clock = c.clocks[k]!(Math.max(judged, inst.start));
    const until = Math.max(judged, inst.start);
    const spans = runningSpans(history, inst.start, until, inst.running);
    const elapsedMs = elapsed(clock, spans);
    const targetMs = target.minutes * MINUTE_MS;
    // An open clock keeps counting after asOf only while the ticket's status runs it.
    const last = history.segments[history.segments.length - 1]!;
    const continues = endAt === null && inst.running.includes(last.status) ? until : null;
    const due = dueOf(clock, spans, targetMs, continues);
    const outcome = elapsedMs > targetMs ? "breached" : endAt === null ? "pending" : "met";
    out.push({
      ticketId: history.ticket,
      target: k,
      name: target.name,
      metric: inst.metric,
      instance: inst.instance,
      outcome,
      startedAt: isoUtc(inst.start),
      dueAt: due === null || outcome === "met" ? null : isoUtc(due),
      fulfilledBy: fulfilling(inst.end),
      elapsedMinutes: elapsedMs / MINUTE_MS,
      targetMinutes: target.minutes,
    });
  }
  return out;
}

function compile(fn: string, policy: TicketSlaPolicy, options: TicketSlaRuleOptions): Compiled {
  assertOptions(fn, options);
  if (typeof options !== "object" || options === null)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object");
  const { schedule = "in-force", appliedAt = "creation", solveFulfils = true, pauseReplies = false } = options;
  assertOneOf(fn, "schedule", schedule, ["in-force", "latest"]);
  assertOneOf(fn, "appliedAt", appliedAt, ["creation", "events"]);
  for (const [name, value] of [
    ["solveFulfils", solveFulfils],
    ["pauseReplies", pauseReplies],
  ] as const) {
    if (typeof value !== "boolean") throw invalid(fn, "INVALID_OPTION", name, value, "true or false");
  }
  const byIndex = options.calendar === undefined ? undefined : scheduleClock(fn, options.calendar, schedule);
  const targets = checkPolicy(fn, policy as never, byIndex !== undefined, METRICS) as readonly TicketSlaRuleTarget[];
  const name = (policy as { name?: unknown }).name;
  if (name !== undefined && typeof name !== "string")
    throw new CxMetricsError(fn, "INVALID_POLICY", `policy name is ${describe(name)}, expected text`, { value: name });
  return {
    fn,
    targets,
    clocks: targets.map((t) =>
      t.clock === "calendar" ? () => CALENDAR_CLOCK : (at: number) => businessClock(byIndex!(at)),
    ),
    asOf: options.asOf === undefined ? null : instantMs(fn, "asOf", options.asOf),
    appliedAt,
    policyName: name,
    pauseStatuses: policy.pauseStatuses ?? [],
    solveFulfils,
    pauseReplies,
  };
}

/**
 * Compiles an SLA policy over ticket events once (targets checked, clocks bound to the calendar's index, `asOf`
 * read): the rule {@link ticketSla} applies to each ticket.
 *
 * @throws CxMetricsError `INVALID_POLICY` (as {@link sla}, with the metrics of {@link TicketSlaMetric});
 *   `INVALID_OPTION` for an unknown `schedule` or `appliedAt`, or a switch that is not a boolean; `INVALID_DATE` for
 *   `asOf`.
 * @example
 * ```ts
 * const rule = ticketSlaRule({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
 * const [reply] = rule.measure([
 *   { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
 *   { ticketId: 1, at: "2025-03-10T10:30:00Z", type: "comment", author: "agent", public: true },
 * ]);
 * reply?.outcome; //=> "breached"
 * reply?.dueAt; //=> "2025-03-10T10:00:00.000Z"
 * ```
 */
export function ticketSlaRule(
  policy: TicketSlaPolicy,
  options: TicketSlaRuleOptions = {},
  fn = "ticketSlaRule",
): TicketSlaRule {
  const c = compile(fn, policy, options);
  return {
    kind: "ticket-sla-rule",
    targets: c.targets,
    asOf: c.asOf,
    measure(events) {
      const read = recordList(fn, "events", events).map((event, i) => readTicketEvent(fn, event, i));
      for (const event of read) {
        if (event.ticket !== read[0]!.ticket) {
          throw new CxMetricsError(
            fn,
            "INVALID_ARGUMENT",
            `event at index ${event.index} is of ticket ${event.ticket}, not ${read[0]!.ticket}: measure one ticket at a time (ticketSla takes many)`,
            { index: event.index, value: event.ticket, field: "ticketId" },
          );
        }
      }
      const { events: ordered, problems } = orderTicket(fn, read);
      if (problems.length > 0) throw problems[0]!.error;
      if (ordered.length === 0 || (c.asOf !== null && ordered[0]!.at > c.asOf)) return [];
      return measureHistory(c, readHistory(ordered, c.asOf));
    },
  };
}

/**
 * SLA achievement over tickets' events, with a helpdesk's semantics (Zendesk's by default):
 *
 * - **Clocks start at their own start**, whenever the policy is applied: a first reply clock at creation, a next reply
 *   at the requester's comment, an update at the previous public agent comment, the wait and work clocks at creation.
 * - **Fulfilled by** a public agent comment (replies and updates) or a solve (every reply and update clock, as in
 *   Zendesk; `solveFulfils: false` keeps them for a comment); the wait, work and resolution clocks by the solve the
 *   ticket is in at the end (a reopen runs them on).
 * - **Paused:** requester wait in pending; agent work in pending and on-hold; pausable updates in pending and the
 *   policy's `pauseStatuses`; resolution in `pauseStatuses`; reply clocks never (`pauseReplies: true` pauses them too,
 *   as Freshdesk's status switch does). The wait, work and resolution clocks never count solved time.
 * - **The target** is the first of its metric whose priority matches the priority in force when the policy was applied
 *   (`appliedAt`): at creation by default, or at the ticket's `policy` events (Zendesk re-applies a policy on updates;
 *   its metric events list each `apply_sla`), the last application before the clock ended counting.
 * - **Outcomes** as {@link sla}: met when the clock's time is at most the target, breached when it passed it (done or
 *   open at `asOf`), pending when open and not past it. `dueAt` is the breach instant to the millisecond: when the clock
 *   reached the target (a closing time, when it ran out there); each measurement names the event that fulfilled it.
 *
 * SLA % = met / (met + breached) × 100 (UA-agency), pending apart. Bad events follow the batch policy as in
 * `ticketMetrics`.
 *
 * @throws CxMetricsError as {@link ticketSlaRule}; for a bad event (unless `invalid: "exclude"`) as
 *   `ticketMetrics`; `INVALID_ARGUMENT` (field `asOf`) for an open clock without `asOf`; `EMPTY_INPUT` when no
 *   ticket matched any target.
 * @example
 * ```ts
 * const policy = { targets: [{ metric: "next-response", minutes: 120, clock: "calendar" }] };
 * const events = [
 *   { ticketId: 9, at: "2025-03-10T09:00:00Z", type: "created" },
 *   { ticketId: 9, at: "2025-03-10T09:10:00Z", type: "comment", author: "agent", public: true },
 *   { ticketId: 9, at: "2025-03-10T10:00:00Z", type: "comment", author: "requester", public: true },
 *   { ticketId: 9, at: "2025-03-10T13:00:00Z", type: "status", status: "solved" },
 * ];
 * const result = ticketSla(events, policy);
 * result.breached; //=> 1
 * result.breaches[0]?.dueAt; //=> "2025-03-10T12:00:00.000Z"
 * result.breaches[0]?.fulfilledBy?.type; //=> "status"
 * ```
 */
export function ticketSla(
  events: Iterable<TicketEvent> | ArrayLike<TicketEvent>,
  policy: TicketSlaPolicy,
  options: TicketSlaOptions = {},
): TicketSlaResult {
  const fn = "ticketSla";
  const policyOnBad = rowPolicy(fn, options);
  const c = compile(fn, policy, options);
  const list = recordList(fn, "events", events);
  const groups = groupTicketEvents(fn, list, policyOnBad);
  const exclusions: ExcludedRow[] = groups.bad.map(({ index, id, error }) => ({
    index,
    id,
    field: error.field ?? "",
    value: error.value,
    code: error.code,
    reason: error.message,
  }));
  const problems: TicketProblem[] = [];
  const histories: History[] = [];
  let used = 0;
  let skipped = 0;
  groups.forEachTicket((group) => {
    const { events: ordered, problems: found } = orderTicket(fn, group);
    if (found.length > 0) {
      if (policyOnBad === "throw") throw found[0]!.error;
      problems.push(...found);
    }
    if (ordered.length === 0) return;
    let read = 0;
    for (const e of ordered) if (c.asOf === null || e.at <= c.asOf) read++;
    used += read;
    skipped += ordered.length - read;
    if (read === 0) return;
    histories.push(readHistory(ordered, c.asOf));
  });
  for (const problem of problems) {
    exclusions.push({
      index: problem.event.index,
      id: problem.event.ticket,
      field: problem.error.field ?? "",
      value: problem.error.value,
      code: problem.error.code,
      reason: problem.error.message,
    });
  }
  exclusions.sort((a, b) => a.index - b.index);
  histories.sort((a, b) => a.created - b.created || (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
  const measurements: TicketSlaMeasurement[] = [];
  for (const history of histories) for (const m of measureHistory(c, history)) measurements.push(m);
  if (measurements.length === 0)
    throw new CxMetricsError(fn, "EMPTY_INPUT", "no ticket matched any target of the policy");
  const counts = c.targets.map(() => ({ met: 0, breached: 0, pending: 0 }));
  const breaches: TicketSlaBreach[] = [];
  for (const m of measurements) {
    counts[m.target]![m.outcome]++;
    if (m.outcome === "breached") {
      breaches.push({
        ticketId: m.ticketId,
        metric: m.metric,
        instance: m.instance,
        target: m.name,
        startedAt: m.startedAt,
        dueAt: m.dueAt!,
        completedAt: m.fulfilledBy?.at ?? null,
        fulfilledBy: m.fulfilledBy,
        overrunMinutes: m.elapsedMinutes - m.targetMinutes,
      });
    }
  }
  const { byTarget, overall } = targetTallies(c.targets, counts);
  return {
    ...overall,
    byTarget,
    breaches,
    measurements,
    asOf: c.asOf === null ? null : isoUtc(c.asOf),
    rows: { total: list.length, used, skipped, excluded: exclusions.length },
    exclusions,
  };
}
