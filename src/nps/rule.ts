// The NPS rule, written once: which 0-10 scores are promoters, passives and detractors. Every layer
// (the batch function, the accumulator, the report, the SQL counts, the check, the DuckDB engine)
// asks these two functions.
import { invalid } from "../internal/describe.js";

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
 * (UA-agency, Osipov, Quality-mgmt).
 *
 * @throws CxMetricsError `INVALID_SCORE` for a value that is not an NPS answer ({@link isNpsScore}: an integer 0-10),
 *   such as NaN, 11, 8.5 or "9", where it gave a group (NaN and "9" were "detractor", Infinity "promoter").
 * @example
 * ```ts
 * npsGroup(9); //=> "promoter"
 * npsGroup(6); //=> "detractor"
 * ```
 */
export function npsGroup(score: number): NpsGroup {
  if (!isNpsScore(score)) throw invalid("npsGroup", "INVALID_SCORE", "score", score, "an integer 0-10");
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
