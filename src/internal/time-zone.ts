import { invalid } from "./describe.js";

/** Checks an IANA time zone name with the platform's Intl data ("UTC", "Europe/Berlin"). */
export function assertTimeZone(fn: string, timeZone: unknown): asserts timeZone is string {
  let valid = typeof timeZone === "string" && timeZone !== "";
  if (valid) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: timeZone as string });
    } catch {
      valid = false;
    }
  }
  if (!valid)
    throw invalid(fn, "INVALID_TIME_ZONE", "timeZone", timeZone, 'an IANA time zone such as "Europe/Berlin" or "UTC"');
}
