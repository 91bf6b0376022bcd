// Durations a vendor computed per ticket (Zendesk's "First reply time in minutes", "Full resolution time in minutes
// within business hours"), read where a record has no timestamp for the end. The report's duration kernel reads every
// record through this once; the rule of what a duration measures stays the service clock's (src/time).
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe, invalid } from "../internal/describe.js";
import type { Interaction } from "../time/interaction.js";
import type { ServiceClock, ServiceMinutes } from "../time/service-clock.js";
import { field, reportFields } from "./fields.js";
import type { SummarizeSpec } from "./spec.js";

/** Which clock a vendor's minutes count: elapsed time, or only the time within the vendor's business hours. */
export type VendorMinutesClock = "calendar" | "business";

/** How the report's duration kernel reads one record: its minutes on the figure's clock, or null while it is open. */
export interface DurationReading {
  /** The clock of the figure: business with a calendar, or with the vendor's business minutes. */
  readonly business: boolean;
  /** Whether each measurement carries calendar minutes beside business ones (a calendar and no vendor minutes). */
  readonly bothClocks: boolean;
  /** The record's minutes (the figure's clock in `calendarMinutes` when `bothClocks` is false), or null. */
  read(record: unknown, index: number): ServiceMinutes | null;
}

/** The field of a vendor's minutes for a metric, with its default name. */
export function vendorMinutesField(spec: SummarizeSpec): string {
  const fields = reportFields(spec);
  return spec.metric === "first-response" ? fields.firstResponseMinutes : fields.resolutionMinutes;
}

/**
 * A vendor's minutes for one record, as the record holds them: a number ≥ 0 (Zendesk's "Full resolution time in
 * minutes": 120), or null when the field is missing or null (no figure: the ticket is still open, or the vendor wrote
 * none). Anything else (text, a negative or infinite number) is a bad value. The one rule of what a vendor's minutes
 * may be: the report's duration kernel and `reconcile` (cx-metrics/check) both read them through it.
 *
 * @throws CxMetricsError `INVALID_VALUE` for a value that is not minutes, with `index`, `value` and `field` (`name`).
 * @example
 * ```ts
 * vendorMinutesOf("example", "Full resolution time in minutes", 120, 0); //=> 120
 * vendorMinutesOf("example", "Full resolution time in minutes", null, 1); //=> null
 * // vendorMinutesOf("example", "Full resolution time in minutes", -3, 2) throws INVALID_VALUE
 * ```
 */
export function vendorMinutesOf(fn: string, name: string, value: unknown, index: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new CxMetricsError(fn, "INVALID_VALUE", `${name} is ${describe(value)}, expected minutes (a number ≥ 0)`, {
      index,
      value,
      field: name,
    });
  return value;
}

/** Minutes as the figure's only clock: the value in `calendarMinutes`, the instants unknown (NaN). */
function oneClock(minutes: number): ServiceMinutes {
  return { calendarMinutes: minutes, businessMinutes: null, start: Number.NaN, end: Number.NaN };
}

/**
 * How the report reads durations. Without `spec.vendorMinutes`: the clock's measurement of the timestamps, on both
 * clocks. With it, per record:
 * 1. its timestamps, measured by the clock, when it has an end (a first reply; a resolution) and the figure's clock can
 *    be measured from them (business minutes need `calendar`);
 * 2. else the vendor's minutes in `fields.firstResponseMinutes` / `fields.resolutionMinutes`, as the vendor computed
 *    them (a number ≥ 0; missing or null: the record is open);
 * 3. a record with an end but neither a calendar nor the vendor's business minutes is a bad record.
 * The figure is business minutes with a calendar or with `vendorMinutes: "business"`, else calendar minutes; calendar
 * minutes from the vendor with a calendar are refused (`INVALID_OPTION`): they cannot give the figure's business
 * minutes.
 *
 * @throws CxMetricsError `INVALID_OPTION` for a `vendorMinutes` other than "calendar" or "business", or "calendar"
 *   with a calendar.
 */
export function durationReading(fn: string, spec: SummarizeSpec, clock: ServiceClock): DurationReading {
  const vendor = spec.vendorMinutes;
  const measure = (record: unknown, index: number) => clock.measure(record as Interaction, index);
  if (vendor === undefined) return { business: clock.business, bothClocks: true, read: measure };
  if (vendor !== "calendar" && vendor !== "business")
    throw invalid(fn, "INVALID_OPTION", "vendorMinutes", vendor, '"calendar" or "business"');
  if (vendor === "calendar" && clock.business)
    throw invalid(
      fn,
      "INVALID_OPTION",
      "vendorMinutes",
      vendor,
      '"business" with a calendar: the report counts business minutes, which the vendor\'s calendar minutes cannot give (read its business-hours minutes, or leave out the calendar)',
    );
  const business = vendor === "business";
  const name = vendorMinutesField(spec);
  return {
    business,
    bothClocks: false,
    read(record, index) {
      // The clock checks the record (its creation, the order of its instants) whatever is used.
      const measured = measure(record, index);
      if (measured !== null && (!business || clock.business))
        return oneClock(business ? measured.businessMinutes! : measured.calendarMinutes);
      const value = field(record, name);
      const minutes = vendorMinutesOf(fn, name, value, index);
      if (minutes === null) {
        if (measured === null) return null;
        throw new CxMetricsError(
          fn,
          "INVALID_ARGUMENT",
          `${name} is missing and business minutes cannot be measured from the timestamps without a calendar`,
          { index, value, field: name },
        );
      }
      return oneClock(minutes);
    },
  };
}
