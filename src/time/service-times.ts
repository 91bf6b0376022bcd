import { invalid } from "../internal/describe.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";
import { businessMinutes } from "./business-minutes.js";
import type { BusinessCalendar } from "./calendar.js";
import { instantMs, orderedSpan, type Instant } from "./instant.js";
import type { Interaction } from "./interaction.js";
import { readResolutions } from "./read-interaction.js";

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

function interactionField(fn: string, interaction: Interaction): Instant {
  if (typeof interaction !== "object" || interaction === null) {
    throw invalid(fn, "INVALID_ARGUMENT", "interaction", interaction, "an object { createdAt, ... }");
  }
  return interaction.createdAt;
}

function span(fn: string, start: Instant, endName: string, end: Instant, options: ServiceTimeOptions): ServiceTime {
  assertOptions(fn, options);
  const [a, b] = orderedSpan(fn, "createdAt", start, endName, end);
  return {
    calendarMinutes: (b - a) / 60_000,
    businessMinutes: options.calendar === undefined ? null : businessMinutes(options.calendar, a, b),
    start: new Date(a).toISOString(),
    end: new Date(b).toISOString(),
  };
}

/**
 * First response time: from the request's creation to the first agent reply, in calendar minutes
 * and (with a calendar) working minutes. Osipov calls it the first of the two most important
 * service indicators.
 *
 * @returns the times, or `null` while there is no reply yet (an SLA counts such items as pending or breached).
 * @throws CxMetricsError `INVALID_DATE` (the creation too while there is no reply); `END_BEFORE_START` for a reply before the creation.
 * @example
 * ```ts
 * firstResponseTime({ createdAt: "2025-03-07T16:30:00+01:00", firstResponseAt: "2025-03-10T09:15:00+01:00" }, { calendar });
 * //=> { calendarMinutes: 3885, businessMinutes: 45, ... } (30 minutes on Friday, 15 on Monday)
 * ```
 */
export function firstResponseTime(interaction: Interaction, options: ServiceTimeOptions = {}): ServiceTime | null {
  const fn = "firstResponseTime";
  const created = interactionField(fn, interaction);
  const reply = interaction.firstResponseAt;
  // The creation is checked even while there is no reply (as resolutionTime does): an open ticket
  // with no readable creation time is a bad record, not an open one.
  instantMs(fn, "createdAt", created);
  if (reply === undefined || reply === null) return null;
  return span(fn, created, "firstResponseAt", reply, options);
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
  const created = interactionField(fn, interaction);
  const { mode = "full" } = options;
  assertOneOf(fn, "mode", mode, ["first", "full"]);
  const createdAt = instantMs(fn, "createdAt", created);
  const { firstResolvedAt, resolvedAt } = readResolutions(fn, 0, interaction, createdAt);
  const end = mode === "first" ? firstResolvedAt : resolvedAt;
  if (end === null) return null;
  return span(fn, created, "resolvedAt", end, options);
}
