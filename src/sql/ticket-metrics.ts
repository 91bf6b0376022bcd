// Zendesk's ticket metrics where the events are: SQL over a table of ticket events (the stream ticketMetrics reads)
// that gives one row per ticket, the status intervals (LEAD over each ticket's status changes) joined with the
// calendar's working intervals for business minutes; and the rows turned into ticketMetrics' per-ticket shape.
import { invalid } from "../internal/describe.js";
import { assertObject } from "../internal/validate.js";
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
   * A column that orders a ticket's events of one kind at one instant (an audit id, a row number), as the input order
   * does for `ticketMetrics`. Without it such ties have no order in SQL.
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
 * {@link nextReplyTimesSql}. With `fields.priority`, the rows have the
 * ticket's `priority`. **Not covered:** the `"latest"` schedule of a
 * history; nor the batch policy: the table must hold one `created` event per ticket and no event before it (rows of
 * other types, tickets without a creation and events before it are left out, not reported). Events of one kind at one
 * instant have no order in SQL unless `fields.sequence` gives one: without it, two status events, or two comments, of
 * one ticket at the same instant may give other figures than the JS, which keeps their input order.
 *
 * @throws CxMetricsError `INVALID_OPTION` for a bad dialect, table, intervals or field name.
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
  const order = "PARTITION BY ticket ORDER BY ts, rnk, seq";
  const unsolved = "('new', 'open', 'pending', 'hold')";
  const raw = [
    `SELECT CAST(${ident(column.ticketId)} AS ${text}) AS ticket, ${timestampOf(dialect, column.at)} AS ts,`,
    `  CAST(${ident(column.type)} AS ${text}) AS type, CAST(${ident(column.status)} AS ${text}) AS status,`,
    `  CAST(${ident(column.author)} AS ${text}) AS author, CAST(${ident(column.public)} AS BOOLEAN) AS pub${priorityColumn === undefined ? "" : `, CAST(${ident(priorityColumn)} AS ${text}) AS priority`},`,
    `  ${sequenceColumn === undefined ? "0" : ident(sequenceColumn)} AS seq`,
    `FROM ${table}`,
  ].join("\n");
  const ctes = [
    `raw AS (\n${raw}\n)`,
    `creations AS (SELECT ticket, MIN(ts) AS created_at FROM raw WHERE type = 'created'${asOf === null ? "" : ` AND ts <= ${asOf}`} GROUP BY ticket)`,
    [
      "ev AS (",
      `SELECT raw.ticket, raw.ts, raw.type, raw.status, raw.author, raw.pub, raw.seq, c.created_at,${priorityColumn === undefined ? "" : " raw.priority,"}`,
      "  CASE raw.type WHEN 'created' THEN 0 WHEN 'priority' THEN 1 WHEN 'policy' THEN 2 WHEN 'comment' THEN 3 ELSE 4 END AS rnk",
      "FROM raw JOIN creations AS c ON c.ticket = raw.ticket",
      "WHERE raw.ts >= c.created_at AND raw.type IN ('created', 'status', 'comment', 'priority', 'policy')",
      `  AND (raw.type <> 'created' OR raw.ts = c.created_at)${asOf === null ? "" : ` AND raw.ts <= ${asOf}`}`,
      ")",
    ].join("\n"),
    "tickets AS (SELECT ticket, MIN(created_at) AS created_at, COUNT(*) AS events FROM ev GROUP BY ticket)",
    // The creation as status new, then each status event; LAG gives the status before each one.
    [
      "statuses AS (",
      `SELECT ticket, ts, rnk, seq, status, LAG(status) OVER (${order}) AS prev FROM (`,
      "  SELECT ticket, ts, rnk, seq, CASE WHEN type = 'created' THEN 'new' ELSE status END AS status FROM ev",
      "  WHERE type = 'created' OR (type = 'status' AND status IN ('new', 'open', 'pending', 'hold', 'solved', 'closed'))",
      ") AS s",
      ")",
    ].join("\n"),
    // The status intervals: each change of status, from its event to the next change (LEAD), null for the last.
    [
      "status_intervals AS (",
      `SELECT ticket, status, ts AS from_at, seq, LEAD(ts) OVER (${order}) AS to_at,`,
      "  CASE WHEN prev IS NOT NULL AND (status = 'solved' OR (status = 'closed' AND prev <> 'solved')) THEN 1 ELSE 0 END AS resolves,",
      `  CASE WHEN prev IN ('solved', 'closed') AND status IN ${unsolved} THEN 1 ELSE 0 END AS reopens,`,
      "  ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts DESC, rnk DESC, seq DESC) AS from_last",
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
      "SELECT ticket, ts, seq, author, pub, created_at, ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts, seq) AS n",
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
        "SELECT c.ticket, c.ts, 3 AS rnk, c.seq, CASE WHEN c.author = 'agent' THEN 'reply' ELSE 'ask' END AS kind",
        "FROM comments AS c JOIN replies AS p ON p.ticket = c.ticket",
        "WHERE c.pub AND NOT (c.n = 1 AND c.ts = c.created_at) AND c.ts >= p.replied_at",
        ...(solveEnds
          ? [
              "UNION ALL",
              "SELECT i.ticket, i.from_at AS ts, 4 AS rnk, i.seq, 'solve' AS kind",
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
        "  SELECT ticket, priority, ROW_NUMBER() OVER (PARTITION BY ticket ORDER BY ts DESC, seq DESC) AS k FROM ev WHERE type = 'priority'",
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
  return `WITH ${ctes.join(",\n")}\nSELECT ${columns.join(",\n  ")}\n${joins.join("\n")}`;
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

const num = (value: SqlCell): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The rows of {@link ticketMetricsSql} as `ticketMetrics` gives its tickets (the figures the SQL covers), ordered as
 * `ticketMetrics` orders them (by creation, then ticket id). Business minutes are null when the SQL was made without
 * `calendar`. With the rows of {@link nextReplyTimesSql} (`waits`), each ticket has its `nextReplyTimes` too.
 *
 * @example
 * ```ts
 * const [ticket] = rowsFromTicketMetricsSql([
 *   { ticket_id: "7", status: "pending", events: 3, replies: 1, reopens: 0, created_at_epoch: 1741597200,
 *     replied_at_epoch: 1741599000, reply_minutes: 30 },
 * ]);
 * ticket?.replyTime?.calendar; //=> 30
 * ```
 */
export function rowsFromTicketMetricsSql(
  rows: readonly Readonly<Record<string, SqlCell>>[],
  waits?: readonly Readonly<Record<string, SqlCell>>[],
): TicketMetricsFromSql[] {
  const fn = "rowsFromTicketMetricsSql";
  if (!Array.isArray(rows)) throw invalid(fn, "INVALID_ARGUMENT", "rows", rows, "the rows of ticketMetricsSql");
  if (waits !== undefined && !Array.isArray(waits))
    throw invalid(fn, "INVALID_ARGUMENT", "waits", waits, "the rows of nextReplyTimesSql");
  const instant = (value: SqlCell): string | null => {
    const s = num(value);
    return s === null ? null : isoUtc(Math.round(s * 1000));
  };
  const byTicket = new Map<string, { from: number; wait: NextReplyTime }[]>();
  for (const row of waits ?? []) {
    const to = instant(row.to_epoch);
    const by = row.fulfilled_by;
    const list = byTicket.get(String(row.ticket_id)) ?? [];
    list.push({
      from: num(row.from_epoch) ?? 0,
      wait: {
        from: instant(row.from_epoch)!,
        to,
        fulfilledBy: to === null ? null : by === "solve" ? "solve" : "reply",
        calendar: to === null ? null : num(row.minutes),
        business: to === null ? null : num(row.business_minutes),
      },
    });
    byTicket.set(String(row.ticket_id), list);
  }
  const tickets = rows.map((row): TicketMetricsFromSql => {
    const duration = (name: string): TicketDuration | null => {
      const calendar = num(row[`${name}_minutes`]);
      return calendar === null ? null : { calendar, business: num(row[`${name}_business_minutes`]) };
    };
    const resolvedAt = instant(row.resolved_at_epoch);
    return {
      ticketId: String(row.ticket_id),
      createdAt: instant(row.created_at_epoch)!,
      status: String(row.status) as TicketStatus,
      ...("priority" in row ? { priority: row.priority === null ? null : String(row.priority) } : {}),
      replyTime: duration("reply"),
      repliedAt: instant(row.replied_at_epoch),
      firstResolutionTime: duration("first_resolution"),
      fullResolutionTime: duration("full_resolution"),
      firstResolvedAt: instant(row.first_resolved_at_epoch),
      resolvedAt,
      requesterWaitTime: duration("requester_wait"),
      agentWaitTime: duration("agent_wait"),
      onHoldTime: duration("on_hold"),
      agentWorkTime: duration("agent_work"),
      measuredTo: row.measured_to_epoch === undefined ? resolvedAt : instant(row.measured_to_epoch),
      reopens: num(row.reopens) ?? 0,
      replies: num(row.replies) ?? 0,
      events: num(row.events) ?? 0,
      ...(waits === undefined
        ? {}
        : {
            nextReplyTimes: (byTicket.get(String(row.ticket_id)) ?? [])
              .sort((a, b) => a.from - b.from)
              .map(({ wait }) => wait),
          }),
    };
  });
  return tickets.sort((a, b) =>
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
}
