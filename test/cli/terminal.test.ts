// What the command shows on a terminal: the progress bar (only on a TTY, throttled, erased), colour only on a TTY and
// never with NO_COLOR.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { useColour } from "../../src/cli/format/index.js";
import { createProgress } from "../../src/cli/progress.js";

/** A writable that keeps what it was given, and says it is a terminal or not. */
function screen(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: () => string };
  stream.isTTY = isTTY;
  stream.columns = 80;
  stream.text = () => chunks.join("");
  return stream;
}

describe("progress bar", () => {
  it("draws the share of bytes read on a terminal, at most every 100 ms after the first 300 ms, and erases itself", () => {
    const out = screen(true);
    let now = 0;
    const progress = createProgress(out, 1000, true, () => now);
    progress.bytes(100); // at 0 ms: too early to show
    now = 350;
    progress.rows(16_384); // drawn: 100 of 1000 bytes
    progress.bytes(500); // same instant: not redrawn
    now = 400; // 50 ms later: not redrawn
    progress.bytes(600);
    now = 460;
    progress.bytes(1000);
    progress.done();
    const text = out.text();
    expect(text.match(/\r\[/g)).toHaveLength(2);
    expect(text).toContain(" 10%  16,384 rows");
    expect(text).toContain("100%  16,384 rows");
    expect(text.endsWith("\r\u001b[K")).toBe(true);
  });

  it("counts rows when the size is unknown (standard input)", () => {
    const out = screen(true);
    let now = 1000;
    const progress = createProgress(out, null, true, () => now);
    now = 2000;
    progress.rows(32_768);
    expect(out.text()).toContain("reading... 32,768 rows");
  });

  it("shows nothing when standard error is not a terminal, or with --quiet", () => {
    for (const [tty, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const out = screen(tty);
      let now = 0;
      const progress = createProgress(out, 10, enabled, () => now);
      now = 10_000;
      progress.bytes(5);
      progress.done();
      expect(out.text()).toBe("");
    }
  });
});

describe("colour", () => {
  it("only on a terminal, and not when NO_COLOR is set to anything (no-color.org)", () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
  });
});
