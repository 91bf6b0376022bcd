/**
 * Business calendars and service times: working minutes between instants, due dates and start times, schedule
 * histories and intersections, first response and resolution times, Zendesk's ticket metrics from ticket events and
 * the readers of Zendesk's exports, schedules from Zendesk and Intercom (Rails zone names), duration statistics.
 *
 * Methodology, sources and worked examples: [time.md](../../docs/time.md).
 *
 * @module time
 */
export { businessCalendar, intersectCalendars, scheduleHistory } from "./calendar.js";
export type {
  BusinessCalendar,
  BusinessCalendarOptions,
  CalendarBreak,
  DateHours,
  ScheduleChoice,
  ScheduleEntry,
  Weekday,
  WorkingWeek,
} from "./calendar.js";
export type { ClockInterval } from "./clock.js";
export type { Instant } from "./instant.js";
export { addBusinessMinutes, businessMinutes, subtractBusinessMinutes } from "./business-minutes.js";
export type { BusinessTimeOptions } from "./business-minutes.js";
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
  ServiceTimeMinutes,
  ServiceTimeResultOptions,
  ServiceTimeSummary,
} from "./service-time-accumulator.js";
export type { DurationStats, DurationStatsOptions } from "./duration-stats.js";
export { ticketMetrics, ticketMetricsRule } from "./ticket-metrics.js";
export type {
  NextReplyTime,
  TicketDuration,
  TicketMetrics,
  TicketMetricsOptions,
  TicketMetricsResult,
  TicketMetricsRule,
  TicketMetricsRuleOptions,
} from "./ticket-metrics.js";
export type {
  CommentAuthor,
  TicketCommentEvent,
  TicketCreatedEvent,
  TicketEvent,
  TicketEventBase,
  TicketEventType,
  TicketPolicyEvent,
  TicketPriorityEvent,
  TicketStatus,
  TicketStatusEvent,
} from "./ticket-events.js";
export { calendarFromSchedule, scheduleKind } from "./schedule.js";
export { calendarFromZendeskSchedule } from "./zendesk-schedule.js";
export type {
  ZendeskHoliday,
  ZendeskSchedule,
  ZendeskScheduleInterval,
  ZendeskScheduleOptions,
} from "./zendesk-schedule.js";
export { calendarFromIntercomOfficeHours } from "./intercom-office-hours.js";
export type {
  IntercomOfficeHours,
  IntercomOfficeHoursException,
  IntercomOfficeHoursOptions,
  IntercomTimeInterval,
} from "./intercom-office-hours.js";
export { RAILS_TIME_ZONES, timeZoneFromRails } from "./rails-zones.js";
export { eventsFromZendeskAudits, eventsFromZendeskMetricEvents } from "./zendesk.js";
export type {
  ZendeskAuditsOptions,
  ZendeskAuditsRead,
  ZendeskBreach,
  ZendeskMetricEventsRead,
  ZendeskReportedFigure,
  ZendeskSlaApplied,
  ZendeskTicketEvent,
} from "./zendesk.js";
