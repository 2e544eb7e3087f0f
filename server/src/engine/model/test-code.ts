// Is a file test code (docs/policy.md, `testCode`)? Its globs are gitignore-style and relative to
// a project folder: the top policy file's when the file is inside it, else the root the front end
// analyses (the CLI's working folder, the editor's workspace folder; a policy given from outside
// the tree, `--policy ../org/phi-guard.json`, says nothing about where the tree's tests are).
// Without either, nothing is test code: a folder named `tests` above the project says nothing
// about the project's own files.

import ignore, { type Ignore } from 'ignore';
import * as path from 'node:path';
import type { TestCodePolicy } from './policy';

const matchers = new Map<string, Ignore>();

export function isTestCode(filePath: string, testCode: TestCodePolicy | undefined, projectRoot: string | undefined): boolean {
  if (!testCode || testCode.paths.length === 0 || !path.isAbsolute(filePath)) return false;
  const relative = relativeInside(testCode.base, filePath) ?? relativeInside(projectRoot, filePath);
  return relative !== undefined && matcherFor(testCode.paths).ignores(relative);
}

/** `filePath` relative to `folder` (POSIX separators) when it is inside it. */
function relativeInside(folder: string | undefined, filePath: string): string | undefined {
  if (!folder) return undefined;
  const relative = path.relative(folder, filePath).split(path.sep).join('/');
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return undefined;
  return relative;
}

function matcherFor(paths: string[]): Ignore {
  const key = paths.join('\u0000');
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size > 32) matchers.clear();
    matcher = ignore().add(paths);
    matchers.set(key, matcher);
  }
  return matcher;
}
