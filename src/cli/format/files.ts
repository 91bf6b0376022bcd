// Files the command writes (--output, --rejects): a folder that is not there is said before anything is read, and a
// write that fails (a full disk, /dev/full, no permission) is one line with exit code 2, never a stack trace.
import { statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "../args.js";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EFBIG: "file too large",
};

/** Why a write failed, in words. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? REASONS[code] : undefined) ?? String((error as Error).message).split("\n")[0]!;
}

/**
 * Checks, before any input is read, that `path` can be a file to write: its folder exists, and it is not a folder
 * itself. A usage error names the flag otherwise.
 */
export function checkOutputPath(flag: string, path: string | undefined): void {
  if (path === undefined) return;
  if (path === "") throw new UsageError(`--${flag}: expected a file name`);
  const folder = dirname(resolve(path));
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new UsageError(`--${flag} ${path}: cannot write there: no folder ${folder}`);
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`--${flag} ${path}: cannot write there: it is a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error; // not there yet: it will be created
  }
}

/** Writes a file the command produces; a failure is a usage error that names the flag and the reason. */
export function writeTextFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`--${flag} ${path}: cannot write there: ${reason(error)}`);
  }
}
