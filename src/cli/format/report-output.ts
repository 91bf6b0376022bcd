// What every output format shares: the report as the command prints it (the JSON contract), the
// options of a write, and the note on rows read and rejected. The formats import this file; the
// format index imports the formats, and no format imports the index.
import type { ReportRow, SummarizeSpec } from "../../report/spec.js";
import { inputLine, rejectLine } from "./cells.js";
import { visible } from "./safe.js";

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
  /** Rows read = used (+ unanswered, survey metrics) + rejected, and who read them: DuckDB or the JS reader. */
  readonly input: {
    readonly read: number;
    readonly used: number;
    readonly unanswered?: number;
    readonly rejected: number;
    /** Who read the rows: "js" also when the DuckDB engine handed the file to the JS reader (a pipe, a Qualtrics export). */
    readonly engine: "duckdb" | "js";
  };
  readonly rejects: readonly Reject[];
}

/** How to write it. */
export interface WriteOptions {
  readonly format: OutputFormat;
  readonly spec: SummarizeSpec;
  /**
   * The metric's name and method sentence when they are not the spec's (a ticket-events report computes its figure
   * before summarize: `reply-time` shown through a duration spec).
   */
  readonly label?: { readonly metric: string; readonly method: string } | undefined;
  /** The input's path ("-" for standard input), named in the page. */
  readonly source: string;
  /** Where every reject went, when --rejects was given. */
  readonly rejectsFile: string | undefined;
  /** The output file; standard output when undefined. */
  readonly output: string | undefined;
  readonly io: {
    readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
    readonly stderr: NodeJS.WritableStream;
    readonly env: NodeJS.ProcessEnv;
  };
}

/** Rejects shown on screen (all of them go to --rejects, and into the JSON). */
export const SHOWN_REJECTS = 5;

/** The input line and the first rejects, as plain text lines (control characters shown escaped: for a terminal). */
export function rejectsNote(report: ReportOutput, options: Pick<WriteOptions, "rejectsFile">): string {
  const lines = [inputLine(report.input)];
  for (const reject of report.rejects.slice(0, SHOWN_REJECTS)) lines.push(`  rejected: ${rejectLine(reject)}`);
  if (report.rejects.length > SHOWN_REJECTS)
    lines.push(
      `  ... ${report.rejects.length - SHOWN_REJECTS} more ${options.rejectsFile === undefined ? "(all of them with --rejects FILE)" : `in ${options.rejectsFile}`}`,
    );
  else if (report.rejects.length > 0 && options.rejectsFile !== undefined)
    lines.push(`  (listed in ${options.rejectsFile})`);
  return lines.map(visible).join("\n");
}
