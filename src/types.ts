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
