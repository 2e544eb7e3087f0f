// `phi-guard help [command]`.

import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { commandHelp, generalHelp } from '../help-text';
import { UsageError } from '../usage-error';

export function helpCommand(commands: () => readonly Command[]): Command {
  const command: Command = {
    name: 'help',
    summary: 'Show help for a command',
    usage: 'phi-guard help [command]',
    options: [],
    async run(argv, io) {
      const [name, ...extra] = argv;
      if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, 'help');
      if (!name || name === '--help' || name === '-h') {
        io.stdout.write(generalHelp(commands()));
        return ExitCode.Clean;
      }
      const target = commands().find((c) => c.name === name);
      if (!target) throw new UsageError(`unknown command '${name}'`);
      io.stdout.write(commandHelp(target));
      return ExitCode.Clean;
    },
  };
  return command;
}
