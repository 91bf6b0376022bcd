import { assertOptions } from "../internal/validate.js";
import type { BusinessCalendar } from "./calendar.js";
import type { Interaction } from "./interaction.js";
import { serviceClock, type ServiceMinutes } from "./service-clock.js";

/** A duration in both clocks. */
export interface ServiceTime {
  /** Elapsed minutes, absolute (a DST change shortens or lengthens a wall-clock span). */
  readonly calendarMinutes: number;
  /** Working minutes in the calendar's hours; null when no calendar was given. */
  readonly businessMinutes: number | null;
  /** Start of the span, ISO-8601 UTC. */
  readonly start: string;
  /** End of the span, ISO-8601 UTC. */
  readonly end: string;
}

/** Options of {@link firstResponseTime}. */
export interface ServiceTimeOptions {
  /** Business calendar for `businessMinutes`; leave out for calendar minutes only. */
  readonly calendar?: BusinessCalendar;
}

/** Options of {@link resolutionTime}. */
export interface ResolutionTimeOptions extends ServiceTimeOptions {
  /** `"full"` (default): to the last resolution; `"first"`: to the first one, before any reopening. */
  readonly mode?: "first" | "full";
}

function serviceTime(measured: ServiceMinutes | null): ServiceTime | null {
  if (measured === null) return null;
  const { calendarMinutes, businessMinutes, start, end } = measured;
  return { calendarMinutes, businessMinutes, start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/**
 * First response time: from the request's creation to the first agent reply, in calendar minutes
 * and (with a calendar) working minutes. Osipov calls it the first of the two most important
 * service indicators.
 *
 * @returns the times, or `null` while there is no reply yet (an SLA counts such items as pending or breached).
 * @throws CxMetricsError `INVALID_DATE` (the creation too while there is no reply); `END_BEFORE_START` for a reply
 *   before the creation.
 * @example
 * ```ts
 * firstResponseTime({ createdAt: "2025-03-07T16:30:00+01:00", firstResponseAt: "2025-03-10T09:15:00+01:00" }, { calendar });
 * //=> { calendarMinutes: 3885, businessMinutes: 45, ... } (30 minutes on Friday, 15 on Monday)
 * ```
 */
export function firstResponseTime(interaction: Interaction, options: ServiceTimeOptions = {}): ServiceTime | null {
  const fn = "firstResponseTime";
  assertOptions(fn, options);
  return serviceTime(serviceClock({ metric: "first-response", calendar: options.calendar }, fn).measure(interaction));
}

/**
 * Resolution time: from creation to resolution. `mode: "full"` (default) measures to the last
 * resolution (after any reopening, Zendesk's "full resolution time"); `"first"` to the first
 * resolution. Resolutions come from `resolutions` (read in time order) or `resolvedAt`.
 *
 * @returns the times, or `null` while the interaction is unresolved.
 * @throws CxMetricsError `INVALID_DATE`, `DATE_OUT_OF_RANGE`; `END_BEFORE_START` for a resolution
 *   before the creation; `INVALID_ARGUMENT` for `resolutions` that is not an array (a single string
 *   is not read character by character); `INVALID_OPTION` for a mode.
 * @example
 * ```ts
 * resolutionTime({ createdAt: "2025-03-10T09:00:00Z", resolutions: ["2025-03-10T11:00:00Z", "2025-03-11T09:00:00Z"] }, { mode: "first" });
 * //=> { calendarMinutes: 120, businessMinutes: null, ... }
 * ```
 */
export function resolutionTime(interaction: Interaction, options: ResolutionTimeOptions = {}): ServiceTime | null {
  const fn = "resolutionTime";
  assertOptions(fn, options);
  return serviceTime(
    serviceClock({ metric: "resolution", calendar: options.calendar, mode: options.mode }, fn).measure(interaction),
  );
}
