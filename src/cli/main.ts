// The `cx-metrics` command: dispatches to its commands, turns usage errors into exit code 2 with a message on standard
// error.
import { isCxMetricsError } from "../errors/cx-metrics-error.js";
import { MAIN_HELP, UsageError } from "./args.js";
import { JsonFileError } from "./read/json.js";
import { InputError } from "./read/input.js";
import { checkCommand } from "./check-command.js";
import { reportCommand, type CommandIO, type ExitCode } from "./report-command.js";

declare const __VERSION__: string;

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
    if (error instanceof UsageError || error instanceof InputError || error instanceof JsonFileError) {
      io.stderr.write(`cx-metrics: ${error.message}\n`);
      return 2;
    }
    if (isCxMetricsError(error)) {
      io.stderr.write(`cx-metrics: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
