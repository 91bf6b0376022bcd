// The report as Markdown: a GitHub-flavoured table, how the figures are computed, what was read, and the first rejects.
import { methodNote, rejectLine, inputLine, textTable } from "./cells.js";
import { SHOWN_REJECTS, type ReportOutput, type WriteOptions } from "./report-output.js";
import { markdownText as cell } from "./safe.js";

/** The report as Markdown. */
export function markdownReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile" | "source" | "label">,
): string {
  const table = textTable(report.rows, options.spec);
  const out = [
    `## ${options.label?.metric ?? options.spec.metric} from ${options.source === "-" ? "standard input" : cell(options.source)}`,
    "",
  ];
  out.push(`| ${table.titles.map(cell).join(" | ")} |`);
  out.push(`|${table.numeric.map((numeric) => (numeric ? " ---: " : " --- ")).join("|")}|`);
  for (const row of table.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
  out.push("", methodNote(options.spec, report.rows, options.label?.method), "", `${inputLine(report.input)}.`);
  if (report.rejects.length > 0) {
    out.push("", "Rejected rows:", "");
    for (const reject of report.rejects.slice(0, SHOWN_REJECTS)) out.push(`- ${cell(rejectLine(reject))}`);
    if (report.rejects.length > SHOWN_REJECTS)
      out.push(
        `- ... ${report.rejects.length - SHOWN_REJECTS} more${options.rejectsFile === undefined ? " (all of them with `--rejects FILE`)" : ` in ${cell(options.rejectsFile)}`}`,
      );
  }
  return `${out.join("\n")}\n`;
}
