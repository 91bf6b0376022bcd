// Row-by-row reconciliation: each record's recomputed minutes (the service clock of the time module, the same rule as
// every other duration here) against the minutes the vendor computed for that record, with the share that agrees and
// the differences grouped by size and by date, so that a holiday or a changed schedule shows itself as a group.
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { civilDayOf, DAY_MS, wallToInstant } from "../internal/zone.js";
import { field } from "../report/fields.js";
import { vendorMinutesOf } from "../report/vendor-minutes.js";
import { businessMinutes } from "../time/business-minutes.js";
import type { BusinessCalendar, BusinessCalendarOptions } from "../time/calendar.js";
import type { Interaction } from "../time/interaction.js";
import { calendarFromSchedule } from "../time/schedule.js";
import { serviceClock } from "../time/service-clock.js";
import { isBlank } from "../internal/values.js";
import { counted } from "../internal/words.js";

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /** The figure per record: `"first-response"` or `"resolution"`. */
  readonly metric: "first-response" | "resolution";
  /** The field of each record that holds the vendor's minutes (a CSV header: "Full resolution time in minutes"). */
  readonly against: string;
  /**
   * The business calendar (built, its options, a Zendesk schedule or Intercom office hours, as for
   * `calendarFromSchedule`): records are measured in its business minutes; without it, in calendar minutes.
   */
  readonly calendar?: BusinessCalendar | BusinessCalendarOptions | Readonly<Record<string, unknown>>;
  /** Resolution: to the last resolution (`"full"`, default) or the first. */
  readonly mode?: "first" | "full";
  /** IANA zone of the dates differences are grouped by; default the calendar's zone, else UTC. */
  readonly timeZone?: string;
  /** The field naming a record in the list of largest differences [`"id"`]. */
  readonly id?: string;
}

/** Differences of one size: recomputed − vendor, by absolute size. */
export interface DifferenceSize {
  /** "1-5 min", "5-60 min", "1-8 h" or "> 8 h" (within a minute is agreement, not a difference). */
  readonly size: string;
  /** Records whose difference is of this size. */
  readonly records: number;
  /** Of them, records whose recomputed minutes are higher than the vendor's. */
  readonly higher: number;
  /** Of them, records whose recomputed minutes are lower. */
  readonly lower: number;
}

/**
 * A date with records that differ. On a date the calendar works (any date without a calendar): the compared records
 * with working time that date, and those of them that differ. On a date the calendar is closed all day (a weekend, a
 * holiday): the compared records whose span covers part of it, and those of them recomputed lower than the vendor (the
 * vendor counted time there that the calendar does not: a holiday only the calendar has shows here).
 */
export interface DifferenceDate {
  /** "YYYY-MM-DD" in the grouping zone. */
  readonly date: string;
  /** Whether the calendar has no working time all that date (a weekend, a holiday); always false without a calendar. */
  readonly closed: boolean;
  /** Compared records with working time that date, or on a closed date whose span covers part of it. */
  readonly records: number;
  /** Of them, records that differ by more than a minute (on a closed date: those recomputed lower). */
  readonly differing: number;
}

/** A record that could not be compared because a value in it cannot be read. */
export interface RecordProblem {
  /** 0-based position in the records given. */
  readonly index: number;
  /** The field whose value cannot be read (a timestamp's, or the vendor's column). */
  readonly field: string | null;
  /** The error's code: `INVALID_VALUE`, `INVALID_TIMESTAMP`, `END_BEFORE_START`, ... */
  readonly code: string;
  /** The value as the record holds it. */
  readonly value: unknown;
  /** Why, in the library's words (the command line says it in the file's). */
  readonly reason: string;
}

/** A record's coded error as a {@link RecordProblem}: its field, code and value, the message without the function's name. */
export function recordProblem(index: number, error: CxMetricsError): RecordProblem {
  return {
    index,
    field: error.field ?? null,
    code: error.code,
    value: error.value,
    reason: error.message.replace(/^[\w.]+: /, ""),
  };
}

/** One record that differs. */
export interface RecordDifference {
  /** 0-based position in the records given. */
  readonly index: number;
  /** The record's id field, when it has one. */
  readonly id: string | null;
  /** Recomputed minutes. */
  readonly recomputed: number;
  /** The vendor's minutes. */
  readonly vendor: number;
  /** recomputed − vendor. */
  readonly difference: number;
}

/** The result of {@link reconcile}. */
export interface Reconciliation {
  /** The metric measured. */
  readonly metric: "first-response" | "resolution";
  /** The field compared with. */
  readonly against: string;
  /** `"business"` with a calendar, else `"calendar"`. */
  readonly clock: "business" | "calendar";
  /** Records given. */
  readonly records: number;
  /** Records with both figures, compared. */
  readonly compared: number;
  /** Compared records whose figures are the same whole minute (|difference| < 0.5). */
  readonly exact: number;
  /** Compared records within a minute (|difference| ≤ 1). */
  readonly within1: number;
  /** within1 / compared (a fraction 0-1); null when nothing was compared. */
  readonly share: number | null;
  /**
   * Records not compared, and why: no recomputed figure (still open), timestamps not readable, no vendor figure, a
   * vendor figure that is not minutes. `total` = open + unreadable + noVendor + badVendor.
   */
  readonly notCompared: {
    /** All records not compared. */
    readonly total: number;
    /** No recomputed figure: the ticket has no reply or resolution yet. */
    readonly open: number;
    /** Timestamps that cannot be read, or an end before the start. */
    readonly unreadable: number;
    /** No figure in the vendor's field (missing or null). */
    readonly noVendor: number;
    /** A vendor figure that is not minutes (a number ≥ 0): text such as "twenty", a negative number. */
    readonly badVendor: number;
  };
  /** The first records (up to 5) not compared because a value cannot be read (`unreadable`, `badVendor`), and why. */
  readonly problems: readonly RecordProblem[];
  /** `match` when share ≥ 0.99, `close` when ≥ 0.9, else `mismatch` (also when nothing was compared). */
  readonly verdict: "match" | "close" | "mismatch";
  /** Records that differ by more than a minute, by size. */
  readonly bySize: readonly DifferenceSize[];
  /**
   * Dates with records that differ (see {@link DifferenceDate}), most telling first: the highest share of its records
   * differing, then the most differing, then the earliest; at most 50 dates, and a record's span is followed for its
   * first 400 days.
   */
  readonly byDate: readonly DifferenceDate[];
  /** The largest differences (up to 10), largest first. */
  readonly largest: readonly RecordDifference[];
  /** In words. */
  readonly explanation: string;
}

const FN = "reconcile";
const SIZES: readonly { size: string; upTo: number }[] = [
  { size: "1-5 min", upTo: 5 },
  { size: "5-60 min", upTo: 60 },
  { size: "1-8 h", upTo: 480 },
  { size: "> 8 h", upTo: Number.POSITIVE_INFINITY },
];
/** Days of one record's span looked at for the dates (a longer span is grouped by its first 400 days). */
const MAX_DAYS = 400;
const LISTED_DATES = 50;
const LISTED_PROBLEMS = 5;

const percent = (share: number): string => `${Number((share * 100).toFixed(1))} %`;

/**
 * Reconciles each record's minutes with the minutes a vendor computed for it (Zendesk's "Full resolution time in
 * minutes within business hours", say): the records are measured by the library's service clock (`serviceClock`:
 * creation to first response, or to the last or first resolution; business minutes of `calendar`, else calendar
 * minutes), each compared with `record[against]`.
 *
 * - `exact`: the same whole minute (|recomputed − vendor| < 0.5); `within1`: within a minute (≤ 1, as vendors write
 *   whole minutes); `share` = within1 / compared. Records without both figures are not compared, and counted by
 *   reason.
 * - Verdict: `match` when share ≥ 0.99, `close` when ≥ 0.9, else `mismatch` (DESIGN.md, "Row-by-row reconciliation").
 * - The records that differ by more than a minute are grouped by size and by date (in the calendar's zone): for each
 *   date the calendar works, how many compared records had working time that date and how many of them differ; for
 *   each date the calendar is closed all day (a weekend, a holiday), how many compared records were open then and how
 *   many of them are recomputed lower. A holiday the vendor's schedule has and the calendar lacks shows as a working
 *   date on which every record differs (recomputed higher); a holiday the calendar has and the vendor's schedule lacks,
 *   as a closed date on which every record is recomputed lower; a schedule changed from a date on, as a run of dates.
 *   At most 50 dates are listed (`byDate`).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` (records not an array, `against` not a text), `INVALID_OPTION` (an
 *   unknown metric or mode), `INVALID_TIME_ZONE`, and the calendar's errors.
 * @example
 * ```ts
 * import { reconcile } from "cx-metrics/check";
 *
 * const tickets = [
 *   { id: 1, createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-10T11:00:00Z", vendor: 120 },
 *   { id: 2, createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-10T09:45:30Z", vendor: 45 },
 *   { id: 3, createdAt: "2025-03-10T09:00:00Z", resolvedAt: "2025-03-10T10:00:00Z", vendor: 30 },
 * ];
 * const result = reconcile(tickets, { metric: "resolution", against: "vendor" });
 * result.within1; //=> 2
 * result.share; //=> 0.6666666666666666
 * result.verdict; //=> "mismatch"
 * ```
 */
export function reconcile(records: readonly unknown[], options: ReconcileOptions): Reconciliation {
  if (!Array.isArray(records))
    throw new CxMetricsError(FN, "INVALID_ARGUMENT", `records is ${describe(records)}, expected an array`, {
      value: records,
    });
  if (typeof options !== "object" || options === null)
    throw new CxMetricsError(FN, "INVALID_ARGUMENT", `options is ${describe(options)}, expected { metric, against }`, {
      value: options,
    });
  const { metric, against, mode = "full" } = options;
  if (metric !== "first-response" && metric !== "resolution")
    throw new CxMetricsError(
      FN,
      "INVALID_OPTION",
      `metric is ${describe(metric)}, expected "first-response" or "resolution"`,
      { value: metric },
    );
  if (mode !== "first" && mode !== "full")
    throw new CxMetricsError(FN, "INVALID_OPTION", `mode is ${describe(mode)}, expected "full" or "first"`, {
      value: mode,
    });
  if (typeof against !== "string" || against === "")
    throw new CxMetricsError(
      FN,
      "INVALID_ARGUMENT",
      `against is ${describe(against)}, expected the field of the vendor's minutes`,
      { value: against },
    );
  const calendar = options.calendar === undefined ? undefined : calendarFromSchedule(options.calendar);
  const zone = options.timeZone ?? calendar?.timeZone ?? "UTC";
  assertTimeZone(FN, zone);
  const idField = options.id ?? "id";
  const clock = serviceClock({ metric, calendar, mode }, FN);

  let open = 0;
  let unreadable = 0;
  let noVendor = 0;
  let badVendor = 0;
  const problems: RecordProblem[] = [];
  const problem = (index: number, error: CxMetricsError): void => {
    if (problems.length < LISTED_PROBLEMS) problems.push(recordProblem(index, error));
  };
  let exact = 0;
  let within1 = 0;
  const compared: { index: number; start: number; end: number; differs: boolean; lower: boolean }[] = [];
  const differences: RecordDifference[] = [];
  records.forEach((record, index) => {
    let measured: ReturnType<typeof clock.measure>;
    try {
      measured = clock.measure(record as Interaction, index);
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      unreadable++;
      problem(index, error);
      return;
    }
    if (measured === null) {
      open++;
      return;
    }
    let vendor: number | null;
    try {
      vendor = vendorMinutesOf(FN, against, field(record, against), index);
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      badVendor++;
      problem(index, error);
      return;
    }
    if (vendor === null) {
      noVendor++;
      return;
    }
    const recomputed = calendar === undefined ? measured.calendarMinutes : measured.businessMinutes!;
    const difference = recomputed - vendor;
    const size = Math.abs(difference);
    if (size < 0.5) exact++;
    if (size <= 1) within1++;
    else {
      const id = field(record, idField);
      differences.push({ index, id: isBlank(id) ? null : String(id), recomputed, vendor, difference });
    }
    compared.push({ index, start: measured.start, end: measured.end, differs: size > 1, lower: difference < -1 });
  });

  const bySize = SIZES.map(({ size, upTo }, i) => {
    const from = i === 0 ? 1 : SIZES[i - 1]!.upTo;
    const group = differences.filter((d) => Math.abs(d.difference) > from && Math.abs(d.difference) <= upTo);
    return {
      size,
      records: group.length,
      higher: group.filter((d) => d.difference > 0).length,
      lower: group.filter((d) => d.difference < 0).length,
    };
  }).filter((group) => group.records > 0);
  const byDate = datesOf(compared, calendar, zone);
  const largest = [...differences]
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.index - b.index)
    .slice(0, 10);
  const share = compared.length === 0 ? null : within1 / compared.length;
  const verdict = share === null ? "mismatch" : share >= 0.99 ? "match" : share >= 0.9 ? "close" : "mismatch";
  const notCompared = { total: open + unreadable + noVendor + badVendor, open, unreadable, noVendor, badVendor };
  const result = {
    metric,
    against,
    clock: calendar === undefined ? ("calendar" as const) : ("business" as const),
    records: records.length,
    compared: compared.length,
    exact,
    within1,
    share,
    notCompared,
    problems,
    verdict: verdict as Reconciliation["verdict"],
    bySize,
    byDate,
    largest,
  };
  return { ...result, explanation: explainReconciliation(result) };
}

/**
 * For each date (in `zone`) with records that differ: on a date the calendar works, the compared records with working
 * time that date and how many of them differ; on a date the calendar is closed all day, the compared records whose
 * span covers part of it and how many of them are recomputed lower (time the vendor counted and the calendar does not).
 * Most telling first: the highest share differing, then the most differing, then the earliest.
 */
function datesOf(
  compared: readonly { start: number; end: number; differs: boolean; lower: boolean }[],
  calendar: BusinessCalendar | undefined,
  zone: string,
): DifferenceDate[] {
  const days = new Map<number, { closed: boolean; records: number; differing: number }>();
  const closedDays = new Map<number, boolean>();
  /** Whether the calendar has no working time on the whole civil day starting at wall time `day`. */
  const isClosed = (day: number, from: number, to: number): boolean => {
    if (calendar === undefined) return false;
    let closed = closedDays.get(day);
    if (closed === undefined) {
      closed = businessMinutes(calendar, from, to) === 0;
      closedDays.set(day, closed);
    }
    return closed;
  };
  const spans = compared.some((record) => record.differs) ? compared : [];
  for (const { start, end, differs, lower } of spans) {
    let day = civilDayOf(zone, start);
    for (let n = 0; n < MAX_DAYS; n++, day += DAY_MS) {
      const startOfDay = wallToInstant(zone, day, "transition");
      const endOfDay = wallToInstant(zone, day + DAY_MS, "transition");
      const dayStart = Math.max(start, startOfDay);
      if (dayStart >= end) break;
      const dayEnd = Math.min(end, endOfDay);
      const closed = isClosed(day, startOfDay, endOfDay);
      if (
        dayEnd <= dayStart ||
        (!closed && calendar !== undefined && businessMinutes(calendar, dayStart, dayEnd) === 0)
      )
        continue;
      const entry = days.get(day) ?? { closed, records: 0, differing: 0 };
      entry.records++;
      if (closed ? lower : differs) entry.differing++;
      days.set(day, entry);
    }
  }
  return [...days]
    .filter(([, entry]) => entry.differing > 0)
    .sort(
      ([dayA, a], [dayB, b]) =>
        b.differing / b.records - a.differing / a.records || b.differing - a.differing || dayA - dayB,
    )
    .slice(0, LISTED_DATES)
    .map(([day, entry]) => ({ date: new Date(day).toISOString().slice(0, 10), ...entry }));
}

/** The reconciliation in words: agreement, what was not compared, the differences by size and by date. */
export function explainReconciliation(result: Omit<Reconciliation, "explanation">): string {
  const { compared, within1, exact, share, notCompared, bySize, byDate, against, clock } = result;
  const parts: string[] = [];
  if (share === null)
    parts.push(`cannot be checked: no record has both a recomputed figure and a figure in "${against}"`);
  else
    parts.push(
      `${within1} of ${compared} records within a minute of "${against}" (${percent(share)}; ${exact} exact), ${clock} minutes`,
    );
  if (notCompared.total > 0) {
    const why = [
      notCompared.open > 0 ? `${notCompared.open} still open` : "",
      notCompared.unreadable > 0 ? `${notCompared.unreadable} with times that cannot be read` : "",
      notCompared.noVendor > 0 ? `${notCompared.noVendor} without a figure in "${against}"` : "",
      notCompared.badVendor > 0 ? `${notCompared.badVendor} whose "${against}" is not minutes` : "",
    ].filter(Boolean);
    parts.push(`${counted(notCompared.total, "record")} not compared (${why.join(", ")})`);
  }
  if (bySize.length > 0)
    parts.push(
      `differences by size: ${bySize
        .map(
          (group) =>
            `${group.size} ${group.records}${group.higher === group.records ? " (all recomputed higher)" : group.lower === group.records ? " (all recomputed lower)" : ` (${group.higher} higher, ${group.lower} lower)`}`,
        )
        .join(", ")}`,
    );
  if (byDate.length > 0) {
    const first = byDate[0]!;
    const hint =
      first.differing !== first.records || first.records < 2
        ? ""
        : first.closed
          ? ` (every record open on ${first.date}, a day the calendar is closed, is recomputed lower: did the vendor's schedule work that day?)`
          : ` (every record with ${clock === "business" ? "working " : ""}time on ${first.date} differs: a holiday or other hours in the vendor's schedule that day?)`;
    parts.push(
      `by date (records with ${clock === "business" ? "working " : ""}time that day that differ${byDate.some((date) => date.closed) ? "; on a day the calendar is closed, records open then that are recomputed lower" : ""}): ${byDate
        .slice(0, 5)
        .map((date) => `${date.date}${date.closed ? " (closed)" : ""} ${date.differing} of ${date.records}`)
        .join(", ")}${hint}`,
    );
  }
  return parts.join("; ");
}
