// Finding the policy that governs a file: the nearest `phi-guard.json` in its folder or above.

import { statSync } from 'node:fs';
import path from 'node:path';
import { POLICY_FILE_NAME } from '../protocol/settings';

export { POLICY_FILE_NAME };

/**
 * The nearest `phi-guard.json` walking up from `startDir` (inclusive), stopping after `stopAt`
 * (e.g. the workspace folder) when it is one of those folders, else at the file-system root.
 */
export function findPolicyFile(startDir: string, stopAt?: string): string | undefined {
  let folder = path.resolve(startDir);
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (;;) {
    const candidate = path.join(folder, POLICY_FILE_NAME);
    if (isPolicyCandidate(candidate)) return candidate;
    if (folder === stop) return undefined;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * A regular file, or one the file system refuses to look at (ELOOP, EACCES): that may be a policy,
 * so it is returned and the loader reports it with the defaults in force, rather than the search
 * going on upwards to a policy that may be weaker, or throwing.
 */
function isPolicyCandidate(candidate: string): boolean {
  try {
    return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
