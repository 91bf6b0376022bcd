/**
 * Osipov's worked retention example: 200 customers at the start of the year, 150 new, 140 lost.
 * Customers at the end = 200 + 150 - 140 = 210; retention = (210 - 150) / 200 × 100 = 30%;
 * churn by the article's printed formula = (210 - 200 - 150) / 200 × 100 = -70%, which is minus the
 * conventional churn of 140 / 200 = 70%.
 * Run: npx tsx examples/retention-osipov.ts
 */
import { customerRetention, historicalLtv } from "cx-metrics";
import { check, finish, heading, isMain } from "./lib/check.js";

export function run(): void {
  heading("Retention, Osipov: 200 at the start, 150 new, 140 lost");
  const result = customerRetention({ start: 200, new: 150, lost: 140 });
  check("customers at the end", result.end, 210, "Osipov");
  check("retention %", result.retentionPercent, 30, "Osipov");
  check("churn % by the printed formula", result.osipovPrintedChurnPercent, -70, "Osipov (minus the share lost)");
  check("conventional churn % (lost / start)", result.churnPercent, 70, "140 / 200; retention + churn = 100");

  heading("LTV, Osipov: the money a customer brought over the whole relationship (hand calculation)");
  const brought = historicalLtv([
    { customerId: "anna", amount: 1200 },
    { customerId: "anna", amount: 800 },
    { customerId: "boris", amount: 500 },
  ]);
  check("LTV of anna", brought.perCustomer[0]!.ltv, 2000, "by hand: 1200 + 800");
  check("mean LTV", brought.mean, 1250, "by hand: (2000 + 500) / 2");
}

if (isMain(import.meta.url)) {
  run();
  finish();
}
