// Text cut from a large string keeps the whole of it: V8 makes a slice of 13 characters or more a view of its parent
// (a "sliced string"), and so does concatenation (a "cons string"). Cells are slices of the 64 kB chunk they were read
// from, which is right while a row is read and wrong for a cell kept to the end (a reject's value): one kept cell per
// chunk keeps the whole file in memory.

/**
 * A copy of `text` that refers to no other string: what a kept cell must be. The copy goes through JSON, which writes
 * every character (lone surrogates too, as escapes) and reads back a string of its own.
 *
 * @example
 * ```ts
 * const chunk = "x".repeat(65_536) + "2025-02-30T10:00:00+01:00";
 * // The same 25 characters, without the 65,561 of the chunk behind them:
 * const kept = detachedText(chunk.slice(65_536));
 * ```
 */
export function detachedText(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
