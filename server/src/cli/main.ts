// `phi-guard`: the CLI entry point. Dispatches to a command and turns the outcome into the exit
// code; everything else lives in the commands.

import { processIO, type CliIO } from './cli-io';
import { runCommand } from './run-command';
import { COMMANDS, findCommand } from './commands';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { generalHelp } from './help-text';
import { UsageError } from './usage-error';
import { TOOL_VERSION } from './version';

export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCodeValue> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr.write(generalHelp(COMMANDS));
      return ExitCode.UsageOrPolicyError;
    }
    if (first === '--help' || first === '-h') {
      io.stdout.write(generalHelp(COMMANDS));
      return ExitCode.Clean;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${TOOL_VERSION}\n`);
      return ExitCode.Clean;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' (options go after the command)`);
    const command = findCommand(first);
    if (!command) throw new UsageError(`unknown command '${first}'`);
    return await runCommand(command, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`phi-guard: ${error.message}\nRun 'phi-guard help${error.command ? ` ${error.command}` : ''}' for usage.\n`);
      return ExitCode.UsageOrPolicyError;
    }
    // Only the message (and the stack on request): never file contents.
    const detail = error instanceof Error ? (io.env.PHI_GUARD_DEBUG ? error.stack : error.message) : String(error);
    io.stderr.write(`phi-guard: internal error: ${detail}\n`);
    return ExitCode.UsageOrPolicyError;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
