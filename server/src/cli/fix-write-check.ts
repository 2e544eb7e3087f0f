// Which files `phi-guard fix` must leave alone: discovery follows links to files (reading is
// harmless), but a file is only ever written in place, inside its write root, through no link
// (safe-write.ts). A link to another file that is fixed itself is only a note; any other is a
// warning, and its findings stay reported.

import { promises as fs } from 'node:fs';
import { checkWriteTarget, UnsafeWriteError } from '../safe-write';
import { displayPath } from './display-path';
import { writeRootFor } from './write-root';

export type WriteRefusal =
  /** The file is a link to another file of this run, which is fixed as itself. */
  | { kind: 'alias'; message: string }
  | { kind: 'refused'; message: string };

/** `root`: the folder the file may be written inside (write-root.ts). */
export type WriteCheck = (file: string) => Promise<{ kind: 'writable'; root: string } | WriteRefusal>;

export function createWriteCheck(files: readonly string[], givenPaths: readonly string[], cwd: string): WriteCheck {
  let byRealPath: Promise<Map<string, string>> | undefined;
  // The files of this run that are not links, by real path; only built when a link turns up.
  const realPaths = () =>
    (byRealPath ??= Promise.all(
      files.map(async (file) => {
        const stat = await fs.lstat(file).catch(() => undefined);
        return stat?.isFile() ? ([await fs.realpath(file).catch(() => file), file] as const) : undefined;
      }),
    ).then((pairs) => new Map(pairs.filter((pair) => pair !== undefined))));
  const show = (absolute: string) => displayPath(absolute, cwd);

  return async (file) => {
    const root = writeRootFor(file, givenPaths, cwd);
    try {
      await checkWriteTarget(root, file);
      return { kind: 'writable', root };
    } catch (error) {
      if (!(error instanceof UnsafeWriteError)) throw error;
      if (error.reason === 'symlink' && error.entry === file) {
        const real = await fs.realpath(file).catch(() => undefined);
        const same = real === undefined ? undefined : (await realPaths()).get(real);
        if (same !== undefined) {
          return { kind: 'alias', message: `not fixed through the link: it points to '${show(same)}', which is fixed as itself` };
        }
      }
      return { kind: 'refused', message: `not fixed: ${error.describe(show)}` };
    }
  };
}
