// Writing what the generator produced into a project, under the rule every write follows
// (server/src/safe-write.ts): every target is checked before anything is written, so a symbolic
// link in the way or a file that exists leaves nothing half-scaffolded. The CLI and the editor's
// command share it; each words the outcome its own way.

import * as path from 'node:path';
import { checkWriteTarget, safeWriteFile, UnsafeWriteError } from '../safe-write';
import type { GeneratedFile } from './types';

export interface PlannedWrite {
  file: GeneratedFile;
  /** Absolute path. */
  target: string;
  exists: boolean;
}

export interface WritePlan {
  /** Every file to write (existing package markers left out: they are kept as they are). */
  writes: PlannedWrite[];
  /** Those that exist now: written only when the caller is allowed to overwrite. */
  conflicts: PlannedWrite[];
  /** Files that may not be written at all (a link in the way, a folder where a file goes). */
  refused: { file: GeneratedFile; error: UnsafeWriteError }[];
}

export async function planWrites(root: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  const plan: WritePlan = { writes: [], conflicts: [], refused: [] };
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    let exists: boolean;
    try {
      ({ exists } = await checkWriteTarget(root, target));
    } catch (error) {
      if (!(error instanceof UnsafeWriteError)) throw error;
      plan.refused.push({ file, error });
      continue;
    }
    if (exists && file.skipIfExists) continue;
    const write = { file, target, exists };
    plan.writes.push(write);
    if (exists) plan.conflicts.push(write);
  }
  return plan;
}

/** Writes a plan that has no refusals; existing files are overwritten (the caller asked first). */
export async function executeWrites(root: string, writes: readonly PlannedWrite[]): Promise<void> {
  for (const { file, target, exists } of writes) await safeWriteFile(root, target, file.content, { overwrite: exists });
}
