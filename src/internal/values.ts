// Small tests of what kind a value is, shared by every layer: one definition each, imported where needed.

/**
 * Whether a value is blank: `undefined`, `null`, or text of white space only (`""`, `"  "`), as an empty cell of a
 * file reads.
 *
 * @example
 * ```ts
 * isBlank(" "); //=> true
 * isBlank(0); //=> false
 * ```
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Whether a value is a plain object (a record, options, a JSON object): an object that is neither `null` nor an array.
 *
 * @example
 * ```ts
 * isObject({ a: 1 }); //=> true
 * isObject([1]); //=> false
 * ```
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
