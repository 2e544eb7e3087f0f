// The policy for a source file, cached per policy file: scanning thousands of files reads and
// validates each policy once. An entry is reused only while every file it read (the policy, the
// files it extends, and extended files that were missing) is unchanged on disk.

import path from 'node:path';
import { defaultPolicy } from './defaults';
import { findPolicyFile } from './find-policy-file';
import { loadPolicyFileTracked, statFile, type PolicyDependencies } from './policy-loader';
import type { LoadedPolicy } from './types';

export interface PolicyLookupOptions {
  /** A policy file to use instead of the nearest `phi-guard.json` (resolved from the cwd). */
  policyPath?: string;
  /** Do not look for `phi-guard.json` above this folder (e.g. the workspace folder). */
  stopAt?: string;
}

const cache = new Map<string, { loaded: LoadedPolicy; dependencies: PolicyDependencies }>();

/**
 * The policy that applies to the files directly inside `folder`: `policyPath` when given, else
 * the nearest `phi-guard.json` in the folder or above, else the defaults (no file, no
 * diagnostics). The result may be shared with other callers: treat it as read-only.
 */
export function loadPolicyForFolder(folder: string, options: PolicyLookupOptions = {}): LoadedPolicy {
  const policyFile = options.policyPath ? path.resolve(options.policyPath) : findPolicyFile(path.resolve(folder), options.stopAt);
  if (!policyFile) return { policy: defaultPolicy(), files: [], diagnostics: [] };
  const cached = cache.get(policyFile);
  if (cached && isUnchanged(cached.dependencies)) return cached.loaded;
  const { loaded, dependencies } = loadPolicyFileTracked(policyFile);
  cache.set(policyFile, { loaded, dependencies });
  return loaded;
}

/** The policy that applies to `sourceFile` (which need not exist): that of its folder. */
export function loadPolicyForFile(sourceFile: string, options: PolicyLookupOptions = {}): LoadedPolicy {
  return loadPolicyForFolder(path.dirname(path.resolve(sourceFile)), options);
}

/** Forget every cached policy (e.g. when the editor reports a policy file changed). */
export function clearPolicyCache(): void {
  cache.clear();
}

/** statFile() never throws: an `extends` path the file system refuses must not break a cache hit. */
function isUnchanged(dependencies: PolicyDependencies): boolean {
  for (const [file, state] of dependencies) {
    if (statFile(file).state !== state) return false;
  }
  return true;
}
