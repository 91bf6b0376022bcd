// Which column of a file holds which field a metric reads: default names, presets for common exports, --column
// overrides, header names matched case-, space-, "_"- and "-"-insensitively.
import type { ReportMetric } from "../report/spec.js";

/** How a date column is written: ISO-8601 (local times read in --time-zone), UTC without an offset, or Unix seconds. */
export type DateReading = "iso" | "utc" | "unix-seconds";

/** A field the command reads, and how. */
export interface FieldSpec {
  /** The record field ("score", "createdAt", or a --by key). */
  readonly field: string;
  /** Text, a number where the text is one, a date, or a value passed as found (a JSON list of status changes). */
  readonly kind: "text" | "number" | "date" | "raw";
  /** Must the file have it? Optional fields (ticket id, priority) are read when present. */
  readonly required: boolean;
  /** Its column's default name, when not the field's own name (a QA criterion's id). */
  readonly column?: string;
  /**
   * A field that stands in for this one: a required field is not missing when that field's column is there (a first
   * reply read as the vendor's minutes). Such a field is never derived from a preset's `minutesAfterCreated`.
   */
  readonly alternative?: string;
}

/** A preset: the column names of a known export, and how its dates are written. */
export interface Preset {
  /** What the preset is for, for --help. */
  readonly description: string;
  /** Column per field. */
  readonly columns: Readonly<Record<string, string>>;
  /** Date columns not written as ISO-8601 with an offset. */
  readonly dates?: Readonly<Record<string, DateReading>>;
  /** Fields derived from others: `firstResponseAt` = `createdAt` + the minutes in a column. */
  readonly minutesAfterCreated?: Readonly<Record<string, string>>;
  /** A field whose column is the first header starting with this text (a survey question). */
  readonly headerStartsWith?: Readonly<Record<string, string>>;
  /**
   * At most this many records after the header line may be more header, not rows (Qualtrics: the question texts and
   * the ImportId line): such records are skipped and not counted as read (see {@link isExtraHeaderRow}). Such a file
   * is read by the JS reader, in one pass.
   */
  readonly headerRows?: number;
  /** The pattern every real row's id cell matches (Qualtrics: "R_" and letters), to tell header records from rows. */
  readonly rowId?: RegExp;
  /** The CSAT scale of the vendor's survey, unless --scale names one (Zendesk: "good-bad"). */
  readonly csatScale?: "good-bad";
  /** The vendor's own minutes per duration (first reply, first and full resolution), on each clock. */
  readonly minutes?: Readonly<Partial<Record<VendorDuration, VendorMinutesHeaders>>>;
  /**
   * The column of the first resolution's instant, read as `resolvedAt` with `--resolution first` (Intercom's
   * `statistics.first_close_at`, where `resolvedAt` is the last close), in `resolvedAt`'s reading.
   */
  readonly firstResolvedAt?: string;
}

/** The durations a vendor may export as minutes. */
export type VendorDuration = "first-response" | "first-resolution" | "full-resolution";

/** The headers of one vendor duration: elapsed minutes, and minutes within business hours. */
export interface VendorMinutesHeaders {
  readonly calendar: string;
  readonly business: string;
}

/** Which clock a header's minutes count: "business" when the header says so ("... within business hours"). */
export function minutesClockOf(header: string): "calendar" | "business" {
  return /business/i.test(header) ? "business" : "calendar";
}

/** The vendor minutes a duration report reads: the field, its header, and the clock the header names. */
export interface VendorMinutesColumn {
  readonly field: "firstResponseMinutes" | "resolutionMinutes";
  readonly header: string;
  readonly clock: "calendar" | "business";
}

/**
 * The vendor minutes a first-response or resolution report reads, or undefined: `--column firstResponseMinutes=HEADER`
 * (or `resolutionMinutes`), else the preset's column for the duration (its business-hours one when the report counts
 * business minutes). The clock is the header's: "business" when it says so.
 */
export function vendorMinutesColumn(
  metric: ReportMetric,
  resolution: "first" | "full",
  mapping: ReadonlyMap<string, string>,
  preset: Preset | undefined,
  business: boolean,
): VendorMinutesColumn | undefined {
  if (metric !== "first-response" && metric !== "resolution") return undefined;
  const field = metric === "first-response" ? "firstResponseMinutes" : "resolutionMinutes";
  const duration: VendorDuration =
    metric === "first-response" ? metric : resolution === "first" ? "first-resolution" : "full-resolution";
  const headers = own(preset?.minutes, duration);
  const header = mapping.get(field) ?? (business ? headers?.business : headers?.calendar);
  return header === undefined ? undefined : { field, header, clock: minutesClockOf(header) };
}

/**
 * Presets for common exports. Column names as published:
 * - Zendesk Support's ticket export (CSV): "Id", "Created at", "Solved at", "First reply time in
 *   minutes", "Group", "Via", "Priority", "Ticket type". The export has no first-reply instant; the
 *   preset takes Created at + First reply time in minutes (whole minutes, so to the minute).
 * - Intercom's API conversations: `created_at`, `statistics.first_admin_reply_at`, `statistics.last_close_at` (and
 *   `first_close_at` for the first resolution), Unix seconds; `conversation_rating.rating` (1-5).
 * - Zendesk's API ticket metrics (GET /api/v2/ticket_metrics records): `ticket_id`, `created_at` (the metric
 *   record's), and each duration as `{"business": ..., "calendar": ...}`, read as `reply_time_in_minutes.calendar`.
 * - Delighted's survey responses (its API's JSON, e.g. GET /v1/survey_responses.json): `score`, `created_at` in Unix
 *   seconds, `survey_type`, `person_properties.*` for segments.
 * - SurveyMonkey responses export (CSV): "Respondent ID", "End Date", the questions by their text; a second header
 *   line (sub-questions, "Response", "Open-Ended Response") skipped.
 * - Typeform responses export: "Submit Date (UTC)" (UTC without an offset) and the NPS question's
 *   own text as its header: the first column whose header starts with "How likely".
 */
export const PRESETS: Readonly<Record<string, Preset>> = Object.assign(Object.create(null) as Record<string, Preset>, {
  zendesk: {
    description:
      'Zendesk Support ticket export (CSV): "ID", "Created at", "Solved at", "Priority", "Ticket type", "Via"; "Satisfaction Score" (CSAT on the good-bad scale); Zendesk\'s own minutes "First reply time in minutes", "First resolution time in minutes", "Full resolution time in minutes" (each also "... within business hours", read with --hours or --calendar)',
    columns: {
      id: "ID",
      createdAt: "Created at",
      resolvedAt: "Solved at",
      priority: "Priority",
      type: "Ticket type",
      channel: "Via",
      rating: "Satisfaction Score",
    },
    csatScale: "good-bad",
    minutes: {
      "first-response": {
        calendar: "First reply time in minutes",
        business: "First reply time in minutes within business hours",
      },
      "first-resolution": {
        calendar: "First resolution time in minutes",
        business: "First resolution time in minutes within business hours",
      },
      "full-resolution": {
        calendar: "Full resolution time in minutes",
        business: "Full resolution time in minutes within business hours",
      },
    },
    // SLA targets measure instants: the first reply as Created at + its minutes (whole minutes, so to the minute).
    minutesAfterCreated: { firstResponseAt: "First reply time in minutes" },
  },
  delighted: {
    description:
      'Delighted survey responses: "score", "created_at" (Unix seconds); segment by "survey_type" or "person_properties.<name>"',
    columns: { id: "id", score: "score", rating: "score", respondedAt: "created_at" },
    dates: { respondedAt: "unix-seconds" },
  },
  typeform: {
    description: 'Typeform responses export: "Submit Date (UTC)", the score in the column headed "How likely ..."',
    columns: { id: "#", respondedAt: "Submit Date (UTC)" },
    dates: { respondedAt: "utc" },
    headerStartsWith: { score: "How likely" },
  },
  freshdesk: {
    description:
      'Freshdesk ticket export (CSV): "Ticket ID", "Created time", "Initial response time" (the first reply), "Resolved time", "Priority", "Type", "Source"; dates as the account writes them (local times: give --time-zone, and --date-format "dd/MM/yyyy H:mm" for 08/01/2025 15:00)',
    columns: {
      id: "Ticket ID",
      createdAt: "Created time",
      firstResponseAt: "Initial response time",
      resolvedAt: "Resolved time",
      priority: "Priority",
      type: "Type",
      channel: "Source",
    },
  },
  qualtrics: {
    description:
      'Qualtrics survey export (CSV, three header lines): "ResponseId", "RecordedDate" (local time: give --time-zone); name the question by its column, e.g. --column score=Q1; the question-text and ImportId lines are skipped',
    columns: { id: "ResponseId", respondedAt: "RecordedDate" },
    headerRows: 2,
    rowId: /^R_[A-Za-z0-9]+$/,
  },
  surveymonkey: {
    description:
      'SurveyMonkey responses export (CSV, two header lines): "Respondent ID", "End Date" (local time: give --time-zone); name the question by its header, e.g. --column "score=How likely ..."; the second header line (sub-questions, "Response", "Open-Ended Response") is skipped',
    columns: { id: "Respondent ID", respondedAt: "End Date" },
    headerRows: 1,
    rowId: /^\d+$/,
  },
  "intercom-api": {
    description:
      'Intercom API conversations (the records of GET /conversations or POST /conversations/search, as NDJSON or a JSON array): "id", "created_at", "statistics.first_admin_reply_at", "statistics.last_close_at" ("statistics.first_close_at" with --resolution first; Unix seconds), "priority"; "conversation_rating.rating" (1-5) as the CSAT rating',
    columns: {
      id: "id",
      createdAt: "created_at",
      firstResponseAt: "statistics.first_admin_reply_at",
      resolvedAt: "statistics.last_close_at",
      priority: "priority",
      rating: "conversation_rating.rating",
      respondedAt: "conversation_rating.created_at",
    },
    dates: {
      createdAt: "unix-seconds",
      firstResponseAt: "unix-seconds",
      resolvedAt: "unix-seconds",
      respondedAt: "unix-seconds",
    },
    firstResolvedAt: "statistics.first_close_at",
  },
  "zendesk-api": {
    description:
      'Zendesk API ticket metrics (the records of GET /api/v2/ticket_metrics, as NDJSON or a JSON array): "ticket_id", "created_at" (when Zendesk created the metric record), Zendesk\'s own minutes "reply_time_in_minutes.calendar", "first_resolution_time_in_minutes.calendar", "full_resolution_time_in_minutes.calendar" (each also ".business", read with --hours or --calendar)',
    columns: { id: "ticket_id", createdAt: "created_at" },
    minutes: {
      "first-response": {
        calendar: "reply_time_in_minutes.calendar",
        business: "reply_time_in_minutes.business",
      },
      "first-resolution": {
        calendar: "first_resolution_time_in_minutes.calendar",
        business: "first_resolution_time_in_minutes.business",
      },
      "full-resolution": {
        calendar: "full_resolution_time_in_minutes.calendar",
        business: "full_resolution_time_in_minutes.business",
      },
    },
    // Not read: "solved_at" beside the record's "created_at" would measure from the record, not the ticket; the
    // durations are Zendesk's minutes.
  },
}); // no prototype: a preset named "toString" or "__proto__" is not there

/**
 * Is this record, among the first `preset.headerRows` after the header line of a CSV or TSV file, more header rather
 * than a row? It is when a cell is an ImportId (`{"ImportId":...}`, Qualtrics' third line) or when its id cell does
 * not match the preset's `rowId` (Qualtrics' question-text line, in any language). A Qualtrics file exported with
 * fewer header lines keeps its first responses; JSON and NDJSON records are never header.
 */
export function isExtraHeaderRow(
  preset: Preset | undefined,
  format: string,
  cells: readonly unknown[],
  columns: readonly ResolvedField[],
): boolean {
  if (preset?.headerRows === undefined || (format !== "csv" && format !== "tsv")) return false;
  if (cells.some((cell) => typeof cell === "string" && cell.trimStart().startsWith('{"ImportId"'))) return true;
  const id = columns.find((column) => column.field === "id" && column.index >= 0);
  if (id === undefined || preset.rowId === undefined) return true;
  const cell = cells[id.index];
  return !preset.rowId.test(typeof cell === "string" ? cell.trim() : "");
}

/** The preset of that name, or undefined: own entries only, never a property of Object.prototype. */
export function presetNamed(name: string): Preset | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
}

/** The fields a metric reads from a file (beside the --by keys). */
export function metricFields(metric: ReportMetric, periods: boolean): FieldSpec[] {
  const date = (field: string, required: boolean): FieldSpec => ({ field, kind: "date", required });
  switch (metric) {
    case "nps":
      return [
        { field: "score", kind: "number", required: true },
        ...(periods ? [date("respondedAt", true)] : []),
        { field: "id", kind: "text", required: false },
      ];
    case "csat":
    case "ces":
      return [
        { field: "rating", kind: "number", required: true },
        ...(periods ? [date("respondedAt", true)] : []),
        { field: "id", kind: "text", required: false },
      ];
    case "first-response":
    case "resolution":
    case "sla":
      return [
        date("createdAt", true),
        date("firstResponseAt", metric === "first-response"),
        date("resolvedAt", metric === "resolution"),
        { field: "id", kind: "text", required: false },
        { field: "priority", kind: "text", required: false },
        { field: "type", kind: "text", required: false },
        { field: "channel", kind: "text", required: false },
        // Lists a JSON export may carry: every resolution, status changes (paused clocks), the messages.
        { field: "resolutions", kind: "raw", required: false },
        { field: "statusChanges", kind: "raw", required: false },
        { field: "messages", kind: "raw", required: false },
      ];
    case "iqs":
      return [
        ...(periods ? [date("reviewedAt", true)] : []),
        { field: "id", kind: "text", required: false },
        { field: "agentId", kind: "text", required: false },
      ];
  }
}

/**
 * A header name as matched: lower case, without spaces, "_" and "-" ("Created at", "created_at" and "createdAt" are
 * one).
 */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** A problem with the columns: a usage error (exit 2), its message listing what exists. */
export class ColumnError extends Error {}

/** Finds a header: exactly, else by {@link headerKey}; -1 when absent; an error when two headers match alike. */
export function findHeader(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact !== -1) return exact;
  const key = headerKey(name);
  const matches = headers.flatMap((header, i) => (headerKey(header) === key ? [i] : []));
  if (matches.length > 1)
    throw new ColumnError(
      `column "${name}" matches ${matches.map((i) => JSON.stringify(headers[i])).join(" and ")}; name one exactly with --column`,
    );
  return matches[0] ?? -1;
}

/** Where a field is read from, once the header is known. */
export interface ResolvedField extends FieldSpec {
  /** Index of its column in the header, or -1 for a derived field. */
  readonly index: number;
  /** The header name (for rejects). */
  readonly header: string;
  readonly reading: DateReading;
  /** For a derived field: the index of the minutes column added to createdAt. */
  readonly minutesIndex?: number;
}

/** What --column, --preset and --by ask for. */
export interface ColumnRequest {
  readonly fields: readonly FieldSpec[];
  readonly by: readonly string[];
  /** --column field=Header, in the order given. */
  readonly mapping: ReadonlyMap<string, string>;
  readonly preset?: Preset | undefined;
  /** `--resolution`: with "first", `resolvedAt` is the preset's `firstResolvedAt` when it has one [full]. */
  readonly resolution?: "first" | "full" | undefined;
  /**
   * How to name a column, for the message when one is missing (`mapped`: the header asked for); default: the
   * `--column` flag.
   */
  readonly advice?: (field: string, mapped: string | undefined) => string;
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, 40).map((header) => JSON.stringify(header));
  return shown.join(", ") + (headers.length > 40 ? `, ... (${headers.length} in all)` : "");
}

/** A table's own entry for a field (a field named "constructor" or "__proto__" finds nothing inherited). */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The header a field is looked up by: --column, the preset's column, its own default column, or its name. */
function wantedName(spec: FieldSpec, request: ColumnRequest): string {
  const first =
    spec.field === "resolvedAt" && request.resolution === "first" ? request.preset?.firstResolvedAt : undefined;
  return (
    request.mapping.get(spec.field) ?? first ?? own(request.preset?.columns, spec.field) ?? spec.column ?? spec.field
  );
}

/** Resolves every field against the header; throws {@link ColumnError} for a required column that is not there. */
export function resolveColumns(headers: readonly string[], request: ColumnRequest): ResolvedField[] {
  const known = new Set([...request.fields.map((spec) => spec.field), ...request.by]);
  for (const field of request.mapping.keys()) {
    if (!known.has(field))
      throw new ColumnError(
        `--column ${field}=...: this report reads no field "${field}"; its fields are ${[...known].join(", ")}`,
      );
  }
  const resolved: ResolvedField[] = [];
  const specs: FieldSpec[] = [
    ...request.fields.filter((spec) => !request.by.includes(spec.field)),
    ...request.by.map((field): FieldSpec => ({ field, kind: "text", required: true })),
  ];
  for (const spec of specs) {
    const mapped = request.mapping.get(spec.field);
    const preset = request.preset;
    // The first resolution's column (check reads it as `firstResolvedAt`) is written as the last one is.
    const readAs = spec.field === "firstResolvedAt" ? "resolvedAt" : spec.field;
    const reading: DateReading = mapped === undefined ? (own(preset?.dates, readAs) ?? "iso") : "iso";
    const minutesHeader =
      mapped === undefined && spec.alternative === undefined ? own(preset?.minutesAfterCreated, spec.field) : undefined;
    if (minutesHeader !== undefined) {
      const minutesIndex = findHeader(headers, minutesHeader);
      if (minutesIndex === -1) {
        if (spec.required)
          throw new ColumnError(
            `no column "${minutesHeader}" for ${spec.field} (preset); columns in the file: ${listHeaders(headers)}`,
          );
        continue;
      }
      resolved.push({ ...spec, index: -1, header: headers[minutesIndex]!, reading, minutesIndex });
      continue;
    }
    let index: number;
    let wanted: string;
    const startsWith = mapped === undefined ? own(preset?.headerStartsWith, spec.field) : undefined;
    if (startsWith !== undefined) {
      wanted = `${startsWith}...`;
      index = headers.findIndex((header) => header.toLowerCase().startsWith(startsWith.toLowerCase()));
    } else {
      wanted = wantedName(spec, request);
      index = findHeader(headers, wanted);
    }
    if (index === -1) {
      if (!spec.required && mapped === undefined) continue;
      const alternative = request.fields.find((candidate) => candidate.field === spec.alternative);
      if (
        mapped === undefined &&
        alternative !== undefined &&
        findHeader(headers, wantedName(alternative, request)) !== -1
      )
        continue;
      const how =
        (request.advice?.(spec.field, mapped) ??
          (mapped !== undefined ? `--column ${spec.field}=${mapped}` : `give --column ${spec.field}=HEADER`)) +
        (alternative === undefined
          ? ""
          : `, or the minutes in "${wantedName(alternative, request)}" for ${alternative.field}`);
      throw new ColumnError(
        `no column "${wanted}" for ${spec.field} (${how}); columns in the file: ${listHeaders(headers)}`,
      );
    }
    resolved.push({ ...spec, index, header: headers[index]!, reading });
  }
  return resolved;
}
