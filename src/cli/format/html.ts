// The report as one self-contained HTML page: the trend chart as inline SVG, the table, how the figures are computed,
// what was read and every reject up to a limit. No script, stylesheet or font is fetched.
import { basename } from "node:path";
import { trendSvg } from "./svg.js";
import { escapeXml, htmlText, visible } from "./safe.js";
import { methodNote, inputLine, textTable } from "./cells.js";
import type { Reject, ReportOutput, WriteOptions } from "./report-output.js";
import { counted } from "../../internal/words.js";

/** Kinds of reject listed on the page (all of them are in --rejects and the JSON). */
const PAGE_REASONS = 50;
/** Lines listed for each kind of reject. */
const LINES_SHOWN = 5;

/** A kind of reject: a column and a reason with the cells it quotes left out ("…" in column "score" is outside 0-10). */
export interface RejectGroup {
  /** How many rows it rejected. */
  readonly count: number;
  /** Their lines, in the file's order. */
  readonly lines: readonly number[];
  /** The first of them, as the example. */
  readonly first: Reject;
}

/**
 * Rejects grouped by reason: the same column and the same words once the quoted cells are left out, in the order of
 * their first line. A hundred rows with a blank score are one group, not a hundred lines.
 */
export function groupRejects(rejects: readonly Reject[]): RejectGroup[] {
  const groups = new Map<string, { count: number; lines: number[]; first: Reject }>();
  for (const reject of rejects) {
    const words = reject.reason.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
      reject.column !== null && quoted === JSON.stringify(reject.column) ? quoted : "…",
    );
    const key = `${reject.column ?? ""}\u0000${words}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { count: 1, lines: [reject.line], first: reject });
    else {
      group.count++;
      if (group.lines.length < LINES_SHOWN + 1) group.lines.push(reject.line);
    }
  }
  return [...groups.values()];
}

/** A reject's reason, with its column where the reason does not name it (a quote left open in "comment"). */
function reasonOf(reject: Reject): string {
  return reject.column === null || reject.reason.includes(`column ${JSON.stringify(reject.column)}`)
    ? reject.reason
    : `column ${JSON.stringify(reject.column)}: ${reject.reason}`;
}

/** "line 4" or "lines 4, 9, 12, 15, 20, ..." for a group. */
function linesText(group: RejectGroup): string {
  const shown = group.lines.slice(0, LINES_SHOWN).join(", ");
  return `${group.count === 1 ? "line" : "lines"} ${shown}${group.count > LINES_SHOWN ? ", ..." : ""}`;
}

/** The page. */
export function htmlReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile" | "source" | "label">,
): string {
  const spec = options.spec;
  // The file's name, not its path (the path is the user's machine's, and long).
  const source = options.source === "-" ? "standard input" : basename(options.source);
  const title = `${options.label?.metric ?? spec.metric}${(spec.by ?? []).length > 0 ? ` by ${spec.by!.join(", ")}` : ""}${spec.every === undefined ? "" : ` per ${spec.every}`} from ${source}`;
  const table = textTable(report.rows, spec);
  const chart = trendSvg(report.rows, spec, title);
  const head = table.titles
    .map((text, i) => `<th${table.numeric[i] ? ' class="num"' : ""}>${htmlText(text)}</th>`)
    .join("");
  const body = table.rows
    .map(
      (row, r) =>
        `<tr${table.small[r] ? ' class="small"' : ""}>${row.map((text, i) => `<td${table.numeric[i] ? ' class="num"' : ""}>${htmlText(text)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  // One line per kind of reject: how many rows, their first lines, and the first one's reason as the example.
  const groups = groupRejects(report.rejects);
  const rejects = groups
    .slice(0, PAGE_REASONS)
    .map(
      (group) =>
        `<li><span class="count">${counted(group.count, "row")}</span> (${linesText(group)}): ${htmlText(reasonOf(group.first))}</li>`,
    );
  if (groups.length > PAGE_REASONS) rejects.push(`<li>... ${groups.length - PAGE_REASONS} more kinds of reject</li>`);
  const every =
    report.rejects.length === 0
      ? ""
      : `<p class="input">Every rejected row ${options.rejectsFile === undefined ? "is in the JSON output and with --rejects FILE" : `is in ${htmlText(options.rejectsFile)}`}.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(visible(title))}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; }
th, td.num { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.small td { color: #888; }
.method, .input { color: #444; }
#rejects .count { font-weight: 600; }
</style>
</head>
<body>
<h1>${htmlText(title)}</h1>
${chart === null ? "" : `<figure id="trend">${chart}</figure>`}
<table id="report">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<p class="method">${escapeXml(methodNote(spec, report.rows, options.label?.method))}</p>
<p class="input" id="input">${escapeXml(inputLine(report.input))}.</p>
${rejects.length === 0 ? "" : `<h2>Rejected rows, by reason</h2>\n<ul id="rejects">\n${rejects.join("\n")}\n</ul>\n${every}`}
</body>
</html>
`;
}
