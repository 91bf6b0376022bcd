// Reading a record's fields for a report: their names, own properties only, and records that cannot be read at all.
import type { ReportFields, SummarizeSpec } from "./spec.js";

/** A record that cannot be read at all: a revoked Proxy (every look at it throws a TypeError). */
export function isUnreadable(record: unknown): boolean {
  if ((typeof record !== "object" && typeof record !== "function") || record === null) return false;
  try {
    Array.isArray(record); // throws for a revoked Proxy, and for nothing else
    return false;
  } catch {
    return true;
  }
}

/** A record's field, own properties only (never one inherited from the prototype). */
export function field(record: unknown, name: string): unknown {
  return typeof record === "object" && record !== null && Object.hasOwn(record, name)
    ? (record as Record<string, unknown>)[name]
    : undefined;
}

/** The fields a report reads, with their defaults. */
export function reportFields(spec: SummarizeSpec): Required<ReportFields> {
  return {
    score: "score",
    rating: "rating",
    respondedAt: "respondedAt",
    createdAt: "createdAt",
    reviewedAt: "reviewedAt",
    firstResponseMinutes: "firstResponseMinutes",
    resolutionMinutes: "resolutionMinutes",
    ...spec.fields,
  };
}
