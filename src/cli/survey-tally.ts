// Survey rows counted straight from their cells: a row whose score is one or two digits the metric takes, whose date
// reads as an instant and whose segment and period already have a group is tallied by (segment, period, score) and
// never becomes a record; the tallies reach the summary by `addCountedValue` (the metric's kernel reads each value, as
// for the DuckDB engine's counts). Every other row goes through the record path as before (`builder.add`), which
// also starts each group and says why a bad row is bad: figures, groups and reject reasons are those of the record
// path. (A record per row was half of the rows' CPU time on a 1M-row survey: bench/README.md.)
import type { ExcludedRow } from "../errors/batch.js";
import { parseInstant } from "../internal/instant.js";
import { periodClock } from "../internal/periods.js";
import type { SummarizeSpec } from "../report/spec.js";
import { createSummary, type SummaryBuilder } from "../report/summarize.js";
import type { ResolvedField } from "./columns.js";
import type { DateReader } from "./dates.js";

/** A started group's tally: the count of each score (0-99) not yet in the summary. */
interface Tally {
  readonly text: string;
  readonly period: number;
  readonly counts: Float64Array;
  /** Has it counted a row since the last flush (it is then in the flush's list)? */
  waiting: boolean;
}

/** The tallies of a part: per segment cell text, per period. */
type Tallies = Map<string, Map<number, Tally>>;

/** A survey part's tallies beside its summary. */
export interface SurveyTally {
  /**
   * Adds a row (read without problems): tallied when it can be, else through `add` (the record path), which is
   * returned; null for a tallied row or a good one.
   */
  add(cells: readonly unknown[], add: () => ExcludedRow | null): ExcludedRow | null;
  /** Puts the tallies into the summary (before its state or result is read). */
  flush(): void;
}

/**
 * The tally of a report, or null when its rows need the record path (another metric, weights, extra not-rated
 * markers, renamed fields, several segment fields, a column missing).
 */
export function surveyTally(
  spec: SummarizeSpec,
  builder: SummaryBuilder,
  columns: readonly ResolvedField[],
  dates: DateReader,
): SurveyTally | null {
  const metric = spec.metric;
  if (metric !== "nps" && metric !== "csat" && metric !== "ces") return null;
  const by = spec.by ?? [];
  if (spec.weight !== undefined || spec.unanswered !== undefined || spec.fields !== undefined || by.length > 1)
    return null;
  const column = (field: string): ResolvedField | undefined =>
    columns.find((candidate) => candidate.field === field && candidate.minutesIndex === undefined);
  const score = column(metric === "nps" ? "score" : "rating");
  const date = spec.every === undefined ? undefined : column("respondedAt");
  const segment = by.length === 0 ? undefined : column(by[0]!);
  if (score === undefined || score.kind !== "number" || score.index < 0) return null;
  if (spec.every !== undefined && (date === undefined || date.kind !== "date" || date.index < 0)) return null;
  if (by.length === 1 && (segment === undefined || segment.kind !== "text" || segment.index < 0)) return null;
  if (date !== undefined && date.reading === "unix-seconds") return null;
  const taken = takenScores(spec);
  const reading = spec.timeZone === undefined ? undefined : { timeZone: spec.timeZone };
  const clock = spec.every === undefined ? null : periodClock(spec.timeZone ?? "UTC", spec.every);
  const scoreIndex = score.index;
  const dateIndex = date?.index ?? -1;
  const dateReading = date?.reading ?? "iso";
  const segmentIndex = segment?.index ?? -1;
  /** The period of a row's date cell as summarize reads it (0 without periods); undefined when it cannot be read. */
  const periodOf = (cells: readonly unknown[]): number | undefined => {
    if (clock === null) return 0;
    const text = cells[dateIndex];
    // A blank, a --missing-date text or a date that does not read: the record path says what it is.
    if (typeof text !== "string" || text.length === 0) return undefined;
    const read = dates.read(text, dateReading);
    const ms = typeof read === "number" ? parseInstant(read, reading) : undefined;
    return ms === undefined ? undefined : clock(ms);
  };
  /** The groups the record path has started (by segment cell text, then period), each with its tally since the last flush. */
  const tallies: Tallies = new Map();
  // The tallies that counted rows since the last flush: a flush touches those only (a file of 100,000 segments starts
  // a group at nearly every row, and a flush over every group made that quadratic).
  const waiting: Tally[] = [];
  const flush = (): void => {
    for (const tally of waiting) {
      const counts = tally.counts;
      for (let value = 0; value < counts.length; value++)
        if (counts[value]! > 0) {
          builder.addCountedValue(
            segmentIndex === -1 ? [] : [tally.text],
            clock === null ? null : tally.period,
            value,
            counts[value]!,
          );
          counts[value] = 0;
        }
      tally.waiting = false;
    }
    waiting.length = 0;
  };
  return {
    add(cells, add) {
      const text = segmentIndex === -1 ? "" : cells[segmentIndex];
      const period = typeof text === "string" ? periodOf(cells) : undefined;
      if (period === undefined || typeof text !== "string") return add();
      const tally = tallies.get(text)?.get(period);
      if (tally !== undefined) {
        const value = scoreOf(cells[scoreIndex]);
        if (value !== -1 && taken[value] === 1) {
          tally.counts[value]!++;
          if (!tally.waiting) {
            tally.waiting = true;
            waiting.push(tally);
          }
          return null;
        }
        return add();
      }
      // The row may start a group: the tallies go in first, so that the summary has read every row before it (the
      // record index of a TOO_MANY_GROUPS error is the row's).
      flush();
      const excluded = add();
      if (excluded === null) {
        let periods = tallies.get(text);
        if (periods === undefined) tallies.set(text, (periods = new Map()));
        periods.set(period, { text, period, counts: new Float64Array(100), waiting: false });
      }
      return excluded;
    },
    flush,
  };
}

/** A cell of one or two digits as its number (as the record path reads it), else -1. */
function scoreOf(cell: unknown): number {
  if (typeof cell !== "string") return -1;
  const a = cell.charCodeAt(0) - 48;
  if (cell.length === 1) return a >= 0 && a <= 9 ? a : -1;
  const b = cell.charCodeAt(1) - 48;
  return cell.length === 2 && a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Which scores 0-99 the metric takes (1) or not (0), asked of its kernel through a summary of its own. */
function takenScores(spec: SummarizeSpec): Uint8Array {
  const taken = new Uint8Array(100);
  const probe = createSummary({ ...spec, invalid: "throw", maxGroups: 1 });
  const segment = (spec.by ?? []).map(() => "x");
  for (let value = 0; value < 100; value++) {
    try {
      probe.addCountedValue(segment, spec.every === undefined ? null : 0, value, 1);
      taken[value] = 1;
    } catch {
      taken[value] = 0;
    }
  }
  return taken;
}
