// `phi-guard init`: write a starter phi-guard.json in the current folder.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type OptionSpec } from '../argv';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { commandHelp } from '../help-text';
import { starterPolicyText } from '../policy-access';
import { UsageError } from '../usage-error';

export const POLICY_FILE_NAME = 'phi-guard.json';

const options: OptionSpec[] = [{ name: 'force', type: 'boolean', description: `overwrite an existing ${POLICY_FILE_NAME}` }];

export const initCommand: Command = {
  name: 'init',
  summary: `Write a starter ${POLICY_FILE_NAME} policy file in the current folder`,
  usage: 'phi-guard init [--force]',
  options,
  details: `Exit codes: 0 written, 1 ${POLICY_FILE_NAME} already exists (use --force), 2 usage error.`,
  async run(argv, io) {
    const args = parseArgs(argv, options, 'init');
    if (args.options.help) {
      io.stdout.write(commandHelp(initCommand));
      return ExitCode.Clean;
    }
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'`, 'init');
    }
    const target = path.join(io.cwd, POLICY_FILE_NAME);
    try {
      // 'wx' fails if the file exists, so a concurrent writer is never clobbered either.
      await fs.writeFile(target, starterPolicyText(), { encoding: 'utf8', flag: args.options.force ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.stderr.write(`phi-guard: ${POLICY_FILE_NAME} already exists; use --force to overwrite it.\n`);
      return ExitCode.Findings;
    }
    io.stdout.write(`Created ${POLICY_FILE_NAME}. Commit it, and let your compliance team own it.\n`);
    return ExitCode.Clean;
  },
};
