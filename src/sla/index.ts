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
export type { SlaClock, SlaMetric, SlaPolicy, SlaTarget } from "./policy.js";
export { sla } from "./sla.js";
export type { SlaBreach, SlaOptions, SlaResult, SlaTally, SlaTargetResult } from "./sla.js";
