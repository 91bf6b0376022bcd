// `cx-metrics report --events FILE`: Zendesk's ticket audits or ticket metric events (found by their shape), or the
// library's ticket events (a JSON array or NDJSON), measured per ticket by ticketMetrics, then one figure per ticket
// (per wait for next-reply-time) summarized by segment and period of the ticket's creation like any duration report.
import type { ExcludedRow } from "../errors/batch.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { readAsOf } from "./dates.js";
import type { ReportRow, SummarizeResult, SummarizeSpec } from "../report/spec.js";
import { createSummary } from "../report/summarize.js";
import { P_ADJUST_METHODS } from "../stats/adjust.js";
import { PERCENTILE_METHODS } from "../stats/percentile.js";
import { type BusinessCalendar, type BusinessCalendarOptions, businessCalendar } from "../time/calendar.js";
import { type TicketDuration, type TicketMetrics, ticketMetrics } from "../time/ticket-metrics.js";
import {
  type TicketSlaMetric,
  type TicketSlaPolicy,
  type TicketSlaResult,
  type TicketSlaTarget,
  ticketSla,
} from "../sla/events.js";
import {
  checkDelimiter,
  columnMapping,
  listOf,
  numberFlag,
  oneOf,
  type parseFlags,
  type REPORT_OPTIONS,
  UsageError,
} from "./args.js";
import { PRESETS, presetNamed } from "./columns.js";
import { readTicketsFile, type TicketsRead } from "./events-tickets.js";
import { explainEventReject, openWithoutAsOf } from "./reasons.js";
import { writeRejectsCsv } from "./format/csv.js";
import { checkOutputPath } from "./format/files.js";
import { OUTPUT_FORMATS, type OutputFormat, type Reject, writeReport } from "./format/index.js";
import { visible } from "./format/safe.js";
import { agentIds, type EventsRead, readEventsFile } from "./read/events-file.js";
import { formatOf, INPUT_FORMATS, type InputFormat } from "./read/input.js";
import { type CommandIO, type ExitCode, parseHours, readCalendarFile, readJson, rowOptions } from "./command-parts.js";
import { counted } from "../internal/words.js";

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

/**
 * The ticket fields `--by` takes from the events: the priority and status after the ticket's last event, and the
 * channel of Zendesk's audits (`via.channel` of the audit that created the ticket). Any other key, and the channel
 * when `--tickets` is given, is read from the `--tickets` file.
 */
export const EVENT_SEGMENTS = ["priority", "status", "channel"] as const;

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

/** The keys of Zendesk's exports that hold each field of an event (the audit's own `ticket_id` and `created_at`). */
const EXPORT_KEYS: Readonly<Record<"zendesk-audits" | "zendesk-metric-events", Readonly<Record<string, string>>>> = {
  "zendesk-audits": {
    ticketId: "ticket_id",
    at: "created_at",
    type: "events",
    status: "value",
    priority: "value",
    public: "public",
    author: "author_id",
  },
  "zendesk-metric-events": { ticketId: "ticket_id", at: "time", type: "type", policy: "sla" },
};

/**
 * Where an event's field was read from, as written in the file: `audits[8].ticket_id`, `ticket_metric_events[3].time`,
 * `[4].at` (a JSON array of events), `at` (NDJSON, whose line is given apart); null for the whole event of NDJSON.
 */
function eventColumn(read: EventsRead, index: number, field: string): { column: string | null; key: string } {
  const place = read.places[index] ?? "";
  if (field === "") return { column: place === "" ? null : place, key: place };
  const key = read.kind === "events" ? field : (EXPORT_KEYS[read.kind][field] ?? field);
  // An audit's ticket_id and created_at are the audit's, not those of the event inside it.
  const owner =
    read.kind === "zendesk-audits" && (key === "ticket_id" || key === "created_at" || key === "events")
      ? place.replace(/\.events\[\d+\]$/, "")
      : place;
  return { column: owner === "" ? key : `${owner}.${key}`, key };
}

/** A left-out event as a reject: its line (NDJSON) or its place in the file, the key as written and why. */
function rejectOf(read: EventsRead, excluded: ExcludedRow): Reject {
  const { column, key } = eventColumn(read, excluded.index, excluded.field);
  return {
    line: read.lines[excluded.index] ?? 0,
    column,
    value: excluded.value === undefined ? null : excluded.value,
    reason: explainEventReject(excluded, key),
  };
}

type Values = ReturnType<typeof parseFlags<typeof REPORT_OPTIONS>>["values"];

function calendarOf(values: Values): BusinessCalendar | undefined {
  const timeZone = values["time-zone"];
  try {
    if (values.calendar !== undefined && values.hours !== undefined)
      throw new UsageError("give --hours or --calendar, not both");
    let options: BusinessCalendarOptions | undefined;
    if (values.calendar !== undefined) options = readCalendarFile("--calendar", values.calendar);
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

/** Flags that read the columns of the `--tickets` file, and go only with it. */
const TICKETS_FLAGS = ["column", "preset", "input-format", "delimiter"] as const;

/** Flags that read columns of a table, which an events file does not have. */
const TABLE_FLAGS = ["engine", "sql", "table", "weight", "scale", "mode", "resolution", "scorecard"] as const;

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

/** Where each `--by` key of an events report comes from: the ticket's events, the audits' channels, or `--tickets`. */
type SegmentSource =
  | { readonly from: "priority" | "status" }
  | { readonly from: "channel" }
  | { readonly from: "tickets"; readonly index: number };

/** The sources of the `--by` keys; keys other than the events' own need `--tickets`. */
function segmentSources(by: readonly string[], tickets: boolean): SegmentSource[] {
  const fromFile = by.filter((key) => !(key === "priority" || key === "status" || (key === "channel" && !tickets)));
  return by.map((key): SegmentSource => {
    if (key === "createdAt" || key === "firstResponseAt")
      throw new UsageError(`--by ${key}: a ticket's instant, not a segment`);
    if (key === "priority" || key === "status") return { from: key };
    if (key === "channel" && !tickets) return { from: "channel" };
    if (!tickets)
      throw new UsageError(
        `--by ${key}: with --events, segment by ${EVENT_SEGMENTS.join(", ")} (the channel from Zendesk's audits), or give --tickets FILE (a ticket export) whose columns give the others`,
      );
    return { from: "tickets", index: fromFile.indexOf(key) };
  });
}

/** The --tickets file's notes: its rows left out, and its tickets without events. */
function ticketsNote(path: string, tickets: TicketsRead, withoutEvents: readonly string[]): string | null {
  const parts: string[] = [];
  if (withoutEvents.length > 0)
    parts.push(
      `${counted(withoutEvents.length, "ticket")} ${withoutEvents.length === 1 ? "has" : "have"} no event (first: ${withoutEvents.slice(0, 3).join(", ")})`,
    );
  if (tickets.rejects.length > 0) {
    const first = tickets.rejects[0]!;
    parts.push(
      `${counted(tickets.rejects.length, "row")} left out (first: line ${first.line}${first.column === null ? "" : `, column "${first.column}"`}: ${first.reason})`,
    );
  }
  return parts.length === 0 ? null : `--tickets ${path}: ${counted(tickets.read, "row")} read; ${parts.join("; ")}`;
}

/** A summary record: a ticket's instants and its segment values under the `--by` keys (own properties, any name). */
function recordOf(createdAt: number, firstResponseAt: number, by: readonly string[], values: readonly unknown[]) {
  const record: Record<string, unknown> = { createdAt, firstResponseAt };
  for (let k = 0; k < by.length; k++)
    Object.defineProperty(record, by[k]!, { value: values[k], enumerable: true, writable: true, configurable: true });
  return record;
}

/** Runs `cx-metrics report --events FILE` (the flags already parsed; no positional FILE). */
export async function eventsReport(path: string, values: Values, io: CommandIO): Promise<ExitCode> {
  for (const flag of TABLE_FLAGS)
    if (values[flag] !== undefined)
      throw new UsageError(`--${flag} reads a table of tickets; it does not go with --events`);
  const ticketsPath = values.tickets;
  if (ticketsPath === undefined)
    for (const flag of TICKETS_FLAGS)
      if (values[flag] !== undefined)
        throw new UsageError(
          `--${flag} reads the columns of a ticket export: with --events, give it with --tickets FILE`,
        );
  if (ticketsPath === "-" && path === "-")
    throw new UsageError("--events - and --tickets -: only one of them can be standard input");
  const metric = oneOf<EventMetric>("metric", values.metric, EVENT_METRICS);
  if (metric === undefined)
    throw new UsageError(`--metric is required: with --events, one of ${EVENT_METRICS.join(", ")}`);
  const by = listOf(values.by);
  const sources = segmentSources(by, ticketsPath !== undefined);
  const fileKeys = by.filter((_, k) => sources[k]!.from === "tickets");
  if (metric !== "sla" && (values.target !== undefined || values.policy !== undefined))
    throw new UsageError("--target and --policy go with --metric sla");
  const format = oneOf<OutputFormat>("format", values.format, OUTPUT_FORMATS) ?? "table";
  checkOutputPath("output", values.output);
  checkOutputPath("rejects", values.rejects);
  const agents = agentIds(values.agent, values.agents);
  let ticketsFormat: InputFormat | undefined;
  if (ticketsPath !== undefined) {
    ticketsFormat =
      oneOf<InputFormat>("input-format", values["input-format"], INPUT_FORMATS) ??
      (ticketsPath === "-" ? "csv" : formatOf(ticketsPath));
    if (values.preset !== undefined && presetNamed(values.preset) === undefined)
      throw new UsageError(`--preset ${values.preset}: expected one of ${Object.keys(PRESETS).join(", ")}`);
    checkDelimiter("--delimiter", values.delimiter);
  }
  const mapping = columnMapping(values.column);
  const timeZone = values["time-zone"];
  const calendar = calendarOf(values);
  // Events are ISO 8601 (--date-format does not go with --events): so is --as-of, local times in --time-zone.
  const asOf = values["as-of"] === undefined ? undefined : readAsOf(values["as-of"], undefined, timeZone);
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

  const read = await readEventsFile(path, agents === undefined ? {} : { agents });
  if (sources.some((source) => source.from === "channel") && read.channels === undefined)
    throw new UsageError(
      `--by channel: ${path === "-" ? "standard input" : path} holds ${read.kind === "events" ? "ticket events" : "Zendesk's ticket metric events"}, which give no channel (Zendesk's audits do, as via.channel); give --tickets FILE with a channel column`,
    );
  const tickets =
    ticketsPath === undefined
      ? undefined
      : await readTicketsFile(ticketsPath, {
          by: fileKeys,
          format: ticketsFormat!,
          delimiter: values.delimiter,
          mapping,
          preset: values.preset === undefined ? undefined : presetNamed(values.preset),
        });
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
      if (isCxMetricsError(error) && error.field === "asOf")
        throw new UsageError(`--metric sla: ${openWithoutAsOf(error.message, "flag")}`);
      if (isCxMetricsError(error) && error.code !== "INVALID_ARGUMENT")
        throw new UsageError(`--metric sla: ${error.message.replace(/^ticketSla: /, "")}`);
      throw error;
    }
  }
  const exclusions = sla?.exclusions ?? measured.exclusions;
  const rejects: Reject[] = [...read.unreadable, ...exclusions.map((excluded) => rejectOf(read, excluded))];
  // Joined with --tickets: the events of a ticket the file does not have are left out and listed, each naming it.
  const unjoined = new Set<string>();
  if (tickets !== undefined) {
    const excluded = new Set(exclusions.map((e) => e.index));
    read.events.forEach((event, i) => {
      if (excluded.has(i)) return;
      const id = String((event as { ticketId?: unknown }).ticketId);
      if (tickets.segments.has(id)) return;
      unjoined.add(id);
      rejects.push({
        line: read.lines[i] ?? 0,
        column: eventColumn(read, i, "ticketId").column,
        value: id,
        reason: `ticket ${id} is not in --tickets ${ticketsPath}`,
      });
    });
  }
  if (values.strict === true && (rejects.length > 0 || (tickets?.rejects.length ?? 0) > 0)) {
    const failure =
      rejects.length > 0
        ? rejects.reduce((a, b) => (b.line !== 0 && b.line < a.line ? b : a))
        : { ...tickets!.rejects[0]!, reason: `--tickets ${ticketsPath}: ${tickets!.rejects[0]!.reason}` };
    io.stderr.write(
      `cx-metrics: ${visible(`bad ${rejects.length > 0 ? "event" : "ticket row"} under --strict: ${failure.line === 0 ? "" : `line ${failure.line}${failure.column === null ? "" : ", "}`}${failure.column ?? ""}${failure.value === null ? "" : `, value ${JSON.stringify(failure.value)}`}: ${failure.reason}`)}\n`,
    );
    return 1;
  }
  if (tickets !== undefined) {
    const withEvents = new Set(read.events.map((event) => String((event as { ticketId?: unknown }).ticketId)));
    const without = [...tickets.segments.keys()].filter((id) => !withEvents.has(id));
    const note = ticketsNote(ticketsPath!, tickets, without);
    if (note !== null) io.stderr.write(`cx-metrics: ${visible(note)}\n`);
  }
  const business = calendar !== undefined;
  const segmentsOf = (ticket: TicketMetrics): unknown[] => {
    const file = tickets?.segments.get(ticket.ticketId);
    return sources.map((source) => {
      if (source.from === "tickets") return file?.[source.index];
      if (source.from === "channel") return read.channels?.get(ticket.ticketId);
      return source.from === "priority" ? ticket.priority : ticket.status;
    });
  };
  const pending = sla === undefined ? undefined : createSummary(durationSpec);
  if (sla !== undefined) {
    const measuredTickets = new Map(measured.tickets.map((ticket) => [ticket.ticketId, ticket]));
    for (const m of sla.measurements) {
      const ticket = measuredTickets.get(m.ticketId);
      if (ticket === undefined || unjoined.has(ticket.ticketId)) continue;
      const createdAt = Date.parse(ticket.createdAt);
      const record = recordOf(
        createdAt,
        m.outcome === "breached" ? createdAt + 2 * 60_000 : createdAt,
        by,
        segmentsOf(ticket),
      );
      (m.outcome === "pending" ? pending! : summary).add(record);
    }
  } else
    for (const ticket of measured.tickets) {
      if (unjoined.has(ticket.ticketId)) continue;
      const createdAt = Date.parse(ticket.createdAt);
      const segment = segmentsOf(ticket);
      for (const minutes of minutesOf(ticket, metric, business))
        summary.add(recordOf(createdAt, createdAt + minutes * 60_000, by, segment));
    }
  const total = read.events.length + read.unreadable.length;
  let result: SummarizeResult;
  try {
    result = summary.result();
  } catch (error) {
    if (!isCxMetricsError(error, "EMPTY_INPUT")) throw error;
    io.stderr.write(
      `cx-metrics: ${visible(`${metric === "sla" ? `no SLA measurement is met or breached (${counted(sla!.measurements.length, "measurement")}, all pending)` : `no ticket has a ${metric}`}: ${counted(total, "event")} read, ${counted(measured.tickets.length, "ticket")}, ${counted(rejects.length, "event")} rejected${rejects.length > 0 ? ` (first: ${rejects[0]!.line === 0 ? "" : `line ${rejects[0]!.line}: `}${rejects[0]!.reason})` : ""}`)}\n`,
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
