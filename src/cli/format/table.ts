// The terminal table: aligned columns, numbers right-aligned, colour only on a terminal (bold titles, dim small
// samples), then what was read and the first rejects.
import { methodNote, textTable } from "./cells.js";
import { rejectsNote, type ReportOutput, type WriteOptions } from "./report-output.js";
import { visible } from "./safe.js";

const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** Characters of a cell as a terminal shows them (code points). */
const width = (text: string): number => [...text].length;

/**
 * Pads cells to their column's width (numbers to the right), joined by two spaces; control characters in the cells are
 * shown escaped ({@link visible}). Any number of rows: no argument list grows with them.
 */
export function alignRows(
  titles: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string[] {
  const shownTitles = titles.map(visible);
  const shownRows = rows.map((row) => row.map(visible));
  const widths = shownTitles.map(width);
  for (const row of shownRows)
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, width(row[i] ?? ""));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(widths[i]! - width(cell));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const out = [line(shownTitles)];
  for (const row of shownRows) out.push(line(row));
  return out;
}

/** The report for a terminal. */
export function terminalReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile" | "label">,
  colour: boolean,
): string {
  const table = textTable(report.rows, options.spec);
  const [head, ...body] = alignRows(table.titles, table.rows, table.numeric);
  const style = (text: string, code: string): string => (colour ? `${code}${text}${RESET}` : text);
  const lines = [style(head!, BOLD), ...body.map((text, i) => (table.small[i] ? style(text, DIM) : text))];
  return `${lines.join("\n")}\n\n${methodNote(options.spec, report.rows, options.label?.method)}\n${rejectsNote(report, options)}\n`;
}
