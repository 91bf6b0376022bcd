/**
 * Ratings or records in any of the shapes the library reads: an array, a typed array
 * (`Uint8Array`, `Float64Array`, ...) or any iterable (a `Set`, a generator).
 */
export type Values<T> = ArrayLike<T> | Iterable<T>;

/**
 * Reads the figure out of one record, as in d3-array: `nps(responses, (r) => r.score)`.
 * Receives the record and its index.
 */
export type Accessor<T, R = number> = (item: T, index: number) => R;

/** One step of a rating scale and how many ratings it received. */
export interface RatingBucket {
  /** The score on the scale (for smileys: 1, 3 or 5). */
  readonly value: number;
  /** The label of a labelled scale (`"negative"`, `"neutral"`, `"positive"`), when it has one. */
  readonly label?: string;
  /** Number of ratings with this value. */
  readonly count: number;
}

/** The rating scale a result was computed on. */
export interface ScaleInfo<Name extends string = string> {
  /** The scale's name: `"1-5"`, `"smiley-3"`, or `"min-max"` for a custom one. */
  readonly name: Name;
  /** Lowest rating. */
  readonly min: number;
  /** Highest rating. */
  readonly max: number;
}

/** A custom integer rating scale. */
export interface CustomScale {
  /** Lowest rating, an integer. */
  readonly min: number;
  /** Highest rating, an integer above `min`. */
  readonly max: number;
}

/** One value of a rating distribution and how many gave it (a row of a SQL `GROUP BY rating`). */
export interface RatingCount<V = number> {
  /** The rating (on smiley-3 also a label). */
  readonly value: V;
  /** How many ratings had it: a whole number ≥ 0. */
  readonly count: number;
}

/**
 * A running kernel of ratings on a scale (CSAT, CES): add one rating or a count at a time, merge,
 * read the result, store the JSON state. `add`, `addCount` and `merge` change it and return it.
 */
export interface RatingAccumulator<Rule, Result, State> {
  /** The compiled rule the ratings are read and counted with. */
  readonly rule: Rule;
  /** Adds one rating; throws the rule's `INVALID_SCORE` / `INVALID_LABEL` naming its position. */
  add(rating: unknown): RatingAccumulator<Rule, Result, State>;
  /** Adds `count` ratings of one value (a row of a SQL `GROUP BY rating`); `INVALID_COUNT` for a bad count. */
  addCount(rating: unknown, count: number): RatingAccumulator<Rule, Result, State>;
  /** Adds another accumulator's ratings, or a JSON state on the same scale (`INVALID_ARGUMENT` otherwise). */
  merge(other: RatingAccumulator<Rule, Result, State> | State): RatingAccumulator<Rule, Result, State>;
  /** Ratings so far. */
  readonly total: number;
  /** The figure of everything added; `EMPTY_INPUT` while there is none. */
  result(): Result;
  /** The JSON state, to store or send to another worker; the create function restores it. */
  toJSON(): State;
}

/** The JSON state of a rating tally: the scale and one count per step, lowest first. */
export interface ScaleTallyState<Kind extends string> {
  /** Which metric's accumulator this is. */
  readonly kind: Kind;
  /** The scale's lowest rating. */
  readonly min: number;
  /** Ratings per step: `counts[k]` ratings of value `min + k`. */
  readonly counts: readonly number[];
}
