// The NPS rule, written once: which 0-10 scores are promoters, passives and detractors. Every layer
// (the batch function, the accumulator, the report, the SQL counts, the check, the DuckDB engine)
// asks these two functions.

/** The three NPS groups. */
export type NpsGroup = "promoter" | "passive" | "detractor";

/**
 * Whether a value is an NPS answer: an integer from 0 to 10 (a number, not text).
 *
 * @example
 * ```ts
 * isNpsScore(9); //=> true
 * isNpsScore(9.5); //=> false
 * ```
 */
export function isNpsScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * The NPS group of a 0-10 score: promoters score 9-10, passives 7-8, detractors 0-6
 * (UA-agency, Osipov, Quality-mgmt). The score must already be checked with {@link isNpsScore}.
 *
 * @example
 * ```ts
 * npsGroup(9); //=> "promoter"
 * npsGroup(6); //=> "detractor"
 * ```
 */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
