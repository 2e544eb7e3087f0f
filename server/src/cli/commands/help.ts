// `phi-guard help [command]`.

import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { commandHelp, generalHelp } from '../help-text';
import { UsageError } from '../usage-error';

export function helpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'Show help for a command',
    usage: 'phi-guard help [command]',
    options: [],
    helpText: () => generalHelp(commands()),
    async run(args, io) {
      const [name, ...extra] = args.positionals;
      if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, 'help');
      if (!name) {
        io.stdout.write(generalHelp(commands()));
        return ExitCode.Clean;
      }
      const target = commands().find((c) => c.name === name);
      if (!target) throw new UsageError(`unknown command '${name}'`);
      io.stdout.write(commandHelp(target));
      return ExitCode.Clean;
    },
  };
}
