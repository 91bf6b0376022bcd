// The report's NPS, CSAT and CES kernels: each record's score or rating read by the metric's rule, counted in a group
// tally (with Σw and Σw² per value when the report is weighted), and the group's figure with an interval that holds it
// (the NPS score interval, Wilson for shares), its linearised standard error and its effective sample size.
import { cesRule } from "../ces/rule.js";
import { csatRule } from "../csat/rule.js";
import { CxMetricsError, isCxMetricsError } from "../errors/cx-metrics-error.js";
import { describe } from "../internal/describe.js";
import { unansweredTest } from "../internal/unanswered.js";
import { assertCount } from "../internal/validate.js";
import { addRating, mergeRatingTally, type RatingTally, ratingTally, type TallyRule } from "../internal/scale-tally.js";
import { addNpsScore, mergeNpsTally, type NpsTally } from "../nps/accumulator.js";
import { isNpsScore, npsGroup } from "../nps/rule.js";
import { npsScoreBounds } from "../nps/score-interval.js";
import { zForConfidence } from "../stats/normal.js";
import { proportionInterval } from "../stats/proportion-interval.js";
import { meanConfidenceInterval } from "../stats/mean-interval.js";
import { type WeightedValue, weightedMean, wilsonBounds } from "../stats/weighted.js";
import { field } from "./fields.js";
import type { GroupWeights, MetricKernel, ReportGroupState } from "./kernel-types.js";
import type { SummarizeSpec } from "./spec.js";
import { mergeWeightSums, unitValues, type WeightSums, weightedValues, weightReader, weightSums } from "./weights.js";

/** A record's value and, in a weighted report, its weight. */
interface Unit {
  readonly value: unknown;
  readonly weight: number;
}

/** A survey group: the metric's tally, Σw, Σw² per value when weighted, and the unanswered records it holds. */
type Weighted<T> = T & { weights?: WeightSums; unanswered?: number };

/** The state of a group with its unanswered records, when it has some. */
function withUnanswered(state: ReportGroupState, group: { unanswered?: number }): ReportGroupState {
  return group.unanswered === undefined || group.unanswered === 0
    ? state
    : ({ ...state, unanswered: group.unanswered } as ReportGroupState);
}

/** Adds the unanswered records of a state (a whole count, checked) to a group. */
function mergeUnanswered(fn: string, group: { unanswered?: number }, state: ReportGroupState): void {
  const count = (state as { unanswered?: unknown }).unanswered;
  if (count === undefined) return;
  assertCount(fn, "unanswered", count);
  group.unanswered = (group.unanswered ?? 0) + count;
}

/** The survey kernels' part of unanswered records: which are, and counting them in a group. */
function unansweredSide(
  fn: string,
  spec: SummarizeSpec,
  name: string,
): Pick<MetricKernel<{ unanswered?: number }>, "unanswered" | "skip"> {
  const test = unansweredTest(fn, spec.unanswered);
  return {
    unanswered: (record) => test(field(record, name)),
    skip(group, count) {
      group.unanswered = (group.unanswered ?? 0) + count;
    },
  };
}

const NPS_Y: Record<ReturnType<typeof npsGroup>, number> = { promoter: 1, passive: 0, detractor: -1 };

/** The state of a group, with its weights when it has them. */
function withWeights<T extends object>(state: T, weights: WeightSums | undefined): ReportGroupState {
  return (
    weights === undefined ? state : { ...state, weights: { w: [...weights.w], w2: [...weights.w2] } }
  ) as ReportGroupState;
}

/** Adds the weights of a state to a weighted group (a state without them counts each record with weight 1). */
function mergeWeights(
  fn: string,
  group: { weights?: WeightSums },
  state: ReportGroupState,
  counts: readonly number[],
): void {
  if (group.weights === undefined) return;
  const given = (state as { weights?: GroupWeights }).weights;
  mergeWeightSums(fn, group.weights, given ?? { w: [...counts], w2: [...counts] });
}

/** The NPS kernel: scores 0-10; the figure in points with the score interval. */
export function npsKernel(fn: string, spec: SummarizeSpec, name: string): MetricKernel<Weighted<NpsTally>> {
  const weightOf = weightReader(fn, spec);
  const scoreOf = (record: unknown, index: number): number => {
    const value = field(record, name);
    if (!isNpsScore(value)) {
      throw new CxMetricsError(
        fn,
        "INVALID_SCORE",
        `${name} of record ${index} is ${describe(value)}, expected an integer 0-10`,
        {
          index,
          value,
          field: name,
        },
      );
    }
    return value;
  };
  return {
    ...unansweredSide(fn, spec, name),
    read: (record, index) =>
      weightOf === null ? scoreOf(record, index) : { value: scoreOf(record, index), weight: weightOf(record, index) },
    create(state) {
      const tally: Weighted<NpsTally> = { kind: "nps", promoters: 0, passives: 0, detractors: 0 };
      if (weightOf !== null) tally.weights = weightSums(3);
      if (state !== undefined) this.merge(tally, state);
      return tally;
    },
    add(group, unit) {
      if (group.weights === undefined) return addNpsScore(fn, group, unit as number);
      const { value, weight } = unit as Unit;
      addNpsScore(fn, group, value as number);
      const k = 1 - NPS_Y[npsGroup(value as number)]!; // promoter 0, passive 1, detractor 2
      group.weights.w[k]! += weight;
      group.weights.w2[k]! += weight * weight;
    },
    merge(group, state) {
      mergeNpsTally(fn, group, state);
      const s = state as NpsTally;
      mergeWeights(fn, group, state, [s.promoters, s.passives, s.detractors]);
      mergeUnanswered(fn, group, state);
    },
    toJSON: (group) =>
      withUnanswered(
        withWeights(
          { kind: "nps", promoters: group.promoters, passives: group.passives, detractors: group.detractors },
          group.weights,
        ),
        group,
      ),
    counted(value, count, sums) {
      const tally: Weighted<NpsTally> = { kind: "nps", promoters: 0, passives: 0, detractors: 0 };
      addNpsScore(fn, tally, value as number, count);
      if (weightOf !== null) {
        tally.weights = weightSums(3);
        const k = 1 - NPS_Y[npsGroup(value as number)]!;
        tally.weights.w[k] = sums?.w ?? count;
        tally.weights.w2[k] = sums?.w2 ?? count;
      }
      return this.toJSON(tally);
    },
    figure(group, confidence) {
      const n = group.promoters + group.passives + group.detractors;
      if (n === 0) return null;
      const counts = [group.promoters, group.passives, group.detractors];
      const y = (k: number): number => 1 - k;
      const weighted = group.weights !== undefined;
      const parts = weightedMean(
        weighted ? weightedValues(counts, group.weights!, y) : unitValues(counts, y),
        undefined,
      );
      // Weighted: the shares as weighted, the sample as large as its effective size.
      const shares = weighted ? sharesOf(group.weights!.w) : counts.map((c) => c / n);
      const size = weighted ? parts.nEffective : n;
      const effective = { promoters: shares[0]! * size, passives: shares[1]! * size, detractors: shares[2]! * size };
      const bounds = npsScoreBounds(effective.promoters, effective.passives, effective.detractors, confidence);
      const value = weighted ? 100 * parts.mean : (100 * (group.promoters - group.detractors)) / n;
      return {
        n,
        value,
        low: Math.min(value, 100 * bounds.low),
        high: Math.max(value, 100 * bounds.high),
        se: parts.se === null ? null : 100 * parts.se,
        nEffective: parts.nEffective,
        weighted,
        answered: n,
        unanswered: group.unanswered ?? 0,
        counts: weighted
          ? effective
          : { promoters: group.promoters, passives: group.passives, detractors: group.detractors },
        detail: {
          score: value,
          promoters: group.promoters,
          passives: group.passives,
          detractors: group.detractors,
          total: n,
          promoterPercent: 100 * shares[0]!,
          passivePercent: 100 * shares[1]!,
          detractorPercent: 100 * shares[2]!,
          interval: "score",
          ...(weighted ? { sumWeights: parts.sumWeights } : {}),
        },
      };
    },
  };
}

/** Shares of a list of sums. */
function sharesOf(sums: readonly number[]): number[] {
  const total = sums.reduce((a, b) => a + b, 0);
  return sums.map((value) => value / total);
}

/** What a rating kernel needs of its metric's rule: the reader, the scale, and which ratings are successes. */
interface RatingParts {
  readonly rule: TallyRule;
  /** 1 for a success (satisfied, easy), 0 for a failure, null for a rating outside the share's domain (neutral in good/bad). */
  readonly success: (rating: number) => number | null;
  /** Whether the share's domain is a subset of the ratings (good/bad CSAT): its SE keeps n of the whole sample. */
  readonly subset: boolean;
  /** The detail's names for the success count. */
  readonly label: "satisfied" | "easy";
  /** CSAT: the highest dissatisfied rating (for the detail's count). */
  readonly dissatisfiedTo?: number;
}

function ratingParts(fn: string, spec: SummarizeSpec): RatingParts {
  if (spec.metric === "csat") {
    const rule = csatRule(spec.csat ?? {}, fn);
    const goodBad = rule.mode === "good-bad";
    return {
      rule,
      success: (r) => rule.share(r),
      subset: goodBad,
      label: "satisfied",
      dissatisfiedTo: rule.dissatisfiedTo,
    };
  }
  const rule = cesRule(spec.ces ?? {}, fn);
  return { rule, success: (r) => rule.share(r), subset: false, label: "easy" };
}

/** The CSAT and CES kernels: ratings on the rule's scale; the figure the share in percent with Wilson's interval. */
export function ratingKernel(
  fn: string,
  spec: SummarizeSpec,
  name: string,
): MetricKernel<Weighted<RatingTally<"csat" | "ces">>> {
  const kind = spec.metric === "csat" ? "csat" : "ces";
  const { rule, success, subset, label, dissatisfiedTo } = ratingParts(fn, spec);
  const { min, max } = rule.scale;
  const weightOf = weightReader(fn, spec);
  const ratingOf = (record: unknown, index: number): unknown => {
    const value = field(record, name);
    try {
      rule.read(value, index, `${name} of record ${index}`);
    } catch (error) {
      if (!isCxMetricsError(error)) throw error;
      throw new CxMetricsError(fn, error.code, error.message.slice(error.fn.length + 2), { index, value, field: name });
    }
    return value;
  };
  return {
    ...unansweredSide(fn, spec, name),
    read: (record, index) =>
      weightOf === null ? ratingOf(record, index) : { value: ratingOf(record, index), weight: weightOf(record, index) },
    create(state) {
      const tally: Weighted<RatingTally<"csat" | "ces">> = ratingTally(fn, kind, rule);
      if (weightOf !== null) tally.weights = weightSums(max - min + 1);
      if (state !== undefined) this.merge(tally, state);
      return tally;
    },
    add(group, unit) {
      if (group.weights === undefined) return addRating(rule, group, unit);
      const { value, weight } = unit as Unit;
      const step = rule.read(value) - min;
      group.counts[step]!++;
      group.weights.w[step]! += weight;
      group.weights.w2[step]! += weight * weight;
    },
    merge(group, state) {
      const before = [...group.counts];
      mergeRatingTally(fn, rule, group, state);
      mergeWeights(
        fn,
        group,
        state,
        group.counts.map((count, k) => count - before[k]!),
      );
      mergeUnanswered(fn, group, state);
    },
    toJSON: (group) =>
      withUnanswered(withWeights({ kind, min: group.min, counts: [...group.counts] }, group.weights), group),
    counted(value, count, sums) {
      const step = rule.read(value) - min;
      const tally: Weighted<RatingTally<"csat" | "ces">> = ratingTally(fn, kind, rule);
      tally.counts[step] = count;
      if (weightOf !== null) {
        tally.weights = weightSums(max - min + 1);
        tally.weights.w[step] = sums?.w ?? count;
        tally.weights.w2[step] = sums?.w2 ?? count;
      }
      return this.toJSON(tally);
    },
    figure(group, confidence) {
      const onScale = (bound: number | null): number | null =>
        bound === null ? null : Math.min(max, Math.max(min, bound));
      const y = (step: number): number | null => success(min + step);
      const total = group.counts.reduce((a, b) => a + b, 0);
      const inDomain = group.counts.reduce((sum, count, step) => sum + (y(step) === null ? 0 : count), 0);
      if (inDomain === 0) return null; // nothing rated, or (good/bad) only neutral ratings
      const weighted = group.weights !== undefined;
      const values = weighted ? weightedValues(group.counts, group.weights!, y) : unitValues(group.counts, y);
      const share = weightedMean(values, subset ? total : undefined);
      const successes = group.counts.reduce((sum, count, step) => sum + (y(step) === 1 ? count : 0), 0);
      const z = zForConfidence(confidence);
      const bounds = weighted
        ? wilsonBounds(share.mean, share.nEffective, z)
        : proportionInterval(successes, inDomain, { confidence });
      const ratingY = (step: number): number => min + step;
      const mean = weightedMean(
        weighted ? weightedValues(group.counts, group.weights!, ratingY) : unitValues(group.counts, ratingY),
        undefined,
      );
      const meanInterval =
        total >= 2 && mean.se !== null && !weighted
          ? meanConfidenceInterval(
              { mean: mean.mean, standardDeviation: mean.se * Math.sqrt(total), n: total },
              { confidence },
            )
          : null;
      const value = weighted ? 100 * share.mean : (100 * successes) / inDomain;
      return {
        n: inDomain,
        value,
        low: Math.min(value, 100 * bounds.low),
        high: Math.max(value, 100 * bounds.high),
        se: share.se === null ? null : 100 * share.se,
        nEffective: share.nEffective,
        weighted,
        answered: total,
        unanswered: group.unanswered ?? 0,
        share: weighted
          ? { successes: share.mean * share.nEffective, n: share.nEffective }
          : { successes, n: inDomain },
        detail: {
          [label]: successes,
          ...(dissatisfiedTo === undefined
            ? {}
            : {
                dissatisfied: group.counts.reduce(
                  (sum, count, step) => sum + (min + step <= dissatisfiedTo ? count : 0),
                  0,
                ),
                mode: subset ? "good-bad" : "top-box",
              }),
          total,
          mean: mean.mean,
          meanSe: mean.se,
          // Within the scale, as the IQS interval stays within 0-100: no rating lies outside min..max.
          meanLow: onScale(
            weighted ? (mean.se === null ? null : mean.mean - z * mean.se) : (meanInterval?.low ?? null),
          ),
          meanHigh: onScale(
            weighted ? (mean.se === null ? null : mean.mean + z * mean.se) : (meanInterval?.high ?? null),
          ),
          ...(weighted ? { sumWeights: share.sumWeights } : {}),
        },
      };
    },
  };
}

/** A kernel's weighted values are read by its own rule; re-exported for the SQL counts. */
export type { WeightedValue };
