import * as z from "zod";
import { instantProblem, parseInstant } from "../internal/instant.js";

/**
 * An instant: a `Date`, an ISO-8601 string with an offset or `Z`, or epoch milliseconds,
 * parsed to a `Date`. Strings without an offset are rejected (their instant depends on the
 * reader's time zone: the parse helpers read them with an explicit `timeZone` option), and so are
 * impossible dates such as 2025-02-30 and instants outside 1900-01-01 to 2199-12-31 (UTC). The
 * issue's message says which.
 *
 * @example
 * ```ts
 * instantSchema.parse("2025-03-01T09:30:00+02:00").toISOString(); //=> "2025-03-01T07:30:00.000Z"
 * instantSchema.safeParse("2025-03-01T09:30:00").success; //=> false (no offset)
 * ```
 */
export const instantSchema = /* @__PURE__ */ z.union([z.date(), z.string(), z.number()]).transform((value, context) => {
  const ms = parseInstant(value);
  if (ms === undefined) {
    context.addIssue({ code: "custom", message: instantProblem(value).reason });
    return z.NEVER;
  }
  return new Date(ms);
});

/**
 * Free text or an identifier; numbers (ids read from JSON) become strings.
 *
 * @example
 * ```ts
 * textSchema.parse(17); //=> "17"
 * ```
 */
export const textSchema = /* @__PURE__ */ z.union([z.string(), z.number().transform(String)]);

/**
 * The optional fields people keep beside a survey score.
 *
 * @example
 * ```ts
 * responseFieldsSchema.parse({ channel: "chat", agentId: 7 }).agentId; //=> "7"
 * ```
 */
export const responseFieldsSchema = /* @__PURE__ */ z.looseObject({
  /** When the customer answered: parsed to a `Date`. */
  respondedAt: instantSchema.optional(),
  /** Where the interaction happened: `"chat"`, `"email"`, `"phone"`, ... */
  channel: textSchema.optional(),
  /** The agent who handled the interaction. */
  agentId: textSchema.optional(),
  /** The customer who answered. */
  customerId: textSchema.optional(),
  /** Any segment the team reports by (plan, region, product). */
  segment: textSchema.optional(),
  /** The free-text answer (Osipov: always offer one). */
  comment: z.string().optional(),
});

/** An integer score on min..max, with a message that names the scale. */
export function integerScore(min: number, max: number): z.ZodNumber {
  const message = `expected an integer ${min}-${max}`;
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}
