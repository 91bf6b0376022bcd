// Writes a report in the chosen format (terminal table, Markdown, CSV, the JSON contract, a self-contained HTML page)
// to standard output or a file.
// The shapes the formats share are in report-output.ts: this file imports the formats, and no format imports this file.
import { csvReport } from "./csv.js";
import { writeTextFile } from "./files.js";
import { htmlReport } from "./html.js";
import { markdownReport } from "./markdown.js";
import { rejectsNote, type ReportOutput, type WriteOptions } from "./report-output.js";
import { terminalReport } from "./table.js";

export { OUTPUT_FORMATS } from "./report-output.js";
export type { OutputFormat, Reject, ReportOutput, WriteOptions } from "./report-output.js";

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
  if (toFile) writeTextFile("output", options.output!, text);
  else
    await new Promise<void>((resolve, reject) =>
      options.io.stdout.write(text, (error) => (error ? reject(error) : resolve())),
    );
}
