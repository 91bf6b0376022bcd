import type { Instant } from "./instant.js";

/** A status change of an interaction, for clocks that pause ("pending", "on-hold"). */
export interface StatusChange {
  /** When the status changed. */
  readonly at: Instant;
  /** The new status. */
  readonly status: string;
}

/** A message in an interaction's conversation, for next-response targets. */
export interface InteractionMessage {
  /** When it was sent. */
  readonly at: Instant;
  /** Who sent it. */
  readonly from: "customer" | "agent";
}

/** A ticket, chat or call, as the service-time and SLA functions read it. */
export interface Interaction {
  /** Identifier, used in breach lists. */
  readonly id?: string | undefined;
  /** When the customer's request arrived. */
  readonly createdAt: Instant;
  /** The first agent reply; leave out or null while there is none. */
  readonly firstResponseAt?: Instant | null | undefined;
  /** When it was resolved the last time; leave out or null while it is open. */
  readonly resolvedAt?: Instant | null | undefined;
  /** Every resolution in order, when it was reopened in between (first and full resolution differ). */
  readonly resolutions?: readonly Instant[] | undefined;
  /** Status changes in order, for clocks that pause. */
  readonly statusChanges?: readonly StatusChange[] | undefined;
  /** The conversation, for next-response targets. */
  readonly messages?: readonly InteractionMessage[] | undefined;
  /** Priority ("urgent", "high", ...). */
  readonly priority?: string | undefined;
  /** Request type ("question", "incident", "complaint", ...). */
  readonly type?: string | undefined;
  /** Channel ("chat", "email", "phone", "social"). */
  readonly channel?: string | undefined;
  /** The agent. */
  readonly agentId?: string | undefined;
}
