/**
 * The main job: a survey report over the bundled sample data (examples/data, synthetic), then every
 * worked example from the sources with its figure beside the published one.
 * Run: npm run demo
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  annualChurnRate,
  businessCalendar,
  calibration,
  ces,
  cohortRetention,
  customerRetention,
  durationStats,
  firstResponseTime,
  groupBy,
  historicalLtv,
  ltv,
  ltvToCac,
  monthlyChurnRate,
  revenueRetentionFromCustomers,
  cesConfidenceInterval,
  compareNps,
  csat,
  csatBand,
  csatConfidenceInterval,
  nps,
  npsBand,
  npsConfidenceInterval,
  npsMarginOfError,
  npsSampleSize,
  iqs,
  parseQaReviews,
  parseInteractions,
  parseResponses,
  qaReviewPlan,
  resolutionTime,
  round,
  sampleSize,
  sla,
  type Scorecard,
  type SlaPolicy,
} from "cx-metrics";
import { readCsv } from "./lib/csv.js";

const data = (name: string): string => fileURLToPath(new URL(`data/${name}`, import.meta.url));
const pct = (value: number): string => `${round(value, 1).toFixed(1)}%`;

function npsReport(): void {
  const rows = parseResponses(readCsv(data("nps-responses.csv")), { metric: "nps", coerce: true });
  const overall = nps(rows, (r) => r.score);
  const interval = npsConfidenceInterval(overall);
  console.log(`NPS (examples/data/nps-responses.csv, ${overall.total} responses)`);
  console.log(
    `  NPS ${round(overall.score)}  [95% CI ${round(interval.low, 1)} to ${round(interval.high, 1)}, adjusted Wald]` +
      `  promoters ${pct(overall.promoterPercent)}, passives ${pct(overall.passivePercent)}, detractors ${pct(overall.detractorPercent)}`,
  );
  console.log(
    `  band: ${npsBand(overall.score).label} (Osipov); ${npsBand(overall.score, { scheme: "quality-mgmt" }).label} (Quality-mgmt)`,
  );
  const byChannel = groupBy(rows, (r) => r.channel ?? "unknown");
  for (const { key: channel, items } of byChannel) {
    const result = nps(items, (r) => r.score);
    const ci = npsConfidenceInterval(result);
    console.log(
      `  ${channel.padEnd(6)} n=${String(result.total).padStart(3)}  NPS ${String(round(result.score)).padStart(3)}  [${round(ci.low, 1)}, ${round(ci.high, 1)}]`,
    );
  }
  const channel = (name: string) => byChannel.find((group) => group.key === name)?.items ?? [];
  const chat = nps(channel("chat"), (r) => r.score);
  const email = nps(channel("email"), (r) => r.score);
  const difference = compareNps(chat, email);
  console.log(
    `  chat vs email: ${round(difference.difference, 1)} points, p = ${difference.pValue.toFixed(4)}` +
      ` (95% CI of the difference ${round(difference.low, 1)} to ${round(difference.high, 1)})`,
  );
}

function csatReport(): void {
  const rows = parseResponses(readCsv(data("csat-responses.csv")), { metric: "csat", coerce: true });
  const result = csat(rows, { accessor: (r) => r.score });
  const intervals = csatConfidenceInterval(result);
  console.log(`\nCSAT (examples/data/csat-responses.csv, ${result.total} ratings on 1-5)`);
  console.log(
    `  CSAT ${pct(result.percent)} satisfied (4-5)  [95% Wilson ${pct(intervals.percent.low)} to ${pct(intervals.percent.high)}]`,
  );
  console.log(
    `  good/(good+bad) ${pct(csat(rows, { accessor: (r) => r.score, mode: "good-bad" }).percent)}` +
      `  mean ${round(result.mean, 2)} [${round(intervals.mean.low, 2)}, ${round(intervals.mean.high, 2)}]  band: ${csatBand(result.mean).label} (Osipov)`,
  );
  console.log(`  distribution: ${result.distribution.map((bucket) => `${bucket.value}: ${bucket.count}`).join(", ")}`);
}

function cesReport(): void {
  const rows = parseResponses(readCsv(data("ces-responses.csv")), { metric: "ces", coerce: true });
  const result = ces(rows, { accessor: (r) => r.score });
  const intervals = cesConfidenceInterval(result);
  console.log(`\nCES (examples/data/ces-responses.csv, ${result.total} ratings on 1-7, 7 = very easy)`);
  console.log(
    `  easy (5-7) ${pct(result.easyPercent)} [${pct(intervals.percent.low)}, ${pct(intervals.percent.high)}]` +
      `  mean ${round(result.mean, 2)} [${round(intervals.mean.low, 2)}, ${round(intervals.mean.high, 2)}]`,
  );
}

function iqsReport(): void {
  const scorecard = JSON.parse(readFileSync(data("qa-scorecard.json"), "utf8")) as Scorecard;
  const criteria = scorecard.criteria.map((criterion) => criterion.id);
  const reviews = parseQaReviews(readCsv(data("qa-reviews.csv")), { criteria, coerce: true });
  const result = iqs(reviews, scorecard);
  console.log(
    `\nIQS (examples/data/qa-reviews.csv, ${result.total} reviews, scorecard examples/data/qa-scorecard.json)`,
  );
  console.log(
    `  IQS ${pct(result.iqs)}  pass rate (≥ ${result.passThreshold}%) ${pct(result.passPercent)}` +
      `  critical fails ${result.criticalFails} (${pct(result.criticalFailPercent)})`,
  );
  console.log(
    `  by criterion: ${result.perCriterion.map((c) => `${c.id} ${pct(c.meanScore ?? 0)}${c.notApplicable > 0 ? ` (${c.notApplicable} N/A)` : ""}`).join(", ")}`,
  );
  for (const group of [...result.perGroup].sort((a, b) => String(a.key).localeCompare(String(b.key)))) {
    console.log(
      `  agent ${String(group.key).padEnd(4)} n=${String(group.n).padStart(3)}  IQS ${pct(group.iqs ?? 0).padStart(6)}  critical fails ${group.criticalFails}`,
    );
  }
  const agreement = calibration(reviews, scorecard);
  console.log(
    `  calibration: ${agreement.sessions.length} interactions scored twice, reviewers differ by ${round(agreement.meanAbsoluteDifference, 1)} points on average; ` +
      agreement.perReviewer
        .map((r) => `${r.reviewerId} ${r.meanDeviation >= 0 ? "+" : ""}${round(r.meanDeviation, 1)}`)
        .join(", "),
  );
}

function sampleSizePlan(): void {
  console.log("\nSample sizes (95% confidence)");
  const csatShare = sampleSize({ marginOfError: 0.05 });
  const npsNeed = npsSampleSize({ marginOfError: 5 });
  console.log(
    `  CSAT share to ±5 points: ${csatShare.n} ratings (n0 ${round(csatShare.n0, 2)}); NPS to ±5 points: ${npsNeed.n} responses (4x: variance 1, not 0.25)`,
  );
  console.log(
    `  the 600 NPS responses above have a margin of ±${round(npsMarginOfError({ n: 600 }).marginOfError, 1)} points (worst case)`,
  );
  const interactions = { a01: 640, a02: 410, a03: 95, a04: 1200, a05: 60 };
  const plan = qaReviewPlan(interactions, { marginOfError: 0.1 });
  console.log(
    `  QA review plan for a month's interactions, ±10 points on each agent's pass rate (Osipov's rule beside it):`,
  );
  for (const agent of plan.perAgent) {
    console.log(
      `    ${agent.agentId}: ${String(agent.interactions).padStart(5)} interactions → review ${String(agent.reviews).padStart(3)}` +
        `  (Osipov: ${agent.ruleOfThumb.min}-${agent.ruleOfThumb.max})`,
    );
  }
  console.log(`    total: ${plan.totalReviews} reviews of ${plan.totalInteractions} interactions`);
}

function retentionReport(): void {
  const accounts = readCsv(data("subscriptions.csv")).map((row) => ({
    start: Number(row.startMrr),
    end: Number(row.endMrr),
  }));
  const start = accounts.filter((a) => a.start > 0).length;
  const added = accounts.filter((a) => a.start === 0 && a.end > 0).length;
  const lost = accounts.filter((a) => a.start > 0 && a.end === 0).length;
  const year = customerRetention({ start, new: added, lost });
  console.log(`\nRetention 2025 (examples/data/subscriptions.csv, ${accounts.length} accounts)`);
  console.log(
    `  ${year.start} at the start + ${year.new} new - ${year.lost} lost = ${year.end} at the end: retention ${pct(year.retentionPercent)}, churn ${pct(year.churnPercent)}` +
      ` (lost / start)`,
  );
  console.log(
    `  Osipov's churn formula as printed, (end - start - new) / start, gives ${pct(year.osipovPrintedChurnPercent)}: minus the share lost;` +
      ` reported apart, never as churn (docs/retention.md)`,
  );
  const revenue = revenueRetentionFromCustomers(accounts);
  console.log(
    `  MRR ${revenue.startMrr} → ${revenue.endMrr} (+${revenue.expansion} expansion, -${revenue.contraction} contraction, -${revenue.churned} churned; ${revenue.newMrr} new, excluded):` +
      ` NRR ${pct(revenue.nrrPercent)}, GRR ${pct(revenue.grrPercent)}`,
  );
  const monthlyChurn = monthlyChurnRate(year.churnPercent / 100);
  const arpa = revenue.startMrr / year.start;
  const value = ltv({ arpa, grossMargin: 0.8, churnRate: monthlyChurn });
  console.log(
    `  monthly churn ${pct(100 * monthlyChurn)} (annual ${pct(100 * annualChurnRate(monthlyChurn))}); ARPA ${round(arpa, 2)}/month at 80% margin:` +
      ` LTV ${round(value.ltv, 0)} over ${round(value.lifetimePeriods, 1)} months; LTV:CAC at CAC 400 = ${round(ltvToCac(value, 400).ratio, 2)}`,
  );

  const orderRows = readCsv(data("orders.csv"));
  const triangle = cohortRetention(orderRows, { period: "quarter", timeZone: "Europe/Berlin" });
  console.log(
    `\nCohorts (examples/data/orders.csv, ${triangle.activities} orders, ${triangle.customers} customers, quarters in Europe/Berlin)`,
  );
  console.log("  customers still ordering, by quarters since their first order");
  const columns = Math.max(...triangle.cohorts.map((row) => row.percent.length));
  console.log(
    `  ${"cohort".padEnd(8)} ${"customers".padStart(9)}  ${Array.from({ length: columns }, (_, k) => `+${k}`.padStart(6)).join("")}`,
  );
  for (const row of triangle.cohorts) {
    const cells = row.percent.map((p, k) => {
      const partial = !triangle.lastPeriodComplete && k === row.percent.length - 1;
      return `${round(p, 0)}%${partial ? "*" : ""}`.padStart(6);
    });
    console.log(`  ${row.cohort.padEnd(8)} ${String(row.size).padStart(9)}  ${cells.join("")}`);
  }
  if (!triangle.lastPeriodComplete) {
    const last = shiftQuarter(triangle.cohorts[0]!.cohort, columns - 1);
    console.log(
      `  * ${last} has only just begun: the data ends ${localTime(triangle.asOf)} (Europe/Berlin), so its column is not a fall in retention`,
    );
  }
  const brought = historicalLtv(orderRows.map((row) => ({ customerId: row.customerId!, amount: Number(row.amount) })));
  console.log(
    `  historical LTV (Osipov): mean ${round(brought.mean, 2)}, median ${round(brought.median, 2)}, total ${round(brought.total, 2)} over ${brought.n} customers`,
  );
}

function serviceReport(): void {
  const tickets = parseInteractions(JSON.parse(readFileSync(data("tickets.json"), "utf8")) as unknown[]);
  const weekday = [["09:00", "18:00"]] as const;
  const calendar = businessCalendar({
    timeZone: "Europe/Berlin",
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [["10:00", "14:00"]] },
    holidays: ["2025-04-18", "2025-04-21"],
  });
  const asOf = "2025-03-31T18:00:00+02:00";
  const frt = (t: (typeof tickets)[number]) => firstResponseTime(t, { calendar })?.businessMinutes;
  const ttr = (t: (typeof tickets)[number]) => resolutionTime(t, { calendar })?.businessMinutes;
  const f = durationStats(tickets, { accessor: frt });
  const r = durationStats(tickets, { accessor: ttr });
  console.log(
    `\nService times (examples/data/tickets.json, ${tickets.length} tickets, March 2025, working hours Europe/Berlin)`,
  );
  console.log(
    `  first response, working minutes: median ${round(f.median, 1)}, p90 ${round(f.p90!, 1)}, mean ${round(f.mean, 1)} (n=${f.n}, ${f.skipped} unanswered)`,
  );
  console.log(
    `  resolution, working hours: median ${round(r.median / 60, 1)}, p90 ${round(r.p90! / 60, 1)} (n=${r.n}, ${r.skipped} open)`,
  );
  for (const group of groupBy(tickets, (t) => t.channel ?? "unknown")) {
    const g = durationStats(group.items, { accessor: frt });
    console.log(
      `  ${group.key.padEnd(6)} n=${String(group.n).padStart(3)}  first response median ${String(round(g.median, 1)).padStart(6)} min, p90 ${String(round(g.p90!, 1)).padStart(6)} min`,
    );
  }
  const policy: SlaPolicy = {
    targets: [
      {
        name: "chat: 1 minute (Osipov, B2C)",
        metric: "first-response",
        minutes: 1,
        clock: "calendar",
        channel: "chat",
      },
      {
        name: "social: 60 minutes (Zhary)",
        metric: "first-response",
        minutes: 60,
        clock: "calendar",
        channel: "social",
      },
      { name: "urgent: 1 working hour", metric: "first-response", minutes: 60, clock: "business", priority: "urgent" },
      {
        name: "email: 2 working hours (Osipov, B2B)",
        metric: "first-response",
        minutes: 120,
        clock: "business",
        channel: "email",
      },
      { name: "other: 24 working hours (UA-agency)", metric: "first-response", minutes: 24 * 60, clock: "business" },
      { name: "resolve: 16 working hours, pending paused", metric: "resolution", minutes: 16 * 60, clock: "business" },
    ],
    pauseStatuses: ["pending"],
  };
  const result = sla(tickets, policy, { calendar, asOf });
  const ticketsBreached = new Set(result.breaches.map((breach) => breach.interactionId)).size;
  console.log(
    `  SLA at ${localTime(asOf)} (Europe/Berlin): ${pct(result.percent ?? 0)} of ${result.met + result.breached} decided measurements`,
  );
  console.log(
    `    each ticket is measured for its first response and for its resolution: ${result.met} met, ${result.breached} breached, ${result.pending} pending;` +
      ` ${ticketsBreached} of ${tickets.length} tickets missed at least one target`,
  );
  for (const target of result.byTarget) {
    console.log(
      `    ${target.name.padEnd(42)} ${target.percent === null ? "   -  " : pct(target.percent).padStart(6)}  (${target.met}/${target.met + target.breached}, ${target.pending} pending)`,
    );
  }
  const worst = [...result.breaches].sort((a, b) => b.overrunMinutes - a.overrunMinutes)[0];
  if (worst !== undefined) {
    const state =
      worst.completedAt === null ? `never answered by ${localTime(asOf)}` : `completed ${localTime(worst.completedAt)}`;
    console.log(
      `  longest overrun: ticket ${worst.interactionId} (${worst.target}), due ${localTime(worst.dueAt)}, ${state}: ${duration(worst.overrunMinutes)} over`,
    );
  }
}

/** An instant as Berlin wall time: "5 Mar 2025, 16:03". */
function localTime(instant: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Berlin",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(instant));
}

/** Minutes in human units: "26 days 1 h", "3 h 20 min", "45 min". */
function duration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = Math.round(minutes % 60);
  if (days > 0) return `${days} day${days === 1 ? "" : "s"} ${hours} h`;
  return hours > 0 ? `${hours} h ${rest} min` : `${rest} min`;
}

/** "2025-Q1" moved on by k quarters. */
function shiftQuarter(label: string, k: number): string {
  const index = Number(label.slice(0, 4)) * 4 + Number(label.slice(6)) - 1 + k;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

console.log(
  "cx-metrics demo: survey, service-time, SLA, QA, retention and LTV report over the bundled sample data (synthetic)\n",
);
npsReport();
csatReport();
cesReport();
serviceReport();
iqsReport();
sampleSizePlan();
retentionReport();

/**
 * Runs the `cx-metrics` command as a user would (from the sources here, so it is always current) and prints it with its
 * output.
 */
function command(args: readonly string[], expectedExit = 0): void {
  const shown = args.map((arg) => (/[\s"]/.test(arg) ? JSON.stringify(arg) : arg)).join(" ");
  console.log(`\n$ cx-metrics ${shown}`);
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("../src/cli/bin.ts", import.meta.url)), ...args],
    {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  process.stdout.write(run.stdout + run.stderr);
  if (run.status !== expectedExit) throw new Error(`cx-metrics exited with ${run.status}`);
  if (expectedExit !== 0) console.log(`(exit code ${run.status})`);
}

console.log("\nThe same files through the cx-metrics command (docs/cli.md):");
command([
  "report",
  "examples/data/nps-responses.csv",
  "--metric",
  "nps",
  "--by",
  "channel",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
  "--min-n",
  "50",
]);
command([
  "report",
  "examples/data/tickets.json",
  "--metric",
  "sla",
  "--target",
  "first-response=60:business",
  "--target",
  "resolution=480:business",
  "--hours",
  "Mon-Fri 09:00-17:00",
  "--time-zone",
  "Europe/Berlin",
  "--by",
  "channel",
  "--as-of",
  "2025-04-15T00:00:00Z",
]);
console.log("\nA messy export: every row it cannot use is listed with its line, column and reason.");
command([
  "report",
  "examples/data/nps-export-messy.csv",
  "--metric",
  "nps",
  "--every",
  "month",
  "--time-zone",
  "Europe/Berlin",
]);
console.log(
  "\nA Q1 slide checked against these exports (docs/check.md): which figures hold, which use another definition, which are wrong.",
);
command(["check", "examples/report-claims.yaml"], 1);

console.log("\nEvery worked example of the sources, beside its published figure: npm run examples");
