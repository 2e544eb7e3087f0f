// The policy's `ignore` globs. Each pattern is relative to the folder of the policy file that
// declared it (gitignore semantics, as in a .gitignore in that folder), so a pattern from an
// extended file elsewhere keeps meaning what its author meant.

import ignore, { type Ignore } from 'ignore';
import path from 'node:path';
import type { IgnoreGroup, ResolvedPolicy } from './types';

/**
 * Rewrites a gitignore pattern declared in `declaringFolder` so it means the same relative to
 * `topFolder`, or returns undefined when that cannot be expressed (then only the exact matcher,
 * which knows every pattern's own folder, applies it).
 */
export function rebaseIgnorePattern(pattern: string, declaringFolder: string, topFolder: string): string | undefined {
  const up = toPosix(path.relative(topFolder, declaringFolder));
  if (up === '') return pattern;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  if (body === '' || body.startsWith('#')) return undefined;
  // gitignore: a slash at the start or in the middle anchors the pattern to its folder;
  // otherwise it matches at any depth below it.
  const anchored = body.replace(/\/+$/, '').includes('/');
  const relative = body.replace(/^\/+/, '');
  let rebased: string | undefined;
  if (!isOutside(up)) {
    rebased = anchored ? `${up}/${relative}` : `${up}/**/${relative}`;
  } else if (up.split('/').every((segment) => segment === '..')) {
    // The declaring folder is an ancestor of the top folder.
    const down = toPosix(path.relative(declaringFolder, topFolder));
    if (!anchored) rebased = relative;
    else if (relative.startsWith('**/')) rebased = relative;
    else if (relative.startsWith(`${down}/`)) {
      const rest = relative.slice(down.length + 1);
      if (rest === '' || rest === '/') rebased = '**';
      else rebased = rest.replace(/\/+$/, '').includes('/') ? rest : `/${rest}`;
    }
  }
  if (rebased === undefined) return undefined;
  return negated ? `!${rebased}` : rebased;
}

export type IgnoreMatcher = (file: string, isDirectory?: boolean) => boolean;

/**
 * A matcher for absolute (or cwd-relative) file paths. Uses `policy.ignoreGroups` (exact: every
 * pattern against its own folder, later groups may re-include with `!`); a policy without groups
 * (built by hand) has its `ignore` patterns taken relative to `baseDir`.
 */
export function createIgnoreMatcher(policy: ResolvedPolicy, baseDir: string = process.cwd()): IgnoreMatcher {
  const groups: IgnoreGroup[] = policy.ignoreGroups ?? (policy.ignore.length > 0 ? [{ base: baseDir, patterns: policy.ignore }] : []);
  const compiled: { base: string; matcher: Ignore }[] = groups
    .filter((group) => group.patterns.length > 0)
    .map((group) => ({ base: path.resolve(group.base), matcher: ignore().add(group.patterns) }));
  return (file, isDirectory = false) => {
    let ignored = false;
    const absolute = path.resolve(file);
    for (const { base, matcher } of compiled) {
      const relative = toPosix(path.relative(base, absolute));
      if (relative === '' || isOutside(relative)) continue;
      const verdict = matcher.test(isDirectory ? `${relative}/` : relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  };
}

const matcherCache = new WeakMap<ResolvedPolicy, IgnoreMatcher>();

/** Whether the policy's `ignore` excludes the file (matcher compiled once per policy object). */
export function isIgnoredByPolicy(policy: ResolvedPolicy, file: string, isDirectory = false): boolean {
  let matcher = matcherCache.get(policy);
  if (!matcher) {
    matcher = createIgnoreMatcher(policy);
    matcherCache.set(policy, matcher);
  }
  return matcher(file, isDirectory);
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
}
