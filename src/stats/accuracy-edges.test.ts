import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile } from "./beta.js";
import { normalQuantile } from "./normal.js";
import { studentTQuantile } from "./student-t.js";

// Reference values from mpmath at 50 digits: test/fixtures/mpmath-edges.py writes the JSON.
interface Fixture {
  readonly t: readonly { p: number; df: number; t: string }[];
  readonly normal: readonly { p: number; z: string }[];
  readonly betaTiny: readonly { p: number; a: number; b: number; x: string }[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../../test/fixtures/mpmath-edges.json", import.meta.url), "utf8"),
) as Fixture;
const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe("accuracy at the edges of the documented ranges (against mpmath)", () => {
  it.each(fixture.t)("studentTQuantile($p, $df) within 1e-12 relative", ({ p, df, t }) => {
    expect(relative(studentTQuantile(p, df), Number(t))).toBeLessThan(1e-12);
  });
  it.each(fixture.normal)("normalQuantile($p) within 1e-14 relative, down to the smallest subnormal", ({ p, z }) => {
    expect(relative(normalQuantile(p), Number(z))).toBeLessThan(1e-14);
  });
  it.each(fixture.betaTiny)("betaQuantile($p, $a, $b) below 1e-150 within 1e-13 relative", ({ p, a, b, x }) => {
    expect(relative(betaQuantile(p, a, b), Number(x))).toBeLessThan(1e-13);
  });
  it("betaCdf(0.5, a, a) is 0.5 (symmetry) within 1e-11 for shapes up to 1e9", () => {
    for (const a of [1, 15, 1e3, 1e5, 1e7, 1e9]) expect(Math.abs(betaCdf(0.5, a, a) - 0.5)).toBeLessThan(1e-11);
  });
});
