import * as z from "zod";
import { instantSchema, textSchema } from "./fields.js";
import { assertTimeZone } from "../internal/time-zone.js";
import { assertOptions } from "../internal/validate.js";
import {
  coerceFields,
  dataOrThrow,
  localInstants,
  parseEachRow,
  steps,
  type RowReading,
  type SafeParseResponsesResult,
} from "./parse-rows.js";

/** An optional instant: missing, null (not yet), or an instant parsed to a `Date`. */
const optionalInstant = /* @__PURE__ */ z.union([z.null(), instantSchema]).optional();

/**
 * A ticket, chat or call: when it was created, first answered and resolved, its status changes
 * and messages, and the fields reports group by. Instants are parsed to `Date`s; strings need an
 * offset or `Z`. Whether a reply comes after the creation is checked by the time functions.
 *
 * @example
 * ```ts
 * interactionSchema.parse({ createdAt: "2025-03-10T09:00:00Z", firstResponseAt: null }).firstResponseAt === null; //=> true
 * ```
 */
export const interactionSchema = /* @__PURE__ */ z.looseObject({
  /** Identifier. */
  id: textSchema.optional(),
  /** When the request arrived. */
  createdAt: instantSchema,
  /** The first agent reply, or null. */
  firstResponseAt: optionalInstant,
  /** The last resolution, or null while open. */
  resolvedAt: optionalInstant,
  /** Every resolution, in order. */
  resolutions: z.array(instantSchema).optional(),
  /** Status changes, for clocks that pause. */
  statusChanges: z
    .array(
      z.object({
        /** When the status changed. */
        at: instantSchema,
        /** The new status. */
        status: z.string(),
      }),
    )
    .optional(),
  /** The conversation, for next-response targets. */
  messages: z
    .array(
      z.object({
        /** When it was sent. */
        at: instantSchema,
        /** Who sent it. */
        from: z.literal(["customer", "agent"]),
      }),
    )
    .optional(),
  /** Priority. */
  priority: textSchema.optional(),
  /** Request type. */
  type: textSchema.optional(),
  /** Channel. */
  channel: textSchema.optional(),
  /** The agent. */
  agentId: textSchema.optional(),
});

/** A parsed interaction. */
export type InteractionRow = z.infer<typeof interactionSchema>;

/** Options of {@link parseInteractions} and {@link safeParseInteractions}. */
export interface ParseInteractionsOptions {
  /** Coerce CSV text: trim, drop empty cells (an empty `firstResponseAt` is "no reply yet"). Default false. */
  readonly coerce?: boolean;
  /**
   * IANA zone in which local date-times and plain dates (`2025-03-10 09:00`, `2025-03-10`) are read,
   * as helpdesk exports often write them. Without it they are rejected, never guessed.
   */
  readonly timeZone?: string;
}

const coerce = (row: unknown): unknown => coerceFields(row, (_key, text) => text);
const INSTANT_FIELDS = ["createdAt", "firstResponseAt", "resolvedAt", "resolutions", "statusChanges", "messages"];

function reading(fn: string, options: ParseInteractionsOptions): RowReading {
  assertOptions(fn, options);
  if (options.timeZone !== undefined) assertTimeZone(fn, options.timeZone);
  return {
    prepare: steps(options.coerce === true ? coerce : undefined, localInstants(options.timeZone, INSTANT_FIELDS)),
  };
}

/**
 * Validates a batch of interactions: the good rows, and every problem of the bad ones (index, field,
 * the value found, and a reason that says what was found).
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` when rows are not iterable; `INVALID_TIME_ZONE`.
 * @example
 * ```ts
 * safeParseInteractions([{ id: "t1", createdAt: "2025-03-10T09:00:00Z", firstResponseAt: "" }], { coerce: true });
 * //=> { success: true, data: [{ id: "t1", createdAt: Date(2025-03-10T09:00:00Z) }], rows: { total: 1, used: 1, ... } }
 * ```
 */
export function safeParseInteractions(
  rows: Iterable<unknown>,
  options: ParseInteractionsOptions = {},
): SafeParseResponsesResult<InteractionRow> {
  const fn = "safeParseInteractions";
  return parseEachRow(fn, rows, interactionSchema, reading(fn, options)) as SafeParseResponsesResult<InteractionRow>;
}

/**
 * Like {@link safeParseInteractions}, but returns the interactions or throws one `CxMetricsError`
 * with code `INVALID_ROWS` listing every issue.
 *
 * @throws CxMetricsError `INVALID_ROWS` (with `issues`), `INVALID_ARGUMENT`.
 * @example
 * ```ts
 * const tickets = parseInteractions(csvRows, { coerce: true });
 * sla(tickets, policy, { calendar, asOf });
 * ```
 */
export function parseInteractions(rows: Iterable<unknown>, options: ParseInteractionsOptions = {}): InteractionRow[] {
  return dataOrThrow("parseInteractions", safeParseInteractions(rows, options)) as InteractionRow[];
}
