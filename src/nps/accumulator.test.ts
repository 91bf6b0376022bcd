import { describe, expect, it } from "vitest";
import { createNpsAccumulator } from "./accumulator.js";
import { nps } from "./nps.js";

describe("createNpsAccumulator", () => {
  it("adds scores one by one and in batches, and gives the one-pass result", () => {
    const scores = [10, 9, 3, 8, 10, 0, 7];
    const accumulator = createNpsAccumulator();
    accumulator.add(10).add(9).add(3);
    accumulator.addAll([8, 10, 0]).addAll([{ s: 7 }], (r) => r.s);
    expect(accumulator.total).toBe(7);
    expect(nps(scores)).toMatchObject(accumulator.result());
  });
  it("merges accumulators and JSON states (hand: 3 promoters, 1 detractor of 5 = NPS 40)", () => {
    const january = createNpsAccumulator().addAll([10, 9, 3]);
    const february = createNpsAccumulator().addAll([8, 10]);
    const state = JSON.parse(JSON.stringify(february));
    expect(createNpsAccumulator(january.toJSON()).merge(state).result().score).toBe(40);
    expect(january.merge(february).result().score).toBe(40);
  });
  it("ignores an empty batch but throws EMPTY_INPUT for a result of nothing", () => {
    const accumulator = createNpsAccumulator().addAll([]);
    expect(accumulator.total).toBe(0);
    expect(() => accumulator.result()).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
  it("rejects bad scores with their position in the stream, and bad states", () => {
    const accumulator = createNpsAccumulator().add(9).add(10);
    expect(() => accumulator.add(11)).toThrow(expect.objectContaining({ code: "INVALID_SCORE", index: 2, value: 11 }));
    expect(() => createNpsAccumulator({ kind: "csat" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => createNpsAccumulator({ kind: "nps", promoters: -1, passives: 0, detractors: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
  });
});
