// The batch policy of the survey metrics (nps, csat, ces): each rating counted on its scale, unanswered records
// skipped and listed (never an error, never excluded), bad ratings thrown or, under `invalid: "exclude"`, listed.
import type { ExcludedRow, SkippedRow, SurveyBatch, SurveyBatchOptions } from "../errors/batch.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import type { Accessor, Values } from "../types.js";
import { rowId, rowPolicy } from "./batch.js";
import { invalid } from "./describe.js";
import { forEachValue } from "./records.js";
import { tallyScale } from "./tally.js";
import { unansweredTest } from "./unanswered.js";
import { assertAccessor } from "./validate.js";

/** A survey batch's tally: `counts[k]` ratings of value `min + k`, and what was skipped and excluded. */
export interface SurveyTally extends SurveyBatch {
  readonly counts: Float64Array;
}

const idOf = (row: unknown): unknown => (row as { id?: unknown }).id;

/** The lists of one batch, and what to do with a value that is not counted. */
function surveyPolicy(fn: string, options: SurveyBatchOptions) {
  const policy = rowPolicy(fn, options);
  const unanswered = unansweredTest(fn, options.unanswered);
  const skipped: SkippedRow[] = [];
  const exclusions: ExcludedRow[] = [];
  return {
    /** Lists an unanswered value and says true; false for any other. */
    skip(index: number, value: unknown, item: unknown): boolean {
      if (!unanswered(value)) return false;
      skipped.push({ index, id: rowId(item, idOf), value });
      return true;
    },
    /** Throws a bad value's error, or (under "exclude") lists it. */
    exclude(index: number, item: unknown, error: CxMetricsError): void {
      if (policy === "throw") throw error;
      const { value, code, message: reason } = error;
      exclusions.push({ index, id: rowId(item, idOf), field: "", value, code, reason });
    },
    /** The counts with the rows; `EMPTY_INPUT` when records were read and none was used. */
    finish(counts: Float64Array): SurveyTally {
      let used = 0;
      for (const count of counts) used += count;
      const total = used + skipped.length + exclusions.length;
      if (used === 0 && total > 0)
        throw new CxMetricsError(
          fn,
          "EMPTY_INPUT",
          `no ratings: all ${total} records were unanswered (${skipped.length}) or excluded (${exclusions.length})`,
        );
      const rows = { total, used, skipped: skipped.length, excluded: exclusions.length };
      return { counts, rows, unanswered: skipped, exclusions };
    },
  };
}

/**
 * Counts integer ratings on `min..max` under the survey batch policy (the tally's typed loops).
 *
 * @throws CxMetricsError `INVALID_SCORE` for a bad rating under `"throw"`; `EMPTY_INPUT` when no rating is left
 *   (naming how many were unanswered and excluded); `INVALID_OPTION` for bad `invalid` or `unanswered` options.
 */
export function tallySurvey<T>(
  fn: string,
  values: Values<T>,
  accessor: Accessor<T, unknown> | undefined,
  scale: { readonly min: number; readonly max: number },
  options: SurveyBatchOptions,
): SurveyTally {
  const batch = surveyPolicy(fn, options);
  const { min, max } = scale;
  const counts = tallyScale(fn, values, accessor, min, max, (index, value, item) => {
    if (!batch.skip(index, value, item))
      batch.exclude(
        index,
        item,
        invalid(fn, "INVALID_SCORE", `score at index ${index}`, value, `an integer ${min}-${max}`, index),
      );
  });
  return batch.finish(counts);
}

/**
 * As {@link tallySurvey}, each answered value read by a rule's reader (labels such as smileys), whose coded error
 * (`INVALID_LABEL`) is the bad value's.
 */
export function tallySurveyRead<T>(
  fn: string,
  values: Values<T>,
  accessor: Accessor<T, unknown> | undefined,
  scale: { readonly min: number; readonly max: number },
  options: SurveyBatchOptions,
  read: (rating: unknown, index: number) => number,
): SurveyTally {
  const batch = surveyPolicy(fn, options);
  assertAccessor(fn, "accessor", accessor);
  const counts = new Float64Array(scale.max - scale.min + 1);
  forEachValue(fn, "ratings", values, (item, index) => {
    const value = accessor === undefined ? (item as unknown) : accessor(item, index);
    if (batch.skip(index, value, item)) return;
    try {
      counts[read(value, index) - scale.min]!++;
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      batch.exclude(index, item, error);
    }
  });
  return batch.finish(counts);
}
