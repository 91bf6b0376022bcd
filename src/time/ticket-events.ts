// Ticket events: the shapes a ticket's history is given in, each event read and checked once (its instant to epoch
// milliseconds, its kind to a rank), and one ticket's events put in their order. ticketMetrics and the SLA over events
// read events through here, so an event means the same thing to both.
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { instantError, parseInstant } from "../internal/instant.js";
import type { Instant } from "./instant.js";

/** A ticket status as Zendesk names them (custom statuses map to their category). */
export type TicketStatus = "new" | "open" | "pending" | "hold" | "solved" | "closed";

/** Who wrote a comment: an agent (any internal user), or the requester (any end user, CCs included). */
export type CommentAuthor = "agent" | "requester";

/** What every ticket event has. */
export interface TicketEventBase {
  /** The ticket; a number and its decimal text are the same ticket (`7` and `"7"`). */
  readonly ticketId: string | number;
  /** When it happened. */
  readonly at: Instant;
  /**
   * Orders the ticket's events of one kind at one instant (an audit id, the position of the event in its export): a
   * finite number, smaller first; missing counts as 0. The whole order: docs/time.md, "Events at the same second".
   */
  readonly sequence?: number;
}

/** The ticket was created (status `new` unless a status event at the same instant says otherwise). */
export interface TicketCreatedEvent extends TicketEventBase {
  /** The kind of event. */
  readonly type: "created";
}

/** The ticket's status changed. */
export interface TicketStatusEvent extends TicketEventBase {
  /** The kind of event. */
  readonly type: "status";
  /** The new status. */
  readonly status: TicketStatus;
}

/** A comment was added. */
export interface TicketCommentEvent extends TicketEventBase {
  /** The kind of event. */
  readonly type: "comment";
  /** Who wrote it. */
  readonly author: CommentAuthor;
  /** Whether the requester sees it (false: an internal note). */
  readonly public: boolean;
}

/** The ticket's priority changed. */
export interface TicketPriorityEvent extends TicketEventBase {
  /** The kind of event. */
  readonly type: "priority";
  /** The new priority ("low", "normal", "high", "urgent"), or null when it was cleared. */
  readonly priority: string | number | null;
}

/**
 * An SLA policy was applied to the ticket (Zendesk's `apply_sla`), for the SLA over events; the ticket metrics do not
 * read it.
 */
export interface TicketPolicyEvent extends TicketEventBase {
  /** The kind of event. */
  readonly type: "policy";
  /** The policy's name, or null when the ticket left every policy. */
  readonly policy: string | null;
}

/** One event of a ticket's history. */
export type TicketEvent =
  | TicketCreatedEvent
  | TicketStatusEvent
  | TicketCommentEvent
  | TicketPriorityEvent
  | TicketPolicyEvent;

/** The kinds of event, in their order at one instant: created, priority, policy, comment, status. */
export type TicketEventType = TicketEvent["type"];

/**
 * The kinds' order at one instant (exports keep seconds): the creation first, then the fields set with it (priority,
 * then the policy that the priority selects), then comments, then status changes. So a public reply saved with
 * "solved" in one update is a reply before it is a solve, and a priority set at creation is the one in force when a
 * policy is applied then. The rest of the order at one instant is `compareEvents`'.
 */
export const EVENT_RANK: Readonly<Record<TicketEventType, number>> = {
  created: 0,
  priority: 1,
  policy: 2,
  comment: 3,
  status: 4,
};

const STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "hold", "solved", "closed"];

/** One event, checked, with its instant in epoch milliseconds. */
export interface ReadTicketEvent {
  /** The ticket, as text. */
  readonly ticket: string;
  /** Epoch milliseconds. */
  readonly at: number;
  /** Its kind. */
  readonly type: TicketEventType;
  /** Its kind's rank at one instant. */
  readonly rank: number;
  /** Its position in the input (names it in errors; never orders it). */
  readonly index: number;
  /** Its `sequence`, 0 when it has none. */
  readonly sequence: number;
  /** The status (status events). */
  readonly status: TicketStatus | undefined;
  /** The author (comments). */
  readonly author: CommentAuthor | undefined;
  /** Whether public (comments). */
  readonly public: boolean;
  /** The priority or policy name as text, or null (priority and policy events). */
  readonly value: string | null;
}

function eventError(fn: string, index: number, field: string, value: unknown, expected: string): CxMetricsError {
  return new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `event at index ${index}: ${field} is ${describe(value)}, expected ${expected}`,
    {
      index,
      value,
      field,
    },
  );
}

/** A ticket id as text: a non-empty string, or a finite number as its decimal text. */
export function ticketKey(fn: string, index: number, value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw eventError(fn, index, "ticketId", value, "a ticket id (non-empty text or a number)");
}

function label(fn: string, index: number, field: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw eventError(fn, index, field, value, "text, a number or null");
}

/**
 * Checks one event and reads its instant.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` (not an object, a ticket id that is not text or a number, an unknown type,
 *   status or author, `public` not a boolean, a priority that is not text), `INVALID_DATE` / `DATE_OUT_OF_RANGE`; each
 *   names the event's index and field.
 */
export function readTicketEvent(fn: string, event: unknown, index: number): ReadTicketEvent {
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `event at index ${index} is ${describe(event)}, expected an object { ticketId, at, type, ... }`,
      { index, value: event, field: "" },
    );
  }
  const e = event as Record<string, unknown>;
  const ticket = ticketKey(fn, index, e.ticketId);
  const type = e.type;
  if (typeof type !== "string" || !Object.hasOwn(EVENT_RANK, type)) {
    throw eventError(fn, index, "type", type, '"created", "status", "comment", "priority" or "policy"');
  }
  const at = parseInstant(e.at);
  if (at === undefined) throw instantError(fn, `at of event at index ${index}`, e.at, { index, field: "at" });
  const sequence = e.sequence ?? 0;
  if (typeof sequence !== "number" || !Number.isFinite(sequence))
    throw eventError(fn, index, "sequence", e.sequence, "a finite number (an audit id, a position) or nothing");
  let status: TicketStatus | undefined;
  let author: CommentAuthor | undefined;
  let isPublic = false;
  let value: string | null = null;
  if (type === "status") {
    if (!STATUSES.includes(e.status as TicketStatus)) {
      throw eventError(fn, index, "status", e.status, "new, open, pending, hold, solved or closed");
    }
    status = e.status as TicketStatus;
  } else if (type === "comment") {
    if (e.author !== "agent" && e.author !== "requester") {
      throw eventError(fn, index, "author", e.author, '"agent" or "requester" (map other users before the call)');
    }
    if (typeof e.public !== "boolean") throw eventError(fn, index, "public", e.public, "true or false");
    author = e.author;
    isPublic = e.public;
  } else if (type === "priority") value = label(fn, index, "priority", e.priority);
  else if (type === "policy") value = label(fn, index, "policy", e.policy);
  return {
    ticket,
    at,
    type: type as TicketEventType,
    rank: EVENT_RANK[type as TicketEventType],
    index,
    sequence,
    status,
    author,
    public: isPublic,
    value,
  };
}

/** Code-point order of two texts (the order of their UTF-8 bytes, as SQL compares text with a binary collation). */
function byCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * What orders two events of one kind with the same sequence at one instant: a status by new, open, pending, hold,
 * solved, closed; a comment by internal notes (the requester's, then an agent's), then public requester comments, then
 * public agent comments.
 */
function contentRank(e: ReadTicketEvent): number {
  if (e.type === "status") return STATUSES.indexOf(e.status!);
  if (e.type === "comment") return (e.public ? 2 : 0) + (e.author === "agent" ? 1 : 0);
  return 0;
}

/**
 * The order of a ticket's events, the one rule both `ticketMetrics` (and the SLA over events) and `ticketMetricsSql`
 * follow, so that no figure depends on the order events are given in:
 * 1. the instant;
 * 2. at one instant, the kind ({@link EVENT_RANK}: created, priority, policy, comment, status);
 * 3. then `sequence` (missing: 0), smaller first;
 * 4. then the content: statuses new, open, pending, hold, solved, closed; comments: the requester's internal notes,
 *    agents' internal notes, public requester comments, public agent comments; priorities and policies by their value,
 *    a cleared one (null) first, then texts by code point (numbers as their decimal text).
 *
 * Events equal on all four are the same event for every figure; only then does the input position decide (which of
 * two identical creations is reported as the second).
 */
export function compareEvents(a: ReadTicketEvent, b: ReadTicketEvent): number {
  return (
    a.at - b.at ||
    a.rank - b.rank ||
    a.sequence - b.sequence ||
    contentRank(a) - contentRank(b) ||
    (a.value === b.value ? 0 : a.value === null ? -1 : b.value === null ? 1 : byCodePoints(a.value, b.value)) ||
    a.index - b.index
  );
}

/** A problem with an event that only the ticket's other events show (no creation, a second one, before it). */
export interface TicketProblem {
  /** The event. */
  readonly event: ReadTicketEvent;
  /** The error it gives. */
  readonly error: CxMetricsError;
}

/**
 * Puts one ticket's events in order and finds its creation. Events that cannot belong to the ticket are listed as
 * problems, never silently dropped: every event when there is no creation event; a second creation; an event before
 * the creation (`END_BEFORE_START`).
 *
 * @returns the events kept, in order, with the creation first (none when there is no creation), and the problems.
 */
export function orderTicket(
  fn: string,
  events: ReadTicketEvent[],
): { readonly events: readonly ReadTicketEvent[]; readonly problems: readonly TicketProblem[] } {
  events.sort(compareEvents);
  const problems: TicketProblem[] = [];
  const created = events.find((event) => event.type === "created");
  if (created === undefined) {
    for (const event of events) {
      problems.push({
        event,
        error: new CxMetricsError(
          fn,
          "INVALID_ARGUMENT",
          `event at index ${event.index}: ticket ${event.ticket} has no "created" event, so its times have no start (a history cut before the creation?)`,
          { index: event.index, value: event.ticket, field: "ticketId" },
        ),
      });
    }
    return { events: [], problems };
  }
  const kept: ReadTicketEvent[] = [created];
  for (const event of events) {
    if (event === created) continue;
    if (event.type === "created") {
      problems.push({
        event,
        error: new CxMetricsError(
          fn,
          "INVALID_ARGUMENT",
          `event at index ${event.index}: ticket ${event.ticket} is created a second time (first at ${new Date(created.at).toISOString()}, index ${created.index})`,
          { index: event.index, value: event.type, field: "type" },
        ),
      });
    } else if (event.at < created.at) {
      problems.push({
        event,
        error: new CxMetricsError(
          fn,
          "END_BEFORE_START",
          `event at index ${event.index}: the ${event.type} at ${new Date(event.at).toISOString()} is before ticket ${event.ticket} was created (${new Date(created.at).toISOString()})`,
          { index: event.index, value: new Date(event.at).toISOString(), field: "at" },
        ),
      });
    } else kept.push(event);
  }
  return { events: kept, problems };
}

const TYPES: readonly TicketEventType[] = ["created", "priority", "policy", "comment", "status"];

/** A ticket id given as text: the number it writes when it is a number's own decimal text ("7"), else the text. */
function canonicalNumber(text: string): string | number {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/** Many tickets' events read once into columns, grouped by ticket; bad events listed. */
export interface TicketEventGroups {
  /** Events read. */
  readonly total: number;
  /** Calls `visit` with each ticket's events (new objects, input order), tickets in order of first appearance. */
  forEachTicket(visit: (events: ReadTicketEvent[]) => void): void;
  /** Events that failed their own checks (under `invalid: "exclude"`), with their errors. */
  readonly bad: readonly { readonly index: number; readonly id: string | null; readonly error: CxMetricsError }[];
}

/**
 * Reads many tickets' events once: each is checked (`readTicketEvent`) and kept in typed columns, never as one object
 * per event for the whole pass; the events are then grouped by ticket with a counting sort (O(n)). A ticket's events
 * become objects only while that ticket is measured, so a million events hold a few typed arrays, not a million
 * objects. Under `"throw"` the first bad event throws; under `"exclude"` bad events are listed and left out.
 */
export function groupTicketEvents(
  fn: string,
  list: readonly unknown[],
  policy: "throw" | "exclude",
): TicketEventGroups {
  const n = list.length;
  const at = new Float64Array(n);
  const rank = new Uint8Array(n);
  const sequence = new Float64Array(n);
  const detail = new Uint8Array(n);
  const ticketOf = new Int32Array(n).fill(-1);
  const labelOf = new Map<number, string | null>();
  const tickets: string[] = [];
  const numbers = new Map<string | number, number>();
  const bad: { index: number; id: string | null; error: CxMetricsError }[] = [];
  for (let i = 0; i < n; i++) {
    let e: ReadTicketEvent;
    try {
      e = readTicketEvent(fn, list[i], i);
    } catch (error) {
      if (policy === "throw" || !isCxMetricsError(error)) throw error;
      const id = (list[i] as { ticketId?: unknown } | null)?.ticketId;
      bad.push({
        index: i,
        id:
          (typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)) ? String(id) : null,
        error,
      });
      continue;
    }
    // Numbers are looked up as numbers (no text made per event); text that reads as a number joins them (7 and "7").
    const raw = (list[i] as { ticketId: string | number }).ticketId;
    const key = typeof raw === "number" ? raw : canonicalNumber(raw);
    let t = numbers.get(key);
    if (t === undefined) {
      t = tickets.length;
      tickets.push(e.ticket);
      numbers.set(key, t);
    }
    ticketOf[i] = t;
    at[i] = e.at;
    rank[i] = e.rank;
    sequence[i] = e.sequence;
    if (e.type === "status") detail[i] = STATUSES.indexOf(e.status!);
    else if (e.type === "comment") detail[i] = (e.author === "agent" ? 1 : 0) | (e.public ? 2 : 0);
    else if (e.type === "priority" || e.type === "policy") labelOf.set(i, e.value);
  }
  // Counting sort by ticket: start[t] is where ticket t's events begin in `order`.
  const count = new Int32Array(tickets.length + 1);
  for (let i = 0; i < n; i++) if (ticketOf[i]! >= 0) count[ticketOf[i]! + 1]!++;
  for (let t = 0; t < tickets.length; t++) count[t + 1]! += count[t]!;
  const order = new Int32Array(count[tickets.length]!);
  const fill = count.slice(0, tickets.length);
  for (let i = 0; i < n; i++) {
    const t = ticketOf[i]!;
    if (t >= 0) order[fill[t]!++] = i;
  }
  return {
    total: n,
    bad,
    forEachTicket(visit) {
      for (let t = 0; t < tickets.length; t++) {
        const events: ReadTicketEvent[] = [];
        for (let k = count[t]!; k < count[t + 1]!; k++) {
          const i = order[k]!;
          const type = TYPES[rank[i]!]!;
          const d = detail[i]!;
          events.push({
            ticket: tickets[t]!,
            at: at[i]!,
            type,
            rank: rank[i]!,
            index: i,
            sequence: sequence[i]!,
            status: type === "status" ? STATUSES[d] : undefined,
            author: type === "comment" ? (d & 1 ? "agent" : "requester") : undefined,
            public: type === "comment" && (d & 2) !== 0,
            value: labelOf.get(i) ?? null,
          });
        }
        visit(events);
      }
    },
  };
}
