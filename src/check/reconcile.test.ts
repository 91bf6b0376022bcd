import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { businessCalendar } from "../time/calendar.js";
import { checkReport } from "./check-report.js";
import { reconcile } from "./reconcile.js";

// examples/reconcile/tickets.csv: a Zendesk ticket export (the real header line of Zendesk's CSV export, see
// test/fixtures/vendors/README.md) whose "... within business hours" column Zendesk computed on Monday-Friday
// 09:00-17:00 London with New Year's Day 2025 a holiday. By hand, on the same hours without the holiday:
//   5001 Mon 30 Dec 10:00-12:00                  120 = 120
//   5002 Mon 30 Dec 16:00 → Tue 31 Dec 10:00       60 + 60 = 120 = 120
//   5003 Tue 31 Dec 16:00 → Thu 2 Jan 10:00        60 + 480 (1 Jan) + 60 = 600; Zendesk 120 (+480)
//   5004 Wed 1 Jan 10:00-12:00                     120; Zendesk 0 (+120)
//   5005 Wed 1 Jan 20:00 → Thu 2 Jan 11:00         120 = 120 (no working time on 1 Jan)
//   5006 Tue 31 Dec 09:00 → Fri 3 Jan 09:00        480 × 3 = 1440; Zendesk 960 (+480)
//   5007 Thu 2 Jan 09:00-09:30                     30 = 30
//   5008 Fri 3 Jan 14:00 → Mon 6 Jan 10:00         180 + 60 = 240 = 240
//   5009 open (no Solved at)                       not compared
//   5010 no business-hours figure                  not compared
//   5011 Mon 6 Jan 09:00 → 09:10:20                10.33; Zendesk 10 (the same whole minute: exact)
//   5012 Mon 6 Jan 11:00 → 11:10:50                10.83; Zendesk 10 (+0.83: within a minute, not exact; Zendesk
//                                                  writes whole minutes, here cut down)
// (Both wholly within business hours: business minutes = calendar minutes, in both columns.)
// Compared 10, exact 6 (5001, 5002, 5005, 5007, 5008, 5011), within a minute 7 (and 5012): share 7/10, a mismatch.
// Differences: 3, all 1-8 h and higher. Dates with working time: 31 Dec holds 5002, 5003, 5006 (2 differ);
// 1 Jan holds 5003, 5004, 5006 (all 3 differ); 2 Jan holds 5003, 5005, 5006, 5007 (2 differ).
const BUSINESS = "Full resolution time in minutes within business hours";
const text = readFileSync(new URL("../../examples/reconcile/tickets.csv", import.meta.url), "utf8");
// The vendor's minutes are numbers, as the command line reads them (a blank cell: none).
const minutes = (cell: string | undefined): number | undefined => (cell === "" ? undefined : Number(cell));
const tickets = (parse(text, { columns: true }) as Record<string, string>[]).map((row) => ({
  id: row.ID,
  createdAt: row["Created at"],
  resolvedAt: row["Solved at"] === "" ? null : row["Solved at"],
  [BUSINESS]: minutes(row[BUSINESS]),
  "Full resolution time in minutes": minutes(row["Full resolution time in minutes"]),
}));
const nineToFive: [string, string][] = [["09:00", "17:00"]];
const week = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const london = businessCalendar({ timeZone: "Europe/London", week });

describe("reconcile", () => {
  it("compares each record's business minutes with the vendor's, and shows the holiday as a date", () => {
    const result = reconcile(tickets, { metric: "resolution", against: BUSINESS, calendar: london });
    expect(result).toMatchObject({
      clock: "business",
      records: 12,
      compared: 10,
      exact: 6,
      within1: 7,
      share: 7 / 10,
      verdict: "mismatch",
      notCompared: { total: 2, open: 1, unreadable: 0, noVendor: 1 },
      bySize: [{ size: "1-8 h", records: 3, higher: 3, lower: 0 }],
      byDate: [
        { date: "2025-01-01", records: 3, differing: 3 },
        { date: "2024-12-31", records: 3, differing: 2 },
        { date: "2025-01-02", records: 4, differing: 2 },
      ],
    });
    expect(result.largest.map((d) => [d.id, d.recomputed, d.vendor, d.difference])).toEqual([
      ["5003", 600, 120, 480],
      ["5006", 1440, 960, 480],
      ["5004", 120, 0, 120],
    ]);
    expect(result.explanation).toContain("2025-01-01 3 of 3");
  });

  it("with the vendor's schedule (holiday included) every record agrees", () => {
    const schedule = JSON.parse(
      readFileSync(new URL("../../examples/reconcile/zendesk-schedule.json", import.meta.url), "utf8"),
    );
    const result = reconcile(tickets, { metric: "resolution", against: BUSINESS, calendar: schedule });
    // Every record the same whole minute but 5012 (10.83 against 10: within a minute).
    expect([result.compared, result.exact, result.within1, result.verdict]).toEqual([10, 9, 10, "match"]);
    expect(result.byDate).toEqual([]);
  });

  it("without a calendar compares calendar minutes (10.33 against 10 is exact, 10.83 against 10 within a minute)", () => {
    const result = reconcile(tickets, { metric: "resolution", against: "Full resolution time in minutes" });
    // 5010 has calendar minutes (60): 11 compared; all exact but 5012.
    expect([result.clock, result.compared, result.exact, result.within1, result.share]).toEqual([
      "calendar",
      11,
      10,
      11,
      1,
    ]);
  });

  it("a schedule changed from a date on shows as a run of dates", () => {
    // One ticket a working day from Monday 3 to Friday 14 March 2025, 09:00-18:00 UTC. The vendor counted 9-17 (480)
    // until Friday 7 and 9-18 (540) from Monday 10; the calendar given is 9-17 throughout.
    const days = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14];
    const records = days.map((day) => ({
      id: day,
      createdAt: `2025-03-${String(day).padStart(2, "0")}T09:00:00Z`,
      resolvedAt: `2025-03-${String(day).padStart(2, "0")}T18:00:00Z`,
      vendor: day < 10 ? 480 : 540,
    }));
    const calendar = businessCalendar({ timeZone: "UTC", week });
    const result = reconcile(records, { metric: "resolution", against: "vendor", calendar });
    expect([result.within1, result.compared, result.verdict]).toEqual([5, 10, "mismatch"]);
    expect(result.bySize).toEqual([{ size: "5-60 min", records: 5, higher: 0, lower: 5 }]);
    expect(result.byDate.map((d) => [d.date, d.records, d.differing])).toEqual(
      [10, 11, 12, 13, 14].map((day) => [`2025-03-${day}`, 1, 1]),
    );
  });

  describe("a holiday shows as a date whichever schedule has it", () => {
    // Monday-Friday 09:00-17:00 UTC; New Year's Day 2025 is a Wednesday. By hand, without / with the holiday:
    //   A Tue 31 Dec 16:00 → Thu 2 Jan 10:00   60 + 480 + 60 = 600 / 60 + 60 = 120
    //   B Wed 1 Jan 10:00-12:00                120 / 0
    //   C Thu 2 Jan 09:00-10:00                60 / 60
    //   D Mon 30 Dec 10:00-11:00               60 / 60
    //   E Fri 3 Jan 16:00 → Mon 6 Jan 10:00    60 + 60 = 120 / 120 (over a weekend, agrees)
    const spans = [
      ["A", "2024-12-31T16:00:00Z", "2025-01-02T10:00:00Z", 600, 120],
      ["B", "2025-01-01T10:00:00Z", "2025-01-01T12:00:00Z", 120, 0],
      ["C", "2025-01-02T09:00:00Z", "2025-01-02T10:00:00Z", 60, 60],
      ["D", "2024-12-30T10:00:00Z", "2024-12-30T11:00:00Z", 60, 60],
      ["E", "2025-01-03T16:00:00Z", "2025-01-06T10:00:00Z", 120, 120],
    ] as const;
    const records = (vendor: "without" | "with") =>
      spans.map(([id, createdAt, resolvedAt, without, withHoliday]) => ({
        id,
        createdAt,
        resolvedAt,
        vendor: vendor === "without" ? without : withHoliday,
      }));
    const plain = businessCalendar({ timeZone: "UTC", week });
    const holiday = businessCalendar({ timeZone: "UTC", week, holidays: ["2025-01-01"] });

    it("only the vendor's schedule has it: a working date on which every record is recomputed higher", () => {
      const result = reconcile(records("with"), { metric: "resolution", against: "vendor", calendar: plain });
      expect([result.within1, result.compared]).toEqual([3, 5]);
      expect(result.bySize).toEqual([{ size: "1-8 h", records: 2, higher: 2, lower: 0 }]);
      // 1 Jan: A and B worked, both differ; 31 Dec: A alone (16-17); 2 Jan: A and C, A differs.
      expect(result.byDate).toEqual([
        { date: "2025-01-01", closed: false, records: 2, differing: 2 },
        { date: "2024-12-31", closed: false, records: 1, differing: 1 },
        { date: "2025-01-02", closed: false, records: 2, differing: 1 },
      ]);
    });

    it("only the calendar given has it: a closed date on which every record open then is recomputed lower", () => {
      const result = reconcile(records("without"), { metric: "resolution", against: "vendor", calendar: holiday });
      expect([result.within1, result.compared]).toEqual([3, 5]);
      expect(result.bySize).toEqual([{ size: "1-8 h", records: 2, higher: 0, lower: 2 }]);
      expect(result.largest.map((d) => [d.id, d.recomputed, d.vendor])).toEqual([
        ["A", 120, 600],
        ["B", 0, 120],
      ]);
      // B lies wholly on the holiday (0 recomputed against 120): 1 Jan is closed, A and B were open then, both lower.
      // The weekend 4-5 Jan is closed too, but E, open then, agrees: not listed.
      expect(result.byDate).toEqual([
        { date: "2025-01-01", closed: true, records: 2, differing: 2 },
        { date: "2024-12-31", closed: false, records: 1, differing: 1 },
        { date: "2025-01-02", closed: false, records: 2, differing: 1 },
      ]);
      expect(result.explanation).toContain("2025-01-01 (closed) 2 of 2");
      expect(result.explanation).toContain("a day the calendar is closed, is recomputed lower");
    });
  });

  it("match from 99 % within a minute, close from 90 %, else mismatch", () => {
    const make = (differing: number) =>
      Array.from({ length: 100 }, (_, i) => ({
        createdAt: "2025-03-10T09:00:00Z",
        resolvedAt: "2025-03-10T10:00:00Z",
        vendor: i < differing ? 65 : 60,
      }));
    const verdict = (differing: number) => reconcile(make(differing), { metric: "resolution", against: "vendor" });
    expect([verdict(1).share, verdict(1).verdict]).toEqual([0.99, "match"]);
    expect([verdict(2).share, verdict(2).verdict]).toEqual([0.98, "close"]);
    expect([verdict(10).share, verdict(10).verdict]).toEqual([0.9, "close"]);
    expect([verdict(11).share, verdict(11).verdict]).toEqual([0.89, "mismatch"]);
    expect(verdict(11).bySize).toEqual([{ size: "1-5 min", records: 11, higher: 0, lower: 11 }]);
  });

  it("first response, records that cannot be read, bad vendor figures, and nothing to compare", () => {
    const records = [
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:20:00Z", v: 20 },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T08:00:00Z", v: 5 },
      { createdAt: "soon", firstResponseAt: "2025-03-10T08:00:00Z", v: 5 },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:20:00Z", v: "twenty" },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:20:00Z", v: -3 },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:20:00Z" },
      { createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:20:00Z", v: "20" },
    ];
    const result = reconcile(records, { metric: "first-response", against: "v" });
    // Bad vendor cells are counted apart from a missing one, by the report's own rule of minutes (a number ≥ 0: text,
    // "20" included, is not minutes; the command line turns a cell that holds a number into one).
    expect([result.compared, result.within1, result.notCompared]).toEqual([
      1,
      1,
      { total: 6, open: 0, unreadable: 2, noVendor: 1, badVendor: 3 },
    ]);
    expect(result.problems.map((p) => [p.index, p.field, p.code, p.value])).toEqual([
      [1, "firstResponseAt", "END_BEFORE_START", "2025-03-10T08:00:00Z"],
      [2, "createdAt", "INVALID_DATE", "soon"],
      [3, "v", "INVALID_VALUE", "twenty"],
      [4, "v", "INVALID_VALUE", -3],
      [6, "v", "INVALID_VALUE", "20"],
    ]);
    expect(result.problems[3]!.reason).toBe("v is -3, expected minutes (a number ≥ 0)");
    expect(result.explanation).toContain('1 without a figure in "v", 3 whose "v" is not minutes');
    const none = reconcile([], { metric: "first-response", against: "v" });
    expect([none.share, none.verdict]).toEqual([null, "mismatch"]);
    expect(none.explanation).toMatch(/^cannot be checked/);
  });

  it("rejects bad options with coded errors", () => {
    const bad = (records: unknown, options: unknown) => () => reconcile(records as never, options as never);
    expect(bad("x", { metric: "resolution", against: "v" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(bad([], null)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(bad([], { metric: "nps", against: "v" })).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(bad([], { metric: "resolution", against: "" })).toThrow(/against is ""/);
    expect(bad([], { metric: "resolution", against: "v", mode: "last" })).toThrow(/mode is "last"/);
    expect(bad([], { metric: "resolution", against: "v", timeZone: "Mars" })).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
    expect(bad([], { metric: "resolution", against: "v", calendar: { hours: 1 } })).toThrow(
      expect.objectContaining({ code: "INVALID_CALENDAR" }),
    );
  });
});

describe("checkReport with against", () => {
  it("gives agreement and the verdict of the share; the segment and period select the records", () => {
    const { claims } = checkReport(
      {
        timeZone: "Europe/London",
        claims: [
          { id: "all", metric: "resolution", data: "t", against: BUSINESS, options: { calendar: london } },
          {
            id: "2025",
            metric: "resolution",
            data: "t",
            against: BUSINESS,
            period: "2025",
            options: { calendar: london },
          },
        ],
      },
      { t: tickets },
    );
    expect(claims[0]).toMatchObject({
      verdict: "mismatch",
      printed: BUSINESS,
      n: 10,
      agreement: { compared: 10, exact: 6, within1: 7, share: 7 / 10 },
    });
    expect(claims[0]!.recomputed).toBeCloseTo(70, 10);
    // 7 of 10 within a minute, shown as the share it is.
    expect(claims[0]!.recomputedText).toBe("70 % within 1 min");
    // Created in 2025: 5004, 5005, 5007, 5008, 5010, 5011, 5012 and the open 5009; 5004 differs: 5 of 6 compared.
    expect(claims[1]!.agreement).toMatchObject({ compared: 6, within1: 5, notCompared: { open: 1, noVendor: 1 } });
    expect(claims[1]!.verdict).toBe("mismatch");
  });

  it("agreement counts every record of the data set once: read = outside + undated + records", () => {
    const { claims } = checkReport(
      {
        timeZone: "Europe/London",
        claims: [
          {
            id: "2025",
            metric: "resolution",
            data: "t",
            against: BUSINESS,
            period: "2025",
            options: { calendar: london },
          },
        ],
      },
      { t: [...tickets, { id: "x", createdAt: "someday", resolvedAt: null, [BUSINESS]: 5 }] },
    );
    const agreement = claims[0]!.agreement!;
    // 13 records: 8 created in 2025 (see above), 1 undated ("someday"), 4 created in 2024.
    expect([agreement.read, agreement.outside, agreement.undated, agreement.records]).toEqual([13, 4, 1, 8]);
    expect(agreement.read).toBe(agreement.outside + agreement.undated + agreement.records);
    expect(agreement.records).toBe(agreement.compared + agreement.notCompared.total);
  });

  it("options.resolution chooses first or full resolution; anything else is a coded error", () => {
    // Reopened: solved after 30 min, reopened, solved again after 90; the vendor wrote the first resolution's 30.
    const t = [
      {
        id: 1,
        createdAt: "2025-03-10T09:00:00Z",
        resolvedAt: "2025-03-10T10:30:00Z",
        resolutions: ["2025-03-10T09:30:00Z", "2025-03-10T10:30:00Z"],
        first: 30,
      },
    ];
    const claim = (resolution?: unknown) =>
      checkReport(
        {
          claims: [
            {
              id: "r",
              metric: "resolution",
              data: "t",
              against: "first",
              ...(resolution === undefined ? {} : { options: { resolution } as never }),
            },
          ],
        },
        { t },
      ).claims[0]!;
    expect(claim("first").agreement).toMatchObject({ within1: 1, compared: 1 });
    expect(claim().agreement!.largest.map((d) => [d.recomputed, d.vendor])).toEqual([[90, 30]]);
    expect(claim("full").verdict).toBe("mismatch");
    expect(() => claim("last")).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringMatching(/options.resolution is "last"/),
      }),
    );
    expect(() =>
      checkReport({ claims: [{ id: "p", metric: "resolution", value: "1h", options: { resolution: "first" } }] }, {}),
    ).toThrow(/options.resolution is "first", expected "first" or "full" only on a row-by-row claim/);
  });

  it("a claim with against must be a duration with data", () => {
    const one = (claim: Record<string, unknown>) => () =>
      checkReport({ claims: [{ id: "x", ...claim } as never] }, { t: tickets });
    expect(one({ metric: "nps", data: "t", against: BUSINESS })).toThrow(
      /claim x: metric is "nps", expected first-response or resolution/,
    );
    expect(one({ metric: "resolution", against: BUSINESS })).toThrow(/claim x: data is missing/);
    expect(one({ metric: "resolution", data: "t", against: 3 })).toThrow(/claim x: against is 3/);
    expect(one({ metric: "resolution", data: "u", against: BUSINESS })).toThrow(/no data set "u"/);
  });
});
