import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { instantError, parseInstant } from "../internal/instant.js";
import type { Interaction } from "./interaction.js";

/** An interaction with every field checked and every instant read to epoch milliseconds. */
export interface ReadInteraction {
  readonly id: string | null;
  readonly createdAt: number;
  readonly firstResponseAt: number | null;
  /** The first resolution: the earliest of `resolutions`, else `resolvedAt`; null while open. */
  readonly firstResolvedAt: number | null;
  /** The full resolution: `resolvedAt` when given, else the last of `resolutions`; null while open. */
  readonly resolvedAt: number | null;
  readonly statusChanges: readonly { readonly at: number; readonly status: string }[];
  readonly messages: readonly { readonly at: number; readonly from: "customer" | "agent" }[];
  readonly priority: string | undefined;
  readonly type: string | undefined;
  readonly channel: string | undefined;
}

function fieldError(fn: string, index: number, field: string, value: unknown, expected: string): CxMetricsError {
  return new CxMetricsError(
    fn,
    "INVALID_ARGUMENT",
    `interaction at index ${index}: ${field} is ${describe(value)}, expected ${expected}`,
    { index, value, field },
  );
}

function instantField(fn: string, index: number, field: string, value: unknown): number {
  const ms = parseInstant(value);
  if (ms === undefined) throw instantError(fn, `${field} of interaction at index ${index}`, value, { index, field });
  return ms;
}

function optionalInstant(fn: string, index: number, field: string, value: unknown): number | null {
  return value === undefined || value === null ? null : instantField(fn, index, field, value);
}

/**
 * A text field that reports group or filter by: a string, or a number read as its decimal text
 * (`priority: 1` and `"1"` are the same priority); missing stays undefined.
 */
export function labelField(fn: string, index: number, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw fieldError(fn, index, field, value, "a string or a number");
}

const NONE: readonly never[] = [];

function list(fn: string, index: number, field: string, value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return NONE;
  if (!Array.isArray(value)) throw fieldError(fn, index, field, value, "an array");
  return value;
}

function notBefore(fn: string, index: number, field: string, at: number, createdAt: number, value: unknown): void {
  if (at < createdAt) {
    throw new CxMetricsError(
      fn,
      "END_BEFORE_START",
      `interaction at index ${index}: ${field} (${new Date(at).toISOString()}) is before createdAt (${new Date(createdAt).toISOString()})`,
      { index, value, field },
    );
  }
}

/**
 * Reads `resolutions` and `resolvedAt`, each checked against the creation: the first resolution (the
 * earliest of `resolutions`, else `resolvedAt`) and the full one (`resolvedAt`, else the latest of
 * `resolutions`).
 */
export function readResolutions(
  fn: string,
  index: number,
  interaction: Interaction,
  createdAt: number,
): { firstResolvedAt: number | null; resolvedAt: number | null } {
  const resolutionList = list(fn, index, "resolutions", interaction.resolutions);
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < resolutionList.length; r++) {
    const value = resolutionList[r];
    const at = instantField(fn, index, `resolutions[${r}]`, value);
    notBefore(fn, index, `resolutions[${r}]`, at, createdAt, value);
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  }
  let resolvedAt = optionalInstant(fn, index, "resolvedAt", interaction.resolvedAt);
  if (resolvedAt !== null) notBefore(fn, index, "resolvedAt", resolvedAt, createdAt, interaction.resolvedAt);
  else if (interaction.resolvedAt === undefined && resolutionList.length > 0) resolvedAt = latest;
  return { firstResolvedAt: resolutionList.length > 0 ? earliest : resolvedAt, resolvedAt };
}

/**
 * Checks one interaction and reads its instants. Every field is checked before anything is counted,
 * so a batch can leave a bad row out whole.
 *
 * @throws CxMetricsError `INVALID_ARGUMENT` (not an object; `resolutions`, `statusChanges` or
 *   `messages` not an array; a message `from` other than `"customer"` or `"agent"`; a status that is
 *   not text; an id or label of another type), `INVALID_DATE` / `DATE_OUT_OF_RANGE`,
 *   `END_BEFORE_START` (a reply or resolution before the creation). Each names the field.
 */
export function readInteraction(fn: string, interaction: Interaction, index: number): ReadInteraction {
  if (typeof interaction !== "object" || interaction === null || Array.isArray(interaction)) {
    throw new CxMetricsError(
      fn,
      "INVALID_ARGUMENT",
      `interaction at index ${index} is ${describe(interaction)}, expected an object { createdAt, ... }`,
      {
        index,
        value: interaction,
        field: "",
      },
    );
  }
  const createdAt = instantField(fn, index, "createdAt", interaction.createdAt);
  const firstResponseAt = optionalInstant(fn, index, "firstResponseAt", interaction.firstResponseAt);
  if (firstResponseAt !== null)
    notBefore(fn, index, "firstResponseAt", firstResponseAt, createdAt, interaction.firstResponseAt);
  const { firstResolvedAt, resolvedAt } = readResolutions(fn, index, interaction, createdAt);
  const changeList = list(fn, index, "statusChanges", interaction.statusChanges);
  const statusChanges =
    changeList.length === 0
      ? NONE
      : changeList.map((change, c) => {
          const status = (change as { status?: unknown } | null)?.status;
          if (typeof status !== "string")
            throw fieldError(fn, index, `statusChanges[${c}].status`, status, "a status name (text)");
          return { at: instantField(fn, index, `statusChanges[${c}].at`, (change as { at?: unknown }).at), status };
        });
  const messageList = list(fn, index, "messages", interaction.messages);
  const messages =
    messageList.length === 0
      ? NONE
      : messageList.map((message, m) => {
          const from = (message as { from?: unknown } | null)?.from;
          if (from !== "customer" && from !== "agent") {
            throw fieldError(
              fn,
              index,
              `messages[${m}].from`,
              from,
              '"customer" or "agent" (map other senders, such as bots, before the call)',
            );
          }
          return {
            at: instantField(fn, index, `messages[${m}].at`, (message as { at?: unknown }).at),
            from: from as "customer" | "agent",
          };
        });
  const id = labelField(fn, index, "id", interaction.id) ?? null;
  return {
    id,
    createdAt,
    firstResponseAt,
    firstResolvedAt,
    resolvedAt,
    statusChanges,
    messages,
    priority: labelField(fn, index, "priority", interaction.priority),
    type: labelField(fn, index, "type", interaction.type),
    channel: labelField(fn, index, "channel", interaction.channel),
  };
}
