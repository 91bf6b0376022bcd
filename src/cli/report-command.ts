// `cx-metrics report`: flags → a summarize spec, the file read as a stream into createSummary, bad rows listed with
// their line, column, value and reason, the report written in the chosen format.
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { createSummary } from "../report/summarize.js";
import { REPORT_METRICS, REPORT_PERIOD_UNITS, type ReportMetric, type SummarizeSpec } from "../report/spec.js";
import { P_ADJUST_METHODS } from "../stats/adjust.js";
import { PERCENTILE_METHODS } from "../stats/percentile.js";
import type { Scorecard } from "../iqs/scorecard.js";
import type { SlaPolicy, SlaTarget } from "../sla/policy.js";
import { businessCalendar, type BusinessCalendar, type BusinessCalendarOptions } from "../time/calendar.js";
import {
  checkDelimiter,
  columnMapping,
  listOf,
  numberFlag,
  oneOf,
  parseFlags,
  REPORT_HELP,
  REPORT_OPTIONS,
  UsageError,
} from "./args.js";
import {
  metricFields,
  PRESETS,
  presetNamed,
  vendorMinutesColumn,
  type FieldSpec,
  type VendorMinutesColumn,
} from "./columns.js";
import { datePattern, type DateOptions, readAsOf } from "./dates.js";
import { writeRejectsCsv } from "./format/csv.js";
import { checkOutputPath } from "./format/files.js";
import { visible } from "./format/safe.js";
import { OUTPUT_FORMATS, writeReport, type OutputFormat, type Reject } from "./format/index.js";
import { formatOf, INPUT_FORMATS, openInput, type InputFormat } from "./read/input.js";
import { type CommandIO, type ExitCode, parseHours, readCalendarFile, readJson, rowOptions } from "./command-parts.js";

export { parseHours };
export type { CommandIO, ExitCode };
import { eventsReport } from "./events-command.js";
import type { ReportJob } from "./report-part.js";
import { noRowUsed, readReport, reportOutput } from "./report-read.js";
import { ColumnError, resolveColumns, type ResolvedField } from "./columns.js";
import { readRows } from "./read/input.js";
import { metricList, severalMetricsReport, valuesFor, type ReportParts } from "./several-metrics.js";
import { countsSql } from "../sql/counts.js";
import { durationsSql } from "../sql/durations.js";
import { slaSql } from "../sql/sla.js";
import type { SqlDialect } from "../sql/dialect.js";

/** "first-response=240:business" → an SLA target. */
function parseTarget(text: string): SlaTarget {
  const match = /^(first-response|next-response|resolution)=(\d+(?:\.\d+)?)(?::(business|calendar))?$/.exec(
    text.trim(),
  );
  if (!match)
    throw new UsageError(
      `--target ${text}: expected METRIC=MINUTES[:business|calendar], METRIC one of first-response, next-response, resolution`,
    );
  return {
    metric: match[1] as SlaTarget["metric"],
    minutes: Number(match[2]),
    clock: (match[3] ?? "calendar") as SlaTarget["clock"],
  };
}

/** The summarize spec and the columns to read, from the flags. */
function specFromFlags(values: ReturnType<typeof parseFlags<typeof REPORT_OPTIONS>>["values"]): {
  spec: SummarizeSpec;
  fields: FieldSpec[];
  calendarOptions: BusinessCalendarOptions | undefined;
} {
  const metric = oneOf<ReportMetric>("metric", values.metric, REPORT_METRICS);
  if (metric === undefined) throw new UsageError(`--metric is required: one of ${REPORT_METRICS.join(", ")}`);
  const every = oneOf("every", values.every, REPORT_PERIOD_UNITS);
  const timeZone = values["time-zone"];
  let calendar: BusinessCalendar | undefined;
  let calendarOptions: BusinessCalendarOptions | undefined;
  try {
    if (values.calendar !== undefined && values.hours !== undefined)
      throw new UsageError("give --hours or --calendar, not both");
    if (values.calendar !== undefined) calendarOptions = readCalendarFile("--calendar", values.calendar);
    if (values.hours !== undefined) {
      if (timeZone === undefined) throw new UsageError("--hours needs --time-zone: business hours are local times");
      calendarOptions = { timeZone, week: parseHours(values.hours) };
    }
    if (calendarOptions !== undefined) {
      calendar = businessCalendar(calendarOptions);
    }
  } catch (error) {
    if (isCxMetricsError(error))
      throw new UsageError(`--${values.calendar !== undefined ? "calendar" : "hours"}: ${error.message}`);
    throw error;
  }
  let policy: SlaPolicy | undefined;
  if (values.policy !== undefined) policy = readJson("policy", values.policy) as SlaPolicy;
  const targets = (values.target ?? []).map(parseTarget);
  if (targets.length > 0) policy = { ...(policy ?? {}), targets: [...(policy?.targets ?? []), ...targets] };
  if (metric === "sla" && policy === undefined) throw new UsageError("--metric sla needs --target or --policy");
  // Read as the file's dates are: in --date-format when given, local times in --time-zone.
  const asOf = values["as-of"] === undefined ? undefined : readAsOf(values["as-of"], values["date-format"], timeZone);
  const scorecard = values.scorecard === undefined ? undefined : (readJson("scorecard", values.scorecard) as Scorecard);
  if (metric === "iqs" && scorecard === undefined) throw new UsageError("--metric iqs needs --scorecard FILE");
  const scale = values.scale;
  // A preset's own scale (Zendesk's good / bad survey) unless --scale names one.
  const presetScale = values.preset === undefined ? undefined : presetNamed(values.preset)?.csatScale;
  const csatScale =
    metric === "csat"
      ? (oneOf("scale", scale, ["1-5", "1-10", "smiley-3", "good-bad"] as const) ?? presetScale)
      : undefined;
  const cesScale = metric === "ces" ? oneOf("scale", scale, ["1-7", "1-5"] as const) : undefined;
  if (scale !== undefined && metric !== "csat" && metric !== "ces")
    throw new UsageError("--scale is for --metric csat or ces");
  const mode = oneOf("mode", values.mode, ["top-box", "good-bad"] as const);
  const percentiles =
    values.percentiles === undefined
      ? undefined
      : listOf([values.percentiles]).map(
          (p) => numberFlag("percentiles", p, (n) => n >= 0 && n <= 100, "percentiles from 0 to 100, comma-separated")!,
        );
  const method = oneOf("method", values.method, PERCENTILE_METHODS);
  const resolution = oneOf("resolution", values.resolution, ["first", "full"] as const);
  const adjust = oneOf("adjust", values.adjust, P_ADJUST_METHODS);
  if (values.weight !== undefined && metric !== "nps" && metric !== "csat" && metric !== "ces")
    throw new UsageError("--weight is for --metric nps, csat or ces");
  if (values.unanswered !== undefined && metric !== "nps" && metric !== "csat" && metric !== "ces")
    throw new UsageError("--unanswered is for --metric nps, csat or ces (survey answers)");
  const spec: SummarizeSpec = {
    metric,
    by: listOf(values.by),
    ...(every === undefined ? {} : { every }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...rowOptions(values),
    ...(csatScale === undefined && mode === undefined
      ? {}
      : {
          csat: { ...(csatScale === undefined ? {} : { scale: csatScale }), ...(mode === undefined ? {} : { mode }) },
        }),
    ...(cesScale === undefined ? {} : { ces: { scale: cesScale } }),
    ...(calendar === undefined ? {} : { calendar }),
    ...(percentiles === undefined ? {} : { percentiles }),
    ...(method === undefined ? {} : { method }),
    ...(resolution === undefined ? {} : { resolution }),
    ...(policy === undefined ? {} : { policy }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(scorecard === undefined ? {} : { scorecard }),
    ...(adjust === undefined ? {} : { adjust }),
    // The weight is read under its column's own name, so a reject's reason names the user's header.
    ...(values.weight === undefined ? {} : { weight: values.weight }),
    ...(values.unanswered === undefined ? {} : { unanswered: values.unanswered }),
    invalid: "exclude",
  };
  const fields = metricFields(metric, every !== undefined);
  if (values.weight !== undefined)
    fields.push({ field: values.weight, kind: "text", required: true, column: values.weight });
  if (scorecard !== undefined && metric === "iqs") {
    for (const criterion of (scorecard as { criteria?: readonly { id?: unknown }[] }).criteria ?? []) {
      if (typeof criterion?.id === "string")
        fields.push({ field: `ratings.${criterion.id}`, kind: "text", required: true, column: criterion.id });
    }
  }
  return { spec, fields, calendarOptions };
}

/**
 * A duration report that reads the vendor's minutes: the field read from their header, the end's timestamp no longer
 * required where the minutes stand in for it, and the spec told the minutes' clock.
 */
function withVendorMinutes(
  spec: SummarizeSpec,
  fields: readonly FieldSpec[],
  vendor: VendorMinutesColumn | undefined,
  mapping: ReadonlyMap<string, string>,
): { spec: SummarizeSpec; fields: FieldSpec[] } {
  if (vendor === undefined) return { spec, fields: [...fields] };
  if (vendor.clock === "calendar" && spec.calendar !== undefined)
    throw new UsageError(
      `"${vendor.header}" holds calendar minutes, but --hours or --calendar make the report count business minutes: read the vendor's business-hours minutes (--column ${vendor.field}=HEADER, a header that says "business hours"), or leave out --hours / --calendar`,
    );
  const end = spec.metric === "first-response" ? "firstResponseAt" : "resolvedAt";
  // A resolution instant is the latest one (Zendesk's "Solved at"): the first resolution is the vendor's minutes,
  // unless --column names the instant.
  const latestOnly = spec.metric === "resolution" && spec.resolution === "first" && !mapping.has("resolvedAt");
  return {
    spec: { ...spec, vendorMinutes: vendor.clock },
    fields: [
      ...fields
        .filter((field) => !(latestOnly && field.field === "resolvedAt"))
        .map((field) => (field.field === end ? { ...field, alternative: vendor.field } : field)),
      { field: vendor.field, kind: "number", required: false, column: vendor.header },
    ],
  };
}

/** `--date-format` (checked: a bad pattern is a usage error) and `--missing-date`, or undefined for neither. */
function dateOptions(values: {
  readonly "date-format"?: string;
  readonly "missing-date"?: string[];
}): DateOptions | undefined {
  const format = values["date-format"];
  const missing = values["missing-date"];
  if (format === undefined && missing === undefined) return undefined;
  if (format !== undefined) datePattern(format);
  return { ...(format === undefined ? {} : { format }), ...(missing === undefined ? {} : { missing }) };
}

/** The spec, the columns to read and the calendar's options from the flags, with the vendor's minutes when named. */
function fullSpecFromFlags(values: ReturnType<typeof parseFlags<typeof REPORT_OPTIONS>>["values"]): {
  spec: SummarizeSpec;
  fields: FieldSpec[];
  calendarOptions: BusinessCalendarOptions | undefined;
} {
  const flagged = specFromFlags(values);
  const mapping = columnMapping(values.column);
  const { spec, fields } = withVendorMinutes(
    flagged.spec,
    flagged.fields,
    vendorMinutesColumn(
      flagged.spec.metric,
      flagged.spec.resolution ?? "full",
      mapping,
      // --sql measures from the timestamps: only minutes named with --column are read (and refused below).
      values.preset === undefined || values.sql !== undefined ? undefined : presetNamed(values.preset),
      flagged.spec.calendar !== undefined,
    ),
    mapping,
  );
  return { spec, fields, calendarOptions: flagged.calendarOptions };
}

/** Runs `cx-metrics report` with its arguments (after the word "report"). */
export async function reportCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseFlags(args, REPORT_OPTIONS, "report");
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  if (values.events !== undefined) {
    if (values["date-format"] !== undefined || values["missing-date"] !== undefined)
      throw new UsageError(
        "--date-format and --missing-date read the date columns of a file; --events reads ISO-8601 instants from JSON",
      );
    if (positionals.length > 0) throw new UsageError(`--events reads its own file; leave out ${positionals.join(" ")}`);
    return eventsReport(values.events, values, io);
  }
  for (const flag of ["tickets", "agent", "agents"] as const)
    if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --events FILE`);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? "report needs a FILE (or - for standard input)"
        : `report reads one file, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  const path = positionals[0]!;
  const several = metricList(values.metric);
  const { spec, fields, calendarOptions } = fullSpecFromFlags(
    several === null ? values : valuesFor(values, several[0]!, several),
  );
  const format = oneOf<OutputFormat>("format", values.format, OUTPUT_FORMATS) ?? "table";
  const inputFormat =
    oneOf<InputFormat>("input-format", values["input-format"], INPUT_FORMATS) ??
    (path === "-" ? "csv" : formatOf(path));
  if (values.preset !== undefined && presetNamed(values.preset) === undefined)
    throw new UsageError(`--preset ${values.preset}: expected one of ${Object.keys(PRESETS).join(", ")}`);
  const mapping = columnMapping(values.column);
  const dates = dateOptions(values);
  checkDelimiter("--delimiter", values.delimiter);
  checkOutputPath("output", values.output);
  checkOutputPath("rejects", values.rejects);

  if (several !== null) {
    const common = {
      format: inputFormat,
      delimiter: values.delimiter,
      mapping: [...mapping],
      preset: values.preset,
      strict: values.strict === true,
      ...(dates === undefined ? {} : { dates }),
    };
    return severalMetricsReport(path, several, values, io, REPORT_PARTS, common, format);
  }
  if (values.sql !== undefined && spec.vendorMinutes !== undefined)
    throw new UsageError(
      `--sql measures durations from the timestamps; leave out the vendor's minutes (--column ${spec.metric === "first-response" ? "firstResponseMinutes" : "resolutionMinutes"}, or the preset's)`,
    );
  if (values.sql !== undefined && dates !== undefined)
    throw new UsageError(
      "--sql reads the table's own timestamp columns; --date-format and --missing-date are for reading a file (convert the dates when loading the table)",
    );
  if (values.sql !== undefined) return printSql(path, inputFormat, spec, fields, mapping, values, io);
  if (values.table !== undefined) throw new UsageError("--table goes with --sql");
  try {
    createSummary(spec); // checks the spec before any file is read
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^summarize: /, ""));
    throw error;
  }
  const { calendar: _built, ...plainSpec } = spec;
  const job: ReportJob = {
    spec: plainSpec,
    calendar: calendarOptions,
    format: inputFormat,
    delimiter: values.delimiter,
    fields,
    mapping: [...mapping],
    preset: values.preset,
    ...(dates === undefined ? {} : { dates }),
    strict: values.strict === true,
  };
  const read = await readReport(path, [job], values, io);
  if (read === null) return 1; // a bad row under --strict, said
  const outcome = read.outcomes[0]!;
  const output = reportOutput(spec, outcome, read.readBy[0]!, path);
  if (output === null) {
    io.stderr.write(`cx-metrics: ${visible(noRowUsed(outcome))}\n`);
    writeRejectsFile(values.rejects, outcome.rejects);
    return 1;
  }
  writeRejectsFile(values.rejects, outcome.rejects);
  await writeReport(output, { format, spec, source: path, rejectsFile: values.rejects, output: values.output, io });
  return 0;
}

function writeRejectsFile(path: string | undefined, rejects: readonly Reject[]): void {
  if (path === undefined) return;
  writeRejectsCsv(path, rejects);
}

/** `--sql`: the query over a table whose columns carry the file's header names, printed instead of reading the rows. */
async function printSql(
  path: string,
  format: InputFormat,
  spec: SummarizeSpec,
  fields: FieldSpec[],
  mapping: Map<string, string>,
  values: { readonly sql?: string; readonly table?: string; readonly preset?: string; readonly delimiter?: string },
  io: CommandIO,
): Promise<ExitCode> {
  const dialect = oneOf<SqlDialect>("sql", values.sql, ["duckdb", "postgres"]);
  const metric = spec.metric;
  if (metric === "iqs")
    throw new UsageError(
      "--sql: the SQL of iqs is not available; it is for nps, csat, ces, first-response, resolution and sla",
    );
  if (
    values.preset !== undefined &&
    presetNamed(values.preset)?.minutesAfterCreated !== undefined &&
    metric === "first-response"
  )
    throw new UsageError(
      `--sql: the ${values.preset} preset derives the first reply from a minutes column, which the SQL does not do; name the columns with --column`,
    );
  // The header names, from the file's first record.
  let header: readonly string[] = [];
  await readRows(
    openInput(path).stream,
    format,
    { header: (names) => void (header = names), row: () => undefined },
    { ...(values.delimiter === undefined ? {} : { delimiter: values.delimiter }), headerOnly: true },
  );
  let resolved: ResolvedField[];
  try {
    resolved = resolveColumns(header, {
      fields,
      by: spec.by ?? [],
      mapping,
      preset: values.preset === undefined ? undefined : presetNamed(values.preset),
    });
  } catch (error) {
    if (error instanceof ColumnError) throw new UsageError(error.message);
    throw error;
  }
  const column = (field: string): string | undefined => resolved.find((entry) => entry.field === field)?.header;
  const weightColumn = spec.weight === undefined ? undefined : column(spec.weight as string);
  const sqlSpec: SummarizeSpec = {
    ...spec,
    by: (spec.by ?? []).map((name) => column(name) ?? name),
    ...(weightColumn === undefined ? {} : { weight: weightColumn }),
  };
  const sqlFields = {
    score: column("score"),
    rating: column("rating"),
    respondedAt: column("respondedAt"),
    createdAt: column("createdAt"),
    firstResponseAt: column("firstResponseAt"),
    resolvedAt: column("resolvedAt"),
    priority: column("priority"),
    type: column("type"),
    channel: column("channel"),
  };
  const defined = Object.fromEntries(Object.entries(sqlFields).filter(([, name]) => name !== undefined)) as Record<
    string,
    string
  >;
  const table = values.table ?? "data";
  let sql: string;
  try {
    const note =
      spec.calendar === undefined
        ? ""
        : "-- business minutes: load the calendar's working intervals first (calendarIntervalsTableSql, docs/sql.md)\n";
    sql =
      metric === "first-response" || metric === "resolution"
        ? `${note}${durationsSql(sqlSpec, { dialect: dialect!, table, fields: defined })}`
        : metric === "sla"
          ? `${note}${slaSql(sqlSpec, { dialect: dialect!, table, fields: defined })}`
          : countsSql(sqlSpec, { dialect: dialect!, table, fields: defined });
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(`--sql: ${error.message}`);
    throw error;
  }
  io.stdout.write(`${sql};\n`);
  return 0;
}

/** The report command's own functions that a report of several metrics uses (several-metrics.ts). */
const REPORT_PARTS: ReportParts = { specFromFlags: fullSpecFromFlags };
