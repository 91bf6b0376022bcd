// Period arithmetic against the platform's Date, and the streaming period clock against the cut-list it replaced in
// reports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthOfDays, periodClock, periodCuts, periodOf } from "./periods.js";

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
