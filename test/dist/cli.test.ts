// The built command (dist/cli.js) run as a user runs it, on the fixture files in test/fixtures/cli: its JSON against
// hand counts, bad rows of every kind with their lines, presets, formats, exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { metricFields } from "../../src/cli/columns.js";
import { lineStartAfter, runInTwoParts } from "../../src/cli/two-parts.js";
import { iqs } from "../../dist/iqs/index.js";
import { compareNps, npsConfidenceInterval } from "../../dist/nps/index.js";

const root = new URL("../../", import.meta.url).pathname;
const fixture = (name: string): string => join(root, "test/fixtures/cli", name);

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], input?: string): Result {
  const run = spawnSync(process.execPath, [join(root, "dist/cli.js"), ...args], { encoding: "utf8", input, env: { ...process.env, NO_COLOR: "" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Row {
  segment: Record<string, string>;
  period: { label: string } | null;
  n: number;
  value: number;
  low: number | null;
  high: number | null;
  change: { difference: number; low: number; high: number; pValue: number } | null;
  detail: Record<string, unknown>;
}

function json(args: readonly string[], input?: string): { rows: Row[]; input: { read: number; used: number; rejected: number }; rejects: { line: number; column: string | null; value: unknown; reason: string }[] } {
  const result = cli([...args, "--format", "json"], input);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

const brief = (rows: readonly Row[]): string[] => rows.map((row) => `${row.segment.channel ?? "all"} ${row.period?.label ?? "all"} n=${row.n} ${row.value.toFixed(2)}`);

describe("cx-metrics report: NPS per channel per month from survey.csv", () => {
  const berlin = json(["report", fixture("survey.csv"), "--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin"]);

  it("counts by hand (promoters 9-10, detractors 0-6); the 31 January 23:30 UTC answer is February in Berlin", () => {
    // Jan: email 10, 6 → 1 P, 1 D = 0. Feb: chat 9 (Jan 31 23:30Z = Feb 1 00:30 in Berlin), 7, 10 → 2 P of 3 = 66.67;
    // email 8 → 0. Mar: chat 9, 0 → 0; email 3, 10 → 0. All: 5 P, 2 passives, 3 D of 10 = 20; chat 3 P, 1 D of 5 = 40;
    // email 2 P, 2 D of 5 = 0.
    expect(brief(berlin.rows)).toEqual([
      "all 2025-01 n=2 0.00",
      "all 2025-02 n=4 50.00",
      "all 2025-03 n=4 0.00",
      "all all n=10 20.00",
      "chat 2025-02 n=3 66.67",
      "chat 2025-03 n=2 0.00",
      "chat all n=5 40.00",
      "email 2025-01 n=2 0.00",
      "email 2025-02 n=1 0.00",
      "email 2025-03 n=2 0.00",
      "email all n=5 0.00",
    ]);
    expect(berlin.input).toEqual({ read: 10, used: 10, unanswered: 0, rejected: 0, engine: "js" });
    expect(berlin.rejects).toEqual([]);
  });

  it("gives the score interval and a change by compareNps's adjusted-Wald standard error (the library's functions, checked against R in their own tests)", () => {
    const feb = berlin.rows[1]!;
    const interval = npsConfidenceInterval({ promoters: 2, passives: 2, detractors: 0 }, { method: "score" });
    expect([feb.low, feb.high]).toEqual([interval.low, interval.high]);
    const test = compareNps({ promoters: 2, passives: 2, detractors: 0 }, { promoters: 1, passives: 0, detractors: 1 });
    // 50 ± 1.959963984540054 × the adjusted-Wald standard error of the difference.
    expect(feb.change!.difference).toBe(50);
    expect(feb.change!.low).toBeCloseTo(50 - 1.959963984540054 * test.standardError, 9);
    expect(feb.change!.high).toBeCloseTo(50 + 1.959963984540054 * test.standardError, 9);
  });

  it("cuts months in UTC without --time-zone: the 23:30 answer stays in January", () => {
    const utc = json(["report", fixture("survey.csv"), "--metric", "nps", "--by", "channel", "--every", "month"]);
    expect(brief(utc.rows)).toContain("chat 2025-01 n=1 100.00");
  });

  it("reads the same responses as TSV, a JSON array, and CSV on standard input, to the same rows", () => {
    const args = ["--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin"];
    expect(json(["report", fixture("survey.tsv"), ...args]).rows).toEqual(berlin.rows);
    expect(json(["report", fixture("survey.json"), ...args]).rows).toEqual(berlin.rows);
    expect(json(["report", "-", ...args], readFileSync(fixture("survey.csv"), "utf8")).rows).toEqual(berlin.rows);
  });
});

describe("bad rows (nps-export-messy.csv: one of each kind)", () => {
  const args = ["report", join(root, "examples/data/nps-export-messy.csv"), "--metric", "nps", "--by", "channel", "--every", "month"];

  it("leaves each out and lists it with its line (header = 1), column, value and reason; read = used + unanswered + rejected", () => {
    const report = json(args);
    // Line 5's blank score is a survey sent and not answered: unanswered, not rejected (issue 19).
    expect(report.input).toEqual({ read: 14, used: 3, unanswered: 1, rejected: 10, engine: "js" });
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([
      [3, "score", "11"],
      [4, "score", "ten"],
      [6, "respondedAt", "2025-02-30T10:00:00Z"],
      [7, "respondedAt", "1899-12-31T00:00:00Z"],
      [8, "respondedAt", "2025-01-09 10:00"],
      [9, null, null],
      [10, null, null],
      [11, "score", null],
      // line 12-13: a quoted comment over two lines, a good row; line 15: a blank channel, a good row ("(blank)")
      [14, "score", "8.5"],
      [16, "comment", null],
    ]);
    const reasons = report.rejects.map((reject) => reject.reason);
    expect(reasons[3]).toMatch(/^"1899-12-31T00:00:00Z" in column "respondedAt" is outside the supported range .*"never".*add --missing-date "1899-12-31T00:00:00Z"/);
    expect(reasons[4]).toMatch(/^"2025-01-09 10:00" in column "respondedAt" is a local time without an offset.*give --time-zone/);
    expect(reasons[5]).toBe("the row has 4 fields, the header 5: a value that holds the delimiter needs double quotes around it");
    expect(reasons[7]).toBe('text after the closing quote: a quote inside a quoted value is written twice ("")');
    expect(reasons[9]).toMatch(/never closed/);
    expect(report.rows.map((row) => `${row.segment.channel ?? "all"} ${row.period?.label ?? "all"} ${row.n}`)).toContain("(blank) 2025-01 1");
  });

  it("shows the first five on screen and writes all of them with --rejects", () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-cli-"));
    const result = cli([...args, "--rejects", join(dir, "rejects.csv")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("rows read 14 = used 3 + unanswered 1 + rejected 10");
    expect(result.stdout.match(/rejected: line/g)).toHaveLength(5);
    expect(result.stdout).toContain(`... 5 more in ${join(dir, "rejects.csv")}`);
    const lines = readFileSync(join(dir, "rejects.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("line,column,value,reason");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toBe(
      '3,score,11,"""11"" in column ""score"" is outside 0-10: an NPS answer on the 0-10 scale is a whole number from 0 to 10; check that the column holds the 0-10 question\'s answers"',
    );
  });

  it("--strict fails with exit 1 at the first bad row, naming it", () => {
    const result = cli([...args, "--strict"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'cx-metrics: bad row under --strict: line 3: "11" in column "score" is outside 0-10: an NPS answer on the 0-10 scale is a whole number from 0 to 10; check that the column holds the 0-10 question\'s answers\n',
    );
  });

  it("exits 1 when no row can be used", () => {
    const result = cli(["report", "-", "--metric", "nps"], "score\nten\n");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no row could be used: 1 read, 1 rejected (first: line 2:");
  });
});

describe("tickets: first response in business hours", () => {
  it("gives the median and p90 (R type 7) of business minutes, calendar minutes beside, open tickets counted", () => {
    const report = json(["report", fixture("tickets.csv"), "--metric", "first-response", "--hours", "Mon-Fri 09:00-17:00", "--time-zone", "Europe/Berlin"]);
    // By hand, Mon-Fri 09:00-17:00 Berlin: #1 Mon 08:00→09:30 = 30 (calendar 90); #2 Fri 16:00→Mon 10:00 = 60 + 60 =
    // 120
    // (calendar 66 h = 3960); #3 12:00→12:45 = 45 (45); #4 open; #5 Thu 18:00→Fri 09:10 = 10 (calendar 910).
    // Business [10, 30, 45, 120]: median (30 + 45) / 2 = 37.5; p90 at h = 3 × 0.9 = 2.7: 45 + 0.7 × 75 = 97.5.
    // Calendar [45, 90, 910, 3960]: median 500; p90 910 + 0.7 × 3050 = 3045.
    const all = report.rows[0]!;
    expect([all.n, all.value, all.detail.open, all.detail.clock, all.detail.method]).toEqual([4, 37.5, 1, "business", "linear"]);
    expect(all.detail.p90).toBeCloseTo(97.5, 10);
    const calendar = all.detail.calendarMinutes as { median: number; p90: number };
    expect(calendar.median).toBe(500);
    expect(calendar.p90).toBeCloseTo(3045, 9);
  });

  it("Zendesk preset: Created at + First reply time in minutes, segments by Group", () => {
    const report = json(["report", fixture("zendesk.csv"), "--preset", "zendesk", "--metric", "first-response", "--by", "Group"]);
    // Replies after 30 and 90 minutes (ticket 103 unanswered): median 60, p90 30 + 0.9 × 60 = 84.
    expect(report.rows.map((row) => [row.segment.Group ?? "all", row.n, row.value, row.detail.p90, row.detail.open])).toEqual([
      ["all", 2, 60, 84, 1],
      ["Tier 1", 2, 60, 84, 0],
    ]);
  });

  it("SLA % against --target with --as-of, and IQS with a --scorecard (each the library's own figure over the same records)", () => {
    const sla = json(["report", fixture("tickets.csv"), "--metric", "sla", "--target", "first-response=60:business", "--hours", "Mon-Fri 09:00-17:00", "--time-zone", "Europe/Berlin", "--as-of", "2025-03-05T10:30:00+01:00"]);
    // By hand, 60 business minutes: #1 30 met, #2 120 breached, #3 45 met, #5 10 met; #4 open 30 business minutes at
    // asOf: pending.
    expect(sla.rows[0]).toMatchObject({ n: 4, value: 75, detail: { met: 3, breached: 1, pending: 1 } });
    const scorecard = JSON.parse(readFileSync(join(root, "examples/data/qa-scorecard.json"), "utf8"));
    const report = json(["report", join(root, "examples/data/qa-reviews.csv"), "--metric", "iqs", "--scorecard", join(root, "examples/data/qa-scorecard.json")]);
    const lines = readFileSync(join(root, "examples/data/qa-reviews.csv"), "utf8").trim().split("\n").slice(1);
    const rating = (text: string): number | boolean | null => (text === "yes" || text === "pass" ? true : text === "no" || text === "fail" ? false : text === "" || /^n\/?a$/i.test(text) ? null : Number(text));
    const reviews = lines.map((line) => {
      const [, , , , greeting, solution, tone, gdpr] = line.split(",");
      return { ratings: { greeting: rating(greeting!), solution: rating(solution!), tone: rating(tone!), gdpr: rating(gdpr!) } };
    });
    expect(report.rows[0]!.value).toBeCloseTo(iqs(reviews, scorecard).iqs, 10);
  });
});

describe("presets for survey exports", () => {
  it("Typeform: the 'How likely' column, Submit Date (UTC) read as UTC", () => {
    const report = json(["report", fixture("typeform.csv"), "--preset", "typeform", "--metric", "nps", "--every", "month", "--time-zone", "Europe/Berlin"]);
    // 10 on 1 March; 9 at 31 March 23:59 UTC (= 1 April 01:59 in Berlin) and 3 in April: April 1 P, 1 D = 0.
    expect(brief(report.rows)).toEqual(["all 2025-03 n=1 100.00", "all 2025-04 n=2 0.00", "all all n=3 33.33"]);
  });

  it("Delighted (NDJSON from its API): created_at in Unix seconds, nested person_properties, a bad line rejected", () => {
    const report = json(["report", fixture("delighted.ndjson"), "--preset", "delighted", "--metric", "nps", "--by", "person_properties.country"]);
    // DE: 10, 6 → 0; FR: 9 → 100; record 4's score "x" and line 6 (not JSON) rejected; line 3 is blank.
    expect(report.rows.map((row) => [row.segment["person_properties.country"] ?? "all", row.n, row.value])).toEqual([
      ["all", 3, (100 * (2 - 1)) / 3],
      ["DE", 2, 0],
      ["FR", 1, 100],
    ]);
    expect(report.input).toEqual({ read: 5, used: 3, unanswered: 0, rejected: 2, engine: "js" });
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([
      [5, "score", "x"],
      [6, null, null],
    ]);
  });
});

describe("output formats", () => {
  const args = ["report", fixture("survey.csv"), "--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin"];

  it("table: aligned, no colour codes when not on a terminal, the method and the input line", () => {
    const { stdout, status } = cli(args);
    expect(status).toBe(0);
    expect(stdout).not.toContain("\u001b[");
    const [head, first] = stdout.split("\n");
    expect(head).toMatch(/^channel\s+period\s+n\s+NPS\s+95% interval\s+change\s+p\s+p adj\.\s+note$/);
    expect(first).toMatch(/^all\s+2025-01\s+2\s+0\.0\s/);
    expect(stdout).toContain("interval: score");
    expect(stdout).toContain("rows read 10 = used 10 + unanswered 0 + rejected 0");
  });

  it("markdown: a table with numbers right-aligned", () => {
    const { stdout } = cli([...args, "--format", "markdown"]);
    expect(stdout).toContain("| channel | period | n | NPS | 95% interval | change | p | p adj. | note |");
    expect(stdout).toContain("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    expect(stdout).toContain("| chat | 2025-02 | 3 | +66.7 |");
  });

  it("csv: tidy rows with flat columns; the input line goes to standard error", () => {
    const { stdout, stderr } = cli([...args, "--format", "csv"]);
    const [head, first] = stdout.split("\n");
    expect(head).toBe("metric,channel,period,period_start,period_end,n,value,low,high,change,change_low,change_high,change_p_value,small_sample,change_p_adjusted,n_effective,se");
    expect(first!.startsWith("nps,,2025-01,2025-01-01T00:00:00.000+01:00,2025-02-01T00:00:00.000+01:00,2,0,")).toBe(true);
    expect(stderr).toContain("rows read 10 = used 10 + unanswered 0 + rejected 0");
  });

  it("html: one self-contained page with the chart as inline SVG, written to --output", () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-cli-"));
    const out = join(dir, "report.html");
    expect(cli([...args, "--format", "html", "--output", out]).status).toBe(0);
    const page = readFileSync(out, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<svg");
    expect(page.match(/<polyline class="trend"/g)).toHaveLength(3); // all, chat, email
    expect(page).not.toMatch(/(src|href)="http/);
  });
});

describe("usage errors exit 2 with a message that lists what exists", () => {
  it("an unknown flag", () => {
    const result = cli(["report", fixture("survey.csv"), "--metric", "nps", "--by-channel"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--by-channel'");
    expect(result.stderr).toContain("flags of report: --metric, --by, --every");
  });

  it("an unknown metric, period or format", () => {
    expect(cli(["report", fixture("survey.csv"), "--metric", "nsp"]).stderr).toBe("cx-metrics: --metric nsp: expected one of nps, csat, ces, first-response, resolution, sla, iqs\n");
    expect(cli(["report", fixture("survey.csv"), "--metric", "nps", "--every", "fortnight"]).status).toBe(2);
    expect(cli(["report", fixture("survey.csv"), "--metric", "nps", "--format", "xlsx"]).status).toBe(2);
  });

  it("an unknown column", () => {
    const result = cli(["report", fixture("survey.csv"), "--metric", "nps", "--by", "region"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cx-metrics: no column "region" for region (give --column region=HEADER); columns in the file: "id", "respondedAt", "channel", "score", "comment"\n');
  });

  it("a missing file, a file that is not UTF-8, an unknown command", () => {
    expect(cli(["report", "nope.csv", "--metric", "nps"]).stderr).toBe("cx-metrics: cannot read nope.csv: no such file\n");
    const dir = mkdtempSync(join(tmpdir(), "cx-cli-"));
    writeFileSync(join(dir, "latin1.csv"), Buffer.from("score,city\n9,Z\xfcrich\n", "latin1"));
    const latin = cli(["report", join(dir, "latin1.csv"), "--metric", "nps"]);
    expect(latin.status).toBe(2);
    expect(latin.stderr).toContain("not UTF-8");
    expect(cli(["summarise"]).status).toBe(2);
  });

  it("npx cx-metrics runs the built command in the repository (after npm ci)", () => {
    expect(execFileSync("npx", ["--no-install", "cx-metrics", "--help"], { cwd: root, encoding: "utf8" })).toContain("cx-metrics report FILE|- --metric M [options]");
  });

  it("--help shows examples and exits 0; no arguments shows the help and exits 2", () => {
    const help = cli(["report", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(cli([]).status).toBe(2);
    expect(execFileSync(process.execPath, [join(root, "dist/cli.js"), "--version"], { encoding: "utf8" }).trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });
});

describe("cx-metrics check", () => {
  const claims = join(root, "examples/report-claims.yaml");

  it("prints the contract JSON for the walk-through's claims and exits 1 because some do not match", () => {
    const run = cli(["check", claims, "--format", "json"]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { claims: { id: string; verdict: string; recomputed: number | null; n: number | null; reproducedBy: { conventions: Record<string, string> }[] }[]; data: Record<string, unknown> };
    expect(result.claims.map((claim) => `${claim.id} ${claim.verdict}`)).toEqual([
      "nps-q1 match",
      "nps-chat-q1 close",
      "nps-email-q1 mismatch",
      "csat-q1 match",
      "first-reply-p90 match",
      "sla-first-reply match",
      "nps-shares mismatch",
      "csat-social mismatch",
    ]);
    // csat-q1: 88 % is good / (good + bad), the library's top-box over all answers is 82 % (410 of 500).
    const csatClaim = result.claims[3]!;
    expect([csatClaim.recomputed, csatClaim.n]).toEqual([82, 500]);
    expect(csatClaim.reproducedBy[0]!.conventions).toMatchObject({ csat: "good-over-rated", rounding: "half-up" });
    expect(result.data).toEqual({ survey: { read: 600, used: 600, unanswered: 0, rejected: 0 }, csat: { read: 500, used: 500, unanswered: 0, rejected: 0 }, tickets: {
        read: 400,
        used: 400,
        rejected: 0,
        // A first-response and an SLA claim read it: each one's counts, as report --metric first-response,sla.
        metrics: {
          "first-response": { read: 400, used: 400, rejected: 0 },
          sla: { read: 400, used: 400, rejected: 0 },
        },
      } });
  });

  it("reads JSON claims, exits 0 when every claim matches, and prints Markdown", () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-check-"));
    writeFileSync(join(dir, "survey.csv"), readFileSync(fixture("survey.csv")));
    // survey.csv, all of it: 5 promoters, 3 detractors of 10 → NPS 20; chat: 3 P, 1 D of 5 → 40.
    writeFileSync(join(dir, "claims.json"), JSON.stringify({ data: { survey: "survey.csv" }, claims: [{ id: "all", metric: "nps", data: "survey", value: "20" }, { id: "chat", metric: "nps", data: "survey", filter: { channel: "chat" }, value: "40" }] }));
    const run = cli(["check", join(dir, "claims.json"), "--format", "markdown"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("| all | nps | 20 | 20 | 10 | match |");
    expect(run.stdout).toContain("| chat | nps | 40 | 40 | 5 | match |");
  });

  it("usage errors: no such claims file, a data set that is not there, a filter column that is not there", () => {
    expect(cli(["check", "nope.yaml"]).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "cx-check-"));
    writeFileSync(join(dir, "survey.csv"), readFileSync(fixture("survey.csv")));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ data: { survey: "survey.csv" }, claims: [{ id: "x", metric: "nps", data: "surveys", value: "20" }] }));
    expect(cli(["check", join(dir, "a.json")]).stderr).toBe('cx-metrics: claim x: no data set "surveys"; data sets: survey\n');
    writeFileSync(join(dir, "b.json"), JSON.stringify({ data: { survey: "survey.csv" }, claims: [{ id: "x", metric: "nps", data: "survey", filter: { region: "EU" }, value: "20" }] }));
    const missing = cli(["check", join(dir, "b.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no column "region"');
  });
});

describe("a large file read in two halves at once", () => {
  // 400,000 good rows (about 17 MB, over the 16 MB from which the command splits), a two-line quoted
  // comment near the start, and bad rows at lines written down as the file is made.
  const dir = mkdtempSync(join(tmpdir(), "cx-split-"));
  const rows = 400_000;
  const badAt = new Set([10, 150_000, 250_000, 399_990]); // data row numbers (1-based) that get score 11
  function write(name: string, middleQuote: boolean): { path: string; badLines: number[] } {
    const lines: string[] = [];
    for (let i = 1; i <= rows; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const channel = ["chat", "email", "phone"][i % 3];
      const score = badAt.has(i) ? 11 : i % 11;
      const comment = i === 5 ? '"two\nlines"' : i % 7 === 0 ? '"fine, thanks"' : "";
      lines.push(`${i},2025-03-${day}T10:00:00Z,${channel},${score},${comment}\n`);
    }
    if (middleQuote) {
      // A quoted comment of 1 MB (200,000 short lines) starting 250 kB before the middle of the
      // file: the middle of the longer file (0.5 MB further on) falls inside it.
      const total = lines.reduce((sum, text) => sum + text.length, 0);
      let at = 0;
      let k = 0;
      while (at + lines[k]!.length < total / 2 - 250_000) at += lines[k++]!.length;
      lines[k] = lines[k]!.replace(/,[^,]*\n$/, `,"${"long\n".repeat(200_000)}"\n`);
    }
    const badLines: number[] = [];
    let line = 2;
    lines.forEach((text, i) => {
      if (badAt.has(i + 1)) badLines.push(line);
      line += (text.match(/\n/g)?.length ?? 0);
    });
    const path = join(dir, name);
    writeFileSync(path, "id,respondedAt,channel,score,comment\n" + lines.join(""));
    return { path, badLines };
  }
  const args = ["--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin", "--format", "json"];
  const run = (path: string, threads: string, engine = "js"): string => {
    const result = spawnSync(process.execPath, [join(root, "dist/cli.js"), "report", path, ...args, "--engine", engine], { encoding: "utf8", env: { ...process.env, CX_METRICS_THREADS: threads }, maxBuffer: 1 << 26 });
    expect(result.status).toBe(0);
    return result.stdout;
  };

  it("gives exactly the report of one pass, bad rows at their lines in both halves", () => {
    const { path, badLines } = write("big.csv", false);
    const split = run(path, "2");
    expect(split).toBe(run(path, "1"));
    const report = JSON.parse(split) as { input: { read: number; used: number; rejected: number }; rejects: { line: number; value: string }[] };
    expect(report.input).toEqual({ read: rows, used: rows - 4, unanswered: 0, rejected: 4, engine: "js" });
    expect(report.rejects.map((reject) => reject.line)).toEqual(badLines);
    // DuckDB reads the same file (on all cores) to the same report, the bad rows at the same lines.
    expect(run(path, "2", "duckdb")).toBe(split.replace('"engine": "js"', '"engine": "duckdb"'));
  }, 120_000);

  it("reads the file in one pass when the middle falls inside a quoted field", async () => {
    const { path, badLines } = write("quoted-middle.csv", true);
    // The split is refused (null: the first half does not end where a record ends); the plain file splits.
    const job = { spec: { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin", invalid: "exclude" }, format: "csv", fields: metricFields("nps", true), mapping: [], strict: false } as const;
    const workerUrl = pathToFileURL(join(root, "dist/cli.js"));
    // The split is put at the middle (by default it follows the worker's start), where the quoted comment is.
    const middle = (file: string) => ({ splitAt: () => lineStartAfter(file, Math.floor(statSync(file).size / 2)) });
    expect(await runInTwoParts(path, statSync(path).size, job, workerUrl, () => undefined, middle(path))).toBeNull();
    const big = join(dir, "big.csv");
    expect(await runInTwoParts(big, statSync(big).size, job, workerUrl, () => undefined, middle(big))).not.toBeNull();
    const split = run(path, "2");
    expect(split).toBe(run(path, "1"));
    expect((JSON.parse(split) as { rejects: { line: number }[] }).rejects.map((reject) => reject.line)).toEqual(badLines);
  }, 120_000);
});

describe("cx-metrics report --sql", () => {
  it("prints the DuckDB query whose counts give the rows the command computes itself (survey.csv as a table)", async () => {
    const args = ["report", fixture("survey.csv"), "--metric", "nps", "--by", "channel", "--every", "month", "--time-zone", "Europe/Berlin"];
    const printed = cli([...args, "--sql", "duckdb", "--table", "survey"]);
    expect(printed.status).toBe(0);
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    await connection.run(`CREATE TABLE survey AS SELECT * FROM read_csv('${fixture("survey.csv")}', header = true, all_varchar = true)`);
    const counted = (await connection.runAndReadAll(printed.stdout.replace(/;\s*$/, ""))).getRowObjectsJS();
    connection.closeSync();
    const { rowsFromCounts } = await import("../../dist/sql/index.js");
    const fromSql = rowsFromCounts({ metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin" }, counted as never);
    expect(fromSql.rows).toEqual(json(args).rows);
  });

  it("refuses metrics it has no SQL for, and --table without --sql", () => {
    expect(cli(["report", join(root, "examples/data/qa-reviews.csv"), "--metric", "iqs", "--scorecard", join(root, "examples/data/qa-scorecard.json"), "--sql", "duckdb"]).stderr).toContain("the SQL of iqs is not available");
    expect(cli(["report", fixture("survey.csv"), "--metric", "nps", "--table", "x"]).status).toBe(2);
  });
});
