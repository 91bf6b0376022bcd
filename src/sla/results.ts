// The shapes of SLA results: a breach, the tally of a target or of all, a target's results.
import type { SlaClock, SlaMetric } from "./policy.js";

/** One SLA breach. */
export interface SlaBreach {
  /** The interaction's id, or its index in the input as a string. */
  readonly interactionId: string;
  /** What was measured. */
  readonly metric: SlaMetric;
  /** The target's name. */
  readonly target: string;
  /** When the clock started, ISO-8601 UTC. */
  readonly startedAt: string;
  /** When the target's clock reached the target (a closing time, when it ran out there), ISO-8601 UTC. */
  readonly dueAt: string;
  /** When the reply or resolution came, or null while it has not. */
  readonly completedAt: string | null;
  /**
   * How far past the target, in minutes of the target's clock (paused time excluded), always > 0; up to `asOf` while
   * open.
   */
  readonly overrunMinutes: number;
}

/** Met, breached and pending counts of a target (or of all of them). */
export interface SlaTally {
  /** Measurements completed within the target. */
  readonly met: number;
  /** Measurements completed late, or open past their due time. */
  readonly breached: number;
  /** Open measurements not yet due: reported apart, not in the percentage. */
  readonly pending: number;
  /** met + breached + pending. */
  readonly total: number;
  /** met / (met + breached) × 100; null while nothing is decided. */
  readonly percent: number | null;
}

/** One target's results. */
export interface SlaTargetResult extends SlaTally {
  /** The target's name. */
  readonly name: string;
  /** What it measures. */
  readonly metric: SlaMetric;
  /** Its clock. */
  readonly clock: SlaClock;
  /** Its minutes. */
  readonly minutes: number;
}
