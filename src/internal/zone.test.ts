// wallOf: an instant's local date and time, checked by hand against the published rules (Europe/Berlin: CET +01:00,
// CEST +02:00 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October) and against Intl.
import { describe, expect, it } from "vitest";
import { wallOf, wallToInstant } from "./zone.js";

const utc = (text: string): number => Date.parse(`${text}Z`);

describe("wallOf", () => {
  it("gives the wall time on each side of Berlin's changes in 2025", () => {
    expect(wallOf("Europe/Berlin", utc("2025-03-30T00:59:59"))).toBe(utc("2025-03-30T01:59:59")); // CET, +1 h
    expect(wallOf("Europe/Berlin", utc("2025-03-30T01:00:00"))).toBe(utc("2025-03-30T03:00:00")); // CEST from 01:00 UTC, +2 h
    expect(wallOf("Europe/Berlin", utc("2025-10-26T00:59:59"))).toBe(utc("2025-10-26T02:59:59")); // CEST
    expect(wallOf("Europe/Berlin", utc("2025-10-26T01:00:00"))).toBe(utc("2025-10-26T02:00:00")); // CET again: 02:00 comes twice
  });

  it("undoes wallToInstant except in a spring gap, where the shifted time shows", () => {
    expect(wallOf("Europe/Berlin", wallToInstant("Europe/Berlin", utc("2025-03-30T01:30:00"), "shift"))).toBe(
      utc("2025-03-30T01:30:00"),
    );
    expect(wallOf("Europe/Berlin", wallToInstant("Europe/Berlin", utc("2025-03-30T02:00:00"), "shift"))).toBe(
      utc("2025-03-30T03:00:00"),
    );
    expect(wallOf("Europe/Berlin", wallToInstant("Europe/Berlin", utc("2025-10-26T02:30:00"), "shift"))).toBe(
      utc("2025-10-26T02:30:00"),
    );
  });

  it("agrees with Intl on every hour of 2024 in New York, Kolkata and Apia", () => {
    for (const zone of ["America/New_York", "Asia/Kolkata", "Pacific/Apia"]) {
      const format = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      for (let instant = utc("2024-01-01T00:00:00"); instant < utc("2025-01-01T00:00:00"); instant += 3_600_000) {
        const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
        expect(wallOf(zone, instant)).toBe(
          utc(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00`),
        );
      }
    }
  });
});
