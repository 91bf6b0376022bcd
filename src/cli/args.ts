// The command line's flags: parsed with node:util parseArgs (strict), each command's help text with examples, and usage
// errors that list what exists.
import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * A usage error: exit code 2, the message on standard error as one line (control characters shown escaped), then the
 * `detail` lines, if any (the flags that exist).
 */
export class UsageError extends Error {
  readonly detail: string | undefined;
  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail;
  }
}

/** The flags of `cx-metrics report`. */
export const REPORT_OPTIONS = {
  metric: { type: "string", short: "m" },
  by: { type: "string", multiple: true },
  every: { type: "string" },
  events: { type: "string" },
  tickets: { type: "string" },
  agent: { type: "string", multiple: true },
  agents: { type: "string" },
  "time-zone": { type: "string" },
  "date-format": { type: "string" },
  "missing-date": { type: "string", multiple: true },
  column: { type: "string", multiple: true },
  preset: { type: "string" },
  "min-n": { type: "string" },
  confidence: { type: "string" },
  adjust: { type: "string" },
  weight: { type: "string" },
  unanswered: { type: "string", multiple: true },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  strict: { type: "boolean" },
  rejects: { type: "string" },
  "input-format": { type: "string" },
  delimiter: { type: "string" },
  scale: { type: "string" },
  mode: { type: "string" },
  hours: { type: "string" },
  calendar: { type: "string" },
  policy: { type: "string" },
  target: { type: "string", multiple: true },
  "as-of": { type: "string" },
  scorecard: { type: "string" },
  percentiles: { type: "string" },
  method: { type: "string" },
  resolution: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  engine: { type: "string" },
  sql: { type: "string" },
  table: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export const MAIN_HELP = `cx-metrics: customer-service metrics from a file, with their intervals and sources

Usage:
  cx-metrics report FILE|- --metric M [options]   figures by segment and period (cx-metrics report --help)
  cx-metrics report --events FILE|- --metric M    ticket metrics from Zendesk exports or ticket events
  cx-metrics check CLAIMS [--format F]            a report's printed figures against the raw data (cx-metrics check --help)
  cx-metrics --version

Examples:
  cx-metrics report survey.csv --metric nps --by channel --every month --time-zone Europe/Berlin
  cx-metrics report tickets.csv --metric first-response --hours "Mon-Fri 09:00-17:00" --time-zone Europe/Berlin --format markdown

  cx-metrics check claims.yaml --format markdown

Exit codes: 0 done; 1 bad rows under --strict, no usable row, or a claim that does not match; 2 usage errors (unknown flag, metric, column or file).
Docs: docs/cli.md in the package.
`;

export const REPORT_HELP = `cx-metrics report FILE|- --metric M [options]
cx-metrics report --events FILE|- --metric M [options]

Reads a CSV, TSV (also .gz), JSON array, NDJSON or Parquet file (or standard input, "-") and prints one
metric by segment and calendar period: n, the figure, its interval, the change against the
previous period with its test, and a flag where n < --min-n. Bad rows are left out and listed
with their line (header = line 1), column, value and reason; rows read = used + rejected (nps,
csat, ces: read = used + unanswered + rejected, where a blank score or rating, or a not-rated
marker such as N/A or Offered, is a survey sent and not answered: counted, never rejected).

What to compute:
  -m, --metric M          nps | csat | ces | first-response | resolution | sla | iqs; several, comma-
                          separated (first-response,resolution,sla or nps,csat), in one read of the file
      --by a,b            segment by these columns (repeat or comma-separate)
      --every P           day | week (ISO) | month | quarter | year
      --time-zone Z       IANA zone for the periods and for dates written without an offset [UTC]
      --min-n N           flag rows with fewer than N [30]
      --confidence C      interval and test level [0.95]
      --adjust A          none | holm | bh: correct the report's change tests for their number [bh]
      --weight HEADER     nps, csat, ces: weight each response by this column (a number > 0); rows
                          then show the weighted figure, its effective n (Kish) and standard error
      --scale S           csat: 1-5 | 1-10 | smiley-3 | good-bad [1-5; good-bad with --preset zendesk];
                          ces: 1-7 | 1-5 [1-7]
      --mode M            csat: top-box | good-bad [top-box]
      --unanswered TEXT   nps, csat, ces: read a score or rating written TEXT as unanswered, beside
                          blanks and n/a, na, -, offered, unoffered, not offered, not rated,
                          no rating, null, none (any case; repeat)
      --percentiles L     durations: percentiles beside the median [90]
      --method M          durations: percentile method [linear] (R type 7)
      --resolution R      resolution: first | full [full]
      --hours H           business hours in --time-zone, e.g. "Mon-Fri 09:00-17:00, Sat 10:00-14:00"
      --calendar FILE     business calendar, JSON or YAML: businessCalendar options, a Zendesk schedule
                          ({ "schedule": ..., "holidays": [...] }, Rails zone names) or Intercom office hours
      --target T          sla: METRIC=MINUTES[:business|calendar], e.g. first-response=240:business (repeat)
      --policy FILE       sla: a policy as JSON ({ "targets": [...] })
      --as-of DATE        sla: when open tickets are judged (needed once any ticket is open), written as the
                          file's dates (--date-format, local times in --time-zone) or ISO 8601
      --scorecard FILE    iqs: the scorecard as JSON; each criterion's ratings in the column named by its id

Ticket events (instead of FILE):
      --events FILE       Zendesk's ticket audits or ticket metric events JSON (found by their shape), or
                          ticket events as a JSON array or NDJSON ("-": standard input); measured per
                          ticket by ticketMetrics.
                          --metric reply-time | next-reply-time | first-resolution | full-resolution |
                          requester-wait | agent-wait | on-hold | sla (ticketSla: --target METRIC=MIN
                          [:clock] with METRIC first-response, next-response, periodic-update,
                          pausable-update, requester-wait, agent-work, resolution; or --policy FILE);
                          --by priority,status (after the last event), channel (audits' via.channel);
                          --every the ticket's creation; --hours/--calendar for business minutes;
                          --as-of; all formats
      --tickets FILE      a ticket export (CSV, TSV, JSON, NDJSON) joined by ticket id: --by any of its
                          columns (Group, Via, ...), read with --column, --preset, --input-format and
                          --delimiter; events of tickets it lacks are rejected, its tickets without
                          events are counted on standard error
      --agent ID          audits: an agent's id (repeat or comma-separate); --agents FILE: one id a line.
                          Without them, any comment author but the ticket's requester is an agent

Reading the file:
      --column F=HEADER   read field F from column HEADER (repeat); fields: score, rating, respondedAt,
                          createdAt, firstResponseAt, resolvedAt, reviewedAt, id, priority, type, channel
      --preset P          zendesk | delighted | typeform | freshdesk | qualtrics | surveymonkey |
                          intercom-api | zendesk-api: the column names of that export (docs/cli.md
                          lists them)
      --input-format F    csv | tsv | json | ndjson | parquet [from the extension, under a .gz;
                          csv for standard input]
      --engine E          js | duckdb: who reads the file [js; duckdb for Parquet, which needs
                          @duckdb/node-api]
      --delimiter D       CSV field separator [,]; use ";" for many European exports
      --date-format P     how every date column is written, in date-fns tokens: "dd-MM-yyyy HH:mm",
                          "MM/dd/yyyy h:mm a", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ssXXX" [ISO 8601];
                          times without an offset (XXX) are read in --time-zone
      --missing-date T    a date cell equal to T means "no date": a ticket never solved stays open
                          (repeat; e.g. "1900-01-01 00:00:00", "-")
      --strict            fail (exit 1) at the first bad row instead of leaving it out

Output:
  -f, --format F          table | markdown | csv | json | html [table]
  -o, --output FILE       write the report there instead of standard output
      --rejects FILE      write every rejected row there (CSV: line, column, value, reason)
  -q, --quiet             no progress bar
      --sql D             print the SQL (duckdb | postgres) that computes the report's counts in a
                          database instead of reading the rows: the file's header names are the
                          table's columns (every metric but iqs); docs/sql.md
      --table T           the table the --sql query reads [data]
  -h, --help              this text

Header names match without regard to case, spaces, "_" and "-" ("Created at" = created_at = createdAt).

Examples:
  cx-metrics report survey.csv --metric nps --by channel --every month --time-zone Europe/Berlin
  cx-metrics report typeform.csv --preset typeform --metric nps --every week --format html -o nps.html
  cx-metrics report survey.csv -m csat --column rating="How satisfied were you?" --scale 1-5 --format json
  cx-metrics report tickets.csv -m resolution --date-format "dd-MM-yyyy HH:mm" --missing-date "-" --time-zone Europe/Berlin
  cx-metrics report export.csv --preset zendesk -m first-response --by Group --hours "Mon-Fri 09:00-17:00" --time-zone America/New_York
  cx-metrics report tickets.ndjson -m sla --target first-response=60:business --hours "Mon-Fri 08:00-18:00" --time-zone Europe/Berlin --as-of 2025-04-01T00:00:00Z
  cat survey.csv | cx-metrics report - -m nps --every month --rejects rejects.csv --strict
  cx-metrics report survey.csv -m nps --by channel --every month --time-zone Europe/Berlin --sql postgres --table survey
`;

/**
 * Parses a command's flags; unknown flags and missing values become a {@link UsageError} listing the flags that exist.
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: readonly string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    const flags = Object.keys(options)
      .map((name) => `--${name}`)
      .join(", ");
    throw new UsageError(message, `flags of ${command}: ${flags}\n(cx-metrics ${command} --help for more)`);
  }
}

/** Splits "a,b" and repeated flags into one list, blanks dropped. */
export function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** Checks a flag's value against the values it takes. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} ${value}: expected one of ${allowed.join(", ")}`);
  return value as T;
}

/** A number flag, within bounds. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  check: (n: number) => boolean,
  expected: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${flag} ${value}: expected ${expected}`);
  return n;
}

/**
 * Checks a CSV delimiter (`--delimiter`, a data set's `delimiter`): one character, not a quote or a line break (the
 * reader could not tell fields from quoting or records).
 */
export function checkDelimiter(where: string, value: string | undefined): void {
  if (value === undefined) return;
  if ([...value].length !== 1 || value === '"' || value === "\r" || value === "\n")
    throw new UsageError(
      `${where} ${JSON.stringify(value)}: expected one character other than a quote or a line break (",", ";", "\\t", "|")`,
    );
}

/**
 * `--column FIELD=HEADER` pairs as a map, in the order given. A field given twice is a usage error naming it (the
 * command would otherwise keep one silently).
 */
export function columnMapping(pairs: readonly string[] | undefined): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const pair of pairs ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0 || at === pair.length - 1)
      throw new UsageError(
        `--column ${pair}: expected FIELD=HEADER, e.g. --column score="How likely are you to recommend us?"`,
      );
    const field = pair.slice(0, at).trim();
    const header = pair.slice(at + 1);
    const before = mapping.get(field);
    if (before !== undefined && before !== header)
      throw new UsageError(
        `--column ${field} is given twice (${field}=${before} and ${field}=${header}): name one column for each field`,
      );
    mapping.set(field, header);
  }
  return mapping;
}
