// Date cells as people write them: ISO 8601 by default, or a date-fns pattern (--date-format "dd-MM-yyyy HH:mm"); cells
// equal to a --missing-date text are empty; local times are read in --time-zone as the ISO reader reads them (a time in
// a spring gap moves forward, one repeated in autumn is its first occurrence). Every reason names the column, the cell
// as written and what to do.
import { parse } from "date-fns/parse";
import { instantProblem, MAX_INSTANT, MIN_INSTANT, parseInstant, type InstantReading } from "../internal/instant.js";
import { wallToInstant } from "../internal/zone.js";
import { UsageError } from "./args.js";
import type { DateReading } from "./columns.js";

/** How dates are written in a file: `format` a date-fns pattern (ISO 8601 when absent), `missing` the "no date" texts. */
export interface DateOptions {
  /** A date-fns / Unicode pattern such as `dd-MM-yyyy HH:mm`; ISO 8601 when absent. */
  readonly format?: string | undefined;
  /** Texts that stand for no date (a ticket never solved), compared trimmed and without regard to case. */
  readonly missing?: readonly string[] | undefined;
}

/** A compiled --date-format: the pattern, and whether it carries its own offset (then no zone is needed). */
export interface DatePattern {
  readonly pattern: string;
  /** The pattern reads an offset (`X`, `x`) or a timestamp (`t`, `T`): its cells are instants. */
  readonly hasOffset: boolean;
  /** The pattern's tokens, literals as written (quoted text unquoted). */
  readonly tokens: readonly string[];
}

/**
 * A `Date` whose local fields are its UTC fields: date-fns' parse sets the wall time written in the cell without the
 * machine's own zone in the way (a local time in a gap of the machine's zone would move). The zone is applied after,
 * by the same function as for ISO local times.
 */
class WallDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(year: number, month?: number, date?: number): number {
    return month === undefined
      ? this.setUTCFullYear(year)
      : date === undefined
        ? this.setUTCFullYear(year, month)
        : this.setUTCFullYear(year, month, date);
  }
  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    return this.setUTCHours(
      hours,
      min ?? this.getUTCMinutes(),
      sec ?? this.getUTCSeconds(),
      ms ?? this.getUTCMilliseconds(),
    );
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    return this.setUTCMinutes(min, sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds());
  }
  override setSeconds(sec: number, ms?: number): number {
    return this.setUTCSeconds(sec, ms ?? this.getUTCMilliseconds());
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/**
 * What a cell does not say is taken from 2019-01-01 00:00:00.000: January, day 1, midnight. The year 2019 also places
 * two-digit years (`yy`) as POSIX strptime, Python and pandas do: 69-99 → 1969-1999, 00-68 → 2000-2068 (date-fns puts
 * them within 50 years of the reference year).
 */
const REFERENCE_MS = Date.UTC(2019, 0, 1);

/** date-fns' tokens: `do`-style ordinals, runs of one letter, quoted text, any other character (its own expression). */
const TOKENS = /[yYQqMLwIdDecihHKkms]o|(\w)\1*|''|'(''|[^'])+('|$)|./g;

/** The letters date-fns' parse reads (P and p: localized long formats). */
const PARSE_LETTERS = new Set("GyYRuQqMLwIdDEeciabBhHKkmsSXxtTPp");

/** The pattern's year tokens: a calendar year, an extended year, an ISO week-numbering year, or a timestamp. */
const YEAR_LETTERS = new Set("yuRtT");

function usage(pattern: string, why: string): UsageError {
  return new UsageError(
    `--date-format ${JSON.stringify(pattern)}: ${why} (date-fns tokens, e.g. "dd-MM-yyyy HH:mm", "MM/dd/yyyy h:mm a", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ssXXX"; text in single quotes)`,
  );
}

/**
 * Compiles a --date-format pattern; a pattern that date-fns does not read is a usage error saying why (an unknown
 * letter, the week-numbering `YYYY` or day-of-year `DD` where `yyyy` and `dd` were meant, no year).
 */
export function datePattern(pattern: string): DatePattern {
  if (pattern.trim() === "") throw usage(pattern, "the pattern is empty");
  const tokens = pattern.match(TOKENS) ?? [];
  let year = false;
  let hasOffset = false;
  for (const token of tokens) {
    const letter = token[0]!;
    if (!/[A-Za-z]/.test(letter)) continue;
    if (!PARSE_LETTERS.has(letter))
      throw usage(pattern, `"${letter}" is not a date-fns token; put literal text in single quotes`);
    if (letter === "Y")
      throw usage(pattern, `"${token}" is the week-numbering year; write ${"y".repeat(token.length)} for the year`);
    if (letter === "D")
      throw usage(
        pattern,
        `"${token}" is the day of the year; write ${"d".repeat(Math.min(token.length, 2))} for the day of the month`,
      );
    if (YEAR_LETTERS.has(letter)) year = true;
    if ("XxtT".includes(letter)) hasOffset = true;
  }
  if (!year) throw usage(pattern, "the pattern has no year (yyyy or yy)");
  try {
    parse("", pattern, new WallDate(REFERENCE_MS), { in: (value) => new WallDate(value as number) });
  } catch (error) {
    throw usage(pattern, (error as Error).message);
  }
  return { pattern, hasOffset, tokens };
}

/**
 * The wall time a cell gives under a pattern (the date and time written, as if in UTC; or the instant, for a pattern
 * with an offset), or NaN when the cell does not match the pattern or is not a possible date (31.02.2021).
 */
export function readPattern(pattern: DatePattern, text: string): number {
  return parse(text, pattern.pattern, new WallDate(REFERENCE_MS), {
    in: (value) => new WallDate(value as number),
  }).getTime();
}

/** The supported range, as the command's reasons say it. */
const RANGE_WORDS = "the dates the command reads run from 1900-01-01 to 2199-12-31";

/** Wall times read in a zone: a day beyond the supported range on either side (whatever the zone's offset). */
const WALL_MARGIN = 2 * 86_400_000;

/** Cells read per reader before its cache is emptied (date-only columns repeat their few hundred values). */
const CACHE_SIZE = 4096;

/** Reads a file's date cells, and says why one cannot be read. */
export interface DateReader {
  /** The pattern, when the file's dates are written in one. */
  readonly pattern: DatePattern | undefined;
  /** Is this cell (trimmed, case aside) a --missing-date text? */
  isMissing(text: string): boolean;
  /**
   * The instant (epoch ms) of a date cell's text; null for a --missing-date text; undefined when it cannot be read
   * (not written as the pattern or ISO 8601, impossible, a local time without a zone, outside the supported range).
   */
  read(text: string, reading: DateReading): number | null | undefined;
  /**
   * What is wrong with a date cell, in the user's words, as a predicate to follow the cell and its column ("does not
   * match --date-format ...", "read in Europe/Berlin is 1899-12-31T23:00:00.000Z, before the supported range ...; add
   * --missing-date ..."), or undefined when the command has nothing to say beyond the ISO reasons (reasons.ts): an ISO
   * cell inside the range that is no 1900-01-01 placeholder, a blank or missing-date cell.
   */
  problem(cell: unknown, reading: DateReading): string | undefined;
}

/** The instant of a wall time in a zone (as the ISO reader does: a gap moves forward), or NaN far outside the range. */
function inZone(wall: number, zone: string): number {
  if (!(wall >= MIN_INSTANT - WALL_MARGIN && wall <= MAX_INSTANT + WALL_MARGIN)) return Number.NaN;
  return wallToInstant(zone, wall, "shift");
}

/** The first day of the supported range: a date on it in a zone west of UTC reads inside the range, and is a placeholder all the same. */
const FIRST_DAY_END = MIN_INSTANT + 86_400_000;

/**
 * A date reader for `options` with local times in `timeZone` (a column written in UTC is read in UTC). A bad pattern is
 * a {@link UsageError}.
 */
export function dateReader(options: DateOptions, timeZone: string | undefined): DateReader {
  const pattern = options.format === undefined ? undefined : datePattern(options.format);
  const missing = new Set((options.missing ?? []).map((text) => text.trim().toLowerCase()));
  const zoneOf = (reading: DateReading): string | undefined => (reading === "utc" ? "UTC" : timeZone);
  const inUtc: InstantReading = { timeZone: "UTC" };
  const inTimeZone: InstantReading | undefined = timeZone === undefined ? undefined : { timeZone };
  const isoReading = (reading: DateReading): InstantReading | undefined => (reading === "utc" ? inUtc : inTimeZone);
  // The wall time (or instant) of a text under the pattern, cached: date-fns' parse takes microseconds a cell.
  const cache = new Map<string, number>();
  const patternWall = (text: string): number => {
    let ms = cache.get(text);
    if (ms === undefined) {
      if (cache.size >= CACHE_SIZE) cache.clear();
      ms = readPattern(pattern!, text);
      cache.set(text, ms);
    }
    return ms;
  };
  /** The instant before the range check (NaN: unreadable, or no zone for a local time). */
  const unchecked = (text: string, reading: DateReading): number => {
    if (pattern === undefined) {
      // The ISO reader checks the range itself: an instant outside it is read again in UTC terms for the reason.
      return parseInstant(text, isoReading(reading)) ?? Number.NaN;
    }
    const wall = patternWall(text);
    if (Number.isNaN(wall) || pattern.hasOffset) return wall;
    const zone = zoneOf(reading);
    return zone === undefined ? Number.NaN : inZone(wall, zone);
  };
  const isMissing = (text: string): boolean => missing.size > 0 && missing.has(text.trim().toLowerCase());
  const missingAdvice = (text: string): string =>
    `; if it stands for "never" (a placeholder of the export), add --missing-date ${JSON.stringify(text)}; if it is a mistake, correct the cell`;
  return {
    pattern,
    isMissing,
    read(text, reading) {
      if (isMissing(text)) return null;
      const ms = unchecked(text.trim(), reading);
      return ms >= MIN_INSTANT && ms <= MAX_INSTANT ? ms : undefined;
    },
    problem(cell, reading) {
      if (typeof cell !== "string") return undefined;
      const text = cell.trim();
      if (text === "" || isMissing(text)) return undefined;
      const zone = zoneOf(reading);
      if (pattern !== undefined) {
        const wall = patternWall(text);
        if (Number.isNaN(wall))
          return `does not match --date-format ${JSON.stringify(pattern.pattern)} (or is not a possible date); correct the cell, or give the pattern the export writes`;
        if (!pattern.hasOffset && zone === undefined)
          return "is a local time, so its instant depends on the time zone: give --time-zone with the zone the export was written in (for example --time-zone Europe/Berlin), or a --date-format with an offset (XXX)";
        return (
          rangeProblem(text, pattern.hasOffset ? wall : inZone(wall, zone!), pattern.hasOffset ? undefined : zone) ??
          placeholder(text)
        );
      }
      if (parseInstant(text, isoReading(reading)) !== undefined) return placeholder(text);
      if (instantProblem(text, isoReading(reading)).code !== "DATE_OUT_OF_RANGE") return undefined;
      // A local time read in the zone: the instant it is. An instant written with its offset: the range alone.
      const wall = parseInstant(text, inUtc);
      const local = wall === undefined || zone === undefined ? undefined : inZone(wall, zone);
      return (
        (local === undefined ? undefined : rangeProblem(text, local, zone)) ??
        `is outside the supported range (${RANGE_WORDS})${missingAdvice(text)}`
      );
    },
  };

  /** The reason for an instant outside the supported range, with the advice for a placeholder; undefined inside it. */
  function rangeProblem(text: string, ms: number, zone: string | undefined): string | undefined {
    if (ms >= MIN_INSTANT && ms <= MAX_INSTANT) return undefined;
    const where = zone === undefined ? "" : `read in ${zone} `;
    const side = ms < MIN_INSTANT ? "before" : "after";
    const when = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? `${where}is ${new Date(ms).toISOString()}, ` : "is ";
    return `${when}${side} the supported range (${RANGE_WORDS})${missingAdvice(text)}`;
  }

  /** A date read on the range's first day (1900-01-01): a placeholder for "never", whatever the metric says of it. */
  function placeholder(text: string): string | undefined {
    const ms = unchecked(text, "utc");
    return ms >= MIN_INSTANT && ms < FIRST_DAY_END
      ? `is on 1900-01-01, the first day the command reads: a placeholder many exports write for "never"; add --missing-date ${JSON.stringify(text)} to read it as an empty cell (a ticket never solved is then open)`
      : undefined;
  }
}

/**
 * `--as-of` read as the file's dates are read: in the `--date-format` pattern when one is given ("01.04.2025 00:00"
 * with "dd.MM.yyyy HH:mm"), else ISO 8601 (which is also taken beside a pattern); a local time in `--time-zone`. A value
 * that cannot be read is a {@link UsageError} naming the flag, the value and what to write.
 */
export function readAsOf(text: string, format: string | undefined, timeZone: string | undefined): number {
  const flag = `--as-of ${JSON.stringify(text)}`;
  const reading: InstantReading | undefined = timeZone === undefined ? undefined : { timeZone };
  const iso = parseInstant(text.trim(), reading);
  const reader = format === undefined ? undefined : dateReader({ format }, timeZone);
  const read = reader?.read(text, "iso");
  if (typeof read === "number") return read;
  if (iso !== undefined) return iso;
  const zone = timeZone === undefined ? "" : ` in ${timeZone}`;
  if (reader !== undefined && !Number.isNaN(readPattern(reader.pattern!, text.trim()))) {
    if (!reader.pattern!.hasOffset && timeZone === undefined)
      throw new UsageError(
        `${flag} is a local time, so its instant depends on the time zone: give --time-zone (the zone of the file's dates), or a --date-format with an offset (XXX)`,
      );
    throw new UsageError(`${flag} read${zone} is outside the supported range (${RANGE_WORDS})`);
  }
  const problem = instantProblem(text.trim(), reading).code;
  if (format === undefined && problem === "DATE_OUT_OF_RANGE")
    throw new UsageError(`${flag}${zone} is outside the supported range (${RANGE_WORDS})`);
  if (format === undefined && timeZone === undefined && parseInstant(text.trim(), { timeZone: "UTC" }) !== undefined)
    throw new UsageError(
      `${flag} is a local time, so its instant depends on the time zone: give --time-zone, or write the offset ("2025-04-01T00:00:00+02:00")`,
    );
  throw new UsageError(
    format === undefined
      ? `${flag} is not an ISO-8601 date-time (or not a possible one): write when open tickets are judged, for example "2025-04-01T00:00:00Z" (a local time with --time-zone), or give --date-format to write it as the file's dates are written`
      : `${flag} is written neither as --date-format ${JSON.stringify(format)} says nor in ISO 8601 (or is not a possible date): write when open tickets are judged as the file's dates are written, or as "2025-04-01T00:00:00Z"`,
  );
}
