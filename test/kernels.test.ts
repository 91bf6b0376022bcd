import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  businessCalendar,
  ces,
  cesFromCounts,
  createCesAccumulator,
  createCsatAccumulator,
  createIqsAccumulator,
  createNpsAccumulator,
  createServiceTimeAccumulator,
  createSlaAccumulator,
  createSummary,
  csat,
  csatFromCounts,
  csatRule,
  durationStats,
  firstResponseTime,
  iqs,
  isNpsScore,
  npsGroup,
  resolutionTime,
  serviceClock,
  sla,
  slaRule,
  slaTally,
  summarize,
  summaryFromCounts,
  type Interaction,
  type Scorecard,
  type SlaPolicy,
  type CsatResult,
  type SummarizeResult,
  type SummarizeSpec,
} from "../src/index.js";

// The kernels: one rule per metric, run one observation at a time. Their expected values are the
// batch functions' (themselves checked against the sources' worked examples, R and hand
// calculations in their own tests), and hand calculations written out below.

const splitAt = <T>(values: readonly T[], cut: number): [T[], T[]] => {
  const k = Math.min(values.length, Math.max(0, Math.floor(cut * values.length)));
  return [values.slice(0, k), values.slice(k)];
};

/** A batch result's figures, without what the batch read (rows, unanswered, exclusions): what an accumulator gives. */
function figuresOf<T extends { rows: unknown; unanswered: unknown; exclusions: unknown }>(
  result: T,
): Omit<T, "rows" | "unanswered" | "exclusions"> {
  const { rows: _rows, unanswered: _unanswered, exclusions: _exclusions, ...figures } = result;
  return figures;
}

describe("NPS rule and accumulator", () => {
  it("groups 9-10 / 7-8 / 0-6 (UA-agency, Osipov, Quality-mgmt) and reads only integers 0-10", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
    expect([0, 10, 9.5, -1, 11, "9", Number.NaN].map(isNpsScore)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it("npsGroup refuses a value that is not an NPS answer with INVALID_SCORE (it gave NaN and '9' the group detractor)", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 11, 8.5, "9", null, undefined, {}]) {
      expect(() => npsGroup(bad as never)).toThrow(expect.objectContaining({ code: "INVALID_SCORE", fn: "npsGroup" }));
    }
  });
  it("addCount gives Osipov's worked example: 70 promoters, 10 passives, 20 detractors → NPS 50", () => {
    const result = createNpsAccumulator().addCount(10, 70).addCount(8, 10).addCount(3, 20).result();
    expect(result.score).toBe(50);
  });
  it("addCount(score, k) equals k adds; bad counts and scores are coded errors", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 50 }), (score, k) => {
        const one = createNpsAccumulator();
        for (let i = 0; i < k; i++) one.add(score);
        expect(createNpsAccumulator().addCount(score, k).toJSON()).toEqual(one.toJSON());
      }),
    );
    expect(() => createNpsAccumulator().addCount(9, -1)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => createNpsAccumulator().addCount(9, 1.5)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    expect(() => createNpsAccumulator().addCount(11, 2)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
  });
});

const csatCases = [
  { options: {}, ratings: fc.integer({ min: 1, max: 5 }) },
  { options: { scale: "1-10", mode: "good-bad" } as const, ratings: fc.integer({ min: 1, max: 10 }) },
  {
    options: { scale: "smiley-3" } as const,
    ratings: fc.constantFrom<number | string>("negative", "neutral", "positive", 1, 3, 5),
  },
  { options: { scale: { min: 0, max: 4 }, satisfiedFrom: 3 }, ratings: fc.integer({ min: 0, max: 4 }) },
];

describe("CSAT rule and accumulator", () => {
  it("compiles the scale's defaults once: 4 and 2 on 1-5 (UA-agency), 9 and 6 on 1-10 (Osipov)", () => {
    expect(csatRule()).toMatchObject({ satisfiedFrom: 4, dissatisfiedTo: 2, mode: "top-box" });
    expect(csatRule({ scale: "1-10" })).toMatchObject({ satisfiedFrom: 9, dissatisfiedTo: 6 });
    expect(csatRule({ scale: "smiley-3" }).accepts("neutral")).toBe(true);
    expect(csatRule({ scale: "smiley-3" }).accepts(2)).toBe(false);
    expect(() => csatRule({ scale: "1-7" as never })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  });
  it("one rating at a time, merged in two parts, restored from JSON or from counts: the same result as csat()", () => {
    for (const { options, ratings } of csatCases) {
      fc.assert(
        fc.property(
          fc.array(ratings, { minLength: 1, maxLength: 200 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (list, cut) => {
            let expected: CsatResult;
            try {
              expected = figuresOf(csat(list as number[], options));
            } catch (error) {
              expect(error).toMatchObject({ code: "EMPTY_INPUT" }); // good-bad with neutral ratings only
              return;
            }
            const [a, b] = splitAt(list, cut);
            const first = createCsatAccumulator(options);
            for (const rating of a) first.add(rating);
            const second = createCsatAccumulator(options);
            for (const rating of b) second.add(rating);
            expect(first.merge(second).result()).toEqual(expected);
            const restored = createCsatAccumulator(options, JSON.parse(JSON.stringify(first.toJSON())));
            expect(restored.result()).toEqual(expected);
            const counts = new Map<number | string, number>();
            for (const rating of list) counts.set(rating, (counts.get(rating) ?? 0) + 1);
            expect(
              csatFromCounts(
                [...counts].map(([value, count]) => ({ value, count })),
                options,
              ),
            ).toEqual(expected);
          },
        ),
        { numRuns: 60 },
      );
    }
  });
  it("a hand calculation: 5, 4, 2 then 3 → 2 satisfied (4-5) of 4 = 50 %, mean 14 / 4 = 3.5", () => {
    const result = createCsatAccumulator().add(5).add(4).add(2).merge(createCsatAccumulator().addCount(3, 1)).result();
    expect(result).toMatchObject({ percent: 50, satisfied: 2, total: 4, mean: 3.5 });
  });
  it("bad ratings, counts and states are coded errors", () => {
    expect(() => createCsatAccumulator().add(6)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
    expect(() => createCsatAccumulator({ scale: "smiley-3" }).add("happy")).toThrow(
      expect.objectContaining({ code: "INVALID_LABEL" }),
    );
    expect(() => createCsatAccumulator().addCount(5, -2)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
    const tenPoint = createCsatAccumulator({ scale: "1-10" }).add(9).toJSON();
    expect(() => createCsatAccumulator({}, tenPoint)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => createCsatAccumulator().merge({ kind: "nps" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => csatFromCounts("5,4" as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => csatFromCounts([null as never])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => createCsatAccumulator().result()).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("CES accumulator", () => {
  it("equals ces() over the same ratings, merged or from counts, on both scales and ends", () => {
    const options = [{}, { scale: "1-5" as const }, { easyEnd: "low" as const }];
    for (const option of options) {
      const max = option.scale === "1-5" ? 5 : 7;
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max }), { minLength: 1, maxLength: 200 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (list, cut) => {
            const expected = figuresOf(ces(list, option));
            const [a, b] = splitAt(list, cut);
            const first = createCesAccumulator(option);
            for (const rating of a) first.add(rating);
            const second = createCesAccumulator(option);
            for (const rating of b) second.add(rating);
            expect(first.merge(second.toJSON()).result()).toEqual(expected);
            const counts = new Map<number, number>();
            for (const rating of list) counts.set(rating, (counts.get(rating) ?? 0) + 1);
            expect(
              cesFromCounts(
                [...counts].map(([value, count]) => ({ value, count })),
                option,
              ),
            ).toEqual(expected);
          },
        ),
        { numRuns: 60 },
      );
    }
  });
  it("a hand calculation: 7 × 30, 5 × 40, 2 × 30 → easy (5-7) 70 of 100 = 70 %", () => {
    expect(
      cesFromCounts([
        { value: 7, count: 30 },
        { value: 5, count: 40 },
        { value: 2, count: 30 },
      ]).easyPercent,
    ).toBe(70);
    expect(() => createCesAccumulator().add(8)).toThrow(expect.objectContaining({ code: "INVALID_SCORE" }));
  });
});

const scorecard: Scorecard = {
  criteria: [
    { id: "greeting", weight: 1, scale: "binary" },
    { id: "solution", weight: 3, scale: "1-5", allowNa: true },
    { id: "gdpr", weight: 1, scale: "binary", critical: true, allowNa: true },
  ],
};
const reviews = fc.array(
  fc.record({
    ratings: fc.record({
      greeting: fc.boolean(),
      solution: fc.option(fc.integer({ min: 1, max: 5 })),
      gdpr: fc.option(fc.boolean()),
    }),
  }),
  { minLength: 1, maxLength: 80 },
);

describe("IQS accumulator", () => {
  it("equals iqs() and the two-pass standard deviation, in one pass or merged from two parts", () => {
    fc.assert(
      fc.property(reviews, fc.double({ min: 0, max: 1, noNaN: true }), (list, cut) => {
        const batch = iqs(list, scorecard);
        const [a, b] = splitAt(list, cut);
        const first = createIqsAccumulator(scorecard);
        for (const review of a) first.add(review);
        const second = createIqsAccumulator(scorecard);
        for (const review of b) second.add(review);
        const result = first.merge(second).result();
        expect(result.n).toBe(batch.n);
        expect(result.unscored).toBe(batch.unscored);
        expect(result.criticalFails).toBe(batch.criticalFails);
        expect(result.iqs).toBeCloseTo(batch.iqs, 10);
        // The sample standard deviation written out: sqrt(Σ (x - mean)² / (n - 1)), in percent.
        const scores = batch.perReview.map((review) => review.score).filter((score): score is number => score !== null);
        const mean = scores.reduce((sum, x) => sum + x, 0) / scores.length;
        const sd =
          scores.length > 1 ? Math.sqrt(scores.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (scores.length - 1)) : 0;
        expect(result.standardDeviation).toBeCloseTo(sd, 9);
      }),
      { numRuns: 100 },
    );
  });
  it("a hand calculation: reviews scoring 1 and 0.5 → IQS 75, SD sqrt(((100-75)² + (50-75)²) / 1) = 35.355...", () => {
    const accumulator = createIqsAccumulator({ criteria: [{ id: "solution", weight: 1, scale: "1-5" }] });
    accumulator.add({ ratings: { solution: 5 } });
    accumulator.add({ ratings: { solution: 3 } });
    expect(accumulator.result().iqs).toBe(75);
    expect(accumulator.result().standardDeviation).toBeCloseTo(Math.sqrt(1250), 12);
    expect(() => accumulator.merge({ kind: "iqs", n: -1, sum: 0, m2: 0, unscored: 0, criticalFails: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => createIqsAccumulator(scorecard).result()).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

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
const start = Date.UTC(2025, 2, 1);
const ticket = fc
  .record({
    created: fc.integer({ min: 0, max: 60 * 24 * 30 }),
    reply: fc.option(fc.integer({ min: 0, max: 60 * 24 * 5 }), { nil: null }),
    resolve: fc.option(fc.integer({ min: 0, max: 60 * 24 * 20 }), { nil: null }),
    priority: fc.constantFrom("high", "low"),
  })
  .map(({ created, reply, resolve, priority }) => {
    const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
    return {
      createdAt: at(created),
      firstResponseAt: reply === null ? null : at(created + reply),
      resolvedAt: resolve === null ? null : at(created + resolve),
      priority,
    } satisfies Interaction;
  });
const tickets = fc.array(ticket, { minLength: 1, maxLength: 60 });

describe("service-time accumulator", () => {
  it("measures as firstResponseTime / resolutionTime and summarises as durationStats", () => {
    fc.assert(
      fc.property(tickets, (list) => {
        for (const metric of ["first-response", "resolution"] as const) {
          const accumulator = createServiceTimeAccumulator({ metric, calendar });
          for (const item of list) accumulator.add(item);
          const times = list
            .map((item) =>
              metric === "first-response" ? firstResponseTime(item, { calendar }) : resolutionTime(item, { calendar }),
            )
            .filter((time) => time !== null);
          expect(accumulator.open).toBe(list.length - times.length);
          if (times.length === 0) continue;
          const result = accumulator.result({ percentiles: [90] });
          expect(result.calendar).toEqual(
            durationStats(
              times.map((time) => time.calendarMinutes),
              { percentiles: [90] },
            ),
          );
          expect(result.business).toEqual(
            durationStats(
              times.map((time) => time.businessMinutes!),
              { percentiles: [90] },
            ),
          );
        }
      }),
      { numRuns: 50 },
    );
  });
  it("a hand calculation: replies after 30 and 60 minutes and one open ticket → median 45", () => {
    const clock = serviceClock({ metric: "first-response" });
    const accumulator = createServiceTimeAccumulator(clock);
    accumulator.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" });
    accumulator.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T10:00:00Z" });
    accumulator.add({ createdAt: "2025-03-10T09:00:00Z" });
    const merged = createServiceTimeAccumulator(clock, accumulator.toJSON()).merge(createServiceTimeAccumulator(clock));
    expect(merged.result().calendar.median).toBe(45);
    expect(merged.open).toBe(1);
    expect(() => accumulator.merge({ kind: "service-times", calendar: [1], business: [1], open: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => serviceClock({ metric: "reply" as never })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

const policy: SlaPolicy = {
  targets: [
    { metric: "first-response", minutes: 60, clock: "business", priority: "high" },
    { metric: "first-response", minutes: 480, clock: "business" },
    { metric: "resolution", minutes: 2400, clock: "calendar" },
  ],
};
const asOf = "2025-04-15T00:00:00Z";

describe("SLA rule and accumulator", () => {
  it("counts as sla() does, one ticket at a time and merged, with the same breaches", () => {
    fc.assert(
      fc.property(tickets, fc.double({ min: 0, max: 1, noNaN: true }), (list, cut) => {
        const batch = sla(list, policy, { calendar, asOf });
        const [a, b] = splitAt(list, cut);
        const first = createSlaAccumulator(policy, { calendar, asOf });
        for (const [i, item] of a.entries()) first.add(item, i);
        const second = createSlaAccumulator(policy, { calendar, asOf });
        for (const [i, item] of b.entries()) second.add(item, a.length + i);
        const result = first.merge(second).result();
        expect(result.byTarget).toEqual(batch.byTarget);
        expect(result.breaches).toEqual(batch.breaches);
        expect({
          percent: result.percent,
          met: result.met,
          breached: result.breached,
          pending: result.pending,
        }).toEqual({ percent: batch.percent, met: batch.met, breached: batch.breached, pending: batch.pending });
      }),
      { numRuns: 60 },
    );
  });
  it("a hand calculation: replies after 40 and 120 calendar minutes against 60 → 1 met, 1 breached, 50 %", () => {
    const rule = slaRule({ targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] });
    const accumulator = createSlaAccumulator(rule, { breaches: false });
    accumulator.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:40:00Z" });
    accumulator.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" });
    expect(accumulator.result()).toMatchObject({ met: 1, breached: 1, percent: 50, breaches: [] });
    expect(slaTally({ met: 3, breached: 1, pending: 2 })).toEqual({
      met: 3,
      breached: 1,
      pending: 2,
      total: 6,
      percent: 75,
    });
    expect(() => slaTally({ met: -1, breached: 0, pending: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => rule.measure({ createdAt: "2025-03-10T09:00:00Z" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "asOf" }),
    );
    expect(() => accumulator.merge({ kind: "sla", targets: [], breaches: [], usedAsOf: false })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("report builders merge as one pass", () => {
  const survey = fc.array(
    fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      rating: fc.integer({ min: 1, max: 5 }),
      channel: fc.constantFrom("chat", "email", " "),
      respondedAt: fc.integer({ min: 0, max: 86_400_000 * 90 }).map((ms) => new Date(start + ms).toISOString()),
    }),
    { minLength: 1, maxLength: 120 },
  );
  const specs: SummarizeSpec[] = [
    { metric: "nps", by: ["channel"], every: "month", timeZone: "Europe/Berlin" },
    { metric: "csat", by: ["channel"], every: "week" },
    { metric: "ces", every: "month", ces: { scale: "1-5" } },
  ];
  it("two builders merged (through JSON) give the rows of summarize over all records", () => {
    fc.assert(
      fc.property(survey, fc.double({ min: 0, max: 1, noNaN: true }), (list, cut) => {
        for (const spec of specs) {
          const [a, b] = splitAt(list, cut);
          const first = createSummary(spec);
          for (const record of a) first.add(record);
          const second = createSummary(spec);
          for (const record of b) second.add(record);
          const merged = createSummary(spec)
            .merge(JSON.parse(JSON.stringify(first.state())))
            .merge(second);
          expect(merged.result()).toEqual(summarize(list, spec));
        }
      }),
      { numRuns: 30 },
    );
  });
  it("ticket reports too (first response, SLA), merged in two parts", () => {
    fc.assert(
      fc.property(tickets, fc.double({ min: 0, max: 1, noNaN: true }), (list, cut) => {
        for (const spec of [
          { metric: "first-response", by: ["priority"], every: "week", calendar },
          { metric: "sla", by: ["priority"], policy, calendar, asOf },
        ] as SummarizeSpec[]) {
          const [a, b] = splitAt(list, cut);
          const first = createSummary(spec);
          for (const record of a) first.add(record);
          const second = createSummary(spec);
          for (const record of b) second.add(record);
          let expected: SummarizeResult;
          try {
            expected = summarize(list, spec);
          } catch (error) {
            expect(error).toMatchObject({ code: "EMPTY_INPUT" });
            continue;
          }
          expect(first.merge(second).result()).toEqual(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
  it("counts from elsewhere: summaryFromCounts equals summarize over the rows they count; bad counted rows are coded errors", () => {
    const records = [
      { channel: "chat", score: 10 },
      { channel: "chat", score: 10 },
      { channel: "chat", score: 4 },
      { channel: "email", score: 8 },
    ];
    const counted = summaryFromCounts({ metric: "nps", by: ["channel"] }, [
      { channel: "chat", period: null, value: "10", n: 2 },
      { channel: "chat", period: null, value: "4", n: 1 },
      { channel: "email", period: null, value: "8", n: 1 },
      { channel: "email", period: null, value: null, n: 3 },
    ]).result();
    expect(counted.rows).toEqual(summarize(records, { metric: "nps", by: ["channel"] }).rows);
    expect(counted.input).toEqual({ read: 7, used: 4, unanswered: 0, rejected: 3 });
    const builder = createSummary({ metric: "nps", by: ["channel"] });
    expect(() => builder.addCounted([], null, { kind: "nps", promoters: 1, passives: 0, detractors: 0 }, 1)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => builder.addUnusable(-1)).toThrow(expect.objectContaining({ code: "INVALID_COUNT" }));
  });
});
