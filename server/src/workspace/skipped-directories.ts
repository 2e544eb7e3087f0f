// Folders that hold dependencies, build output or tool caches, never the project's own code; and
// hidden folders (`.backup-old-laptop/`, `.idea/`), which ripgrep and ast-grep leave out too: the
// copies and tool state kept there are not the code a team ships. A file in one is still analysed
// when named on the command line or opened in the editor.

import { existsSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.parcel-cache',
  'venv',
  '.venv',
  'virtualenv',
  '.virtualenv',
  '.tox',
  '.nox',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.eggs',
  'site-packages',
  '.phi-guard-cache',
]);

function isHidden(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

/** Whether a folder found while walking is skipped: by name, or because it is a Python venv. */
export function isSkippedDirectory(directory: string): boolean {
  const name = path.basename(directory);
  if (SKIPPED.has(name) || name.endsWith('.egg-info') || isHidden(name)) return true;
  // A virtualenv under any name (`env`, `.env-3.12`...) has a pyvenv.cfg at its top.
  return existsSync(path.join(directory, 'pyvenv.cfg'));
}
