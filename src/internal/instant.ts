import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "./describe.js";
import { wallToInstant } from "./zone.js";

/** The first supported instant: 1900-01-01T00:00:00Z. */
export const MIN_INSTANT = -2_208_988_800_000;
/** The last supported instant: 2199-12-31T23:59:59.999Z. */
export const MAX_INSTANT = 7_258_118_399_999;
/** The supported range, as error messages and docs print it. */
export const SUPPORTED_RANGE = "1900-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z";

/**
 * ISO-8601 date, optionally with a time, optionally with an offset or `Z`:
 * `2025-03-01`, `2025-03-01T09:30`, `2025-03-01T09:30:00.250+02:00`, `2025-03-01 09:30+0530`.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** How instants are read: `timeZone` lets local date-times and plain dates be read in that zone. */
export interface InstantReading {
  /** IANA zone for strings without an offset (`2025-03-01T09:30`, `2025-03-01`); without it they are rejected. */
  readonly timeZone?: string | undefined;
}

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a date (month 1-12), proleptic Gregorian (H. Hinnant's days_from_civil); any year, 0-99 too.
 */
function civilDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}

/** Epoch ms of a UTC date and time (month 1-12). */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  return civilDays(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Two ASCII digits at i as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common shapes of export timestamps read by character codes: `YYYY-MM-DDTHH:MM:SS`, optional
 * `.fff` (1-9 digits), then `Z` or `±HH:MM`. Returns undefined for any other shape (the regular
 * expression reads those) and NaN for an impossible date in this shape.
 */
function parseCommonIso(text: string): number | undefined {
  const n = text.length;
  if (
    n < 20 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yy < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    let scale = 100;
    i++;
    const from = i;
    while (i < n) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      millis += digit * scale;
      scale /= 10;
      i++;
    }
    if (i === from || i - from > 9) return undefined;
    millis = Math.floor(millis + 1e-9);
  }
  let offset: number;
  const mark = text.charCodeAt(i);
  if (mark === 90 && i + 1 === n) offset = 0;
  else if ((mark === 43 || mark === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(text, i + 1);
    const om = twoDigits(text, i + 4);
    if (oh < 0 || om < 0) return undefined;
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (mark === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return undefined;
  const year = century * 100 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return Number.NaN;
  return utc(year, month, day, hour, minute, second, millis) - offset;
}

/** The epoch ms of a `Date` (also of a Proxy or subclass that is not a real Date: NaN then). */
function dateMs(value: Date): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * Reads an instant as epoch milliseconds from a `Date`, an ISO-8601 string, or epoch milliseconds.
 * Returns `undefined` for anything else: an invalid Date, an impossible date (February 30), a
 * non-finite number, a string without an offset when no `timeZone` is given, and any instant
 * outside the supported range ({@link SUPPORTED_RANGE}). {@link instantProblem} says which.
 */
export function parseInstant(value: unknown, reading?: InstantReading): number | undefined {
  let ms: number;
  if (typeof value === "number") ms = value;
  else if (value instanceof Date) ms = dateMs(value);
  else if (typeof value === "string") ms = parseIsoString(value, reading?.timeZone);
  else return undefined;
  return ms >= MIN_INSTANT && ms <= MAX_INSTANT ? ms : undefined;
}

function parseIsoString(text: string, timeZone: string | undefined): number {
  const common = parseCommonIso(text);
  if (common !== undefined) return common;
  const match = ISO.exec(text.trim());
  if (match === null) return Number.NaN;
  const [, y, mo, d, h, mi, s = "0", fraction = "0", zulu, sign, offsetHours, offsetMinutes = "0"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  const wall = utc(year, month, day, hour, minute, second, millis);
  if (zulu !== undefined) return wall;
  if (sign !== undefined) {
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return Number.NaN;
    return wall - (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  }
  if (timeZone === undefined || !(wall >= MIN_INSTANT - 2 * 86_400_000 && wall <= MAX_INSTANT + 2 * 86_400_000))
    return Number.NaN;
  return wallToInstant(timeZone, wall, "shift");
}

/** What is wrong with a value that {@link parseInstant} rejected: the error code and the words for it. */
export interface InstantProblem {
  readonly code: "INVALID_DATE" | "DATE_OUT_OF_RANGE";
  /** What was found, and what to do: `"2025-03-01" is a date without a time: pass { timeZone } to read ...`. */
  readonly reason: string;
}

const EXPECTED = "a Date, an ISO-8601 date-time with an offset or Z, or epoch milliseconds";

function outOfRange(what: string, ms: number): InstantProblem {
  return {
    code: "DATE_OUT_OF_RANGE",
    reason: `${what} is ${new Date(ms).toISOString()}, outside the supported range ${SUPPORTED_RANGE}`,
  };
}

/** A hint for a number outside the range that would fit it in another unit. */
function unitHint(ms: number): string {
  const units: readonly (readonly [number, string])[] = [
    [1e3, "seconds"],
    [1e-3, "microseconds"],
    [1e-6, "nanoseconds"],
  ];
  for (const [factor, unit] of units) {
    const scaled = ms * factor;
    if (scaled >= MIN_INSTANT && scaled <= MAX_INSTANT) {
      return `; it looks like ${unit} since the epoch rather than milliseconds (${new Date(scaled).toISOString()} read as ${unit})`;
    }
  }
  return "";
}

/**
 * Why a value is not a supported instant (call it after {@link parseInstant} returned undefined).
 * Empty cells, text, dates without a time and local times without a zone, impossible dates, and
 * instants outside the range each get their own words.
 */
export function instantProblem(value: unknown, reading?: InstantReading): InstantProblem {
  const text = describe(value);
  if (value === undefined || value === null)
    return { code: "INVALID_DATE", reason: `the value is missing (${String(value)}), expected ${EXPECTED}` };
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      return { code: "INVALID_DATE", reason: `${text} is not a finite number of epoch milliseconds` };
    const range =
      value > 8.64e15 || value < -8.64e15
        ? `${text} ms is beyond the range of JavaScript dates`
        : `${text} ms is ${new Date(value).toISOString()}`;
    return {
      code: "DATE_OUT_OF_RANGE",
      reason: `${range}, outside the supported range ${SUPPORTED_RANGE}${unitHint(value)}`,
    };
  }
  if (value instanceof Date) {
    const ms = dateMs(value);
    if (Number.isNaN(ms))
      return { code: "INVALID_DATE", reason: "the Date is invalid (its time is NaN), or not a real Date" };
    return outOfRange("the Date", ms);
  }
  if (typeof value !== "string")
    return { code: "INVALID_DATE", reason: `${describeType(value)} is not an instant, expected ${EXPECTED}` };
  const trimmed = value.trim();
  if (trimmed === "") return { code: "INVALID_DATE", reason: `the cell is empty (${text}), expected ${EXPECTED}` };
  const match = ISO.exec(trimmed);
  if (match === null)
    return {
      code: "INVALID_DATE",
      reason: `${text} is not an ISO-8601 date-time (expected for example "2025-03-01T09:30:00Z" or "2025-03-01T09:30:00+02:00")`,
    };
  const local = match[8] === undefined && match[9] === undefined;
  if (Number.isNaN(parseIsoString(trimmed, "UTC")))
    return {
      code: "INVALID_DATE",
      reason: `${text} is not a possible date and time (a day, hour or offset out of its range)`,
    };
  const ms = parseIsoString(trimmed, reading?.timeZone);
  if (local && reading?.timeZone === undefined) {
    const kind = match[4] === undefined ? "a date without a time" : "a local time without an offset";
    return {
      code: "INVALID_DATE",
      reason: `${text} is ${kind}: its instant depends on the time zone; add an offset or Z, or pass { timeZone: "Europe/Berlin" } (any IANA zone) to read local times in that zone`,
    };
  }
  if (Number.isNaN(ms))
    return {
      code: "INVALID_DATE",
      reason: `${text} is not a possible date and time (a day, hour or offset out of its range)`,
    };
  return {
    ...outOfRange(text, ms),
    reason: `${outOfRange(text, ms).reason}; if it is a placeholder for "never", leave the field empty (null)`,
  };
}

function describeType(value: unknown): string {
  if (typeof value === "bigint") return `the BigInt ${String(value)}n`;
  if (typeof value === "boolean") return `the boolean ${String(value)}`;
  return `a value of type ${typeof value}`;
}

/**
 * The coded error for a value that is not a supported instant: `INVALID_DATE` or
 * `DATE_OUT_OF_RANGE`, naming what was read (`createdAt of interaction 3`) and why.
 */
export function instantError(
  fn: string,
  what: string,
  value: unknown,
  where: { readonly index?: number; readonly field?: string; readonly reading?: InstantReading } = {},
): CxMetricsError {
  const problem = instantProblem(value, where.reading);
  return new CxMetricsError(fn, problem.code, `${what}: ${problem.reason}`, {
    value,
    ...(where.index === undefined ? {} : { index: where.index }),
    ...(where.field === undefined ? {} : { field: where.field }),
  });
}
