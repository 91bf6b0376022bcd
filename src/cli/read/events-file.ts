// The events file of `cx-metrics report --events FILE|-`: read whole (a file or standard input, within a limit), then
// found by its shape: Zendesk's ticket audits, its ticket metric events, or the library's ticket events (a JSON array or
// NDJSON). Each event keeps where it came from (its NDJSON line or its place in the JSON), for the rejects.
import type { Readable } from "node:stream";
import { isCxMetricsError } from "../../errors/cx-metrics-error.js";
import type { TicketEvent } from "../../time/ticket-events.js";
import { eventsFromZendeskAudits, eventsFromZendeskMetricEvents } from "../../time/zendesk.js";
import { UsageError } from "../args.js";
import type { Reject } from "../format/index.js";
import { InputError, readLimitedText, sizeText } from "./limited.js";
import { isObject } from "../../internal/values.js";

/** The largest events file read (read whole: JSON; about 2.8 million events of the library's NDJSON). */
export const MAX_EVENTS_FILE_BYTES = 256 * 1024 * 1024;

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
  /** Zendesk's audits: each ticket's channel (`via.channel` of the audit that created it), by ticket id as text. */
  readonly channels?: ReadonlyMap<string, string>;
}

/** How to read an events file. */
export interface EventsFileOptions {
  /** The ids of the agents, for Zendesk's audits (else anyone but the ticket's requester is an agent). */
  readonly agents?: readonly string[] | undefined;
  /** Standard input, for the path `-` (default: the process's). */
  readonly stdin?: Readable;
}

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

/** A stream's text read whole (a leading byte-order mark dropped), refused past `limit` bytes. */
export async function readLimitedStream(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > limit) {
      stream.destroy();
      throw new InputError(`larger than ${sizeText(limit)}, the limit for a JSON file the command reads whole`);
    }
    chunks.push(bytes);
  }
  const text = Buffer.concat(chunks, total).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The name of the input in messages: `--events FILE`, or `--events - (standard input)`. */
function named(path: string): string {
  return path === "-" ? "--events - (standard input)" : `--events ${path}`;
}

async function textOf(path: string, options: EventsFileOptions): Promise<string> {
  try {
    if (path === "-") return await readLimitedStream(options.stdin ?? process.stdin, MAX_EVENTS_FILE_BYTES);
    return readLimitedText(path, MAX_EVENTS_FILE_BYTES);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${named(path)}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${named(path)}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (error as Error).message}`,
    );
  }
}

/** Reads NDJSON: one event a line (blank lines skipped), lines that are not JSON listed. */
function ndjson(path: string, text: string, parsed: boolean): EventsRead {
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
      `${named(path)}: neither JSON nor NDJSON (line ${unreadable[0]!.line}: ${unreadable[0]!.reason})`,
    );
  return { kind: "events", events, lines, places: events.map(() => ""), unreadable };
}

/**
 * Reads an events file (`-`: standard input): a JSON document (Zendesk export or array of events) or NDJSON (one event
 * a line). `agents` applies to Zendesk's audits only; given with another kind of file, it is a usage error.
 */
export async function readEventsFile(path: string, options: EventsFileOptions = {}): Promise<EventsRead> {
  const text = await textOf(path, options);
  let json: unknown;
  let parsed = true;
  try {
    json = JSON.parse(text);
  } catch {
    parsed = false;
  }
  // NDJSON: one event a line (a file of one object line is NDJSON too).
  const kind = parsed ? shapeOf(json) : "events";
  if (options.agents !== undefined && kind !== "zendesk-audits")
    throw new UsageError(
      `--agent and --agents name the agents of Zendesk's ticket audits; ${named(path)} is ${kind === "events" ? "ticket events, whose comments say their author" : "Zendesk's ticket metric events, which name no author"}`,
    );
  if (!parsed || (isObject(json) && kind === "events")) return ndjson(path, text, parsed);
  try {
    if (kind === "zendesk-audits") {
      const { events, channels } = eventsFromZendeskAudits(
        json,
        options.agents === undefined ? {} : { agents: options.agents },
      );
      return {
        kind,
        events,
        lines: events.map(() => 0),
        places: events.map((e) => e.source),
        unreadable: [],
        channels,
      };
    }
    if (kind === "zendesk-metric-events") {
      const { events } = eventsFromZendeskMetricEvents(json);
      return { kind, events, lines: events.map(() => 0), places: events.map((e) => e.source), unreadable: [] };
    }
  } catch (error) {
    if (isCxMetricsError(error)) throw new InputError(`${named(path)}: ${error.message}`);
    throw error;
  }
  if (!Array.isArray(json))
    throw new InputError(
      `${named(path)}: expected Zendesk's ticket audits or ticket metric events, an array of ticket events, or NDJSON`,
    );
  const events = json as TicketEvent[];
  return { kind, events, lines: events.map(() => 0), places: events.map((_, i) => `[${i}]`), unreadable: [] };
}

/**
 * The agents' ids of `--agent ID` (repeatable, comma-separated) and `--agents FILE` (one id a line; blank lines and
 * lines starting with `#` skipped), together; undefined when neither is given.
 */
export function agentIds(flags: readonly string[] | undefined, file: string | undefined): string[] | undefined {
  if (flags === undefined && file === undefined) return undefined;
  const ids: string[] = [];
  for (const flag of flags ?? [])
    for (const id of flag.split(",")) {
      const trimmed = id.trim();
      if (trimmed === "") throw new UsageError(`--agent ${flag}: expected an agent's id (or ids, comma-separated)`);
      ids.push(trimmed);
    }
  if (file !== undefined) {
    let text: string;
    try {
      text = readLimitedText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `--agents ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (error as Error).message}`,
      );
    }
    const before = ids.length;
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed !== "" && !trimmed.startsWith("#")) ids.push(trimmed);
    }
    if (ids.length === before) throw new UsageError(`--agents ${file}: no agent id in it (one id a line)`);
  }
  return ids;
}
