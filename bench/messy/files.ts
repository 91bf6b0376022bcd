/**
 * Writes the benchmark's messy exports, shaped like users' files rather than clean ones (issue #20):
 * - a survey: a response id, the submission time, a channel, the NPS answer under its question as the
 *   header (as survey tools name it), a CSAT rating, a comment (every fifth quoted, with commas and
 *   doubled quotes);
 * - tickets: id, creation, first response (blank while open), resolution (blank while unsolved), priority,
 *   channel, under "Created at"-style headers.
 * Timestamps carry mixed offsets, as exports merged from several systems do: Berlin local time with its offset
 * (`+01:00` in winter, `+02:00` in summer), UTC with milliseconds (`.mmmZ`), `-05:00` and `+05:30`. About 1 % of the
 * rows are bad, each kind named in {@link BAD_KINDS}. Deterministic (mulberry32 from a seed).
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** The files' version: it changes whenever what they hold changes (the benchmark keeps files of each version). */
export const FILES_VERSION = 2;

/** The question header of the survey's NPS column (read with `--column score=...`). */
export const NPS_HEADER = "How likely are you to recommend us to a friend or colleague?";
/** The header of the survey's CSAT column (1-5, read with `--column rating=...`). */
export const CSAT_HEADER = "How satisfied were you with our support?";
/** The survey's submission time header (read with `--column respondedAt=...`). */
export const SUBMITTED_HEADER = "Submitted At";

/** The bad rows each file holds, one kind in five of every hundredth row. */
export const BAD_KINDS = {
  survey: [
    "the NPS answer written as a word (ten)",
    "an NPS answer of 11",
    "a date that does not exist (30 February)",
    "a date that is not a date (n/a)",
    "a short record (the last fields missing)",
  ],
  tickets: [
    "a creation date that does not exist (30 February)",
    "a first response that is not a date (n/a)",
    "a creation that is not a date (pending)",
    "a short record (the last fields missing)",
    "a resolution date that does not exist (31 April)",
  ],
} as const;

const CHANNELS = ["email", "chat", "phone", "web", "social"];
const PRIORITIES = ["low", "normal", "high", "urgent"];
const COMMENTS = [
  "",
  "ok",
  '"Fast, friendly, and ""on point"""',
  "slow reply",
  '"Waited two days, then, finally, an answer"',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The instant of the last Sunday of a month at 01:00 UTC (the EU's DST changes). */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** `YYYY-MM-DDTHH:MM:SS` of an instant shifted by `offsetMinutes`, then the offset. */
function withOffset(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** One instant written in one of the four shapes (the share of each: 40 % Berlin, 30 % Z, 15 % each). */
export function writeInstant(instant: number, pick: number): string {
  if (pick < 0.4) {
    const year = new Date(instant).getUTCFullYear();
    const summer = instant >= lastSundayOneUtc(year, 2) && instant < lastSundayOneUtc(year, 9);
    return withOffset(instant, summer ? 120 : 60);
  }
  if (pick < 0.7) return new Date(instant).toISOString();
  if (pick < 0.85) return withOffset(instant, -300);
  return withOffset(instant, 330);
}

async function writeLines(path: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

/** Writes the messy survey export (responses over 2024-2025) and resolves when it is on disk. */
export async function writeMessySurveyCsv(path: string, rows: number, seed = 20): Promise<void> {
  const next = random(seed);
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const header = `Response ID,${SUBMITTED_HEADER},Channel,"${NPS_HEADER}",${CSAT_HEADER},Comment`;
  await writeLines(path, header, rows, (i) => {
    const instant = start + Math.floor(next() * span);
    let at = writeInstant(instant, next());
    const channel = CHANNELS[Math.floor(next() * CHANNELS.length)]!;
    let score = String(Math.min(10, Math.floor(next() * 11.5)));
    const rating = 1 + Math.min(4, Math.floor(next() * 5.4));
    const comment = i % 5 === 0 ? COMMENTS[2 + (i % 3)]! : COMMENTS[Math.floor(next() * 2)]!;
    const id = `R_${(i + 1).toString(36)}`;
    if (i % 100 === 37) {
      const kind = Math.floor(i / 100) % 5;
      if (kind === 0) score = "ten";
      else if (kind === 1) score = "11";
      else if (kind === 2) at = "2025-02-30T10:00:00+01:00";
      else if (kind === 3) at = "n/a";
      else return `${id},${at},${channel}`;
    }
    return `${id},${at},${channel},${score},${rating},${comment}`;
  });
}

/**
 * Writes the messy ticket export (created over 2025; one in ten without a first response; resolutions within
 * a week, one in five unsolved) and resolves when it is on disk.
 */
export async function writeMessyTicketsCsv(path: string, rows: number, seed = 21): Promise<void> {
  const next = random(seed);
  const start = Date.UTC(2025, 0, 1);
  const span = 365 * 86_400_000;
  await writeLines(path, "Ticket ID,Created at,First response at,Resolved at,Priority,Channel", rows, (i) => {
    const created = start + Math.floor(next() * span);
    // At least a second later: instants are written to the second in most shapes, and a reply must not come first.
    const replied = created + 1000 + Math.floor(-Math.log(1 - next()) * 8 * 3_600_000);
    const resolved = replied + Math.floor(next() * 7 * 86_400_000);
    const open = next() < 0.1;
    const unsolved = open || next() < 0.2;
    let createdAt = writeInstant(created, next());
    let firstAt = open ? "" : writeInstant(replied, next());
    let resolvedAt = unsolved ? "" : writeInstant(resolved, next());
    const priority = PRIORITIES[Math.floor(next() * PRIORITIES.length)]!;
    const channel = CHANNELS[Math.floor(next() * CHANNELS.length)]!;
    const id = 100_000 + i;
    if (i % 100 === 37) {
      const kind = Math.floor(i / 100) % 5;
      if (kind === 0) createdAt = "2025-02-30T10:00:00+01:00";
      else if (kind === 1) firstAt = "n/a";
      else if (kind === 2) createdAt = "pending";
      else if (kind === 3) return `${id},${createdAt},${firstAt}`;
      else resolvedAt = "2025-04-31T12:00:00.000Z";
    }
    return `${id},${createdAt},${firstAt},${resolvedAt},${priority},${channel}`;
  });
}
