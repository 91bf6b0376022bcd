/**
 * Business calendars and service times: working minutes between instants, due dates, first
 * response and resolution times, duration statistics.
 *
 * Methodology, sources and worked examples: [time.md](../../docs/time.md).
 *
 * @module time
 */
export { businessCalendar } from "./calendar.js";
export type { BusinessCalendar, BusinessCalendarOptions, DateHours, Weekday, WorkingWeek } from "./calendar.js";
export type { ClockInterval } from "./clock.js";
export type { Instant } from "./instant.js";
export { addBusinessMinutes, businessMinutes } from "./business-minutes.js";
export type { Interaction, InteractionMessage, StatusChange } from "./interaction.js";
export { firstResponseTime, resolutionTime } from "./service-times.js";
export type { ResolutionTimeOptions, ServiceTime, ServiceTimeOptions } from "./service-times.js";
export { durationStats } from "./duration-stats.js";
export { serviceClock } from "./service-clock.js";
export type { ServiceClock, ServiceClockOptions, ServiceMetric, ServiceMinutes } from "./service-clock.js";
export { createServiceTimeAccumulator } from "./service-time-accumulator.js";
export type {
  ServiceTimeAccumulator,
  ServiceTimeAccumulatorState,
  ServiceTimeResultOptions,
  ServiceTimeSummary,
} from "./service-time-accumulator.js";
export type { DurationStats, DurationStatsOptions } from "./duration-stats.js";
