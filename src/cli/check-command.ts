// `cx-metrics check CLAIMS`: reads a claims file (JSON or YAML), loads its data sets with the report's readers, runs
// checkReport, prints the verdicts; exit code 1 when any claim is a mismatch.
import { dirname, extname, isAbsolute, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { counted } from "../internal/words.js";
import { checkReport, type CheckResult, type ClaimResult, type Claims } from "../check/check-report.js";
import type { RecordProblem } from "../check/reconcile.js";
import { type CheckedClaim, claimName, validateClaim } from "../check/claim-shape.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { checkDelimiter, oneOf, parseFlags, UsageError } from "./args.js";
import {
  isExtraHeaderRow,
  ColumnError,
  metricFields,
  PRESETS,
  presetNamed,
  type ResolvedField,
  resolveColumns,
  type FieldSpec,
  type Preset,
} from "./columns.js";
import { dateReader, type DateReader } from "./dates.js";
import { checkOutputPath, writeTextFile } from "./format/files.js";
import { markdownText, visible } from "./format/safe.js";
import { alignRows } from "./format/table.js";
import { readCalendarFile } from "./command-parts.js";
import { type DataSetCounts, dataSetCounts } from "./check-counts.js";
import { countsText } from "./format/cells.js";
import { formatOf, INPUT_FORMATS, openInput, readRows, type InputFormat } from "./read/input.js";
import { readLimitedText } from "./read/limited.js";
import { explainReject, minutesReason, openWithoutAsOf, type ReasonContext } from "./reasons.js";
import { recordBuilder } from "./records.js";
import type { CommandIO, ExitCode } from "./report-command.js";

export const CHECK_OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

export const CHECK_HELP = `cx-metrics check CLAIMS [--format table|markdown|json] [--output FILE]

Recomputes every figure a report printed (the claims file, JSON or YAML) from the raw data it names,
under the library's definitions and under every convention other tools use, and says for each:
match (a documented definition reproduces it once rounded as printed), close (none does, but it lies
in the figure's sampling interval) or mismatch, with the conventions that reproduce it and why.
Claims without data are checked against their other printed figures (shares, n, interval, change).

Claims file (paths relative to it):
  { "data": { "survey": "responses.csv", "tickets": { "path": "tickets.csv", "preset": "zendesk" } },
    "timeZone": "Europe/Berlin",
    "claims": [ { "id": "q1-nps", "metric": "nps", "data": "survey", "value": "42",
                  "filter": { "channel": "email" }, "period": "2025-03", "n": 1234 } ] }
  A data set may give "columns" (field → header), "preset", "format", "delimiter", "dateFormat",
  "missingDates" and "unanswered" (lists) as report's --column, --preset, --input-format, --delimiter,
  --date-format, --missing-date and --unanswered.
  Row by row: { "id", "metric": "resolution", "data": "tickets", "against": "Full resolution time in minutes",
  "options": { "calendar": "schedule.json" } } compares each record's minutes with the vendor's column.

Options:
  -f, --format F     table | markdown | json [table]
  -o, --output FILE  write the result there instead of standard output
  -h, --help         this text

Exit codes: 0 no mismatch; 1 a claim does not match or cannot be checked (no data and nothing else printed, no
record that gives a figure, a figure its metric cannot have); 2 usage errors (a file, data set, metric, column or
claim field that is missing or wrong; the message names the claim).

Examples:
  cx-metrics check examples/report-claims.yaml
  cx-metrics check claims.json --format json > verdicts.json
`;

/** A data set as the claims file names it. */
interface DataSource {
  readonly path: string;
  readonly columns?: Readonly<Record<string, string>>;
  readonly preset?: string;
  readonly format?: string;
  readonly delimiter?: string;
  /** How the data set writes its dates: a date-fns pattern, as --date-format. */
  readonly dateFormat?: string;
  /** Texts that stand for no date, as --missing-date. */
  readonly missingDates?: readonly string[];
  /** Not-rated markers besides the default ones (survey claims), as --unanswered. */
  readonly unanswered?: readonly string[];
}

const SURVEY_METRICS: readonly string[] = ["nps", "csat", "ces"];

/**
 * The data set's "unanswered" markers (report's --unanswered), checked: a list of texts, or none. Read with the one
 * definition of an unanswered survey (src/internal/unanswered.ts) by the claims on the data set.
 */
function dataSetMarkers(name: string, source: DataSource): readonly string[] | undefined {
  const { unanswered } = source;
  if (unanswered === undefined) return undefined;
  if (!Array.isArray(unanswered) || !unanswered.every((marker) => typeof marker === "string"))
    throw new UsageError(
      `data set "${name}": unanswered is ${JSON.stringify(unanswered)}, expected a list of not-rated markers such as ["Skipped"]`,
    );
  return unanswered;
}

/** A survey claim with its data set's not-rated markers added to its own `options.unanswered`. */
function withMarkers(claim: CheckedClaim, markers: Readonly<Record<string, readonly string[]>>): CheckedClaim {
  const extra = typeof claim.data === "string" && Object.hasOwn(markers, claim.data) ? markers[claim.data] : undefined;
  if (extra === undefined || !SURVEY_METRICS.includes(claim.metric)) return claim;
  const options = (claim.options ?? {}) as { unanswered?: readonly string[] };
  return { ...claim, options: { ...options, unanswered: [...(options.unanswered ?? []), ...extra] } } as CheckedClaim;
}

/**
 * The fields a data set is read for: every field its claims' metrics read (a check loads a data set once for all its
 * claims), required where a claim needs it (the score of an NPS claim, the date of a claim with a period, a filter's
 * column, a criterion of the scorecard), so that a data set without the metric's column stops the check with its name,
 * as `report` does, instead of leaving every record out without a word.
 */
function checkFields(claims: readonly CheckedClaim[]): FieldSpec[] {
  const fields = new Map<string, FieldSpec>();
  const add = (spec: FieldSpec): void => {
    const before = fields.get(spec.field);
    fields.set(spec.field, before === undefined ? spec : { ...before, required: before.required || spec.required });
  };
  for (const claim of claims) {
    const required = new Set(
      metricFields(claim.metric, claim.period !== undefined)
        .filter((spec) => spec.required)
        .map((spec) => spec.field),
    );
    for (const spec of metricFields(claim.metric, true)) add({ ...spec, required: required.has(spec.field) });
    for (const key of Object.keys((claim.filter as object | undefined) ?? {}))
      add({ field: key, kind: "text", required: true });
    const scorecard = (claim.options as { scorecard?: { criteria: readonly { id: string }[] } } | undefined)?.scorecard;
    // A row-by-row claim reads the vendor's column under its own header.
    if (typeof claim.against === "string")
      add({ field: claim.against, kind: "number", required: true, column: claim.against });
    for (const criterion of scorecard?.criteria ?? [])
      add({ field: `ratings.${criterion.id}`, kind: "text", required: true, column: criterion.id });
  }
  add({ field: "agentCreated", kind: "text", required: false });
  return [...fields.values()];
}

/** How a data set names a column, for the message when one is missing. */
const columnsAdvice = (field: string, mapped: string | undefined): string =>
  mapped === undefined
    ? `name it in the data set's "columns": { "${field}": "HEADER" }`
    : `"columns": { "${field}": "${mapped}" }`;

/** A data set as loaded: its records, the line of each, the columns they were read from, and the rows it could not read. */
interface LoadedData {
  readonly records: unknown[];
  /** The file's line of each record. */
  readonly lines: number[];
  /**
   * The cells as written of the records with a cell that could not be read (a date read as NaN) or a number whose text
   * is not the number's own ("7.0", " 7"), by record.
   */
  readonly written: Map<number, readonly unknown[]>;
  /** Cells are text (CSV, TSV): a number read from one was written as its text. */
  readonly textCells: boolean;
  readonly columns: readonly ResolvedField[];
  /** How the data set's dates are read ("dateFormat", "missingDates", the claims' zone): reasons name them. */
  readonly dates: DateReader;
  readonly read: number;
  readonly rejected: { line: number; reason: string }[];
}

/**
 * A preset's column of the first resolution (`firstResolvedAt`: Intercom's `statistics.first_close_at`), read beside
 * the last when the data set's claims read `resolvedAt` and the data set does not name that column itself (its
 * `columns` win, as `--column resolvedAt` does over `--resolution first` in `report`); undefined otherwise.
 */
function firstResolutionField(
  preset: Preset | undefined,
  fields: readonly FieldSpec[],
  columns: DataSource["columns"],
): FieldSpec | undefined {
  if (preset?.firstResolvedAt === undefined || !fields.some((spec) => spec.field === "resolvedAt")) return undefined;
  if (columns !== undefined && Object.hasOwn(columns, "resolvedAt")) return undefined;
  return { field: FIRST_RESOLVED, kind: "date", required: false, column: preset.firstResolvedAt };
}

/** The record field the first resolution is read into (then handed to the library as `resolutions`). */
const FIRST_RESOLVED = "firstResolvedAt";

/**
 * A record's first resolution as the library reads one: `resolutions` holding that instant (the library's first
 * resolution is the earliest of `resolutions`; its full resolution stays `resolvedAt`, the last close), so that one
 * load serves claims of either. A record without it (open, or never closed) or with its own `resolutions` is left as
 * it is.
 */
function withFirstResolution(record: Record<string, unknown>): void {
  const at = record[FIRST_RESOLVED];
  if (at === null || at === undefined || record.resolutions !== undefined) return;
  record.resolutions = [at];
}

/** Loads a data set into records (rows with a structural problem are counted apart). */
async function loadData(
  name: string,
  source: DataSource,
  base: string,
  fields: FieldSpec[],
  dates: DateReader,
): Promise<LoadedData> {
  const path = isAbsolute(source.path) ? source.path : join(base, source.path);
  const format = oneOf<InputFormat>("format", source.format, INPUT_FORMATS) ?? formatOf(path);
  const preset = source.preset === undefined ? undefined : presetNamed(String(source.preset));
  if (source.preset !== undefined && preset === undefined)
    throw new UsageError(
      `data set "${name}": preset ${source.preset}: expected one of ${Object.keys(PRESETS).join(", ")}`,
    );
  const { stream } = openInput(path);
  const records: unknown[] = [];
  const lines: number[] = [];
  const written = new Map<number, readonly unknown[]>();
  let columns: readonly ResolvedField[] = [];
  const rejected: { line: number; reason: string }[] = [];
  let read = 0;
  let build: ReturnType<typeof recordBuilder> = () => ({});
  // Header lines after the first (a Qualtrics export's question texts and ImportIds): not rows.
  let headerRowsLeft = preset?.headerRows ?? 0;
  const first = firstResolutionField(preset, fields, source.columns);
  const wanted = first === undefined ? fields : [...fields, first];
  await readRows(
    stream,
    format,
    {
      header(names) {
        try {
          columns = resolveColumns(names, {
            fields: wanted,
            by: [],
            mapping: new Map(Object.entries(source.columns ?? {})),
            preset,
            advice: columnsAdvice,
          });
          build = recordBuilder(columns, dates);
        } catch (error) {
          if (error instanceof ColumnError) throw new UsageError(`data set "${name}" (${path}): ${error.message}`);
          throw error;
        }
        return undefined;
      },
      row(row) {
        if (headerRowsLeft > 0) {
          headerRowsLeft--;
          if (isExtraHeaderRow(preset, format, row.cells, columns)) return;
          headerRowsLeft = 0;
        }
        read++;
        if (row.problem !== null) rejected.push({ line: row.line, reason: row.problem });
        else {
          const record = build((index) => row.cells[index]);
          if (first !== undefined) withFirstResolution(record);
          // A cell that could not be read is kept as written, to say what it holds (the record has NaN for it); so is a
          // number written otherwise than as its own text ("7.0"), to show the cell as written.
          if (
            columns.some(
              (column) =>
                Number.isNaN(record[column.field]) ||
                (column.kind === "number" &&
                  typeof row.cells[column.index] === "string" &&
                  String(record[column.field]) !== row.cells[column.index]),
            )
          )
            written.set(records.length, [...row.cells]);
          records.push(record);
          lines.push(row.line);
        }
      },
    },
    source.delimiter === undefined ? {} : { delimiter: source.delimiter },
  );
  return { records, lines, written, columns, dates, read, rejected, textCells: format === "csv" || format === "tsv" };
}

/** A record left out of a claim (not read, or not compared row by row), in the file's words: its line, column and why. */
interface ExplainedProblem {
  readonly line: number;
  readonly column: string | null;
  /** The cell as written. */
  readonly value: unknown;
  readonly reason: string;
}

/** What a claim left out, said in the file's words: the first records, and how many there were in all. */
interface ClaimProblems {
  readonly listed: readonly ExplainedProblem[];
  /** All the records left out for a value that cannot be read (listed or not). */
  readonly total: number;
  /** How the lines are headed: "not compared" (row by row) or "left out". */
  readonly label: string;
}

/**
 * The records a claim left out because a value cannot be read (a timestamp, a score off the scale, a date for the
 * period; row by row: a vendor cell that is not minutes) as the file has them: the line, the column's header and the
 * reason in the user's words, as `report` says why it rejected a row (reasons.ts); and how many there were in all.
 */
function explainProblems(
  claim: ClaimResult,
  source: CheckedClaim,
  loaded: LoadedData | undefined,
  timeZone: string | undefined,
): ClaimProblems {
  const none: ClaimProblems = { listed: [], total: 0, label: "left out" };
  if (loaded === undefined) return none;
  const against = typeof source.against === "string" ? source.against : undefined;
  if (claim.agreement !== undefined) {
    const { unreadable, badVendor } = claim.agreement.notCompared;
    const minutesField = claim.metric === "first-response" ? "firstResponseMinutes" : "resolutionMinutes";
    return {
      listed: claim.agreement.problems.map((problem) =>
        problem.field !== null && problem.field === against
          ? {
              line: loaded.lines[problem.index]!,
              column: against,
              value: problem.value,
              reason: minutesReason(against, problem.value, minutesField),
            }
          : explainProblem(problem, loaded, { metric: claim.metric, ...zoneOf(timeZone) }),
      ),
      total: unreadable + badVendor,
      label: "not compared",
    };
  }
  if (claim.leftOut === undefined) return none;
  const options = (source.options ?? {}) as { scale?: unknown; weight?: unknown };
  const scale = typeof options.scale === "string" ? options.scale : undefined;
  // The claim's scale and weight, so that a reason names the scale the claim reads (a 7 is outside 1-5, not 1-10).
  const spec = {
    metric: claim.metric,
    ...zoneOf(timeZone),
    ...(scale === undefined ? {} : claim.metric === "csat" ? { csat: { scale } } : { ces: { scale } }),
    ...(typeof options.weight === "string" ? { weight: options.weight } : {}),
  } as ReasonContext["spec"];
  return {
    listed: claim.leftOut.problems.map((problem) => explainProblem(problem, loaded, spec)),
    total: claim.leftOut.undated + claim.leftOut.unreadable,
    label: "left out",
  };
}

const zoneOf = (timeZone: string | undefined): { timeZone?: string } => (timeZone === undefined ? {} : { timeZone });

/** One record's problem (a field of it that cannot be read) in the file's words, through report's translator. */
function explainProblem(problem: RecordProblem, loaded: LoadedData, spec: ReasonContext["spec"]): ExplainedProblem {
  const record = loaded.records[problem.index] as Record<string, unknown>;
  const line = loaded.lines[problem.index]!;
  // The cells as written where one could not be read, else as read (an instant is shown as one).
  const cells = loaded.written.get(problem.index);
  const cell = (index: number): unknown => {
    if (cells !== undefined) return cells[index];
    const column = loaded.columns.find((candidate) => candidate.index === index);
    return column === undefined ? undefined : record[column.field];
  };
  // The first resolution read from its own column reaches the library as `resolutions[0]`: named by that column.
  const field =
    problem.field === "resolutions[0]" && loaded.columns.some((column) => column.field === FIRST_RESOLVED)
      ? FIRST_RESOLVED
      : (problem.field ?? "");
  const explained = explainReject(
    { field, code: problem.code as never, value: problem.value, reason: problem.reason },
    cell,
    { spec, columns: loaded.columns, dates: loaded.dates },
  );
  // A date read as an instant is shown as one (the cell itself was readable); a number read from text as that text.
  const date = loaded.columns.some((column) => column.header === explained.column && column.kind === "date");
  const number = cells === undefined && typeof explained.value === "number" && Number.isFinite(explained.value);
  const value =
    number && date
      ? new Date(explained.value as number).toISOString()
      : number && loaded.textCells
        ? String(explained.value)
        : explained.value;
  return { line, column: explained.column, value, reason: inClaimsFileWords(explained.reason) };
}

/**
 * A reason written for `report`'s flags, said in the claims file's words: check takes the zone from "timeZone", the
 * date pattern from a data set's "dateFormat" and placeholders from its "missingDates", columns from its "columns", a
 * scale, weight or calendar from the claim's "options", never from flags.
 */
function inClaimsFileWords(reason: string): string {
  return reason
    .replace(
      /give --time-zone with the zone the export was written in \(for example --time-zone ([^)\s]+)\)/g,
      'give "timeZone" in the claims file, the zone the export was written in (for example "timeZone": "$1")',
    )
    .replace(/ with --time-zone\b/g, ' with "timeZone" in the claims file')
    .replace(/add --missing-date ("(?:[^"\\]|\\.)*")/g, 'add $1 to the data set\'s "missingDates"')
    .replace(/--date-format\b/g, 'the data set\'s "dateFormat"')
    .replace(/give --scale (\S+) or (\S+)/g, 'give the claim "options": { "scale": "$1" } or "$2"')
    .replace(/give --scale (\S+)/g, 'give the claim "options": { "scale": "$1" }')
    .replace(/\(--column\)/g, '(the data set\'s "columns")')
    .replace(/ with --weight,/g, ' with "options": { "weight" },')
    .replace(/\(needed to place it in a period with --every\)/g, "(needed to place it in the claim's period)")
    .replace(/without --hours or --calendar/g, 'without the claim\'s "options": { "calendar" }');
}

/** A data set's date reading: its "dateFormat" and "missingDates", checked, with local times in the claims' zone. */
function dataSetDates(name: string, source: DataSource, timeZone: string | undefined): DateReader {
  const { dateFormat, missingDates } = source;
  if (dateFormat !== undefined && typeof dateFormat !== "string")
    throw new UsageError(
      `data set "${name}": dateFormat is ${JSON.stringify(dateFormat)}, expected a date-fns pattern such as "dd.MM.yyyy"`,
    );
  if (missingDates !== undefined && (!Array.isArray(missingDates) || !missingDates.every((t) => typeof t === "string")))
    throw new UsageError(
      `data set "${name}": missingDates is ${JSON.stringify(missingDates)}, expected a list of texts such as ["1900-01-01 00:00:00"]`,
    );
  try {
    return dateReader({ format: dateFormat, missing: missingDates }, timeZone);
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(`data set "${name}": ${error.message.replace(/^--date-format/, "dateFormat")}`);
    throw error;
  }
}

/** Reads the claims file: JSON, or YAML by its extension (.yaml, .yml). */
function readClaimsFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readLimitedText(path);
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  try {
    const value: unknown = [".yaml", ".yml"].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
    if (typeof value !== "object" || value === null || !Array.isArray((value as { claims?: unknown }).claims))
      throw new Error('expected an object with "claims": [...]');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * A claim whose `options.calendar` is a path (relative to the claims file) with the schedule read from that file: the
 * library's calendar options, a Zendesk schedule or Intercom office hours, JSON or YAML.
 */
function withCalendarFile(claim: unknown, index: number, claimsPath: string): unknown {
  const options = (claim as { options?: unknown } | null)?.options;
  const calendar = (options as { calendar?: unknown } | null | undefined)?.calendar;
  if (typeof calendar !== "string") return claim;
  const file = isAbsolute(calendar) ? calendar : join(dirname(claimsPath), calendar);
  return {
    ...(claim as object),
    options: {
      ...(options as object),
      calendar: readCalendarFile(`${claimName(claim, index)}: options.calendar`, file),
    },
  };
}

/** Runs `cx-metrics check`. */
export async function checkCommand(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const { values, positionals } = parseFlags(args, CHECK_OPTIONS, "check");
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("check needs one CLAIMS file (JSON or YAML)");
  const format = oneOf("format", values.format, ["table", "markdown", "json"] as const) ?? "table";
  const path = positionals[0]!;
  const file = readClaimsFile(path);
  checkOutputPath("output", values.output);
  // Every claim's shape first (a claim without a metric, a scorecard whose criteria are not a list): one line naming
  // the claim, before any data set is read.
  let claims: CheckedClaim[];
  try {
    claims = (file.claims as unknown[]).map((claim, index) =>
      validateClaim(withCalendarFile(claim, index, path), index),
    );
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^checkReport: /, ""));
    throw error;
  }
  if (file.timeZone !== undefined && typeof file.timeZone !== "string")
    throw new UsageError(`${path}: timeZone is ${JSON.stringify(file.timeZone)}, expected an IANA zone name`);
  const timeZone = typeof file.timeZone === "string" ? file.timeZone : undefined;
  if (file.data !== undefined && (typeof file.data !== "object" || file.data === null || Array.isArray(file.data)))
    throw new UsageError(`${path}: data is ${JSON.stringify(file.data)}, expected { "name": "file.csv", ... }`);
  const sources = (file.data ?? {}) as Record<string, unknown>;
  // No prototype: a data set named "__proto__" or "constructor" is a data set like any other.
  const data: Record<string, unknown[]> = Object.create(null);
  const inputs: Record<string, DataSetCounts> = Object.create(null);
  const loadedData: Record<string, LoadedData> = Object.create(null);
  const problems: string[] = [];
  const markers: Record<string, readonly string[]> = Object.create(null);
  for (const [name, entry] of Object.entries(sources)) {
    const source = (typeof entry === "string" ? { path: entry } : entry) as DataSource | null;
    if (typeof source !== "object" || source === null || typeof source.path !== "string")
      throw new UsageError(`data set "${name}": expected a path, or { "path": ..., "columns": ..., "preset": ... }`);
    if (
      source.columns !== undefined &&
      (typeof source.columns !== "object" ||
        source.columns === null ||
        Array.isArray(source.columns) ||
        !Object.values(source.columns).every((header) => typeof header === "string"))
    )
      throw new UsageError(
        `data set "${name}": columns is ${JSON.stringify(source.columns)}, expected { "field": "HEADER", ... }`,
      );
    checkDelimiter(`data set "${name}": delimiter`, source.delimiter);
    const extra = dataSetMarkers(name, source);
    if (extra !== undefined) markers[name] = extra;
    const loaded = await loadData(
      name,
      source,
      dirname(path),
      checkFields(claims.filter((claim) => claim.data === name)),
      dataSetDates(name, source, timeZone),
    );
    data[name] = loaded.records;
    loadedData[name] = loaded;
    for (const reject of loaded.rejected.slice(0, 5)) problems.push(`${name}: line ${reject.line}: ${reject.reason}`);
  }
  // A survey claim reads its data set's "unanswered" markers as report's --unanswered.
  claims = claims.map((claim) => withMarkers(claim, markers));
  let result: CheckResult;
  try {
    result = checkReport(
      { ...(timeZone === undefined ? {} : { timeZone }), claims: claims as unknown as Claims["claims"] },
      data,
    );
  } catch (error) {
    if (isCxMetricsError(error) && error.field === "options.asOf") {
      const claim = /^checkReport: (.+?): asOf is missing/.exec(error.message)?.[1] ?? "a claim";
      throw new UsageError(`${claim}: ${openWithoutAsOf(error.message, "options")}`);
    }
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^checkReport: /, ""));
    throw error;
  }
  // Each data set's rows as `report` counts them: read = used + unanswered + rejected for the survey metric it is read as.
  for (const [name, loaded] of Object.entries(loadedData))
    inputs[name] = dataSetCounts(
      loaded.records,
      loaded.read,
      loaded.rejected.length,
      claims.filter((claim) => claim.data === name),
    );
  // Each claim's records left out (or, row by row, not compared) for a value that cannot be read, by line and column,
  // in the file's words.
  const notCompared = result.claims.map((claim, index) => {
    const source = claims[index]!;
    return explainProblems(
      claim,
      source,
      typeof source.data === "string" ? loadedData[source.data] : undefined,
      typeof source.timeZone === "string" ? source.timeZone : timeZone,
    );
  });
  const text =
    format === "json"
      ? `${JSON.stringify(
          {
            // Each problem with its line, column, cell and reason in the file's words beside the library's.
            claims: result.claims.map((claim, index) => {
              const said = <T extends RecordProblem>(problems: readonly T[]) =>
                problems.map((problem, k) => ({ ...problem, ...notCompared[index]!.listed[k] }));
              if (claim.agreement !== undefined)
                return { ...claim, agreement: { ...claim.agreement, problems: said(claim.agreement.problems) } };
              if (claim.leftOut !== undefined)
                return { ...claim, leftOut: { ...claim.leftOut, problems: said(claim.leftOut.problems) } };
              return claim;
            }),
            data: inputs,
          },
          null,
          2,
        )}\n`
      : renderChecks(
          result,
          claims.map((claim) => (typeof claim.against === "string" ? claim.against : null)),
          notCompared,
          inputs,
          problems,
          format,
        );
  if (values.output !== undefined) writeTextFile("output", values.output, text);
  else
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (error) => (error ? reject(error) : resolve())));
  return result.claims.some((claim) => claim.verdict === "mismatch") ? 1 : 0;
}

/** The verdicts as a table (terminal or Markdown), each claim's explanation below it, and what each data set held. */
function renderChecks(
  result: CheckResult,
  against: readonly (string | null)[],
  notCompared: readonly ClaimProblems[],
  inputs: Record<string, DataSetCounts>,
  problems: readonly string[],
  format: "table" | "markdown",
): string {
  // A row-by-row claim printed nothing: its vendor column has a column of its own (shown when a claim has one), and its
  // figure is the share of records within a minute of it.
  const rowByRow = against.some((header) => header !== null);
  const titles = ["claim", "metric", ...(rowByRow ? ["against"] : []), "printed", "recomputed", "n", "verdict"];
  const rows = result.claims.map((claim, index) => [
    claim.id,
    claim.metric,
    ...(rowByRow ? [against[index] ?? ""] : []),
    against[index] === null ? claim.printed : "",
    // In the printed figure's unit: "30.63 h" beside "56.87 h", a mean rating beside a mean rating; a row-by-row
    // claim's share of records within a minute of the vendor's column ("70 % within 1 min").
    claim.recomputedText ?? "",
    claim.n === null ? "" : String(claim.n),
    claim.verdict,
  ]);
  const numeric = [false, false, ...(rowByRow ? [false] : []), true, true, true, false];
  // Claim ids, printed values, data set names and rejected cells come from the files: shown escaped on a terminal
  // (alignRows, visible) and as plain text in Markdown (markdownText).
  const text = format === "markdown" ? markdownText : visible;
  const lines: string[] = [];
  if (format === "markdown") {
    lines.push(`| ${titles.join(" | ")} |`, `|${numeric.map((right) => (right ? " ---: " : " --- ")).join("|")}|`);
    for (const row of rows) lines.push(`| ${row.map(markdownText).join(" | ")} |`);
    lines.push("");
    for (const [index, claim] of result.claims.entries()) {
      lines.push(`- **${markdownText(claim.id)}** (${claim.verdict}): ${markdownText(claim.explanation)}`);
      for (const line of problemLines(notCompared[index]!)) lines.push(`  - ${markdownText(line)}`);
    }
  } else {
    for (const line of alignRows(titles, rows, numeric)) lines.push(line);
    lines.push("");
    for (const [index, claim] of result.claims.entries()) {
      lines.push(visible(`${claim.id}: ${claim.explanation}`));
      for (const line of problemLines(notCompared[index]!)) lines.push(visible(`  ${line}`));
    }
  }
  lines.push("");
  for (const [name, input] of Object.entries(inputs)) {
    lines.push(text(`data ${name}: ${countsText(input)}`));
    // Read as several survey metrics (or scales): each one's counts, as `report --metric` would give them.
    for (const [label, counts] of Object.entries(input.metrics ?? {}))
      lines.push(text(`  as ${label}: ${countsText(counts)}`));
  }
  for (const problem of problems) lines.push(`  rejected: ${text(problem)}`);
  return `${lines.join("\n")}\n`;
}

/** A claim's problems as lines: one per record listed, then how many more there were (none is left out unsaid). */
function problemLines(problems: ClaimProblems): string[] {
  const lines = problems.listed.map((problem) => `${problems.label}: line ${problem.line}: ${problem.reason}`);
  const more = problems.total - problems.listed.length;
  if (more > 0)
    lines.push(
      `${problems.label}: ${counted(more, "more record")} with a value that cannot be read (${problems.total} in all, the first ${problems.listed.length} listed above)`,
    );
  return lines;
}
