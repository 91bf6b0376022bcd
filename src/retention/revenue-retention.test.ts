import { describe, expect, it } from "vitest";
import { revenueRetention, revenueRetentionFromCustomers } from "./revenue-retention.js";

describe("revenueRetention", () => {
  it("computes NRR and GRR (hand: (100 + 15 - 4 - 6) / 100 = 105%; (100 - 4 - 6) / 100 = 90%)", () => {
    expect(
      revenueRetention({ startMrr: 100_000, expansion: 15_000, contraction: 4_000, churned: 6_000 }),
    ).toMatchObject({
      nrrPercent: 105,
      grrPercent: 90,
      endMrr: 105_000,
    });
  });
  it("rejects bad amounts and losses above the start", () => {
    expect(() => revenueRetention({ startMrr: 100, expansion: -1, contraction: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_AMOUNT", fn: "revenueRetention" }),
    );
    expect(() => revenueRetention({ startMrr: 100, expansion: 0, contraction: 60, churned: 50 })).toThrow(
      expect.objectContaining({ code: "INCONSISTENT_COUNTS" }),
    );
    expect(() => revenueRetention({ startMrr: 0, expansion: 0, contraction: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
    expect(() => revenueRetention({ startMrr: Number.NaN, expansion: 0, contraction: 0, churned: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_AMOUNT" }),
    );
  });
});

describe("revenueRetentionFromCustomers", () => {
  it("classifies each customer's movement and leaves new revenue out (hand calculation)", () => {
    // start 100 → 120 expansion 20; 50 → 0 churn 50; 0 → 80 new; 40 → 30 contraction 10; 10 → 10 unchanged
    // start MRR 200; NRR (200 + 20 - 10 - 50) / 200 = 80%; GRR (200 - 10 - 50) / 200 = 70%
    const result = revenueRetentionFromCustomers([
      { start: 100, end: 120 },
      { start: 50, end: 0 },
      { start: 0, end: 80 },
      { start: 40, end: 30 },
      { start: 10, end: 10 },
    ]);
    expect(result).toMatchObject({
      startMrr: 200,
      expansion: 20,
      contraction: 10,
      churned: 50,
      newMrr: 80,
      nrrPercent: 80,
      grrPercent: 70,
    });
    expect(result.customers).toEqual({ expanded: 1, contracted: 1, churned: 1, unchanged: 1, new: 1 });
  });
  it("reads records with an accessor and names the bad index", () => {
    const rows = [{ jan: 10, feb: 12 }];
    expect(revenueRetentionFromCustomers(rows, (r) => ({ start: r.jan, end: r.feb })).nrrPercent).toBe(120);
    expect(() =>
      revenueRetentionFromCustomers([
        { start: 10, end: 5 },
        { start: -3, end: 0 },
      ]),
    ).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT", index: 1 }));
    expect(() => revenueRetentionFromCustomers([{ start: 0, end: 5 }])).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
  });
});
