// `phiGuard/createPolicyFile`: the starter policy at a workspace folder's root, written under the
// rule every write follows (server/src/safe-write.ts): never through a symbolic link, an
// existing file only when the user said to replace it.

import * as path from 'node:path';
import { POLICY_FILE_NAME, type CreatePolicyFileParams, type CreatePolicyFileResult } from '../protocol';
import { checkWriteTarget, safeWriteFile, UnsafeWriteError } from '../safe-write';
import { starterPolicyFor } from '../workspace/find-audit-candidates';
import { pathToUri, uriToPath } from './uris';

export async function createPolicyFile(params: CreatePolicyFileParams): Promise<CreatePolicyFileResult> {
  const folder = uriToPath(params.folder);
  if (!folder) return { status: 'refused', reason: 'PHI Guard writes only to folders on disk' };
  const target = path.join(folder, POLICY_FILE_NAME);
  try {
    const { exists } = await checkWriteTarget(folder, target);
    if (exists && !params.overwrite) return { status: 'exists', uri: pathToUri(target) };
    await safeWriteFile(folder, target, await starterPolicyFor(folder), { overwrite: exists });
    return { status: 'written', uri: pathToUri(target) };
  } catch (error) {
    const reason = refusal(error, folder);
    if (reason === undefined) throw error;
    return { status: 'refused', reason };
  }
}

/**
 * Why a write was refused or failed, in words for the user, with paths relative to `folder`; an
 * error of the file system says its code and path only. Undefined for anything else (a bug).
 */
export function refusal(error: unknown, folder: string): string | undefined {
  if (error instanceof UnsafeWriteError) return error.describe((absolute) => relativeTo(folder, absolute));
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code && typeof errno.path === 'string') return `${errno.code}: '${relativeTo(folder, errno.path)}'`;
  return undefined;
}

export function relativeTo(folder: string, absolute: string): string {
  const relative = path.relative(folder, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
