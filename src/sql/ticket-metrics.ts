// Zendesk's ticket metrics where the events are: SQL over a table of ticket events (the stream ticketMetrics reads)
// that gives one row per ticket, the status intervals (LEAD over each ticket's status changes) joined with the
// calendar's working intervals for business minutes; and the rows turned into ticketMetrics' per-ticket shape.
import type { BatchCounts, ExcludedRow } from "../errors/batch.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertObject } from "../internal/validate.js";
import type { ScheduleChoice } from "../time/calendar.js";
import { type Instant, instantMs, isoUtc } from "../time/instant.js";
import type { NextReplyTime, TicketDuration, TicketMetrics } from "../time/ticket-metrics.js";
import type { TicketStatus } from "../time/ticket-events.js";
import { businessMinutesBetween, lastIntervalJoin } from "./business-time.js";
import { checkDialect, epochSecondsOf, ident, type SqlDialect, tableRef, timestampOf } from "./dialect.js";
import type { SqlCell } from "./durations.js";

/** The columns of the events table {@link ticketMetricsSql} reads (each defaults to its key). */
export interface TicketEventFields {
  /** The ticket (text or a number). */
  readonly ticketId?: string;
  /** When it happened (a timestamp with time zone, or ISO text). */
  readonly at?: string;
  /** `created`, `status`, `comment`, `priority` (read with `fields.priority`) or `policy` (counted only). */
  readonly type?: string;
  /** The new status of a `status` event: new, open, pending, hold, solved or closed. */
  readonly status?: string;
  /** Who wrote a comment: `agent` or `requester`. */
  readonly author?: string;
  /** Whether a comment is public (a boolean). */
  readonly public?: string;
  /**
   * The new priority of a `priority` event (text, or null when cleared). Read only when given: the rows then have a
   * `priority` column, the priority after the ticket's last priority event.
   */
  readonly priority?: string;
  /**
   * A column that orders a ticket's events of one kind at one instant (an audit id, a row number): the events'
   * `sequence` for `ticketMetrics` (a number; null counts as 0). Without it every event's sequence is 0, and such ties
   * are ordered by their content, as `ticketMetrics` orders events without a sequence (`compareEvents` in
   * `cx-metrics/time`'s ticket events: the one rule of both).
   */
  readonly sequence?: string;
}

/** What {@link ticketMetricsSql} reads. */
export interface TicketMetricsSqlOptions {
  /** `"duckdb"` or `"postgres"`. */
  readonly dialect: SqlDialect;
  /** The events table (or view); default `"ticket_events"`. */
  readonly table?: string;
  /** The calendar's intervals table ({@link calendarIntervalsTableSql}); default `"calendar_intervals"`. */
  readonly intervals?: string;
  /** Whether to add business minutes by joining the intervals table (default false: calendar minutes only). */
  readonly calendar?: boolean;
  /**
   * The tickets as they stood at this instant (as `ticketMetrics`' `asOf`): later events and tickets created later are
   * left out, and the time in statuses runs to it (without it, to the latest solve).
   */
  readonly asOf?: Instant;
  /** Whether a solve ends a wait for a next reply ({@link nextReplyTimesSql}); default true, as in ticketMetrics. */
  readonly solveEndsNextReply?: boolean;
  /**
   * Which schedule of a calendar's schedule history counts: `"in-force"` (default, the only one the SQL covers: the
   * intervals table holds each moment's schedule). `"latest"` (Zendesk's choice: a whole figure on the schedule in
   * force when it is recorded) is refused with `INVALID_OPTION`; `ticketMetrics` computes it.
   */
  readonly schedule?: ScheduleChoice;
  /** The events table's column names, when they are not the defaults. */
  readonly fields?: TicketEventFields;
}

const FIELD_KEYS = ["ticketId", "at", "type", "status", "author", "public"] as const;

/** The figures the SQL gives, each a `<name>_minutes` column (and `<name>_business_minutes` with a calendar). */
const FIGURES = [
  "reply",
  "first_resolution",
  "full_resolution",
  "requester_wait",
  "agent_wait",
  "on_hold",
  "agent_work",
] as const;

/**
 * SQL (DuckDB or PostgreSQL) computing Zendesk's ticket metrics from a table of ticket events, one row per ticket, the
 * same figures as `ticketMetrics` gives for the same events (and the same `asOf`), with the default
 * `solveEndsNextReply`. The events table has the columns of the event stream: `ticketId`, `at`, `type`, `status`,
 * `author`, `public` (names changed with `fields`).
 *
 * Each ticket's status changes (the creation as `new`, then each status event that changes the status) become
 * intervals, each status from its event to the next (`LEAD`); the time in statuses sums them up to the latest solve,
 * each interval's business minutes read from the calendar's intervals table (an ASOF join in DuckDB, a lateral join in
 * PostgreSQL) when `calendar` is true. Columns: `ticket_id` (text), `status` (after the last event), `events`,
 * `replies`, `reopens`; instants as epoch seconds (`created_at_epoch`, `replied_at_epoch`, `first_resolved_at_epoch`,
 * `resolved_at_epoch`, `measured_to_epoch`, null when none); `reply_minutes`, `first_resolution_minutes`,
 * `full_resolution_minutes`, `requester_wait_minutes`, `agent_wait_minutes`, `on_hold_minutes`, `agent_work_minutes`
 * and, with `calendar`, each one's `_business_minutes`. {@link rowsFromTicketMetricsSql} turns them into
 * `ticketMetrics`' shape.
 *
 * The definitions are ticketMetrics' (an agent who opens a ticket with a comment has not replied; a close that skipped
 * the solve is a resolution; the time in statuses is null before the first solve); `nextReplyTimes` come from
 * {@link nextReplyTimesSql}. With `fields.priority`, the rows have the ticket's `priority`.
 *
 * **Bad events** are left out and counted, as `ticketMetrics` leaves them out under `invalid: "exclude"`: no ticket id,
 * no instant, an unknown type, a status event's unknown status, a comment's unknown author or missing public flag, a
 * second creation, an event before the creation, and every event of a ticket without one. Every row carries the
 * table's `events_read`, `events_used`, `events_skipped` (after `asOf`) and `events_rejected`; when no ticket is left,
 * one row carries them alone (its `ticket_id` null). **Events at one instant** are ordered by the rule `ticketMetrics`
 * follows (docs/time.md, "Events at the same second"): by kind (created, priority, policy, comment, status), then by
 * `fields.sequence` (the events' `sequence`; 0 without it), then by their content: statuses new, open, pending, hold,
 * solved, closed; the requester's internal notes, agents' internal notes, requester comments, agent comments; a
 * cleared priority, then priorities by their text (bytes). So the figures never depend on the order the rows are read
 * in, as `ticketMetrics`' never depend on the order of its input. **Not covered:** the `"latest"` schedule of a schedule history (`schedule: "latest"` is refused).
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad dialect, table, intervals or field name, and for `schedule:
 *   "latest"`.
 * @example
 * ```ts
 * ticketMetricsSql({ dialect: "duckdb" }).includes("LEAD"); //=> true
 * ```
 */
export function ticketMetricsSql(options: TicketMetricsSqlOptions): string {
  return buildSql("ticketMetricsSql", options, "tickets");
}

/**
 * SQL (DuckDB or PostgreSQL) giving `ticketMetrics`' `nextReplyTimes` from the same events table and options as
 * {@link ticketMetricsSql}: one row per wait, `ticket_id`, `from_epoch` (the requester comment that started it, epoch
 * seconds), `to_epoch` (the public agent comment or solve that ended it; null while it waits), `fulfilled_by`
 * (`"reply"`, `"solve"` or null), `minutes` and, with `calendar`, `business_minutes`. After the first reply, each
 * public requester comment that follows a reply or a solve starts a wait, ended by the next reply or solve (the default
 * `solveEndsNextReply`; with `false`, only a reply ends it). Pass the rows to {@link rowsFromTicketMetricsSql} with the
 * tickets'.
 *
 * @throws CxMetricsError as {@link ticketMetricsSql}.
 * @example
 * ```ts
 * nextReplyTimesSql({ dialect: "postgres" }).includes("fulfilled_by"); //=> true
 * ```
 */
export function nextReplyTimesSql(options: TicketMetricsSqlOptions): string {
  return buildSql("nextReplyTimesSql", options, "waits");
}

function buildSql(fn: string, options: TicketMetricsSqlOptions, what: "tickets" | "waits"): string {
  assertObject(fn, "options", options, "{ dialect, table?, intervals?, calendar?, fields? }");
  const dialect = checkDialect(fn, options.dialect);
  const table = tableRef(fn, options.table ?? "ticket_events");
  const calendar = options.calendar ?? false;
  if (typeof calendar !== "boolean") throw invalid(fn, "INVALID_OPTION", "calendar", calendar, "true or false");
  const intervals = calendar ? tableRef(fn, options.intervals ?? "calendar_intervals", "intervals") : "";
  const fields = options.fields ?? {};
  if (typeof fields !== "object" || fields === null)
    throw invalid(fn, "INVALID_OPTION", "fields", fields, "an object of column names");
  const column: Record<(typeof FIELD_KEYS)[number], string> = {} as never;
  for (const key of FIELD_KEYS) {
    const name = (fields as Record<string, unknown>)[key] ?? key;
    if (typeof name !== "string" || name === "")
      throw invalid(fn, "INVALID_OPTION", `fields.${key}`, name, "a column name");
    column[key] = name;
  }
  const priorityColumn = (fields as Record<string, unknown>).priority;
  if (priorityColumn !== undefined && (typeof priorityColumn !== "string" || priorityColumn === ""))
    throw invalid(fn, "INVALID_OPTION", "fields.priority", priorityColumn, "a column name");
  const sequenceColumn = (fields as Record<string, unknown>).sequence;
  if (sequenceColumn !== undefined && (typeof sequenceColumn !== "string" || sequenceColumn === ""))
    throw invalid(fn, "INVALID_OPTION", "fields.sequence", sequenceColumn, "a column name");
  const schedule = options.schedule ?? "in-force";
  if (schedule === "latest")
    throw new CxMetricsError(
      fn,
      "INVALID_OPTION",
      'schedule is "latest": the SQL measures business minutes on the schedule in force at each moment (the intervals table holds one schedule per moment); for Zendesk\'s "latest" schedule use ticketMetrics(events, { calendar, schedule: "latest" })',
      { value: schedule, field: "schedule" },
    );
  if (schedule !== "in-force")
    throw invalid(fn, "INVALID_OPTION", "schedule", schedule, '"in-force" (the SQL does not cover "latest")');
  const solveEnds = options.solveEndsNextReply ?? true;
  if (typeof solveEnds !== "boolean")
    throw invalid(fn, "INVALID_OPTION", "solveEndsNextReply", solveEnds, "true or false");
  const text = dialect === "duckdb" ? "VARCHAR" : "TEXT";
  const asOf =
    options.asOf === undefined ? null : `CAST('${isoUtc(instantMs(fn, "asOf", options.asOf))}' AS TIMESTAMPTZ)`;
  // The instant the time in statuses is measured to: asOf, else the latest solve.
  const measured = asOf ?? "r.resolved_at";
  const seconds = (expression: string): string => epochSecondsOf(dialect, expression);
  const minutes = (from: string, to: string): string =>
    `CASE WHEN ${from} IS NULL OR ${to} IS NULL THEN NULL ELSE (${seconds(to)} - ${seconds(from)}) / 60 END`;
  // Events at one instant, by the rule of compareEvents (src/time/ticket-events.ts), written here as keys: the kind's
  // rank (rnk), the sequence (seq, 0 when none), the content (dt: statuses new < open < pending < hold < solved <
  // closed; comments: requester notes < agent notes < public requester comments < public agent comments), then a
  // priority's text (dv: null first, then bytes: COLLATE "C" in PostgreSQL, as DuckDB compares text).
  const byText = dialect === "postgres" ? ' COLLATE "C"' : "";
  const order = `PARTITION BY ticket ORDER BY ts, rnk, seq, dt, dv${byText} NULLS FIRST`;
  const unsolved = "('new', 'open', 'pending', 'hold')";
  const statuses = "('new', 'open', 'pending', 'hold', 'solved', 'closed')";
  const raw = [
    `SELECT CAST(${ident(column.ticketId)} AS ${text}) AS ticket, ${timestampOf(dialect, column.at)} AS ts,`,
    `  CAST(${ident(column.type)} AS ${text}) AS type, CAST(${ident(column.status)} AS ${text}) AS status,`,
    `  CAST(${ident(column.author)} AS ${text}) AS author, CAST(${ident(column.public)} AS BOOLEAN) AS pub${priorityColumn === undefined ? "" : `, CAST(${ident(priorityColumn)} AS ${text}) AS priority`},`,
    `  ${sequenceColumn === undefined ? "0" : `COALESCE(${ident(sequenceColumn)}, 0)`} AS seq`,
    `FROM ${table}`,
  ].join("\n");
  const ctes = [
    `raw AS (\n${raw}\n)`,
    // Each event checked as readTicketEvent checks it (a ticket id, an instant, a known type; a status event's status,
    // a comment's author and public flag), with its kind's rank and its tie keys.
    [
      "checked AS (",
      "SELECT raw.*,",
      "  COALESCE(ticket IS NOT NULL AND ticket <> '' AND ts IS NOT NULL AND (type IN ('created', 'priority', 'policy')",
      `    OR (type = 'status' AND status IN ${statuses})`,
      "    OR (type = 'comment' AND author IN ('agent', 'requester') AND pub IS NOT NULL)), FALSE) AS ok,",
      "  CASE type WHEN 'created' THEN 0 WHEN 'priority' THEN 1 WHEN 'policy' THEN 2 WHEN 'comment' THEN 3 ELSE 4 END AS rnk,",
      "  CASE WHEN type = 'status' THEN CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 WHEN 'hold' THEN 3 WHEN 'solved' THEN 4 ELSE 5 END",
      "    WHEN type = 'comment' THEN (CASE WHEN pub THEN 2 ELSE 0 END) + (CASE WHEN author = 'agent' THEN 1 ELSE 0 END) ELSE 0 END AS dt,",
      `  ${priorityColumn === undefined ? `CAST(NULL AS ${text})` : "CASE WHEN type = 'priority' THEN priority END"} AS dv`,
      "FROM raw",
      ")",
    ].join("\n"),
    // A ticket's creation: its first good "created" event (by instant, then sequence); any other one is a second
    // creation, left out as ticketMetrics leaves it out.
    [
      "creations AS (",
      "SELECT checked.*, MIN(CASE WHEN ck = 1 THEN ts END) OVER (PARTITION BY ticket) AS created_at FROM (",
      "  SELECT checked.*, CASE WHEN ok AND type = 'created' THEN ROW_NUMBER() OVER (PARTITION BY ticket, ok AND type = 'created' ORDER BY ts, seq) END AS ck",
      "  FROM checked",
      ") AS checked",
      ")",
    ].join("\n"),
    // The events kept: good, of a ticket with a creation, not before it, not a second creation.
    [
      "kept AS (",
      `SELECT ticket, ts, type, status, author, pub, seq, rnk, dt, dv, created_at${priorityColumn === undefined ? "" : ", priority"} FROM creations`,
      "WHERE ok AND created_at IS NOT NULL AND ts >= created_at AND (type <> 'created' OR ck = 1)",
      ")",
    ].join("\n"),
    // The events used: with asOf, those up to it of the tickets created by then (the others are skipped).
    `ev AS (SELECT * FROM kept${asOf === null ? "" : ` WHERE created_at <= ${asOf} AND ts <= ${asOf}`})`,
    [
      "event_counts AS (",
      "SELECT (SELECT COUNT(*) FROM raw) AS events_read, (SELECT COUNT(*) FROM ev) AS events_used,",
      "  (SELECT COUNT(*) FROM kept) - (SELECT COUNT(*) FROM ev) AS events_skipped,",
      "  (SELECT COUNT(*) FROM raw) - (SELECT COUNT(*) FROM kept) AS events_rejected",
      ")",
    ].join("\n"),
    "tickets AS (SELECT ticket, MIN(created_at) AS created_at, COUNT(*) AS events FROM ev GROUP BY ticket)",
    // The creation as status new, then each status event; LAG gives the status before each one.
    [
      "statuses AS (",
      `SELECT ticket, ts, rnk, seq, dt, dv, status, LAG(status) OVER (${order}) AS prev FROM (`,
      "  SELECT ticket, ts, rnk, seq, dt, dv, CASE WHEN type = 'created' THEN 'new' ELSE status END AS status FROM ev",
      "  WHERE type = 'created' OR type = 'status'",
      ") AS s",
      ")",
    ].join("\n"),
    // The status intervals: each change of status, from its event to the next change (LEAD), null for the last.
    [
      "status_intervals AS (",
      `SELECT ticket, status, ts AS from_at, seq, dt, LEAD(ts) OVER (${order}) AS to_at,`,
      "  CASE WHEN prev IS NOT NULL AND (status = 'solved' OR (status = 'closed' AND prev <> 'solved')) THEN 1 ELSE 0 END AS resolves,",
      `  CASE WHEN prev IN ('solved', 'closed') AND status IN ${unsolved} THEN 1 ELSE 0 END AS reopens,`,
      `  ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts DESC, rnk DESC, seq DESC, dt DESC, dv${byText} DESC NULLS LAST) AS from_last`,
      "FROM statuses WHERE prev IS NULL OR status <> prev",
      ")",
    ].join("\n"),
    [
      "resolutions AS (",
      "SELECT ticket, MIN(CASE WHEN resolves = 1 THEN from_at END) AS first_resolved_at,",
      "  MAX(CASE WHEN resolves = 1 THEN from_at END) AS resolved_at, SUM(reopens) AS reopens,",
      "  MAX(CASE WHEN from_last = 1 THEN status END) AS status",
      "FROM status_intervals GROUP BY ticket",
      ")",
    ].join("\n"),
    // The unsolved intervals cut at the latest solve (the time in statuses is measured to it).
    [
      "segments AS (",
      `SELECT i.ticket, i.status, i.from_at, CASE WHEN i.to_at IS NULL OR i.to_at > ${measured} THEN ${measured} ELSE i.to_at END AS to_at`,
      "FROM status_intervals AS i JOIN resolutions AS r ON r.ticket = i.ticket",
      `WHERE ${measured} IS NOT NULL AND i.status IN ${unsolved} AND i.from_at < ${measured}`,
      ")",
    ].join("\n"),
    [
      "segment_minutes AS (",
      `SELECT s.ticket, s.status, ${minutes("s.from_at", "s.to_at")} AS calendar_minutes,`,
      `  ${calendar ? businessMinutesBetween(dialect, "s.from_at", "s.to_at", "a", "b") : `CAST(NULL AS ${dialect === "duckdb" ? "DOUBLE" : "DOUBLE PRECISION"})`} AS business_minutes`,
      "FROM segments AS s",
      ...(calendar
        ? [lastIntervalJoin(dialect, intervals, "s.from_at", "a"), lastIntervalJoin(dialect, intervals, "s.to_at", "b")]
        : []),
      ")",
    ].join("\n"),
    [
      "times AS (",
      "SELECT ticket,",
      ...(
        [
          ["requester_wait", "('new', 'open', 'hold')"],
          ["agent_wait", "('pending')"],
          ["on_hold", "('hold')"],
          ["agent_work", "('new', 'open')"],
        ] as const
      ).flatMap(([name, set], k, all) =>
        ["calendar_minutes", "business_minutes"].map(
          (clock, c) =>
            `  SUM(CASE WHEN status IN ${set} THEN ${clock} ELSE 0 END) AS ${name}_${clock === "calendar_minutes" ? "minutes" : "business_minutes"}${k === all.length - 1 && c === 1 ? "" : ","}`,
        ),
      ),
      "FROM segment_minutes GROUP BY ticket",
      ")",
    ].join("\n"),
    // The first comment at the creation instant is the ticket's description, not a reply.
    [
      "comments AS (",
      "SELECT ticket, ts, seq, dt, author, pub, created_at, ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts, seq, dt) AS n",
      "FROM ev WHERE type = 'comment'",
      ")",
    ].join("\n"),
    [
      "replies AS (",
      "SELECT ticket, COUNT(*) AS replies, MIN(ts) AS replied_at FROM comments",
      "WHERE pub AND author = 'agent' AND NOT (n = 1 AND ts = created_at) GROUP BY ticket",
      ")",
    ].join("\n"),
  ];
  if (what === "waits") {
    // After the first reply (itself an ender), the replies and solves that end a wait and the requester comments that
    // start one, in order; a comment after an ender starts a wait, ended by the next ender.
    const waits = [
      [
        "wait_events AS (",
        `SELECT c.ticket, c.ts, 3 AS rnk, c.seq, c.dt, CAST(NULL AS ${text}) AS dv, CASE WHEN c.author = 'agent' THEN 'reply' ELSE 'ask' END AS kind`,
        "FROM comments AS c JOIN replies AS p ON p.ticket = c.ticket",
        "WHERE c.pub AND NOT (c.n = 1 AND c.ts = c.created_at) AND c.ts >= p.replied_at",
        ...(solveEnds
          ? [
              "UNION ALL",
              `SELECT i.ticket, i.from_at AS ts, 4 AS rnk, i.seq, i.dt, CAST(NULL AS ${text}) AS dv, 'solve' AS kind`,
              "FROM status_intervals AS i JOIN replies AS p ON p.ticket = i.ticket",
              "WHERE i.resolves = 1 AND i.from_at >= p.replied_at",
            ]
          : []),
        ")",
      ].join("\n"),
      [
        "wait_order AS (",
        `SELECT ticket, ts, kind, LAG(kind) OVER (${order}) AS before,`,
        `  SUM(CASE WHEN kind = 'ask' THEN 0 ELSE 1 END) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS enders`,
        "FROM wait_events",
        ")",
      ].join("\n"),
      [
        "waits AS (",
        "SELECT s.ticket, s.ts AS from_at, e.ts AS to_at, e.kind AS fulfilled_by",
        "FROM wait_order AS s LEFT JOIN wait_order AS e ON e.ticket = s.ticket AND e.kind <> 'ask' AND e.enders = s.enders + 1",
        "WHERE s.kind = 'ask' AND s.before <> 'ask'",
        ")",
      ].join("\n"),
    ];
    return [
      `WITH ${[...ctes, ...waits].join(",\n")}`,
      `SELECT w.ticket AS ticket_id, ${seconds("w.from_at")} AS from_epoch, ${seconds("w.to_at")} AS to_epoch, w.fulfilled_by AS fulfilled_by,`,
      `  ${minutes("w.from_at", "w.to_at")} AS minutes${calendar ? `,\n  ${businessMinutesBetween(dialect, "w.from_at", "w.to_at", "wf", "wt")} AS business_minutes` : ""}`,
      "FROM waits AS w",
      ...(calendar
        ? [
            lastIntervalJoin(dialect, intervals, "w.from_at", "wf"),
            lastIntervalJoin(dialect, intervals, "w.to_at", "wt"),
          ]
        : []),
      "ORDER BY ticket_id, from_epoch",
    ].join("\n");
  }
  if (priorityColumn !== undefined)
    ctes.push(
      [
        "priorities AS (",
        "SELECT ticket, priority FROM (",
        `  SELECT ticket, priority, ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts DESC, seq DESC, dv${byText} DESC NULLS LAST) AS k FROM ev WHERE type = 'priority'`,
        ") AS q WHERE k = 1",
        ")",
      ].join("\n"),
    );
  const spans: [string, string, string][] = [
    ["reply", "p.replied_at", "rr"],
    ["first_resolution", "r.first_resolved_at", "fr"],
    ["full_resolution", "r.resolved_at", "lr"],
  ];
  const columns = [
    "t.ticket AS ticket_id",
    "r.status AS status",
    ...(priorityColumn === undefined ? [] : ["q.priority AS priority"]),
    "t.events AS events",
    "COALESCE(p.replies, 0) AS replies",
    "COALESCE(r.reopens, 0) AS reopens",
    `${seconds("t.created_at")} AS created_at_epoch`,
    `${seconds("p.replied_at")} AS replied_at_epoch`,
    `${seconds("r.first_resolved_at")} AS first_resolved_at_epoch`,
    `${seconds("r.resolved_at")} AS resolved_at_epoch`,
    `${seconds(measured)} AS measured_to_epoch`,
    ...spans.map(([name, end]) => `${minutes("t.created_at", end)} AS ${name}_minutes`),
    ...(calendar
      ? spans.map(
          ([name, end, alias]) =>
            `${businessMinutesBetween(dialect, "t.created_at", end, "ca", alias)} AS ${name}_business_minutes`,
        )
      : []),
    ...FIGURES.slice(3).flatMap((name) => [
      `CASE WHEN ${measured} IS NULL THEN NULL ELSE COALESCE(m.${name}_minutes, 0) END AS ${name}_minutes`,
      ...(calendar
        ? [
            `CASE WHEN ${measured} IS NULL THEN NULL ELSE COALESCE(m.${name}_business_minutes, 0) END AS ${name}_business_minutes`,
          ]
        : []),
    ]),
  ];
  const joins = [
    "FROM tickets AS t",
    "LEFT JOIN resolutions AS r ON r.ticket = t.ticket",
    "LEFT JOIN replies AS p ON p.ticket = t.ticket",
    "LEFT JOIN times AS m ON m.ticket = t.ticket",
    ...(priorityColumn === undefined ? [] : ["LEFT JOIN priorities AS q ON q.ticket = t.ticket"]),
    ...(calendar
      ? [
          lastIntervalJoin(dialect, intervals, "t.created_at", "ca"),
          ...spans.map(([, end, alias]) => lastIntervalJoin(dialect, intervals, end, alias)),
        ]
      : []),
  ];
  // One row per ticket, each with the events read, used, skipped and rejected (one row of them alone when no ticket
  // is left: the counts are never lost with the tickets).
  return [
    `WITH ${ctes.join(",\n")}`,
    "SELECT tr.*, n.events_read, n.events_used, n.events_skipped, n.events_rejected",
    "FROM event_counts AS n LEFT JOIN (",
    `SELECT ${columns.join(",\n  ")}`,
    joins.join("\n"),
    ") AS tr ON TRUE",
  ].join("\n");
}

/** One ticket's figures from {@link ticketMetricsSql}: the fields of `TicketMetrics` the SQL covers. */
export type TicketMetricsFromSql = Pick<
  TicketMetrics,
  | "ticketId"
  | "createdAt"
  | "status"
  | "replyTime"
  | "repliedAt"
  | "firstResolutionTime"
  | "fullResolutionTime"
  | "firstResolvedAt"
  | "resolvedAt"
  | "requesterWaitTime"
  | "agentWaitTime"
  | "onHoldTime"
  | "agentWorkTime"
  | "measuredTo"
  | "reopens"
  | "replies"
  | "events"
> & {
  /** The priority after the last priority event (or null), when the SQL read a priority column. */
  readonly priority?: string | null;
  /** The waits for a next reply, when the rows of {@link nextReplyTimesSql} were given. */
  readonly nextReplyTimes?: readonly NextReplyTime[];
};

/** What {@link rowsFromTicketMetricsSql} gives: the tickets, and the events read, used, skipped and rejected. */
export interface TicketMetricsSqlResult {
  /** One entry per ticket, ordered as `ticketMetrics` orders them (by creation, then ticket id). */
  readonly tickets: readonly TicketMetricsFromSql[];
  /**
   * The events of the table: read (`total`), used, skipped (after `asOf`, or of tickets created after it) and rejected
   * (`excluded`: not a ticket's event as `ticketMetrics` reads it), `total = used + skipped + excluded` as in
   * `ticketMetrics`' `rows`.
   */
  readonly rows: BatchCounts;
  /** Empty: the SQL counts the rejected events, it does not list them (`ticketMetrics` lists them). */
  readonly exclusions: readonly ExcludedRow[];
}

const num = (value: SqlCell): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The rows of {@link ticketMetricsSql} as `ticketMetrics` gives its tickets (the figures the SQL covers), ordered as
 * `ticketMetrics` orders them (by creation, then ticket id). Business minutes are null when the SQL was made without
 * `calendar`. With the rows of {@link nextReplyTimesSql} (`waits`), each ticket has its `nextReplyTimes` too. `rows`
 * gives the table's events read, used, skipped and rejected (`excluded`), as `ticketMetrics`' `rows` does.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for rows that are not ticketMetricsSql's (none, or without the counts)
 *   and, with the index, for a row or a wait that is not an object; `INVALID_VALUE` (with the index) for an instant
 *   that is not seconds since 1970, a missing creation or minutes that are not a number (they gave "NaN-undefined-..."
 *   instants and NaN minutes); `INVALID_COUNT` for events, replies or reopens that are not a whole number ≥ 0.
 * @example
 * ```ts
 * const { tickets, rows } = rowsFromTicketMetricsSql([
 *   { ticket_id: "7", status: "pending", events: 3, replies: 1, reopens: 0, created_at_epoch: 1741597200,
 *     replied_at_epoch: 1741599000, reply_minutes: 30,
 *     events_read: 4, events_used: 3, events_skipped: 0, events_rejected: 1 },
 * ]);
 * tickets[0]?.replyTime?.calendar; //=> 30
 * rows.excluded; //=> 1
 * ```
 */
export function rowsFromTicketMetricsSql(
  rows: readonly Readonly<Record<string, SqlCell>>[],
  waits?: readonly Readonly<Record<string, SqlCell>>[],
): TicketMetricsSqlResult {
  const fn = "rowsFromTicketMetricsSql";
  if (!Array.isArray(rows) || rows.length === 0 || rows[0] === null || typeof rows[0] !== "object")
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "rows",
      rows,
      "the rows of ticketMetricsSql (at least one: the events' counts)",
    );
  const counts = rows[0];
  const count = (name: string): number => {
    const value = num(counts[name]);
    if (value === null || !Number.isInteger(value) || value < 0)
      throw invalid(fn, "INVALID_ARGUMENT", `rows[0].${name}`, counts[name], "a count (the rows of ticketMetricsSql)");
    return value;
  };
  const events: BatchCounts = {
    total: count("events_read"),
    used: count("events_used"),
    skipped: count("events_skipped"),
    excluded: count("events_rejected"),
  };
  if (waits !== undefined && !Array.isArray(waits))
    throw invalid(fn, "INVALID_ARGUMENT", "waits", waits, "the rows of nextReplyTimesSql");
  // A cell the queries cannot have written (text, NaN, a date past year 275760) gave "NaN-undefined-..." instants and
  // NaN minutes; it is refused with the row's index.
  const cell = (rowsName: string, row: Readonly<Record<string, SqlCell>>, index: number, name: string) => {
    const value = num(row[name]);
    if (value !== null && !Number.isFinite(value))
      throw invalid(
        fn,
        "INVALID_VALUE",
        `${rowsName}[${index}].${name}`,
        row[name],
        "a number (the rows of ticketMetricsSql)",
        index,
      );
    return value;
  };
  const instantOf = (rowsName: string, row: Readonly<Record<string, SqlCell>>, index: number, name: string) => {
    const s = cell(rowsName, row, index, name);
    if (s !== null && !(Math.abs(s) <= 8.64e12))
      throw invalid(
        fn,
        "INVALID_VALUE",
        `${rowsName}[${index}].${name}`,
        row[name],
        "seconds since 1970 (the rows of ticketMetricsSql)",
        index,
      );
    return s === null ? null : isoUtc(Math.round(s * 1000));
  };
  const byTicket = new Map<string, { from: number; wait: NextReplyTime }[]>();
  for (const [index, row] of (waits ?? []).entries()) {
    if (typeof row !== "object" || row === null)
      throw invalid(fn, "INVALID_ARGUMENT", `waits[${index}]`, row, "a row of nextReplyTimesSql", index);
    const instant = (name: string): string | null => instantOf("waits", row, index, name);
    const to = instant("to_epoch");
    const by = row.fulfilled_by;
    const list = byTicket.get(String(row.ticket_id)) ?? [];
    list.push({
      from: num(row.from_epoch) ?? 0,
      wait: {
        from: instant("from_epoch")!,
        to,
        fulfilledBy: to === null ? null : by === "solve" ? "solve" : "reply",
        calendar: to === null ? null : cell("waits", row, index, "minutes"),
        business: to === null ? null : cell("waits", row, index, "business_minutes"),
      },
    });
    byTicket.set(String(row.ticket_id), list);
  }
  const tickets = rows.flatMap((row, index): TicketMetricsFromSql[] => {
    if (typeof row !== "object" || row === null)
      throw invalid(fn, "INVALID_ARGUMENT", `rows[${index}]`, row, "a row of ticketMetricsSql", index);
    if (row.ticket_id === null || row.ticket_id === undefined) return []; // the counts' row when no ticket is left
    const at = (name: string): string | null => instantOf("rows", row, index, name);
    const duration = (name: string): TicketDuration | null => {
      const calendar = cell("rows", row, index, `${name}_minutes`);
      return calendar === null ? null : { calendar, business: cell("rows", row, index, `${name}_business_minutes`) };
    };
    const count = (name: string): number => {
      const value = num(row[name]) ?? 0;
      if (!Number.isSafeInteger(value) || value < 0)
        throw invalid(fn, "INVALID_COUNT", `rows[${index}].${name}`, row[name], "a count, a whole number ≥ 0", index);
      return value;
    };
    const createdAt = at("created_at_epoch");
    if (createdAt === null)
      throw invalid(
        fn,
        "INVALID_VALUE",
        `rows[${index}].created_at_epoch`,
        row.created_at_epoch,
        "the ticket's creation, seconds since 1970",
        index,
      );
    const resolvedAt = at("resolved_at_epoch");
    const ticket: TicketMetricsFromSql = {
      ticketId: String(row.ticket_id),
      createdAt,
      status: String(row.status) as TicketStatus,
      ...("priority" in row ? { priority: row.priority === null ? null : String(row.priority) } : {}),
      replyTime: duration("reply"),
      repliedAt: at("replied_at_epoch"),
      firstResolutionTime: duration("first_resolution"),
      fullResolutionTime: duration("full_resolution"),
      firstResolvedAt: at("first_resolved_at_epoch"),
      resolvedAt,
      requesterWaitTime: duration("requester_wait"),
      agentWaitTime: duration("agent_wait"),
      onHoldTime: duration("on_hold"),
      agentWorkTime: duration("agent_work"),
      measuredTo: row.measured_to_epoch === undefined ? resolvedAt : at("measured_to_epoch"),
      reopens: count("reopens"),
      replies: count("replies"),
      events: count("events"),
      ...(waits === undefined
        ? {}
        : {
            nextReplyTimes: (byTicket.get(String(row.ticket_id)) ?? [])
              .sort((a, b) => a.from - b.from)
              .map(({ wait }) => wait),
          }),
    };
    return [ticket];
  });
  tickets.sort((a, b) =>
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
  return { tickets, rows: events, exclusions: [] };
}
