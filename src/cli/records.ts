// Turns a file's cells into the records summarize reads: numbers where a number is written, dates as instants (local times in --time-zone), blanks as missing, QA ratings as numbers, true/false or N/A.
import { parseInstant, type InstantReading } from "../internal/instant.js";
import type { ResolvedField } from "./columns.js";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const UTC_LOCAL = /^\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?$/;
const UTC: InstantReading = { timeZone: "UTC" };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A number where the cell holds one (text "9" or 9), else the cell as found (the metric says why it is wrong). */
function numberOf(value: unknown): unknown {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") {
    const text = value.trim();
    return NUMBER.test(text) ? Number(text) : value;
  }
  return value;
}

/** An instant in epoch milliseconds where the cell holds one, null for a blank, else the cell as found. */
function dateOf(value: unknown, field: ResolvedField, reading: InstantReading | undefined): unknown {
  if (isBlank(value)) return null;
  if (field.reading === "unix-seconds") {
    const seconds = numberOf(value);
    return typeof seconds === "number" ? seconds * 1000 : value;
  }
  if (typeof value !== "string") return value;
  const text = value.trim();
  const ms = field.reading === "utc" && UTC_LOCAL.test(text) ? parseInstant(text, UTC) : parseInstant(text, reading);
  return ms ?? value;
}

/** A QA rating: a number, true / false (also yes / no), or null for N/A or a blank. */
function ratingOf(value: unknown): unknown {
  if (isBlank(value)) return null;
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  if (text === "n/a" || text === "na") return null;
  if (text === "true" || text === "yes") return true;
  if (text === "false" || text === "no") return false;
  return numberOf(value);
}

/** A segment value: the text as written (a number as its text). */
function textOf(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" ? String(value) : value === null ? undefined : value;
}

/**
 * Builds one record from a row's cells (`cell(i)` is the cell of header column i). QA ratings go
 * under `ratings`; a derived first-response time is Created at plus its minutes.
 */
export function buildRecord(fields: readonly ResolvedField[], cell: (index: number) => unknown, reading: InstantReading | undefined): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  let ratings: Record<string, unknown> | undefined;
  for (const field of fields) {
    if (field.minutesIndex !== undefined) continue;
    const value = cell(field.index);
    if (field.field.startsWith("ratings.")) {
      ratings ??= {};
      ratings[field.field.slice(8)] = ratingOf(value);
    } else if (field.kind === "number") record[field.field] = numberOf(value);
    else if (field.kind === "date") record[field.field] = dateOf(value, field, reading);
    else record[field.field] = textOf(value);
  }
  for (const field of fields) {
    if (field.minutesIndex === undefined) continue;
    const minutes = numberOf(cell(field.minutesIndex));
    const created = record.createdAt;
    record[field.field] = typeof minutes === "number" && typeof created === "number" ? created + minutes * 60_000 : minutes === undefined ? null : cell(field.minutesIndex);
  }
  if (ratings !== undefined) record.ratings = ratings;
  return record;
}
