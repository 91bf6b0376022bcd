// Several metrics in one report (`--metric first-response,resolution,sla`): each metric's part is what a report of that
// metric alone gives (rows, read / used / rejected, rejects); the formats put them together:
// - JSON: every metric's rows in one list (each row names its metric); `input` with the rows read, those every metric
//   used, those at least one rejected, and each metric's own counts under `metrics`; each reject names its metric;
// - table and Markdown: one section per metric, each with its own input line and rejects;
// - CSV: one table, each metric's own columns (a duration's percentiles, SLA's pending) blank on the others' rows.
import type { SummarizeSpec } from "../../report/spec.js";
import { csvExtraColumns, csvField, csvReport, type CsvExtraColumn } from "./csv.js";
import { writeTextFile } from "./files.js";
import { markdownReport } from "./markdown.js";
import { rejectsNote, type Reject, type ReportOutput, type WriteOptions } from "./report-output.js";
import { terminalReport } from "./table.js";

/** One metric's part of a report of several. */
export interface MetricPart {
  readonly spec: SummarizeSpec;
  readonly output: ReportOutput;
}

/** A reject of a report of several metrics: the metric that rejected the row. */
export interface MetricReject extends Reject {
  readonly metric: string;
}

/** What `report --metric a,b --format json` prints. */
export interface SeveralOutput {
  readonly rows: ReportOutput["rows"];
  readonly input: {
    readonly read: number;
    /**
     * Rows no metric rejected. A survey metric's unanswered rows (a blank score or rating) are among them: its own
     * counts under `metrics` say how many it left unanswered.
     */
    readonly used: number;
    /** Rows at least one metric rejected (read = used + rejected). */
    readonly rejected: number;
    readonly engine: ReportOutput["input"]["engine"];
    /** Each metric's own counts, as its report alone gives them. */
    readonly metrics: Readonly<Record<string, ReportOutput["input"]>>;
  };
  /** Every metric's rejects, by line, then in the order of `--metric`. */
  readonly rejects: readonly MetricReject[];
}

/** The parts as one JSON report. */
export function severalOutput(parts: readonly MetricPart[]): SeveralOutput {
  const rejects = parts
    .flatMap((part, order) => part.output.rejects.map((reject) => ({ reject, order, metric: part.spec.metric })))
    .sort((a, b) => a.reject.line - b.reject.line || a.order - b.order)
    .map(({ reject, metric }) => ({ ...reject, metric }));
  const read = parts[0]!.output.input.read;
  const rejected = new Set(rejects.map((reject) => reject.line)).size;
  return {
    rows: parts.flatMap((part) => part.output.rows),
    input: {
      read,
      used: read - rejected,
      rejected,
      engine: parts[0]!.output.input.engine,
      metrics: Object.fromEntries(parts.map((part) => [part.spec.metric, part.output.input])),
    },
    rejects,
  };
}

/** Writes a report of several metrics (any format but HTML, which the command refuses for several). */
export async function writeSeveralReports(
  parts: readonly MetricPart[],
  options: Omit<WriteOptions, "spec" | "label">,
  colour: boolean,
): Promise<void> {
  let text: string;
  switch (options.format) {
    case "json":
      text = `${JSON.stringify(severalOutput(parts), null, 2)}\n`;
      break;
    case "csv": {
      // Every metric's own columns (percentiles, pending, means), each blank on the other metrics' rows.
      const extra: CsvExtraColumn[] = [];
      for (const column of parts.flatMap((part) => csvExtraColumns(part.spec))) {
        const same = extra.findIndex((known) => known.header === column.header && known.key === column.key);
        if (same === -1) extra.push(column);
        else extra[same] = { ...column, metrics: [...extra[same]!.metrics, ...column.metrics] };
      }
      text = csvReport(
        parts.flatMap((part) => part.output.rows),
        parts[0]!.spec,
        extra,
      );
      for (const part of parts) options.io.stderr.write(`${part.spec.metric}: ${rejectsNote(part.output, options)}\n`);
      break;
    }
    case "markdown":
      text = parts.map((part) => markdownReport(part.output, { ...options, spec: part.spec })).join("\n");
      break;
    default:
      text = parts
        .map((part) => `${part.spec.metric}\n${terminalReport(part.output, { ...options, spec: part.spec }, colour)}`)
        .join("\n");
  }
  if (options.output !== undefined) writeTextFile("output", options.output, text);
  else
    await new Promise<void>((resolve, reject) =>
      options.io.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
}

/** Writes every metric's rejects to a CSV file: line, metric, column, value, reason. */
export function writeSeveralRejectsCsv(path: string, rejects: readonly MetricReject[]): void {
  const line = (cells: readonly unknown[]): string => `${cells.map(csvField).join(",")}\n`;
  let text = line(["line", "metric", "column", "value", "reason"]);
  for (const reject of rejects) text += line([reject.line, reject.metric, reject.column, reject.value, reject.reason]);
  writeTextFile("rejects", path, text);
}
