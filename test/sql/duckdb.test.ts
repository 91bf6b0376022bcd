// The SQL of cx-metrics/sql run by a real DuckDB (embedded, @duckdb/node-api), every figure compared with the JS path.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  checkBusinessMinutes,
  checkCounts,
  checkDurations,
  checkNumericMarkers,
  checkRatingCounts,
  checkSegmentNames,
  checkSla,
  checkTicketMetrics,
  checkTicketMetricsTies,
  checkWeightedCounts,
  type Query,
} from "./suite.js";

let connection: DuckDBConnection;
const query: Query = async (sql) =>
  (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => connection?.closeSync());

describe("cx-metrics/sql in DuckDB", () => {
  it("NPS counts by segment and period give summarize's rows (random responses, zones and periods)", async () => {
    await checkCounts("duckdb", query);
  }, 120_000);
  it("CSAT counts give summarize's rows, ratings off the scale rejected alike", async () => {
    await checkRatingCounts("duckdb", query);
    await checkNumericMarkers("duckdb", query);
  });
  it("business minutes by the interval table (ASOF join) equal businessMinutes on 2,000 random pairs", async () => {
    await checkBusinessMinutes("duckdb", query);
  }, 60_000);
  it("first-response medians and percentiles (both SQL percentile kinds, calendar and business clock) give summarize's", async () => {
    await checkDurations("duckdb", query);
  }, 120_000);
  it("weighted NPS and CSAT from SQL sums equal summarize's weighted rows", async () => {
    await checkWeightedCounts("duckdb", query);
  });
  it("names segment columns as their fields (spaces, capitals), refuses names the query uses itself", async () => {
    await checkSegmentNames("duckdb", query);
  });
  it("SLA % by channel and ISO week (targets by priority and channel, both clocks, open tickets at asOf) gives summarize's rows", async () => {
    await checkSla("duckdb", query);
  }, 120_000);
  it("ticket metrics from an events table (status intervals by LEAD, both clocks) equal ticketMetrics on random event streams", async () => {
    await checkTicketMetrics("duckdb", query);
  }, 120_000);
  it("ticket metrics: events at one instant in a fixed order (the sequence, else their content), bad events counted as rejected, by hand", async () => {
    await checkTicketMetricsTies("duckdb", query);
  });
});
