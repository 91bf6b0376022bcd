// checkReport on data where each convention gives a different figure, every figure written out by hand below; the
// worked cases of the sources and the helpdesks; the checks of printed figures alone.
import { describe, expect, it } from "vitest";
import { checkPrinted, checkReport, conventionText, conventionsOf, readPrinted, roundTo, type Claim } from "./index.js";

const one = (claim: Omit<Claim, "id">, data: Record<string, readonly unknown[]>, timeZone?: string) =>
  checkReport({ ...(timeZone === undefined ? {} : { timeZone }), claims: [{ id: "claim", ...claim }] }, data)
    .claims[0]!;

const options = (result: ReturnType<typeof one>) => result.reproducedBy.map((entry) => entry.conventions);

describe("reading printed figures", () => {
  it("reads numbers, percentages, minus signs, decimal commas and durations, with the step their digits show", () => {
    expect(readPrinted("42")).toEqual({ text: "42", value: 42, unit: "number", step: 1 });
    expect(readPrinted("93.4 %")).toMatchObject({ value: 93.4, unit: "percent", step: 0.1 });
    expect(readPrinted("−70 %")).toMatchObject({ value: -70, unit: "percent" });
    expect(readPrinted("87,5%")).toMatchObject({ value: 87.5, step: 0.1 });
    // 1 h 12 min = 72 minutes, printed to the minute; 2.5 h = 150 minutes, to 6 minutes (0.1 h).
    expect(readPrinted("1h 12m")).toMatchObject({ value: 72, unit: "minutes", step: 1 });
    expect(readPrinted("1 h 12 min")).toMatchObject({ value: 72, step: 1 });
    expect(readPrinted("2.5 h")).toMatchObject({ value: 150, step: 6 });
    expect(() => readPrinted("about 40")).toThrow(/not a number/);
  });

  it("rounds half up, half to even, or by truncation", () => {
    expect([
      roundTo(12.5, 1, "half-up"),
      roundTo(12.5, 1, "half-even"),
      roundTo(13.5, 1, "half-even"),
      roundTo(69.96, 1, "truncate"),
    ]).toEqual([13, 12, 14, 69]);
    expect([roundTo(-2.5, 1, "half-up"), roundTo(0.125, 0.01, "half-up"), roundTo(0.1 * 3, 0.1, "half-up")]).toEqual([
      -3, 0.13, 0.3,
    ]);
  });

  it("roundTo refuses a value, step or rule it cannot round (NaN came back as NaN, null as 0, 'x' as half up); conventionsOf an unknown metric (it gave no dimension)", () => {
    const refused = (f: () => unknown, code: string) =>
      expect(f).toThrow(expect.objectContaining({ code, fn: "roundTo" }));
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, "12.5", []])
      refused(() => roundTo(value as never, 1, "half-up"), "INVALID_ARGUMENT");
    for (const step of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, null, "1"])
      refused(() => roundTo(12.5, step as never, "half-up"), "INVALID_ARGUMENT");
    for (const rule of ["half-down", "x", undefined, null])
      refused(() => roundTo(12.5, 1, rule as never), "INVALID_OPTION");
    for (const metric of ["cast", "NPS", null, 1])
      expect(() => conventionsOf(metric as never)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(conventionsOf("nps").length).toBeGreaterThan(0);
  });
});

describe("CSAT: top-box, good/bad, mean, and the threshold", () => {
  // Ten answers on 1-5: four 5s, two 4s, two 3s, one 2, one 1.
  const survey = [5, 5, 5, 4, 4, 3, 3, 2, 1, 5].map((rating) => ({ rating }));
  const data = { survey };

  it("top-box over all answers (default): (4 + 2) / 10 = 60 %", () => {
    const result = one({ metric: "csat", value: "60%", data: "survey" }, data);
    expect(result).toMatchObject({ verdict: "match", recomputed: 60, n: 10 });
    expect(options(result)[0]).toEqual({ csat: "top-box-over-all", "csat-satisfied-from": "4", rounding: "half-up" });
  });

  it("good over good + bad (Zendesk): 6 / (6 + 2) = 75 %; satisfied from 5: 4 / 10 = 40 %; the mean: 37 / 10 = 3.7", () => {
    expect(options(one({ metric: "csat", value: "75%", data: "survey" }, data))).toContainEqual({
      csat: "good-over-rated",
      "csat-satisfied-from": "4",
      rounding: "half-up",
    });
    expect(options(one({ metric: "csat", value: "40%", data: "survey" }, data))).toEqual([
      { csat: "top-box-over-all", "csat-satisfied-from": "5", rounding: "half-up" },
    ]);
    const mean = one({ metric: "csat", value: "3.7", data: "survey" }, data);
    expect(mean.verdict).toBe("match");
    expect(options(mean)).toEqual([{ csat: "mean", rounding: "half-up" }]);
    // Printed without % and no larger than 5: a claim on the mean rating, recomputed as the mean (37 / 10 = 3.7).
    expect([mean.recomputed, mean.unit, mean.recomputedText]).toEqual([3.7, "rating", "3.7"]);
    expect(mean.explanation).toContain("the library's default definition gives 3.7 (n = 10");
  });

  it("close: 63 % is no definition's figure, but lies in the default's Wilson interval (31.3 % to 83.2 % for 6 of 10)", () => {
    const result = one({ metric: "csat", value: "63%", data: "survey" }, data);
    expect(result.verdict).toBe("close");
    expect(result.low).toBeCloseTo(31.27, 2);
    expect(result.high).toBeCloseTo(83.18, 2);
  });

  it("mismatch: 87 % with a printed n of 7, explained in words", () => {
    const result = one({ metric: "csat", value: "87%", data: "survey", n: 7 }, data);
    expect(result.verdict).toBe("mismatch");
    expect(result.explanation).toContain("the report's n is 7, the data give 10");
    expect(result.explanation).toContain("the report's n of 7 cannot give 87%: possible values are 85.7 % and 100 %");
  });

  it("a Delighted-style CSAT: 6,916 satisfied of 10,000 is 69.16 %, printed 69 % or 69.2 %", () => {
    const big = [
      ...Array.from({ length: 6916 }, () => ({ rating: 5 })),
      ...Array.from({ length: 3084 }, () => ({ rating: 2 })),
    ];
    expect(one({ metric: "csat", value: "69%", data: "big" }, { big }).verdict).toBe("match");
    expect(one({ metric: "csat", value: "69.2%", data: "big" }, { big }).reproducedBy[0]!.conventions.rounding).toBe(
      "half-up",
    );
  });

  it("rounding: 1 satisfied of 8 is 12.5 %: printed 13 % is half-up, 12 % half-to-even", () => {
    const eight = [5, 1, 1, 1, 1, 1, 1, 1].map((rating) => ({ rating }));
    expect(one({ metric: "csat", value: "13%", data: "d" }, { d: eight }).reproducedBy[0]!.conventions.rounding).toBe(
      "half-up",
    );
    expect(one({ metric: "csat", value: "12%", data: "d" }, { d: eight }).reproducedBy[0]!.conventions.rounding).toBe(
      "half-even",
    );
  });
});

describe("CSAT and CES: unanswered surveys in the denominator", () => {
  // Eight surveys sent: answered 5, 5, 4, 2 and four unanswered (Zendesk's "Offered", a blank, "n/a", null).
  // Over the answers: 3 satisfied (4-5) of 4 = 75 %; over every survey sent: 3 of 8 = 37.5 %.
  const survey = [5, 5, 4, 2, "Offered", "", "n/a", null].map((rating) => ({ rating }));

  it("75 % is the default (unanswered left out); 37.5 % is reproduced only with every survey sent counted", () => {
    const answered = one({ metric: "csat", value: "75 %", data: "s" }, { s: survey });
    expect([answered.verdict, answered.n]).toEqual(["match", 4]);
    expect(answered.reproducedBy[0]!.conventions["survey-unanswered"]).toBe("excluded");
    const sent = one({ metric: "csat", value: "37.5 %", data: "s" }, { s: survey });
    expect(sent.verdict).not.toBe("mismatch");
    expect(sent.reproducedBy.length).toBeGreaterThan(0);
    for (const conventions of options(sent)) expect(conventions["survey-unanswered"]).toBe("counted");
    expect(sent.reproducedBy[0]!.value).toBe(37.5);
  });

  it("the reproduction listed first differs from the default only where it must: satisfied from 4 (the scale's), unanswered counted", () => {
    // No answer is a 3, so satisfied from 3 gives 3 of 8 = 37.5 % as well: both reproduce the figure, but only the
    // unanswered surveys in the denominator differ from the default; satisfied from 3 is a second difference.
    const sent = one({ metric: "csat", value: "37.5 %", data: "s" }, { s: survey });
    expect(sent.reproducedBy[0]!.conventions).toMatchObject({
      csat: "top-box-over-all",
      "csat-satisfied-from": "4",
      "survey-unanswered": "counted",
    });
    expect(options(sent)).toContainEqual(expect.objectContaining({ "csat-satisfied-from": "3" }));
    expect(sent.explanation).toContain("reproduced by survey-unanswered counted (37.5)");
    // 45 % is 45.45 % only over every survey sent (5 satisfied of 11, as docs/check.md's example): the same order.
    const eleven = [5, 5, 4, 5, 4, 2, 1, "Offered", "", "N/A", "none"].map((rating) => ({ rating }));
    const over = one({ metric: "csat", value: "45 %", data: "s" }, { s: eleven });
    expect(over.reproducedBy[0]!.conventions).toMatchObject({
      "csat-satisfied-from": "4",
      "survey-unanswered": "counted",
    });
    expect(over.reproducedBy[0]!.value).toBeCloseTo((100 * 5) / 11, 10);
  });

  it('options.unanswered adds not-rated markers: "Skipped" is then unanswered, not a rating off the scale', () => {
    const skipped = [...survey, { rating: "Skipped" }];
    // With the marker: 3 satisfied of 4 answered; of 9 sent 3 / 9 = 33.3 %.
    const marked = one(
      { metric: "csat", value: "33.3 %", data: "s", options: { unanswered: ["skipped"] } },
      { s: skipped },
    );
    expect([marked.verdict, marked.leftOut?.unreadable]).toEqual(["match", 0]);
    // Without it "Skipped" is left out as unreadable and 33.3 % is not reproduced (3 of 8 = 37.5 %).
    const plain = one({ metric: "csat", value: "33.3 %", data: "s" }, { s: skipped });
    expect(plain.leftOut?.unreadable).toBe(1);
    expect(plain.reproducedBy).toEqual([]);
    expect(() =>
      one({ metric: "csat", value: "75 %", data: "s", options: { unanswered: "x" } as never }, { s: skipped }),
    ).toThrow(/options\.unanswered/);
  });

  it("CES: easy (5-7 of 7) answers 7, 6, 2 and one blank: 2 of 3 = 66.7 % answered, 2 of 4 = 50 % sent", () => {
    const ces = [7, 6, 2, ""].map((rating) => ({ rating }));
    const sent = one({ metric: "ces", value: "50 %", data: "s" }, { s: ces });
    expect(options(sent).map((c) => [c["survey-unanswered"], c["ces-easy-from"]])).toContainEqual(["counted", "5"]);
    const answered = one({ metric: "ces", value: "66.7 %", data: "s" }, { s: ces });
    expect(answered.reproducedBy[0]!.conventions).toMatchObject({
      "survey-unanswered": "excluded",
      "ces-easy-from": "5",
    });
  });

  it("nothing unanswered: the convention is not asked about", () => {
    const result = one({ metric: "csat", value: "75 %", data: "s" }, { s: [5, 5, 4, 2].map((rating) => ({ rating })) });
    expect(result.reproducedBy[0]!.conventions["survey-unanswered"]).toBeUndefined();
  });
});

describe("NPS: blanks, shares rounded first, period cuts", () => {
  it("blank answers counted: 2 promoters, 1 passive, 1 detractor and 2 blanks give 25 without them, 100 / 6 = 16.7 with them", () => {
    const survey = [10, 9, 7, 3, "", null].map((score) => ({ score }));
    expect(
      one({ metric: "nps", value: "25", data: "s" }, { s: survey }).reproducedBy[0]!.conventions["nps-blanks"],
    ).toBe("excluded");
    expect(options(one({ metric: "nps", value: "17", data: "s" }, { s: survey }))[0]).toMatchObject({
      "nps-blanks": "counted",
      "nps-inputs": "exact",
    });
  });

  it("shares rounded first: 2 promoters and 1 detractor of 7 give 14.3 exactly, 29 − 14 = 15 from rounded shares", () => {
    const survey = [10, 9, 8, 8, 7, 7, 2].map((score) => ({ score }));
    expect(one({ metric: "nps", value: "14", data: "s" }, { s: survey }).explanation).toContain(
      "the library's default definition gives 14.29",
    );
    const rounded = one({ metric: "nps", value: "15", data: "s" }, { s: survey });
    expect(options(rounded)).toEqual([
      { "nps-blanks": "excluded", "nps-inputs": "rounded-shares", rounding: "half-up" },
    ]);
    // Explained by rounding of inputs, not by another definition: close.
    expect(rounded.verdict).toBe("close");
    expect(rounded.explanation).toContain("rounding the inputs first does");
  });

  it("the period cut in UTC: 31 January 23:30 UTC is February in Berlin, January in UTC", () => {
    const survey = [
      { score: 10, respondedAt: "2025-01-31T23:30:00Z" },
      { score: 0, respondedAt: "2025-02-10T12:00:00Z" },
    ];
    // Berlin February: 10 and 0 → 0; UTC February: 0 alone → −100.
    expect(
      one({ metric: "nps", value: "0", data: "s", period: "2025-02" }, { s: survey }, "Europe/Berlin").reproducedBy[0]!
        .conventions["period-cut"],
    ).toBe("report-zone");
    expect(
      options(one({ metric: "nps", value: "-100", data: "s", period: "2025-02" }, { s: survey }, "Europe/Berlin")),
    ).toEqual([
      { "period-cut": "utc", "nps-blanks": "excluded", "nps-inputs": "exact", rounding: "half-up" },
      { "period-cut": "utc", "nps-blanks": "excluded", "nps-inputs": "rounded-shares", rounding: "half-up" },
    ]);
  });
});

describe("durations: percentile methods, clocks, resolutions, agent-created tickets, whole minutes", () => {
  const at = (minutes: number): string => new Date(Date.UTC(2025, 2, 4, 10) + minutes * 60_000).toISOString();
  // First replies after 15, 20, 35, 40 and 50 minutes: the percentile example of Wikipedia's "Percentile" article.
  const tickets = [15, 20, 35, 40, 50].map((minutes, i) => ({
    id: `t${i}`,
    createdAt: at(0),
    firstResponseAt: at(minutes),
  }));

  it("P40 of {15, 20, 35, 40, 50}: 29 (linear, R 7, the default), 26 (weibull), 27.5 (hazen), 20 (nearest rank)", () => {
    // Whole minutes change nothing here (the durations are whole): the exact inputs' methods are listed.
    const methods = (value: string) =>
      one({ metric: "first-response", statistic: "p40", value, data: "t" }, { t: tickets })
        .reproducedBy.filter((entry) => entry.conventions["duration-inputs"] === "exact")
        .map((entry) => entry.conventions["percentile-method"]);
    expect(methods("29")[0]).toBe("linear");
    expect(methods("26")).toEqual(["weibull"]);
    expect(methods("27.5")).toEqual(expect.arrayContaining(["hazen", "averaged-inverted-cdf", "midpoint"]));
    expect(methods("20")).toEqual(expect.arrayContaining(["nearest-rank", "inverted-cdf", "lower"]));
  });

  it("business or calendar clock: Fri 16:00 → Mon 10:00 is 120 business minutes (Mon-Fri 09-17), 3,960 calendar; with 45/45: medians 82.5 and 2,002.5", () => {
    const week = {
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [["09:00", "17:00"]],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "17:00"]],
    } as const;
    const calendarOptions = { timeZone: "Europe/Berlin", week };
    const two = [
      { createdAt: "2025-03-07T16:00:00+01:00", firstResponseAt: "2025-03-10T10:00:00+01:00" },
      { createdAt: "2025-03-04T12:00:00+01:00", firstResponseAt: "2025-03-04T12:45:00+01:00" },
    ];
    expect(
      one(
        { metric: "first-response", value: "1h 22.5m", data: "t", options: { calendar: calendarOptions } },
        { t: two },
      ).reproducedBy[0]!.conventions.clock,
    ).toBe("business");
    expect(
      one({ metric: "first-response", value: "2002.5", data: "t", options: { calendar: calendarOptions } }, { t: two })
        .reproducedBy[0]!.conventions.clock,
    ).toBe("calendar");
  });

  it("first or full resolution: resolved after 60 minutes, reopened, resolved again after 300", () => {
    const reopened = [{ createdAt: at(0), resolutions: [at(60), at(300)], resolvedAt: at(300) }];
    expect(
      one({ metric: "resolution", value: "300", data: "t" }, { t: reopened }).reproducedBy[0]!.conventions.resolution,
    ).toBe("full");
    expect(
      one({ metric: "resolution", value: "60", data: "t" }, { t: reopened }).reproducedBy[0]!.conventions.resolution,
    ).toBe("first");
  });

  it("agent-created tickets left out: replies after 10 (agent-created), 50 and 70 minutes: median 50 with, 60 without", () => {
    const mixed = [
      { createdAt: at(0), firstResponseAt: at(10), agentCreated: true },
      { createdAt: at(0), firstResponseAt: at(50), agentCreated: false },
      { createdAt: at(0), firstResponseAt: at(70), agentCreated: false },
    ];
    expect(
      one({ metric: "first-response", value: "60", data: "t" }, { t: mixed }).reproducedBy[0]!.conventions[
        "agent-created"
      ],
    ).toBe("excluded");
  });

  it("whole minutes: 30.6 and 45.9 minutes have a median of 38.25, of 37.5 once cut to whole minutes (30, 45), as Zendesk exports them", () => {
    const seconds = [
      { createdAt: at(0), firstResponseAt: at(30.6) },
      { createdAt: at(0), firstResponseAt: at(45.9) },
    ];
    const cut = one({ metric: "first-response", value: "37.5", data: "t" }, { t: seconds });
    expect(cut.reproducedBy[0]!.conventions["duration-inputs"]).toBe("whole-minutes");
    expect(cut.verdict).toBe("close");
  });
});

describe("SLA: the denominator", () => {
  it("met 1, breached 1, pending 1: 50 % over decided (default), 33.3 % over all, 66.7 % with pending as met", () => {
    const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
    const tickets = [
      { createdAt: "2025-03-04T10:00:00Z", firstResponseAt: "2025-03-04T10:30:00Z" },
      { createdAt: "2025-03-04T10:00:00Z", firstResponseAt: "2025-03-04T11:30:00Z" },
      { createdAt: "2025-03-04T12:00:00Z" },
    ];
    const claim = (value: string) =>
      one({ metric: "sla", value, data: "t", options: { policy, asOf: "2025-03-04T12:30:00Z" } }, { t: tickets });
    expect(claim("50%").reproducedBy[0]!.conventions["sla-denominator"]).toBe("met-over-decided");
    expect(claim("33.3%").reproducedBy[0]!.conventions["sla-denominator"]).toBe("met-over-all");
    expect(claim("66.7%").reproducedBy[0]!.conventions["sla-denominator"]).toBe("met-or-pending-over-all");
  });

  it("an open ticket without options.asOf stops the check with INVALID_OPTION naming the claim (it is not left out)", () => {
    const policy = { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] } as const;
    const tickets = [
      { id: "T-1", createdAt: "2025-03-04T10:00:00Z", firstResponseAt: "2025-03-04T10:30:00Z" },
      { id: "T-2", createdAt: "2025-03-04T12:00:00Z" },
    ];
    expect(() => one({ metric: "sla", value: "100%", data: "t", options: { policy } }, { t: tickets })).toThrow(
      expect.objectContaining({
        code: "INVALID_OPTION",
        field: "options.asOf",
        message: expect.stringMatching(
          /^checkReport: claim claim: asOf is missing: interaction T-2 .*; give options\.asOf$/,
        ),
      }),
    );
  });
});

describe("printed figures alone", () => {
  it("Osipov's NPS 50 (70 % promoters, 20 % detractors) and Quality-mgmt's 55 (75 %, 20 %) hold; 45 from 70 and 20 does not", () => {
    expect(one({ metric: "nps", value: "50", promoters: "70%", detractors: "20%" }, {}).verdict).toBe("match");
    expect(one({ metric: "nps", value: "55", promoters: "75%", detractors: "20%" }, {}).verdict).toBe("match");
    const wrong = one({ metric: "nps", value: "45", promoters: "70%", detractors: "20%" }, {});
    expect(wrong.verdict).toBe("mismatch");
    expect(wrong.explanation).toBe("promoters 70% − detractors 20% = 50, not 45 (rounding allows ±1.5)");
  });

  it("Osipov's retention 30 % and printed churn −70 % do not add up to 100 % (the printed formula gives minus the share lost)", () => {
    const result = one({ metric: "csat", value: "30%", shares: ["30%", "-70%"] }, {});
    expect(result.verdict).toBe("mismatch");
    expect(result.explanation).toBe("the shares 30% + -70% add up to −40 %, not 100 (rounding allows ±1)");
  });

  it("a percentage impossible for its n, an interval that misses its point, and a change that is or is not significant", () => {
    expect(checkPrinted({ metric: "csat", value: "87%", n: 7 })[0]!.message).toBe(
      "the report's n of 7 cannot give 87%: possible values are 85.7 % and 100 %",
    );
    expect(checkPrinted({ metric: "csat", value: "85.7%", n: 7 })[0]!.ok).toBe(true);
    // NPS moves in steps of 100 / n: with n = 8, 12.5 and 25 are possible, 20 is not.
    expect(checkPrinted({ metric: "nps", value: "20", n: 8 })[0]!.ok).toBe(false);
    expect(checkPrinted({ metric: "nps", value: "42", low: "45", high: "60" })[0]).toMatchObject({
      ok: false,
      message: "the interval 45 to 60 does not hold its own figure 42",
    });
    // 80 % of 200 against 70 % of 200: pooled p = 0.75, se = √(0.75 × 0.25 × 2 / 200) = 0.0433, z = 2.31, p = 0.021.
    const change = checkPrinted({ metric: "csat", value: "80%", n: 200, previous: { value: "70%", n: 200 } }).find(
      (check) => check.check === "change-significant",
    )!;
    expect(change.ok).toBe(true);
    expect(change.message).toContain("p = 0.021");
    expect(
      checkPrinted({ metric: "csat", value: "72%", n: 200, previous: { value: "70%", n: 200 } }).find(
        (check) => check.check === "change-significant",
      )!.ok,
    ).toBe(false);
  });

  it("checkPrinted and conventionText refuse bad input with coded errors (a bad n, shares, previous or metric left checks out)", () => {
    const refused = (f: () => unknown, code: string) => expect(f).toThrow(expect.objectContaining({ code }));
    const csat87 = { metric: "csat", value: "87%" } as const;
    refused(() => checkPrinted(null as never), "INVALID_ARGUMENT");
    refused(() => checkPrinted(undefined as never), "INVALID_ARGUMENT");
    refused(() => checkPrinted({ metric: "cast", value: "87%" }), "INVALID_OPTION");
    refused(() => checkPrinted({ metric: null, value: "87%" } as never), "INVALID_OPTION");
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, "7"])
      refused(() => checkPrinted({ ...csat87, n } as never), "INVALID_COUNT");
    refused(() => checkPrinted({ ...csat87, shares: "30%, 70%" } as never), "INVALID_ARGUMENT");
    refused(() => checkPrinted({ ...csat87, shares: null } as never), "INVALID_ARGUMENT");
    for (const previous of [null, "80%", { value: "80%" }, { value: "80%", n: 0 }, { value: "80%", n: Number.NaN }])
      refused(() => checkPrinted({ ...csat87, n: 200, previous } as never), "INVALID_ARGUMENT");
    refused(() => checkPrinted({ ...csat87, n: 200, previous: { value: "eighty", n: 200 } }), "INVALID_VALUE");
    refused(() => checkPrinted({ ...csat87, value: Number.NaN }), "INVALID_VALUE");
    for (const conventions of [null, undefined, "x", ["half-up"], { rounding: 1 }])
      refused(() => conventionText(conventions as never), "INVALID_ARGUMENT");
    expect(conventionText({ rounding: "half-up" })).toBe("rounding half-up");
  });
});

describe("bad claims", () => {
  it("are coded errors naming the claim", () => {
    expect(() => one({ metric: "nsp" as never, value: "1" }, {})).toThrow(/metric is "nsp"/);
    expect(() => one({ metric: "nps", value: "1", period: "March" }, {})).toThrow(/period is "March"/);
    expect(() => one({ metric: "nps", value: "1", data: "nope" }, { survey: [] })).toThrow(
      /no data set "nope"; data sets: survey/,
    );
    expect(() => one({ metric: "nps", value: "lots" }, {})).toThrow(/not a number/);
  });

  it("name a claim without an id by its position, and say what is missing or wrong", () => {
    const unnamed = { metric: "nps", value: "1" } as unknown as Claim;
    expect(() => checkReport({ claims: [{ id: "a", metric: "nps", value: "1", n: 1 }, unnamed] }, {})).toThrow(
      /claim 2 \(no id\): id is missing/,
    );
    expect(() => one({ metric: undefined as never, value: "1" }, {})).toThrow(/claim claim: metric is missing/);
    expect(() => one({ metric: "nps", value: undefined as never }, {})).toThrow(/claim claim: value is missing/);
    const criteria = { scorecard: { criteria: "abc" } } as never;
    expect(() => one({ metric: "iqs", value: "80%", data: "s", options: criteria }, { s: [] })).toThrow(
      /claim claim: options\.scorecard\.criteria is "abc", expected a list of criteria/,
    );
    // A scale the metric does not have: an error, not a claim left without a figure.
    expect(() =>
      one({ metric: "csat", value: "80%", data: "s", options: { scale: "1-6" } }, { s: [{ rating: 5 }] }),
    ).toThrow(/claim claim: options are not valid/);
    expect(() => one({ metric: "sla", value: "80%", data: "s" }, { s: [] })).toThrow(/options\.policy is missing/);
  });
});

describe("claims that cannot be checked are never a match", () => {
  it("no data and no other printed figure: mismatch, 'cannot be checked'", () => {
    const result = one({ metric: "sla", value: "85%" }, {});
    expect(result.verdict).toBe("mismatch");
    expect(result.explanation).toMatch(/^cannot be checked: no data/);
  });

  it("a figure its metric cannot have: mismatch with the reason, with or without data", () => {
    expect(one({ metric: "sla", value: "250%" }, {}).explanation).toBe(
      "250% is impossible for sla: it lies between 0 and 100 %",
    );
    // Ratings 5, 5, 4 on 1-5: CSAT 100 %, which the default reproduces as "100%", not "250%".
    const survey = [{ rating: 5 }, { rating: 5 }, { rating: 4 }];
    const impossible = one({ metric: "csat", value: "250%", data: "survey" }, { survey });
    expect([impossible.verdict, impossible.recomputed]).toEqual(["mismatch", 100]);
    expect(impossible.explanation).toContain("250% is impossible for csat");
    expect(checkPrinted({ metric: "nps", value: "−101" })[0]!.check).toBe("possible-value");
    expect(checkPrinted({ metric: "resolution", value: "87%" })[0]!.message).toBe(
      "87% is a percentage, and resolution is a duration",
    );
    expect(checkPrinted({ metric: "nps", value: "100" })).toEqual([]);
  });

  it("data with no record that gives a figure: mismatch, 'cannot be checked', and why", () => {
    // Two records in segment "a", neither with a readable score.
    const survey = [
      { score: "ten", channel: "a" },
      { score: null, channel: "a" },
    ];
    const result = one({ metric: "nps", value: "40", data: "survey", filter: { channel: "a" } }, { survey });
    expect(result.verdict).toBe("mismatch");
    expect(result.explanation).toMatch(/^cannot be checked: none of the 2 records of data set "survey" in segment/);
    const empty = one({ metric: "nps", value: "40", data: "survey", filter: { channel: "b" } }, { survey });
    expect(empty.explanation).toMatch(/^cannot be checked: no record of data set "survey" falls in segment/);
  });
});

describe("records that cannot be used", () => {
  it("are counted in the explanation: a score 'ten', a response without a readable date", () => {
    const survey = [
      { score: 10, respondedAt: "2025-03-01T10:00:00Z" },
      { score: "ten", respondedAt: "2025-03-02T10:00:00Z" },
      { score: 0, respondedAt: "2025-03-03T10:00:00Z" },
      { score: 9, respondedAt: "sometime in March" },
    ];
    // March: 10 and 0 read → NPS 0; "ten" unreadable; the fourth has no date.
    const result = one({ metric: "nps", value: "0", data: "s", period: "2025-03" }, { s: survey });
    expect(result.verdict).toBe("match");
    expect(result.explanation).toContain("1 record of the segment had no readable date");
    expect(result.explanation).toContain("1 record of the segment and period had a value that could not be read");
  });
});

describe("ratings that are not on the scale", () => {
  it("are left out of a CSAT and counted: 5, 4, 2 and a 7 on a 1-5 scale give 2 of 3 = 66.7 %", () => {
    const survey = [5, 4, 2, 7].map((rating) => ({ rating }));
    const result = one({ metric: "csat", value: "66.7%", data: "s" }, { s: survey });
    expect(result).toMatchObject({ verdict: "match", n: 3 });
    expect(result.explanation).toContain("1 record of the segment and period had a value that could not be read");
  });
});

describe("CES and IQS", () => {
  it("CES on 1-7: easy from 5 (default) 3 of 7 = 42.9 %, from 6 2 of 7 = 28.6 %, the mean 28 / 7 = 4", () => {
    const survey = [7, 6, 5, 4, 3, 2, 1].map((rating) => ({ rating }));
    expect(one({ metric: "ces", value: "43%", data: "s" }, { s: survey }).reproducedBy[0]!.conventions).toEqual({
      ces: "percent-easy",
      "ces-easy-from": "5",
      rounding: "half-up",
    });
    expect(
      one({ metric: "ces", value: "29%", data: "s" }, { s: survey }).reproducedBy[0]!.conventions["ces-easy-from"],
    ).toBe("6");
    expect(one({ metric: "ces", value: "4", data: "s" }, { s: survey }).reproducedBy[0]!.conventions.ces).toBe("mean");
  });

  it("IQS: two equally weighted yes/no criteria, reviews scoring 100 % and 50 %: IQS 75 %", () => {
    const scorecard = {
      criteria: [
        { id: "greeting", weight: 1, scale: "binary" },
        { id: "solution", weight: 1, scale: "binary" },
      ],
    } as const;
    const reviews = [{ ratings: { greeting: true, solution: true } }, { ratings: { greeting: true, solution: false } }];
    const result = one({ metric: "iqs", value: "75%", data: "r", options: { scorecard } }, { r: reviews });
    expect(result).toMatchObject({ verdict: "match", recomputed: 75, n: 2 });
  });
});

describe("weighted versus unweighted (issue #21)", () => {
  // Two promoters weighing 3 each and two detractors weighing 1: weighted NPS = (6 − 2) / 8 = 50 points; unweighted
  // (2 − 2) / 4 = 0.
  const data = {
    survey: [
      { score: "10", w: "3" },
      { score: "9", w: "3" },
      { score: "2", w: "1" },
      { score: "5", w: "1" },
      { score: "", w: "1" },
    ],
  };
  it("a claim that names a weight column matches the weighted figure by default", () => {
    const result = one({ metric: "nps", data: "survey", value: "50", options: { weight: "w" } }, data);
    expect(result.verdict).toBe("match");
    expect(result.recomputed).toBeCloseTo(50, 12);
    expect(options(result)).toContainEqual(expect.objectContaining({ weights: "weighted" }));
  });
  it("and finds the unweighted figure as a convention when that is what was printed", () => {
    const result = one({ metric: "nps", data: "survey", value: "0", options: { weight: "w" } }, data);
    expect(result.recomputed).toBeCloseTo(50, 12); // the default, weighted
    expect(options(result)).toContainEqual(expect.objectContaining({ weights: "unweighted" }));
    expect(options(result)).not.toContainEqual(expect.objectContaining({ weights: "weighted" }));
  });
});

describe("the recomputed figure in the printed figure's unit (#19)", () => {
  // Three solved tickets: 08:00 → 12:00 = 240 min; 12:00 → 12:45 the next day = 24 h 45 min = 1485 min;
  // 18:00 → 11:10 the next day = 17 h 10 min = 1030 min. Median 1030 min = 17.1666... h; mean (240 + 1030 + 1485) / 3 =
  // 2755 / 3 = 918.33 min = 15.305... h.
  const tickets = [
    { createdAt: "2025-03-03T08:00:00Z", resolvedAt: "2025-03-03T12:00:00Z" },
    { createdAt: "2025-03-04T12:00:00Z", resolvedAt: "2025-03-05T12:45:00Z" },
    { createdAt: "2025-03-06T18:00:00Z", resolvedAt: "2025-03-07T11:10:00Z" },
  ];

  it("a duration printed in hours is compared and shown in hours; recomputed stays in minutes", () => {
    const result = one({ metric: "resolution", value: "17.17 h", data: "t" }, { t: tickets });
    expect(result).toMatchObject({ verdict: "match", recomputed: 1030, unit: "minutes", recomputedText: "17.17 h" });
    expect(result.explanation).toBe("the library's default definition gives 17.17 h (n = 3), printed as 17.17 h");
    const mean = one({ metric: "resolution", statistic: "mean", value: "15.31 h", data: "t" }, { t: tickets });
    expect(mean).toMatchObject({ verdict: "match", recomputedText: "15.31 h" });
    expect(mean.recomputed).toBeCloseTo(2755 / 3, 10);
    // Printed in minutes, shown in minutes.
    expect(one({ metric: "resolution", value: "1030 min", data: "t" }, { t: tickets }).recomputedText).toBe("1030 min");
    // 56.87 h is 3412.2 min, far from 1030: a mismatch, both shown in hours.
    const wrong = one({ metric: "resolution", value: "56.87 h", data: "t" }, { t: tickets });
    expect(wrong.verdict).toBe("mismatch");
    expect(wrong.explanation).toContain("the default gives 17.17 h (n = 3)");
  });

  it('a bare number with options.unit "hours" is read in hours', () => {
    const result = one({ metric: "resolution", value: "17.17", data: "t", options: { unit: "hours" } }, { t: tickets });
    expect(result).toMatchObject({ verdict: "match", recomputedText: "17.17 h" });
    // Without the unit, 17.17 is minutes: no ticket took that.
    expect(one({ metric: "resolution", value: "17.17", data: "t" }, { t: tickets }).verdict).toBe("mismatch");
    expect(() => one({ metric: "csat", value: "3", data: "t", options: { unit: "hours" } }, { t: tickets })).toThrow(
      /options.unit/,
    );
  });

  it("a CSAT or CES mean rating is recomputed as the mean rating", () => {
    // CSAT 4, 4, 3, 1: mean 12 / 4 = 3.00 (a printed 3.03 is in the mean's t interval: close); top box 2 / 4 = 50 %.
    const csat = { s: [4, 4, 3, 1].map((rating) => ({ rating })) };
    const printed = one({ metric: "csat", value: "3.03", data: "s" }, csat);
    expect(printed).toMatchObject({ recomputed: 3, unit: "rating", recomputedText: "3", verdict: "close" });
    expect(one({ metric: "csat", statistic: "mean", value: "3.00", data: "s" }, csat).verdict).toBe("match");
    // The share still reads as the share.
    expect(one({ metric: "csat", value: "50%", data: "s" }, csat)).toMatchObject({
      recomputed: 50,
      unit: "percent",
      recomputedText: "50 %",
      verdict: "match",
    });
    // CES 1-7: 7, 6, 2 → mean 15 / 3 = 5.00; easy (5-7) 2 / 3 = 66.67 %.
    const ces = { c: [7, 6, 2].map((rating) => ({ rating })) };
    expect(one({ metric: "ces", value: "5.0", data: "c" }, ces)).toMatchObject({ recomputed: 5, verdict: "match" });
    expect(one({ metric: "ces", value: "66.7%", data: "c" }, ces).recomputedText).toBe("66.67 %");
  });
});
