// The checks every SQL dialect must pass against a real database: counts SQL turned into rows equal to summarize's on
// the same random records, and business minutes by the interval table equal to businessMinutes. Each database's test
// file runs them with its own query function.
import fc from "fast-check";
import { expect } from "vitest";
import { isUnanswered } from "../../src/internal/unanswered.js";
import {
  businessCalendar,
  businessMinutes,
  summarize,
  type SummarizeSpec,
  type TicketEvent,
  ticketMetrics,
} from "../../src/index.js";
import {
  businessMinutesSql,
  calendarIntervals,
  calendarIntervalsTableSql,
  countsSql,
  durationsSql,
  nextReplyTimesSql,
  rowsFromCounts,
  rowsFromDurations,
  rowsFromSla,
  rowsFromTicketMetricsSql,
  slaSql,
  ticketMetricsSql,
  type CountRow,
  type SqlDialect,
} from "../../src/sql/index.js";

/** Runs SQL and gives its rows as plain objects. */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

interface Response {
  readonly respondedAt: string | null;
  readonly channel: string | null;
  readonly score: string | null;
}

const responseArb = fc.record({
  // Around month ends and DST changes of 2024-2025, to the minute.
  respondedAt: fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .integer({ min: Date.UTC(2024, 9, 20) / 60_000, max: Date.UTC(2025, 3, 5) / 60_000 })
        .map((minutes) => new Date(minutes * 60_000).toISOString()),
    },
    fc.constant(null),
  ),
  // Blanks as JavaScript trims them (tab, no-break space, ideographic space), a value written "(blank)" (its own segment,
  // not the blanks'), "é" composed and decomposed (one segment in NFC), a soft hyphen the collation ignores (issue #18).
  channel: fc.constantFrom(
    "chat",
    "email",
    "web, app",
    "",
    null,
    " \t",
    "\u00a0\u3000",
    "(blank)",
    '"(blank)"',
    "caf\u00e9",
    "cafe\u0301",
    "a\u00adb",
    "ab",
  ),
  score: fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
    // Unanswered: NULL, blank and not-rated markers as exports write them (issue 19).
    fc.constantFrom("11", "ten", "7.5", null, "", " N/A ", "Offered", "none", "skipped"),
  ),
});

/** The same responses as `summarize` reads them (scores as numbers where they are). */
function asRecords(rows: readonly Response[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    respondedAt: row.respondedAt,
    channel: row.channel,
    score: row.score !== null && /^\d+(\.\d+)?$/.test(row.score) ? Number(row.score) : row.score,
  }));
}

/** NPS by channel and period from SQL counts equals summarize's rows, for random responses, zones and periods. */
export async function checkCounts(dialect: SqlDialect, query: Query, runs = 25): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.array(responseArb, { minLength: 1, maxLength: 80 }),
      fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Pacific/Apia", "Asia/Kolkata"),
      fc.constantFrom("day", "week", "month", "quarter", "year"),
      async (responses, timeZone, every) => {
        await query("DROP TABLE IF EXISTS survey");
        await query(
          `CREATE TABLE survey (${dialect === "duckdb" ? '"respondedAt" TIMESTAMPTZ' : '"respondedAt" TIMESTAMPTZ'}, channel VARCHAR, score VARCHAR)`,
        );
        const values = responses.map(
          (row) =>
            `(${row.respondedAt === null ? "NULL" : `TIMESTAMPTZ ${quote(row.respondedAt)}`}, ${row.channel === null ? "NULL" : quote(row.channel)}, ${row.score === null ? "NULL" : quote(row.score)})`,
        );
        await query(`INSERT INTO survey VALUES ${values.join(", ")}`);
        const spec: SummarizeSpec = {
          metric: "nps",
          by: ["channel"],
          every,
          timeZone,
          invalid: "exclude",
          unanswered: ["Skipped"],
        };
        const counted = await query(countsSql(spec, { dialect, table: "survey" }));
        // The segment column carries the segment's own name, as a warehouse user expects.
        expect(Object.keys(counted[0]!)).toEqual(["channel", "period", "value", "unanswered", "n"]);
        const records = asRecords(responses);
        const usable = records.some(
          (record) =>
            record.respondedAt !== null &&
            typeof record.score === "number" &&
            Number.isInteger(record.score) &&
            record.score <= 10,
        );
        if (!usable) {
          expect(() => rowsFromCounts(spec, counted as unknown as CountRow[])).toThrow(/no (answered )?records/);
          return;
        }
        const fromSql = rowsFromCounts(spec, counted as unknown as CountRow[]);
        const fromJs = summarize(records, spec);
        expect(fromSql.rows).toEqual(fromJs.rows);
        expect(fromSql.input).toEqual(fromJs.input);
      },
    ),
    { numRuns: runs },
  );
}

/** CSAT on 1-5 in good/bad mode from SQL counts equals summarize's, ratings off the scale rejected alike. */
export async function checkRatingCounts(dialect: SqlDialect, query: Query): Promise<void> {
  const ratings = ["5", "4", "4", "3", "2", "1", "5", "9", "", "4", "5", "1", "Offered", " n/a", "none", "4"];
  await query("DROP TABLE IF EXISTS ratings");
  await query("CREATE TABLE ratings (team VARCHAR, rating VARCHAR)");
  await query(
    `INSERT INTO ratings VALUES ${ratings.map((rating, i) => `(${quote(i % 2 === 0 ? "a" : "b")}, ${rating === "" ? "NULL" : quote(rating)})`).join(", ")}`,
  );
  const spec: SummarizeSpec = { metric: "csat", by: ["team"], csat: { mode: "good-bad" }, invalid: "exclude" };
  const fromSql = rowsFromCounts(
    spec,
    (await query(countsSql(spec, { dialect, table: "ratings" }))) as unknown as CountRow[],
  );
  const fromJs = summarize(
    ratings.map((rating, i) => ({
      team: i % 2 === 0 ? "a" : "b",
      rating: rating === "" ? undefined : /^\d+$/.test(rating) ? Number(rating) : rating,
    })),
    spec,
  );
  expect(fromSql.rows).toEqual(fromJs.rows);
  expect(fromSql.input).toEqual(fromJs.input);
  // Hand count: 16 ratings; "", "Offered", " n/a" and "none" unanswered; "9" off the 1-5 scale; 11 used.
  expect(fromSql.input).toEqual({ read: 16, used: 11, unanswered: 4, rejected: 1 });
}

/**
 * Unanswered markers that read as numbers (a tool's 99 or -1 for "no answer", "NaN") are still unanswered in SQL:
 * the query skips the marker test only for number cells when no marker could read as one.
 */
export async function checkNumericMarkers(dialect: SqlDialect, query: Query): Promise<void> {
  const scores = ["9", "99", "-1", "nan", "NaN", " 7 ", "3", "Skipped", null, "12", "\u00a0none\u00a0", "10"];
  await query("DROP TABLE IF EXISTS coded");
  await query("CREATE TABLE coded (score VARCHAR)");
  await query(
    `INSERT INTO coded VALUES ${scores.map((score) => `(${score === null ? "NULL" : quote(score)})`).join(", ")}`,
  );
  for (const unanswered of [["99", "-1", "nan"], []]) {
    // As the command reads cells: the marker test on the text first, then a number cell as its number.
    const records = scores.map((score) => ({
      score: !isUnanswered(score, unanswered) && /^\s*\d+\s*$/.test(score!) ? Number(score) : score,
    }));
    const spec: SummarizeSpec = { metric: "nps", invalid: "exclude", unanswered };
    const fromSql = rowsFromCounts(
      spec,
      (await query(countsSql(spec, { dialect, table: "coded" }))) as unknown as CountRow[],
    );
    const fromJs = summarize(records, spec);
    expect(fromSql.rows).toEqual(fromJs.rows);
    expect(fromSql.input).toEqual(fromJs.input);
  }
  // Hand count with the markers 99, -1 and nan (compared trimmed, case-insensitive): unanswered 99, -1, nan, NaN, NULL
  // and " none " (a default marker, no-break spaces trimmed as JavaScript trims); used 9, 7, 3, 10; rejected "Skipped"
  // (no marker) and 12 (off the 0-10 scale).
  const spec: SummarizeSpec = { metric: "nps", invalid: "exclude", unanswered: ["99", "-1", "nan"] };
  const coded = rowsFromCounts(
    spec,
    (await query(countsSql(spec, { dialect, table: "coded" }))) as unknown as CountRow[],
  );
  expect(coded.input).toEqual({ read: 12, used: 4, unanswered: 6, rejected: 2 });
}

/**
 * Business minutes by the interval table equal businessMinutes on random pairs over 2025 (Berlin, DST and holidays).
 */
export async function checkBusinessMinutes(dialect: SqlDialect, query: Query, pairs = 2000): Promise<void> {
  const calendar = businessCalendar({
    timeZone: "Europe/Berlin",
    week: {
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "15:30"]],
      sat: [["22:00", "02:00"]],
    },
    holidays: [
      "2025-01-01",
      "2025-04-18",
      "2025-04-21",
      { date: "2025-12-24", open: [["09:00", "12:00"]] },
      "2025-12-25",
      "2025-12-26",
    ],
  });
  const intervals = calendarIntervals(calendar, { from: "2024-12-01T00:00:00Z", to: "2026-02-01T00:00:00Z" });
  await query("DROP TABLE IF EXISTS calendar_intervals");
  await query(calendarIntervalsTableSql(intervals, { dialect }));
  // Random pairs: creation over 2025 (DST changes on 30 March and 26 October), reply 0 to 10 days later, some nulls.
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const rows: [number, number | null][] = [];
  for (let i = 0; i < pairs; i++) {
    const start = Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 86_400_000);
    rows.push([start, i % 50 === 0 ? null : start + Math.floor(random() * 10 * 86_400_000)]);
  }
  await query("DROP TABLE IF EXISTS pairs");
  await query("CREATE TABLE pairs (id INTEGER, created TIMESTAMPTZ, replied TIMESTAMPTZ)");
  for (let from = 0; from < rows.length; from += 500) {
    const chunk = rows
      .slice(from, from + 500)
      .map(
        ([start, end], k) =>
          `(${from + k}, TIMESTAMPTZ '${new Date(start).toISOString()}', ${end === null ? "NULL" : `TIMESTAMPTZ '${new Date(end).toISOString()}'`})`,
      );
    await query(`INSERT INTO pairs VALUES ${chunk.join(", ")}`);
  }
  const result = await query(
    `${businessMinutesSql({ dialect, table: "pairs", start: "created", end: "replied" })} ORDER BY id`,
  );
  expect(result).toHaveLength(rows.length);
  let checked = 0;
  for (const row of result) {
    const [start, end] = rows[Number(row.id)]!;
    const minutes = row.business_minutes === null ? null : Number(row.business_minutes);
    if (end === null) expect(minutes).toBeNull();
    else {
      expect(minutes).toBeCloseTo(businessMinutes(calendar, start, end), 6);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(pairs * 0.9);
}

/**
 * First-response medians and percentiles from SQL equal summarize's, calendar and business clock, both SQL percentile
 * kinds.
 */
export async function checkDurations(dialect: SqlDialect, query: Query, runs = 12): Promise<void> {
  const calendar = businessCalendar({
    timeZone: "America/New_York",
    week: {
      mon: [["08:00", "18:00"]],
      tue: [["08:00", "18:00"]],
      wed: [["08:00", "18:00"]],
      thu: [["08:00", "18:00"]],
      fri: [["08:00", "18:00"]],
    },
    holidays: ["2025-03-10"],
  });
  await query("DROP TABLE IF EXISTS calendar_intervals");
  await query(
    calendarIntervalsTableSql(
      calendarIntervals(calendar, { from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z" }),
      { dialect },
    ),
  );
  const ticketArb = fc.record({
    created: fc.oneof(
      {
        weight: 15,
        arbitrary: fc.integer({ min: Date.UTC(2025, 1, 20) / 60_000, max: Date.UTC(2025, 3, 10) / 60_000 }),
      },
      fc.constant(null),
    ),
    // Minutes to the reply: none (open), a negative (a reply before the creation: rejected), or up to four days.
    after: fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 0, max: 4 * 1440 }) },
      fc.constant(null),
      fc.constant(-30),
    ),
    channel: fc.constantFrom("chat", "email", "", " ", "(blank)", "caf\u00e9", "cafe\u0301"),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(ticketArb, { minLength: 1, maxLength: 60 }),
      fc.boolean(),
      fc.constantFrom("linear", "inverted-cdf") as fc.Arbitrary<"linear" | "inverted-cdf">,
      fc.boolean(),
      async (tickets, business, method, monthly) => {
        const rows = tickets.map((ticket) => ({
          createdAt: ticket.created === null ? null : new Date(ticket.created * 60_000).toISOString(),
          firstResponseAt:
            ticket.created === null || ticket.after === null
              ? null
              : new Date((ticket.created + ticket.after) * 60_000).toISOString(),
          channel: ticket.channel,
        }));
        await query("DROP TABLE IF EXISTS tickets");
        await query('CREATE TABLE tickets ("createdAt" TIMESTAMPTZ, "firstResponseAt" TIMESTAMPTZ, channel VARCHAR)');
        await query(
          `INSERT INTO tickets VALUES ${rows.map((row) => `(${row.createdAt === null ? "NULL" : `TIMESTAMPTZ ${quote(row.createdAt)}`}, ${row.firstResponseAt === null ? "NULL" : `TIMESTAMPTZ ${quote(row.firstResponseAt)}`}, ${quote(row.channel)})`).join(", ")}`,
        );
        const spec: SummarizeSpec = {
          metric: "first-response",
          by: ["channel"],
          ...(monthly ? { every: "month" as const } : {}),
          timeZone: "America/New_York",
          percentiles: [90, 25],
          method,
          invalid: "exclude",
          ...(business ? { calendar } : {}),
        };
        const usable = rows.some(
          (row) => row.createdAt !== null && (row.firstResponseAt === null || row.firstResponseAt >= row.createdAt),
        );
        const fromSqlRows = await query(durationsSql(spec, { dialect, table: "tickets" }));
        if (!usable) {
          expect(() => rowsFromDurations(spec, fromSqlRows as never)).toThrow(/no records/);
          return;
        }
        const fromSql = rowsFromDurations(spec, fromSqlRows as never);
        const fromJs = summarize(rows, spec);
        expect(fromSql.input).toEqual(fromJs.input);
        const brief = (row: {
          segment: Record<string, string>;
          period: { label: string } | null;
          n: number;
          value: number;
          detail: Record<string, unknown>;
        }) => ({
          segment: row.segment,
          period: row.period,
          n: row.n,
          value: Number(row.value.toFixed(6)),
          p90: Number((row.detail.p90 as number).toFixed(6)),
          p25: Number((row.detail.p25 as number).toFixed(6)),
          mean: Number((row.detail.mean as number).toFixed(6)),
          open: row.detail.open,
        });
        expect(fromSql.rows.map(brief)).toEqual(fromJs.rows.map(brief));
      },
    ),
    { numRuns: runs },
  );
}

/**
 * SLA % from SQL equals summarize's: targets by priority and channel, calendar and business clocks, open tickets at
 * asOf.
 */
export async function checkSla(dialect: SqlDialect, query: Query, runs = 12): Promise<void> {
  const calendar = businessCalendar({
    timeZone: "Europe/Berlin",
    week: {
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [["09:00", "17:00"]],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "17:00"]],
    },
  });
  await query("DROP TABLE IF EXISTS calendar_intervals");
  await query(
    calendarIntervalsTableSql(
      calendarIntervals(calendar, { from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z" }),
      { dialect },
    ),
  );
  const policy = {
    targets: [
      { metric: "first-response", minutes: 60, clock: "business", priority: "urgent" },
      { metric: "first-response", minutes: 240, clock: "calendar", channel: ["email", "web"] },
      { metric: "first-response", minutes: 120, clock: "business" },
      { metric: "resolution", minutes: 960, clock: "business", priority: ["urgent", "high"] },
      { metric: "resolution", minutes: 2880, clock: "calendar", channel: "chat" },
    ],
  } as const;
  const ticketArb = fc.record({
    created: fc.oneof(
      {
        weight: 15,
        arbitrary: fc.integer({ min: Date.UTC(2025, 2, 1) / 60_000, max: Date.UTC(2025, 3, 20) / 60_000 }),
      },
      fc.constant(null),
    ),
    reply: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 * 1440 }) },
      fc.constant(null),
      fc.constant(-5),
    ),
    resolve: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 6 * 1440 }) }, fc.constant(null)),
    priority: fc.constantFrom("urgent", "high", "low", ""),
    channel: fc.constantFrom("email", "web", "chat", "phone"),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 50 }), async (tickets) => {
      const rows = tickets.map((ticket) => {
        const at = (minutes: number | null): string | null =>
          ticket.created === null || minutes === null
            ? null
            : new Date((ticket.created + minutes) * 60_000).toISOString();
        return {
          createdAt: at(0),
          firstResponseAt: at(ticket.reply),
          resolvedAt: at(
            ticket.resolve === null || ticket.reply === null ? ticket.resolve : Math.max(ticket.reply, ticket.resolve),
          ),
          priority: ticket.priority === "" ? undefined : ticket.priority,
          channel: ticket.channel,
        };
      });
      await query("DROP TABLE IF EXISTS tickets");
      await query(
        'CREATE TABLE tickets ("createdAt" TIMESTAMPTZ, "firstResponseAt" TIMESTAMPTZ, "resolvedAt" TIMESTAMPTZ, priority VARCHAR, channel VARCHAR)',
      );
      const cell = (value: string | null | undefined, stamp: boolean): string =>
        value === null || value === undefined ? "NULL" : stamp ? `TIMESTAMPTZ ${quote(value)}` : quote(value);
      await query(
        `INSERT INTO tickets VALUES ${rows.map((row) => `(${cell(row.createdAt, true)}, ${cell(row.firstResponseAt, true)}, ${cell(row.resolvedAt, true)}, ${cell(row.priority, false)}, ${cell(row.channel, false)})`).join(", ")}`,
      );
      const spec: SummarizeSpec = {
        metric: "sla",
        by: ["channel"],
        every: "week",
        timeZone: "Europe/Berlin",
        policy,
        calendar,
        asOf: "2025-04-25T12:00:00Z",
        invalid: "exclude",
      };
      const counted = await query(slaSql(spec, { dialect, table: "tickets" }));
      let fromJs: ReturnType<typeof summarize> | null = null;
      try {
        fromJs = summarize(rows, spec);
      } catch (error) {
        expect(String(error)).toMatch(/no records/);
      }
      if (fromJs === null) {
        expect(() => rowsFromSla(spec, counted as never)).toThrow(/no records/);
        return;
      }
      const fromSql = rowsFromSla(spec, counted as never);
      expect(fromSql.input).toEqual(fromJs.input);
      expect(fromSql.rows).toEqual(fromJs.rows);
    }),
    { numRuns: runs },
  );
}

/**
 * Segment columns are named as their fields in every query, names with spaces and capitals too; a name the query uses
 * itself is refused.
 */
export async function checkSegmentNames(dialect: SqlDialect, query: Query): Promise<void> {
  await query("DROP TABLE IF EXISTS named");
  await query(
    'CREATE TABLE named ("Agent Name" VARCHAR, score VARCHAR, "createdAt" TIMESTAMPTZ, "firstResponseAt" TIMESTAMPTZ, "resolvedAt" TIMESTAMPTZ)',
  );
  await query(
    "INSERT INTO named VALUES ('Ann', '10', TIMESTAMPTZ '2025-03-10 09:00:00+00', TIMESTAMPTZ '2025-03-10 09:30:00+00', NULL), ('Bo', '3', TIMESTAMPTZ '2025-03-10 09:00:00+00', NULL, NULL)",
  );
  const by = ["Agent Name"];
  const counts = await query(countsSql({ metric: "nps", by }, { dialect, table: "named" }));
  expect(Object.keys(counts[0]!)).toEqual(["Agent Name", "period", "value", "unanswered", "n"]);
  expect(
    rowsFromCounts({ metric: "nps", by }, counts as unknown as CountRow[]).rows.map(
      (row) => row.segment["Agent Name"] ?? "all",
    ),
  ).toEqual(["all", "Ann", "Bo"]);
  const durations = await query(durationsSql({ metric: "first-response", by }, { dialect, table: "named" }));
  expect(Object.keys(durations[0]!).slice(0, 2)).toEqual(["Agent Name", "period"]);
  const policy = { targets: [{ metric: "first-response" as const, minutes: 60, clock: "calendar" as const }] };
  const slaRows = await query(
    slaSql({ metric: "sla", by, policy, asOf: "2025-03-11T00:00:00Z" }, { dialect, table: "named" }),
  );
  expect(Object.keys(slaRows[0]!)[0]).toBe("Agent Name");
  for (const [make, name] of [
    [() => countsSql({ metric: "nps", by: ["Value"] }, { dialect }), "Value"],
    [() => durationsSql({ metric: "first-response", by: ["open"] }, { dialect }), "open"],
    [() => slaSql({ metric: "sla", by: ["met"], policy, asOf: "2025-03-11T00:00:00Z" }, { dialect }), "met"],
    [() => countsSql({ metric: "nps", by: ["channel", "Channel"] }, { dialect }), "Channel"],
  ] as const) {
    expect(make).toThrow(expect.objectContaining({ code: "INVALID_OPTION", value: name }));
  }
}

/**
 * A table is a name, schema-qualified or not, quoted or not, and nothing else (issue #18): quoted names with spaces and
 * quotes reach their table; a query in parentheses with a `;` (it ran a `COPY ... TO` in DuckDB) is refused before
 * any SQL exists.
 */
export async function checkTableNames(dialect: SqlDialect, query: Query): Promise<void> {
  await query('DROP SCHEMA IF EXISTS "My Schema" CASCADE');
  await query('CREATE SCHEMA "My Schema"');
  await query('CREATE TABLE "My Schema"."Survey ""2025""" (score VARCHAR, channel VARCHAR)');
  await query(`INSERT INTO "My Schema"."Survey ""2025""" VALUES ('10', 'chat'), ('3', 'chat'), ('9', NULL)`);
  const spec: SummarizeSpec = { metric: "nps", by: ["channel"] };
  const counted = await query(countsSql(spec, { dialect, table: '"My Schema"."Survey ""2025"""' }));
  // Hand count: chat has a promoter and a detractor (NPS 0); the blank channel a promoter (100); all 3 give 33.3.
  expect(
    rowsFromCounts(spec, counted as unknown as CountRow[]).rows.map((row) => [row.segment.channel ?? "all", row.n]),
  ).toEqual([
    ["all", 3],
    ["(blank)", 1],
    ["chat", 2],
  ]);
  const attack = "(SELECT 1 AS score); COPY (SELECT 42) TO '/tmp/cx-metrics-pwned.csv'; SELECT * FROM (SELECT 1)";
  for (const make of [
    () => countsSql(spec, { dialect, table: attack }),
    () => durationsSql({ metric: "first-response" }, { dialect, table: attack }),
    () =>
      slaSql(
        {
          metric: "sla",
          policy: { targets: [{ metric: "first-response", minutes: 60, clock: "business" }] },
          calendar: businessCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } }),
          asOf: "2025-03-11T00:00:00Z",
        },
        { dialect, intervals: attack },
      ),
  ])
    expect(make).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  await query('DROP SCHEMA "My Schema" CASCADE');
}

/** Weighted NPS and CSAT from SQL sums (Σw, Σw² per value) equal summarize's weighted rows; bad weights are rejected alike. */
export async function checkWeightedCounts(dialect: SqlDialect, query: Query): Promise<void> {
  await query("DROP TABLE IF EXISTS weighted");
  await query("CREATE TABLE weighted (channel VARCHAR, score VARCHAR, rating VARCHAR, w VARCHAR)");
  const rows: { channel: string; score: string; rating: string; w: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const w = i % 13 === 5 ? "0" : i % 17 === 3 ? "heavy" : String(0.25 + ((i * 37) % 19) / 4);
    rows.push({
      channel: i % 3 === 0 ? "chat" : "email",
      score: String((i * 7) % 11),
      rating: String(1 + ((i * 3) % 5)),
      w,
    });
  }
  await query(
    `INSERT INTO weighted VALUES ${rows.map((r) => `(${quote(r.channel)}, ${quote(r.score)}, ${quote(r.rating)}, ${quote(r.w)})`).join(", ")}`,
  );
  const records = rows.map((r) => ({ channel: r.channel, score: Number(r.score), rating: Number(r.rating), w: r.w }));
  for (const spec of [
    { metric: "nps", by: ["channel"], weight: "w", invalid: "exclude" },
    { metric: "csat", by: ["channel"], weight: "w", invalid: "exclude" },
  ] as SummarizeSpec[]) {
    const counted = await query(countsSql(spec, { dialect, table: "weighted" }));
    const fromSql = rowsFromCounts(spec, counted as unknown as CountRow[]);
    const fromJs = summarize(records, spec);
    expect(fromSql.input).toEqual(fromJs.input);
    expect(fromSql.rows.length).toBe(fromJs.rows.length);
    fromSql.rows.forEach((row, k) => {
      const js = fromJs.rows[k]!;
      expect(row.segment).toEqual(js.segment);
      expect(row.value).toBeCloseTo(js.value, 9);
      expect(row.se!).toBeCloseTo(js.se!, 9);
      expect(row.nEffective).toBeCloseTo(js.nEffective, 9);
      expect(row.low!).toBeCloseTo(js.low!, 9);
    });
  }
}

/**
 * Ticket metrics from SQL over an events table (status intervals by LEAD, business minutes by the interval table)
 * equal ticketMetrics' figures on random event streams, on both clocks: agent-created tickets, reopens, closes without
 * a solve, internal notes, a reply and a status change at the same instant.
 */
export async function checkTicketMetrics(dialect: SqlDialect, query: Query, runs = 20): Promise<void> {
  const calendar = businessCalendar({
    timeZone: "Europe/Berlin",
    week: {
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [
        ["09:00", "12:00"],
        ["13:00", "17:00"],
      ],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "15:30"]],
    },
    holidays: ["2025-04-18", "2025-04-21"],
  });
  await query("DROP TABLE IF EXISTS calendar_intervals");
  await query(
    calendarIntervalsTableSql(
      calendarIntervals(calendar, { from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z" }),
      { dialect },
    ),
  );
  const stepArb = fc.record({
    delta: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 1500 }) }, fc.constant(0)),
    event: fc.oneof(
      fc.record({
        type: fc.constant("status" as const),
        status: fc.constantFrom("new", "open", "pending", "hold", "solved", "closed", "open", "solved"),
      }),
      fc.record({
        type: fc.constant("comment" as const),
        author: fc.constantFrom("agent", "requester"),
        public: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
      }),
      // A cleared priority (null) and an empty one differ; U+FFFD and U+1F600 are in code-point (UTF-8 byte) order,
      // the reverse of their UTF-16 order: the rule of compareEvents, which the SQL's text order must follow.
      fc.record({
        type: fc.constant("priority" as const),
        priority: fc.constantFrom("low", "urgent", null, "", "\uFFFD", "\u{1F600}"),
      }),
    ),
  });
  // Bad events, which both paths must leave out and count alike: an unknown status, author or type, a comment without
  // its public flag, no instant, a second creation, an event before the creation (negative delta).
  const badArb = fc.record({
    delta: fc.integer({ min: -120, max: 1500 }),
    event: fc.constantFrom<Record<string, unknown>>(
      { type: "status", status: "escalated" },
      { type: "comment", author: "bot", public: true },
      { type: "comment", author: "agent", public: null },
      { type: "note" },
      { type: "status", status: "open", at: null },
      { type: "created" },
      { type: "comment", author: "requester", public: true },
    ),
  });
  const ticketArb = fc.record({
    created: fc.integer({ min: Date.UTC(2025, 2, 1) / 60_000, max: Date.UTC(2025, 4, 1) / 60_000 }),
    // A ticket without its "created" event (a history cut before it): every event of it rejected.
    uncreated: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
    opening: fc.constantFrom(null, "agent", "requester"),
    steps: fc.array(stepArb, { maxLength: 10 }),
    bad: fc.array(badArb, { maxLength: 2 }),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(ticketArb, { minLength: 1, maxLength: 6 }),
      fc.option(fc.integer({ min: Date.UTC(2025, 2, 1) / 60_000, max: Date.UTC(2025, 4, 12) / 60_000 })),
      fc.boolean(),
      fc.boolean(),
      async (tickets, asOfMinute, solveEndsNextReply, sequence) => {
        const asOf = asOfMinute === null ? undefined : new Date(asOfMinute * 60_000).toISOString();
        const events: TicketEvent[] = [];
        tickets.forEach((ticket, k) => {
          const ticketId = `t${k}`;
          const at = (minute: number): string => new Date(minute * 60_000).toISOString();
          if (!ticket.uncreated) events.push({ ticketId, at: at(ticket.created), type: "created" });
          if (ticket.opening !== null)
            events.push({ ticketId, at: at(ticket.created), type: "comment", author: ticket.opening, public: true });
          let minute = ticket.created;
          for (const step of ticket.steps) {
            minute += step.delta;
            events.push({ ticketId, at: at(minute), ...step.event } as TicketEvent);
          }
          for (const bad of ticket.bad)
            events.push({ ticketId, at: at(ticket.created + bad.delta), ...bad.event } as unknown as TicketEvent);
        });
        // With a sequence, every two events share one (so ties of one sequence are ordered by their content too):
        // the events' `sequence` for ticketMetrics, the seq column for the SQL. The rows go in reversed, so that
        // neither path can lean on the order it is given.
        const given = sequence
          ? events.map((event, k) => ({ ...event, sequence: Math.floor(k / 2) }) as TicketEvent)
          : events;
        await query("DROP TABLE IF EXISTS ticket_events");
        await query(
          'CREATE TABLE ticket_events ("ticketId" VARCHAR, "at" TIMESTAMPTZ, "type" VARCHAR, "status" VARCHAR, "author" VARCHAR, "public" BOOLEAN, "priority" VARCHAR, seq INTEGER)',
        );
        const cell = (value: unknown): string =>
          value === undefined || value === null
            ? "NULL"
            : typeof value === "boolean"
              ? String(value)
              : quote(String(value));
        await query(
          `INSERT INTO ticket_events VALUES ${[...given]
            .reverse()
            .map((e) => {
              const r = e as unknown as Record<string, unknown>;
              return `(${cell(r.ticketId)}, ${r.at === null ? "NULL" : `TIMESTAMPTZ ${quote(String(r.at))}`}, ${cell(r.type)}, ${cell(r.status)}, ${cell(r.author)}, ${cell(r.public)}, ${cell(r.priority)}, ${cell(r.sequence)})`;
            })
            .join(", ")}`,
        );
        // Numbers rounded, so that the SQL's epoch arithmetic compares with the JS's exact minutes.
        const round = (value: unknown): unknown =>
          typeof value === "number"
            ? Math.round(value * 1e6) / 1e6
            : Array.isArray(value)
              ? value.map(round)
              : value !== null && typeof value === "object"
                ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, round(inner)]))
                : value;
        for (const business of [false, true]) {
          const options = {
            dialect,
            calendar: business,
            fields: { priority: "priority", ...(sequence ? { sequence: "seq" } : {}) },
            solveEndsNextReply,
            ...(asOf === undefined ? {} : { asOf }),
          };
          const fromSql = rowsFromTicketMetricsSql(
            (await query(ticketMetricsSql(options))) as never,
            (await query(nextReplyTimesSql(options))) as never,
          );
          const fromJs = ticketMetrics(given, {
            ...(business ? { calendar } : {}),
            asOf,
            solveEndsNextReply,
            invalid: "exclude",
          });
          expect(round(fromSql.tickets)).toEqual(round(fromJs.tickets));
          // The events read = used + skipped + rejected, as ticketMetrics counts them.
          expect(fromSql.rows).toEqual(fromJs.rows);
        }
      },
    ),
    { numRuns: runs },
  );
}

/**
 * Events at one instant, by hand: ticket T (created Monday 2025-03-10 09:00 UTC) has an agent and a requester comment
 * at 09:30, and "solved" and "open" at 10:00; then pending at 10:30 and solved at 11:00. Bad events beside it (an
 * unknown status, a comment before the creation, a second creation, an event without an instant, an unknown type,
 * and ticket U's two events without a creation) are counted as rejected by both paths.
 *
 * - Each event's position as its sequence (`sequence` for ticketMetrics, `fields.sequence` for the SQL): the agent
 *   replies at 09:30 (reply time 30), the
 *   requester's comment after it starts a wait that the solve at 10:00 ends (30 min, by "solve"); the ticket is solved
 *   (first resolution 60) and reopened at once (reopens 1), open 10:00-10:30, pending 10:30-11:00, solved at 11:00
 *   (full resolution 120): requester wait = new 60 + open 30 = 90, agent wait 30, agent work 90.
 * - Without a sequence, the content order (docs/time.md): the requester's comment (before the first reply: no wait) then the agent's
 *   (reply time 30); "open" then "solved" at 10:00 (first resolution 60, no time open), pending 10:30 is a reopen,
 *   solved 11:00 (full resolution 120): requester wait 60, agent wait 30, agent work 60, no wait for a next reply. The
 *   events given (rows inserted) in reverse give the same figures in both paths.
 */
export async function checkTicketMetricsTies(dialect: SqlDialect, query: Query): Promise<void> {
  const good: TicketEvent[] = [
    { ticketId: "T", at: "2025-03-10T09:00:00Z", type: "created" },
    { ticketId: "T", at: "2025-03-10T09:30:00Z", type: "comment", author: "agent", public: true },
    { ticketId: "T", at: "2025-03-10T09:30:00Z", type: "comment", author: "requester", public: true },
    { ticketId: "T", at: "2025-03-10T10:00:00Z", type: "status", status: "solved" },
    { ticketId: "T", at: "2025-03-10T10:00:00Z", type: "status", status: "open" },
    { ticketId: "T", at: "2025-03-10T10:30:00Z", type: "status", status: "pending" },
    { ticketId: "T", at: "2025-03-10T11:00:00Z", type: "status", status: "solved" },
  ];
  const bad = [
    { ticketId: "T", at: "2025-03-10T10:15:00Z", type: "status", status: "escalated" },
    { ticketId: "T", at: "2025-03-10T08:00:00Z", type: "comment", author: "requester", public: true },
    { ticketId: "T", at: "2025-03-10T09:00:00Z", type: "created" },
    { ticketId: "T", at: null, type: "status", status: "open" },
    { ticketId: "T", at: "2025-03-10T09:45:00Z", type: "note" },
    { ticketId: "U", at: "2025-03-10T09:00:00Z", type: "status", status: "open" },
    { ticketId: "U", at: "2025-03-10T09:10:00Z", type: "comment", author: "agent", public: true },
  ] as unknown as TicketEvent[];
  const events = [...good, ...bad];
  const load = async (list: readonly TicketEvent[], sequences: readonly number[]): Promise<void> => {
    await query("DROP TABLE IF EXISTS ticket_events");
    await query(
      'CREATE TABLE ticket_events ("ticketId" VARCHAR, "at" TIMESTAMPTZ, "type" VARCHAR, "status" VARCHAR, "author" VARCHAR, "public" BOOLEAN, seq INTEGER)',
    );
    const cell = (value: unknown): string =>
      value === undefined || value === null
        ? "NULL"
        : typeof value === "boolean"
          ? String(value)
          : quote(String(value));
    await query(
      `INSERT INTO ticket_events VALUES ${list
        .map((e, k) => {
          const r = e as unknown as Record<string, unknown>;
          return `(${cell(r.ticketId)}, ${r.at === null ? "NULL" : `TIMESTAMPTZ ${quote(String(r.at))}`}, ${cell(r.type)}, ${cell(r.status)}, ${cell(r.author)}, ${cell(r.public)}, ${sequences[k]})`;
        })
        .join(", ")}`,
    );
  };
  const figures = (t: {
    replyTime: { calendar: number } | null;
    firstResolutionTime: { calendar: number } | null;
    fullResolutionTime: { calendar: number } | null;
    requesterWaitTime: { calendar: number } | null;
    agentWaitTime: { calendar: number } | null;
    agentWorkTime: { calendar: number } | null;
    reopens: number;
    replies: number;
    events: number;
    nextReplyTimes?: readonly { calendar: number | null; fulfilledBy: string | null }[];
  }) => ({
    reply: t.replyTime?.calendar,
    first: t.firstResolutionTime?.calendar,
    full: t.fullResolutionTime?.calendar,
    requesterWait: t.requesterWaitTime?.calendar,
    agentWait: t.agentWaitTime?.calendar,
    agentWork: t.agentWorkTime?.calendar,
    reopens: t.reopens,
    replies: t.replies,
    events: t.events,
    waits: (t.nextReplyTimes ?? []).map((w) => [w.calendar, w.fulfilledBy]),
  });
  const inputOrder = {
    reply: 30,
    first: 60,
    full: 120,
    requesterWait: 90,
    agentWait: 30,
    agentWork: 90,
    reopens: 1,
    replies: 1,
    events: 7,
    waits: [[30, "solve"]],
  };
  const contentOrder = { ...inputOrder, requesterWait: 60, agentWork: 60, waits: [] };
  const counts = { total: 14, used: 7, skipped: 0, excluded: 7 };
  const sql = async (options: Parameters<typeof ticketMetricsSql>[0]) =>
    rowsFromTicketMetricsSql(
      (await query(ticketMetricsSql(options))) as never,
      (await query(nextReplyTimesSql(options))) as never,
    );
  // With the sequence: each event's position orders the ties, in both paths, whatever order they are given in.
  await load(
    events,
    events.map((_, k) => k),
  );
  const sequencedEvents = events.map((event, k) => ({ ...event, sequence: k }) as TicketEvent);
  const js = ticketMetrics(sequencedEvents, { invalid: "exclude" });
  expect(js.tickets.map(figures)).toEqual([inputOrder]);
  expect(ticketMetrics([...sequencedEvents].reverse(), { invalid: "exclude" }).tickets.map(figures)).toEqual([
    inputOrder,
  ]);
  expect(js.rows).toEqual(counts);
  const sequenced = await sql({ dialect, fields: { sequence: "seq" } });
  expect(sequenced.tickets.map(figures)).toEqual([inputOrder]);
  expect(sequenced.rows).toEqual(counts);
  // Without it: the content order, whatever order the rows were inserted in (the events given in), in both paths.
  for (const list of [events, [...events].reverse()]) {
    await load(
      list,
      list.map(() => 0),
    );
    const plain = await sql({ dialect });
    expect(plain.tickets.map(figures)).toEqual([contentOrder]);
    expect(plain.rows).toEqual(counts);
    expect(ticketMetrics(list, { invalid: "exclude" }).tickets.map(figures)).toEqual([contentOrder]);
  }
  // asOf 10:45: the solve at 11:00 is skipped, not rejected.
  const asOf = await sql({ dialect, asOf: "2025-03-10T10:45:00Z" });
  expect(asOf.rows).toEqual({ total: 14, used: 6, skipped: 1, excluded: 7 });
  expect(asOf.rows).toEqual(ticketMetrics(events, { invalid: "exclude", asOf: "2025-03-10T10:45:00Z" }).rows);
  // Only bad events: no ticket, the counts still come back (one row without a ticket).
  const uncreated = bad.filter((event) => event.type !== "created");
  await load(
    uncreated,
    uncreated.map((_, k) => k),
  );
  const none = await sql({ dialect });
  expect(none.tickets).toEqual([]);
  expect(none.rows).toEqual({ total: 6, used: 0, skipped: 0, excluded: 6 });
  expect(none.rows).toEqual(ticketMetrics(uncreated, { invalid: "exclude" }).rows);
  // Zendesk's "latest" schedule is not covered: refused with a coded error.
  expect(() => ticketMetricsSql({ dialect, calendar: true, schedule: "latest" })).toThrow(
    expect.objectContaining({ code: "INVALID_OPTION", field: "schedule" }),
  );
}
