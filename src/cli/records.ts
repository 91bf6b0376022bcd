// Turns a file's cells into the records summarize reads: numbers where a number is written, dates as instants (local
// times in --time-zone), blanks as missing, QA ratings as numbers, true/false or N/A.
import type { ResolvedField } from "./columns.js";
import type { DateReader } from "./dates.js";
import { isBlank } from "../internal/values.js";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number where the cell holds one (text "9" or 9), else the cell as found (the metric says why it is wrong). */
function numberOf(value: unknown): unknown {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") {
    // One or two digits (a score or a rating) without the regular expression.
    const a = value.charCodeAt(0) - 48;
    if (value.length === 1 && a >= 0 && a <= 9) return a;
    const b = value.charCodeAt(1) - 48;
    if (value.length === 2 && a >= 0 && a <= 9 && b >= 0 && b <= 9) return a * 10 + b;
    const text = value.trim();
    return NUMBER.test(text) ? Number(text) : value;
  }
  return value;
}

/**
 * An instant in epoch milliseconds where the cell holds one, null for a blank or a --missing-date text, NaN for text
 * that is not a date as the file writes them (the metric rejects it; {@link DateReader.problem} says why), else the
 * cell as found.
 */
function dateOf(value: unknown, field: ResolvedField, dates: DateReader): unknown {
  if (isBlank(value)) return null;
  if (typeof value === "string" && dates.isMissing(value)) return null;
  if (field.reading === "unix-seconds") {
    const seconds = numberOf(value);
    return typeof seconds === "number" ? seconds * 1000 : value;
  }
  if (typeof value !== "string") return value;
  return dates.read(value, field.reading) ?? Number.NaN;
}

/** A QA rating: a number, true / false (also yes / no, pass / fail), or null for N/A or a blank. */
function ratingOf(value: unknown): unknown {
  if (isBlank(value)) return null;
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  if (text === "n/a" || text === "na") return null;
  if (text === "true" || text === "yes" || text === "pass") return true;
  if (text === "false" || text === "no" || text === "fail") return false;
  return numberOf(value);
}

/** A value passed on as found; a blank cell is missing. */
function rawOf(value: unknown): unknown {
  return isBlank(value) ? undefined : value;
}

/** A segment value: the text as written (a number as its text). */
function textOf(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" ? String(value) : value === null ? undefined : value;
}

/**
 * A function that makes records with these keys, always in this order, from their values: an object
 * literal compiled once, so that every record has one shape (assigning computed keys one by one went
 * through the engine's slow generic path, a tenth of a 1M-row report's time).
 */
function recordMaker(keys: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  // A "__proto__" key written plainly in a literal would set the prototype; in brackets it is an own property.
  const body = `return { ${keys.map((key, i) => `${key === "__proto__" ? '["__proto__"]' : JSON.stringify(key)}: v[${i}]`).join(", ")} };`;
  return new Function("v", body) as (values: readonly unknown[]) => Record<string, unknown>;
}

/** Builds records from a row's cells (`cell(i)` is the cell of header column i). */
export type RecordBuilder = (cell: (index: number) => unknown) => Record<string, unknown>;

/**
 * A record builder for the resolved fields: numbers where a number is written, dates as instants,
 * QA ratings under `ratings`, a derived first-response time as Created at plus its minutes.
 */
export function recordBuilder(fields: readonly ResolvedField[], dates: DateReader): RecordBuilder {
  const direct = fields.filter((field) => field.minutesIndex === undefined && !field.field.startsWith("ratings."));
  const derived = fields.filter((field) => field.minutesIndex !== undefined);
  const ratings = fields.filter((field) => field.field.startsWith("ratings."));
  const keys = [
    ...direct.map((field) => field.field),
    ...derived.map((field) => field.field),
    ...(ratings.length > 0 ? ["ratings"] : []),
  ];
  const make = recordMaker(keys);
  const createdAt = direct.findIndex((field) => field.field === "createdAt");
  const convert = direct.map((field) =>
    field.kind === "number"
      ? numberOf
      : field.kind === "date"
        ? (value: unknown) => dateOf(value, field, dates)
        : field.kind === "raw"
          ? rawOf
          : textOf,
  );
  return (cell) => {
    const values: unknown[] = new Array(keys.length);
    for (let k = 0; k < direct.length; k++) values[k] = convert[k]!(cell(direct[k]!.index));
    for (let k = 0; k < derived.length; k++) {
      const raw = cell(derived[k]!.minutesIndex!);
      const minutes = numberOf(raw);
      const created = createdAt === -1 ? undefined : values[createdAt];
      values[direct.length + k] =
        typeof minutes === "number" && typeof created === "number"
          ? created + minutes * 60_000
          : minutes === undefined
            ? null
            : raw;
    }
    if (ratings.length > 0) {
      const given: Record<string, unknown> = {};
      for (const field of ratings) {
        const id = field.field.slice(8);
        const value = ratingOf(cell(field.index));
        // Assigning to "__proto__" would set the prototype: a criterion of that id is an own property.
        if (id === "__proto__")
          Object.defineProperty(given, id, { value, enumerable: true, writable: true, configurable: true });
        else given[id] = value;
      }
      values[keys.length - 1] = given;
    }
    return make(values);
  };
}
