/**
 * Compares a documented result with the value computed: `check(expression, "50")`. The text after
 * `//=>` in README.md and docs/*.md is read as in the JSDoc examples: a number (a whole number
 * exactly, within 1e-10 relative; "3.7" the value rounded to the decimals printed; a trailing "..."
 * means "starts with these digits"), a quoted string,
 * true / false, or null; anything after the literal is a comment. Failures are collected, not thrown,
 * so a page reports every wrong line at once.
 */
export const failures: string[] = [];

export function check<T>(actual: T, documented: string): T {
  const literal = /^(-?[\d.]+(?:e-?\d+)?(?:\.\.\.)?|"(?:[^"\\]|\\.)*"|true|false|null)(?:\s|$|,)/.exec(documented)?.[1];
  if (literal === undefined) {
    failures.push(`unreadable documented result: ${documented}`);
    return actual;
  }
  if (literal.startsWith('"')) {
    if (actual !== JSON.parse(literal)) failures.push(`documented ${literal}, got ${JSON.stringify(actual)}`);
  } else if (literal === "true" || literal === "false" || literal === "null") {
    if (actual !== JSON.parse(literal)) failures.push(`documented ${literal}, got ${String(actual)}`);
  } else {
    const prefix = literal.endsWith("...");
    const digits = prefix ? literal.slice(0, -3) : literal;
    const value = typeof actual === "number" ? actual : Number.NaN;
    const decimals = digits.includes(".") ? digits.split(".")[1]!.length : 0;
    // A whole number is exact (to 1e-10 relative); "3.7" is the value rounded to one decimal.
    const tolerance = decimals === 0 ? 1e-10 * Math.abs(Number(digits)) : 0.5 * 10 ** -decimals;
    const ok = prefix ? String(value).startsWith(digits) : Math.abs(value - Number(digits)) <= tolerance;
    if (!ok) failures.push(`documented ${literal}, got ${String(actual)}`);
  }
  return actual;
}
