// Writing a file inside a folder (the scanned tree, the project, the `--out` folder, the
// workspace folder) without ever following a symbolic link. A repository can plant
// `tree/link.py -> ../outside/secret.py` or a dangling `app/routers -> /somewhere`; a write
// through either would change or create a file the user never asked PHI Guard to touch.
// The folder itself is the caller's choice (it may be reached through links); everything
// between it and the file is checked with lstat and never followed.

import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';

export type UnsafeWriteReason = 'outside-root' | 'symlink' | 'not-a-file' | 'not-a-folder';

/** A write refused before anything was written. `entry` (absolute) is the path at fault: the link itself, never its target. */
export class UnsafeWriteError extends Error {
  constructor(
    readonly reason: UnsafeWriteReason,
    readonly entry: string,
    readonly root: string,
  ) {
    super(describeRefusal(reason, entry, root, (absolute) => absolute));
    this.name = 'UnsafeWriteError';
  }

  /** The message with paths shown the caller's way (relative to the cwd, to the workspace). */
  describe(show: (absolutePath: string) => string): string {
    return describeRefusal(this.reason, this.entry, this.root, show);
  }
}

function describeRefusal(reason: UnsafeWriteReason, entry: string, root: string, show: (absolutePath: string) => string): string {
  switch (reason) {
    case 'symlink':
      return `'${show(entry)}' is a symbolic link; files are never written through a link`;
    case 'outside-root':
      return `'${show(entry)}' is outside '${show(root)}'`;
    case 'not-a-file':
      return `'${show(entry)}' is not a regular file`;
    case 'not-a-folder':
      return `'${show(entry)}' is a file, not a folder`;
  }
}

/**
 * Whether `target` may be written inside `root`; throws UnsafeWriteError when not. `exists`: a
 * regular file is there now (to overwrite only when asked).
 */
export async function checkWriteTarget(root: string, target: string): Promise<{ exists: boolean }> {
  const base = path.resolve(root);
  const file = path.resolve(target);
  const baseStat = await lstatIfAny(base, true);
  if (baseStat && !baseStat.isDirectory()) throw new UnsafeWriteError('not-a-folder', base, base);
  const parts = componentsBelow(base, file);
  let current = base;
  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    const stat = await lstatIfAny(current);
    // Nothing from here down exists yet: it is created fresh, never through anything.
    if (!stat) return { exists: false };
    if (stat.isSymbolicLink()) throw new UnsafeWriteError('symlink', current, base);
    const isLast = index === parts.length - 1;
    if (isLast && !stat.isFile()) throw new UnsafeWriteError('not-a-file', current, base);
    if (!isLast && !stat.isDirectory()) throw new UnsafeWriteError('not-a-folder', current, base);
  }
  return { exists: true };
}

/**
 * Writes `data` to `target` inside `root` (created if missing), creating the folders between
 * them. Throws UnsafeWriteError as checkWriteTarget does, and an EEXIST error when the file
 * exists and `overwrite` is not set.
 */
export async function safeWriteFile(root: string, target: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  const base = path.resolve(root);
  const file = path.resolve(target);
  const { exists } = await checkWriteTarget(base, file);
  await fs.mkdir(base, { recursive: true });
  await makeFolders(base, file);
  if (!exists || !options.overwrite) {
    // O_CREAT | O_EXCL fails on anything already there, a link planted since the check included.
    await fs.writeFile(file, data, { flag: 'wx' });
    return;
  }
  // O_NOFOLLOW: a link swapped in since the check fails instead of being followed; O_NONBLOCK:
  // a FIFO swapped in fails instead of hanging. Neither flag exists on Windows (0 there).
  const flags = constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let handle;
  try {
    handle = await fs.open(file, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafeWriteError('symlink', file, base);
    throw error;
  }
  try {
    // Truncated only once it is known to be a regular file, not a device swapped in.
    if (!(await handle.stat()).isFile()) throw new UnsafeWriteError('not-a-file', file, base);
    await handle.truncate(0);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** The path components from `base` down to `file`; throws when `file` is not strictly inside. */
function componentsBelow(base: string, file: string): string[] {
  const relative = path.relative(base, file);
  const parts = relative.split(path.sep);
  if (relative === '' || path.isAbsolute(relative) || parts[0] === '..') throw new UnsafeWriteError('outside-root', file, base);
  return parts;
}

/** Creates the folders between `base` and `file` one by one, refusing any that is (or became) a link. */
async function makeFolders(base: string, file: string): Promise<void> {
  let current = base;
  for (const part of componentsBelow(base, file).slice(0, -1)) {
    current = path.join(current, part);
    try {
      await fs.mkdir(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = await fs.lstat(current);
    if (stat.isSymbolicLink()) throw new UnsafeWriteError('symlink', current, base);
    if (!stat.isDirectory()) throw new UnsafeWriteError('not-a-folder', current, base);
  }
}

/** lstat, or undefined when nothing is there. `follow`: stat instead (the root is the caller's choice). */
async function lstatIfAny(entry: string, follow = false): Promise<Stats | undefined> {
  try {
    return follow ? await fs.stat(entry) : await fs.lstat(entry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
