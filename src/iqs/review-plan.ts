import { assertReadable } from "../internal/records.js";
import { invalid } from "../internal/describe.js";
import { assertOptions } from "../internal/validate.js";
import {
  reviewSampleSize,
  type ReviewRuleOfThumb,
  type ReviewSampleSizeOptions,
} from "../sample-size/review-sample-size.js";

/** One agent's line of a review plan. */
export interface AgentReviewPlan {
  /** The agent. */
  readonly agentId: string;
  /** The agent's interactions in the period. */
  readonly interactions: number;
  /** Reviews needed for the chosen margin (Cochran with the finite-population correction, rounded up). */
  readonly reviews: number;
  /** Osipov's rule of thumb for the same number of interactions. */
  readonly ruleOfThumb: ReviewRuleOfThumb;
}

/** A QA review plan: how many interactions to review per agent. */
export interface QaReviewPlan {
  /** One line per agent, in input order. */
  readonly perAgent: readonly AgentReviewPlan[];
  /** All interactions. */
  readonly totalInteractions: number;
  /** All reviews the plan asks for. */
  readonly totalReviews: number;
  /** The confidence level used. */
  readonly confidence: number;
  /** The margin of error used, as a fraction. */
  readonly marginOfError: number;
}

/**
 * How many interactions to review per agent for a chosen margin of error on each agent's pass rate
 * or score share: {@link reviewSampleSize} per agent, so the finite-population correction uses that
 * agent's own number of interactions, with Osipov's rule of thumb beside it.
 *
 * @param interactionsPerAgent - the number of interactions each agent handled, `{ agentId: count }`.
 * @param options - confidence (default 0.95), marginOfError (default 0.05), proportion (default 0.5).
 * @throws CxMetricsError `INVALID_COUNT` for a count that is not an integer ≥ 1; `INVALID_ARGUMENT`
 *   for a non-object; as {@link sample-size!sampleSize} for the options.
 * @example
 * ```ts
 * qaReviewPlan({ ann: 400, bob: 90 }, { marginOfError: 0.1 });
 * //=> { perAgent: [{ agentId: "ann", reviews: 78, ... }, { agentId: "bob", reviews: 47, ... }], totalReviews: 125, ... }
 * ```
 */
export function qaReviewPlan(
  interactionsPerAgent: Readonly<Record<string, number>>,
  options: ReviewSampleSizeOptions = {},
): QaReviewPlan {
  const fn = "qaReviewPlan";
  assertOptions(fn, options);
  assertReadable(fn, "interactionsPerAgent", interactionsPerAgent);
  if (
    typeof interactionsPerAgent !== "object" ||
    interactionsPerAgent === null ||
    Array.isArray(interactionsPerAgent)
  ) {
    throw invalid(
      fn,
      "INVALID_ARGUMENT",
      "interactionsPerAgent",
      interactionsPerAgent,
      "an object { agentId: number of interactions }",
    );
  }
  const perAgent = Object.entries(interactionsPerAgent).map(([agentId, interactions]) => {
    if (!(Number.isInteger(interactions) && interactions >= 1)) {
      throw invalid(fn, "INVALID_COUNT", `interactions of ${JSON.stringify(agentId)}`, interactions, "an integer ≥ 1");
    }
    const plan = reviewSampleSize(interactions, options);
    return { agentId, interactions, reviews: plan.statistical.n, ruleOfThumb: plan.ruleOfThumb };
  });
  const design = reviewSampleSize(1, options).statistical;
  return {
    perAgent,
    totalInteractions: perAgent.reduce((sum, agent) => sum + agent.interactions, 0),
    totalReviews: perAgent.reduce((sum, agent) => sum + agent.reviews, 0),
    confidence: design.confidence,
    marginOfError: design.marginOfError,
  };
}
