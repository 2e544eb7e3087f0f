// The CLI's commands. Adding one (e.g. `coverage`, `tools`): a module exporting a Command, and
// one entry here.

import type { Command } from '../command';
import { fixCommand } from './fix';
import { helpCommand } from './help';
import { initCommand } from './init';
import { scanCommand } from './scan';

export const COMMANDS: readonly Command[] = [scanCommand, fixCommand, initCommand, helpCommand(() => COMMANDS)];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
