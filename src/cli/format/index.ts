// Writes a report in the chosen format (terminal table, Markdown, CSV, the JSON contract, a self-contained HTML page) to standard output or a file.
import { writeFileSync } from "node:fs";
import type { ReportRow, SummarizeSpec } from "../../report/spec.js";
import { inputLine, rejectLine } from "./cells.js";
import { csvReport } from "./csv.js";
import { htmlReport } from "./html.js";
import { markdownReport } from "./markdown.js";
import { terminalReport } from "./table.js";

/** The output formats. */
export type OutputFormat = "table" | "markdown" | "csv" | "json" | "html";

export const OUTPUT_FORMATS: readonly OutputFormat[] = ["table", "markdown", "csv", "json", "html"];

/** A rejected row (contract): its 1-based line (header = 1), the column, the value found, and why. */
export interface Reject {
  readonly line: number;
  readonly column: string | null;
  readonly value: unknown;
  readonly reason: string;
}

/** What `report --format json` prints (contract). */
export interface ReportOutput {
  readonly rows: readonly ReportRow[];
  /** Rows read = used + rejected, and who read them: DuckDB or the JS reader. */
  readonly input: { readonly read: number; readonly used: number; readonly rejected: number; readonly engine: "duckdb" | "js" };
  readonly rejects: readonly Reject[];
}

/** How to write it. */
export interface WriteOptions {
  readonly format: OutputFormat;
  readonly spec: SummarizeSpec;
  /** The input's path ("-" for standard input), named in the page. */
  readonly source: string;
  /** Where every reject went, when --rejects was given. */
  readonly rejectsFile: string | undefined;
  /** The output file; standard output when undefined. */
  readonly output: string | undefined;
  readonly io: { readonly stdout: NodeJS.WritableStream & { isTTY?: boolean }; readonly stderr: NodeJS.WritableStream; readonly env: NodeJS.ProcessEnv };
}

/** Rejects shown on screen (all of them go to --rejects, and into the JSON). */
export const SHOWN_REJECTS = 5;

/** Colour only on a terminal, and never with NO_COLOR set (no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

/** Writes the report; formats without a place for rejects (CSV) tell them on standard error. */
export async function writeReport(report: ReportOutput, options: WriteOptions): Promise<void> {
  const toFile = options.output !== undefined;
  const colour = !toFile && useColour(options.io.stdout, options.io.env);
  let text: string;
  switch (options.format) {
    case "json":
      text = `${JSON.stringify(report, null, 2)}\n`;
      break;
    case "csv":
      text = csvReport(report.rows, options.spec);
      options.io.stderr.write(`${rejectsNote(report, options)}\n`);
      break;
    case "markdown":
      text = markdownReport(report, options);
      break;
    case "html":
      text = htmlReport(report, options);
      break;
    case "table":
      text = terminalReport(report, options, colour);
      break;
  }
  if (toFile) writeFileSync(options.output!, text);
  else await new Promise<void>((resolve, reject) => options.io.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

/** The input line and the first rejects, as plain text lines. */
export function rejectsNote(report: ReportOutput, options: Pick<WriteOptions, "rejectsFile">): string {
  const lines = [inputLine(report.input)];
  for (const reject of report.rejects.slice(0, SHOWN_REJECTS)) lines.push(`  rejected: ${rejectLine(reject)}`);
  if (report.rejects.length > SHOWN_REJECTS) lines.push(`  ... ${report.rejects.length - SHOWN_REJECTS} more ${options.rejectsFile === undefined ? "(all of them with --rejects FILE)" : `in ${options.rejectsFile}`}`);
  else if (report.rejects.length > 0 && options.rejectsFile !== undefined) lines.push(`  (listed in ${options.rejectsFile})`);
  return lines.join("\n");
}

