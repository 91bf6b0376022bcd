// Period arithmetic against the platform's Date, and the streaming period clock against the cut-list it replaced in
// reports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOUR_TABLE_AFTER, HOUR_TABLE_YEARS, monthOfDays, periodClock, periodCuts, periodOf } from "./periods.js";

describe("monthOfDays", () => {
  it("agrees with Date's UTC year and month on every day from 1 Feb 0160 to 3 Dec 4160 (±800,000 days)", () => {
    let mismatches = 0;
    for (let day = -800_000; day <= 800_000; day++) {
      const date = new Date(day * 86_400_000);
      if (monthOfDays(day) !== date.getUTCFullYear() * 12 + date.getUTCMonth()) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe("periodClock", () => {
  it("gives the period of periodCuts + periodOf for instants in any order, in zones with DST, odd offsets and a skipped day", () => {
    const zones = [
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Lord_Howe",
      "Pacific/Apia",
      "Asia/Kolkata",
      "Africa/Monrovia",
    ];
    const units = ["day", "week", "month", "quarter", "year"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...units),
        fc.array(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2030, 0, 1) }), { minLength: 1, maxLength: 40 }),
        (zone, unit, instants) => {
          const clock = periodClock(zone, unit);
          const cuts = periodCuts(zone, unit, Math.min(...instants), Math.max(...instants));
          expect(instants.map(clock)).toEqual(instants.map((t) => periodOf(cuts, t)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The local date and offset of an instant in a zone, as Intl gives them (the platform's time-zone data). */
function intlLocal(zone: string, instant: number): { days: number; year: number; month: number; offset: string } {
  let format = FORMATS.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      timeZoneName: "longOffset",
    });
    FORMATS.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  return { days: Date.UTC(year, month - 1, day) / 86_400_000, year, month, offset: parts.timeZoneName! };
}
const FORMATS = new Map<string, Intl.DateTimeFormat>();
const UNITS = ["day", "week", "month", "quarter", "year"] as const;

/** The oracle: the period of an instant from Intl's local date, by the units' definitions (ISO weeks from Monday 1970-01-05). */
function intlPeriod(zone: string, unit: (typeof UNITS)[number], instant: number): number {
  const { days, year, month } = intlLocal(zone, instant);
  if (unit === "day") return days;
  if (unit === "week") return Math.floor((days - 4) / 7);
  if (unit === "month") return year * 12 + month - 1;
  if (unit === "quarter") return year * 4 + Math.floor((month - 1) / 3);
  return year;
}
// DST at midnight (Havana, Beirut, Sao Paulo's old rule), half-hour DST (Lord Howe), offsets of 30 and 45 minutes
// (Kolkata, St John's, Kathmandu, Chatham), a skipped day (Apia, 30 December 2011), an offset with seconds (Monrovia
// before 1972: its edges are tested in 1971).
const EDGE_ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Havana",
  "Asia/Beirut",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "America/St_Johns",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Africa/Monrovia",
];

/**
 * Instants at and next to every local midnight (where each unit's periods start) and offset change of a UTC year
 * (±1 ms, ±1 s, ±30 min, the hour's start and end), found by Intl hour by hour.
 */
function edgesOf(zone: string, year: number): number[] {
  const edges: number[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
    const [start, end] = [intlLocal(zone, t), intlLocal(zone, t + 3_599_999)];
    if (start.days === end.days && start.offset === end.offset) continue;
    for (const step of [0, 1, -1, 1000, -1000, 1_800_000, -1_800_000, 3_599_999, 3_600_000]) edges.push(t + step);
  }
  return edges;
}

/** A clock past its first HOUR_TABLE_AFTER lookups (made with one instant of 1950), so that it reads its hour table. */
function tableClock(zone: string, unit: (typeof UNITS)[number]): (instant: number) => number {
  const clock = periodClock(zone, unit);
  for (let i = 0; i < HOUR_TABLE_AFTER; i++) clock(Date.UTC(1950, 5, 1));
  return clock;
}

describe("periodClock's hour table", () => {
  it("gives Intl's period at and next to every period start and offset change of 2011, in zones with odd rules", () => {
    for (const zone of EDGE_ZONES) {
      const edges = edgesOf(zone, zone === "Africa/Monrovia" ? 1971 : 2011);
      for (const unit of UNITS) {
        const clock = tableClock(zone, unit);
        // Twice: the first call of an hour fills its year, the second reads the table.
        const mismatches = [...edges, ...edges].filter((t) => clock(t) !== intlPeriod(zone, unit, t));
        expect({ zone, unit, mismatches: mismatches.slice(0, 3) }).toEqual({ zone, unit, mismatches: [] });
      }
    }
  }, 120_000);

  it("gives Intl's period for random instants of 1900-2199, in any order (a span past HOUR_TABLE_YEARS included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDGE_ZONES),
        fc.constantFrom(...UNITS),
        fc.integer({ min: 1900, max: 2199 - HOUR_TABLE_YEARS }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (zone, unit, fromYear, fractions) => {
          const clock = tableClock(zone, unit);
          // Most instants within a few years of fromYear (the table's years), some anywhere up to 2199.
          const instants = fractions.map((f, i) => {
            const span = i % 5 === 4 ? Date.UTC(2199, 11, 31) - Date.UTC(fromYear, 0, 1) : 4 * 365 * 86_400_000;
            return Date.UTC(fromYear, 0, 1) + Math.floor(f * span);
          });
          for (const t of [...instants, ...instants]) expect([t, clock(t)]).toEqual([t, intlPeriod(zone, unit, t)]);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("keeps a clock's table within HOUR_TABLE_YEARS years and still answers outside it", () => {
    const clock = tableClock("Europe/Berlin", "month");
    // 2025-03-30T00:30Z is 01:30 CET (March); 1901 and 2150 lie beyond any 40-year table with 2025.
    expect(clock(Date.UTC(2025, 2, 30, 0, 30))).toBe(2025 * 12 + 2);
    expect(clock(Date.UTC(1901, 0, 1, 12))).toBe(1901 * 12);
    expect(clock(Date.UTC(2150, 11, 31, 23, 30))).toBe(2151 * 12); // 00:30 CET on 1 January 2151
    // 2025-10-31T23:30Z is 00:30 CET on 1 November: the hour's period is November, from the table.
    expect(clock(Date.UTC(2025, 9, 31, 23, 30))).toBe(2025 * 12 + 10);
    expect(clock(Date.UTC(2025, 9, 31, 22, 59, 59, 999))).toBe(2025 * 12 + 9);
  });
});
