/**
 * Generates the bundled sample survey data (synthetic, seeded, so every run writes the same files):
 * examples/data/nps-responses.csv, csat-responses.csv and ces-responses.csv.
 * Run: npx tsx examples/data/generate.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** mulberry32: a small seeded generator, enough for sample data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ["chat", "email", "phone"] as const;
const AGENTS = ["a01", "a02", "a03", "a04", "a05"] as const;

/** Draws a rating from weights over min..max. */
function draw(next: () => number, min: number, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let u = next() * total;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k]!;
    if (u < 0) return min + k;
  }
  return min + weights.length - 1;
}

function rows(
  seed: number,
  count: number,
  min: number,
  weightsByChannel: Record<(typeof CHANNELS)[number], readonly number[]>,
): string {
  const next = random(seed);
  const start = Date.UTC(2025, 0, 1);
  const lines = ["id,score,channel,agentId,respondedAt"];
  for (let i = 0; i < count; i++) {
    const channel = CHANNELS[Math.floor(next() * CHANNELS.length)]!;
    const agent = AGENTS[Math.floor(next() * AGENTS.length)]!;
    const at = new Date(start + Math.floor(next() * 90 * 24 * 60) * 60_000).toISOString();
    lines.push(`${seed}-${i + 1},${draw(next, min, weightsByChannel[channel])},${channel},${agent},${at}`);
  }
  return `${lines.join("\n")}\n`;
}

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

writeFileSync(
  here("nps-responses.csv"),
  rows(1, 600, 0, {
    chat: [2, 1, 1, 2, 3, 6, 10, 18, 22, 30, 40],
    email: [4, 3, 3, 4, 6, 9, 12, 18, 20, 24, 22],
    phone: [3, 2, 2, 3, 4, 7, 10, 16, 22, 28, 32],
  }),
);
writeFileSync(
  here("csat-responses.csv"),
  rows(2, 500, 1, { chat: [3, 4, 8, 30, 55], email: [7, 8, 14, 33, 38], phone: [4, 5, 10, 31, 50] }),
);
writeFileSync(
  here("ces-responses.csv"),
  rows(3, 400, 1, {
    chat: [2, 3, 5, 10, 20, 30, 30],
    email: [5, 6, 9, 15, 22, 25, 18],
    phone: [3, 4, 6, 12, 22, 28, 25],
  }),
);
/** QA reviews in wide CSV form: one column per scorecard criterion; every 10th interaction reviewed twice. */
function qaReviews(seed: number, count: number): string {
  const next = random(seed);
  const reviewers = ["qa1", "qa2", "qa3"];
  const lines = ["id,interactionId,agentId,reviewerId,greeting,solution,tone,gdpr"];
  let id = 0;
  for (let i = 0; i < count; i++) {
    const agentIndex = Math.floor(next() * AGENTS.length);
    const agent = AGENTS[agentIndex]!;
    const skill = 0.55 + 0.08 * agentIndex; // agents differ
    const interaction = `c${1000 + i}`;
    const reviewerCount = i % 10 === 0 ? 2 : 1;
    const first = Math.floor(next() * reviewers.length);
    for (let r = 0; r < reviewerCount; r++) {
      const reviewer = reviewers[(first + r) % reviewers.length]!;
      const lenient = reviewer === "qa3" ? 0.1 : 0;
      const greeting = next() < skill + 0.3 ? "yes" : "no";
      const solution = Math.min(5, Math.max(1, Math.round(1 + 4 * (skill + lenient) + (next() - 0.5) * 2)));
      const tone =
        next() < 0.15
          ? "n/a"
          : String(Math.min(3, Math.max(1, Math.round(1 + 2 * (skill + lenient) + (next() - 0.5)))));
      const gdpr = next() < 0.04 ? "fail" : "pass";
      id++;
      lines.push(`r${id},${interaction},${agent},${reviewer},${greeting},${solution},${tone},${gdpr}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Subscriptions: each account's MRR at the start and the end of 2025 (0 = not paying). */
function subscriptions(seed: number, count: number): string {
  const next = random(seed);
  const plans = [29, 49, 99, 249];
  const lines = ["customerId,startMrr,endMrr"];
  for (let i = 0; i < count; i++) {
    const isNew = next() < 0.3;
    const plan = plans[Math.floor(next() * plans.length)]!;
    const startMrr = isNew ? 0 : plan;
    const churned = !isNew && next() < 0.22;
    const move = next();
    const endMrr = churned
      ? 0
      : isNew
        ? plan
        : move < 0.15
          ? plans[Math.min(3, plans.indexOf(plan) + 1)]!
          : move < 0.22
            ? plans[Math.max(0, plans.indexOf(plan) - 1)]!
            : plan;
    lines.push(`s${i + 1},${startMrr},${endMrr}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Orders of a shop in 2025: customers arrive through the year and order less often as time passes. */
function orders(seed: number, customers: number): string {
  const next = random(seed);
  const start = Date.UTC(2025, 0, 1);
  const lines = ["orderId,customerId,date,amount"];
  let id = 0;
  for (let c = 0; c < customers; c++) {
    let at = start + Math.floor(next() * 300) * 86_400_000 + Math.floor(next() * 86_400_000);
    let keep = 0.85;
    while (at < Date.UTC(2026, 0, 1)) {
      id++;
      lines.push(`o${id},k${c + 1},${new Date(at).toISOString()},${(15 + Math.floor(next() * 120)).toFixed(2)}`);
      if (next() > keep) break;
      keep *= 0.93;
      at += Math.floor((10 + next() * 60) * 86_400_000);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Support tickets in March 2025 (Europe/Berlin office hours), some pending on the customer, some still open. */
function tickets(seed: number, count: number): string {
  const next = random(seed);
  const start = Date.UTC(2025, 2, 3, 6); // Monday 3 March 2025, 07:00 Berlin
  const rows = [];
  for (let i = 0; i < count; i++) {
    const channel = (["chat", "email", "phone", "social"] as const)[Math.floor(next() * 4)]!;
    const priority = next() < 0.15 ? "urgent" : "normal";
    const type = next() < 0.2 ? "complaint" : "question";
    // Mostly in office hours (Mon-Sat 07:00-19:00 Berlin), some at night or on Sundays.
    const day = Math.floor(next() * 27);
    const minuteOfDay = next() < 0.85 ? 60 + Math.floor(next() * 12 * 60) : Math.floor(next() * 24 * 60);
    const created = start + day * 86_400_000 + minuteOfDay * 60_000;
    const speed = { chat: 1.2, phone: 0.5, email: 150, social: 40 }[channel]; // mean minutes to the first reply
    const replied = created + Math.floor(-Math.log(1 - next()) * speed * 60_000);
    const ticket: Record<string, unknown> = {
      id: `T-${1000 + i}`,
      channel,
      priority,
      type,
      agentId: AGENTS[Math.floor(next() * AGENTS.length)],
      createdAt: new Date(created).toISOString(),
    };
    if (next() < 0.95) ticket.firstResponseAt = new Date(replied).toISOString();
    if (ticket.firstResponseAt !== undefined && next() < 0.85) {
      let resolved = replied + Math.floor(-Math.log(1 - next()) * 20 * 3600_000);
      if (next() < 0.25) {
        const pendingFrom = replied + 60_000;
        const pendingTo = pendingFrom + Math.floor(next() * 48 * 3600_000);
        ticket.statusChanges = [
          { at: new Date(pendingFrom).toISOString(), status: "pending" },
          { at: new Date(pendingTo).toISOString(), status: "open" },
        ];
        resolved = Math.max(resolved, pendingTo + 3600_000);
      }
      ticket.resolvedAt = new Date(resolved).toISOString();
    }
    rows.push(ticket);
  }
  return `${JSON.stringify(rows, null, 1)}\n`;
}

writeFileSync(here("qa-reviews.csv"), qaReviews(4, 300));
writeFileSync(here("tickets.json"), tickets(7, 400));
writeFileSync(here("subscriptions.csv"), subscriptions(5, 400));
writeFileSync(here("orders.csv"), orders(6, 250));
console.log(
  "wrote examples/data/{nps,csat,ces}-responses.csv, qa-reviews.csv, tickets.json, subscriptions.csv and orders.csv",
);
