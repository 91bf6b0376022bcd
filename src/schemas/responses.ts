import * as z from "zod";
import { integerScore, responseFieldsSchema } from "./fields.js";

/**
 * An NPS response: `score` 0-10 and the optional fields (`respondedAt`, `channel`, ...).
 *
 * @example
 * ```ts
 * npsResponseSchema.parse({ score: 9, channel: "email" }).score; //=> 9
 * npsResponseSchema.safeParse({ score: 11 }).success; //=> false
 * ```
 */
export const npsResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The rating. */
  score: integerScore(0, 10),
});

/**
 * A CSAT response on the 1-5 scale.
 *
 * @example
 * ```ts
 * csatResponseSchema.safeParse({ score: 6 }).success; //=> false
 * ```
 */
export const csatResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The rating. */
  score: integerScore(1, 5),
});

/**
 * A CSAT response on the 1-10 scale.
 *
 * @example
 * ```ts
 * csat10ResponseSchema.safeParse({ score: 10 }).success; //=> true
 * ```
 */
export const csat10ResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The rating. */
  score: integerScore(1, 10),
});

/**
 * A CSAT response on the 3-smiley scale: a label, or its score 1 / 3 / 5 (Osipov).
 *
 * @example
 * ```ts
 * smileyResponseSchema.parse({ score: "neutral" }).score; //=> "neutral"
 * ```
 */
export const smileyResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The smiley label or its score. */
  score: z.union([z.literal(["negative", "neutral", "positive"]), z.literal([1, 3, 5])], {
    message: 'expected "negative", "neutral", "positive" or a score 1, 3, 5',
  }),
});

/**
 * A CES response on the 1-7 scale.
 *
 * @example
 * ```ts
 * cesResponseSchema.safeParse({ score: 7 }).success; //=> true
 * ```
 */
export const cesResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The rating. */
  score: integerScore(1, 7),
});

/**
 * A CES response on the 1-5 scale.
 *
 * @example
 * ```ts
 * ces5ResponseSchema.safeParse({ score: 7 }).success; //=> false
 * ```
 */
export const ces5ResponseSchema = /* @__PURE__ */ responseFieldsSchema.extend({
  /** The rating. */
  score: integerScore(1, 5),
});

/** A parsed NPS response. */
export type NpsResponse = z.infer<typeof npsResponseSchema>;
/** A parsed CSAT response (1-5 or 1-10). */
export type CsatResponse = z.infer<typeof csatResponseSchema>;
/** A parsed 3-smiley CSAT response. */
export type SmileyResponse = z.infer<typeof smileyResponseSchema>;
/** A parsed CES response. */
export type CesResponse = z.infer<typeof cesResponseSchema>;
