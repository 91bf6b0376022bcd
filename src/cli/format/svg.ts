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
/** The plot's own width; the legend's column is added to it, as wide as its longest line. */
const PLOT_WIDTH = 554;
const HEIGHT = 360;
const LEFT = 72;
const TOP = 16;
const BOTTOM = 64;
/** A legend entry is wrapped at spaces into lines of at most this many characters (never cut). */
const LEGEND_CHARS = 24;
/** About the width of a character at 11 px in a system sans-serif (generous, so that nothing is clipped). */
const CHAR_WIDTH = 7;

/** The y axis's title and the unit of its ticks, by metric; durations in hours once they run past 10 hours. */
function axisOf(
  spec: SummarizeSpec,
  high: number,
): { readonly title: string; readonly tick: (value: number) => string; readonly divide: number } {
  const percent = (title: string) => ({ title, tick: (value: number) => `${value} %`, divide: 1 });
  switch (spec.metric) {
    case "nps":
      return { title: "NPS (points, −100 to 100)", tick: (value) => String(value), divide: 1 };
    case "csat":
      return percent("CSAT (% satisfied)");
    case "ces":
      return percent("CES (% easy)");
    case "sla":
      return percent("SLA (% met)");
    case "iqs":
      return percent("IQS (%)");
    case "first-response":
    case "resolution": {
      const clock = spec.calendar === undefined ? "" : "business ";
      const what = spec.metric === "first-response" ? "first response" : "resolution";
      return high > 600
        ? { title: `median ${what} (${clock}hours)`, tick: (value) => `${value} h`, divide: 60 }
        : { title: `median ${what} (${clock}minutes)`, tick: (value) => `${value} min`, divide: 1 };
    }
  }
}

/** A legend entry's lines: the name whole, wrapped at spaces (a word longer than a line stays whole). */
function legendLines(name: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > LEGEND_CHARS) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

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
  const axis = axisOf(spec, high);
  low /= axis.divide;
  high /= axis.divide;
  const pad = (high - low) * 0.05 || 1;
  low -= pad;
  high += pad;
  const grid = ticks(low, high);
  low = Math.min(low, grid[0]!);
  high = Math.max(high, grid[grid.length - 1]!);
  // The legend's column: as wide as its longest line, so that no segment's name is cut ("Reimbursement Claim").
  const legends = [...series.keys()].map((name) => legendLines(visible(name)));
  const longest = Math.max(0, ...legends.flat().map((line) => line.length));
  const RIGHT = Math.max(150, 52 + Math.ceil(longest * CHAR_WIDTH));
  const WIDTH = LEFT + PLOT_WIDTH + RIGHT;
  const plotW = PLOT_WIDTH;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number): number => LEFT + (periods.length === 1 ? plotW / 2 : (i * plotW) / (periods.length - 1));
  const y = (v: number): number => TOP + ((high - v / axis.divide) * plotH) / (high - low);
  const yTick = (t: number): number => TOP + ((high - t) * plotH) / (high - low);
  const f = (n: number): string => n.toFixed(1);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${svgText(title)}" font-family="system-ui, sans-serif" font-size="11">`,
  );
  parts.push(`<title>${svgText(title)}</title>`);
  for (const t of grid)
    parts.push(
      `<line x1="${LEFT}" x2="${LEFT + plotW}" y1="${f(yTick(t))}" y2="${f(yTick(t))}" stroke="#e5e5e5"/><text x="${LEFT - 6}" y="${f(yTick(t) + 4)}" text-anchor="end" fill="#555">${svgText(axis.tick(t))}</text>`,
    );
  // The axes' titles, with their units.
  parts.push(
    `<text class="axis-title" x="14" y="${f(TOP + plotH / 2)}" transform="rotate(-90 14 ${f(TOP + plotH / 2)})" text-anchor="middle" fill="#333">${svgText(axis.title)}</text>`,
    `<text class="axis-title" x="${f(LEFT + plotW / 2)}" y="${HEIGHT - BOTTOM + 34}" text-anchor="middle" fill="#333">${svgText(`period (${spec.every ?? "all"}, ${spec.timeZone ?? "UTC"})`)}</text>`,
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
  let legendY = TOP + 14;
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
        `<circle cx="${f(x(p.i))}" cy="${f(y(p.row.value))}" r="3.5" fill="${p.row.smallSample ? "white" : colour}" stroke="${colour}" stroke-width="1.5"><title>${svgText(`${name} ${p.row.period!.label}: ${axis.tick(Number((p.row.value / axis.divide).toFixed(1)))} (n = ${p.row.n})`)}</title></circle>`,
      );
    }
    const lines = legendLines(visible(name));
    const legendX = WIDTH - RIGHT + 38;
    parts.push(
      `<line x1="${WIDTH - RIGHT + 14}" x2="${WIDTH - RIGHT + 32}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${colour}" stroke-width="2"/><text class="legend" x="${legendX}" y="${legendY}" fill="#222">${lines.map((line, i) => `<tspan x="${legendX}" dy="${i === 0 ? 0 : 13}">${escapeXml(line)}</tspan>`).join("")}</text>`,
    );
    legendY += 16 + 13 * (lines.length - 1);
  }
  parts.push(
    `<text x="${LEFT}" y="${HEIGHT - 8}" fill="#777">hollow point: n below ${spec.minN ?? 30}; band: ${Math.round((spec.confidence ?? 0.95) * 100)}% interval${segments > MAX_SERIES ? `; lines: all and the ${MAX_SERIES} largest of ${segments.toLocaleString("en-US")} segments` : ""}</text>`,
  );
  parts.push("</svg>");
  return parts.join("\n");
}
