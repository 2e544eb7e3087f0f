// What `scan` and `fix` share: checking the paths and --policy, finding the files, and reporting
// policy problems on stderr as `file:line:col: severity: message`.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { initEngineRuntime } from '../engine';
import type { CliIO } from './cli-io';
import { findSourceFiles, type Discovery } from '../workspace/find-source-files';
import { formatPolicyDiagnosticLine } from './format/notices-text';
import { FolderPolicies } from '../workspace/folder-policies';
import { UsageError } from './usage-error';

export interface Targets {
  files: string[];
  discovery: Discovery;
  policies: FolderPolicies;
}

export async function resolveTargets(
  positionals: readonly string[],
  options: { policy?: string },
  io: CliIO,
  command: string,
): Promise<Targets> {
  let policyPath: string | undefined;
  if (options.policy !== undefined) {
    policyPath = path.resolve(io.cwd, options.policy);
    if (!existsSync(policyPath)) throw new UsageError(`policy file not found: ${options.policy}`, command);
  }
  const policies = new FolderPolicies(policyPath, [io.cwd]);
  // The runtime only: the main thread parses few files (or none), each grammar loads when one needs it.
  await initEngineRuntime();
  const discovery = await findSourceFiles(positionals.length > 0 ? positionals : ['.'], io.cwd, policies);
  if (discovery.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${discovery.missing.join(', ')}`, command);
  }
  return { files: discovery.files, discovery, policies };
}

/** Prints every policy problem once; returns whether any is an error (exit code 2). */
export function reportPolicyDiagnostics(policies: FolderPolicies, io: CliIO): boolean {
  for (const diagnostic of policies.diagnostics) io.stderr.write(`${formatPolicyDiagnosticLine(diagnostic, io.cwd)}\n`);
  if (policies.hasErrors) {
    io.stderr.write('phi-guard: the policy file has errors; the built-in defaults were used for the invalid parts.\n');
  }
  return policies.hasErrors;
}

/** The command-line option for the size limit, as notices name it. */
export const MAX_FILE_SIZE_OPTION = '--max-file-size-kb';
/**
 * The CLI's default size limit, ten times the editor's (`phiGuard.maxFileSizeKb`, 1024 KB): the
 * editor keeps typing responsive, while CI must not pass a file because it is big.
 */
export const CLI_DEFAULT_MAX_FILE_SIZE_KB = 10240;

/** `--max-file-size-kb`, or the CLI's default. */
export function parseMaxFileSize(value: string | boolean | undefined, command: string): number {
  if (value === undefined) return CLI_DEFAULT_MAX_FILE_SIZE_KB;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value) || !(number > 0)) {
    throw new UsageError(`invalid value '${String(value)}' for '--max-file-size-kb': expected a positive number`, command);
  }
  return number;
}
