import { describe, expect, it } from "vitest";
import { annualChurnRate, compoundChurn, monthlyChurnRate } from "./churn-period.js";
import { customerRetention } from "./customer-retention.js";

describe("customerRetention", () => {
  it("reproduces Osipov's worked example: 200 + 150 - 140 = 210, retention 30%, printed churn -70%", () => {
    const result = customerRetention({ start: 200, new: 150, lost: 140 });
    expect(result).toMatchObject({
      end: 210,
      retained: 60,
      retentionPercent: 30,
      churnPercent: 70,
      osipovPrintedChurnPercent: -70,
      netGrowth: 10,
      netGrowthPercent: 5,
    });
    expect(result.retentionPercent + result.churnPercent).toBe(100);
    expect(result.osipovPrintedChurnPercent).toBe(-result.churnPercent);
  });
  it("takes any three counts and checks all four", () => {
    expect(customerRetention({ start: 200, new: 150, end: 210 }).lost).toBe(140);
    expect(customerRetention({ start: 200, new: 150, end: 210, lost: 140 }).retentionPercent).toBe(30);
    expect(() => customerRetention({ start: 200, new: 150, end: 211, lost: 140 })).toThrow(
      expect.objectContaining({ code: "INCONSISTENT_COUNTS", fn: "customerRetention" }),
    );
    expect(() => customerRetention({ start: 200, new: 150 })).toThrow(
      expect.objectContaining({ code: "INCONSISTENT_COUNTS" }),
    );
  });
  it("offers the average-customer churn denominator (hand: 140 / ((200 + 210) / 2) = 68.29%)", () => {
    const result = customerRetention({ start: 200, new: 150, lost: 140 }, { churnDenominator: "average" });
    expect(result.churnPercent).toBeCloseTo((100 * 140) / 205, 12);
    expect(result.retentionPercent).toBe(30);
  });
  it("rejects negative counts, more lost than existed, and an empty start", () => {
    expect(() => customerRetention({ start: -1, new: 0, lost: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => customerRetention({ start: 10, new: 1.5, lost: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => customerRetention({ start: 10, new: 5, lost: 12 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => customerRetention({ start: 10, new: 5, end: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_COUNT" }),
    );
    expect(() => customerRetention({ start: 0, new: 5, lost: 0 })).toThrow(
      expect.objectContaining({ code: "EMPTY_INPUT" }),
    );
    expect(() => customerRetention({ start: 10, new: 5, lost: 1 }, { churnDenominator: "end" as "start" })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });
});

describe("churn over periods", () => {
  it("compounds: 1 - (1 - m)^12, not 12m (hand: 1 - 0.98^12 = 0.215283)", () => {
    expect(annualChurnRate(0.02)).toBeCloseTo(1 - 0.98 ** 12, 14);
    expect(compoundChurn(0.05, 12)).toBeCloseTo(1 - 0.95 ** 12, 14);
    expect(monthlyChurnRate(1 - 0.98 ** 12)).toBeCloseTo(0.02, 14);
    expect(annualChurnRate(0)).toBe(0);
    expect(annualChurnRate(1)).toBe(1);
  });
  it("rejects rates outside 0-1 and non-positive periods", () => {
    expect(() => annualChurnRate(5)).toThrow(expect.objectContaining({ code: "INVALID_RATE", fn: "annualChurnRate" }));
    expect(() => monthlyChurnRate(-0.1)).toThrow(expect.objectContaining({ code: "INVALID_RATE" }));
    expect(() => compoundChurn(0.1, 0)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
