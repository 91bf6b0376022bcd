// Runs the command as a user does, in a child process under a time and a memory limit, for the robustness suites:
// a hostile input must end in a clear result or a one-line error, never in a hang, a crash or a stack trace.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../src/cli/bin.ts", import.meta.url));

/** What a run of the command gave. */
export interface Outcome {
  /** The exit code; null when the process was killed (time limit) or died of a signal. */
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** Whether the time limit ended it. */
  readonly timedOut: boolean;
  /** The signal that ended it, if any. */
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  /** What the command reads on standard input (a string or bytes); nothing by default. */
  readonly stdin?: string | Uint8Array;
  /** Milliseconds before the process is killed; default 20,000. */
  readonly timeoutMs?: number;
  /** The V8 heap limit in MB (`--max-old-space-size`); default 512. */
  readonly heapMb?: number;
  /** The working folder. */
  readonly cwd?: string;
}

/** Runs `cx-metrics ARGS` (the source, through tsx) in a child process, with `NO_COLOR` and no TTY. */
export function runCommand(args: readonly string[], options: RunOptions = {}): Promise<Outcome> {
  const { timeoutMs = 20_000, heapMb = 512 } = options;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let timedOut = false;
    const cap = 1 << 20; // keep at most 1 MB of each stream
    child.stdout.on("data", (chunk: Buffer) => {
      if (out.length < cap) out += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < cap) err += chunk.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut, signal, ms: Date.now() - started });
    });
    child.stdin.on("error", () => undefined); // the command may stop reading early
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** A one-line usage error: exit 2, one line on standard error that starts with "cx-metrics:", no stack trace. */
export function isOneLineError(outcome: Outcome): boolean {
  const lines = outcome.err.trimEnd().split("\n");
  return (
    outcome.code === 2 && lines.length === 1 && lines[0]!.startsWith("cx-metrics:") && !/\n\s+at /.test(outcome.err)
  );
}
