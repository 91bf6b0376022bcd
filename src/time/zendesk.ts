// Readers of Zendesk's exports into ticket events: the Ticket Audits API (each update of a ticket with its Create,
// Change and Comment events) and the Ticket Metric Events API (the activate, pause, fulfill, apply_sla, breach and
// update_status events of each metric). JSON as the APIs return it, one page or many; nothing is fetched here.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import type { TicketEvent, TicketStatus } from "./ticket-events.js";
import { isObject } from "../internal/values.js";

/** A ticket event read from a Zendesk export: its instant as Zendesk wrote it, and where it came from. */
export type ZendeskTicketEvent = TicketEvent & {
  /** The instant, as written in the export (ISO 8601). */
  readonly at: string;
  /** Where in the JSON it came from (`audits[3].events[1]`, `ticket_metric_events[12]`). */
  readonly source: string;
};

/** Options of {@link eventsFromZendeskAudits}. */
export interface ZendeskAuditsOptions {
  /**
   * The ids of agents (and admins). A comment's author is an agent when listed; without the list, any author other than
   * the ticket's requester is taken for an agent (an export of audits does not say who is an agent, and a CC who
   * comments then counts as one).
   */
  readonly agents?: Iterable<string | number> | undefined;
}

/** What {@link eventsFromZendeskAudits} read. */
export interface ZendeskAuditsRead {
  /**
   * The ticket events, each with `source` naming where it came from (`audits[3].events[1]`) and `sequence`, its
   * audit's position among the ticket's audits in time order (then as listed), which orders two audits of one second.
   */
  readonly events: readonly ZendeskTicketEvent[];
  /** Audits read. */
  readonly audits: number;
  /** Audit events that are not about creation, status, priority or comments (notifications, tags, other fields). */
  readonly ignored: number;
  /**
   * Each ticket's channel, by ticket id as text: the `via.channel` of the audit that created it (`web`, `email`,
   * `voice`, `api`, ...: how the ticket was created, as the ticket's own `via.channel`). Tickets whose creating audit
   * has no `via.channel`, or that have no creating audit, are not in it.
   */
  readonly channels: ReadonlyMap<string, string>;
}

/** A figure Zendesk computed itself (an `update_status` event): its minutes, to compare with the recomputed ones. */
export interface ZendeskReportedFigure {
  /** The ticket. */
  readonly ticketId: string | number;
  /** Zendesk's metric (`reply_time`, `requester_wait_time`, `agent_work_time`, `periodic_update_time`, ...). */
  readonly metric: string;
  /** The instance: 1 for the first reply, 2 and up for next replies; 1 for the other metrics. */
  readonly instanceId: number;
  /** When it was recorded, as given. */
  readonly at: string;
  /** Elapsed minutes. */
  readonly calendar: number | null;
  /** Minutes in business hours. */
  readonly business: number | null;
}

/** An SLA target Zendesk applied (an `apply_sla` event). */
export interface ZendeskSlaApplied {
  /** The ticket. */
  readonly ticketId: string | number;
  /** Zendesk's metric. */
  readonly metric: string;
  /** The metric's instance. */
  readonly instanceId: number;
  /** When it was applied, as given. */
  readonly at: string;
  /** The policy's title. */
  readonly policy: string | null;
  /** The target in minutes (`target_in_seconds` / 60 when given, else `target`). */
  readonly minutes: number | null;
  /** Whether the target runs in business hours. */
  readonly businessHours: boolean;
}

/** A breach Zendesk recorded (a `breach` event). */
export interface ZendeskBreach {
  /** The ticket. */
  readonly ticketId: string | number;
  /** Zendesk's metric. */
  readonly metric: string;
  /** The metric's instance. */
  readonly instanceId: number;
  /** The breach instant, as given. */
  readonly at: string;
}

/** What {@link eventsFromZendeskMetricEvents} read. */
export interface ZendeskMetricEventsRead {
  /**
   * The ticket events rebuilt from the metric events, each with `source` (`ticket_metric_events[12]`) and `sequence`,
   * the metric event's position among the ticket's in time order (then by id), which orders two of one second.
   */
  readonly events: readonly ZendeskTicketEvent[];
  /** Zendesk's own figures (`update_status`). */
  readonly reported: readonly ZendeskReportedFigure[];
  /** The SLA targets applied (`apply_sla`). */
  readonly slas: readonly ZendeskSlaApplied[];
  /** The breaches Zendesk recorded (`breach`). */
  readonly breaches: readonly ZendeskBreach[];
  /** Metric events read. */
  readonly read: number;
  /** Metric events left out: marked `deleted` (Zendesk recalculated them), or of kinds that carry no event. */
  readonly ignored: number;
}

type Json = Record<string, unknown>;

function shapeError(fn: string, where: string, value: unknown, expected: string): CxMetricsError {
  return new CxMetricsError(fn, "INVALID_ARGUMENT", `${where} is ${describe(value)}, expected ${expected}`, {
    value,
    field: where,
  });
}

/** The records of one or many pages: `{ key: [...] }`, an array of such pages, or an array of records. */
function records(fn: string, json: unknown, key: string, single?: string): { record: Json; where: string }[] {
  const out: { record: Json; where: string }[] = [];
  const page = (value: unknown, prefix: string): boolean => {
    if (!isObject(value)) return false;
    if (Array.isArray(value[key])) {
      (value[key] as unknown[]).forEach((record, i) => {
        const where = `${prefix}${key}[${i}]`;
        if (!isObject(record)) throw shapeError(fn, where, record, "an object");
        out.push({ record, where });
      });
      return true;
    }
    if (single !== undefined && isObject(value[single])) {
      out.push({ record: value[single] as Json, where: `${prefix}${single}` });
      return true;
    }
    return false;
  };
  if (page(json, "")) return out;
  if (Array.isArray(json)) {
    json.forEach((item, i) => {
      if (page(item, `[${i}].`)) return;
      if (!isObject(item)) throw shapeError(fn, `[${i}]`, item, `an object (a page { ${key}: [...] } or one record)`);
      out.push({ record: item, where: `[${i}]` });
    });
    return out;
  }
  throw shapeError(fn, "json", json, `{ ${key}: [...] } as the API returns it, or an array of pages or records`);
}

function idOf(fn: string, where: string, value: unknown): string | number {
  if ((typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value)))
    return value;
  throw shapeError(fn, where, value, "an id (a number or text)");
}

function textOf(fn: string, where: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw shapeError(fn, where, value, "a time as text (ISO 8601)");
}

/** The system user that triggers and automations write as. */
const SYSTEM_USER = "-1";

/**
 * Ticket events from Zendesk's Ticket Audits API (`GET /api/v2/tickets/{id}/audits`, or the account-wide
 * `/api/v2/ticket_audits`): `{ audits: [{ id, ticket_id, created_at, author_id, events: [...] }] }`, one page, an
 * array of pages, or an array of audits. Every event of an audit happens at the audit's `created_at`.
 *
 * - The ticket's first audit with `Create` events is its creation (`created`); its `Create` events for `status` and
 *   `priority` set the first status and priority. A ticket whose audits have no `Create` event (a history cut before
 *   the creation) gets no `created` event: {@link ticketMetrics} then names it.
 * - `Change` events of `status` and `priority` become `status` and `priority` events (statuses as Zendesk writes them:
 *   new, open, pending, hold, solved, closed).
 * - `Comment` and `VoiceComment` events become comments with their `public` flag; the author is the comment's
 *   `author_id` (else the audit's). The author is the requester when it is the ticket's `requester_id` (from its
 *   `Create` or `Change` events, as it was at that audit), else an agent, unless `agents` lists the agents' ids.
 *   Comments by Zendesk's system user (-1: triggers, automations) are left out.
 * - Everything else (notifications, tags, other fields, satisfaction) is counted in `ignored`.
 * - Each ticket's channel is the `via.channel` of the audit that created it (`channels`).
 *
 * Source: Zendesk's Ticket Audits API reference and Ticket Audit events reference (developer.zendesk.com).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for JSON of another shape, naming where (`audits[3].ticket_id`).
 * @example
 * ```ts
 * const { events } = eventsFromZendeskAudits({
 *   audits: [
 *     {
 *       id: 1, ticket_id: 47, created_at: "2025-03-10T09:00:00Z", author_id: 35436,
 *       events: [
 *         { id: 11, type: "Comment", author_id: 35436, public: true, body: "Help!" },
 *         { id: 12, type: "Create", field_name: "status", value: "new" },
 *         { id: 13, type: "Create", field_name: "requester_id", value: "35436" },
 *       ],
 *     },
 *     {
 *       id: 2, ticket_id: 47, created_at: "2025-03-10T09:30:00Z", author_id: 5246746,
 *       events: [{ id: 21, type: "Comment", author_id: 5246746, public: true, body: "On it" }],
 *     },
 *   ],
 * });
 * ticketMetrics(events).tickets[0]?.replyTime?.calendar; //=> 30
 * ```
 */
export function eventsFromZendeskAudits(json: unknown, options: ZendeskAuditsOptions = {}): ZendeskAuditsRead {
  const fn = "eventsFromZendeskAudits";
  const agents = options.agents === undefined ? undefined : new Set(Array.from(options.agents, (id) => String(id)));
  const audits = records(fn, json, "audits", "audit");
  const byTicket = new Map<string, { record: Json; where: string; at: string; order: number }[]>();
  audits.forEach(({ record, where }, order) => {
    const ticket = String(idOf(fn, `${where}.ticket_id`, record.ticket_id));
    const at = textOf(fn, `${where}.created_at`, record.created_at);
    if (!Array.isArray(record.events)) throw shapeError(fn, `${where}.events`, record.events, "an array of events");
    const list = byTicket.get(ticket);
    const entry = { record, where, at, order };
    if (list === undefined) byTicket.set(ticket, [entry]);
    else list.push(entry);
  });
  const events: ZendeskTicketEvent[] = [];
  const channels = new Map<string, string>();
  let ignored = 0;
  for (const [ticket, list] of byTicket) {
    // In time order (then as listed), so that the requester is known before the comments that need it.
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
    let requester: string | undefined;
    let created = false;
    for (const [sequence, { record, where, at }] of list.entries()) {
      const ticketId = record.ticket_id as string | number;
      const auditEvents = record.events as unknown[];
      for (const raw of auditEvents) {
        if (isObject(raw) && raw.field_name === "requester_id" && (raw.type === "Create" || raw.type === "Change")) {
          requester = String(raw.value);
        }
      }
      if (!created && auditEvents.some((raw) => isObject(raw) && raw.type === "Create")) {
        created = true;
        events.push({ ticketId, at, type: "created", sequence, source: where });
        const via = record.via;
        if (isObject(via) && typeof via.channel === "string" && via.channel !== "") channels.set(ticket, via.channel);
      }
      auditEvents.forEach((raw, k) => {
        const source = `${where}.events[${k}]`;
        if (!isObject(raw)) throw shapeError(fn, source, raw, "an object");
        const type = raw.type;
        if ((type === "Create" || type === "Change") && raw.field_name === "status") {
          events.push({ ticketId, at, type: "status", status: raw.value as TicketStatus, sequence, source });
        } else if ((type === "Create" || type === "Change") && raw.field_name === "priority") {
          events.push({ ticketId, at, type: "priority", priority: raw.value as string | null, sequence, source });
        } else if (type === "Comment" || type === "VoiceComment") {
          const author = String(raw.author_id ?? record.author_id);
          if (author === SYSTEM_USER) {
            ignored++;
            return;
          }
          const isAgent = agents === undefined ? author !== requester : agents.has(author);
          events.push({
            ticketId,
            at,
            type: "comment",
            author: isAgent ? "agent" : "requester",
            public: raw.public as boolean,
            sequence,
            source,
          });
        } else if (!((type === "Create" || type === "Change") && raw.field_name === "requester_id")) ignored++;
      });
    }
  }
  return { events, audits: audits.length, ignored, channels };
}

/** Whether a ticket's requester, agent or solve is waiting, rebuilt from the metrics' states. */
type MetricState = "active" | "paused" | "fulfilled";

/**
 * Ticket events from Zendesk's Ticket Metric Events API (`GET /api/v2/incremental/ticket_metric_events`):
 * `{ ticket_metric_events: [{ id, ticket_id, metric, instance_id, type, time }] }`, one page, an array of pages, or an
 * array of events. The metric events are Zendesk's own clock changes; the ticket events are rebuilt from them:
 *
 * - **created**: the ticket's first `activate` of instance 1 (Zendesk starts reply time, requester wait time and agent
 *   work time at creation).
 * - **comments**: a `fulfill` of `reply_time` (or of `periodic_update_time` / `pausable_update_time`) is a public agent
 *   comment; an `activate` of `reply_time` instance 2 or more is the public requester comment that started a wait for
 *   a next reply. Requester comments that start no wait, and internal notes, leave no metric event.
 * - **statuses**: from `requester_wait_time` (paused in pending, fulfilled when solved) and `agent_work_time` (paused
 *   in pending and on-hold): solved when the requester's wait is fulfilled, pending when it is paused, on-hold when only
 *   the agent's work is paused, open when both run again.
 * - **policies**: each `apply_sla` is a `policy` event (its title) and is listed in `slas` with its target.
 *
 * `update_status` events are Zendesk's own figures (`reported`: calendar and business minutes per metric and instance),
 * `breach` events its breaches (`breaches`), to compare with what the library recomputes. Events marked `deleted`
 * (Zendesk recalculated them) are left out.
 *
 * Source: Zendesk's Ticket Metric Events API reference and Ticket metric event types reference
 * (developer.zendesk.com).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for JSON of another shape, naming where (`ticket_metric_events[3].time`).
 * @example
 * ```ts
 * const { events } = eventsFromZendeskMetricEvents({
 *   ticket_metric_events: [
 *     { id: 1, ticket_id: 987, metric: "reply_time", instance_id: 1, type: "activate", time: "2025-03-10T08:00:00Z" },
 *     { id: 2, ticket_id: 987, metric: "reply_time", instance_id: 1, type: "fulfill", time: "2025-03-10T08:20:00Z" },
 *   ],
 * });
 * ticketMetrics(events).tickets[0]?.replyTime?.calendar; //=> 20
 * ```
 */
export function eventsFromZendeskMetricEvents(json: unknown): ZendeskMetricEventsRead {
  const fn = "eventsFromZendeskMetricEvents";
  const list = records(fn, json, "ticket_metric_events");
  const reported: ZendeskReportedFigure[] = [];
  const slas: ZendeskSlaApplied[] = [];
  const breaches: ZendeskBreach[] = [];
  let ignored = 0;
  interface Row {
    readonly ticketId: string | number;
    readonly metric: string;
    readonly instance: number;
    readonly type: string;
    readonly time: string;
    readonly ms: number;
    readonly id: number;
    readonly where: string;
    readonly record: Json;
  }
  const byTicket = new Map<string, Row[]>();
  list.forEach(({ record, where }, order) => {
    const ticketId = idOf(fn, `${where}.ticket_id`, record.ticket_id);
    const time = textOf(fn, `${where}.time`, record.time);
    if (typeof record.metric !== "string") throw shapeError(fn, `${where}.metric`, record.metric, "a metric name");
    if (typeof record.type !== "string") throw shapeError(fn, `${where}.type`, record.type, "an event type");
    const instance = record.instance_id === undefined || record.instance_id === null ? 1 : Number(record.instance_id);
    if (record.deleted === true) {
      ignored++;
      return;
    }
    const row: Row = {
      ticketId,
      metric: record.metric,
      instance,
      type: record.type,
      time,
      ms: Date.parse(time),
      id: typeof record.id === "number" ? record.id : order,
      where,
      record,
    };
    const key = String(ticketId);
    const rows = byTicket.get(key);
    if (rows === undefined) byTicket.set(key, [row]);
    else rows.push(row);
  });
  const events: ZendeskTicketEvent[] = [];
  for (const rows of byTicket.values()) {
    rows.sort((a, b) => a.ms - b.ms || a.id - b.id);
    let created = false;
    const states: Record<string, MetricState> = { requester_wait_time: "active", agent_work_time: "active" };
    let status: TicketStatus = "new";
    let lastReplyAt: number | undefined;
    for (let i = 0; i < rows.length; ) {
      // All the metric events of one instant, then the status they leave.
      const at = rows[i]!.ms;
      let j = i;
      while (j < rows.length && rows[j]!.ms === at) j++;
      for (let k = i; k < j; k++) {
        const row = rows[k]!;
        const { ticketId, metric, instance, type, time, where, record } = row;
        if (type === "activate" && instance === 1 && !created) {
          created = true;
          events.push({ ticketId, at: time, type: "created", sequence: k, source: where });
        }
        if (type === "update_status") {
          const figure = isObject(record.status) ? record.status : {};
          reported.push({
            ticketId,
            metric,
            instanceId: instance,
            at: time,
            calendar: typeof figure.calendar === "number" ? figure.calendar : null,
            business: typeof figure.business === "number" ? figure.business : null,
          });
        } else if (type === "apply_sla") {
          const sla = isObject(record.sla) ? record.sla : {};
          const policy = isObject(sla.policy) && typeof sla.policy.title === "string" ? sla.policy.title : null;
          const minutes =
            typeof sla.target_in_seconds === "number"
              ? sla.target_in_seconds / 60
              : typeof sla.target === "number"
                ? sla.target
                : null;
          slas.push({
            ticketId,
            metric,
            instanceId: instance,
            at: time,
            policy,
            minutes,
            businessHours: sla.business_hours === true,
          });
          events.push({ ticketId, at: time, type: "policy", policy, sequence: k, source: where });
        } else if (type === "breach") {
          breaches.push({ ticketId, metric, instanceId: instance, at: time });
        } else if (
          type === "fulfill" &&
          (metric === "reply_time" || metric === "periodic_update_time" || metric === "pausable_update_time")
        ) {
          // One public agent comment fulfils every reply and update metric at its instant: one comment.
          if (lastReplyAt !== at)
            events.push({
              ticketId,
              at: time,
              type: "comment",
              author: "agent",
              public: true,
              sequence: k,
              source: where,
            });
          lastReplyAt = at;
        } else if (type === "activate" && metric === "reply_time" && instance >= 2) {
          events.push({
            ticketId,
            at: time,
            type: "comment",
            author: "requester",
            public: true,
            sequence: k,
            source: where,
          });
        } else if (metric in states && (type === "activate" || type === "pause" || type === "fulfill")) {
          states[metric] = type === "activate" ? "active" : type === "pause" ? "paused" : "fulfilled";
        } else if (!(type === "activate" || type === "pause" || type === "fulfill")) ignored++;
      }
      const requester = states.requester_wait_time!;
      const agent = states.agent_work_time!;
      const next: TicketStatus =
        requester === "fulfilled"
          ? "solved"
          : requester === "paused"
            ? "pending"
            : agent === "paused"
              ? "hold"
              : status === "new" && created && agent === "active"
                ? "new"
                : "open";
      if (next !== status) {
        events.push({
          ticketId: rows[i]!.ticketId,
          at: rows[i]!.time,
          type: "status",
          status: next,
          sequence: i,
          source: rows[i]!.where,
        });
        status = next;
      }
      i = j;
    }
  }
  return { events, reported, slas, breaches, read: list.length, ignored };
}
