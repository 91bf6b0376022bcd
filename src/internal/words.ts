// Counts in words: "1 ticket", "2 tickets", "0 tickets"; every count the library and the command print goes through it.

/**
 * A count with its noun, singular for exactly 1 and plural otherwise (`plural` when the plural is not the noun + "s").
 * Counts of 1,000 and more are grouped as in English ("12,345 rows").
 *
 * @example
 * ```ts
 * counted(1, "ticket"); //=> "1 ticket"
 * counted(3, "ticket"); //=> "3 tickets"
 * counted(2, "reply", "replies"); //=> "2 replies"
 * ```
 */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : plural}`;
}
