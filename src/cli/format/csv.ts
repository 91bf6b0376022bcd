// The report as a tidy CSV (one row per segment and period, flat columns) and the rejects file (line, column, value,
// reason).
import type { ReportRow, SummarizeSpec } from "../../report/spec.js";
import { segmentValue } from "./cells.js";
import { writeTextFile } from "./files.js";
import type { Reject } from "./report-output.js";
import { spreadsheetSafe } from "./safe.js";

/**
 * A CSV field: neutralised against formulas ({@link spreadsheetSafe}: a quote before `=`, `+`, `-`, `@` ..., plain
 * numbers left as they are), and quoted when it holds a comma, a quote, a line break, a semicolon or a tab (RFC 4180;
 * the last two so that a spreadsheet that splits on them does not start a new cell inside the field).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = spreadsheetSafe(
    typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value),
  );
  return /[",\r\n;\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly unknown[]): string => `${cells.map(csvField).join(",")}\n`;

/**
 * The rows as CSV: metric, the segment keys, the period, n, value, interval, change, flag; durations add their
 * percentiles, SLA its pending measurements, CSAT and CES the mean rating and its interval.
 */
export function csvReport(rows: readonly ReportRow[], spec: SummarizeSpec): string {
  const by = spec.by ?? [];
  const extra =
    spec.metric === "first-response" || spec.metric === "resolution"
      ? (spec.percentiles ?? [90]).map((p) => `p${p}`)
      : spec.metric === "sla"
        ? ["pending"] // the measurements still running, apart from n and the %
        : [];
  // CSAT and CES: the mean rating and its interval (detail.mean, meanLow, meanHigh).
  const means = spec.metric === "csat" || spec.metric === "ces";
  let text = line([
    "metric",
    ...by,
    "period",
    "period_start",
    "period_end",
    "n",
    "value",
    "low",
    "high",
    "change",
    "change_low",
    "change_high",
    "change_p_value",
    "small_sample",
    "change_p_adjusted",
    "n_effective",
    "se",
    ...extra,
    ...(means ? ["mean", "mean_low", "mean_high"] : []),
  ]);
  for (const row of rows) {
    text += line([
      row.metric,
      ...by.map((key) => segmentValue(row.segment, key) ?? ""),
      row.period?.label ?? "",
      row.period?.start ?? "",
      row.period?.end ?? "",
      row.n,
      row.value,
      row.low,
      row.high,
      row.change?.difference,
      row.change?.low,
      row.change?.high,
      row.change?.pValue,
      row.smallSample,
      row.change?.pAdjusted,
      row.nEffective,
      row.se,
      ...extra.map((key) => (row.detail as Record<string, unknown>)[key]),
      ...(means ? [row.detail.mean, row.detail.meanLow, row.detail.meanHigh] : []),
    ]);
  }
  return text;
}

/** Writes every reject to a CSV file: line, column, value, reason. */
export function writeRejectsCsv(path: string, rejects: readonly Reject[]): void {
  let text = line(["line", "column", "value", "reason"]);
  for (const reject of rejects) text += line([reject.line, reject.column, reject.value, reject.reason]);
  writeTextFile("rejects", path, text);
}
