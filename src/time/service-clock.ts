// The service-time rule, written once: what a first response or resolution time measures (creation to
// first agent reply; creation to first or last resolution), on the calendar clock and, with a
// calendar, on the business clock. Compiled once (the calendar's index found once), then applied to
// one interaction at a time by firstResponseTime, resolutionTime, the report, the check and the command.
import { invalid } from "../internal/describe.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import { calendarIndex, type BusinessCalendar } from "./calendar.js";
import type { CalendarIndex } from "./calendar-index.js";
import { instantMs, orderedSpan } from "./instant.js";
import type { Interaction } from "./interaction.js";
import { readResolutions } from "./read-interaction.js";

/** What a service clock measures. */
export type ServiceMetric = "first-response" | "resolution";

/** Options of {@link serviceClock}. */
export interface ServiceClockOptions {
  /** `"first-response"`: creation → first agent reply; `"resolution"`: creation → resolution. */
  readonly metric: ServiceMetric;
  /** A business calendar, for business minutes beside the calendar minutes. */
  readonly calendar?: BusinessCalendar | undefined;
  /** Resolution only: `"full"` (default, to the last resolution) or `"first"` (before any reopening). */
  readonly mode?: "first" | "full" | undefined;
}

/** One interaction's service time, instants as epoch milliseconds. */
export interface ServiceMinutes {
  /** Elapsed minutes. */
  readonly calendarMinutes: number;
  /** Working minutes of the calendar; null without one. */
  readonly businessMinutes: number | null;
  /** Start, epoch milliseconds. */
  readonly start: number;
  /** End, epoch milliseconds. */
  readonly end: number;
}

/** A compiled service-time rule; made by {@link serviceClock}. */
export interface ServiceClock {
  /** Marks a compiled clock. */
  readonly kind: "service-clock";
  /** What it measures. */
  readonly metric: ServiceMetric;
  /** The resolution mode (`"full"` for first response, where it does not apply). */
  readonly mode: "first" | "full";
  /** Whether business minutes are measured. */
  readonly business: boolean;
  /**
   * The time of one interaction, or null while it is open (no reply, no resolution).
   * @throws CxMetricsError `INVALID_DATE`, `DATE_OUT_OF_RANGE`, `END_BEFORE_START`, `INVALID_ARGUMENT`, naming the
   *   field.
   */
  measure(interaction: Interaction, index?: number): ServiceMinutes | null;
}

/**
 * Compiles what a service time measures, once: the metric, the resolution mode and the calendar.
 * {@link firstResponseTime} and {@link resolutionTime} are one measurement of such a clock.
 *
 * @throws CxMetricsError `INVALID_OPTION` for an unknown metric or mode; `INVALID_ARGUMENT` for a
 *   calendar not made by {@link businessCalendar}.
 * @example
 * ```ts
 * const clock = serviceClock({ metric: "resolution", mode: "first" });
 * clock.measure({ createdAt: "2025-03-10T09:00:00Z", resolutions: ["2025-03-10T11:00:00Z", "2025-03-11T09:00:00Z"] })?.calendarMinutes; //=> 120
 * ```
 */
export function serviceClock(options: ServiceClockOptions, fn = "serviceClock"): ServiceClock {
  assertOptions(fn, options);
  if (typeof options !== "object" || options === null)
    throw invalid(fn, "INVALID_ARGUMENT", "options", options, "{ metric, calendar?, mode? }");
  const { metric, mode = "full" } = options;
  assertOneOf(fn, "metric", metric, ["first-response", "resolution"]);
  assertOneOf(fn, "mode", mode, ["first", "full"]);
  const index = options.calendar === undefined ? undefined : calendarIndex(fn, options.calendar);
  const reader = metric === "first-response" ? "firstResponseTime" : "resolutionTime";
  const minutes = (start: number, end: number): ServiceMinutes => ({
    calendarMinutes: (end - start) / 60_000,
    businessMinutes: index === undefined ? null : businessOf(index, start, end),
    start,
    end,
  });
  const measure =
    metric === "first-response"
      ? (interaction: Interaction): ServiceMinutes | null => {
          const created = createdOf(reader, interaction);
          // The creation is checked even while there is no reply: an open ticket with no readable
          // creation time is a bad record, not an open one.
          instantMs(reader, "createdAt", created);
          const reply = interaction.firstResponseAt;
          if (reply === undefined || reply === null) return null;
          const [a, b] = orderedSpan(reader, "createdAt", created, "firstResponseAt", reply);
          return minutes(a, b);
        }
      : (interaction: Interaction, at = 0): ServiceMinutes | null => {
          const createdAt = instantMs(reader, "createdAt", createdOf(reader, interaction));
          const { firstResolvedAt, resolvedAt } = readResolutions(reader, at, interaction, createdAt);
          const end = mode === "first" ? firstResolvedAt : resolvedAt;
          return end === null ? null : minutes(createdAt, end);
        };
  return { kind: "service-clock", metric, mode, business: index !== undefined, measure };
}

function createdOf(fn: string, interaction: Interaction): unknown {
  if (typeof interaction !== "object" || interaction === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "interaction", interaction, "an object { createdAt, ... }");
  }
  return interaction.createdAt;
}

function businessOf(index: CalendarIndex, start: number, end: number): number {
  return index.between(start, end) / 60_000;
}
