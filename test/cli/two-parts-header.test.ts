// headerOf (src/cli/two-parts.ts): the header of a large file, for the worker that reads its second part. It is read
// from the first 4 kB, else 64 kB, else 1 MB: each case below puts the header's end past one of those sizes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ReportJob } from "../../src/cli/report-part.js";
import { headerOf } from "../../src/cli/two-parts.js";

const dir = mkdtempSync(join(tmpdir(), "cx-header-of-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const job = { format: "csv" } as ReportJob;

/** A file whose header is `names` (the last one quoted, `length` characters with a line break in it), then rows. */
function file(length: number): string {
  const path = join(dir, `header-${length}.csv`);
  const long = `long\n${"x".repeat(Math.max(0, length - 5))}`;
  writeFileSync(path, `score,"${long}",Channel\n${"9,a,chat\n".repeat(20_000)}`);
  return path;
}

describe("headerOf", () => {
  it("finds a header that ends within 4 kB, 64 kB or 1 MB, a quoted line break in it", () => {
    for (const length of [10, 5_000, 70_000, 900_000]) {
      const found = headerOf(file(length), job);
      expect(found?.length).toBe(3);
      expect(found?.[1]?.length).toBe(Math.max(length, 5));
      expect(found?.[2]).toBe("Channel");
    }
  });

  it("gives null for a header that does not end within 1 MB (the file is then read in one pass)", () => {
    expect(headerOf(file(1_100_000), job)).toBeNull();
  });

  it("gives null for a header whose quoting is broken", () => {
    const path = join(dir, "broken.csv");
    writeFileSync(path, `score,"a"b,Channel\n${"9,a,chat\n".repeat(100)}`);
    expect(headerOf(path, job)).toBeNull();
  });
});
