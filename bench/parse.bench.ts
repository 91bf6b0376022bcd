/**
 * Cost per row of the schema parse helper, beside a plain per-row `safeParse` loop and one
 * `z.array(schema).safeParse` over the batch, on the same 200,000 CSV-style rows.
 */
import { pathToFileURL } from "node:url";
import * as z from "zod";
import { npsResponseSchema, safeParseResponses } from "../src/index.js";
import { measure, ratioRow } from "./lib.js";

const ROWS = 200_000;

export function benchParse(): string[] {
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    score: i % 11,
    channel: i % 2 === 0 ? "chat" : "email",
    agentId: `a${i % 7}`,
    respondedAt: "2025-03-01T09:30:00Z",
  }));
  const batchSchema = z.array(npsResponseSchema);
  const t = measure(
    [
      { name: "helper", run: () => safeParseResponses(rows, { metric: "nps" }) },
      {
        name: "loop",
        run: () => {
          const out = [];
          for (const row of rows) out.push(npsResponseSchema.safeParse(row));
          return out;
        },
      },
      { name: "array", run: () => batchSchema.safeParse(rows) },
    ],
    5,
  );
  const perRow = (ms: number): string => `${((ms * 1e6) / ROWS).toFixed(0)} ns/row`;
  return [
    `parse ${ROWS.toLocaleString("en")} NPS rows (median (min-max) of 5 interleaved rounds)`,
    `${ratioRow("safeParseResponses vs per-row safeParse loop", t.get("helper")!, t.get("loop")!)}  [${perRow(t.get("helper")!.median)}]`,
    `${ratioRow("z.array(schema).safeParse vs per-row loop", t.get("array")!, t.get("loop")!)}  [${perRow(t.get("array")!.median)}]`,
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of benchParse()) console.log(line);
}
