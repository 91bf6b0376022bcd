import { readFileSync } from "node:fs";

/**
 * Reads a simple CSV file (a header row, comma-separated, no quoted fields) into objects of
 * strings, as a CSV reader hands them over. Enough for the bundled sample data.
 */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}
