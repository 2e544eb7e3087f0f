// What a CLI command is. A new command (`coverage`, `tools`) is one module implementing this and
// one line in commands/index.ts.

import type { OptionSpec } from './argv';
import type { CliIO } from './cli-io';
import type { ExitCodeValue } from './exit-codes';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `phi-guard scan [paths...] [options]`. */
  usage: string;
  options: readonly OptionSpec[];
  /** Extra help text after the options (examples, exit codes). */
  details?: string;
  /** Receives its arguments after the command name; throws UsageError for bad usage. */
  run(argv: readonly string[], io: CliIO): Promise<ExitCodeValue>;
}
