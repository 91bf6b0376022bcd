// Header matching, presets and column errors of the command line, and the conversion of cells into records.
import { describe, expect, it } from "vitest";
import { parseHours } from "../../src/cli/report-command.js";
import { ColumnError, findHeader, headerKey, metricFields, PRESETS, resolveColumns } from "../../src/cli/columns.js";
import { dateReader } from "../../src/cli/dates.js";
import { recordBuilder } from "../../src/cli/records.js";

describe("header matching", () => {
  it("ignores case, spaces, underscores and hyphens", () => {
    expect(headerKey(" Created at ")).toBe("createdat");
    expect(headerKey("created_at")).toBe(headerKey("createdAt"));
    expect(findHeader(["Id", "Created at"], "createdAt")).toBe(1);
    expect(findHeader(["Id", "Created at"], "solvedAt")).toBe(-1);
  });

  it("prefers an exact match, and refuses to guess between two headers that match alike", () => {
    expect(findHeader(["created_at", "createdAt"], "createdAt")).toBe(1);
    expect(() => findHeader(["Created at", "created_at"], "createdat")).toThrow(
      /matches "Created at" and "created_at"/,
    );
  });
});

describe("resolveColumns", () => {
  const fields = metricFields("nps", true);

  it("finds the default names, --column overrides and --by keys", () => {
    const resolved = resolveColumns(["ID", "Score", "Date", "Channel"], {
      fields,
      by: ["channel"],
      mapping: new Map([["respondedAt", "Date"]]),
    });
    expect(resolved.map((field) => [field.field, field.header])).toEqual([
      ["score", "Score"],
      ["respondedAt", "Date"],
      ["id", "ID"],
      ["channel", "Channel"],
    ]);
  });

  it("names the missing column and lists the ones the file has", () => {
    expect(() => resolveColumns(["when", "score"], { fields, by: [], mapping: new Map() })).toThrow(ColumnError);
    expect(() => resolveColumns(["when", "score"], { fields, by: [], mapping: new Map() })).toThrow(
      'no column "respondedAt" for respondedAt (give --column respondedAt=HEADER); columns in the file: "when", "score"',
    );
    expect(() =>
      resolveColumns(["score"], { fields: metricFields("nps", false), by: ["region"], mapping: new Map() }),
    ).toThrow(/no column "region"/);
  });

  it("refuses a --column for a field the report does not read, listing the fields it does", () => {
    expect(() =>
      resolveColumns(["score"], { fields: metricFields("nps", false), by: [], mapping: new Map([["scroe", "Score"]]) }),
    ).toThrow(/reads no field "scroe"; its fields are score, id/);
  });

  it("Typeform: the score is the column whose header starts with 'How likely', dates are UTC", () => {
    const resolved = resolveColumns(["#", "How likely are you to recommend us?", "Submit Date (UTC)"], {
      fields,
      by: [],
      mapping: new Map(),
      preset: PRESETS.typeform,
    });
    expect(resolved.find((field) => field.field === "score")!.header).toBe("How likely are you to recommend us?");
    expect(resolved.find((field) => field.field === "respondedAt")).toMatchObject({
      header: "Submit Date (UTC)",
      reading: "utc",
    });
  });
});

describe("a preset's first-resolution column (Intercom's statistics.first_close_at)", () => {
  const headers = ["id", "created_at", "statistics.first_close_at", "statistics.last_close_at"];
  const resolvedAt = (resolution: "first" | "full" | undefined, mapping = new Map<string, string>()) =>
    resolveColumns(headers, {
      fields: metricFields("resolution", false),
      by: [],
      mapping,
      preset: PRESETS["intercom-api"],
      resolution,
    }).find((field) => field.field === "resolvedAt");

  it("reads the last close, the first with --resolution first, both as Unix seconds", () => {
    expect(resolvedAt(undefined)).toMatchObject({ header: "statistics.last_close_at", reading: "unix-seconds" });
    expect(resolvedAt("full")).toMatchObject({ header: "statistics.last_close_at", reading: "unix-seconds" });
    expect(resolvedAt("first")).toMatchObject({ header: "statistics.first_close_at", reading: "unix-seconds" });
  });

  it("--column resolvedAt=... wins over it", () => {
    const mapped = resolvedAt("first", new Map([["resolvedAt", "statistics.last_close_at"]]));
    expect(mapped).toMatchObject({ header: "statistics.last_close_at" });
  });
});

describe("recordBuilder", () => {
  it("reads numbers, dates (Unix seconds, UTC without an offset, local times in a zone), blanks and QA ratings", () => {
    const fields = [
      { field: "score", kind: "number", required: true, index: 0, header: "s", reading: "iso" },
      { field: "respondedAt", kind: "date", required: true, index: 1, header: "d", reading: "unix-seconds" },
      { field: "createdAt", kind: "date", required: true, index: 2, header: "c", reading: "iso" },
      { field: "resolvedAt", kind: "date", required: false, index: 3, header: "r", reading: "utc" },
      { field: "ratings.tone", kind: "text", required: true, index: 4, header: "tone", reading: "iso" },
      {
        field: "firstResponseAt",
        kind: "date",
        required: false,
        index: -1,
        header: "m",
        reading: "iso",
        minutesIndex: 5,
      },
    ] as const;
    const build = recordBuilder(fields, dateReader({}, "Europe/Berlin"));
    const cells = [" 9 ", "1740823200", "2025-03-01 10:00", "2025-03-01 10:00:00", "N/A", "30"];
    const record = build((i) => cells[i]);
    // By hand: 1740823200 s = 2025-03-01T10:00:00Z; 10:00 in Berlin (CET, +01:00) = 09:00Z; +30 min for the first
    // response.
    expect(record).toEqual({
      score: 9,
      respondedAt: Date.UTC(2025, 2, 1, 10),
      createdAt: Date.UTC(2025, 2, 1, 9),
      resolvedAt: Date.UTC(2025, 2, 1, 10),
      firstResponseAt: Date.UTC(2025, 2, 1, 9, 30),
      ratings: { tone: null },
    });
    const blank = build((i) => ["", "", "not a date", "", "yes", ""][i]);
    expect(blank).toEqual({
      score: undefined,
      respondedAt: null,
      // Text that is not a date: NaN, which every metric rejects (the command says why, from the date reader).
      createdAt: Number.NaN,
      resolvedAt: null,
      firstResponseAt: null,
      ratings: { tone: true },
    });
  });
});

describe("--hours", () => {
  it("reads day ranges and hours into a working week", () => {
    expect(parseHours("Mon-Fri 9:00-17:00, Sat 10:00-14:00")).toEqual({
      mon: [["09:00", "17:00"]],
      tue: [["09:00", "17:00"]],
      wed: [["09:00", "17:00"]],
      thu: [["09:00", "17:00"]],
      fri: [["09:00", "17:00"]],
      sat: [["10:00", "14:00"]],
    });
    expect(() => parseHours("weekdays 9-5")).toThrow(/expected days and hours like "Mon-Fri 09:00-17:00"/);
  });
});
