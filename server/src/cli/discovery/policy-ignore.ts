// The policy's `ignore` globs (gitignore syntax). Each pattern is relative to the folder of the
// policy file that declared it; the policy module's matcher knows those folders (also for
// patterns inherited through `extends`). With no policy file there is nothing to ignore.

import * as path from 'node:path';
import { createIgnoreMatcher, type IgnoreMatcher, type LoadedPolicy } from '../../policy';

const matchers = new WeakMap<LoadedPolicy, IgnoreMatcher | null>();

export function isIgnoredByPolicy(target: string, isDirectory: boolean, loaded: LoadedPolicy): boolean {
  let matcher = matchers.get(loaded);
  if (matcher === undefined) {
    const hasPatterns = loaded.policy.ignore.length > 0 || (loaded.policy.ignoreGroups ?? []).some((g) => g.patterns.length > 0);
    matcher = loaded.file && hasPatterns ? createIgnoreMatcher(loaded.policy, path.dirname(loaded.file)) : null;
    matchers.set(loaded, matcher);
  }
  return matcher ? matcher(target, isDirectory) : false;
}
