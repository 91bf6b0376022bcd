// `cx-metrics report --events FILE`: Zendesk's ticket audits or ticket metric events (found by their shape), or the
// library's ticket events (a JSON array or NDJSON), measured per ticket by ticketMetrics, then one figure per ticket
// (per wait for next-reply-time) summarized by segment and period of the ticket's creation like any duration report.
import type { ExcludedRow } from "../errors/batch.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { parseInstant } from "../internal/instant.js";
import type { ReportRow, SummarizeResult, SummarizeSpec } from "../report/spec.js";
import { createSummary } from "../report/summarize.js";
import { P_ADJUST_METHODS } from "../stats/adjust.js";
import { PERCENTILE_METHODS } from "../stats/percentile.js";
import { type BusinessCalendar, type BusinessCalendarOptions, businessCalendar } from "../time/calendar.js";
import type { TicketEvent } from "../time/ticket-events.js";
import { type TicketDuration, type TicketMetrics, ticketMetrics } from "../time/ticket-metrics.js";
import {
  type TicketSlaMetric,
  type TicketSlaPolicy,
  type TicketSlaResult,
  type TicketSlaTarget,
  ticketSla,
} from "../sla/events.js";
import { eventsFromZendeskAudits, eventsFromZendeskMetricEvents } from "../time/zendesk.js";
import { listOf, numberFlag, oneOf, type parseFlags, type REPORT_OPTIONS, UsageError } from "./args.js";
import { writeRejectsCsv } from "./format/csv.js";
import { checkOutputPath } from "./format/files.js";
import { OUTPUT_FORMATS, type OutputFormat, type Reject, writeReport } from "./format/index.js";
import { visible } from "./format/safe.js";
import { InputError } from "./read/input.js";
import { readLimitedText } from "./read/limited.js";
import { type CommandIO, type ExitCode, parseHours, readJson, rowOptions } from "./command-parts.js";

/** The ticket metrics `--events` reports. */
export const EVENT_METRICS = [
  "reply-time",
  "next-reply-time",
  "first-resolution",
  "full-resolution",
  "requester-wait",
  "agent-wait",
  "on-hold",
  "sla",
] as const;

/** One of {@link EVENT_METRICS}. */
export type EventMetric = (typeof EVENT_METRICS)[number];

/** The ticket fields `--by` takes with `--events`. */
export const EVENT_SEGMENTS = ["priority", "status"] as const;

/** The largest events file read (read whole: JSON; about 2.8 million events of the library's NDJSON). */
export const MAX_EVENTS_FILE_BYTES = 256 * 1024 * 1024;

const METHOD: Record<EventMetric, string> = {
  "reply-time": "Reply time (Zendesk's first reply time): creation → the first public agent comment, per ticket",
  "next-reply-time":
    "Next reply time: each wait from the oldest unanswered requester comment to the agent reply (or solve) that ended it",
  "first-resolution": "First resolution time: creation → the first solve, per ticket",
  "full-resolution": "Full resolution time: creation → the latest solve, per ticket",
  "requester-wait": "Requester wait time: time in new, open and hold up to the latest solve (or --as-of), per ticket",
  "agent-wait": "Agent wait time: time in pending up to the latest solve (or --as-of), per ticket",
  "on-hold": "On-hold time: time in hold up to the latest solve (or --as-of), per ticket",
  sla: "",
};

const SLA_METHOD =
  "SLA % = met / (met + breached), pending apart, each target measured by ticketSla on the ticket's events (the clocks Zendesk's SLAs run); n counts measurements (a ticket with a first-response and a resolution target counts twice); periods of the ticket's creation; interval: Wilson; change: Miettinen-Nurminen score test and its interval. Sources: docs/sla.md.";

const method = (metric: EventMetric): string =>
  metric === "sla"
    ? SLA_METHOD
    : `${METHOD[metric]}, measured by ticketMetrics from the ticket's events; the median in minutes (business minutes when business hours are given), with the other percentiles; periods of the ticket's creation; no change test. Sources: docs/time.md.`;

/** The minutes of a metric in one ticket (several for next-reply-time; none while not measured). */
function minutesOf(ticket: TicketMetrics, metric: EventMetric, business: boolean): number[] {
  const pick = (duration: TicketDuration | null): number[] => {
    const value = duration === null ? null : business ? duration.business : duration.calendar;
    return value === null ? [] : [value];
  };
  switch (metric) {
    case "reply-time":
      return pick(ticket.replyTime);
    case "next-reply-time": {
      const out: number[] = [];
      for (const wait of ticket.nextReplyTimes) {
        const value = business ? wait.business : wait.calendar;
        if (value !== null) out.push(value);
      }
      return out;
    }
    case "first-resolution":
      return pick(ticket.firstResolutionTime);
    case "full-resolution":
      return pick(ticket.fullResolutionTime);
    case "requester-wait":
      return pick(ticket.requesterWaitTime);
    case "agent-wait":
      return pick(ticket.agentWaitTime);
    case "on-hold":
      return pick(ticket.onHoldTime);
    case "sla":
      return [];
  }
}

/** The events of a file and where each came from (`line` for NDJSON, else a place in the JSON). */
export interface EventsRead {
  readonly kind: "zendesk-audits" | "zendesk-metric-events" | "events";
  readonly events: readonly TicketEvent[];
  /** The 1-based line of each event (NDJSON), or 0. */
  readonly lines: readonly number[];
  /** Where each event is in the JSON (`audits[3].events[1]`, `[12]`), or "" for NDJSON. */
  readonly places: readonly string[];
  /** Lines of an NDJSON file that are not JSON. */
  readonly unreadable: readonly Reject[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Which export a parsed JSON document is: Zendesk's audits, its metric events, or ticket events. */
function shapeOf(json: unknown): EventsRead["kind"] {
  const first = Array.isArray(json) ? json[0] : json;
  if (isObject(first)) {
    if ("audits" in first || "audit" in first || (Array.isArray(first.events) && "ticket_id" in first))
      return "zendesk-audits";
    if ("ticket_metric_events" in first || ("instance_id" in first && "metric" in first))
      return "zendesk-metric-events";
  }
  return "events";
}

/** Reads an events file: a JSON document (Zendesk export or array of events) or NDJSON (one event a line). */
export function readEventsFile(path: string): EventsRead {
  let text: string;
  try {
    text = readLimitedText(path, MAX_EVENTS_FILE_BYTES);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`--events ${path}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--events ${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (error as Error).message}`,
    );
  }
  let json: unknown;
  let parsed = true;
  try {
    json = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (!parsed || (isObject(json) && shapeOf(json) === "events")) {
    // NDJSON: one event a line (a file of one object line is NDJSON too).
    const events: TicketEvent[] = [];
    const lines: number[] = [];
    const unreadable: Reject[] = [];
    const all = text.split("\n");
    for (let i = 0; i < all.length; i++) {
      const line = all[i]!.trim();
      if (line === "") continue;
      try {
        events.push(JSON.parse(line) as TicketEvent);
        lines.push(i + 1);
      } catch (error) {
        unreadable.push({ line: i + 1, column: null, value: null, reason: `not JSON: ${(error as Error).message}` });
      }
    }
    if (events.length === 0 && unreadable.length > 0 && !parsed)
      throw new InputError(
        `--events ${path}: neither JSON nor NDJSON (line ${unreadable[0]!.line}: ${unreadable[0]!.reason})`,
      );
    return { kind: "events", events, lines, places: events.map(() => ""), unreadable };
  }
  const kind = shapeOf(json);
  try {
    if (kind === "zendesk-audits") {
      const { events } = eventsFromZendeskAudits(json);
      return { kind, events, lines: events.map(() => 0), places: events.map((e) => e.source), unreadable: [] };
    }
    if (kind === "zendesk-metric-events") {
      const { events } = eventsFromZendeskMetricEvents(json);
      return { kind, events, lines: events.map(() => 0), places: events.map((e) => e.source), unreadable: [] };
    }
  } catch (error) {
    if (isCxMetricsError(error)) throw new InputError(`--events ${path}: ${error.message}`);
    throw error;
  }
  if (!Array.isArray(json))
    throw new InputError(
      `--events ${path}: expected Zendesk's ticket audits or ticket metric events, an array of ticket events, or NDJSON`,
    );
  const events = json as TicketEvent[];
  return { kind, events, lines: events.map(() => 0), places: events.map((_, i) => `[${i}]`), unreadable: [] };
}

/** A left-out event as a reject: its line (NDJSON) or its place in the JSON, the field, value and reason. */
function rejectOf(read: EventsRead, excluded: ExcludedRow): Reject {
  const line = read.lines[excluded.index] ?? 0;
  const place = read.places[excluded.index] ?? "";
  const field = excluded.field === "" ? null : excluded.field;
  const column = place === "" ? field : field === null ? place : `${place}.${field}`;
  return {
    line,
    column,
    value: excluded.value === undefined ? null : excluded.value,
    reason: excluded.reason.replace(/^ticketMetrics: /, ""),
  };
}

type Values = ReturnType<typeof parseFlags<typeof REPORT_OPTIONS>>["values"];

function calendarOf(values: Values): BusinessCalendar | undefined {
  const timeZone = values["time-zone"];
  try {
    if (values.calendar !== undefined && values.hours !== undefined)
      throw new UsageError("give --hours or --calendar, not both");
    let options: BusinessCalendarOptions | undefined;
    if (values.calendar !== undefined) options = readJson("calendar", values.calendar) as BusinessCalendarOptions;
    if (values.hours !== undefined) {
      if (timeZone === undefined) throw new UsageError("--hours needs --time-zone: business hours are local times");
      options = { timeZone, week: parseHours(values.hours) };
    }
    return options === undefined ? undefined : businessCalendar(options);
  } catch (error) {
    if (isCxMetricsError(error))
      throw new UsageError(`--${values.calendar !== undefined ? "calendar" : "hours"}: ${error.message}`);
    throw error;
  }
}

/** Flags that read columns of a table, which an events file does not have. */
const TABLE_FLAGS = [
  "column",
  "preset",
  "input-format",
  "delimiter",
  "engine",
  "sql",
  "table",
  "weight",
  "scale",
  "mode",
  "resolution",
  "scorecard",
] as const;

const SLA_METRICS: readonly TicketSlaMetric[] = [
  "first-response",
  "next-response",
  "periodic-update",
  "pausable-update",
  "requester-wait",
  "agent-work",
  "resolution",
];

/** "first-response=240:business" → a target of ticketSla. */
function slaTarget(text: string): TicketSlaTarget {
  const match = /^([a-z-]+)=(\d+(?:\.\d+)?)(?::(business|calendar))?$/.exec(text.trim());
  if (!match || !SLA_METRICS.includes(match[1] as TicketSlaMetric))
    throw new UsageError(
      `--target ${text}: expected METRIC=MINUTES[:business|calendar], METRIC one of ${SLA_METRICS.join(", ")}`,
    );
  return {
    metric: match[1] as TicketSlaMetric,
    minutes: Number(match[2]),
    clock: (match[3] ?? "calendar") as TicketSlaTarget["clock"],
  };
}

/** The SLA policy of --policy FILE and --target. */
function slaPolicy(values: Values): TicketSlaPolicy {
  const file = values.policy === undefined ? undefined : (readJson("policy", values.policy) as TicketSlaPolicy);
  const targets = (values.target ?? []).map(slaTarget);
  if (file === undefined && targets.length === 0) throw new UsageError("--metric sla needs --target or --policy");
  return { ...(file ?? {}), targets: [...(file?.targets ?? []), ...targets] };
}

/**
 * The rows under the events metric's own name, on the clock the figures were measured on (summarize saw precomputed
 * minutes as elapsed time).
 */
function relabel(rows: readonly ReportRow[], metric: EventMetric, business: boolean): ReportRow[] {
  return rows.map(
    (row) =>
      ({
        ...row,
        metric,
        detail: { ...row.detail, clock: business ? "business" : "calendar" },
      }) as unknown as ReportRow,
  );
}

/** The SLA rows with each group's pending measurements (counted apart) in their detail. */
function withPending(rows: readonly ReportRow[], pending: ReturnType<typeof createSummary>): ReportRow[] {
  const key = (row: ReportRow): string => JSON.stringify([row.segment, row.period?.label ?? null]);
  const counts = new Map<string, number>();
  try {
    for (const row of pending.result().rows) counts.set(key(row), row.n);
  } catch (error) {
    if (!isCxMetricsError(error, "EMPTY_INPUT")) throw error;
  }
  return rows.map((row) => ({ ...row, detail: { ...row.detail, pending: counts.get(key(row)) ?? 0 } }));
}

/** Runs `cx-metrics report --events FILE` (the flags already parsed; no positional FILE). */
export async function eventsReport(path: string, values: Values, io: CommandIO): Promise<ExitCode> {
  for (const flag of TABLE_FLAGS)
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} reads a table of tickets; it does not go with --events`);
  const metric = oneOf<EventMetric>("metric", values.metric, EVENT_METRICS);
  if (metric === undefined)
    throw new UsageError(`--metric is required: with --events, one of ${EVENT_METRICS.join(", ")}`);
  const by = listOf(values.by);
  for (const name of by)
    if (!(EVENT_SEGMENTS as readonly string[]).includes(name))
      throw new UsageError(
        `--by ${name}: with --events, segment by ${EVENT_SEGMENTS.join(" or ")} (the ticket's, after its last event)`,
      );
  if (metric !== "sla" && (values.target !== undefined || values.policy !== undefined))
    throw new UsageError("--target and --policy go with --metric sla");
  const format = oneOf<OutputFormat>("format", values.format, OUTPUT_FORMATS) ?? "table";
  checkOutputPath("output", values.output);
  checkOutputPath("rejects", values.rejects);
  const timeZone = values["time-zone"];
  const calendar = calendarOf(values);
  let asOf: number | undefined;
  if (values["as-of"] !== undefined) {
    asOf = parseInstant(values["as-of"], timeZone === undefined ? undefined : { timeZone });
    if (asOf === undefined)
      throw new UsageError(
        `--as-of ${values["as-of"]}: expected an ISO-8601 date-time (with an offset, or read in --time-zone)`,
      );
  }
  const every = oneOf("every", values.every, ["day", "week", "month", "quarter", "year"] as const);
  const percentiles =
    values.percentiles === undefined
      ? undefined
      : listOf([values.percentiles]).map(
          (p) => numberFlag("percentiles", p, (n) => n >= 0 && n <= 100, "percentiles from 0 to 100, comma-separated")!,
        );
  const percentileMethod = oneOf("method", values.method, PERCENTILE_METHODS);
  const adjust = oneOf("adjust", values.adjust, P_ADJUST_METHODS);
  const policy = metric === "sla" ? slaPolicy(values) : undefined;
  const durationSpec: SummarizeSpec = {
    metric: "first-response",
    by,
    ...(every === undefined ? {} : { every }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...rowOptions(values),
    ...(percentiles === undefined ? {} : { percentiles }),
    ...(percentileMethod === undefined ? {} : { method: percentileMethod }),
    ...(adjust === undefined ? {} : { adjust }),
    invalid: "exclude",
  };
  // SLA: each measurement's outcome (ticketSla's) as a met or breached record of a one-minute target; the pending
  // ones are counted by group apart (a duration summary of them, whose n is their count).
  const spec: SummarizeSpec =
    metric === "sla"
      ? {
          ...durationSpec,
          metric: "sla",
          policy: { targets: [{ metric: "first-response", minutes: 1, clock: "calendar" }] },
        }
      : durationSpec;
  let summary: ReturnType<typeof createSummary>;
  try {
    summary = createSummary(spec); // checks the spec before the file is read
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^summarize: /, ""));
    throw error;
  }

  const read = readEventsFile(path);
  const measured = ticketMetrics(read.events, {
    invalid: "exclude",
    ...(calendar === undefined ? {} : { calendar }),
    ...(asOf === undefined ? {} : { asOf }),
  });
  let sla: TicketSlaResult | undefined;
  if (policy !== undefined) {
    try {
      sla = ticketSla(read.events, policy, {
        invalid: "exclude",
        ...(calendar === undefined ? {} : { calendar }),
        ...(asOf === undefined ? {} : { asOf }),
      });
    } catch (error) {
      if (isCxMetricsError(error) && (error.field === "asOf" || error.code !== "INVALID_ARGUMENT"))
        throw new UsageError(
          `--metric sla: ${error.message.replace(/^ticketSla: /, "")}${error.field === "asOf" ? " (give --as-of)" : ""}`,
        );
      throw error;
    }
  }
  const exclusions = sla?.exclusions ?? measured.exclusions;
  const rejects: Reject[] = [...read.unreadable, ...exclusions.map((excluded) => rejectOf(read, excluded))];
  if (values.strict === true && rejects.length > 0) {
    const failure = rejects.reduce((a, b) => (b.line !== 0 && b.line < a.line ? b : a));
    io.stderr.write(
      `cx-metrics: ${visible(`bad event under --strict: ${failure.line === 0 ? "" : `line ${failure.line}${failure.column === null ? "" : ", "}`}${failure.column ?? ""}${failure.value === null ? "" : `, value ${JSON.stringify(failure.value)}`}: ${failure.reason}`)}\n`,
    );
    return 1;
  }
  const business = calendar !== undefined;
  const pending = sla === undefined ? undefined : createSummary(durationSpec);
  if (sla !== undefined) {
    const tickets = new Map(measured.tickets.map((ticket) => [ticket.ticketId, ticket]));
    for (const m of sla.measurements) {
      const ticket = tickets.get(m.ticketId);
      if (ticket === undefined) continue;
      const createdAt = Date.parse(ticket.createdAt);
      const record = {
        createdAt,
        firstResponseAt: m.outcome === "breached" ? createdAt + 2 * 60_000 : createdAt,
        priority: ticket.priority,
        status: ticket.status,
      };
      (m.outcome === "pending" ? pending! : summary).add(record);
    }
  } else
    for (const ticket of measured.tickets) {
      const createdAt = Date.parse(ticket.createdAt);
      for (const minutes of minutesOf(ticket, metric, business))
        summary.add({
          createdAt,
          firstResponseAt: createdAt + minutes * 60_000,
          priority: ticket.priority,
          status: ticket.status,
        });
    }
  const total = read.events.length + read.unreadable.length;
  let result: SummarizeResult;
  try {
    result = summary.result();
  } catch (error) {
    if (!isCxMetricsError(error, "EMPTY_INPUT")) throw error;
    io.stderr.write(
      `cx-metrics: ${visible(`${metric === "sla" ? `no SLA measurement is met or breached (${sla!.measurements.length} measurements, all pending)` : `no ticket has a ${metric}`}: ${total} events read, ${measured.tickets.length} tickets, ${rejects.length} events rejected${rejects.length > 0 ? ` (first: ${rejects[0]!.line === 0 ? "" : `line ${rejects[0]!.line}: `}${rejects[0]!.reason})` : ""}`)}\n`,
    );
    if (values.rejects !== undefined) writeRejectsCsv(values.rejects, rejects);
    return 1;
  }
  if (values.rejects !== undefined) writeRejectsCsv(values.rejects, rejects);
  await writeReport(
    {
      rows: metric === "sla" ? withPending(result.rows, pending!) : relabel(result.rows, metric, business),
      input: { read: total, used: total - rejects.length, rejected: rejects.length, engine: "js" },
      rejects,
    },
    {
      format,
      spec,
      label: { metric, method: method(metric) },
      source: path,
      rejectsFile: values.rejects,
      output: values.output,
      io,
    },
  );
  return 0;
}
