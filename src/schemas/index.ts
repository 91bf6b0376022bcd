/**
 * zod schemas and parse helpers for the data the library reads. This is the validation boundary:
 * the calculation modules never import zod.
 *
 * Methodology, sources and worked examples: [schemas.md](../../docs/schemas.md).
 *
 * @module schemas
 */
export { instantSchema, responseFieldsSchema, textSchema } from "./fields.js";
export {
  ces5ResponseSchema,
  cesResponseSchema,
  csat10ResponseSchema,
  csatResponseSchema,
  npsResponseSchema,
  smileyResponseSchema,
} from "./responses.js";
export type { CesResponse, CsatResponse, NpsResponse, SmileyResponse } from "./responses.js";
export { parseResponses, safeParseResponses } from "./parse-responses.js";
export type {
  CesResponseKind,
  CsatResponseKind,
  NpsResponseKind,
  ParsedResponse,
  ParseResponsesOptions,
  ResponseKind,
  SmileyResponseKind,
} from "./parse-responses.js";
export type { ParseFailure, ParseSuccess, SafeParseResponsesResult } from "./parse-rows.js";
export { parseQaReviews, qaRatingSchema, qaReviewSchema, safeParseQaReviews } from "./qa-reviews.js";
export type { ParseQaReviewsOptions, QaReviewRow } from "./qa-reviews.js";
export { interactionSchema, parseInteractions, safeParseInteractions } from "./interactions.js";
export type { InteractionRow, ParseInteractionsOptions } from "./interactions.js";
