// The service-time kernel: interactions measured by a compiled clock one at a time, their minutes
// kept on both clocks (percentiles need the values), open ones counted; merged, and read as duration
// statistics.
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertCount } from "../internal/validate.js";
import type { PercentileMethod } from "../stats/percentile.js";
import { durationStats, type DurationStats } from "./duration-stats.js";
import type { Interaction } from "./interaction.js";
import { serviceClock, type ServiceClock, type ServiceClockOptions, type ServiceMinutes } from "./service-clock.js";

/** The JSON state of a service-time accumulator. */
export interface ServiceTimeAccumulatorState {
  /** Marks the object as a service-time accumulator state. */
  readonly kind: "service-times";
  /** Calendar minutes of the measured interactions, in the order added. */
  readonly calendar: readonly number[];
  /** Business minutes of the same interactions; null when the clock has no calendar. */
  readonly business: readonly number[] | null;
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
  /** The JSON state; `createServiceTimeAccumulator(clock, state)` restores it. */
  toJSON(): ServiceTimeAccumulatorState;
}

function readState(fn: string, state: unknown, business: boolean): ServiceTimeAccumulatorState {
  const s = state as Partial<ServiceTimeAccumulatorState> | null;
  const ok =
    typeof state === "object" &&
    state !== null &&
    s!.kind === "service-times" &&
    Array.isArray(s!.calendar) &&
    (business ? Array.isArray(s!.business) && s!.business.length === s!.calendar.length : s!.business === null);
  if (!ok)
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "state",
      state,
      `a service-time accumulator state ${business ? "with" : "without"} business minutes`,
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
 * @throws CxMetricsError as {@link serviceClock}; `INVALID_ARGUMENT` for a bad state.
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
  const calendar: number[] = [];
  const business: number[] | null = compiled.business ? [] : null;
  let open = 0;
  const mergeState = (from: ServiceTimeAccumulatorState): void => {
    // By index up to the length at the start: merging an accumulator into itself doubles it once.
    for (let i = 0, n = from.calendar.length; i < n; i++) calendar.push(from.calendar[i]!);
    if (business !== null) for (let i = 0, n = from.business!.length; i < n; i++) business.push(from.business![i]!);
    open += from.open;
  };
  if (state !== undefined) mergeState(readState(fn, state, compiled.business));
  const accumulator: ServiceTimeAccumulator = {
    clock: compiled,
    add(interaction, index) {
      const minutes = compiled.measure(interaction, index);
      accumulator.addMinutes(minutes);
      return minutes;
    },
    addMinutes(minutes) {
      if (minutes === null) open++;
      else {
        calendar.push(minutes.calendarMinutes);
        business?.push(minutes.businessMinutes!);
      }
      return accumulator;
    },
    merge(other) {
      const from =
        typeof (other as ServiceTimeAccumulator).toJSON === "function"
          ? (other as ServiceTimeAccumulator).toJSON()
          : other;
      mergeState(readState("ServiceTimeAccumulator.merge", from, compiled.business));
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
      const stats = {
        percentiles: options.percentiles ?? [90],
        ...(options.method === undefined ? {} : { method: options.method }),
      };
      return {
        calendar: durationStats(calendar, stats),
        business: business === null ? null : durationStats(business, stats),
        open,
      };
    },
    toJSON: () => ({ kind: "service-times", calendar, business, open }),
  };
  return accumulator;
}
