// `.gitignore` semantics: every .gitignore applies to the paths below its own folder, a deeper
// file can re-include (`!pattern`) what a shallower one excluded, and `.git/info/exclude` applies
// to the whole repository. Outside a git repository the files from the scanned folder down apply.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  base: string;
  rules: Ignore;
}

export class GitignoreRules {
  private readonly levelByDirectory = new Map<string, Level | null>();
  private readonly chainByDirectory = new Map<string, Level[]>();
  private readonly repositoryRootByDirectory = new Map<string, string | null>();

  /**
   * Whether `target` is ignored. `boundary` is where to start reading .gitignore files when the
   * target is not in a git repository (the folder the user asked to scan).
   */
  isIgnored(target: string, isDirectory: boolean, boundary: string): boolean {
    let ignored = false;
    for (const level of this.chain(path.dirname(target), boundary)) {
      const relative = path.relative(level.base, target);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const result = level.rules.test(relative.split(path.sep).join('/') + (isDirectory ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** The .gitignore levels that apply inside `directory`, outermost first. */
  private chain(directory: string, boundary: string): Level[] {
    const key = `${directory}\u0000${boundary}`;
    const cached = this.chainByDirectory.get(key);
    if (cached) return cached;
    const root = this.repositoryRoot(directory) ?? boundary;
    const directories: string[] = [];
    for (let current = directory; ; current = path.dirname(current)) {
      directories.unshift(current);
      if (current === root || path.dirname(current) === current) break;
      if (!isInside(current, root)) break;
    }
    const levels: Level[] = [];
    const exclude = this.repositoryRoot(directory);
    if (exclude) {
      const info = readRules(path.join(exclude, '.git', 'info', 'exclude'));
      if (info) levels.push({ base: exclude, rules: info });
    }
    for (const dir of directories) {
      const level = this.level(dir);
      if (level) levels.push(level);
    }
    this.chainByDirectory.set(key, levels);
    return levels;
  }

  private level(directory: string): Level | null {
    let level = this.levelByDirectory.get(directory);
    if (level === undefined) {
      const rules = readRules(path.join(directory, '.gitignore'));
      level = rules ? { base: directory, rules } : null;
      this.levelByDirectory.set(directory, level);
    }
    return level;
  }

  private repositoryRoot(directory: string): string | null {
    let root = this.repositoryRootByDirectory.get(directory);
    if (root === undefined) {
      const parent = path.dirname(directory);
      root = existsSync(path.join(directory, '.git')) ? directory : parent === directory ? null : this.repositoryRoot(parent);
      this.repositoryRootByDirectory.set(directory, root);
    }
    return root;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function readRules(file: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
