// The service-time kernel: interactions measured by a compiled clock one at a time, their minutes
// kept on both clocks (percentiles need the values) in Float64Arrays that double as they grow, open ones counted;
// merged, and read as duration statistics.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount, assertObject } from "../internal/validate.js";
import type { PercentileMethod } from "../stats/percentile.js";
import { floatList, type FloatList } from "../internal/float-list.js";
import { statsOfDurations, type DurationStats } from "./duration-stats.js";
import type { Interaction } from "./interaction.js";
import { serviceClock, type ServiceClock, type ServiceClockOptions, type ServiceMinutes } from "./service-clock.js";

/**
 * The state of a service-time accumulator: JSON from `toJSON()` (plain arrays), or the same with Float64Arrays from
 * `toState()` (a copy of memory each, and structured-cloned between worker threads as memory too). `merge` and
 * `createServiceTimeAccumulator(clock, state)` take either.
 */
export interface ServiceTimeAccumulatorState {
  /** Marks the object as a service-time accumulator state. */
  readonly kind: "service-times";
  /** Calendar minutes of the measured interactions, in the order added: each a finite number ≥ 0. */
  readonly calendar: readonly number[] | Float64Array;
  /** Business minutes of the same interactions, in the same order; null when the clock has no calendar. */
  readonly business: readonly number[] | Float64Array | null;
  /** Interactions still open (no reply or resolution yet). */
  readonly open: number;
}

/** Options of {@link ServiceTimeAccumulator.result}. */
export interface ServiceTimeResultOptions {
  /** Percentiles beside the median; default [90]. */
  readonly percentiles?: readonly number[];
  /** Percentile method; default `"linear"`. */
  readonly method?: PercentileMethod;
}

/** The service times an accumulator holds. */
export interface ServiceTimeSummary {
  /** Statistics of the calendar minutes. */
  readonly calendar: DurationStats;
  /** Statistics of the business minutes; null without a calendar. */
  readonly business: DurationStats | null;
  /** Interactions still open. */
  readonly open: number;
}

/** The minutes an accumulator holds, as views of its memory. */
export interface ServiceTimeMinutes {
  /** Calendar minutes, in the order added. */
  readonly calendar: Float64Array;
  /** Business minutes of the same interactions; null without a calendar. */
  readonly business: Float64Array | null;
}

/** Collects service times one interaction at a time, in chunks, streams or workers. */
export interface ServiceTimeAccumulator {
  /** The compiled clock. */
  readonly clock: ServiceClock;
  /** Measures an interaction with the clock and adds it; returns its minutes (null: open). */
  add(interaction: Interaction, index?: number): ServiceMinutes | null;
  /** Adds a measurement made by the same clock (null: an open interaction). */
  addMinutes(minutes: ServiceMinutes | null): ServiceTimeAccumulator;
  /** Adds another accumulator's times or a JSON state. */
  merge(other: ServiceTimeAccumulator | ServiceTimeAccumulatorState): ServiceTimeAccumulator;
  /** Measured interactions (open ones not counted). */
  readonly n: number;
  /** Open interactions. */
  readonly open: number;
  /** The statistics; `EMPTY_INPUT` while no interaction was measured. */
  result(options?: ServiceTimeResultOptions): ServiceTimeSummary;
  /**
   * The minutes so far, in the order added: views of the accumulator's own memory (not copies: valid until the next
   * add or merge; do not write to them). `business` is null without a calendar.
   */
  minutes(): ServiceTimeMinutes;
  /** The JSON state (the minutes as plain arrays); `createServiceTimeAccumulator(clock, state)` restores it. */
  toJSON(): ServiceTimeAccumulatorState;
  /**
   * The state with the minutes as Float64Arrays (copies): what a worker thread posts (a structured clone copies typed
   * arrays as memory). Not JSON: `toJSON()` is.
   */
  toState(): ServiceTimeAccumulatorState;
}

/** The error for a measurement whose minutes are not minutes. */
function notMinutes(what: string, value: unknown): CxMetricsError {
  return invalid("ServiceTimeAccumulator.addMinutes", "INVALID_VALUE", what, value, "minutes (a finite number ≥ 0)");
}

/** A list of minutes: a plain array or a Float64Array. */
function isMinutesList(value: unknown): value is readonly number[] | Float64Array {
  return Array.isArray(value) || value instanceof Float64Array;
}

/** Whether a value is minutes: a finite number ≥ 0. */
function isMinutes(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/** Whether every value of a list is minutes. */
function allMinutes(list: readonly number[] | Float64Array): boolean {
  for (let i = 0, n = list.length; i < n; i++) if (!isMinutes(list[i])) return false;
  return true;
}

function readState(fn: string, state: unknown, business: boolean): ServiceTimeAccumulatorState {
  const s = state as Partial<ServiceTimeAccumulatorState> | null;
  const ok =
    typeof state === "object" &&
    state !== null &&
    s!.kind === "service-times" &&
    isMinutesList(s!.calendar) &&
    allMinutes(s!.calendar) &&
    (business
      ? isMinutesList(s!.business) && s!.business.length === s!.calendar.length && allMinutes(s!.business)
      : s!.business === null);
  if (!ok)
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "state",
      state,
      `a service-time accumulator state ${business ? "with" : "without"} business minutes (lists of minutes ≥ 0 of one length)`,
    );
  assertCount(fn, "open", s!.open);
  return state as ServiceTimeAccumulatorState;
}

/**
 * A mergeable service-time accumulator: the kernel behind the report's, the check's and the
 * command's first-response and resolution figures. The clock (metric, mode, calendar) is compiled
 * once; each interaction is measured once.
 *
 * @param clock - a {@link ServiceClock} or its options.
 * @param state - a state from `toJSON()` to continue from.
 * @throws CxMetricsError as {@link serviceClock}; `INVALID_ARGUMENT` for a bad state, and from `add` for an
 *   interaction that is not an object (`null`, `undefined`, named as the value it is); the clock's errors for a
 *   timestamp it cannot read.
 * @example
 * ```ts
 * const acc = createServiceTimeAccumulator({ metric: "first-response" });
 * acc.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:30:00Z" });
 * acc.add({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T10:00:00Z" });
 * acc.add({ createdAt: "2025-03-10T09:00:00Z" });
 * acc.result().calendar.median; //=> 45 (30 and 60 minutes; one ticket open)
 * ```
 */
export function createServiceTimeAccumulator(
  clock: ServiceClock | ServiceClockOptions,
  state?: ServiceTimeAccumulatorState,
): ServiceTimeAccumulator {
  const fn = "createServiceTimeAccumulator";
  const compiled =
    (clock as { kind?: unknown } | null)?.kind === "service-clock"
      ? (clock as ServiceClock)
      : serviceClock(clock as ServiceClockOptions, fn);
  const calendar: FloatList = floatList();
  const business: FloatList | null = compiled.business ? floatList() : null;
  let open = 0;
  const mergeState = (from: ServiceTimeAccumulatorState): void => {
    // Up to the length at the start: merging an accumulator into itself doubles it once.
    calendar.append(from.calendar);
    business?.append(from.business!);
    open += from.open;
  };
  if (state !== undefined) mergeState(readState(fn, state, compiled.business));
  const accumulator: ServiceTimeAccumulator = {
    clock: compiled,
    add(interaction, index) {
      assertObject("ServiceTimeAccumulator.add", "interaction", interaction, "an object { createdAt, ... } (a ticket)");
      const minutes = compiled.measure(interaction, index);
      accumulator.addMinutes(minutes);
      return minutes;
    },
    addMinutes(minutes) {
      if (minutes === null) open++;
      else {
        const { calendarMinutes, businessMinutes } = minutes;
        // Checked as they come, so that the lists hold minutes only (merges and results read them as they are).
        if (!isMinutes(calendarMinutes)) throw notMinutes("calendarMinutes", calendarMinutes);
        if (business !== null && !isMinutes(businessMinutes)) throw notMinutes("businessMinutes", businessMinutes);
        calendar.push(calendarMinutes);
        business?.push(businessMinutes!);
      }
      return accumulator;
    },
    merge(other) {
      // Another accumulator's minutes are read from its memory (checked when they were added); a state is checked.
      // null / undefined reach readState (INVALID_ARGUMENT), not a TypeError.
      const mine = (other as { minutes?: unknown } | null)?.minutes;
      const from =
        typeof mine === "function" && (other as ServiceTimeAccumulator).clock?.business === compiled.business
          ? { ...(other as ServiceTimeAccumulator).minutes(), open: (other as ServiceTimeAccumulator).open }
          : readState(
              "ServiceTimeAccumulator.merge",
              typeof (other as ServiceTimeAccumulator | null)?.toJSON === "function"
                ? (other as ServiceTimeAccumulator).toJSON()
                : other,
              compiled.business,
            );
      mergeState(from as ServiceTimeAccumulatorState);
      return accumulator;
    },
    get n() {
      return calendar.length;
    },
    get open() {
      return open;
    },
    result(options = {}) {
      if (calendar.length === 0)
        throw new CxMetricsError(
          "ServiceTimeAccumulator.result",
          "EMPTY_INPUT",
          open === 0 ? "no interactions" : `no interactions measured: ${open} still open`,
        );
      const percentiles = options.percentiles ?? [90];
      if (!Array.isArray(percentiles))
        throw invalid(
          "durationStats",
          "INVALID_ARGUMENT",
          "percentiles",
          percentiles,
          "an array of percents 0-100, such as [50, 90]",
        );
      // Each clock's statistics on a copy of its minutes (the selection reorders it; the order added is kept).
      const stats = (list: FloatList): DurationStats =>
        statsOfDurations("durationStats", list.view().slice(), percentiles, options.method);
      return { calendar: stats(calendar), business: business === null ? null : stats(business), open };
    },
    minutes: () => ({ calendar: calendar.view(), business: business === null ? null : business.view() }),
    toJSON: () => ({
      kind: "service-times",
      calendar: calendar.toArray(),
      business: business === null ? null : business.toArray(),
      open,
    }),
    toState: () => ({
      kind: "service-times",
      calendar: calendar.view().slice(),
      business: business === null ? null : business.view().slice(),
      open,
    }),
  };
  return accumulator;
}
