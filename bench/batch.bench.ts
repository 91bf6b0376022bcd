/**
 * Batch functions over 1 million rows against a straightforward hand loop over the same rows, in
 * the same run (issue #8): cohortRetention (target ≤ 2x) and sla (target ≤ 1.3x).
 *
 * Rows are what a JSON export holds: ids as strings, instants as ISO-8601 strings with `Z`. The hand
 * loops read them with `Date.parse` and do only the arithmetic of the figure; the library also
 * checks every field and would leave out and list the rows it cannot use. sla is measured twice:
 * for its figures (against a loop that counts), and with its breach list read (against a loop that
 * lists the same breaches). Both sides read the same arrays and are checked to agree first.
 */
import { pathToFileURL } from "node:url";
import {
  addBusinessMinutes,
  businessCalendar,
  businessMinutes,
  cohortRetention,
  sla,
  type SlaBreach,
  type SlaPolicy,
} from "../src/index.js";
import { measure, ratioRow } from "./lib.js";

const ROWS = 1_000_000;
const DAY = 86_400_000;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

/** 1M orders of 100,000 customers over two years, each customer's first order in their cohort month. */
export function activityRows(count = ROWS): { customerId: string; date: string }[] {
  const next = random(7);
  const start = Date.UTC(2024, 0, 1);
  const firstOrder = Array.from({ length: 100_000 }, () => start + Math.floor(next() * 600) * DAY);
  return Array.from({ length: count }, () => {
    const customer = Math.floor(next() * firstOrder.length);
    const at = firstOrder[customer]! + Math.floor(next() * 120 * DAY);
    return { customerId: `c${customer}`, date: new Date(at).toISOString() };
  });
}

/** The straightforward monthly triangle: Date.parse, UTC months, a Set of months per customer. */
export function handCohorts(rows: readonly { customerId: string; date: string }[]): Map<number, number[]> {
  const months = new Map<string, Set<number>>();
  for (const row of rows) {
    const date = new Date(Date.parse(row.date));
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    let set = months.get(row.customerId);
    if (set === undefined) months.set(row.customerId, (set = new Set()));
    set.add(month);
  }
  let last = Number.NEGATIVE_INFINITY;
  for (const set of months.values()) for (const month of set) if (month > last) last = month;
  const triangle = new Map<number, number[]>();
  for (const set of months.values()) {
    let cohort = Number.POSITIVE_INFINITY;
    for (const month of set) if (month < cohort) cohort = month;
    let row = triangle.get(cohort);
    if (row === undefined) triangle.set(cohort, (row = new Array<number>(last - cohort + 1).fill(0)));
    for (const month of set) row[month - cohort]!++;
  }
  return triangle;
}

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "Europe/Berlin",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});
const policy: SlaPolicy = {
  targets: [
    { metric: "first-response", minutes: 240, clock: "business" },
    { metric: "resolution", minutes: 2400, clock: "business" },
  ],
};

/** 1M tickets over 2025: created, first reply after about 8 hours, resolved about two days later. */
export function ticketRows(
  count = ROWS,
): { id: string; createdAt: string; firstResponseAt: string; resolvedAt: string }[] {
  const next = random(11);
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const created = start + Math.floor(next() * 364 * 86_400) * 1000;
    const reply = created + Math.floor(-Math.log(1 - next()) * 8 * 3600) * 1000;
    const resolved = reply + Math.floor(-Math.log(1 - next()) * 48 * 3600) * 1000;
    return {
      id: `t${i}`,
      createdAt: new Date(created).toISOString(),
      firstResponseAt: new Date(reply).toISOString(),
      resolvedAt: new Date(resolved).toISOString(),
    };
  });
}

/** The straightforward SLA loop: Date.parse, business minutes of each measurement, met when ≤ target. */
export function handSla(rows: readonly { createdAt: string; firstResponseAt: string; resolvedAt: string }[]): {
  met: number;
  breached: number;
} {
  let met = 0;
  let breached = 0;
  for (const row of rows) {
    const created = Date.parse(row.createdAt);
    if (businessMinutes(calendar, created, Date.parse(row.firstResponseAt)) <= 240) met++;
    else breached++;
    if (businessMinutes(calendar, created, Date.parse(row.resolvedAt)) <= 2400) met++;
    else breached++;
  }
  return { met, breached };
}

/** The same loop, also listing every breach as sla does (due instant from addBusinessMinutes). */
export function handSlaBreaches(
  rows: readonly { id: string; createdAt: string; firstResponseAt: string; resolvedAt: string }[],
): SlaBreach[] {
  const breaches: SlaBreach[] = [];
  const check = (
    id: string,
    metric: "first-response" | "resolution",
    target: string,
    minutes: number,
    start: number,
    end: number,
  ): void => {
    const elapsed = businessMinutes(calendar, start, end);
    if (elapsed <= minutes) return;
    breaches.push({
      interactionId: id,
      metric,
      target,
      startedAt: new Date(start).toISOString(),
      dueAt: addBusinessMinutes(calendar, start, minutes).toISOString(),
      completedAt: new Date(end).toISOString(),
      overrunMinutes: elapsed - minutes,
    });
  };
  for (const row of rows) {
    const created = Date.parse(row.createdAt);
    check(row.id, "first-response", "first-response 240 min (business)", 240, created, Date.parse(row.firstResponseAt));
    check(row.id, "resolution", "resolution 2400 min (business)", 2400, created, Date.parse(row.resolvedAt));
  }
  return breaches;
}

function main(): void {
  console.log(
    "Batch functions over 1,000,000 rows, each against a hand loop over the same rows (median (min-max) of 5 rounds)",
  );
  const activity = activityRows();
  const tickets = ticketRows();
  // The figures agree before they are timed.
  const library = cohortRetention(activity, { period: "month" });
  const hand = handCohorts(activity);
  const handRows = [...hand].sort((a, b) => a[0] - b[0]).map(([, row]) => row.join());
  if (
    library.cohorts.length !== handRows.length ||
    library.cohorts.some((row, i) => row.retained.join() !== handRows[i])
  ) {
    throw new Error("cohortRetention and the hand loop disagree");
  }
  const result = sla(tickets, policy, { calendar });
  const handResult = handSla(tickets);
  if (result.met !== handResult.met || result.breached !== handResult.breached)
    throw new Error("sla and the hand loop disagree");
  const listed = handSlaBreaches(tickets);
  const same = (x: SlaBreach, y: SlaBreach): boolean =>
    JSON.stringify({ ...x, overrunMinutes: 0 }) === JSON.stringify({ ...y, overrunMinutes: 0 }) &&
    Math.abs(x.overrunMinutes - y.overrunMinutes) < 1e-9;
  if (result.breaches.length !== listed.length || result.breaches.some((breach, i) => !same(breach, listed[i]!)))
    throw new Error("sla and the hand loop list different breaches");

  const times = measure(
    [
      { name: "cohortRetention", run: () => cohortRetention(activity, { period: "month" }) },
      { name: "hand cohorts", run: () => handCohorts(activity) },
      { name: "sla", run: () => sla(tickets, policy, { calendar }) },
      { name: "hand sla", run: () => handSla(tickets) },
      { name: "sla + breaches", run: () => sla(tickets, policy, { calendar }).breaches },
      { name: "hand sla + breaches", run: () => handSlaBreaches(tickets) },
    ],
    5,
  );
  console.log(ratioRow("cohortRetention (month, UTC)", times.get("cohortRetention")!, times.get("hand cohorts")!, 2));
  console.log(ratioRow("sla: met, breached, % (business clock)", times.get("sla")!, times.get("hand sla")!, 1.3));
  console.log(
    ratioRow("sla and its breach list, read", times.get("sla + breaches")!, times.get("hand sla + breaches")!, 1.3),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
