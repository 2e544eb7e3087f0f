// The CLI's commands. Adding one (e.g. `coverage`, `tools`): a module exporting a Command, and
// one entry here.

import type { Command } from '../command';
import { coverageCommand } from './coverage';
import { fixCommand } from './fix';
import { helpCommand } from './help';
import { initCommand } from './init';
import { mergeCommand } from './merge';
import { scaffoldCommand } from './scaffold';
import { reportCommand } from './report';
import { scanCommand } from './scan';
import { toolsCommand } from './tools';

export const COMMANDS: readonly Command[] = [scanCommand, fixCommand, coverageCommand, initCommand, toolsCommand, reportCommand, scaffoldCommand, mergeCommand, helpCommand(() => COMMANDS)];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
