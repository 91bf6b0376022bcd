import { describe, expect, it } from "vitest";
import { historicalLtv } from "./historical-ltv.js";
import { ltv, ltvToCac, retailLtv } from "./ltv.js";

describe("ltv (subscription)", () => {
  it("is ARPA × margin / churn with lifetime 1 / churn (hand: 50 × 0.8 / 0.02 = 2000, 50 months)", () => {
    expect(ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02 })).toMatchObject({
      ltv: 2000,
      lifetimePeriods: 50,
      marginPerPeriod: 40,
    });
  });
  it("discounts as Σ m (1 - c)^t / (1 + d)^t = m (1 + d) / (d + c) (hand: 40 × 1.01 / 0.03 = 1346.67)", () => {
    const result = ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02, discountRate: 0.01 });
    expect(result.ltv).toBeCloseTo((40 * 1.01) / 0.03, 10);
    // The closed form equals the series summed term by term.
    let series = 0;
    for (let t = 0; t < 5000; t++) series += (40 * 0.98 ** t) / 1.01 ** t;
    expect(result.ltv).toBeCloseTo(series, 8);
  });
  it("gives a coded error for churn 0 (not Infinity) and for bad rates or amounts", () => {
    expect(() => ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_RATE", fn: "ltv" }),
    );
    expect(() => ltv({ arpa: 50, grossMargin: 0.8, churnRate: 1.2 })).toThrow(
      expect.objectContaining({ code: "INVALID_RATE" }),
    );
    expect(() => ltv({ arpa: 50, grossMargin: 80, churnRate: 0.02 })).toThrow(
      expect.objectContaining({ code: "INVALID_RATE" }),
    );
    expect(() => ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02, discountRate: -0.01 })).toThrow(
      expect.objectContaining({ code: "INVALID_RATE" }),
    );
    expect(() => ltv({ arpa: -50, grossMargin: 0.8, churnRate: 0.02 })).toThrow(
      expect.objectContaining({ code: "INVALID_AMOUNT" }),
    );
  });
});

describe("retailLtv", () => {
  it("multiplies value × frequency × lifespan (× margin) (hand: 40 × 6 × 3 = 720; × 0.3 = 216)", () => {
    expect(retailLtv({ averageOrderValue: 40, purchaseFrequency: 6, lifespan: 3 })).toBe(720);
    expect(retailLtv({ averageOrderValue: 40, purchaseFrequency: 6, lifespan: 3, grossMargin: 0.3 })).toBeCloseTo(
      216,
      12,
    );
  });
  it("differs from the mean of per-customer products when the factors are correlated (hand calculation)", () => {
    // Customer 1: value 10, 2 purchases a year, 1 year → 20. Customer 2: value 30, 6 a year, 3 years → 540.
    // Mean of products: (20 + 540) / 2 = 280. Product of means: 20 × 4 × 2 = 160.
    const productOfMeans = retailLtv({ averageOrderValue: 20, purchaseFrequency: 4, lifespan: 2 });
    const meanOfProducts =
      (retailLtv({ averageOrderValue: 10, purchaseFrequency: 2, lifespan: 1 }) +
        retailLtv({ averageOrderValue: 30, purchaseFrequency: 6, lifespan: 3 })) /
      2;
    expect(productOfMeans).toBe(160);
    expect(meanOfProducts).toBe(280);
  });
  it("rejects bad inputs", () => {
    expect(() => retailLtv({ averageOrderValue: -1, purchaseFrequency: 1, lifespan: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_AMOUNT" }),
    );
    expect(() => retailLtv({ averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1, grossMargin: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_RATE" }),
    );
  });
});

describe("ltvToCac", () => {
  it("divides (hand: 2000 / 500 = 4) and accepts an ltv result", () => {
    expect(ltvToCac(2000, 500).ratio).toBe(4);
    expect(ltvToCac(ltv({ arpa: 50, grossMargin: 0.8, churnRate: 0.02 }), 400).ratio).toBe(5);
    expect(() => ltvToCac(2000, 0)).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT", fn: "ltvToCac" }));
  });
});

describe("historicalLtv (Osipov: the money a customer brought over the whole relationship)", () => {
  it("sums each customer's transactions, refunds included (hand: a 100 + 50 - 20 = 130, b 30, c 80)", () => {
    const result = historicalLtv([
      { customerId: "a", amount: 100 },
      { customerId: "b", amount: 30 },
      { customerId: "a", amount: 50 },
      { customerId: "c", amount: 80 },
      { customerId: "a", amount: -20 },
    ]);
    expect(result.perCustomer).toEqual([
      { customerId: "a", ltv: 130, transactions: 3 },
      { customerId: "b", ltv: 30, transactions: 1 },
      { customerId: "c", ltv: 80, transactions: 1 },
    ]);
    expect(result).toMatchObject({ total: 240, mean: 80, median: 80, n: 3 });
  });
  it("reads other shapes and rejects bad amounts with their index", () => {
    const rows = [
      { who: 1, paid: 10 },
      { who: 2, paid: 20 },
    ];
    expect(historicalLtv(rows, { by: (r) => r.who, amount: (r) => r.paid }).median).toBe(15);
    expect(() =>
      historicalLtv([
        { customerId: "a", amount: 1 },
        { customerId: "a", amount: Number.NaN },
      ]),
    ).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT", index: 1 }));
    expect(() => historicalLtv([])).toThrow(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });
});

describe("historicalLtv's median", () => {
  it("is the library's percentile 50 (linear), the same figure simple-statistics' median gave, on 200 random histories", async () => {
    const { median } = await import("simple-statistics");
    let seed = 7;
    const next = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 200; round++) {
      const transactions = Array.from({ length: 1 + Math.floor(next() * 400) }, () => ({
        customerId: `c${Math.floor(next() * 150)}`,
        amount: Math.round((next() - 0.1) * 10_000) / 100,
      }));
      const result = historicalLtv(transactions);
      expect(result.median).toBe(median(result.perCustomer.map((customer) => customer.ltv)));
    }
  });
});
