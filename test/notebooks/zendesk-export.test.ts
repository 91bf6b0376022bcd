import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { calendarFromZendeskSchedule, type ReportRow, reconcile, summarize, trendSpec } from "cx-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Executes examples/notebooks/zendesk-export.ipynb with Deno's Jupyter kernel (deno from the npm dev dependencies,
// nbconvert from Debian's jupyter-nbconvert), then checks its outputs against the built package (vitest.notebooks
// .config.ts maps cx-metrics to dist/) and an independent Python recomputation, and the committed outputs against the
// fresh run's. The kernelspec goes to a temporary Jupyter data directory: HOME, JUPYTER_DATA_DIR and the runtime
// directory all point into a temporary directory, so nothing is written to the user's home.

const root = fileURLToPath(new URL("../..", import.meta.url));
const notebookDir = join(root, "examples", "notebooks");
const notebookPath = join(notebookDir, "zendesk-export.ipynb");
const dataDir = join(root, "examples", "data");
const exportPath = join(dataDir, "zendesk-tickets.csv");
const generatorPath = join(dataDir, "zendesk-tickets.py");
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, name), "utf8"));
const VENDOR = "Full resolution time in minutes within business hours";
const deno = join(root, "node_modules", ".bin", "deno");

interface Output {
  output_type: string;
  name?: string;
  text?: string[] | string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}
interface Cell {
  id: string;
  cell_type: string;
  source: string[] | string;
  outputs?: Output[];
  [key: string]: unknown;
}
interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
}

let temp = "";
let fresh: Notebook;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "cx-notebook-"));
  const home = join(temp, "home");
  const env = {
    ...process.env,
    HOME: home,
    // deno jupyter --install writes to $HOME/.local/share/jupyter/kernels/deno; Jupyter reads its data from there.
    JUPYTER_DATA_DIR: join(home, ".local", "share", "jupyter"),
    JUPYTER_CONFIG_DIR: join(home, ".jupyter"),
    JUPYTER_RUNTIME_DIR: join(temp, "runtime"),
    DENO_DIR: join(temp, "deno"),
    NO_COLOR: "1",
  };
  execFileSync(deno, ["jupyter", "--install"], { env, stdio: "pipe" });
  const outDir = join(temp, "out");
  try {
    execFileSync(
      "jupyter",
      [
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--ExecutePreprocessor.kernel_name=deno",
        "--ExecutePreprocessor.record_timing=False",
        "--ExecutePreprocessor.timeout=120",
        "--output-dir",
        outDir,
        notebookPath,
      ],
      { cwd: notebookDir, env, stdio: "pipe" },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`the notebook did not run (needs jupyter-nbconvert, python3-ipykernel; npm run build):\n${stderr}`);
  }
  fresh = JSON.parse(readFileSync(join(outDir, "zendesk-export.ipynb"), "utf8")) as Notebook;
}, 180_000);

afterAll(() => {
  if (temp !== "") rmSync(temp, { recursive: true, force: true });
});

const text = (lines: string[] | string | undefined): string => (Array.isArray(lines) ? lines.join("") : (lines ?? ""));

function cell(id: string): Cell {
  const found = fresh.cells.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no cell ${id} in the notebook`);
  return found;
}

/** A cell's printed text (its stream outputs). */
const printed = (id: string): string =>
  (cell(id).outputs ?? [])
    .filter((o) => o.output_type === "stream")
    .map((o) => text(o.text))
    .join("");

/** The bundles a cell displayed. */
const displays = (id: string): Record<string, unknown>[] =>
  (cell(id).outputs ?? []).filter((o) => o.output_type === "display_data").map((o) => o.data ?? {});

/** The JSON rows of the cell's one table. */
function table(id: string, index = 0): Record<string, unknown>[] {
  const bundle = displays(id).filter((d) => "application/json" in d)[index];
  expect(bundle, `a table in cell ${id}`).toBeDefined();
  expect(text(bundle!["text/html"] as string[])).toMatch(/^<table>.*<\/table>$/s);
  return bundle!["application/json"] as Record<string, unknown>[];
}

/** The export, read by another CSV reader than the notebook's. */
const tickets = parse(readFileSync(exportPath), { columns: true }) as Record<string, string>[];

/**
 * The rated tickets, Zendesk's way: Good or Bad (the export's four values are Not Offered, Offered, Good and Bad;
 * hand count: 64 Good, 26 Bad, 24 Offered, 36 Not Offered), in the month they were solved.
 */
function ratedTickets(): { group: string | undefined; rating: string | undefined; respondedAt: string | undefined }[] {
  const rated = tickets.filter((t) => t["Satisfaction Score"] === "Good" || t["Satisfaction Score"] === "Bad");
  return rated.map((t) => ({ group: t.Group, rating: t["Satisfaction Score"], respondedAt: t["Solved at"] }));
}

/** The table record the notebook writes for a report row, figures to 1 decimal (written here from the row). */
function expectedRecord(row: ReportRow, field: string): Record<string, unknown> {
  const fixed = (value: number | null, digits = 1): string => (value === null ? "" : value.toFixed(digits));
  return {
    [field]: row.segment[field] ?? "all",
    period: row.period?.label ?? "all",
    n: row.n,
    value: fixed(row.value),
    low: fixed(row.low),
    high: fixed(row.high),
    change: row.change === null ? "" : `${fixed(row.change.difference)} (p = ${fixed(row.change.pValue, 3)})`,
    small: row.smallSample ? "yes" : "",
  };
}

describe("examples/notebooks/zendesk-export.ipynb, run by Deno's Jupyter kernel", () => {
  it("reads the whole export", () => {
    expect(tickets).toHaveLength(150);
    expect(printed("read")).toMatch(/^150 tickets, 40 columns: ID, Requester,/);
  });

  it("reads the export its generator writes (the committed files are the seeded script's output)", () => {
    const written = join(temp, "generated");
    mkdirSync(written);
    execFileSync("python3", [generatorPath, written]);
    for (const name of ["zendesk-tickets.csv", "zendesk-schedule.json", "zendesk-holidays.json"])
      expect(readFileSync(join(written, name), "utf8"), name).toBe(readFileSync(join(dataDir, name), "utf8"));
  });

  it("shows the CSAT rows that summarize gives on the same file", () => {
    const rated = ratedTickets();
    const offered = tickets.filter((t) => t["Satisfaction Score"] === "Offered").length;
    const report = summarize(rated, {
      metric: "csat",
      by: ["group"],
      every: "month",
      timeZone: "Europe/Berlin",
      csat: { scale: "good-bad" },
    });
    expect(table("csat")).toEqual(report.rows.map((row) => expectedRecord(row, "group")));
    // Hand count: 90 rated (Good or Bad), 24 Offered: 90 / 114 = 78.9 %.
    expect([rated.length, offered]).toEqual([90, 24]);
    expect(printed("csat")).toContain("90 rated, 24 offered and unanswered: response rate 78.9 %");
    const overall = table("csat").find((r) => r.group === "all" && r.period === "all");
    const good = rated.filter((r) => r.rating === "Good").length; // 64 of 90 = 71.1 %
    expect(overall?.value).toBe(((100 * good) / rated.length).toFixed(1));
  });

  it("displays the trend as a Vega-Lite v5 bundle", () => {
    const [bundle] = displays("chart");
    // No text/html beside it: JupyterLab ranks HTML (50) before Vega (57), and would show the fallback instead.
    expect(Object.keys(bundle ?? {}).sort()).toEqual(["application/vnd.vegalite.v5+json", "text/plain"]);
    const spec = bundle!["application/vnd.vegalite.v5+json"] as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const rated = ratedTickets();
    const rows = summarize(rated, {
      metric: "csat",
      by: ["group"],
      every: "month",
      timeZone: "Europe/Berlin",
      csat: { scale: "good-bad" },
    }).rows;
    expect(spec).toEqual(trendSpec(rows, { title: "CSAT (good / (good + bad), %) by group and month" }));
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    expect(values).toHaveLength(rows.filter((row) => row.period !== null).length);
    for (const point of values)
      expect(Object.keys(point).sort()).toEqual([
        "high",
        "low",
        "n",
        "period",
        "segment",
        "smallSample",
        "start",
        "value",
      ]);
    expect((spec.layer as { mark: { type: string } }[]).map((layer) => layer.mark.type)).toEqual([
      "errorband",
      "line",
      "point",
    ]);
    expect(text(bundle!["text/plain"] as string[])).toBe(`Vega-Lite chart: ${spec.title}, ${values.length} points`);
  });

  it("reconciles with Zendesk's per-ticket minutes (reconcile): the agreement a Python recomputation gives", () => {
    // Independent: the generator's own minute-by-minute count (Python zoneinfo), once without the holidays.
    const python = `
import importlib.util, json, csv
from datetime import datetime
spec = importlib.util.spec_from_file_location("gen", ${JSON.stringify(generatorPath)})
gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)
rows = [r for r in csv.DictReader(open(${JSON.stringify(exportPath)}, encoding="utf-8")) if r["Solved at"]]
parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
vendor = "Full resolution time in minutes within business hours"
diffs = [gen.business_minutes(parse(r["Created at"]), parse(r["Solved at"]), set()) - int(r[vendor]) for r in rows]
print(json.dumps({"compared": len(rows), "exact": sum(d == 0 for d in diffs), "within1": sum(abs(d) <= 1 for d in diffs),
  "sizes": sorted(set(diffs) - {0}), "holidays": sorted(str(h) for h in gen.HOLIDAY_DATES)}))`;
    const expected = JSON.parse(execFileSync("python3", ["-c", python], { encoding: "utf8" })) as {
      compared: number;
      exact: number;
      within1: number;
      sizes: number[];
      holidays: string[];
    };
    expect(expected).toMatchObject({ compared: 138, exact: 132, within1: 132, sizes: [425, 480] });
    const share = ((100 * expected.within1) / expected.compared).toFixed(1); // 132 / 138 = 95.7 %
    expect(printed("reconcile")).toContain(
      `${expected.compared} tickets compared (12 still open): ${expected.exact} exact, ${expected.within1} within a ` +
        `minute, agreement ${share} % (close)`,
    );
    // 425 and 480 minutes are both in reconcile's "1-8 h" group, and the recomputed figure is the higher (no holiday).
    expect(printed("reconcile")).toContain("differences by size: 1-8 h: 6 (6 recomputed higher)");
    // The table is reconcile's byDate; the dates on which every ticket with working time differs are the schedule's
    // holidays (Easter Monday had none).
    const schedule = readJson("zendesk-schedule.json");
    const records = tickets.map((t) => ({
      id: t.ID,
      createdAt: t["Created at"],
      resolvedAt: t["Solved at"] || undefined,
      [VENDOR]: t[VENDOR] === "" ? undefined : Number(t[VENDOR]),
    }));
    const result = reconcile(records, {
      metric: "resolution",
      against: VENDOR,
      calendar: calendarFromZendeskSchedule(schedule),
    });
    expect(table("reconcile")).toEqual(
      result.byDate.map((d) => ({ date: d.date, "tickets with working time": d.records, differing: d.differing })),
    );
    const allDiffer = table("reconcile").filter((r) => r.differing === r["tickets with working time"]);
    expect(allDiffer.map((r) => r.date)).toEqual(["2025-05-01", "2025-04-18"]);
    for (const row of allDiffer) expect(expected.holidays).toContain(row.date);
    expect(printed("holidays")).toBe(
      "138 tickets compared (12 still open): 138 exact, 138 within a minute, agreement 100.0 % (match)\n",
    );
  });

  it("shows the resolution rows that summarize gives with the reconciled calendar", () => {
    const calendar = calendarFromZendeskSchedule(readJson("zendesk-schedule.json"), {
      holidays: readJson("zendesk-holidays.json") as { holidays: { start_date: string; end_date: string }[] },
    });
    expect(calendar.timeZone).toBe("Europe/Berlin");
    const report = summarize(
      tickets.map((t) => ({ group: t.Group, createdAt: t["Created at"], resolvedAt: t["Solved at"] || undefined })),
      { metric: "resolution", by: ["group"], every: "month", timeZone: "Europe/Berlin", calendar },
    );
    expect(table("resolution")).toEqual(report.rows.map((row) => expectedRecord(row, "group")));
    // The overall median equals the median of Zendesk's own column over the solved tickets (the calendars agree).
    const zendesk = tickets
      .filter((t) => t["Solved at"] !== "")
      .map((t) => Number(t["Full resolution time in minutes within business hours"]))
      .sort((a, b) => a - b);
    const mid = zendesk.length / 2; // 138 solved: the median is the mean of the 69th and 70th
    const median = (zendesk[mid - 1]! + zendesk[mid]!) / 2;
    expect(table("resolution").find((r) => r.group === "all" && r.period === "all")?.value).toBe(median.toFixed(1));
  });

  it("is committed with the outputs of a run (streams joined, as front ends show them)", () => {
    const committed = JSON.parse(readFileSync(notebookPath, "utf8")) as Notebook;
    expect(
      normalize(committed),
      "the committed outputs are stale: run `npx deno jupyter --install` once, then in examples/notebooks " +
        "`jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=deno " +
        "--ExecutePreprocessor.record_timing=False zendesk-export.ipynb`",
    ).toEqual(normalize(fresh));
  });
});

/** A notebook with consecutive stream outputs of one name joined (the kernel may split a print into chunks). */
function normalize(notebook: Notebook): Notebook {
  return {
    ...notebook,
    cells: notebook.cells.map((c) => {
      if (c.outputs === undefined) return { ...c, source: text(c.source) };
      const outputs: Output[] = [];
      for (const output of c.outputs) {
        const last = outputs.at(-1);
        if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name)
          outputs[outputs.length - 1] = { ...last, text: text(last.text) + text(output.text) };
        else outputs.push(output.output_type === "stream" ? { ...output, text: text(output.text) } : output);
      }
      return { ...c, source: text(c.source), outputs };
    }),
  };
}
