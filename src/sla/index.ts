/**
 * SLA achievement: the UA-agency SLA % formula, and policies with targets per priority, type and
 * channel for first response, next response and resolution, with pausing statuses and breach lists.
 *
 * Methodology, sources and worked examples: [sla.md](../../docs/sla.md).
 *
 * @module sla
 */
export { slaPercent } from "./sla-percent.js";
export type { SlaCounts, SlaPercentResult } from "./sla-percent.js";
export type { CheckedTarget, SlaClock, SlaMetric, SlaPolicy, SlaTarget } from "./policy.js";
export { sla } from "./sla.js";
export { slaRule } from "./rule.js";
export type { SlaMeasurement, SlaRule, SlaRuleOptions, SlaRuleTarget } from "./rule.js";
export { createSlaAccumulator, slaTally } from "./accumulator.js";
export type {
  SlaAccumulator,
  SlaAccumulatorOptions,
  SlaAccumulatorState,
  SlaSummary,
  SlaTargetCounts,
} from "./accumulator.js";
export type { SlaBreach, SlaOptions, SlaResult, SlaTally, SlaTargetResult } from "./sla.js";
export { ticketSla, ticketSlaRule } from "./events.js";
export type {
  FulfillingEvent,
  TicketSlaBreach,
  TicketSlaMeasurement,
  TicketSlaMetric,
  TicketSlaOptions,
  TicketSlaPolicy,
  TicketSlaResult,
  TicketSlaRule,
  TicketSlaRuleOptions,
  TicketSlaRuleTarget,
  TicketSlaTarget,
  TicketSlaTargetResult,
} from "./events.js";
