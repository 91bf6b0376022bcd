// What each accumulator does with a value that is no answer or no record (issue 19, point 5): a coded CxMetricsError
// naming the value, never a TypeError and never a silent loss. The batch functions skip unanswered surveys and count
// them (rows.skipped); the accumulators count answers only, so they refuse them and say so.
import { describe, expect, it } from "vitest";
import { createCesAccumulator, createCsatAccumulator, createNpsAccumulator, csat } from "../src/index.js";
import { isCxMetricsError } from "../src/errors/cx-metrics-error.js";
import { createIqsAccumulator } from "../src/iqs/accumulator.js";
import { createServiceTimeAccumulator } from "../src/time/service-time-accumulator.js";

function thrown(run: () => unknown): { code: string; message: string; value: unknown } {
  try {
    run();
  } catch (error) {
    if (!isCxMetricsError(error)) throw error;
    return { code: error.code, message: error.message, value: error.value };
  }
  throw new Error("did not throw");
}

const UNANSWERED: readonly unknown[] = [null, undefined, "", "  ", "N/A", "Offered"];

describe("survey accumulators refuse an unanswered value with INVALID_SCORE naming it", () => {
  const accumulators = [
    [
      "NpsAccumulator",
      () => createNpsAccumulator() as unknown as { add(v: unknown): unknown; addCount(v: unknown, n: number): unknown },
    ],
    [
      "createCsatAccumulator",
      () =>
        createCsatAccumulator() as unknown as { add(v: unknown): unknown; addCount(v: unknown, n: number): unknown },
    ],
    [
      "createCesAccumulator",
      () => createCesAccumulator() as unknown as { add(v: unknown): unknown; addCount(v: unknown, n: number): unknown },
    ],
  ] as const;
  for (const [name, make] of accumulators) {
    it(`${name}: add and addCount`, () => {
      for (const value of UNANSWERED) {
        const error = thrown(() => make().add(value));
        expect(error.code).toBe("INVALID_SCORE");
        expect(error.value).toBe(value);
        expect(error.message).toContain(
          `${name}.add: ${value === undefined ? "undefined" : value === null ? "null" : JSON.stringify(value)} is an unanswered survey, not an answer`,
        );
        expect(error.message).toContain("isUnanswered(value)");
        expect(thrown(() => make().addCount(value, 3)).message).toContain(`${name}.addCount: `);
      }
      // Nothing was added: the accumulator is as it was, and a real answer still counts.
      const accumulator = make();
      thrown(() => accumulator.add(null));
      expect((accumulator.add(5) as { total?: number; toJSON(): unknown }).toJSON()).toBeDefined();
    });
  }
  it("the batch skips what the accumulator refuses: csat([5, null, 4]) counts the null in rows.skipped", () => {
    // Hand count: 2 answers (5 and 4, both satisfied), 1 unanswered.
    expect(csat([5, null, 4] as never).rows).toEqual({ total: 3, used: 2, skipped: 1, excluded: 0 });
  });
});

describe("record accumulators refuse what is not a record with INVALID_ARGUMENT naming it", () => {
  it("IqsAccumulator.add(null | undefined | 5)", () => {
    const accumulator = createIqsAccumulator({ criteria: [{ id: "solution", weight: 1, scale: "1-5" }] });
    for (const value of [null, undefined, 5]) {
      const error = thrown(() => accumulator.add(value as never));
      expect(error).toMatchObject({ code: "INVALID_ARGUMENT", value });
      expect(error.message).toMatch(
        /^IqsAccumulator\.add: review is (null|undefined|5), expected an object with ratings/,
      );
    }
    expect(accumulator.toJSON().n).toBe(0); // nothing counted
  });
  it("ServiceTimeAccumulator.add(null | undefined | text)", () => {
    const accumulator = createServiceTimeAccumulator({ metric: "first-response" });
    for (const value of [null, undefined, "ticket 1"]) {
      const error = thrown(() => accumulator.add(value as never));
      expect(error).toMatchObject({ code: "INVALID_ARGUMENT", value });
      expect(error.message).toMatch(
        /^ServiceTimeAccumulator\.add: interaction is (null|undefined|"ticket 1"), expected an object/,
      );
    }
    expect(accumulator.toJSON().open).toBe(0);
    expect(accumulator.toJSON().calendar).toEqual([]);
  });
});
