// The folder `phi-guard fix` may write a file inside (see safe-write.ts). The working folder for
// files inside it, so a link anywhere between it and the file (a planted `src -> /elsewhere`
// named on the command line, or staged by a pre-commit hook) is refused; for a file outside it,
// the folder given on the command line that holds it, else the file's own folder.

import * as path from 'node:path';

export function writeRootFor(file: string, givenPaths: readonly string[], cwd: string): string {
  if (isStrictlyInside(file, cwd)) return cwd;
  let root: string | undefined;
  for (const given of givenPaths) {
    const absolute = path.resolve(cwd, given);
    if (isStrictlyInside(file, absolute) && (!root || absolute.length > root.length)) root = absolute;
  }
  return root ?? path.dirname(file);
}

function isStrictlyInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}
