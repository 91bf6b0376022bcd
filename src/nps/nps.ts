import { assertReadable } from "../internal/records.js";
import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { assertCount, assertOptions, assertPercent } from "../internal/validate.js";
import { tallySurvey } from "../internal/survey-batch.js";
import type { SurveyBatch, SurveyBatchOptions } from "../errors/batch.js";
import type { Accessor, Values } from "../types.js";
import { npsGroup } from "./rule.js";

/** Respondents by NPS group: promoters scored 9-10, passives 7-8, detractors 0-6. */
export interface NpsCounts {
  /** Respondents who scored 9 or 10. */
  readonly promoters: number;
  /** Respondents who scored 7 or 8. */
  readonly passives: number;
  /** Respondents who scored 0 to 6. */
  readonly detractors: number;
}

/** Options of {@link nps}: the survey batch policy, and an accessor that reads each record's score. */
export interface NpsOptions<T = unknown> extends SurveyBatchOptions {
  /** Reads the score from a record: `(r) => r.score`. */
  readonly accessor?: Accessor<T, unknown>;
}

/** An NPS with the counts it came from. */
export interface NpsResult extends NpsCounts {
  /** Net Promoter Score in points, -100..100: % promoters - % detractors. Unrounded. */
  readonly score: number;
  /** Number of responses. */
  readonly total: number;
  /** Promoters as a percentage of all responses, 0-100. */
  readonly promoterPercent: number;
  /** Passives as a percentage of all responses, 0-100. */
  readonly passivePercent: number;
  /** Detractors as a percentage of all responses, 0-100. */
  readonly detractorPercent: number;
}

/**
 * Net Promoter Score from raw 0-10 answers to "How likely are you to recommend us?".
 *
 * Promoters score 9-10, passives 7-8, detractors 0-6; NPS = % promoters - % detractors,
 * in points from -100 to 100 (UA-agency, Osipov, Quality-mgmt). The result is unrounded:
 * use `round(result.score)` for the integer a report shows.
 *
 * Unanswered surveys (a missing score, blank text, or a not-rated marker such as "N/A" or "Offered":
 * `UNANSWERED_MARKERS`, plus `options.unanswered`) are not an error: they are skipped, counted in
 * `rows.skipped` and listed in `unanswered`, and never enter the score. A bad score throws by default;
 * with `invalid: "exclude"` it is left out and listed in `exclusions` (`rows.total = used + skipped + excluded`).
 *
 * Reads arrays, typed arrays (a `Uint8Array` of scores is the fastest input) and iterables;
 * give an accessor to read the score out of records. One pass, O(n), no allocation per answered item.
 *
 * @param scores - integer scores 0-10, with unanswered ones as null, blank or a marker (or, with the second
 *   signature, records and an accessor).
 * @param options - `invalid` (`"throw"` by default, or `"exclude"`), extra not-rated markers `unanswered`, and an
 *   `accessor` that reads the score out of records.
 * @returns the score, the three counts, the total and the three percentages; the records read, skipped and excluded.
 * @throws CxMetricsError `INVALID_SCORE` (with index and value) for a score that is not an integer
 *   0-10 (NaN, 11, 9.5, "9", a BigInt) unless `invalid: "exclude"`; `EMPTY_INPUT` for no scores (or none left
 *   once the unanswered and excluded records are out); `INVALID_ARGUMENT` for a non-iterable or an accessor that
 *   is not a function; `INVALID_OPTION` for a bad `invalid` or `unanswered`.
 * @example
 * ```ts
 * // Osipov's example: 70 promoters, 10 passives, 20 detractors out of 100.
 * const scores = [...Array(70).fill(10), ...Array(10).fill(8), ...Array(20).fill(3)];
 * nps(scores).score; //=> 50
 * // Two surveys sent and not answered: skipped, not used, not an error.
 * const sent = nps([10, null, 3, "N/A", 9, 9]);
 * `${sent.score} from ${sent.rows.used}, ${sent.rows.skipped} unanswered`; //=> "50 from 4, 2 unanswered"
 * ```
 */
export function nps<T = unknown>(scores: Values<T>, options?: NpsOptions<T>): NpsResult & SurveyBatch;
/**
 * NPS of records, reading each score with an accessor; otherwise as {@link nps} over numbers.
 *
 * @param items - records that hold a 0-10 score.
 * @param accessor - reads the score from a record: `(r) => r.score`.
 * @param options - `invalid` and `unanswered`, as for the first signature.
 * @example
 * ```ts
 * nps([{ score: 10 }, { score: 6 }], (r) => r.score).score; //=> 0
 * nps([{ id: "a", score: 10 }, { id: "b", score: "" }], (r) => r.score).unanswered; //=> [{ index: 1, id: "b", value: "" }]
 * ```
 */
export function nps<T>(
  items: Values<T>,
  accessor: Accessor<T, unknown>,
  options?: SurveyBatchOptions,
): NpsResult & SurveyBatch;
export function nps<T>(
  items: Values<T>,
  second?: Accessor<T, unknown> | NpsOptions<T>,
  third?: SurveyBatchOptions,
): NpsResult & SurveyBatch {
  const given = typeof second === "object" && second !== null;
  const options: NpsOptions<T> = given ? second : (third ?? {});
  assertOptions("nps", options);
  const accessor = given ? options.accessor : (second as Accessor<T, unknown> | undefined);
  const { counts, ...batch } = tallySurvey("nps", items, accessor, { min: 0, max: 10 }, options);
  const groups = { promoter: 0, passive: 0, detractor: 0 };
  for (let score = 0; score <= 10; score++) groups[npsGroup(score)] += counts[score]!;
  return { ...npsResult("nps", groups.promoter, groups.passive, groups.detractor), ...batch };
}

/**
 * NPS from counts that were aggregated elsewhere (a SQL `GROUP BY`, a spreadsheet, a report).
 *
 * Same formula as {@link nps}: 100 × (promoters - detractors) / (promoters + passives + detractors).
 *
 * @throws CxMetricsError `INVALID_COUNT` for a negative, fractional or non-finite count, or counts
 *   beyond 2^53 - 1 (a double no longer holds them exactly); `EMPTY_INPUT` when all three are 0.
 * @example
 * ```ts
 * npsFromCounts({ promoters: 70, passives: 10, detractors: 20 }).score; //=> 50 (Osipov)
 * ```
 */
export function npsFromCounts(counts: NpsCounts): NpsResult {
  const fn = "npsFromCounts";
  assertReadable(fn, "counts", counts);
  if (typeof counts !== "object" || counts === null) {
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", "expected an object { promoters, passives, detractors }", {
      value: counts,
    });
  }
  assertCount(fn, "promoters", counts.promoters);
  assertCount(fn, "passives", counts.passives);
  assertCount(fn, "detractors", counts.detractors);
  return npsResult(fn, counts.promoters, counts.passives, counts.detractors);
}

function npsResult(fn: string, promoters: number, passives: number, detractors: number): NpsResult {
  const total = promoters + passives + detractors;
  if (total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "no responses: NPS is undefined for 0 responses");
  if (!Number.isSafeInteger(total))
    throw new CxMetricsError(
      fn,
      "INVALID_COUNT",
      `the counts add up to ${total}, more than a double holds exactly (2^53 - 1)`,
      { value: total },
    );
  return {
    score: (100 * (promoters - detractors)) / total,
    promoters,
    passives,
    detractors,
    total,
    promoterPercent: (100 * promoters) / total,
    passivePercent: (100 * passives) / total,
    detractorPercent: (100 * detractors) / total,
  };
}

/** Input of {@link npsFromPercents}: the two shares a report prints, in percent 0-100. */
export interface NpsPercents {
  /** Promoters as a percentage of responses, 0-100. */
  readonly promoterPercent: number;
  /** Detractors as a percentage of responses, 0-100. */
  readonly detractorPercent: number;
}

/** Options of {@link npsFromPercents}. */
export interface NpsFromPercentsOptions {
  /** Number of responses behind the percentages, when known; lets the counts be recovered. */
  readonly total?: number;
}

/**
 * An NPS computed from published percentages. The counts are `null` unless `total` is given;
 * then they are `percent × total / 100`, unrounded (a report's rounded percentages rarely give
 * whole counts back).
 */
export interface NpsFromPercentsResult {
  /** NPS in points, -100..100. */
  readonly score: number;
  /** Promoters, 0-100 percent. */
  readonly promoterPercent: number;
  /** Passives, 0-100 percent: what the other two leave. */
  readonly passivePercent: number;
  /** Detractors, 0-100 percent. */
  readonly detractorPercent: number;
  /** Number of responses, or null when not given. */
  readonly total: number | null;
  /** Estimated promoters, or null without `total`. */
  readonly promoters: number | null;
  /** Estimated passives, or null without `total`. */
  readonly passives: number | null;
  /** Estimated detractors, or null without `total`. */
  readonly detractors: number | null;
}

/**
 * NPS from the promoter and detractor percentages a report prints: promoterPercent - detractorPercent.
 *
 * @param percents - the two shares in percent, 0-100, adding up to at most 100.
 * @param options - `total`, the number of responses, to recover (unrounded) counts.
 * @throws CxMetricsError `INVALID_PERCENT` for a share outside 0-100 or shares adding up to more
 *   than 100; `INVALID_COUNT` for a bad `total`; `EMPTY_INPUT` for a total of 0.
 * @example
 * ```ts
 * npsFromPercents({ promoterPercent: 75, detractorPercent: 20 }).score; //=> 55 (Quality-mgmt)
 * ```
 */
export function npsFromPercents(percents: NpsPercents, options: NpsFromPercentsOptions = {}): NpsFromPercentsResult {
  const fn = "npsFromPercents";
  assertOptions(fn, options);
  assertReadable(fn, "percents", percents);
  if (typeof percents !== "object" || percents === null) {
    throw new CxMetricsError(fn, "INVALID_ARGUMENT", "expected an object { promoterPercent, detractorPercent }", {
      value: percents,
    });
  }
  const { promoterPercent, detractorPercent } = percents;
  assertPercent(fn, "promoterPercent", promoterPercent);
  assertPercent(fn, "detractorPercent", detractorPercent);
  // A report's rounded shares may add up to a hair over 100; anything more is an error.
  if (promoterPercent + detractorPercent > 100 + 1e-9) {
    throw new CxMetricsError(
      fn,
      "INVALID_PERCENT",
      `promoterPercent + detractorPercent is ${promoterPercent + detractorPercent}, expected at most 100`,
      { value: percents },
    );
  }
  const passivePercent = Math.max(0, 100 - promoterPercent - detractorPercent);
  const { total } = options;
  if (total !== undefined) {
    assertCount(fn, "total", total);
    if (total === 0) throw new CxMetricsError(fn, "EMPTY_INPUT", "total is 0: NPS is undefined for 0 responses");
  }
  const count = (percent: number): number | null => (total === undefined ? null : (percent * total) / 100);
  return {
    score: promoterPercent - detractorPercent,
    promoterPercent,
    passivePercent,
    detractorPercent,
    total: total ?? null,
    promoters: count(promoterPercent),
    passives: count(passivePercent),
    detractors: count(detractorPercent),
  };
}
