/**
 * Writes the benchmark's survey export: `rows` responses with an id, an ISO date with offset, a
 * channel, an NPS score and a free-text comment (every fifth quoted, holding commas and doubled
 * quotes), as a survey tool's CSV export looks. Deterministic (a fixed-seed generator).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const CHANNELS = ["email", "chat", "phone", "web", "social"];
const COMMENTS = [
  "",
  "ok",
  '"Fast, friendly, and ""on point"""',
  "slow reply",
  '"Waited two days, then, finally, an answer"',
];

/** Writes the file and resolves when it is on disk. */
export async function writeSurveyCsv(path: string, rows: number, seed = 1): Promise<void> {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = createWriteStream(path);
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 86_400_000;
  let buffer = "id,respondedAt,channel,score,comment\n";
  for (let i = 0; i < rows; i++) {
    const at = `${new Date(start + Math.floor(next() * span)).toISOString().slice(0, 19)}+00:00`;
    const channel = CHANNELS[Math.floor(next() * CHANNELS.length)]!;
    const score = Math.min(10, Math.floor(next() * 11.5));
    const comment = i % 5 === 0 ? COMMENTS[2 + (i % 3)]! : COMMENTS[Math.floor(next() * 2)]!;
    buffer += `${i + 1},${at},${channel},${score},${comment}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
