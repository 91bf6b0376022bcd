// The trend chart of a report as static SVG: a line per segment over the periods, its interval as a band, small samples
// as hollow points; no script, no fonts or files to fetch.
import type { ReportRow, SummarizeSpec } from "../../report/spec.js";
import { segmentValue } from "./cells.js";
import { escapeXml, visible } from "./safe.js";

const COLOURS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];
const WIDTH = 760;
const HEIGHT = 340;
const LEFT = 56;
const RIGHT = 150;
const TOP = 16;
const BOTTOM = 48;

/** Text made safe inside SVG: markup escaped, control characters (line breaks included) shown escaped. */
const svgText = (text: string): string => escapeXml(visible(text));

/** Round ticks over [low, high]: about five, at 1, 2 or 5 times a power of ten. */
function ticks(low: number, high: number): number[] {
  const span = high - low || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) out.push(Number(t.toFixed(10)));
  return out;
}

/** Segments drawn beside the overall line: one per colour; the table below the chart has every one. */
const MAX_SERIES = COLOURS.length;

/**
 * The lines to draw: the overall one and at most {@link MAX_SERIES} segments, the largest by n when there are more (a
 * daily report of 200 agents would draw 73,000 points and a legend taller than the chart), in the report's order.
 */
function drawnSeries(
  every: ReadonlyMap<string, ReportRow[]>,
  segmented: boolean,
): { series: Map<string, ReportRow[]>; segments: number } {
  const names = [...every.keys()].filter((name) => !(segmented && name === "all"));
  if (names.length <= MAX_SERIES) return { series: new Map(every), segments: names.length };
  const size = (name: string): number => every.get(name)!.reduce((total, row) => total + row.n, 0);
  const largest = new Set(
    names
      .map((name) => ({ name, n: size(name) }))
      .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, MAX_SERIES)
      .map((entry) => entry.name),
  );
  return {
    series: new Map([...every].filter(([name]) => largest.has(name) || (segmented && name === "all"))),
    segments: names.length,
  };
}

/** The chart, or null when the report has no periods. */
export function trendSvg(rows: readonly ReportRow[], spec: SummarizeSpec, title: string): string | null {
  const periodRows = rows.filter((row) => row.period !== null);
  if (periodRows.length === 0) return null;
  const by = spec.by ?? [];
  const label = (row: ReportRow): string =>
    by.length === 0 || by.every((key) => segmentValue(row.segment, key) === undefined)
      ? "all"
      : by.map((key) => segmentValue(row.segment, key) ?? "all").join(" / ");
  const periods = [...new Map(periodRows.map((row) => [row.period!.start, row.period!.label])).entries()].sort(
    (a, b) => Date.parse(a[0]) - Date.parse(b[0]),
  );
  const xOf = new Map(periods.map(([start], i) => [start, i]));
  const every = new Map<string, ReportRow[]>();
  for (const row of periodRows) {
    const key = label(row);
    if (!every.has(key)) every.set(key, []);
    every.get(key)!.push(row);
  }
  const { series, segments } = drawnSeries(every, by.length > 0);
  // A loop, not Math.min(...values): a daily report of many segments has more values than a call takes arguments.
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of [...series.values()].flat()) {
    low = Math.min(low, row.value, row.low ?? row.value);
    high = Math.max(high, row.value, row.high ?? row.value);
  }
  const pad = (high - low) * 0.05 || 1;
  low -= pad;
  high += pad;
  const grid = ticks(low, high);
  low = Math.min(low, grid[0]!);
  high = Math.max(high, grid[grid.length - 1]!);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number): number => LEFT + (periods.length === 1 ? plotW / 2 : (i * plotW) / (periods.length - 1));
  const y = (v: number): number => TOP + ((high - v) * plotH) / (high - low);
  const f = (n: number): string => n.toFixed(1);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${svgText(title)}" font-family="system-ui, sans-serif" font-size="11">`,
  );
  parts.push(`<title>${svgText(title)}</title>`);
  for (const t of grid)
    parts.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="#e5e5e5"/><text x="${LEFT - 6}" y="${f(y(t) + 4)}" text-anchor="end" fill="#555">${t}</text>`,
    );
  const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach(([, text], i) => {
    if (i % labelEvery === 0)
      parts.push(
        `<text x="${f(x(i))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="#555">${svgText(text)}</text>`,
      );
  });
  parts.push(`<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${TOP + plotH}" y2="${TOP + plotH}" stroke="#999"/>`);
  let k = 0;
  for (const [name, list] of series) {
    const colour = name === "all" && by.length > 0 ? "#333" : COLOURS[k++ % COLOURS.length]!;
    const points = list.map((row) => ({ i: xOf.get(row.period!.start)!, row }));
    const banded = points.filter((p) => p.row.low !== null && p.row.high !== null);
    if (banded.length > 1) {
      const upper = banded.map((p) => `${f(x(p.i))},${f(y(p.row.high!))}`);
      const lower = banded.map((p) => `${f(x(p.i))},${f(y(p.row.low!))}`).reverse();
      parts.push(
        `<polygon class="band" points="${[...upper, ...lower].join(" ")}" fill="${colour}" fill-opacity="0.12" stroke="none"/>`,
      );
    }
    parts.push(
      `<polyline class="trend" points="${points.map((p) => `${f(x(p.i))},${f(y(p.row.value))}`).join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`,
    );
    for (const p of points) {
      parts.push(
        `<circle cx="${f(x(p.i))}" cy="${f(y(p.row.value))}" r="3.5" fill="${p.row.smallSample ? "white" : colour}" stroke="${colour}" stroke-width="1.5"><title>${svgText(`${name} ${p.row.period!.label}: ${f(p.row.value)} (n = ${p.row.n})`)}</title></circle>`,
      );
    }
    const legendY = TOP + 14 + (k + (name === "all" ? 0 : 0)) * 16;
    parts.push(
      `<line x1="${WIDTH - RIGHT + 14}" x2="${WIDTH - RIGHT + 32}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2"/><text x="${WIDTH - RIGHT + 38}" y="${legendY}" fill="#222">${svgText(name)}</text>`,
    );
  }
  parts.push(
    `<text x="${LEFT}" y="${HEIGHT - 8}" fill="#777">hollow point: n below ${spec.minN ?? 30}; band: ${Math.round((spec.confidence ?? 0.95) * 100)}% interval${segments > MAX_SERIES ? `; lines: all and the ${MAX_SERIES} largest of ${segments.toLocaleString("en-US")} segments` : ""}</text>`,
  );
  parts.push("</svg>");
  return parts.join("\n");
}
