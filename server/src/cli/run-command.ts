// How every command is started: its arguments parsed against its options, `--help` answered and
// unexpected arguments refused, in this one place, so no command repeats them.

import { parseArgs } from './argv';
import type { CliIO } from './cli-io';
import type { Command } from './command';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { commandHelp } from './help-text';
import { UsageError } from './usage-error';

/** Runs `command` with the arguments after its name. */
export async function runCommand(command: Command, argv: readonly string[], io: CliIO): Promise<ExitCodeValue> {
  const args = parseArgs(argv, command.options, command.name);
  if (args.options.help) {
    io.stdout.write(command.helpText ? command.helpText() : commandHelp(command));
    return ExitCode.Clean;
  }
  if (command.noArguments && args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'`, command.name);
  return command.run(args, io);
}
