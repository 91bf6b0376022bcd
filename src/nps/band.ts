import { CxMetricsError } from "../errors/cx-metrics-error.js";
import { invalid } from "../internal/describe.js";
import { assertOneOf, assertOptions } from "../internal/validate.js";

/** Which source's interpretation bands to use. */
export type NpsBandScheme = "osipov" | "quality-mgmt";

/** A range of scores; `null` means unbounded on that side. */
export interface ScoreRange {
  /** Lower end, or null for no lower end. */
  readonly min: number | null;
  /** Whether `min` itself belongs to the range. */
  readonly minInclusive: boolean;
  /** Upper end, or null for no upper end. */
  readonly max: number | null;
  /** Whether `max` itself belongs to the range. */
  readonly maxInclusive: boolean;
}

/** An interpretation band and where it comes from. */
export interface Band<Id extends string = string> {
  /** Stable identifier of the band. */
  readonly band: Id;
  /** The band's meaning in English, after the source. */
  readonly label: string;
  /** Short name of the source (see the sources digest): `"Osipov"`, `"Quality-mgmt"`. */
  readonly source: string;
  /** The scores the band covers in this library (after gaps and overlaps are resolved). */
  readonly range: ScoreRange;
  /**
   * True when the score lies where the source says nothing and the library's resolution decided
   * the band (for example an NPS of 45 under Osipov).
   */
  readonly resolvedGap: boolean;
}

/** Band ids of the two NPS schemes. */
export type NpsBandId = "all-bad" | "alert" | "not-bad" | "all-good" | "not-good" | "good" | "excellent";

interface BandRule {
  readonly band: NpsBandId;
  readonly label: string;
  readonly range: ScoreRange;
  /** Part of the range the source itself does not name: [from, to] with the inclusivity of range. */
  readonly gap?: { readonly above: number; readonly upTo: number; readonly upToInclusive: boolean };
}

const open = (min: number | null, minInclusive: boolean, max: number | null, maxInclusive: boolean): ScoreRange => ({
  min,
  minInclusive,
  max,
  maxInclusive,
});

function bandRules(scheme: NpsBandScheme): readonly BandRule[] {
  if (scheme === "osipov") {
    return [
      { band: "all-bad", label: "All bad: time to change something", range: open(null, false, 0, false) },
      { band: "alert", label: "Time to be alert", range: open(0, true, 30, false) },
      {
        band: "not-bad",
        label: "Not bad",
        range: open(30, true, 50, true),
        gap: { above: 40, upTo: 50, upToInclusive: true },
      },
      { band: "all-good", label: "All good", range: open(50, false, null, false) },
    ];
  }
  return [
    {
      band: "not-good",
      label: "Not good (the source names only the bands above 0)",
      range: open(null, false, 0, true),
      gap: { above: Number.NEGATIVE_INFINITY, upTo: 0, upToInclusive: true },
    },
    { band: "good", label: "Good", range: open(0, false, 50, true) },
    { band: "excellent", label: "Excellent", range: open(50, false, null, false) },
  ];
}

function inRange(score: number, range: ScoreRange): boolean {
  const aboveMin = range.min === null || (range.minInclusive ? score >= range.min : score > range.min);
  const belowMax = range.max === null || (range.maxInclusive ? score <= range.max : score < range.max);
  return aboveMin && belowMax;
}

/** Options of {@link npsBand}. */
export interface NpsBandOptions {
  /** `"osipov"` (default) or `"quality-mgmt"`. */
  readonly scheme?: NpsBandScheme;
}

/**
 * The interpretation band of an NPS, after one of the two sources.
 *
 * **Osipov** prints: above 50 all good; 30-40 not bad; up to 30 time to be alert; below 0 all bad.
 * That leaves 40-50 unnamed and "up to 30" touching "30-40" at 30. This library reads the bands as
 * contiguous: below 0 `all-bad`; 0 ≤ score < 30 `alert`; 30 ≤ score ≤ 50 `not-bad` (the unnamed
 * 40-50 joins the band below "all good", flagged `resolvedGap`); above 50 `all-good`. So 50 itself,
 * Osipov's own worked example, is "not bad": the source says "above 50".
 *
 * **Quality-mgmt** prints: above 0 good, above 50 excellent. Scores ≤ 0 get `not-good`, a band the
 * source does not name (flagged `resolvedGap`).
 *
 * @param score - NPS in points, -100..100.
 * @throws CxMetricsError `INVALID_SCORE` for a score outside -100..100 or not finite;
 *   `INVALID_OPTION` for an unknown scheme.
 * @example
 * ```ts
 * npsBand(55).band; //=> "all-good"
 * npsBand(45).resolvedGap; //=> true
 * npsBand(55, { scheme: "quality-mgmt" }).band; //=> "excellent"
 * ```
 */
export function npsBand(score: number, options: NpsBandOptions = {}): Band<NpsBandId> {
  const fn = "npsBand";
  assertOptions(fn, options);
  const { scheme = "osipov" } = options;
  assertOneOf(fn, "scheme", scheme, ["osipov", "quality-mgmt"]);
  if (typeof score !== "number" || !(score >= -100 && score <= 100)) {
    throw invalid(fn, "INVALID_SCORE", "score", score, "an NPS -100..100");
  }
  const rule = bandRules(scheme).find((candidate) => inRange(score, candidate.range));
  if (rule === undefined) throw new CxMetricsError(fn, "INVALID_SCORE", `no band holds ${score}`, { value: score });
  const gap = rule.gap;
  const resolvedGap =
    gap !== undefined && score > gap.above && (gap.upToInclusive ? score <= gap.upTo : score < gap.upTo);
  return {
    band: rule.band,
    label: rule.label,
    source: scheme === "osipov" ? "Osipov" : "Quality-mgmt",
    range: rule.range,
    resolvedGap,
  };
}
