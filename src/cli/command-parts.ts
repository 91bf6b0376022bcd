// What the report command and its events variant share: the command's IO and exit code, JSON option files, and
// business hours written as text.
import type { Worker } from "node:worker_threads";
import { numberFlag } from "./args.js";
import { readLimitedText } from "./read/limited.js";
import { UsageError } from "./args.js";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import type { BusinessCalendarOptions, WorkingWeek } from "../time/calendar.js";
import { calendarFromSchedule } from "../time/schedule.js";

/** What a command run gives back: the exit code (output already written). */
export type ExitCode = 0 | 1 | 2;

/** Where a command writes. */
export interface CommandIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: NodeJS.ProcessEnv;
  /** The executable's URL, to start a worker thread on it (a large file is read in two parts); none: one pass. */
  readonly workerUrl?: URL;
  /** A worker started early by the executable for this read (early-worker.ts), once; none: the read starts its own. */
  readonly earlyWorker?: () => Worker | undefined;
}

/** A JSON option file (--calendar, --policy, --scorecard), read whole within its limit. */
export function readJson(flag: string, path: string): unknown {
  try {
    return JSON.parse(readLimitedText(path));
  } catch (error) {
    throw new UsageError(
      `--${flag} ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
}

/** A JSON or YAML file (YAML by its extension, .yaml or .yml), read whole within its limit; `what` names it in messages. */
export function readDataFile(what: string, path: string): unknown {
  let text: string;
  try {
    text = readLimitedText(path);
  } catch (error) {
    throw new UsageError(
      `${what} ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  try {
    return [".yaml", ".yml"].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${what} ${path}: not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${(error as Error).message}`,
    );
  }
}

/**
 * A schedule file (`--calendar`, a claim's `options.calendar`): the library's calendar options, a Zendesk schedule or
 * Intercom office hours, as JSON or YAML, read into calendar options; what is wrong with it is a usage error naming
 * the file.
 */
export function readCalendarFile(what: string, path: string): BusinessCalendarOptions {
  const value = readDataFile(what, path);
  try {
    // The calendar's own fields (its index stays behind), so that it travels to a worker as plain options.
    return JSON.parse(JSON.stringify(calendarFromSchedule(value))) as BusinessCalendarOptions;
  } catch (error) {
    if (isCxMetricsError(error)) throw new UsageError(`${what} ${path}: ${error.message.replace(/^\w+: /, "")}`);
    throw error;
  }
}

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "Mon-Fri 09:00-17:00, Sat 10:00-14:00" → a working week. */
export function parseHours(text: string): WorkingWeek {
  const week: Record<string, [string, string][]> = {};
  for (const part of text
    .split(",")
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "")) {
    const match = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part);
    const first = match ? DAYS.indexOf(match[1]!.toLowerCase() as (typeof DAYS)[number]) : -1;
    const last = match
      ? match[2] === undefined
        ? first
        : DAYS.indexOf(match[2].toLowerCase() as (typeof DAYS)[number])
      : -1;
    if (!match || first === -1 || last === -1 || last < first)
      throw new UsageError(
        `--hours "${part}": expected days and hours like "Mon-Fri 09:00-17:00" (days Mon..Sun, several parts separated by commas)`,
      );
    const pad = (clock: string): string => clock.padStart(5, "0");
    for (let day = first; day <= last; day++) (week[DAYS[day]!] ??= []).push([pad(match[3]!), pad(match[4]!)]);
  }
  return week;
}

/** `--min-n` and `--confidence` as the report spec takes them (both commands read them alike). */
export function rowOptions(values: { readonly "min-n"?: string; readonly confidence?: string }): {
  minN?: number;
  confidence?: number;
} {
  return {
    ...(values["min-n"] === undefined
      ? {}
      : { minN: numberFlag("min-n", values["min-n"], (n) => n >= 0, "a number ≥ 0")! }),
    ...(values.confidence === undefined
      ? {}
      : {
          confidence: numberFlag(
            "confidence",
            values.confidence,
            (n) => n > 0 && n < 1,
            "a level between 0 and 1, like 0.95",
          )!,
        }),
  };
}
