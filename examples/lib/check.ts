import { pathToFileURL } from "node:url";

/**
 * Prints a computed figure beside the published one and remembers any mismatch, so that
 * `npm run examples` fails when a worked example no longer comes out as its source printed it.
 */
let failures = 0;

/** Compares `computed` with `published` to `tolerance` and prints one line. */
export function check(label: string, computed: number, published: number, source: string, tolerance = 1e-9): void {
  const ok = Math.abs(computed - published) <= tolerance;
  if (!ok) failures++;
  const mark = ok ? "ok  " : "FAIL";
  console.log(`  ${mark} ${label}: ${format(computed)} (source: ${format(published)}, ${source})`);
}

/** Compares two strings (a band, a label). */
export function checkText(label: string, computed: string, published: string, source: string): void {
  const ok = computed === published;
  if (!ok) failures++;
  console.log(`  ${ok ? "ok  " : "FAIL"} ${label}: ${computed} (source: ${published}, ${source})`);
}

/** Prints a heading for one worked example. */
export function heading(title: string): void {
  console.log(`\n${title}`);
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** Number of mismatches so far. */
export function failureCount(): number {
  return failures;
}

/** Sets a failing exit code when anything differed; call at the end of a standalone script. */
export function finish(): void {
  if (failures > 0) {
    console.error(`\n${failures} figure(s) differ from their source`);
    process.exitCode = 1;
  }
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, "");
}
