// `cx-metrics report FILE --metric first-response,resolution,sla` (or `nps,csat`): one read of the file gives every
// metric's rows. Each metric gets the spec and the job a report of it alone would get (flags that only other metrics of
// the list take are left out of its spec), and its part of the report is exactly that report's: the same rows, counts
// and rejects (test/cli/several-metrics.test.ts compares them).
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { createSummary } from "../report/summarize.js";
import type { ReportMetric, SummarizeSpec } from "../report/spec.js";
import type { BusinessCalendarOptions } from "../time/calendar.js";
import { UsageError, type parseFlags, type REPORT_OPTIONS } from "./args.js";
import type { CommandIO, ExitCode } from "./command-parts.js";
import type { FieldSpec } from "./columns.js";
import { useColour, type OutputFormat } from "./format/index.js";
import { severalOutput, writeSeveralRejectsCsv, writeSeveralReports, type MetricPart } from "./format/several.js";
import { visible } from "./format/safe.js";
import type { ReportJob } from "./report-part.js";
import { noRowUsed, readReport, reportOutput } from "./report-read.js";

type Values = ReturnType<typeof parseFlags<typeof REPORT_OPTIONS>>["values"];

/** The flags only some metrics take: a flag is left out of the specs of the others when one of the list takes it. */
const ONLY_FOR: Readonly<Record<string, readonly ReportMetric[]>> = {
  scale: ["csat", "ces"],
  mode: ["csat"],
  weight: ["nps", "csat", "ces"],
  unanswered: ["nps", "csat", "ces"],
  percentiles: ["first-response", "resolution"],
  method: ["first-response", "resolution"],
  resolution: ["resolution"],
  target: ["sla"],
  policy: ["sla"],
  "as-of": ["sla"],
  scorecard: ["iqs"],
};

/** What the report command lends this one (its own function; passed in so that neither module imports the other). */
export interface ReportParts {
  readonly specFromFlags: (values: Values) => {
    spec: SummarizeSpec;
    fields: FieldSpec[];
    calendarOptions: BusinessCalendarOptions | undefined;
  };
}

/** The metrics of `--metric a,b`: at least two, each once (null for one metric). */
export function metricList(flag: string | undefined): string[] | null {
  if (flag === undefined || !flag.includes(",")) return null;
  const metrics = flag.split(",").map((name) => name.trim());
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (metric === "") throw new UsageError(`--metric ${flag}: an empty name in the list`);
    if (seen.has(metric)) throw new UsageError(`--metric ${flag}: ${metric} is named twice`);
    seen.add(metric);
  }
  return metrics;
}

/** The flags as a report of `metric` alone reads them: the flags only other metrics of the list take left out. */
export function valuesFor(values: Values, metric: string, metrics: readonly string[]): Values {
  const own: Record<string, unknown> = { ...values, metric };
  for (const [flag, takers] of Object.entries(ONLY_FOR)) {
    const takes = (name: string): boolean => (takers as readonly string[]).includes(name);
    if (own[flag] !== undefined && !takes(metric) && metrics.some(takes)) delete own[flag];
  }
  return own as Values;
}

/**
 * The `--column` names a metric's report reads: those of its own fields, and those of no metric's fields at all (which
 * its report then refuses, as a report of one metric does).
 */
function ownColumns(
  mapping: ReportJob["mapping"],
  fields: readonly FieldSpec[],
  everyField: ReadonlySet<string>,
): ReportJob["mapping"] {
  const own = new Set(fields.map((field) => field.field));
  return mapping.filter(([field]) => own.has(field) || !everyField.has(field));
}

/** Runs a report of several metrics over one read of the file. */
export async function severalMetricsReport(
  path: string,
  metrics: readonly string[],
  values: Values,
  io: CommandIO,
  parts: ReportParts,
  job: Omit<ReportJob, "spec" | "calendar" | "fields">,
  format: OutputFormat,
): Promise<ExitCode> {
  if (values.sql !== undefined)
    throw new UsageError("--sql prints the query of one metric: give --metric one name (run it once per metric)");
  if (format === "html")
    throw new UsageError("--format html shows one metric a page: give --metric one name, or another --format");
  const specs = metrics.map((metric) => parts.specFromFlags(valuesFor(values, metric, metrics)));
  const everyField = new Set(specs.flatMap(({ fields }) => fields.map((field) => field.field)));
  const jobs: ReportJob[] = specs.map(({ spec, fields, calendarOptions }) => {
    try {
      createSummary(spec); // checks each spec before the file is read
    } catch (error) {
      if (isCxMetricsError(error)) throw new UsageError(`${spec.metric}: ${error.message.replace(/^summarize: /, "")}`);
      throw error;
    }
    const { calendar: _built, ...plainSpec } = spec;
    return {
      ...job,
      spec: plainSpec,
      calendar: calendarOptions,
      fields,
      mapping: ownColumns(job.mapping, fields, everyField),
    };
  });
  const read = await readReport(path, jobs, values, io);
  if (read === null) return 1; // a bad row under --strict, said
  const results: MetricPart[] = [];
  for (const [k, outcome] of read.outcomes.entries()) {
    const { spec } = specs[k]!;
    const output = reportOutput(spec, outcome, read.readBy[k]!, path);
    if (output === null) {
      io.stderr.write(`cx-metrics: ${visible(`${spec.metric}: ${noRowUsed(outcome)}`)}\n`);
      return 1;
    }
    results.push({ spec, output });
  }
  if (values.rejects !== undefined) writeSeveralRejectsCsv(values.rejects, severalOutput(results).rejects);
  await writeSeveralReports(
    results,
    { format, source: path, rejectsFile: values.rejects, output: values.output, io },
    values.output === undefined && useColour(io.stdout, io.env),
  );
  return 0;
}
