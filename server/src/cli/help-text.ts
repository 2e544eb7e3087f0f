// Help screens, generated from each command's own declaration.

import { describeOptions } from './argv';
import type { Command } from './command';
import { TOOL_VERSION } from './version';

export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `phi-guard ${TOOL_VERSION} — finds PHI leaks and missing HIPAA controls in healthcare code`,
    '',
    'Usage: phi-guard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: phi-guard help <command>)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or policy error, or a source',
    'file that could not be analysed (unless --allow-unanalysed); 2 wins over 1.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    describeOptions(command.options),
    ...(command.details ? ['', ...command.details] : []),
    '',
  ].join('\n');
}
