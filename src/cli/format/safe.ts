// Text from the input (segment values, column names, claim ids, rejected cells) made safe for where it is shown: a
// terminal (control characters shown escaped), a spreadsheet (no formula runs), Markdown and HTML (no markup). The
// rules are documented in docs/cli.md, "Safe output".

/**
 * Characters a terminal acts on or that change how text around them reads: C0 controls (ESC starts colour, cursor and
 * title sequences; CR and BS overwrite), DEL, C1 controls (U+009B is a one-byte CSI), the Unicode line and paragraph
 * separators, and the bidirectional marks, embeddings, overrides and isolates ("Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this regex is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Text with every control character shown escaped (`\x1b`, `\n`, `\u202e`), for a terminal: what is printed is what
 * the file holds, and nothing in it can move the cursor, change colours, set the window title or reorder the line.
 *
 * @example
 * ```ts
 * visible("a\u001b[31mred"); //=> "a\\x1b[31mred"
 * ```
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Like {@link visible}, but line breaks are kept (a message that is meant to have several lines). */
export function visibleLines(text: string): string {
  return text.split("\n").map(visible).join("\n");
}

/** A cell whose first character (after spaces) makes a spreadsheet read it as a formula (OWASP, ASVS 1.2.10). */
const FORMULA_START = /^ *[=+\-@\t\r\n\0\uff1d\uff0b\uff0d\uff20]/;
/** A plain decimal number: a sign, digits with at most one decimal point or comma, an exponent. Computes nothing. */
const PLAIN_NUMBER = /^ *[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)? *$/;

/**
 * A CSV cell that no spreadsheet runs as a formula (CSV or formula injection, OWASP): a cell that starts, after any
 * spaces, with `=`, `+`, `-`, `@`, a tab, a carriage return, a line feed or a NUL (or the full-width `＝ ＋ － ＠`) gets
 * a single quote in front, which spreadsheets read as "text" and do not show. A plain number (`-73.3`, `-5`, `+2`,
 * `1e-7`) is left as it is: it computes nothing, and stays a number.
 *
 * @example
 * ```ts
 * spreadsheetSafe("=HYPERLINK(\"http://x\")"); //=> "'=HYPERLINK(\"http://x\")"
 * spreadsheetSafe("-1+1"); //=> "'-1+1"
 * spreadsheetSafe("-73.3"); //=> "-73.3"
 * ```
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Text made safe inside HTML or SVG, in an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text for an HTML page: markup escaped, line breaks as `<br>`, other control characters shown escaped. */
export function htmlText(text: string): string {
  return escapeXml(text)
    .split(/\r\n|\r|\n/)
    .map(visible)
    .join("<br>");
}

/**
 * Text for Markdown (a table cell or a list item): no HTML, autolink, link, emphasis or code span can start in it
 * (see `escapeMarkdown`), a `|` cannot end a cell, line breaks are `<br>`, other control characters are shown escaped.
 * A renderer shows the text as written.
 *
 * @example
 * ```ts
 * markdownText("<script>x|y</script>"); //=> "&lt;script&gt;x\\|y&lt;/script&gt;"
 * ```
 */
export function markdownText(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped
    .split(/\r\n|\r|\n/)
    .map(visible)
    .join("<br>");
}

/**
 * Markdown markup taken out: a `<` that could open a tag, a comment or an autolink (before a letter, `/`, `!` or `?`;
 * "n < 30" stays as written), every `>`, and an `&` that could start an entity become entities; `\`, `` ` ``, `*`, `_`,
 * `[`, `]` and `|` get a backslash.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&(?=[#A-Za-z0-9])/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`);
}
