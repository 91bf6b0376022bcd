// Why a row was rejected, in the words of the file the user gave: the column's header, the cell as written and what to
// do. The library's errors carry a code and the record's field (its own messages stay as they are, for library users);
// here the field becomes the header it was read from, and the cell is looked at again to say what is wrong with it.
// Never a record field name, an array index or a JavaScript type; never "give --time-zone" when it was given.
import { csatRule } from "../csat/rule.js";
import { cesRule } from "../ces/rule.js";
import type { ExcludedRow } from "../errors/batch.js";
import { type InstantReading, instantProblem, parseInstant } from "../internal/instant.js";
import { compileScorecard, type CompiledCriterion } from "../iqs/scorecard.js";
import type { SummarizeSpec } from "../report/spec.js";
import type { ResolvedField } from "./columns.js";
import type { DateReader } from "./dates.js";
import { isBlank } from "../internal/values.js";

/**
 * What a reason is written from: the report's spec, the columns as resolved against the file's header, and how the
 * file writes dates (--date-format, --missing-date).
 */
export interface ReasonContext {
  readonly spec: Omit<SummarizeSpec, "calendar">;
  readonly columns: readonly ResolvedField[];
  readonly dates?: DateReader;
}

/** A reject's column, its cell as written, and why, in the user's words. */
export interface ExplainedReject {
  readonly column: string | null;
  readonly value: unknown;
  readonly reason: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** ISO-8601 dates and date-times written without an offset (their instant depends on the zone). */
const LOCAL_ISO = /^\d{4}-\d\d-\d\d(?:[ T]\d\d(?::\d\d(?::\d\d(?:[.,]\d+)?)?)?)?$/;
const ISO_START = /^[+-]?\d{4,6}-\d\d-\d\d/;
const UTC: InstantReading = { timeZone: "UTC" };

/** A header, quoted. */
const q = (text: string): string => JSON.stringify(text);

/** A cell as written, quoted: text as it is, a number or a JSON value as its text (at most 80 characters). */
function cellText(value: unknown, date = false): string {
  if (typeof value === "string") return q(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  if (date && typeof value === "number" && Number.isFinite(value)) {
    // DuckDB or a Parquet file hands over a read instant as a number: shown as the instant it is.
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return q(at.toISOString());
  }
  if (typeof value === "number" || typeof value === "boolean") return q(String(value));
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return json === undefined ? "a value that cannot be shown" : json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/** The number a cell holds, NaN when it holds none. */
function numberIn(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && NUMBER.test(value.trim())) return Number(value.trim());
  return Number.NaN;
}

/** What a date column holds, for the sentence: "the time the ticket was created". */
const DATE_ROLES: Readonly<Record<string, string>> = {
  respondedAt: "the date of the answer (needed to place it in a period with --every)",
  createdAt: "the time the ticket was created",
  firstResponseAt: "the time of the first reply",
  resolvedAt: "the time the ticket was solved",
  firstResolvedAt: "the time the ticket was first solved",
  reviewedAt: "the date of the review (needed to place it in a period with --every)",
};

/** The reject for one excluded row: `cell(i)` is the cell of header column i, as written. */
export function explainReject(
  excluded: Pick<ExcludedRow, "field" | "code" | "value" | "reason">,
  cell: (index: number) => unknown,
  context: ReasonContext,
): ExplainedReject {
  const field = excluded.field;
  // "resolutions[2]", "messages[0].from": the list's column.
  const base = /^[A-Za-z_$][\w$]*/.exec(field)?.[0] ?? field;
  const column =
    context.columns.find((candidate) => candidate.field === field) ??
    context.columns.find((candidate) => candidate.field === base);
  if (column === undefined) return { column: null, value: null, reason: fallback(excluded) };
  const index = column.minutesIndex ?? column.index;
  const value = index === -1 ? null : (cell(index) ?? null);
  const reason = reasonFor(excluded, column, field, value, cell, context);
  return { column: column.header, value, reason };
}

function reasonFor(
  excluded: Pick<ExcludedRow, "code" | "reason">,
  column: ResolvedField,
  field: string,
  value: unknown,
  cell: (index: number) => unknown,
  context: ReasonContext,
): string {
  const { spec } = context;
  const header = column.header;
  if (field === spec.weight) return weightReason(header, value);
  if (spec.by?.includes(field))
    return `${cellText(value)} in column ${q(header)} is not text or a number, so it cannot name a segment (--by); write the segment as text`;
  if (column.field.startsWith("ratings.")) return criterionReason(header, column.field.slice(8), value, spec);
  if ((spec.metric === "nps" && field === "score") || (spec.metric !== "nps" && field === "rating"))
    return answerReason(header, value, spec);
  if (field === "firstResponseMinutes" || field === "resolutionMinutes")
    return excluded.code === "INVALID_VALUE"
      ? minutesReason(header, value, field)
      : `column ${q(header)} is empty, and this row's business minutes cannot be measured from its timestamps without --hours or --calendar: give them, or fill in the vendor's minutes`;
  const item = /^[\w$]+\[(\d+)\](?:\.([\w$]+))?$/.exec(field);
  if (item !== null) return listItemReason(excluded, column, Number(item[1]), item[2], value, cell, context);
  if (column.kind === "raw") return `${cellText(value)} in column ${q(header)} is not a list: write it as a JSON array`;
  if (column.kind === "date") {
    // Written in a --date-format, outside the range, or a 1900-01-01 placeholder: the date reader says why.
    const said = column.minutesIndex === undefined ? context.dates?.problem(value, column.reading) : undefined;
    if (said !== undefined) return `${cellText(value)} in column ${q(header)} ${said}`;
    if (typeof value === "string" && value.trim() !== "" && context.dates?.isMissing(value) === true)
      return `column ${q(header)} is empty (${cellText(value)} is a --missing-date text): it holds ${DATE_ROLES[field] ?? "a date"}; fill it in, or leave the row out`;
    return excluded.code === "END_BEFORE_START"
      ? beforeCreation(column, field, value, `${cellText(value, true)} in column ${q(header)}`, cell, context)
      : dateReason(column, field, value, `${cellText(value, true)} in column ${q(header)}`, spec.timeZone);
  }
  return `${cellText(value)} in column ${q(header)} cannot be read: ${fallback(excluded)}`;
}

/** An item of a list a JSON export carries (`resolutions`, `statusChanges`, `messages`). */
function listItemReason(
  excluded: Pick<ExcludedRow, "code" | "reason">,
  column: ResolvedField,
  k: number,
  key: string | undefined,
  list: unknown,
  cell: (index: number) => unknown,
  context: ReasonContext,
): string {
  const element = Array.isArray(list) ? list[k] : undefined;
  const value = key === undefined ? element : (element as Record<string, unknown> | null | undefined)?.[key];
  const at = `item ${k + 1} of the list in column ${q(column.header)}${key === undefined ? "" : `, its ${q(key)}`} (${cellText(value, true)})`;
  if (excluded.code === "END_BEFORE_START") return beforeCreation(column, "", value, at, cell, context);
  if (excluded.code === "INVALID_DATE" || excluded.code === "DATE_OUT_OF_RANGE")
    return dateReason({ ...column, kind: "date" }, "", value, at, context.spec.timeZone);
  return `${at} cannot be read: ${fallback(excluded)}`;
}

/** The library's message without its function name, record number and index: for what has no sentence of its own. */
function fallback(excluded: Pick<ExcludedRow, "reason">): string {
  return excluded.reason
    .replace(/^\w+: /, "")
    .replace(/^record \d+: /, "")
    .replace(/^\w+: /, "")
    .replace(/ of (?:record|interaction|review|event) (?:at index )?\d+/g, "")
    .replace(/(?:interaction|review|event) at index \d+: /g, "")
    .replace(/ (?:in|of) (?:interaction|review|event) at index \d+/g, "")
    .replace(/ at index \d+/g, "")
    .replace(/\[(\d+)\]/g, (_, k: string) => ` (item ${Number(k) + 1})`);
}

/**
 * Minutes a vendor computed (Zendesk's "First reply time in minutes") that are not a number ≥ 0; `field` is
 * `firstResponseMinutes` or `resolutionMinutes` (what the minutes are to). Also what `check` says of a row-by-row
 * claim's vendor column.
 */
export function minutesReason(header: string, value: unknown, field: string): string {
  const what = field === "firstResponseMinutes" ? "the first reply" : "the resolution";
  const n = numberIn(value);
  if (Number.isNaN(n))
    return `${cellText(value)} in column ${q(header)} is not a number of minutes: write the minutes to ${what} (90, 12.5), or leave the cell empty while there is none`;
  return `${cellText(value)} in column ${q(header)} is negative: the minutes to ${what} are 0 or more; correct the cell`;
}

/** A weight that is not a number > 0. */
function weightReason(header: string, value: unknown): string {
  if (isBlank(value)) return `column ${q(header)} is empty: with --weight, each answer needs its weight, a number > 0`;
  const n = numberIn(value);
  if (Number.isNaN(n)) return `${cellText(value)} in column ${q(header)} is not a number: a weight is a number > 0`;
  return `${cellText(value)} in column ${q(header)} is not a weight: a weight is a number greater than 0; correct the cell, or leave the row out`;
}

/** The scale an NPS, CSAT or CES answer is on, and the other scales the command knows for that metric. */
interface AnswerScale {
  readonly metric: string;
  readonly min: number;
  readonly max: number;
  readonly smiley: boolean;
  /** Zendesk's two-point good / bad scale. */
  readonly goodBad?: boolean;
  /** Other scales of the metric (`--scale` values), with their range. */
  readonly others: readonly (readonly [string, number, number])[];
}

function answerScale(spec: ReasonContext["spec"]): AnswerScale {
  if (spec.metric === "csat") {
    const rule = csatRule(spec.csat ?? {}, "report");
    const smiley = rule.scale.name === "smiley-3";
    const others = (
      [
        ["1-5", 1, 5],
        ["1-10", 1, 10],
      ] as const
    ).filter(([name]) => name !== rule.scale.name);
    const goodBad = rule.scale.name === "good-bad";
    return { metric: "CSAT", min: rule.scale.min, max: rule.scale.max, smiley, goodBad, others };
  }
  if (spec.metric === "ces") {
    const rule = cesRule(spec.ces ?? {}, "report");
    const others = (
      [
        ["1-7", 1, 7],
        ["1-5", 1, 5],
      ] as const
    ).filter(([name]) => name !== rule.scale.name);
    return { metric: "CES", min: 1, max: rule.scale.max, smiley: false, others };
  }
  return { metric: "NPS", min: 0, max: 10, smiley: false, others: [] };
}

/** An NPS, CSAT or CES answer that is not one of its scale. */
function answerReason(header: string, value: unknown, spec: ReasonContext["spec"]): string {
  const scale = answerScale(spec);
  const range = `${scale.min}-${scale.max}`;
  const at = `${cellText(value)} in column ${q(header)}`;
  if (isBlank(value))
    return `column ${q(header)} is empty: there is no ${scale.metric} answer to count; leave such rows out, or check that this is the question's column`;
  if (scale.goodBad === true)
    return `${at} is not a good / bad answer: the good-bad scale takes Good or Bad (also "... with comment"), or 2 / 1; "Offered" or "Unoffered" mark a survey not answered, which is no rating`;
  if (scale.smiley)
    return `${at} is not a smiley answer: the smiley-3 scale takes negative, neutral or positive (or 1, 3, 5); give --scale 1-5 or 1-10 if the survey asked for a number`;
  const n = numberIn(value);
  const what = `${scale.metric === "NPS" ? "an" : "a"} ${scale.metric} answer on the ${range} scale is a whole number from ${scale.min} to ${scale.max}`;
  if (Number.isNaN(n))
    return `${at} is not a number: ${what}; check that the column is the survey question's (--column)`;
  if (!Number.isInteger(n))
    return `${at} is not a whole number: ${what} (an average of several answers cannot be counted as one answer)`;
  const fits = scale.others.find(([, min, max]) => n >= min && n <= max);
  const advice =
    fits === undefined
      ? scale.metric === "NPS"
        ? "; check that the column holds the 0-10 question's answers"
        : "; correct the cell or leave the row out"
      : `; if the survey asked on a ${fits[0]} scale, give --scale ${fits[0]}`;
  return `${at} is outside ${range}: ${what}${advice}`;
}

/** A QA criterion's rating that the scorecard does not take. */
function criterionReason(header: string, id: string, value: unknown, spec: ReasonContext["spec"]): string {
  let criterion: CompiledCriterion | undefined;
  try {
    criterion = compileScorecard("report", spec.scorecard!).find((candidate) => candidate.id === id);
  } catch {
    criterion = undefined;
  }
  const name = criterion === undefined || criterion.label === id ? q(id) : `${q(id)} (${criterion.label})`;
  const binary = criterion !== undefined && criterion.min === 0 && criterion.max === 1;
  const takes =
    criterion === undefined
      ? "a rating on its scale"
      : binary
        ? "yes or no, pass or fail, true or false, 1 or 0"
        : `a whole number from ${criterion.min} to ${criterion.max}`;
  const text = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (isBlank(value) || text === "n/a" || text === "na")
    return `column ${q(header)} is ${isBlank(value) ? "empty" : cellText(value)}, which marks ${name} N/A, and the scorecard does not allow N/A for it: rate it (${takes}) or set "allowNa": true on the criterion in the scorecard`;
  return `${cellText(value)} in column ${q(header)} is not an answer the scorecard takes for ${name}: write ${takes}${criterion?.allowNa === true ? ", or n/a" : ""}`;
}

/** A date cell that cannot be read as an instant. */
function dateReason(
  column: ResolvedField,
  field: string,
  value: unknown,
  at: string,
  timeZone: string | undefined,
): string {
  const header = column.header;
  if (column.minutesIndex !== undefined) {
    // A vendor's minutes column (Zendesk's "First reply time in minutes") read as the creation plus its minutes.
    if (isBlank(value)) return `column ${q(header)} is empty`;
    return `${cellText(value)} in column ${q(header)} is not a number of minutes: write whole or decimal minutes (90, 12.5), or leave the cell empty while there is none`;
  }
  const role = DATE_ROLES[field] ?? "a date";
  if (isBlank(value)) return `column ${q(header)} is empty: it holds ${role}; fill it in, or leave the row out`;
  const range = "the dates the command reads run from 1900-01-01 to 2199-12-31";
  const never =
    'if it stands for "never" (a placeholder of the export), empty such cells; if it is a mistake, correct the cell';
  if (column.reading === "unix-seconds") {
    const seconds = numberIn(value);
    if (Number.isNaN(seconds))
      return `${at} is not a date: this export writes dates as seconds since 1970-01-01 (1740821400 is 2025-03-01T09:30:00Z)`;
    return `${at} is outside the supported range as seconds since 1970-01-01 (${range}); ${never}`;
  }
  if (typeof value === "number") return `${at} is outside the supported range (${range}); ${never}`;
  if (typeof value !== "string")
    return `${at} is not a date: write it as text in ISO 8601, for example "2025-03-01T09:30:00Z"`;
  const text = value.trim();
  const reading = timeZone !== undefined ? { timeZone } : column.reading === "utc" ? UTC : undefined;
  const problem = parseInstant(text, reading) === undefined ? instantProblem(text, reading) : null;
  if (problem?.code === "DATE_OUT_OF_RANGE") return `${at} is outside the supported range (${range}); ${never}`;
  if (LOCAL_ISO.test(text) && reading === undefined) {
    const kind = text.length <= 10 ? "a day without a time" : "a local time without an offset";
    return `${at} is ${kind}, so its instant depends on the time zone: give --time-zone with the zone the export was written in (for example --time-zone Europe/Berlin), or write the offset in the cell ("2025-03-01T09:30:00+01:00")`;
  }
  if (ISO_START.test(text))
    return `${at} is not a possible date and time (a month, day, hour or offset out of its range); correct the cell`;
  return `${at} is not a date the command reads: write ISO 8601, for example "2025-03-01T09:30:00Z"${timeZone === undefined ? ', or "2025-03-01 09:30" with --time-zone' : ' or "2025-03-01 09:30"'}`;
}

/** A reply or a resolution before the ticket's creation. */
function beforeCreation(
  column: ResolvedField,
  field: string,
  value: unknown,
  at: string,
  cell: (index: number) => unknown,
  context: ReasonContext,
): string {
  const created = context.columns.find((candidate) => candidate.field === "createdAt");
  const what = field === "firstResponseAt" ? "a first reply" : "a resolution";
  if (column.minutesIndex !== undefined)
    return `${cellText(value)} in column ${q(column.header)} is negative: ${what} cannot come before the ticket was created; correct the cell`;
  const creation =
    created === undefined || created.index === -1
      ? "the ticket's creation"
      : `the ticket's creation (${cellText(cell(created.index), true)} in column ${q(created.header)})`;
  return `${at} is before ${creation}: ${what} cannot come before it; correct one of the two cells, or check that both columns are written in the same time zone`;
}

/** Where a ticket event of `--events` was read from: the key of its file that holds each of the event's fields. */
export interface EventSource {
  /** The key each field was read from (`ticket_id`, `created_at`, `value`, ...); a field not listed keeps its name. */
  readonly keys: Readonly<Record<string, string>>;
}

const EVENT_STATUSES = "new, open, pending, hold, solved or closed";

/**
 * Why a ticket event of `--events` was left out, in the words of its file: `key` is the key of the file that holds
 * the cell (`ticket_id`, `created_at`, `value`), the value is the cell as written. Never the library's field names,
 * an index or a JavaScript type.
 */
export function explainEventReject(
  excluded: Pick<ExcludedRow, "field" | "code" | "value" | "reason" | "id">,
  key: string,
): string {
  const value = excluded.value;
  const cell = `${cellText(value)} in ${q(key)}`;
  const ticket = excluded.id === null ? "its ticket" : `ticket ${excluded.id}`;
  const instants = excluded.reason.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g) ?? [];
  switch (excluded.field) {
    case "":
      return `the event is ${cellText(value)}, not an object with a ticket id, an instant and a type: write one object per event`;
    case "ticketId":
      if (excluded.reason.includes('no "created" event'))
        return `${ticket} has no creation in the file (no "created" event, or no audit that creates it), so its times have no start: include the ticket's history from its creation`;
      // Named by the column alone: a file of ticket events calls it by the library's own key.
      return isBlank(value)
        ? "the ticket id is empty: write the ticket's id (text or a number)"
        : `${cellText(value)} is not a ticket id: write the ticket's id as text or a whole number`;
    case "type":
      if (value === "created")
        return `${ticket} is created a second time${instants[0] === undefined ? "" : ` (first at ${instants[0]})`}: keep one creation per ticket`;
      return `${cell} is not a kind of event: write created, status, comment, priority or policy`;
    case "status":
      return `${cell} is not a ticket status: write ${EVENT_STATUSES} (a custom status as its category)`;
    case "author":
      return `${cell} is not who wrote the comment: write "agent" or "requester"`;
    case "public":
      return `${cell} is not true or false: write true for a public comment, false for an internal note`;
    case "priority":
    case "policy":
      return `${cell} is not a ${excluded.field} name: write it as text, or null when it was cleared`;
    case "sequence":
      return `${cell} is not a number: write the event's position (an audit id, a row number) as a number, or leave it out`;
    case "at": {
      if (excluded.code === "END_BEFORE_START")
        return `${cellText(instants[0] ?? value)} in ${q(key)} is before ${ticket} was created${instants[1] === undefined ? "" : ` (${instants[1]})`}: correct the date, or include the ticket's real creation`;
      if (isBlank(value))
        return `${q(key)} is empty: write when the event happened, for example "2025-03-10T09:30:00Z"`;
      if (typeof value !== "string")
        return `${cell} is not a date: write it as text in ISO 8601 with Z or an offset, for example "2025-03-10T09:30:00Z"`;
      const text = value.trim();
      if (LOCAL_ISO.test(text))
        return `${cell} has no offset, so its instant is unknown: write Z or the offset of the zone it was written in ("2025-03-10T09:30:00+01:00")`;
      if (instantProblem(text).code === "DATE_OUT_OF_RANGE")
        return `${cell} is outside the supported range (the dates read run from 1900-01-01 to 2199-12-31); correct the cell`;
      if (ISO_START.test(text))
        return `${cell} is not a possible date and time (a month, day, hour or offset out of its range); correct the cell`;
      return `${cell} is not a date the command reads: write ISO 8601 with Z or an offset, for example "2025-03-10T09:30:00Z"`;
    }
    default:
      return `${cell} cannot be read: ${fallback(excluded)}`;
  }
}

/** What an open clock of an SLA target waits for, in words: "no first reply yet". */
const OPEN_FOR: Readonly<Record<string, string>> = {
  "first-response": "has no first reply yet",
  "next-response": "is waiting for a reply",
  resolution: "is not solved yet",
};

/**
 * The library's "asOf is missing" (an SLA report or claim with an open ticket and no instant to judge it at; the
 * error's `field` is `asOf`) in the user's words: which ticket is open and for what, and where the instant goes, with
 * an example: `--as-of` on the command line, `"asOf"` in a claim's options (`check`). The interaction's index of the
 * library's message is no line of the file and is left out; a ticket's id is kept.
 * @example
 * openWithoutAsOf("summarize: asOf is missing: interaction T-7 (index 3) is still open for resolution; pass { asOf }", "flag")
 * // 'ticket "T-7" is not solved yet, and an open ticket's SLA is judged at an instant: give --as-of, e.g. --as-of 2025-04-01T00:00:00Z'
 */
export function openWithoutAsOf(message: string, where: "flag" | "options"): string {
  const found = /asOf is missing: (?:interaction|ticket) (.+?)(?: \(index (\d+)\))? is still open for ([\w-]+)/.exec(
    message,
  );
  const [, id, index, metric] = found ?? [];
  // Without an id the library names the interaction by its index: no ticket to name then.
  const ticket = id === undefined || id === index ? "a ticket" : `ticket ${q(id)}`;
  const open = metric === undefined ? "is still open" : (OPEN_FOR[metric] ?? `has its ${metric} clock still running`);
  const give =
    where === "flag"
      ? "give --as-of, e.g. --as-of 2025-04-01T00:00:00Z"
      : 'add "asOf" to the claim\'s options, e.g. "asOf": "2025-04-01T00:00:00Z"';
  return `${ticket} ${open}, and an open ticket's SLA is judged at an instant: ${give}`;
}
