import { invalid } from "../internal/describe.js";
import { recordList } from "../internal/records.js";
import type { Accessor, Values } from "../types.js";

/** One group of records. */
export interface Group<T, K> {
  /** The group's key. */
  readonly key: K;
  /** Number of records in the group. */
  readonly n: number;
  /** The records, in input order. */
  readonly items: readonly T[];
}

/**
 * Splits records into groups by any key (channel, agent, priority, month), in order of first
 * appearance, with the n of each group; run any metric on each group's items.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` for items that are not an array or iterable, or a key
 *   that is not a function.
 * @example
 * ```ts
 * groupBy(tickets, (t) => t.channel).map((g) => ({ channel: g.key, n: g.n, frt: durationStats(g.items, { accessor }) }));
 * groupBy([{ c: "chat" }, { c: "email" }, { c: "chat" }], (r) => r.c).map((g) => [g.key, g.n]); //=> [["chat", 2], ["email", 1]]
 * ```
 */
export function groupBy<T, K>(items: Values<T>, key: Accessor<T, K>): Group<T, K>[] {
  const fn = "groupBy";
  if (typeof key !== "function") throw invalid(fn, "INVALID_ARGUMENT", "key", key, "a function (record, index) => key");
  const groups = new Map<K, T[]>();
  recordList(fn, "items", items).forEach((item, index) => {
    const k = key(item, index);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  });
  return [...groups].map(([k, list]) => ({ key: k, n: list.length, items: list }));
}
