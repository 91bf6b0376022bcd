/**
 * QA scorecards and the Internal Quality Score: weighted criteria on their own scales, N/A,
 * critical criteria; per review, criterion and agent; reviewer calibration; review plans.
 *
 * Methodology, sources and worked examples: [iqs.md](../../docs/iqs.md).
 *
 * @module iqs
 */
export { iqs } from "./iqs.js";
export type { IqsCriterionScore, IqsGroupScore, IqsOptions, IqsResult, IqsReviewScore } from "./iqs.js";
export type {
  CompiledCriterion,
  CriterionScale,
  QaReview,
  Rating,
  Scorecard,
  ScorecardCriterion,
  ScoredReview,
  ScorecardRule,
} from "./scorecard.js";
export { scorecardRule } from "./scorecard.js";
export { createIqsAccumulator } from "./accumulator.js";
export type { IqsAccumulator, IqsAccumulatorState, IqsSummary } from "./accumulator.js";
export { calibration } from "./calibration.js";
export type {
  CalibrationOptions,
  CalibrationResult,
  CalibrationSession,
  CriterionCalibration,
  ReviewerCalibration,
  ReviewerScore,
} from "./calibration.js";
export { qaReviewPlan } from "./review-plan.js";
export type { AgentReviewPlan, QaReviewPlan } from "./review-plan.js";
