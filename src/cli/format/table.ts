// The terminal table: aligned columns, numbers right-aligned, colour only on a terminal (bold titles, dim small
// samples), then what was read and the first rejects.
import { METHOD, textTable } from "./cells.js";
import { rejectsNote, type ReportOutput, type WriteOptions } from "./report-output.js";

const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** Pads cells to their column's width (numbers to the right), joined by two spaces. */
export function alignRows(
  titles: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string[] {
  const widths = titles.map((title, i) => Math.max([...title].length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(widths[i]! - [...cell].length);
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(titles), ...rows.map(line)];
}

/** The report for a terminal. */
export function terminalReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile">,
  colour: boolean,
): string {
  const table = textTable(report.rows, options.spec);
  const [head, ...body] = alignRows(table.titles, table.rows, table.numeric);
  const style = (text: string, code: string): string => (colour ? `${code}${text}${RESET}` : text);
  const lines = [style(head!, BOLD), ...body.map((text, i) => (table.small[i] ? style(text, DIM) : text))];
  return `${lines.join("\n")}\n\n${METHOD[options.spec.metric]}\n${rejectsNote(report, options)}\n`;
}
