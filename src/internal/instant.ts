/**
 * ISO-8601 date-time with a time and an explicit offset or `Z`:
 * `2025-03-01T09:30:00Z`, `2025-03-01T09:30:00.250+02:00`, `2025-03-01 09:30+0530`.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an instant as epoch milliseconds from a `Date`, an ISO-8601 string with an offset, or
 * epoch milliseconds. Returns `undefined` for anything else: an invalid Date, a string without
 * an offset (its instant depends on the reader's zone), an impossible date (February 30),
 * a non-finite number.
 */
export function parseInstant(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = ISO_WITH_OFFSET.exec(value.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s = "0", fraction = "0", zulu, sign, offsetHours, offsetMinutes = "0"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zulu === undefined ? (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  if (zulu === undefined && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return undefined;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}
