// What git says about the scanned tree, for the compliance report: the commit it describes and
// who added each suppression comment. Only commit hashes, author names and dates are kept: the
// source line `git blame --porcelain` prints is dropped here and never reaches the report.
//
// git runs with the repository's fsmonitor hook and textconv drivers turned off, so producing a
// report never runs a command a repository's configuration names.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { LineAuthor, Revision } from './model';

const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false'];
const UNCOMMITTED = /^0{40}$/;

function git(args: readonly string[], cwd: string): string | undefined {
  const result = spawnSync('git', [...SAFE_CONFIG, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout;
}

/** The commit `folder` is at; `{}` outside a repository, or when git is not installed. */
export function gitRevision(folder: string): Revision {
  const commit = git(['rev-parse', '--verify', '--quiet', 'HEAD'], folder)?.trim();
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) return insideWorkTree(folder) ? { repository: true } : {};
  const branch = git(['symbolic-ref', '--quiet', '--short', 'HEAD'], folder)?.trim() || undefined;
  const status = git(['status', '--porcelain', '--untracked-files=no', '--ignore-submodules'], folder);
  const shallow = git(['rev-parse', '--is-shallow-repository'], folder)?.trim() === 'true';
  return { repository: true, commit, branch, shallow: shallow || undefined, uncommittedChanges: status === undefined ? undefined : status.trim().length > 0 };
}

/**
 * `git blame` of single lines, each answer kept: one report asks once per suppression comment.
 * Undefined for a file outside a repository or not tracked; `{}` without commit for a line not
 * committed yet.
 */
export function createBlame(): (absolutePath: string, line: number) => LineAuthor | undefined {
  const cache = new Map<string, LineAuthor | undefined>();
  return (absolutePath, line) => {
    const key = `${absolutePath}\u0000${line}`;
    if (cache.has(key)) return cache.get(key);
    const folder = path.dirname(absolutePath);
    const output = git(['blame', '--porcelain', '--no-textconv', '-L', `${line},${line}`, '--', path.basename(absolutePath)], folder);
    // A file git does not track yet, inside a work tree, is as uncommitted as a changed line.
    const author = output !== undefined ? parsePorcelain(output) : insideWorkTree(folder) ? {} : undefined;
    cache.set(key, author);
    return author;
  };
}

const workTrees = new Map<string, boolean>();

function insideWorkTree(folder: string): boolean {
  let inside = workTrees.get(folder);
  if (inside === undefined) workTrees.set(folder, (inside = git(['rev-parse', '--is-inside-work-tree'], folder)?.trim() === 'true'));
  return inside;
}

/** The header of `git blame --porcelain` for one line; the line's text (after a tab) is skipped. */
export function parsePorcelain(output: string): LineAuthor | undefined {
  const lines = output.split('\n');
  const commit = lines[0]?.split(' ')[0];
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
  if (UNCOMMITTED.test(commit)) return {};
  const entry: LineAuthor = { commit };
  for (const line of lines.slice(1)) {
    if (line.startsWith('\t')) break;
    if (line.startsWith('author ')) entry.author = line.slice('author '.length).trim();
    else if (line.startsWith('author-time ')) {
      const seconds = Number(line.slice('author-time '.length));
      if (Number.isFinite(seconds)) entry.date = new Date(seconds * 1000).toISOString().slice(0, 10);
    }
  }
  return entry;
}

/** How the report names what it describes. */
export function describeRevision(revision: Revision): string {
  if (!revision.commit) return revision.repository ? 'a git repository with no commit yet' : 'not a git repository';
  const parts = [`commit ${revision.commit}`];
  if (revision.branch) parts.push(`(branch ${revision.branch})`);
  if (revision.uncommittedChanges) parts.push('with uncommitted changes');
  if (revision.shallow) parts.push('(a shallow clone: lines older than its history are attributed to its oldest commit)');
  return parts.join(' ');
}
