// `phi-guard init`: write a starter phi-guard.json in the current folder, proposing the audit
// controls the folder seems to have (names containing `audit`) and the vendors its code sends to
// as commented entries.

import * as path from 'node:path';
import { safeWriteFile, UnsafeWriteError } from '../../safe-write';
import type { OptionSpec } from '../argv';
import type { Command } from '../command';
import { displayPath } from '../display-path';
import { ExitCode } from '../exit-codes';
import { starterPolicyFor } from '../../workspace/find-audit-candidates';

export const POLICY_FILE_NAME = 'phi-guard.json';

const options: OptionSpec[] = [{ name: 'force', type: 'boolean', description: `overwrite an existing ${POLICY_FILE_NAME}` }];

export const initCommand: Command = {
  name: 'init',
  summary: `Write a starter ${POLICY_FILE_NAME} policy file in the current folder`,
  usage: 'phi-guard init [--force]',
  options,
  noArguments: true,
  details: [
    `Proposes the audit controls the folder seems to have (a dependency, middleware, permission class,`,
    `guard, wrapper or function whose name contains "audit") as commented entries of the audit section,`,
    `and the third-party and AI vendors the code sends to (by the SDKs it imports and the API hosts it`,
    `addresses) as commented entries of the vendors section, with "baa": "none" until you set it.`,
    `Never writes through a symbolic link at ${POLICY_FILE_NAME}, even with --force.`,
    '',
    `Exit codes: 0 written, 1 ${POLICY_FILE_NAME} already exists (use --force) or is a symbolic link, 2 usage error.`,
  ],
  async run(args, io) {
    const target = path.join(io.cwd, POLICY_FILE_NAME);
    try {
      // Without --force an existing file fails with EEXIST, so a concurrent writer is never clobbered either.
      await safeWriteFile(io.cwd, target, await starterPolicyFor(io.cwd), { overwrite: Boolean(args.options.force) });
    } catch (error) {
      if (error instanceof UnsafeWriteError) {
        io.stderr.write(`phi-guard: not writing ${POLICY_FILE_NAME}: ${error.describe((absolute) => displayPath(absolute, io.cwd))}.\n`);
        return ExitCode.Findings;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.stderr.write(`phi-guard: ${POLICY_FILE_NAME} already exists; use --force to overwrite it.\n`);
      return ExitCode.Findings;
    }
    io.stdout.write(`Created ${POLICY_FILE_NAME}. Commit it, and let your compliance team own it.\n`);
    return ExitCode.Clean;
  },
};
