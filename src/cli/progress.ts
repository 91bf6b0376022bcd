// The progress bar on standard error while a long input is read: only when standard error is a terminal, redrawn at
// most ten times a second, erased at the end.
import { counted } from "../internal/words.js";

/** What the reader tells the bar. */
export interface Progress {
  /** Bytes read so far. */
  bytes(count: number): void;
  /** Rows read so far. */
  rows(count: number): void;
  /** Erases the bar. */
  done(): void;
}

const NONE: Progress = { bytes() {}, rows() {}, done() {} };
const EVERY_MS = 100;
/** Inputs read in less than this show no bar at all. */
const AFTER_MS = 300;

/**
 * A progress bar on `stream` when it is a terminal and `enabled` (not `--quiet`): percent of
 * `total` bytes when the size is known (a file), else the rows read (standard input).
 */
export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  total: number | null,
  enabled: boolean,
  now: () => number = Date.now,
): Progress {
  if (!enabled || stream.isTTY !== true) return NONE;
  const started = now();
  let last = 0;
  let bytes = 0;
  let rows = 0;
  let shown = false;
  const draw = (): void => {
    const time = now();
    if (time - started < AFTER_MS || time - last < EVERY_MS) return;
    last = time;
    const count = counted(rows, "row");
    let line: string;
    if (total !== null && total > 0) {
      const share = Math.min(1, bytes / total);
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - count.length - 12));
      const filled = Math.round(share * width);
      line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${count}`;
    } else line = `reading... ${count}`;
    stream.write(`\r${line}\u001b[K`);
    shown = true;
  };
  return {
    bytes(count) {
      bytes = count;
      draw();
    },
    rows(count) {
      rows = count;
      if ((count & 0x3fff) === 0) draw();
    },
    done() {
      if (shown) stream.write("\r\u001b[K");
      shown = false;
    },
  };
}
