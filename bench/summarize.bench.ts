/**
 * `summarize` (the library's report) over 1 million records in memory, each case against a
 * straightforward hand loop over the same records, in the same run, after a check that both give the
 * same figures (issue #17: the per-record path of reports must not get slower, and that of ticket
 * reports should get faster):
 * - NPS of 1M survey records (ISO instants with offset) by channel and month, months cut in
 *   Europe/Berlin, against a loop with `Date.parse`, a table of the Berlin month starts and counts
 *   per channel and month;
 * - first response time of 1M tickets in business minutes (Berlin, Mon-Fri 09:00-17:00), one row,
 *   against `Date.parse` + `businessMinutes` + a sort for the median;
 * - SLA of the same tickets (first response within 240 business minutes), one row, against
 *   `Date.parse` + `businessMinutes` + a comparison; beside it `sla()` over the same array (the
 *   batch path) and the first-response report (an SLA report should cost about what that costs).
 * Run: tsx bench/summarize.bench.ts   (npm run bench runs it)
 */
import { pathToFileURL } from "node:url";
import { businessCalendar, businessMinutes, sla, summarize, type SlaPolicy } from "../src/index.js";
import { ticketRows } from "./batch.bench.js";
import { measure, ratioRow } from "./lib.js";

const ROWS = 1_000_000;
const CHANNELS = ["email", "chat", "phone", "web", "social"];

/** 1M survey records over 2024-2025: instants with offset (as a survey export has them), five channels, scores 0-10. */
export function surveyRecords(count = ROWS): { id: number; respondedAt: string; channel: string; score: number }[] {
  let state = 1;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 86_400_000;
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    respondedAt: `${new Date(start + Math.floor(next() * span)).toISOString().slice(0, 19)}+00:00`,
    channel: CHANNELS[Math.floor(next() * CHANNELS.length)]!,
    score: Math.min(10, Math.floor(next() * 11.5)),
  }));
}

/**
 * The first instant of each Berlin month from January 2024 to January 2026. Midnight on the first
 * of a month is summer time (+02:00) from April to October and winter time (+01:00) otherwise: the
 * clocks change on the last Sundays of March and October, never on a first.
 */
const FIRST_MONTH = 2024 * 12;
const MONTH_STARTS = Array.from({ length: 25 }, (_, k) => {
  const month = k % 12;
  return Date.UTC(2024 + Math.floor(k / 12), month, 1) - (month >= 3 && month <= 9 ? 2 : 1) * 3_600_000;
});

/** The straightforward NPS report: Date.parse, the Berlin month from the table, counts per channel and month. */
export function handNps(
  records: readonly { respondedAt: string; channel: string; score: number }[],
): Map<string, { promoters: number; detractors: number; n: number }> {
  const cells = new Map<string, { promoters: number; detractors: number; n: number }>();
  for (const record of records) {
    const score = record.score;
    if (!Number.isInteger(score) || score < 0 || score > 10) throw new Error(`bad score ${score}`);
    const ms = Date.parse(record.respondedAt);
    if (Number.isNaN(ms)) throw new Error(`bad instant ${record.respondedAt}`);
    const date = new Date(ms);
    // Berlin is ahead of UTC: the local month is the UTC month or the next one.
    let k = date.getUTCFullYear() * 12 + date.getUTCMonth() - FIRST_MONTH;
    if (ms >= MONTH_STARTS[k + 1]!) k++;
    const key = `${record.channel}\u0000${k}`;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { promoters: 0, detractors: 0, n: 0 }));
    cell.n++;
    if (score >= 9) cell.promoters++;
    else if (score <= 6) cell.detractors++;
  }
  return cells;
}

const NINE_TO_FIVE = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "Europe/Berlin",
  week: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
});
const policy: SlaPolicy = { targets: [{ metric: "first-response", minutes: 240, clock: "business" }] };

type Ticket = { createdAt: string; firstResponseAt: string };

/** The straightforward first response report: business minutes of each ticket, the median by a sort (linear, R type 7). */
export function handFirstResponse(tickets: readonly Ticket[]): { n: number; median: number } {
  const minutes = new Float64Array(tickets.length);
  for (let i = 0; i < tickets.length; i++)
    minutes[i] = businessMinutes(calendar, Date.parse(tickets[i]!.createdAt), Date.parse(tickets[i]!.firstResponseAt));
  minutes.sort();
  const h = (minutes.length - 1) / 2;
  const low = Math.floor(h);
  return {
    n: minutes.length,
    median: minutes[low]! + (h - low) * (minutes[Math.min(low + 1, minutes.length - 1)]! - minutes[low]!),
  };
}

/** The straightforward SLA report: business minutes to the first reply, met when ≤ 240. */
export function handSla(tickets: readonly Ticket[]): { met: number; breached: number } {
  let met = 0;
  let breached = 0;
  for (const ticket of tickets) {
    if (businessMinutes(calendar, Date.parse(ticket.createdAt), Date.parse(ticket.firstResponseAt)) <= 240) met++;
    else breached++;
  }
  return { met, breached };
}

function main(): void {
  console.log(
    "summarize over 1,000,000 records in memory, each against a hand loop over the same records (median (min-max) of 5 rounds)",
  );
  const survey = surveyRecords();
  const tickets = ticketRows();
  const npsSpec = { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin" } as const;
  const firstResponseSpec = { metric: "first-response", calendar } as const;
  const slaSpec = { metric: "sla", policy, calendar } as const;

  // The figures agree before they are timed.
  const cells = handNps(survey);
  const npsRows = summarize(survey, npsSpec).rows.filter(
    (row) => row.period !== null && row.segment.channel !== undefined,
  );
  const label = (k: number): string => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  const handRows = new Map(
    [...cells].map(([key, cell]) => {
      const [channel, k] = key.split("\u0000");
      return [
        `${channel} ${label(Number(k))}`,
        { n: cell.n, value: (100 * (cell.promoters - cell.detractors)) / cell.n },
      ];
    }),
  );
  if (
    npsRows.length !== handRows.size ||
    npsRows.some((row) => {
      const hand = handRows.get(`${row.segment.channel} ${row.period!.label}`);
      return hand === undefined || hand.n !== row.n || Math.abs(hand.value - row.value) > 1e-9;
    })
  )
    throw new Error("summarize (nps) and the hand loop disagree");
  const fr = summarize(tickets, firstResponseSpec).rows[0]!;
  const handFr = handFirstResponse(tickets);
  if (fr.n !== handFr.n || Math.abs(fr.value - handFr.median) > 1e-9)
    throw new Error("summarize (first-response) and the hand loop disagree");
  const slaRow = summarize(tickets, slaSpec).rows[0]!;
  const handSlaResult = handSla(tickets);
  const batch = sla(tickets, policy, { calendar });
  if (
    slaRow.detail.met !== handSlaResult.met ||
    slaRow.detail.breached !== handSlaResult.breached ||
    batch.met !== handSlaResult.met
  ) {
    throw new Error("summarize (sla), sla() and the hand loop disagree");
  }

  const nps = measure(
    [
      { name: "summarize nps", run: () => summarize(survey, npsSpec) },
      { name: "hand nps", run: () => handNps(survey) },
    ],
    5,
  );
  console.log(ratioRow("nps by channel and month (Berlin)", nps.get("summarize nps")!, nps.get("hand nps")!));
  const times = measure(
    [
      { name: "summarize first-response", run: () => summarize(tickets, firstResponseSpec) },
      { name: "hand first-response", run: () => handFirstResponse(tickets) },
      { name: "summarize sla", run: () => summarize(tickets, slaSpec) },
      { name: "hand sla", run: () => handSla(tickets) },
      { name: "sla()", run: () => sla(tickets, policy, { calendar }) },
    ],
    5,
  );
  const summarizeSla = times.get("summarize sla")!;
  console.log(
    ratioRow(
      "first-response, business minutes",
      times.get("summarize first-response")!,
      times.get("hand first-response")!,
    ),
  );
  console.log(ratioRow("sla: first response ≤ 240 business min", summarizeSla, times.get("hand sla")!));
  console.log(ratioRow("  the same, against sla() over the array", summarizeSla, times.get("sla()")!));
  console.log(
    ratioRow("  the same, against first-response report", summarizeSla, times.get("summarize first-response")!),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
