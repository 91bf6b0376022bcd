// The report as one self-contained HTML page: the trend chart as inline SVG, the table, how the figures are computed,
// what was read and every reject up to a limit. No script, stylesheet or font is fetched.
import { trendSvg } from "./svg.js";
import { escapeXml, htmlText, visible } from "./safe.js";
import { methodNote, inputLine, rejectLine, textTable } from "./cells.js";
import type { ReportOutput, WriteOptions } from "./report-output.js";

/** Rejects listed on the page (all of them are in --rejects and the JSON). */
const PAGE_REJECTS = 100;

/** The page. */
export function htmlReport(
  report: ReportOutput,
  options: Pick<WriteOptions, "spec" | "rejectsFile" | "source" | "label">,
): string {
  const spec = options.spec;
  const source = options.source === "-" ? "standard input" : options.source;
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
  const rejects = report.rejects.slice(0, PAGE_REJECTS).map((reject) => `<li>${htmlText(rejectLine(reject))}</li>`);
  if (report.rejects.length > PAGE_REJECTS)
    rejects.push(
      `<li>... ${report.rejects.length - PAGE_REJECTS} more${options.rejectsFile === undefined ? " (all of them with --rejects FILE)" : ` in ${htmlText(options.rejectsFile)}`}</li>`,
    );
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
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.small td { color: #888; }
.method, .input { color: #444; }
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
${rejects.length === 0 ? "" : `<h2>Rejected rows</h2>\n<ul id="rejects">\n${rejects.join("\n")}\n</ul>`}
</body>
</html>
`;
}
