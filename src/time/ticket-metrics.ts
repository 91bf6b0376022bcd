// The ticket-metrics rule, written once: what Zendesk's ticket metrics measure on one ticket's history (first reply,
// next replies, first and full resolution, time in statuses, reopens, replies), on the calendar clock and, with a
// calendar, on the business clock. Compiled once (the calendar's index found once), then applied to one ticket's
// events at a time by ticketMetrics, and by the SLA over events for the same instants.
import type { BatchCounts, BatchOptions, ExcludedRow } from "../errors/batch.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy } from "../internal/batch.js";
import { invalid } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import { type BusinessCalendar, type ScheduleChoice, scheduleClock } from "./calendar.js";
import { type Instant, instantMs, isoUtc } from "./instant.js";
import {
  groupTicketEvents,
  orderTicket,
  type ReadTicketEvent,
  readTicketEvent,
  type TicketEvent,
  type TicketProblem,
  type TicketStatus,
} from "./ticket-events.js";

const MINUTE_MS = 60_000;

/** A duration on both clocks, as Zendesk's ticket metrics give it (`reply_time_in_minutes: { calendar, business }`). */
export interface TicketDuration {
  /** Elapsed minutes. */
  readonly calendar: number;
  /** Working minutes of the calendar; null without one. */
  readonly business: number | null;
}

/** One wait for a next reply: from the oldest unanswered requester comment to the reply (or solve) that ended it. */
export interface NextReplyTime {
  /** The requester comment that started the wait, ISO-8601 UTC. */
  readonly from: string;
  /** The agent reply or solve that ended it, ISO-8601 UTC; null while it still waits. */
  readonly to: string | null;
  /** `"reply"` (a public agent comment), `"solve"` (the ticket was solved first), or null while it waits. */
  readonly fulfilledBy: "reply" | "solve" | null;
  /** Elapsed minutes; null while it waits. */
  readonly calendar: number | null;
  /** Working minutes; null while it waits or without a calendar. */
  readonly business: number | null;
}

/** One ticket's figures, named as Zendesk's ticket metrics name them. */
export interface TicketMetrics {
  /** The ticket, as text. */
  readonly ticketId: string;
  /** Its creation, ISO-8601 UTC. */
  readonly createdAt: string;
  /** Its status after its last event (up to `asOf`). */
  readonly status: TicketStatus;
  /** Its priority after its last event, or null. */
  readonly priority: string | null;
  /** Creation → first public agent comment (not counting the comment an agent opened the ticket with); null before. */
  readonly replyTime: TicketDuration | null;
  /** The first public agent reply, ISO-8601 UTC, or null. */
  readonly repliedAt: string | null;
  /** One per requester comment left waiting after the first reply (later comments in the same wait join it). */
  readonly nextReplyTimes: readonly NextReplyTime[];
  /** Creation → first solve (or a close without a solve); null before. */
  readonly firstResolutionTime: TicketDuration | null;
  /** Creation → latest solve; null before the first. */
  readonly fullResolutionTime: TicketDuration | null;
  /** The first resolution, ISO-8601 UTC, or null. */
  readonly firstResolvedAt: string | null;
  /** The latest resolution, ISO-8601 UTC, or null. */
  readonly resolvedAt: string | null;
  /** Time in new, open and hold; up to `measuredTo`, null when that is null. */
  readonly requesterWaitTime: TicketDuration | null;
  /** Time in pending; up to `measuredTo`. */
  readonly agentWaitTime: TicketDuration | null;
  /** Time in hold; up to `measuredTo`. */
  readonly onHoldTime: TicketDuration | null;
  /** Time in new and open (Zendesk's agent work time); up to `measuredTo`. */
  readonly agentWorkTime: TicketDuration | null;
  /**
   * The instant the time in statuses is counted to: `asOf` when given, else the latest resolution (Zendesk records
   * these figures when a ticket is solved); null while neither exists.
   */
  readonly measuredTo: string | null;
  /** Times a solved (or closed) ticket went back to an unsolved status. */
  readonly reopens: number;
  /** Public agent comments, not counting the one an agent opened the ticket with. */
  readonly replies: number;
  /** Events of the ticket read (up to `asOf`). */
  readonly events: number;
}

/** Options of {@link ticketMetricsRule}. */
export interface TicketMetricsRuleOptions {
  /** A business calendar, for business minutes beside the calendar minutes. */
  readonly calendar?: BusinessCalendar | undefined;
  /**
   * With a schedule history: `"in-force"` (default) counts each moment on the schedule in force then; `"latest"` counts
   * a whole figure on the schedule in force when it is recorded (its end), as Zendesk does.
   */
  readonly schedule?: ScheduleChoice | undefined;
  /**
   * The ticket as it stood at this instant: later events are left out (counted as skipped) and the time in statuses
   * runs to it.
   */
  readonly asOf?: Instant | undefined;
  /** Whether a solve ends a wait for a next reply (default true, as Zendesk's next reply SLA is fulfilled by a solve). */
  readonly solveEndsNextReply?: boolean | undefined;
}

/** Options of {@link ticketMetrics}. */
export interface TicketMetricsOptions extends TicketMetricsRuleOptions, BatchOptions {}

/** A compiled ticket-metrics rule; made by {@link ticketMetricsRule}. */
export interface TicketMetricsRule {
  /** Marks a compiled rule. */
  readonly kind: "ticket-metrics-rule";
  /** Whether business minutes are measured. */
  readonly business: boolean;
  /** `asOf` in epoch milliseconds, or null. */
  readonly asOf: number | null;
  /**
   * The figures of one ticket from its events in any order, or null when it was created after `asOf`.
   * @throws CxMetricsError for a bad event (as {@link ticketMetrics} does under `invalid: "throw"`), or events of
   *   several tickets.
   */
  measure(events: readonly TicketEvent[]): TicketMetrics | null;
}

/** Many tickets' figures. */
export interface TicketMetricsResult {
  /** One entry per ticket, by creation instant (then ticket id). */
  readonly tickets: readonly TicketMetrics[];
  /** Events read, used, skipped (after `asOf`) and left out (`total = used + skipped + excluded`). */
  readonly rows: BatchCounts;
  /** The events left out under `invalid: "exclude"`: index, ticket id, field, value, code and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

/** The compiled parts that measure one ordered ticket. */
interface Compiled {
  readonly business: ((start: number, end: number, recordedAt: number) => number) | null;
  readonly asOf: number | null;
  readonly solveEndsNextReply: boolean;
}

const REQUESTER_WAIT: readonly TicketStatus[] = ["new", "open", "hold"];
const AGENT_WAIT: readonly TicketStatus[] = ["pending"];
const ON_HOLD: readonly TicketStatus[] = ["hold"];
const AGENT_WORK: readonly TicketStatus[] = ["new", "open"];

const isResolved = (status: TicketStatus): boolean => status === "solved" || status === "closed";

function iso(ms: number | null): string | null {
  return ms === null ? null : isoUtc(ms);
}

/**
 * Measures one ticket whose events are checked and ordered with the creation first (see `orderTicket`). Returns the
 * figures and the number of events read (events after `asOf` are not).
 */
function measureOrdered(c: Compiled, events: readonly ReadTicketEvent[]): TicketMetrics {
  const created = events[0]!;
  const createdAt = created.at;
  const asOf = c.asOf;
  let status: TicketStatus = "new";
  let since = createdAt;
  let priority: string | null = null;
  let repliedAt: number | null = null;
  let replies = 0;
  let reopens = 0;
  let firstResolved: number | null = null;
  let lastResolved: number | null = null;
  let waitingSince: number | null = null;
  const waits: [number, number | null, "reply" | "solve" | null][] = [];
  // Status segments [from, to) with their status; the last runs to measuredTo.
  const segmentFrom: number[] = [];
  const segmentTo: number[] = [];
  const segmentStatus: TicketStatus[] = [];
  let read = 1;
  let sawComment = false;
  for (let k = 1; k < events.length; k++) {
    const e = events[k]!;
    if (asOf !== null && e.at > asOf) break;
    read++;
    if (e.type === "status") {
      const next = e.status!;
      if (next === status) continue;
      segmentFrom.push(since);
      segmentTo.push(e.at);
      segmentStatus.push(status);
      // A solve, or a close that skipped the solve (Zendesk counts a close by a rule as the resolution).
      if (next === "solved" || (next === "closed" && status !== "solved")) {
        firstResolved ??= e.at;
        lastResolved = e.at;
        if (waitingSince !== null && c.solveEndsNextReply) {
          waits.push([waitingSince, e.at, "solve"]);
          waitingSince = null;
        }
      }
      if (isResolved(status) && !isResolved(next)) reopens++;
      status = next;
      since = e.at;
    } else if (e.type === "comment") {
      // The comment a ticket is opened with (the first comment, at the creation instant) is its description, not a
      // reply: an agent who opens a ticket with a public comment has not replied yet (Zendesk's exception).
      const first = !sawComment;
      sawComment = true;
      if (first && e.at === createdAt) continue;
      if (!e.public) continue;
      if (e.author === "agent") {
        replies++;
        repliedAt ??= e.at;
        if (waitingSince !== null) {
          waits.push([waitingSince, e.at, "reply"]);
          waitingSince = null;
        }
      } else if (repliedAt !== null && waitingSince === null) waitingSince = e.at;
    } else if (e.type === "priority") priority = e.value;
  }
  if (waitingSince !== null) waits.push([waitingSince, null, null]);
  const measuredTo = asOf ?? lastResolved;
  const span = (end: number | null): TicketDuration | null =>
    end === null
      ? null
      : {
          calendar: (end - createdAt) / MINUTE_MS,
          business: c.business === null ? null : c.business(createdAt, end, end),
        };
  // Time in each status up to measuredTo, on both clocks: one pass over the segments, each measured once.
  let times: Record<TicketStatus, [number, number]> | undefined;
  if (measuredTo !== null) {
    segmentFrom.push(since);
    segmentTo.push(Number.POSITIVE_INFINITY);
    segmentStatus.push(status);
    times = { new: [0, 0], open: [0, 0], pending: [0, 0], hold: [0, 0], solved: [0, 0], closed: [0, 0] };
    for (let s = 0; s < segmentFrom.length; s++) {
      const state = segmentStatus[s]!;
      if (isResolved(state)) continue;
      const from = segmentFrom[s]!;
      const to = Math.min(segmentTo[s]!, measuredTo);
      if (to <= from) continue;
      const sum = times[state];
      sum[0] += to - from;
      if (c.business !== null) sum[1] += c.business(from, to, measuredTo);
    }
  }
  const timeIn = (statuses: readonly TicketStatus[]): TicketDuration | null => {
    if (times === undefined) return null;
    let calendar = 0;
    let business = 0;
    for (const state of statuses) {
      calendar += times[state][0];
      business += times[state][1];
    }
    return { calendar: calendar / MINUTE_MS, business: c.business === null ? null : business };
  };
  return {
    ticketId: created.ticket,
    createdAt: isoUtc(createdAt),
    status,
    priority,
    replyTime: span(repliedAt),
    repliedAt: iso(repliedAt),
    nextReplyTimes: waits.map(([from, to, by]) => ({
      from: isoUtc(from),
      to: iso(to),
      fulfilledBy: by,
      calendar: to === null ? null : (to - from) / MINUTE_MS,
      business: to === null || c.business === null ? null : c.business(from, to, to),
    })),
    firstResolutionTime: span(firstResolved),
    fullResolutionTime: span(lastResolved),
    firstResolvedAt: iso(firstResolved),
    resolvedAt: iso(lastResolved),
    requesterWaitTime: timeIn(REQUESTER_WAIT),
    agentWaitTime: timeIn(AGENT_WAIT),
    onHoldTime: timeIn(ON_HOLD),
    agentWorkTime: timeIn(AGENT_WORK),
    measuredTo: iso(measuredTo),
    reopens,
    replies,
    events: read,
  };
}

function compile(fn: string, options: TicketMetricsRuleOptions): Compiled {
  assertOptions(fn, options);
  if (typeof options !== "object" || options === null)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "an object");
  const { schedule = "in-force", solveEndsNextReply = true } = options;
  assertOneOf(fn, "schedule", schedule, ["in-force", "latest"]);
  if (typeof solveEndsNextReply !== "boolean")
    throw invalid(fn, "INVALID_OPTION", "solveEndsNextReply", solveEndsNextReply, "true or false");
  const clock = options.calendar === undefined ? null : scheduleClock(fn, options.calendar, schedule);
  return {
    business: clock === null ? null : (start, end, recordedAt) => clock(recordedAt).between(start, end) / MINUTE_MS,
    asOf: options.asOf === undefined ? null : instantMs(fn, "asOf", options.asOf),
    solveEndsNextReply,
  };
}

/**
 * Compiles what the ticket metrics measure, once: the calendar (and which schedule of a history counts), `asOf`, and
 * whether a solve ends a wait for a next reply. {@link ticketMetrics} applies it to every ticket of a stream.
 *
 * @throws CxMetricsError `INVALID_OPTION` (an unknown `schedule`, a `solveEndsNextReply` that is not a boolean);
 *   `INVALID_ARGUMENT` for a calendar not made by {@link businessCalendar}; `INVALID_DATE` for `asOf`.
 * @example
 * ```ts
 * const rule = ticketMetricsRule({});
 * const figures = rule.measure([
 *   { ticketId: 1, at: "2025-03-10T09:00:00Z", type: "created" },
 *   { ticketId: 1, at: "2025-03-10T09:45:00Z", type: "comment", author: "agent", public: true },
 * ]);
 * figures?.replyTime?.calendar; //=> 45
 * ```
 */
export function ticketMetricsRule(options: TicketMetricsRuleOptions = {}, fn = "ticketMetricsRule"): TicketMetricsRule {
  const compiled = compile(fn, options);
  return {
    kind: "ticket-metrics-rule",
    business: compiled.business !== null,
    asOf: compiled.asOf,
    measure(events) {
      const list = recordList(fn, "events", events);
      const read = list.map((event, i) => readTicketEvent(fn, event, i));
      for (const event of read) {
        if (event.ticket !== read[0]!.ticket) {
          throw new CxMetricsError(
            fn,
            "INVALID_ARGUMENT",
            `event at index ${event.index} is of ticket ${event.ticket}, not ${read[0]!.ticket}: measure one ticket at a time (ticketMetrics takes many)`,
            { index: event.index, value: event.ticket, field: "ticketId" },
          );
        }
      }
      const { events: ordered, problems } = orderTicket(fn, read);
      if (problems.length > 0) throw problems[0]!.error;
      if (ordered.length === 0) return null;
      if (compiled.asOf !== null && ordered[0]!.at > compiled.asOf) return null;
      return measureOrdered(compiled, ordered);
    },
  };
}

function exclusion(problem: { event: { index: number; ticket?: string }; error: CxMetricsError }): ExcludedRow {
  const { error } = problem;
  return {
    index: problem.event.index,
    id: problem.event.ticket ?? null,
    field: error.field ?? "",
    value: error.value,
    code: error.code,
    reason: error.message,
  };
}

/**
 * Zendesk's ticket metrics from ticket events: one or many tickets' histories (`created`, `status`, `comment`,
 * `priority` events) in any order give, per ticket, each figure in calendar and (with a calendar) business minutes.
 *
 * - **replyTime** (Zendesk "first reply time"): creation → the first public agent comment. A ticket an agent opened
 *   with a public comment counts from creation to the agent's *next* public comment (Zendesk's exception): the first
 *   comment, at the creation instant, is the ticket's description, not a reply. A solve does not end it (Zendesk: a
 *   ticket solved without a comment and reopened gets its first reply time from the later comment).
 * - **nextReplyTimes**: after the first reply, each public requester comment that finds nobody waiting starts a wait
 *   (later requester comments join it: the oldest unanswered comment counts), ended by the next public agent comment,
 *   or by a solve (`fulfilledBy: "solve"`; `solveEndsNextReply: false` keeps it waiting for a comment).
 * - **firstResolutionTime** / **fullResolutionTime**: creation → first / latest solve; a close that skipped the solve
 *   counts as one (Zendesk's exception for tickets closed by a rule or the API).
 * - **requesterWaitTime** (new, open, hold), **agentWaitTime** (pending), **onHoldTime** (hold), **agentWorkTime**
 *   (new, open): time in those statuses up to the latest solve (when Zendesk records them; null before the first),
 *   or up to `asOf` when given.
 * - **reopens**: changes from solved or closed to an unsolved status; **replies**: public agent comments (not the
 *   opening one).
 *
 * The events' order is one rule (`compareEvents`, docs/time.md "Events at the same second"), never the input's: by
 * instant; at one instant by kind (created, priority, policy, comment, status: a reply saved with "solved" is a reply,
 * then a solve), then by the events' `sequence` (an audit's position; 0 when none), then by content. So the figures
 * are the same for every order of the same events. Each ticket's events are sorted once: time O(n log n), memory O(n).
 *
 * **Bad events** (batch policy): an event that is not an object, with an unknown type, status or author, `public` not
 * a boolean, a bad instant, an event before its ticket's creation (`END_BEFORE_START`), a second creation, or any
 * event of a ticket without a creation event throws a coded error naming the event's index and field; with `invalid:
 * "exclude"` those events are left out and listed (the rest of the ticket is still measured, a ticket without a
 * creation is left out whole).
 *
 * @throws CxMetricsError as above, and as {@link ticketMetricsRule} for the options.
 * @example
 * ```ts
 * const { tickets } = ticketMetrics([
 *   { ticketId: 7, at: "2025-03-10T09:00:00Z", type: "created" },
 *   { ticketId: 7, at: "2025-03-10T09:30:00Z", type: "comment", author: "agent", public: true },
 *   { ticketId: 7, at: "2025-03-10T09:30:00Z", type: "status", status: "pending" },
 *   { ticketId: 7, at: "2025-03-10T11:30:00Z", type: "status", status: "solved" },
 * ]);
 * tickets[0]?.replyTime?.calendar; //=> 30
 * tickets[0]?.requesterWaitTime?.calendar; //=> 30
 * tickets[0]?.agentWaitTime?.calendar; //=> 120
 * ```
 */
export function ticketMetrics(
  events: Iterable<TicketEvent> | ArrayLike<TicketEvent>,
  options: TicketMetricsOptions = {},
): TicketMetricsResult {
  const fn = "ticketMetrics";
  const policy = rowPolicy(fn, options);
  const compiled = compile(fn, options);
  const list = recordList(fn, "events", events);
  const groups = groupTicketEvents(fn, list, policy);
  const exclusions: ExcludedRow[] = groups.bad.map(({ index, id, error }) =>
    exclusion({ event: { index, ...(id === null ? {} : { ticket: id }) }, error }),
  );
  const measured: TicketMetrics[] = [];
  const problems: TicketProblem[] = [];
  let used = 0;
  let skipped = 0;
  groups.forEachTicket((group) => {
    const { events: ordered, problems: found } = orderTicket(fn, group);
    if (found.length > 0) {
      if (policy === "throw") throw found[0]!.error;
      problems.push(...found);
    }
    if (ordered.length === 0) return;
    if (compiled.asOf !== null && ordered[0]!.at > compiled.asOf) {
      skipped += ordered.length;
      return;
    }
    const metrics = measureOrdered(compiled, ordered);
    used += metrics.events;
    skipped += ordered.length - metrics.events;
    measured.push(metrics);
  });
  problems.sort((a, b) => a.event.index - b.event.index);
  for (const problem of problems) exclusions.push(exclusion(problem));
  exclusions.sort((a, b) => a.index - b.index);
  measured.sort((a, b) =>
    a.createdAt < b.createdAt
      ? -1
      : a.createdAt > b.createdAt
        ? 1
        : a.ticketId < b.ticketId
          ? -1
          : a.ticketId > b.ticketId
            ? 1
            : 0,
  );
  return {
    tickets: measured,
    rows: { total: list.length, used, skipped, excluded: exclusions.length },
    exclusions,
  };
}
