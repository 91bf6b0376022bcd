/**
 * Ticket events (issue #22): 1 million events (125,000 tickets of 8 events each: created, priority, a requester
 * comment, an agent reply, pending, a requester comment, an agent reply, solved; ISO instants as Zendesk writes them),
 * generated in memory, through
 * - ticketMetrics (every figure of every ticket, calendar minutes);
 * - a hand loop that groups the events by ticket and takes only the reply time and the full resolution time (no
 *   checks, no time in statuses): the floor of one pass;
 * - ticketSla with a first-response and a resolution target (calendar minutes);
 * - the command, `cx-metrics report --events FILE --metric reply-time --by priority --every month` on the same events
 *   as an NDJSON file (built dist/cli.js, one process per round).
 * Printed with console.log (median, min-max of the rounds in ms), not ratioRow: bench/README.md's "Ticket events"
 * section holds the figures.
 * Run: tsx bench/events.bench.ts [rounds]   (npm run bench runs it)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TicketEvent, ticketMetrics, ticketSla } from "../src/index.js";
import { measure, spread } from "./lib.js";

const rounds = Number(process.argv[2] ?? 3);
const TICKETS = 125_000;
const MINUTE = 60_000;

function events(): TicketEvent[] {
  const out: TicketEvent[] = [];
  let seed = 22;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = Date.parse("2025-01-01T00:00:00Z");
  const priorities = ["low", "normal", "high", "urgent"];
  for (let t = 0; t < TICKETS; t++) {
    const created = start + Math.floor(next() * 365 * 24 * 60) * MINUTE;
    const at = (minutes: number): string => new Date(created + minutes * MINUTE).toISOString();
    const reply = 1 + Math.floor(next() * 600);
    const back = reply + 1 + Math.floor(next() * 600);
    const again = back + 1 + Math.floor(next() * 300);
    const solved = again + Math.floor(next() * 120);
    out.push(
      { ticketId: t, at: at(0), type: "created" },
      { ticketId: t, at: at(0), type: "priority", priority: priorities[t % 4]! },
      { ticketId: t, at: at(0), type: "comment", author: "requester", public: true },
      { ticketId: t, at: at(reply), type: "comment", author: "agent", public: true },
      { ticketId: t, at: at(reply), type: "status", status: "pending" },
      { ticketId: t, at: at(back), type: "comment", author: "requester", public: true },
      { ticketId: t, at: at(again), type: "comment", author: "agent", public: true },
      { ticketId: t, at: at(solved), type: "status", status: "solved" },
    );
  }
  return out;
}

/** The floor: group by ticket, parse each instant, keep the creation, first agent reply and latest solve. */
function handLoop(list: readonly TicketEvent[]): number {
  const tickets = new Map<unknown, { created: number; replied: number; solved: number }>();
  for (const e of list) {
    const at = Date.parse(e.at as string);
    let ticket = tickets.get(e.ticketId);
    if (ticket === undefined) {
      ticket = { created: Number.NaN, replied: Number.NaN, solved: Number.NaN };
      tickets.set(e.ticketId, ticket);
    }
    if (e.type === "created") ticket.created = at;
    else if (e.type === "comment" && e.author === "agent" && Number.isNaN(ticket.replied)) ticket.replied = at;
    else if (e.type === "status" && e.status === "solved") ticket.solved = at;
  }
  let sum = 0;
  for (const ticket of tickets.values()) sum += ticket.replied - ticket.created + (ticket.solved - ticket.created);
  return sum / MINUTE;
}

const list = events();
console.log(
  `ticket events: ${list.length.toLocaleString("en-US")} events of ${TICKETS.toLocaleString("en-US")} tickets, ${rounds} rounds`,
);
const policy = {
  targets: [
    { metric: "first-response", minutes: 240, clock: "calendar" },
    { metric: "resolution", minutes: 1440, clock: "calendar" },
  ],
} as const;
const timings = measure(
  [
    { name: "hand", run: () => handLoop(list) },
    { name: "metrics", run: () => ticketMetrics(list) },
    { name: "sla", run: () => ticketSla(list, policy) },
  ],
  rounds,
);
const hand = timings.get("hand")!;
const line = (label: string, name: string): void => {
  const t = timings.get(name)!;
  console.log(`${label.padEnd(44)} ${spread(t)} = ${(t.median / hand.median).toFixed(2)}x the hand loop`);
};
console.log(`${"hand loop (reply and full resolution only)".padEnd(44)} ${spread(hand)}`);
line("ticketMetrics, 1M events", "metrics");
line("ticketSla, 2 targets, 1M events", "sla");

// The command on the same events as NDJSON.
const dir = join(tmpdir(), "cx-metrics-bench");
mkdirSync(dir, { recursive: true });
const file = join(dir, "events-1000000.ndjson");
writeFileSync(file, `${list.map((e) => JSON.stringify(e)).join("\n")}\n`);
if (!existsSync("dist/cli.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
const seconds: number[] = [];
for (let round = 0; round < rounds; round++) {
  const begin = performance.now();
  const run = spawnSync(
    "node",
    [
      "dist/cli.js",
      "report",
      "--events",
      file,
      "-m",
      "reply-time",
      "--by",
      "priority",
      "--every",
      "month",
      "-f",
      "csv",
    ],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`the command failed: ${run.stderr}`);
  seconds.push(performance.now() - begin);
}
seconds.sort((a, b) => a - b);
console.log(
  `${"command: report --events (NDJSON, 1M events)".padEnd(44)} ${spread({ min: seconds[0]!, median: seconds[Math.floor(seconds.length / 2)]!, max: seconds[seconds.length - 1]! })}`,
);
