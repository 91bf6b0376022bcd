// trendSpec: report rows as a Vega-Lite chart (a line per segment with its interval band), which Jupyter and Observable
// render directly.
import type { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertReadable } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import type { ReportRow } from "./summarize.js";

/** Options of {@link trendSpec}. */
export interface TrendSpecOptions {
  /** The chart's title; default the metric's name. */
  readonly title?: string;
  /** Width in pixels, or `"container"`; default 640. */
  readonly width?: number | "container";
  /** Height in pixels; default 320. */
  readonly height?: number;
}

/** A Vega-Lite v5 specification: a plain JSON object. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** The error for something that is not a report row (or rows). */
function notRows(fn: string, value: unknown, expected: string): CxMetricsError {
  return invalid(fn, "INVALID_ARGUMENT", "rows", value, expected);
}

/** A report row, checked as far as the charts read it: an object with a `segment` object and a `period` (or null). */
function checkRow(fn: string, row: unknown): asserts row is ReportRow {
  assertReadable(fn, "row", row);
  const candidate = row as Partial<ReportRow> | null;
  if (
    typeof row !== "object" ||
    row === null ||
    typeof candidate!.segment !== "object" ||
    candidate!.segment === null ||
    (candidate!.period !== null && typeof candidate!.period?.label !== "string")
  )
    throw notRows(fn, row, "a report row { segment, period, value, ... }");
}

/**
 * The label of a row's segment: its values joined with " / ", or "all".
 *
 * @example
 * ```ts
 * const row = summarize([{ score: 9, channel: "chat" }], { metric: "nps", by: ["channel"] }).rows[1]!;
 * segmentLabel(row); //=> "chat"
 * ```
 */
export function segmentLabel(row: ReportRow): string {
  checkRow("segmentLabel", row);
  const values = Object.values(row.segment);
  return values.length === 0 ? "all" : values.join(" / ");
}

/**
 * A Vega-Lite v5 chart of report rows over time: one line per segment through the periods' figures,
 * with the interval as a band around it and small samples drawn as hollow points. Only rows with a
 * period are drawn (the all-period rows are not points in time). Render it with vega-embed, in
 * Jupyter (Deno's kernel displays the `application/vnd.vegalite.v5+json` type) or in Observable
 * (`vl.render({ spec })`).
 *
 * @example
 * ```ts
 * const spec = trendSpec(summarize(responses, { metric: "nps", by: ["channel"], every: "month" }).rows);
 * spec.$schema; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 */
export function trendSpec(rows: readonly ReportRow[], options: TrendSpecOptions = {}): VegaLiteSpec {
  assertReadable("trendSpec", "rows", rows);
  assertOptions("trendSpec", options);
  if (!Array.isArray(rows)) throw notRows("trendSpec", rows, "the rows of a report");
  for (const row of rows) checkRow("trendSpec", row);
  const values = rows
    .filter((row) => row.period !== null)
    .map((row) => ({
      period: row.period!.label,
      start: row.period!.start,
      segment: segmentLabel(row),
      value: row.value,
      low: row.low,
      high: row.high,
      n: row.n,
      smallSample: row.smallSample,
    }));
  const metric = rows[0]?.metric ?? "metric";
  const x = { field: "start", type: "temporal", title: "period" };
  const color = { field: "segment", type: "nominal", title: "segment" };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: options.title ?? metric,
    width: options.width ?? 640,
    height: options.height ?? 320,
    data: { values },
    layer: [
      {
        mark: { type: "errorband", opacity: 0.2 },
        encoding: { x, y: { field: "low", type: "quantitative", title: metric }, y2: { field: "high" }, color },
      },
      { mark: { type: "line" }, encoding: { x, y: { field: "value", type: "quantitative" }, color } },
      {
        mark: { type: "point", size: 40 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative" },
          color,
          filled: {
            field: "smallSample",
            type: "nominal",
            scale: { domain: [false, true], range: [true, false] },
            legend: { title: "n < minN (hollow)" },
          },
          tooltip: [
            { field: "segment" },
            { field: "period" },
            { field: "value", format: ".1f" },
            { field: "low", format: ".1f" },
            { field: "high", format: ".1f" },
            { field: "n" },
          ],
        },
      },
    ],
  };
}
