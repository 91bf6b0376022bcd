import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INSTANT, MIN_INSTANT, parseInstant } from "./instant.js";

// The character-code reader of common export timestamps against Date.parse (ECMAScript's own ISO
// reader) on random instants of the supported range, with random offsets and fraction lengths.
describe("parseInstant on ISO-8601 timestamps", () => {
  const pad = (value: number, size = 2): string => String(Math.abs(value)).padStart(size, "0");
  it("agrees with Date.parse for YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Math.ceil(MIN_INSTANT / 1000) + 86_400, max: Math.floor(MAX_INSTANT / 1000) - 86_400 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        fc.constantFrom(0, 1, 2, 3),
        (seconds, millis, quarterHours, digits) => {
          const instant = seconds * 1000 + millis;
          const offset = quarterHours * 15;
          const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
          const fraction = digits === 0 ? "" : `.${pad(millis, 3).slice(0, digits)}`;
          const zone =
            offset === 0 && quarterHours % 2 === 0
              ? "Z"
              : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const text = `${local}${fraction}${zone}`;
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("rejects impossible dates and times, and keeps years 0-99 as they are", () => {
    for (const text of [
      "2025-02-29T10:00:00Z",
      "2024-02-30T10:00:00Z",
      "2025-04-31T00:00:00Z",
      "2025-13-01T00:00:00Z",
      "2025-01-01T24:00:00Z",
      "2025-01-01T10:60:00Z",
      "2025-01-01T10:00:00+24:00",
    ]) {
      expect(parseInstant(text), text).toBeUndefined();
    }
    expect(parseInstant("2024-02-29T10:00:00Z")).toBe(Date.UTC(2024, 1, 29, 10));
    expect(parseInstant("2000-02-29T00:00:00.123456789+05:30")).toBe(Date.UTC(2000, 1, 29) + 123 - 330 * 60_000);
    expect(parseInstant("0099-12-31T00:00:00Z")).toBeUndefined(); // year 99: before the supported range, not 1999
  });
});
