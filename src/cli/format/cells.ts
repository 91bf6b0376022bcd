// The report as text cells, shared by the terminal table, Markdown and HTML: column titles per metric, figures in their
// unit, intervals, changes with p-values, small-sample flags, and a sentence on how each figure is computed.
import type { ReportRow, SummarizeSpec } from "../../report/spec.js";
import { counted } from "../../internal/words.js";

/** A table: titles, cells, and which columns are numbers (right-aligned). */
export interface TextTable {
  readonly titles: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly numeric: readonly boolean[];
  /** Rows flagged as small samples (drawn dim on a terminal). */
  readonly small: readonly boolean[];
}

const UNIT: Record<SummarizeSpec["metric"], string> = {
  nps: "NPS",
  csat: "CSAT %",
  ces: "CES easy %",
  "first-response": "median min",
  resolution: "median min",
  sla: "SLA met %",
  iqs: "IQS %",
};

/** How each figure is computed and tested, with the page that gives its sources. */
export const METHOD: Record<SummarizeSpec["metric"], string> = {
  nps: "NPS = % promoters (9-10) − % detractors (0-6), in points; interval: score (holds the NPS at every n); change: the difference ± z × compareNps's adjusted-Wald standard error, and the z test of that error. Sources: docs/nps.md, docs/statistics.md.",
  csat: "CSAT = percent satisfied (top box: 4-5 of 5, 9-10 of 10, the positive smiley; good/bad mode leaves neutral out); interval: Wilson; change: Miettinen-Nurminen score test and its interval. Sources: docs/csat.md, docs/statistics.md.",
  ces: "CES = percent easy (5-7 of 7, 4-5 of 5); interval: Wilson; change: Miettinen-Nurminen score test and its interval. Sources: docs/ces.md, docs/statistics.md.",
  "first-response":
    "First response time: the median in minutes (business minutes when business hours are given), with the other percentiles; no change test (none this library would stand behind for a median). Sources: docs/time.md.",
  resolution:
    "Resolution time: the median in minutes (business minutes when business hours are given), with the other percentiles; no change test. Sources: docs/time.md.",
  sla: "SLA % = met / (met + breached), pending apart; n counts measurements (a ticket with a first-response and a resolution target counts twice); interval: Wilson; change: Miettinen-Nurminen score test and its interval. Sources: docs/sla.md.",
  iqs: "IQS = the mean review score in percent (weighted criteria, failed critical criteria score 0); interval: Student t within 0-100 (the whole scale for one review); change: Welch's t test and its interval. Sources: docs/iqs.md.",
};

const isDuration = (metric: SummarizeSpec["metric"]): boolean => metric === "first-response" || metric === "resolution";

/**
 * A row's value for a segment key, or undefined where the row has none (the overall row): the segment's own property
 * only, so that a key named `constructor`, `toString` or `__proto__` reads the file's value, never one inherited from
 * Object.prototype.
 */
export function segmentValue(segment: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (!Object.hasOwn(segment, key)) return undefined;
  const value = segment[key];
  return value === undefined || value === null ? undefined : typeof value === "string" ? value : String(value);
}

const ADJUSTED: Record<string, string> = {
  bh: "Benjamini-Hochberg (false discovery rate)",
  holm: "Holm (family-wise error)",
};

/**
 * The sentence under a report: how its figure is computed, whether it is weighted, and how many change tests it ran
 * and how their p-values were adjusted.
 */
export function methodNote(spec: SummarizeSpec, rows: readonly ReportRow[], method?: string): string {
  const parts = [method ?? METHOD[spec.metric]];
  const mean = meanTitle(spec);
  if (mean !== null && method === undefined)
    parts.push(
      `"${mean}" is the mean rating, the figure many reports publish${spec.weight === undefined ? "" : " (weighted)"}; its interval is in the JSON (detail.meanLow to detail.meanHigh).`,
    );
  if (spec.weight !== undefined)
    parts.push(
      "Weighted: each response counts its weight; n eff is Kish's effective sample size, the intervals and tests use it (docs/statistics.md).",
    );
  const tests = rows.filter((row) => row.change !== null).length;
  if (tests > 0) {
    const adjust = spec.adjust ?? "bh";
    parts.push(
      adjust === "none"
        ? `${counted(tests, "change test")}, p not adjusted for their number.`
        : `${counted(tests, "change test")}; "p adj." corrects each p for their number by ${ADJUSTED[adjust]}: read a change as real when p adj. < ${(1 - (spec.confidence ?? 0.95)).toFixed(2)}.`,
    );
  }
  return parts.join(" ");
}

/** A number with one decimal, a real minus sign for negatives; "+" for changes. */
export function num(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const text = Math.abs(value).toFixed(1);
  return value < 0 && text !== "0.0" ? `−${text}` : signed && text !== "0.0" ? `+${text}` : text;
}

/** A p-value as people read it: "< 0.001", else three decimals. */
export function pValue(value: number): string {
  return value < 0.001 ? "< 0.001" : value.toFixed(3);
}

/**
 * The title of the mean rating column of a CSAT or CES report, naming its scale ("mean (1-5)"), or null for other
 * metrics and for Zendesk's good / bad answers (a mean of Bad = 1, Good = 2 says nothing the share does not). Smileys
 * are scored 1, 3, 5 (Osipov), so their mean is on 1-5.
 */
export function meanTitle(spec: SummarizeSpec): string | null {
  if (spec.metric === "csat") {
    const scale = spec.csat?.scale ?? "1-5";
    if (scale === "good-bad") return null;
    if (scale === "smiley-3") return "mean (smileys 1/3/5)";
    return `mean (${typeof scale === "string" ? scale : `${scale.min}-${scale.max}`})`;
  }
  if (spec.metric === "ces") return `mean (${spec.ces?.scale ?? "1-7"})`;
  return null;
}

/** A mean rating with two decimals (as reports print it: 4.19 of 5). */
function mean2(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(2) : "";
}

/** The percentiles a duration report shows beside the median (`p90` ...). */
function percentileKeys(spec: SummarizeSpec): string[] {
  return (spec.percentiles ?? [90]).map((p) => `p${p}`);
}

/** The report as a text table. */
export function textTable(rows: readonly ReportRow[], spec: SummarizeSpec): TextTable {
  const by = spec.by ?? [];
  const confidence = Math.round((spec.confidence ?? 0.95) * 100);
  const duration = isDuration(spec.metric);
  const extra = duration ? percentileKeys(spec) : [];
  const weighted = spec.weight !== undefined;
  const adjusted = (spec.adjust ?? "bh") !== "none";
  // SLA: the measurements still running (pending) are not in n or the %; shown apart so that none is hidden.
  const sla = spec.metric === "sla";
  // CSAT and CES: the mean rating beside the share, the figure most reports publish.
  const mean = meanTitle(spec);
  const titles = [
    ...(by.length === 0 ? ["segment"] : by),
    ...(spec.every === undefined ? [] : ["period"]),
    "n",
    ...(weighted ? ["n eff"] : []),
    UNIT[spec.metric],
    ...(duration
      ? extra.map((key) => `${key} min`)
      : [`${confidence}% interval`, ...(mean === null ? [] : [mean]), "change", "p", ...(adjusted ? ["p adj."] : [])]),
    ...(sla ? ["pending"] : []),
    "note",
  ];
  const numeric = titles.map(
    (_, i) => i >= (by.length === 0 ? 1 : by.length) + (spec.every === undefined ? 0 : 1) && i < titles.length - 1,
  );
  const body = rows.map((row) => {
    const segment = by.length === 0 ? ["all"] : by.map((key) => segmentValue(row.segment, key) ?? "all");
    const period = spec.every === undefined ? [] : [row.period?.label ?? "all"];
    const figures = duration
      ? [num(row.value), ...extra.map((key) => num((row.detail as Record<string, number | undefined>)[key]))]
      : [
          num(row.value, spec.metric === "nps"),
          row.low === null ? "" : `${num(row.low)} to ${num(row.high)}`,
          ...(mean === null ? [] : [mean2(row.detail.mean)]),
          row.change === null
            ? ""
            : `${num(row.change.difference, true)} (${num(row.change.low)} to ${num(row.change.high)})`,
          row.change === null ? "" : pValue(row.change.pValue),
          ...(adjusted ? [row.change === null ? "" : pValue(row.change.pAdjusted)] : []),
          ...(sla ? [typeof row.detail.pending === "number" ? String(row.detail.pending) : ""] : []),
        ];
    const notes = [
      row.smallSample ? `n < ${spec.minN ?? 30}` : "",
      duration && typeof row.detail.open === "number" && row.detail.open > 0 ? `${row.detail.open} open` : "",
    ].filter((note) => note !== "");
    return [
      ...segment,
      ...period,
      String(row.n),
      ...(weighted ? [num(row.nEffective)] : []),
      ...figures,
      notes.join(", "),
    ];
  });
  return { titles, rows: body, numeric, small: rows.map((row) => row.smallSample) };
}

/**
 * "rows read 2,000 = used 1,990 + rejected 10"; survey metrics also "+ unanswered 5" (`report`'s last line and `check`'s
 * line per data set say the counts alike).
 */
export function countsText(input: {
  readonly read: number;
  readonly used: number;
  readonly unanswered?: number | undefined;
  readonly rejected: number;
}): string {
  const f = (n: number): string => n.toLocaleString("en-US");
  const unanswered = input.unanswered === undefined ? "" : ` + unanswered ${f(input.unanswered)}`;
  return `rows read ${f(input.read)} = used ${f(input.used)}${unanswered} + rejected ${f(input.rejected)}`;
}

/** "rows read 2,000 = used 1,990 + rejected 10 (read by DuckDB)"; survey metrics also "+ unanswered 5". */
export function inputLine(input: {
  read: number;
  used: number;
  unanswered?: number;
  rejected: number;
  engine: "duckdb" | "js";
}): string {
  return `${countsText(input)} (read by ${input.engine === "duckdb" ? "DuckDB" : "the JS reader"})`;
}

/** One reject as a line of text: "line 4: ..." where the reason names its column and cell itself. */
export function rejectLine(reject: { line: number; column: string | null; value: unknown; reason: string }): string {
  if (reject.line > 0 && reject.column !== null && reject.reason.includes(`column ${JSON.stringify(reject.column)}`))
    return `line ${reject.line}: ${reject.reason}`;
  // Line 0: a JSON document whose records have no line of their own (ticket events); the column names the place.
  const where =
    reject.line === 0 && reject.column !== null
      ? reject.column
      : reject.column === null
        ? `line ${reject.line}`
        : `line ${reject.line}, ${reject.column}`;
  const value = reject.value === null || reject.value === undefined ? "" : ` = ${JSON.stringify(reject.value)}`;
  return `${where}${value}: ${reject.reason}`;
}
