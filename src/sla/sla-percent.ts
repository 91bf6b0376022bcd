import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertCount } from "../internal/validate.js";
import { invalid } from "../internal/describe.js";

/** Requests within the SLA and all requests. */
export interface SlaCounts {
  /** Requests fulfilled within the SLA. */
  readonly met: number;
  /** All requests counted. */
  readonly total: number;
}

/** SLA achievement with its counts. */
export interface SlaPercentResult {
  /** SLA %, 0-100: met / total × 100. */
  readonly percent: number;
  /** Requests within the SLA. */
  readonly met: number;
  /** Requests outside it: total - met. */
  readonly breached: number;
  /** All requests. */
  readonly total: number;
}

/**
 * SLA % by the UA-agency formula: requests fulfilled within the SLA / total requests × 100.
 *
 * @throws CxMetricsError `INVALID_COUNT` for negative or fractional counts or met > total;
 *   `EMPTY_INPUT` for a total of 0.
 * @example
 * ```ts
 * slaPercent({ met: 188, total: 200 }); //=> { percent: 94, met: 188, breached: 12, total: 200 }
 * ```
 */
export function slaPercent(counts: SlaCounts): SlaPercentResult {
  const fn = "slaPercent";
  if (typeof counts !== "object" || counts === null)
    throw invalid(fn, "INVALID_ARGUMENT", "counts", counts, "{ met, total }");
  const { met, total } = counts;
  assertCount(fn, "met", met);
  assertCount(fn, "total", total);
  if (total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "total is 0: SLA % is undefined");
  if (met > total)
    throw new CxMetricsError(fn, "INVALID_COUNT", `met (${met}) exceeds total (${total})`, { value: met });
  return { percent: (100 * met) / total, met, breached: total - met, total };
}
