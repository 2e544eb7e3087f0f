// A target project on disk for the generator's project helpers (project.ts): the CLI's `--out`
// folder and the project the editor's command scaffolds into are read the same way.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSkippedDirectory } from '../workspace/skipped-directories';
import type { ProjectReader } from './project';

const MAX_FILES = 20_000;
const MAX_DEPTH = 8;

/** Lists the project's files (depth-limited, dependency and build folders skipped) and reads them. */
export function fsProjectReader(root: string): ProjectReader {
  return {
    async list() {
      const files: string[] = [];
      const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
        if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
        const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          const relative = rel ? `${rel}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (isSkippedDirectory(full)) continue;
            // Folders too (trailing slash), so an empty `routes/` still shapes the layout.
            files.push(`${relative}/`);
            await walk(full, relative, depth + 1);
          } else if (entry.isFile()) files.push(relative);
          if (files.length >= MAX_FILES) return;
        }
      };
      await walk(root, '', 0);
      return files.sort();
    },
    async read(relativePath) {
      return fs.readFile(path.join(root, ...relativePath.split('/')), 'utf8').catch(() => undefined);
    },
  };
}
