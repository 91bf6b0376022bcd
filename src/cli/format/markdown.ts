// The report as Markdown: a GitHub-flavoured table, how the figures are computed, what was read, and the first rejects.
import { METHOD, rejectLine, inputLine, textTable } from "./cells.js";
import { SHOWN_REJECTS, type ReportOutput, type WriteOptions } from "./report-output.js";

/** A cell made safe for a Markdown table (pipes escaped, line breaks as spaces). */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** The report as Markdown. */
export function markdownReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile" | "source">,
): string {
  const table = textTable(report.rows, options.spec);
  const out = [`## ${options.spec.metric} from ${options.source === "-" ? "standard input" : options.source}`, ""];
  out.push(`| ${table.titles.map(cell).join(" | ")} |`);
  out.push(`|${table.numeric.map((numeric) => (numeric ? " ---: " : " --- ")).join("|")}|`);
  for (const row of table.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
  out.push("", METHOD[options.spec.metric], "", `${inputLine(report.input)}.`);
  if (report.rejects.length > 0) {
    out.push("", "Rejected rows:", "");
    for (const reject of report.rejects.slice(0, SHOWN_REJECTS)) out.push(`- ${cell(rejectLine(reject))}`);
    if (report.rejects.length > SHOWN_REJECTS)
      out.push(
        `- ... ${report.rejects.length - SHOWN_REJECTS} more${options.rejectsFile === undefined ? " (all of them with `--rejects FILE`)" : ` in \`${options.rejectsFile}\``}`,
      );
  }
  return `${out.join("\n")}\n`;
}
