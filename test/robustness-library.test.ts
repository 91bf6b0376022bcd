// The library's part of issue #18: hostile inputs to the report, the SQL and the statistics give the right figure or a
// coded error, never a wrong segment, a hang, NaN or a TypeError. Each case failed before the fix it names.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  betaCdf,
  businessCalendar,
  businessMinutesSql,
  calendarIntervalsTableSql,
  cohortRetention,
  compareNps,
  countsSql,
  createCsatAccumulator,
  createIqsAccumulator,
  createNpsAccumulator,
  createSummary,
  csat,
  customerRetention,
  durationsSql,
  iqs,
  nps,
  npsConfidenceInterval,
  npsFromCounts,
  npsFromPercents,
  percentile,
  percentiles,
  rowsFromCounts,
  rowsFromDurations,
  revenueRetention,
  rowsFromSla,
  segmentLabel,
  slaSql,
  summarize,
  summaryFromCounts,
  trendSpec,
  type CountRow,
  type ReportRow,
  type SummarizeSpec,
} from "../src/index.js";
import { checkTableNames, type Query } from "./sql/suite.js";

/** The error a call throws (the test fails when it returns). */
function thrown(call: () => unknown): { code?: string; message: string; index?: number; name: string } {
  try {
    call();
  } catch (error) {
    return error as { code?: string; message: string; index?: number; name: string };
  }
  throw new Error("expected the call to throw");
}

const segments = (rows: readonly ReportRow[]): unknown[] =>
  rows.filter((row) => row.period === null).map((row) => [JSON.stringify(row.segment), row.n]);

function* forever<T>(value: T): Generator<T> {
  while (true) yield value;
}

const good = () => npsFromCounts({ promoters: 70, passives: 10, detractors: 20 });

const revoked = (): unknown[] => {
  const { proxy, revoke } = Proxy.revocable([9, 10], {});
  revoke();
  return proxy;
};

describe("segments named or valued __proto__, constructor, toString, hasOwnProperty (item 1)", () => {
  const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];
  // JSON.parse makes "__proto__" an own property, as a CSV or JSON reader does.
  const records = (name: string): unknown[] =>
    JSON.parse(
      JSON.stringify([
        { score: 10, x: "a" },
        { score: 0, x: "b" },
        { score: 9, x: "a" },
      ]).replaceAll('"x"', JSON.stringify(name)),
    );
  it.each(names)(
    "by %s: each segment an own property, JSON as written (hand count: a 2 promoters, b 1 detractor)",
    (name) => {
      const { rows } = summarize(records(name), { metric: "nps", by: [name] });
      expect(segments(rows)).toEqual([
        ["{}", 3],
        [`{"${name}":"a"}`, 2],
        [`{"${name}":"b"}`, 1],
      ]);
      for (const row of rows.slice(1)) {
        expect(Object.hasOwn(row.segment, name)).toBe(true);
        expect(Object.getPrototypeOf(row.segment)).toBe(Object.prototype); // a plain object
      }
      // The overall row's segment is {} and inherits nothing that looks like a value.
      expect(Object.hasOwn(rows[0]!.segment, name)).toBe(false);
    },
  );
  it.each(names)("a record without the field %s is the blank segment, never an inherited value", (name) => {
    const { rows } = summarize([{ score: 9 }, { score: 3 }], { metric: "nps", by: [name] });
    expect(segments(rows)).toEqual([
      ["{}", 2],
      [`{"${name}":"(blank)"}`, 2],
    ]);
  });
  it.each(names)("the value %s is a segment like any other text", (value) => {
    const { rows } = summarize(
      [
        { score: 9, channel: value },
        { score: 9, channel: "chat" },
      ],
      { metric: "nps", by: ["channel"] },
    );
    expect(rows.filter((row) => row.period === null).map((row) => row.segment.channel ?? "all")).toEqual(
      ["all", "chat", value].sort((a, b) => (a === "all" ? -1 : b === "all" ? 1 : a.localeCompare(b, "en"))),
    );
  });
  it("counts and durations from SQL rows give own properties too, read as own properties", () => {
    const spec: SummarizeSpec = { metric: "nps", by: ["__proto__"] };
    const counted = JSON.parse(
      '[{"__proto__":"a","period":null,"value":"10","n":2},{"period":null,"value":"0","n":1}]',
    );
    expect(segments(rowsFromCounts(spec, counted).rows)).toEqual([
      ["{}", 3],
      ['{"__proto__":"(blank)"}', 1], // the row without the cell: blank, not Object.prototype
      ['{"__proto__":"a"}', 2],
    ]);
    const durations = rowsFromDurations(
      { metric: "first-response", by: ["constructor"] },
      JSON.parse(
        '[{"constructor":"a","period":0,"g_segments":0,"g_period":0,"n":1,"open":0,"rejected":0,"mean":5,"p50":5,"p90":5},' +
          '{"constructor":"a","period":null,"g_segments":0,"g_period":1,"n":1,"open":0,"rejected":0,"mean":5,"p50":5,"p90":5},' +
          '{"constructor":null,"period":null,"g_segments":1,"g_period":1,"n":1,"open":0,"rejected":0,"mean":5,"p50":5,"p90":5}]',
      ),
    );
    expect(durations.rows.map((row) => JSON.stringify(row.segment))).toEqual(["{}", '{"constructor":"a"}']);
  });
});

describe("a value written (blank) is not a blank cell (item 2)", () => {
  const records = [
    { score: 10, channel: "" },
    { score: 10, channel: null },
    { score: 10, channel: " \t\u00a0" }, // only white space, as String.prototype.trim sees it: blank
    { score: 0, channel: "(blank)" },
    { score: 0, channel: '"(blank)"' },
  ];
  it("keeps blanks as (blank) and quotes a written (blank) once more, in summarize (hand count: 3 blanks, 1 and 1)", () => {
    const { rows } = summarize(records, { metric: "nps", by: ["channel"] });
    expect(rows.map((row) => [row.segment.channel ?? "all", row.n, row.value])).toEqual([
      ["all", 5, 20],
      ['""(blank)""', 1, -100],
      ['"(blank)"', 1, -100],
      ["(blank)", 3, 100],
    ]);
  });
  it("does the same for counts made elsewhere (summaryFromCounts: NULL is blank, text is text)", () => {
    const counted: CountRow[] = [
      { channel: null, period: null, value: "10", n: 2 },
      { channel: " ", period: null, value: "10", n: 1 },
      { channel: "(blank)", period: null, value: "0", n: 1 },
      { channel: '"(blank)"', period: null, value: "0", n: 1 },
    ];
    const fromCounts = summaryFromCounts({ metric: "nps", by: ["channel"] }, counted).result();
    expect(fromCounts.rows).toEqual(summarize(records, { metric: "nps", by: ["channel"] }).rows);
  });
  it("does the same for durations and SLA rows from SQL", () => {
    // The rows of the durations query's four grouping sets, a ticket of 5 minutes in each segment (hand-made).
    const durationRow = (channel: string | null, gSegments: number, gPeriod: number, n: number) => ({
      channel,
      period: gPeriod === 1 ? null : 0,
      g_segments: gSegments,
      g_period: gPeriod,
      n,
      open: 0,
      rejected: 0,
      mean: 5,
      p50: 5,
      p90: 5,
    });
    const durations = rowsFromDurations({ metric: "first-response", by: ["channel"] }, [
      durationRow(null, 0, 0, 1),
      durationRow("(blank)", 0, 0, 1),
      durationRow(null, 0, 1, 1),
      durationRow("(blank)", 0, 1, 1),
      durationRow(null, 1, 0, 2),
      durationRow(null, 1, 1, 2),
    ]);
    expect(durations.rows.map((row) => row.segment.channel ?? "all")).toEqual(["all", '"(blank)"', "(blank)"]);
    const policy = { targets: [{ metric: "first-response" as const, minutes: 60, clock: "calendar" as const }] };
    const sla = rowsFromSla({ metric: "sla", by: ["channel"], policy, asOf: "2025-03-01T00:00:00Z" }, [
      { channel: null, period: 0, met: 1, breached: 0, pending: 0, used: 1, rejected: 0 },
      { channel: "(blank)", period: 0, met: 0, breached: 1, pending: 0, used: 1, rejected: 0 },
    ]);
    expect(sla.rows.map((row) => [row.segment.channel ?? "all", row.value])).toEqual([
      ["all", 50],
      ['"(blank)"', 0],
      ["(blank)", 100],
    ]);
  });
  it("writes SQL that makes only blank cells NULL: JavaScript's white space, by chr() codes", () => {
    // countsSql passes segments as written (rowsFromCounts reads them as summarize does and merges); the durations,
    // whose percentiles cannot be merged afterwards, group by the segment as summarize reads it.
    expect(countsSql({ metric: "nps", by: ["channel"] }, { dialect: "duckdb", table: "survey" })).toContain(
      'CAST("channel" AS VARCHAR)',
    );
    const sql = durationsSql({ metric: "first-response", by: ["channel"] }, { dialect: "duckdb", table: "tickets" });
    expect(sql).toContain("THEN NULL ELSE nfc_normalize(");
    expect(sql).not.toContain("'(blank)'");
    // Every code point String.prototype.trim removes, and no other, is in the SQL's set (hand-listed there).
    const trimmed: number[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if ((code < 0xd800 || code > 0xdfff) && String.fromCharCode(code).trim() === "") trimmed.push(code);
    const inSql = [...sql.slice(0, sql.indexOf(") = ''")).matchAll(/chr\((\d+)\)/g)].map((match) => Number(match[1]));
    expect(inSql).toEqual(trimmed);
  });
});

describe("composed and decomposed text, and the order of segments (item 3)", () => {
  it("makes a composed and a decomposed é one segment (NFC)", () => {
    const { rows } = summarize(
      [
        { score: 10, city: "Mont\u00e9limar" },
        { score: 0, city: "Monte\u0301limar" },
      ],
      { metric: "nps", by: ["city"] },
    );
    expect(segments(rows)).toEqual([
      ["{}", 2],
      ['{"city":"Mont\u00e9limar"}', 2],
    ]);
  });
  it("orders segments the same whatever order the records come in, where the collation sees a tie", () => {
    // "a\u00adb" (a soft hyphen, ignored by the collation) and "ab" compare equal under localeCompare.
    expect("a\u00adb".localeCompare("ab", "en")).toBe(0);
    const values = ["ab", "a\u00adb", "b", "A", "a", "\u00e9", "e", "Z"];
    const order = (list: string[]) =>
      summarize(
        list.map((value) => ({ score: 9, v: value })),
        { metric: "nps", by: ["v"] },
      )
        .rows.slice(1)
        .map((row) => row.segment.v);
    const forward = order(values);
    expect(order([...values].reverse())).toEqual(forward);
    expect(forward).toEqual(["a", "A", "ab", "a\u00adb", "b", "e", "\u00e9", "Z"]);
  });
});

describe("maxGroups: memory with many segments (item 4)", () => {
  it("stops at the record that would start group 100,001 by default, saying how many and what to do", () => {
    const builder = createSummary({ metric: "nps", by: ["id"], invalid: "exclude" });
    for (let i = 0; i < 100_000; i++) builder.add({ id: i, score: 9 });
    const error = thrown(() => builder.add({ id: "one more", score: 9 }));
    expect(error.code).toBe("TOO_MANY_GROUPS");
    expect(error.index).toBe(100_000);
    expect(error.message).toContain("group 100,001");
    expect(error.message).toContain("maxGroups (100,000");
    expect(error.message).toContain("raise maxGroups");
    // The builder is as before the record: a known segment still adds, and the counts add up.
    builder.add({ id: 7, score: 0 });
    expect(builder.result().input).toEqual({ read: 100_001, used: 100_001, unanswered: 0, rejected: 0 });
  }, 30_000);
  it("counts segment × period groups, under either policy, for records, counts and merged states", () => {
    const spec: SummarizeSpec = { metric: "nps", by: ["channel"], every: "month", maxGroups: 3, invalid: "exclude" };
    const records = [
      { channel: "chat", score: 9, respondedAt: "2025-01-05T00:00:00Z" },
      { channel: "chat", score: 9, respondedAt: "2025-02-05T00:00:00Z" },
      { channel: "mail", score: 9, respondedAt: "2025-01-05T00:00:00Z" },
      { channel: "mail", score: 9, respondedAt: "2025-02-05T00:00:00Z" }, // group 4
    ];
    const error = thrown(() => summarize(records, spec));
    expect(error.code).toBe("TOO_MANY_GROUPS");
    expect(error.index).toBe(3);
    expect(error.message).toContain('segment {"channel":"mail"}, period 2025-02');
    expect(summarize(records, { ...spec, maxGroups: 4 }).input.used).toBe(4);
    expect(summarize(records, { ...spec, maxGroups: Number.POSITIVE_INFINITY }).input.used).toBe(4);
    const state = createNpsAccumulator().addCount(9, 2).toJSON();
    const counted = createSummary({ ...spec, maxGroups: 1 }).addCounted(["chat"], 660, state, 2);
    expect(thrown(() => counted.addCounted(["mail"], 660, state, 2)).code).toBe("TOO_MANY_GROUPS");
    const full = createSummary({ ...spec, maxGroups: 4 });
    for (const record of records) full.add(record);
    expect(thrown(() => createSummary(spec).merge(full.state())).code).toBe("TOO_MANY_GROUPS");
    for (const bad of [0, -1, 2.5, Number.NaN, "10"])
      expect(thrown(() => createSummary({ metric: "nps", maxGroups: bad as number })).code).toBe("INVALID_OPTION");
  });
  it("caps cohort triangles: weekly cohorts over 15,000 periods stop before the triangle is built", () => {
    // One customer a week from 1910: 15,000 cohorts, 15,000 × 15,001 / 2 = 112,507,500 cells (1.8 GB before).
    const activity = Array.from({ length: 15_000 }, (_, w) => ({
      customerId: `c${w}`,
      date: new Date(Date.UTC(1910, 0, 3) + w * 7 * 86_400_000).toISOString(),
    }));
    const error = thrown(() => cohortRetention(activity, { period: "week" }));
    expect(error.code).toBe("TOO_MANY_GROUPS");
    expect(error.message).toContain("112,507,500 cells");
    // Within the cap (a week of 1,413: 1,413 × 1,414 / 2 = 999,891 cells) it runs.
    const small = cohortRetention(activity.slice(0, 1413), { period: "week" });
    expect(small.cohorts).toHaveLength(1413);
    expect(thrown(() => cohortRetention(activity.slice(0, 1414), { period: "week" })).code).toBe("TOO_MANY_GROUPS");
    expect(cohortRetention(activity.slice(0, 1414), { period: "week", maxCells: 1_000_405 }).cohorts).toHaveLength(
      1414,
    );
  });
});

describe("SQL table names (item 5)", () => {
  const spec: SummarizeSpec = { metric: "nps", by: ["channel"] };
  const policy = { targets: [{ metric: "first-response" as const, minutes: 60, clock: "business" as const }] };
  const calendar = businessCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } });
  const slaSpec: SummarizeSpec = { metric: "sla", policy, calendar, asOf: "2025-03-01T00:00:00Z" };
  it.each([
    ["survey", '"survey"'],
    ["analytics.survey", '"analytics"."survey"'],
    ['"My Schema"."t"', '"My Schema"."t"'],
    ['a."b""c"', '"a"."b""c"'],
    ["warehouse.analytics.survey", '"warehouse"."analytics"."survey"'],
    ["Übersicht_2025", '"Übersicht_2025"'],
    [" survey ", '"survey"'],
  ])("accepts %s as %s", (table, quoted) => {
    expect(countsSql(spec, { dialect: "duckdb", table })).toContain(`FROM ${quoted}) AS rows_read`);
  });
  it.each([
    "(SELECT 1); COPY (SELECT 42) TO '/tmp/x.csv'",
    "(SELECT * FROM survey)",
    "survey; DROP TABLE survey",
    "survey -- comment",
    "survey/**/",
    "My Table",
    "a.b.c.d",
    "a..b",
    ".a",
    "a.",
    '"unclosed',
    '"a"b',
    '""',
    '"a\u0000b"',
    "",
    "   ",
    "read_csv('/etc/passwd')",
  ])("refuses %j in every option that names a table", (table) => {
    for (const make of [
      () => countsSql(spec, { dialect: "duckdb", table }),
      () => countsSql(spec, { dialect: "postgres", table }),
      () => durationsSql({ metric: "first-response" }, { dialect: "duckdb", table }),
      () => durationsSql({ metric: "first-response" }, { dialect: "postgres", intervals: table }),
      () => slaSql(slaSpec, { dialect: "duckdb", table }),
      () => slaSql(slaSpec, { dialect: "postgres", intervals: table }),
      () => businessMinutesSql({ dialect: "duckdb", table, start: "s", end: "e" }),
      () => businessMinutesSql({ dialect: "duckdb", table: "t", start: "s", end: "e", intervals: table }),
      () => calendarIntervalsTableSql([], { dialect: "postgres", table }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe("INVALID_OPTION");
      expect(error.message).toMatch(/expected a table or view name/);
    }
  });
  it("refuses a table that is not text, and interval rows that would carry SQL", () => {
    expect(thrown(() => countsSql(spec, { dialect: "duckdb", table: 42 as never })).code).toBe("INVALID_OPTION");
    const forged = [
      { start: "2025-01-01T00:00:00Z'); DROP TABLE t; --", end: "2025-01-01T08:00:00Z", minutesBefore: 0 },
    ];
    expect(thrown(() => calendarIntervalsTableSql(forged, { dialect: "duckdb" })).code).toBe("INVALID_ARGUMENT");
    const notNumber = [{ start: "2025-01-01T00:00:00Z", end: "2025-01-01T08:00:00Z", minutesBefore: "0); DROP" }];
    expect(thrown(() => calendarIntervalsTableSql(notNumber as never, { dialect: "duckdb" })).code).toBe(
      "INVALID_ARGUMENT",
    );
  });
  describe("in DuckDB", () => {
    let connection: DuckDBConnection;
    const query: Query = async (sql) =>
      (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    beforeAll(async () => {
      connection = await (await DuckDBInstance.create(":memory:")).connect();
    });
    afterAll(() => connection?.closeSync());
    it("reads a quoted, schema-qualified table and runs no query given as a table", async () => {
      await checkTableNames("duckdb", query);
    });
  });
});

describe("inputs that cannot be read, or never end (item 6)", () => {
  it("refuses array-likes with a length that is not a count, with a coded error", () => {
    for (const length of [-1, 2.5, Number.NaN, 1e10, 2 ** 53])
      expect(thrown(() => percentile({ length } as never, 50)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => nps({ length: -1 } as never)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => summarize({ length: -1 } as never, { metric: "nps" })).code).toBe("INVALID_ARGUMENT");
    // A valid array-like is read as before.
    expect(percentile({ length: 3, 0: 1, 1: 2, 2: 3 } as never, 50)).toBe(2);
  });
  it("stops an endless generator at 2^24 values with TOO_MANY_VALUES (percentile, nps, csat, summarize)", () => {
    for (const call of [
      () => percentile(forever(1), 50),
      () => percentiles(forever(1), [50]),
      () => nps(forever(9)),
      () => csat(forever(4)),
      () => summarize(forever({ score: 9 }), { metric: "nps" }),
    ]) {
      const error = thrown(call);
      expect(error.code).toBe("TOO_MANY_VALUES");
      expect(error.message).toContain("16,777,216");
    }
  }, 60_000);
  it("reads finite collections as before: a Set, a Map's values, a generator that ends", () => {
    expect(percentile(new Set([1, 2, 3, 4]), 50)).toBe(2.5); // numpy.percentile([1, 2, 3, 4], 50) = 2.5
    expect(nps(new Map([["a", 10]]).values()).score).toBe(100);
    function* three() {
      yield { score: 10 };
      yield { score: 0 };
      yield { score: 9 };
    }
    expect(summarize(three(), { metric: "nps" }).rows[0]!.value).toBeCloseTo(100 / 3, 12); // 2 promoters, 1 detractor of 3
  });
  it("gives a coded error for a revoked Proxy, as the input or as one record, never a TypeError", () => {
    for (const call of [
      () => percentile(revoked() as number[], 50),
      () => nps(revoked() as number[]),
      () => csat(revoked() as number[]),
      () => summarize(revoked(), { metric: "nps" }),
      () => cohortRetention(revoked() as never, { period: "month" }),
      () =>
        iqs(revoked() as never, {
          criteria: [{ id: "a", weight: 1, scale: "1-5" }],
        }),
    ]) {
      const error = thrown(call);
      expect(error.name).toBe("CxMetricsError");
      expect(error.code).toBe("INVALID_ARGUMENT");
    }
    const record = revoked();
    expect(thrown(() => summarize([record], { metric: "nps", by: ["channel"] })).code).toBe("INVALID_ARGUMENT");
    const excluded = summarize([record, { score: 9 }], { metric: "nps", invalid: "exclude" });
    expect(excluded.input).toEqual({ read: 2, used: 1, unanswered: 0, rejected: 1 });
    expect(excluded.exclusions[0]).toMatchObject({ index: 0, code: "INVALID_ARGUMENT" });
  });
});

describe("objects that cannot be read, as arguments, options and states (item 6)", () => {
  const card = { criteria: [{ id: "a", weight: 1, scale: "1-5" as const }] };
  const policy = { targets: [{ metric: "first-response" as const, minutes: 60, clock: "calendar" as const }] };
  it.each<[string, () => unknown]>([
    ["percentile options", () => percentile([1, 2], 50, revoked() as never)],
    ["percentiles' list", () => percentiles([1, 2], revoked() as never)],
    ["npsFromCounts", () => npsFromCounts(revoked() as never)],
    ["npsFromPercents", () => npsFromPercents(revoked() as never)],
    ["npsConfidenceInterval", () => npsConfidenceInterval(revoked() as never)],
    ["compareNps", () => compareNps(good(), revoked() as never)],
    ["createNpsAccumulator's state", () => createNpsAccumulator(revoked() as never)],
    ["an NPS accumulator's merge", () => createNpsAccumulator().merge(revoked() as never)],
    ["a CSAT accumulator's merge", () => createCsatAccumulator().merge(revoked() as never)],
    ["an IQS scorecard", () => iqs([], revoked() as never)],
    ["an IQS accumulator's merge", () => createIqsAccumulator(card).merge(revoked() as never)],
    ["an IQS review", () => iqs([revoked() as never], card)],
    ["a cohort activity record", () => cohortRetention([revoked() as never], { period: "month" })],
    ["cohortRetention options", () => cohortRetention([], revoked() as never)],
    ["customerRetention", () => customerRetention(revoked() as never)],
    ["revenueRetention", () => revenueRetention(revoked() as never)],
    ["a summarize spec", () => summarize([], revoked() as never)],
    ["a state to merge", () => createSummary({ metric: "nps" }).merge(revoked() as never)],
    ["countsSql's spec", () => countsSql(revoked() as never, { dialect: "duckdb" })],
    ["countsSql's options", () => countsSql({ metric: "nps" }, revoked() as never)],
    ["a counts row", () => rowsFromCounts({ metric: "nps" }, [revoked() as never])],
    ["a durations row", () => rowsFromDurations({ metric: "first-response" }, [revoked() as never])],
    ["an SLA row", () => rowsFromSla({ metric: "sla", policy, asOf: "2025-03-01T00:00:00Z" }, [revoked() as never])],
    ["the SLA rows", () => rowsFromSla({ metric: "sla", policy, asOf: "2025-03-01T00:00:00Z" }, revoked() as never)],
    ["trendSpec's rows", () => trendSpec(revoked() as never)],
    ["a row of trendSpec", () => trendSpec([revoked() as never])],
    ["segmentLabel", () => segmentLabel(revoked() as never)],
  ])("%s: INVALID_ARGUMENT, not a TypeError", (_, call) => {
    const error = thrown(call);
    expect(error.name).toBe("CxMetricsError");
    expect(error.code).toBe("INVALID_ARGUMENT");
  });
  it("leaves a bad row out under invalid: exclude in the batch functions", () => {
    const reviews = iqs([revoked() as never, { ratings: { a: 5 } }], card, { invalid: "exclude" });
    expect([reviews.rows.excluded, reviews.iqs]).toEqual([1, 100]); // the one good review, rated 5 of 1-5
  });
  it("refuses junk rows in the chart helpers with a coded error", () => {
    expect(thrown(() => trendSpec([1, 2] as never)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => trendSpec("rows" as never)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => segmentLabel({} as never)).code).toBe("INVALID_ARGUMENT");
  });
  it("checks a whole state before merging any of it: a bad one leaves the builder as it was", () => {
    const builder = createSummary({ metric: "nps", by: ["channel"] });
    builder.add({ channel: "chat", score: 10 });
    const before = JSON.stringify(builder.state());
    const forged = [
      { segments: 5, read: 1, used: 1, exclusions: [] },
      { segments: [{ values: [], periods: [] }], read: 1, used: 1, exclusions: [] },
      { segments: [], read: 1, used: 2, exclusions: [] },
      {
        segments: [
          { values: ["mail"], periods: [[0, { kind: "nps", promoters: 1, passives: 0, detractors: 0 }]] },
          { values: ["web"], periods: [[0, { kind: "nps", promoters: -1, passives: 0, detractors: 0 }]] },
        ],
        read: 1,
        used: 1,
        exclusions: [],
      },
    ];
    for (const state of forged) {
      const error = thrown(() => builder.merge(state as never));
      expect(["INVALID_ARGUMENT", "INVALID_COUNT"]).toContain(error.code);
      expect(JSON.stringify(builder.state())).toBe(before);
    }
    const limited = createSummary({ metric: "nps", by: ["channel"], maxGroups: 2 });
    limited.add({ channel: "chat", score: 10 });
    const two = createSummary({ metric: "nps", by: ["channel"] });
    two.add({ channel: "mail", score: 9 });
    two.add({ channel: "web", score: 9 });
    expect(thrown(() => limited.merge(two)).message).toContain("would start group 3");
    expect(limited.result().input.read).toBe(1);
  });
});

describe("IQS with extreme weights (item 6)", () => {
  const reviews = [{ ratings: { solution: 5, greeting: 0 } }];
  const card = (w1: number, w2: number) => ({
    criteria: [
      { id: "solution", weight: w1, scale: "1-5" as const },
      { id: "greeting", weight: w2, scale: "binary" as const },
    ],
  });
  it("gives the figure of the weights' ratio, 1e308 : 1e307 as 10 : 1 (hand: 10 × 1 + 1 × 0 of 11 = 90.909...%)", () => {
    expect(iqs(reviews, card(10, 1)).iqs).toBeCloseTo((100 * 10) / 11, 12);
    expect(iqs(reviews, card(1e308, 1e307)).iqs).toBeCloseTo((100 * 10) / 11, 12);
    // Subnormal weights: as doubles 1e-320 and 1e-321 are 2024 and 202 units of 2^-1074 (Python Fraction), so
    // 100 × 2024 / 2226 = 90.925...%; before, their products lost those digits.
    expect(iqs(reviews, card(1e-320, 1e-321)).iqs).toBeCloseTo((100 * 2024) / 2226, 12);
    expect(iqs(reviews, card(5e-324, 5e-324)).iqs).toBe(50); // equal weights: (1 + 0) / 2
  });
  it("refuses weights that add up past the largest double, instead of NaN", () => {
    const error = thrown(() => iqs(reviews, card(1e308, 1e308)));
    expect(error.code).toBe("INVALID_SCORECARD");
    expect(error.message).toContain("weights are relative");
  });
});

describe("betaCdf with huge shapes (item 6)", () => {
  it("is 0.5 at the mean of a symmetric Beta, up to the largest shapes (was NaN)", () => {
    for (const a of [1e9, 1e11, 1e15, 1e300, 1e308]) expect(betaCdf(0.5, a, a)).toBeCloseTo(0.5, 12);
  });
  it.each([
    // R 4.x: sprintf("%.17g", pbeta(x, a, b)); SciPy 1.17 betainc agrees to 1e-14.
    [0.2499, 1e7, 3e7, 0.072054044129011494, 1e-12],
    [0.25, 1e7, 3e7, 0.50002427885410872, 1e-12],
    [0.4999, 2e7, 2e7, 0.10295160451574674, 1e-12],
    [0.50001, 1e9, 1e9, 0.81445331523124576, 1e-10], // a double x near 0.5 is known to ±1e-7 sd here
  ])("betaCdf(%d, %d, %d) matches R's pbeta %d", (x, a, b, expected, tolerance) => {
    expect(Math.abs(betaCdf(x, a, b) - expected)).toBeLessThan(tolerance);
  });
  it.each([
    // R 4.x pbeta; the old complement's continued fraction was 6.1e-8 off at the first, 1.0e-9 at the third.
    [5.2121320077649749e-9, 50, 1e10, 0.63414740876606879],
    [6.414213526766494e-9, 50, 1e10, 0.97019350920188807],
    [5.9453673960045945e-9, 2.176497123134373, 888394805.933795, 0.95930668846464262],
  ])("just above a small mean (a ≪ b): betaCdf(%d, %d, %d) matches R's pbeta %d to 1e-14", (x, a, b, expected) => {
    expect(Math.abs(betaCdf(x, a, b) - expected)).toBeLessThan(1e-14);
  });
  it("stays in 0-1 and monotone for shapes near the largest double, one shape small or both huge", () => {
    for (const [a, b] of [
      [1, 1e308],
      [1e308, 1],
      [10, 1e300],
      [1e300, 1e308],
      [1e308, 1e308],
    ] as const) {
      let previous = 0;
      for (const x of [1e-320, 1e-300, 1e-10, 0.1, 0.5, 0.9, 1 - 1e-16]) {
        const value = betaCdf(x, a, b);
        expect(value).toBeGreaterThanOrEqual(previous);
        expect(value).toBeLessThanOrEqual(1);
        previous = value;
      }
    }
  });
});

describe("npsConfidenceInterval and compareNps refuse forged inputs (item 6)", () => {
  const good = npsFromCounts({ promoters: 70, passives: 10, detractors: 20 });
  it("accepts a result as it came out, and counts alone", () => {
    expect(npsConfidenceInterval(good).n).toBe(100);
    expect(
      npsConfidenceInterval(npsFromPercents({ promoterPercent: 75, detractorPercent: 20 }, { total: 100 })).n,
    ).toBe(100);
    expect(
      npsConfidenceInterval(npsFromPercents({ promoterPercent: 33.3, detractorPercent: 20 }, { total: 7 })).n,
    ).toBe(7);
  });
  it.each([
    ["a score the counts do not give", { ...good, score: 90 }, "INCONSISTENT_COUNTS"],
    ["a total that is not their sum", { ...good, total: 10 }, "INCONSISTENT_COUNTS"],
    ["a promoter share that does not follow", { ...good, promoterPercent: 10 }, "INCONSISTENT_COUNTS"],
    ["a text score", { ...good, score: "50" }, "INCONSISTENT_COUNTS"],
    ["negative counts", { promoters: -1, passives: 5, detractors: 2 }, "INVALID_COUNT"],
    ["fractional counts without shares", { promoters: 1.5, passives: 5, detractors: 2 }, "INVALID_COUNT"],
    [
      "shares adding up past 100",
      { promoterPercent: 80, detractorPercent: 50, passivePercent: 0, score: 30, total: 10 },
      "INVALID_PERCENT",
    ],
    ["a negative share", { promoterPercent: -10, detractorPercent: 5, total: 10 }, "INVALID_PERCENT"],
    ["a NaN share", { promoterPercent: Number.NaN, detractorPercent: 5, total: 10 }, "INVALID_PERCENT"],
    ["a negative total", { promoterPercent: 50, detractorPercent: 20, total: -3.5 }, "INVALID_COUNT"],
    [
      "estimated counts that do not follow from the shares",
      { ...npsFromPercents({ promoterPercent: 33.3, detractorPercent: 20 }, { total: 7 }), promoters: 5 },
      "INCONSISTENT_COUNTS",
    ],
  ])("refuses %s", (_, input, code) => {
    expect(thrown(() => npsConfidenceInterval(input as never)).code).toBe(code);
    expect(thrown(() => compareNps(input as never, good)).code).toBe(code);
  });
});
