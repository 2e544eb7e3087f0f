// The project a chosen folder belongs to: the nearest folder at or above it (inside its workspace
// folder) with a package.json / pyproject.toml / requirements.txt..., else the workspace folder.
// The generator follows that project's layout and writes there.

import { existsSync } from 'node:fs';
import * as path from 'node:path';

const MANIFESTS = ['package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'Pipfile'];
const MAX_LEVELS = 12;

export function projectRootOf(folder: string, workspaceFolder: string): string {
  const top = path.resolve(workspaceFolder);
  let current = path.resolve(folder);
  for (let level = 0; level < MAX_LEVELS && isInside(current, top); level++) {
    if (MANIFESTS.some((manifest) => existsSync(path.join(current, manifest)))) return current;
    if (current === top) break;
    current = path.dirname(current);
  }
  return top;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
