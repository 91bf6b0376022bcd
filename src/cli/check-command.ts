// `cx-metrics check CLAIMS`: reads a claims file (JSON or YAML), loads its data sets with the report's readers, runs
// checkReport, prints the verdicts; exit code 1 when any claim is a mismatch.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, isAbsolute, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { checkReport, type CheckResult, type Claims } from "../check/check-report.js";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import type { InstantReading } from "../internal/instant.js";
import { REPORT_METRICS, type ReportMetric } from "../report/spec.js";
import { oneOf, parseFlags, UsageError } from "./args.js";
import { ColumnError, metricFields, PRESETS, resolveColumns, type FieldSpec } from "./columns.js";
import { alignRows } from "./format/table.js";
import { formatOf, INPUT_FORMATS, openInput, readRows, type InputFormat } from "./read/input.js";
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
  A data set may give "columns" (field → header), "preset" and "format" as for report.

Options:
  -f, --format F     table | markdown | json [table]
  -o, --output FILE  write the result there instead of standard output
  -h, --help         this text

Exit codes: 0 no mismatch; 1 a claim does not match; 2 usage errors (a file, data set, metric or column that is not there).

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
}

/** Every field any metric reads, optional: a check loads a data set once for all its claims. */
function checkFields(
  metrics: readonly ReportMetric[],
  filterKeys: readonly string[],
  criteria: readonly string[],
): FieldSpec[] {
  const fields = new Map<string, FieldSpec>();
  for (const metric of metrics)
    for (const spec of metricFields(metric, true)) fields.set(spec.field, { ...spec, required: false });
  fields.set("agentCreated", { field: "agentCreated", kind: "text", required: false });
  for (const key of filterKeys) if (!fields.has(key)) fields.set(key, { field: key, kind: "text", required: true });
  for (const id of criteria)
    fields.set(`ratings.${id}`, { field: `ratings.${id}`, kind: "text", required: false, column: id });
  return [...fields.values()];
}

/** Loads a data set into records (rows with a structural problem are counted apart). */
async function loadData(
  name: string,
  source: DataSource,
  base: string,
  fields: FieldSpec[],
  reading: InstantReading | undefined,
): Promise<{ records: unknown[]; read: number; rejected: { line: number; reason: string }[] }> {
  const path = isAbsolute(source.path) ? source.path : join(base, source.path);
  const format = oneOf<InputFormat>("format", source.format, INPUT_FORMATS) ?? formatOf(path);
  const preset = source.preset === undefined ? undefined : PRESETS[source.preset];
  if (source.preset !== undefined && preset === undefined)
    throw new UsageError(
      `data set "${name}": preset ${source.preset}: expected one of ${Object.keys(PRESETS).join(", ")}`,
    );
  const { stream } = openInput(path);
  const records: unknown[] = [];
  const rejected: { line: number; reason: string }[] = [];
  let read = 0;
  let build: ReturnType<typeof recordBuilder> = () => ({});
  await readRows(
    stream,
    format,
    {
      header(names) {
        try {
          build = recordBuilder(
            resolveColumns(names, { fields, by: [], mapping: new Map(Object.entries(source.columns ?? {})), preset }),
            reading,
          );
        } catch (error) {
          if (error instanceof ColumnError) throw new UsageError(`data set "${name}" (${path}): ${error.message}`);
          throw error;
        }
        return undefined;
      },
      row(row) {
        read++;
        if (row.problem !== null) rejected.push({ line: row.line, reason: row.problem });
        else records.push(build((index) => row.cells[index]));
      },
    },
    source.delimiter === undefined ? {} : { delimiter: source.delimiter },
  );
  return { records, read, rejected };
}

/** Reads the claims file: JSON, or YAML by its extension (.yaml, .yml). */
function readClaimsFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
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
  const claims = file.claims as Claims["claims"];
  const timeZone = typeof file.timeZone === "string" ? file.timeZone : undefined;
  const sources = (file.data ?? {}) as Record<string, string | DataSource>;
  const data: Record<string, unknown[]> = {};
  const inputs: Record<string, { read: number; used: number; rejected: number }> = {};
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(sources)) {
    const source: DataSource = typeof entry === "string" ? { path: entry } : entry;
    if (typeof source?.path !== "string")
      throw new UsageError(`data set "${name}": expected a path, or { "path": ..., "columns": ..., "preset": ... }`);
    const using = claims.filter((claim) => claim?.data === name);
    const metrics = [...new Set(using.map((claim) => claim.metric))].filter((metric) =>
      REPORT_METRICS.includes(metric),
    );
    const filterKeys = [...new Set(using.flatMap((claim) => Object.keys(claim.filter ?? {})))];
    const criteria = [
      ...new Set(using.flatMap((claim) => (claim.options?.scorecard?.criteria ?? []).map((criterion) => criterion.id))),
    ];
    const loaded = await loadData(
      name,
      source,
      dirname(path),
      checkFields(metrics, filterKeys, criteria),
      timeZone === undefined ? undefined : { timeZone },
    );
    data[name] = loaded.records;
    inputs[name] = { read: loaded.read, used: loaded.records.length, rejected: loaded.rejected.length };
    for (const reject of loaded.rejected.slice(0, 5)) problems.push(`${name}: line ${reject.line}: ${reject.reason}`);
  }
  let result: CheckResult;
  try {
    result = checkReport({ ...(timeZone === undefined ? {} : { timeZone }), claims }, data);
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(error.message.replace(/^checkReport: /, ""));
    throw error;
  }
  const text =
    format === "json"
      ? `${JSON.stringify({ ...result, data: inputs }, null, 2)}\n`
      : renderChecks(result, inputs, problems, format);
  if (values.output !== undefined) writeFileSync(values.output, text);
  else io.stdout.write(text);
  return result.claims.some((claim) => claim.verdict === "mismatch") ? 1 : 0;
}

const figure = (value: number | null): string =>
  value === null ? "" : String(Number(value.toFixed(2))).replace("-", "−");

/** The verdicts as a table (terminal or Markdown), each claim's explanation below it, and what each data set held. */
function renderChecks(
  result: CheckResult,
  inputs: Record<string, { read: number; used: number; rejected: number }>,
  problems: readonly string[],
  format: "table" | "markdown",
): string {
  const titles = ["claim", "metric", "printed", "recomputed", "n", "verdict"];
  const rows = result.claims.map((claim) => [
    claim.id,
    claim.metric,
    claim.printed,
    figure(claim.recomputed),
    claim.n === null ? "" : String(claim.n),
    claim.verdict,
  ]);
  const numeric = [false, false, true, true, true, false];
  const lines: string[] = [];
  if (format === "markdown") {
    lines.push(`| ${titles.join(" | ")} |`, `|${numeric.map((right) => (right ? " ---: " : " --- ")).join("|")}|`);
    for (const row of rows) lines.push(`| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`);
    lines.push("");
    for (const claim of result.claims) lines.push(`- **${claim.id}** (${claim.verdict}): ${claim.explanation}`);
  } else {
    lines.push(...alignRows(titles, rows, numeric), "");
    for (const claim of result.claims) lines.push(`${claim.id}: ${claim.explanation}`);
  }
  lines.push("");
  for (const [name, input] of Object.entries(inputs))
    lines.push(`data ${name}: rows read ${input.read} = used ${input.used} + rejected ${input.rejected}`);
  for (const problem of problems) lines.push(`  rejected: ${problem}`);
  return `${lines.join("\n")}\n`;
}
