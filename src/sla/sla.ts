// sla: SLA achievement over many interactions (met, breached, pending per target, breach list), with pausing statuses
// and the batch policy for bad rows.
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { rowPolicy, visitRows, type BatchCounts, type BatchOptions, type ExcludedRow } from "../internal/batch.js";
import { recordList } from "../internal/records.js";
import { assertOptions } from "../internal/validate.js";
import type { BusinessCalendar } from "../time/calendar.js";
import type { Instant } from "../time/instant.js";
import type { Interaction } from "../time/interaction.js";
import { createSlaAccumulator } from "./accumulator.js";
import type { SlaPolicy } from "./policy.js";
import type { SlaBreach, SlaTally, SlaTargetResult } from "./results.js";

export type { SlaBreach, SlaTally, SlaTargetResult } from "./results.js";
import { slaRule } from "./rule.js";

/** Options of {@link sla}. */
export interface SlaOptions extends BatchOptions {
  /**
   * The moment the report is made: open items past their due time at `asOf` are breached. Needed when any item is open.
   */
  readonly asOf?: Instant;
  /** Business calendar for targets on the business clock. */
  readonly calendar?: BusinessCalendar;
}

/** SLA achievement over a set of interactions. */
export interface SlaResult extends SlaTally {
  /** Per target, in policy order. */
  readonly byTarget: readonly SlaTargetResult[];
  /**
   * Every breach, in input order. Built when first read (then kept): the figures do not wait for
   * thousands of breaches to be formatted. A plain enumerable property for JSON and spreading.
   */
  readonly breaches: readonly SlaBreach[];
  /** The `asOf` used, ISO-8601 UTC, or null when none was needed. */
  readonly asOf: string | null;
  /**
   * Interactions read, used and left out (`total = used + skipped + excluded`; none is skipped: open ones are pending).
   */
  readonly rows: BatchCounts;
  /** The interactions left out under `invalid: "exclude"`, each with index, id, field, value and reason. */
  readonly exclusions: readonly ExcludedRow[];
}

/**
 * SLA achievement over interactions: for each interaction and metric, the first target of the
 * policy that matches it (by priority, type, channel) is applied.
 *
 * - **first-response**: creation → first agent reply.
 * - **next-response**: each customer message that follows an agent reply → the next agent reply
 *   (from `messages`); each wait is a measurement.
 * - **resolution**: creation → resolution (`resolvedAt`, else the last of `resolutions`), with the
 *   clock paused while the status is one of `pauseStatuses`.
 *
 * A measurement is **met** when its elapsed time on the target's clock (pauses left out) is at most
 * the target: a reply at 17:30 to a target used up exactly at the 17:00 closing time is met, because
 * the business clock stopped at 17:00 (as dbt_zendesk and every business clock that pauses at
 * closing count it). It is **breached** when the elapsed time exceeds the target, completed or still
 * open at `asOf`, and **pending** when open and not past the target. SLA % = met / (met + breached)
 * × 100, the UA-agency formula over the decided requests; pending ones are reported apart. Each
 * breach lists its due instant (when the clock reached the target) and its overrun in minutes.
 *
 * Filters match text: a number in a filter or a field is read as its decimal text (`priority: 1`
 * matches `"1"`). Every field of a row is checked before it is counted (see the `invalid` option).
 *
 * @throws CxMetricsError `INVALID_POLICY` (no targets, negative minutes, unknown metric or clock, a
 *   business target without a calendar, a filter that is not text); for a bad row, naming its index
 *   and field (unless `invalid: "exclude"`): `INVALID_DATE`, `DATE_OUT_OF_RANGE`, `END_BEFORE_START`
 *   (a reply or resolution before the creation), `INVALID_ARGUMENT` (not an object; `resolutions`,
 *   `messages` or `statusChanges` not an array; a message `from` other than `"customer"` or
 *   `"agent"`); `INVALID_ARGUMENT` (an open item without `asOf`); `EMPTY_INPUT` (no interaction
 *   matched any target).
 * @example
 * ```ts
 * const tickets = [
 *   { id: "t1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T09:40:00Z" },
 *   { id: "t2", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "2025-03-10T11:00:00Z" },
 * ];
 * sla(tickets, { targets: [{ metric: "first-response", minutes: 60, clock: "calendar" }] }).percent; //=> 50
 * ```
 */
export function sla(
  interactions: Iterable<Interaction> | ArrayLike<Interaction>,
  policy: SlaPolicy,
  options: SlaOptions = {},
): SlaResult {
  const fn = "sla";
  assertOptions(fn, options);
  const policyOnBad = rowPolicy(fn, options);
  const accumulator = createSlaAccumulator(slaRule(policy, { calendar: options.calendar, asOf: options.asOf }, fn));
  let openWithoutAsOf: unknown;
  const rows = recordList(fn, "interactions", interactions);
  const { counts, exclusions } = visitRows(
    policyOnBad,
    rows,
    (row) => (row as { id?: unknown }).id,
    (raw, i) => {
      try {
        accumulator.add(raw, i);
      } catch (error) {
        // A call-level mistake, not a bad row: it fails the call whatever the policy (after the loop).
        if (isCxMetricsError(error) && error.field === "asOf") openWithoutAsOf ??= error;
        else throw error;
      }
    },
  );
  if (openWithoutAsOf !== undefined) throw openWithoutAsOf;
  const summary = accumulator.result();
  return {
    percent: summary.percent,
    met: summary.met,
    breached: summary.breached,
    pending: summary.pending,
    total: summary.total,
    byTarget: summary.byTarget,
    // Built on first read: a report that needs only the figures does not format every breach.
    get breaches(): readonly SlaBreach[] {
      return summary.breaches;
    },
    asOf: summary.asOf,
    rows: counts,
    exclusions,
  };
}
