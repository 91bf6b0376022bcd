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

/** A column of one or more metrics after the common ones: its header, the key of a row's `detail` it shows. */
export interface CsvExtraColumn {
  readonly header: string;
  readonly key: string;
  /** The metrics whose rows fill it (blank on the others' rows, in a report of several metrics). */
  readonly metrics: readonly string[];
}

/**
 * The metric's own columns after the common ones: a duration's percentiles, SLA's pending measurements, CSAT's and
 * CES's mean rating and its interval.
 */
export function csvExtraColumns(spec: SummarizeSpec): CsvExtraColumn[] {
  const own = (header: string, key = header): CsvExtraColumn => ({ header, key, metrics: [spec.metric] });
  return spec.metric === "first-response" || spec.metric === "resolution"
    ? (spec.percentiles ?? [90]).map((p) => own(`p${p}`))
    : spec.metric === "sla"
      ? [own("pending")] // the measurements still running, apart from n and the %
      : spec.metric === "csat" || spec.metric === "ces"
        ? [own("mean"), own("mean_low", "meanLow"), own("mean_high", "meanHigh")]
        : [];
}

/**
 * The rows as CSV: metric, the segment keys, the period, n, value, interval, change, flag; durations add their
 * percentiles, SLA its pending measurements, CSAT and CES the mean rating and its interval.
 */
export function csvReport(rows: readonly ReportRow[], spec: SummarizeSpec, extra = csvExtraColumns(spec)): string {
  const by = spec.by ?? [];
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
    ...extra.map((column) => column.header),
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
      ...extra.map((column) =>
        column.metrics.includes(row.metric) ? (row.detail as Record<string, unknown>)[column.key] : undefined,
      ),
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
