// Is a file test code (docs/policy.md, `testCode`)? Its globs are gitignore-style and relative to
// a project folder: the top policy file's, else the root the front end analyses (the CLI's
// working folder, the editor's workspace folder). Without either, nothing is test code: a folder
// named `tests` above the project says nothing about the project's own files.

import ignore, { type Ignore } from 'ignore';
import * as path from 'node:path';
import type { TestCodePolicy } from './policy';

const matchers = new Map<string, Ignore>();

export function isTestCode(filePath: string, testCode: TestCodePolicy | undefined, projectRoot: string | undefined): boolean {
  const base = testCode?.base ?? projectRoot;
  if (!testCode || !base || testCode.paths.length === 0 || !path.isAbsolute(filePath)) return false;
  const relative = path.relative(base, filePath).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) return false;
  return matcherFor(testCode.paths).ignores(relative);
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
