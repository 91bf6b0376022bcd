// The `cx-metrics` command: dispatches to its commands, turns usage errors into exit code 2 with a one-line message on
// standard error (control characters shown escaped), and stops quietly when the reader of its output has gone (EPIPE).
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { MAIN_HELP, UsageError } from "./args.js";
import { visible } from "./format/safe.js";
import { JsonFileError } from "./read/json.js";
import { InputError } from "./read/input.js";
import { checkCommand } from "./check-command.js";
import { reportCommand, type CommandIO, type ExitCode } from "./report-command.js";

declare const __VERSION__: string;

/**
 * Whether an error says that the reader of standard output has gone (`cx-metrics ... | head -1`): not a failure, the
 * command stops quietly.
 */
export function isBrokenPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

/** Runs the command line with `args` (without node and the script); resolves to the exit code. */
export async function main(args: readonly string[], io: CommandIO): Promise<ExitCode> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout.write(`${typeof __VERSION__ === "string" ? __VERSION__ : "dev"}\n`);
      return 0;
    }
    if (command === "report") return await reportCommand(rest, io);
    if (command === "check") return await checkCommand(rest, io);
    throw new UsageError(`unknown command "${command}"; commands: report, check (cx-metrics --help)`);
  } catch (error) {
    if (isBrokenPipe(error)) return 0;
    if (
      error instanceof UsageError ||
      error instanceof InputError ||
      error instanceof JsonFileError ||
      isCxMetricsError(error)
    ) {
      const detail = error instanceof UsageError && error.detail !== undefined ? `\n${error.detail}` : "";
      io.stderr.write(`cx-metrics: ${visible(error.message)}${detail}\n`);
      return 2;
    }
    throw error;
  }
}
