// What a CLI command is. A new command (`coverage`, `tools`) is one module implementing this and
// one line in commands/index.ts; run-command.ts parses its arguments and answers `--help`.

import type { OptionSpec, ParsedArgs } from './argv';
import type { CliIO } from './cli-io';
import type { ExitCodeValue } from './exit-codes';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `phi-guard scan [paths...] [options]`. */
  usage: string;
  options: readonly OptionSpec[];
  /** Extra help text after the options (examples, exit codes), as lines. */
  details?: readonly string[];
  /** The command takes no positional arguments (run-command.ts refuses them). */
  noArguments?: boolean;
  /** What `--help` shows, when not the command's usage and options (`phi-guard help --help`: the command list). */
  helpText?(): string;
  /** Receives its parsed arguments (never `--help`); throws UsageError for bad usage. */
  run(args: ParsedArgs, io: CliIO): Promise<ExitCodeValue>;
}
