// What a walk leaves out besides dependency and build folders: paths a `.gitignore` excludes, and
// the `ignore` globs of the policy that governs the folder holding the path. Each policy pattern
// is relative to the folder of the policy file that declared it; the policy module's matcher
// knows those folders (also for patterns inherited through `extends`). With no policy file there
// is nothing to ignore.

import * as path from 'node:path';
import { createIgnoreMatcher, type IgnoreMatcher, type LoadedPolicy } from '../policy';
import type { FolderPolicies } from './folder-policies';
import { GitignoreRules } from './gitignore-rules';

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

export class IgnoreRules {
  private readonly gitignore = new GitignoreRules();

  constructor(private readonly policies: FolderPolicies) {}

  /**
   * Whether `target` is left out. `boundary`: where .gitignore files start to count when the
   * target is not in a git repository (the folder the user asked to walk).
   */
  isIgnored(target: string, isDirectory: boolean, boundary: string): boolean {
    if (this.gitignore.isIgnored(target, isDirectory, boundary)) return true;
    // The policy governing the folder that contains the target decides.
    return isIgnoredByPolicy(target, isDirectory, this.policies.forFolder(path.dirname(target)));
  }
}
