// Turns paths (the command line's, the editor's workspace folders) into the source files to
// analyse: folders are walked for supported extensions, skipping dependency/build folders,
// .gitignore'd paths and the policy's `ignore` globs. Explicitly named files go through the same
// ignore rules, so a pre-commit hook that passes every staged file still respects them.

import { existsSync, promises as fs, readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { languageFromPath } from '../engine';
import type { FolderPolicies } from './folder-policies';
import { IgnoreRules } from './ignore-rules';
import { isSkippedDirectory } from './skipped-directories';

export interface Discovery {
  /** Absolute paths, in a stable order, without duplicates. */
  files: string[];
  /** Given paths that do not exist. */
  missing: string[];
  /** Files and folders left out by .gitignore or the policy's `ignore`. */
  ignoredCount: number;
  /** Folders that could not be read (absolute paths, with the error code). */
  unreadableDirectories: { path: string; error: string }[];
  /** Source files listed in a folder that could not be reached: dangling or looping symlinks. */
  unreadableFiles: { path: string; error: string }[];
  /**
   * Each folder walked in full, with the .gitignore boundary it was walked with: its files are
   * `files[start..end)` (a walk lists a folder's files together). Lets a later walk of the same
   * folder (the CLI's workspace index of a project) take them instead (`listedUnder`).
   */
  folders?: Map<string, { boundary: string; start: number; end: number }>;
}

/** Folders listed between two turns of the event loop. */
const DIRECTORIES_PER_TURN = 16;

export async function findSourceFiles(paths: readonly string[], cwd: string, policies: FolderPolicies): Promise<Discovery> {
  const folders = new Map<string, { boundary: string; start: number; end: number }>();
  const discovery: Discovery = { files: [], missing: [], ignoredCount: 0, unreadableDirectories: [], unreadableFiles: [], folders };
  const seen = new Set<string>();
  // Files a walk met again (paths given twice, or one inside another): a folder whose walk met one does not list all its files in its range.
  let repeated = 0;
  const rules = new IgnoreRules(policies);
  const isIgnored = (target: string, isDirectory: boolean, boundary: string): boolean => rules.isIgnored(target, isDirectory, boundary);

  const addFile = (file: string) => {
    if (seen.has(file)) {
      repeated++;
      return;
    }
    seen.add(file);
    discovery.files.push(file);
  };

  let listed = 0;
  const walk = async (directory: string, boundary: string): Promise<void> => {
    // Listed synchronously, a turn of the event loop every few folders: one asynchronous
    // `readdir` per folder (a thread-pool round trip each) made discovery of a 1,500-folder
    // project take seconds, mostly waiting, and the editor's first diagnostics wait for it.
    if (++listed % DIRECTORIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      discovery.unreadableDirectories.push({ path: directory, error: errorCode(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const start = discovery.files.length;
    const repeatedBefore = repeated;
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (cycles, and code outside the tree).
        let target: Awaited<ReturnType<typeof fs.stat>> | undefined;
        try {
          target = await fs.stat(full);
        } catch (error) {
          // A dangling link (its file deleted) or a loop: a source file we cannot read is said,
          // never silently dropped.
          if (languageFromPath(full) && !isIgnored(full, false, boundary)) {
            discovery.unreadableFiles.push({ path: full, error: errorCode(error) });
          }
          continue;
        }
        isFile = target.isFile();
        isDirectory = false;
      }
      if (isDirectory) {
        if (isSkippedDirectory(full)) continue;
        if (isIgnored(full, true, boundary)) {
          discovery.ignoredCount++;
          continue;
        }
        await walk(full, boundary);
      } else if (isFile && languageFromPath(full)) {
        if (isIgnored(full, false, boundary)) discovery.ignoredCount++;
        else addFile(full);
      }
    }
    if (repeated === repeatedBefore) folders.set(directory, { boundary, start, end: discovery.files.length });
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) {
      discovery.missing.push(given);
    } else if (stat.isDirectory()) {
      await walk(absolute, gitignoreBoundary(absolute, cwd));
    } else if (isIgnored(absolute, false, gitignoreBoundary(path.dirname(absolute), cwd))) {
      discovery.ignoredCount++;
    } else {
      addFile(absolute);
    }
  }
  return discovery;
}

/**
 * The source files a walk of `folder` from `cwd` would find, taken from an earlier discovery
 * made with the same policies, or undefined when it did not walk that folder in full. The
 * .gitignore boundary only matters outside a git repository: inside one, both walks read the
 * repository's .gitignore files whatever folder they started from.
 */
export function listedUnder(discovery: Discovery, folder: string, cwd: string): string[] | undefined {
  const walked = discovery.folders?.get(folder);
  if (!walked) return undefined;
  if (walked.boundary !== gitignoreBoundary(folder, cwd) && !isInGitRepository(folder)) return undefined;
  return discovery.files.slice(walked.start, walked.end);
}

function isInGitRepository(folder: string): boolean {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * Outside a git repository, .gitignore files are read from here down: the cwd when the path is
 * inside it (so `phi-guard scan src` still honours ./.gitignore), else the folder itself.
 */
function gitignoreBoundary(directory: string, cwd: string): string {
  const relative = path.relative(cwd, directory);
  return relative.startsWith('..') || path.isAbsolute(relative) ? directory : cwd;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
