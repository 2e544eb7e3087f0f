// The workspace index of `phi-guard scan` (docs/architecture.md, "Flows across functions and
// files"): before the files asked for are analysed, every source file of their project is
// summarised, so a leak through a helper in a file not named on the command line (a pre-commit
// hook's staged files, --changed-since) is found as a full scan finds it. Calls are resolved
// through imports only, so the files the reported ones import (directly or not) are all a
// finding can depend on: those are summarised, the rest of the project is only listed. The
// index holds summaries only: no source text, no syntax trees.
//
// A file's project is the folder of its policy file, else the nearest folder with a project file
// (.git, pyproject.toml, package.json, ...) not above the working directory, else the working
// directory, else (files outside it) the common folder of the scan's targets. Its files are
// discovered with the scan's own ignore rules.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { summarizeFile, WorkspaceIndex, type FileSummary, type PathAliases } from '../engine';
import type { FolderPolicies } from '../workspace/folder-policies';
import { tsconfigPaths } from '../workspace/tsconfig-paths';
import { findSourceFiles, listedUnder, type Discovery } from '../workspace/find-source-files';
import { readSourceFile } from './source-file';
import type { ScanCache } from './cache/scan-cache';
import { contentHash } from './parallel/file-job';

/** An index as plain data, for the scan workers. */
export interface WorkspaceData {
  root: string;
  aliases?: PathAliases;
  summaries: FileSummary[];
  /**
   * Sliced (summaries sent with each file instead, see ProjectIndexes.closureOf): the files that
   * have a summary, so imports resolve as they do with all the summaries.
   */
  summarised?: string[];
}

export class ProjectIndexes {
  private readonly byFile = new Map<string, number>();
  /** By index id: the files asked for that it was made for. */
  readonly members: string[][] = [];
  /** After pack(): each workspace's summaries, serialized, by file; the indexes hold none. */
  private packed?: Map<string, Uint8Array>[];

  constructor(readonly indexes: WorkspaceIndex[], readonly aliases: (PathAliases | undefined)[]) {}

  assign(file: string, id: number): void {
    this.byFile.set(file, id);
  }

  /** The index a file is analysed with, and its id among `data()`. */
  forFile(file: string): { id: number; index: WorkspaceIndex } | undefined {
    const id = this.byFile.get(file);
    return id === undefined ? undefined : { id, index: this.indexes[id] };
  }

  /** `sliced`: without the summaries, which go with each file's analysis (closureOf). */
  data(sliced = false): WorkspaceData[] {
    return this.indexes.map((index, id) => {
      const summaries = index.summaries();
      const common = { root: index.root, ...(this.aliases[id] ? { aliases: this.aliases[id] } : {}) };
      return sliced ? { ...common, summaries: [], summarised: summaries.map((summary) => summary.path) } : { ...common, summaries };
    });
  }

  /**
   * For a scan that sends each analysis the summaries it reads before the whole index is built
   * (the pipelined scan): every file of each project, summarised or not yet, so imports resolve
   * in the workers as they do on the main thread.
   */
  knownFilesData(): WorkspaceData[] {
    return this.indexes.map((index, id) => ({ root: index.root, ...(this.aliases[id] ? { aliases: this.aliases[id] } : {}), summaries: [], summarised: index.knownFiles() }));
  }

  /**
   * Serializes the summaries and empties the indexes: while workers analyse the files with slices
   * of the index, the main thread holds the summaries' bytes only (a third of the objects' size,
   * outside the JavaScript heap) and sends them as they are. unpack() undoes it.
   */
  pack(): void {
    if (this.packed) return;
    this.packed = this.indexes.map((index) => {
      const bytes = new Map<string, Uint8Array>();
      for (const summary of index.summaries()) bytes.set(summary.path, serialize(summary));
      index.clearSummaries();
      return bytes;
    });
  }

  /** The indexes with their summaries again (the main thread analyses files after all). */
  unpack(): void {
    const packed = this.packed;
    if (!packed) return;
    this.packed = undefined;
    packed.forEach((bytes, id) => {
      for (const summary of bytes.values()) this.indexes[id].set(deserialize(summary) as FileSummary);
    });
  }

  /** A file's summary as pack() serialized it. */
  packedSummary(id: number, file: string): Uint8Array | undefined {
    return this.packed?.[id]?.get(file);
  }

  /**
   * The summarised files whose summaries a file's analysis reads: the file and what it imports,
   * directly or not (calls resolve through imports only: the dependency key's premise), the file first.
   */
  closureOf(file: string): string[] {
    const index = this.forFile(file)?.index;
    if (!index?.file(file)) return [];
    const closure = [file];
    const seen = new Set(closure);
    for (let next = 0; next < closure.length; next++) {
      for (const imported of index.importsOf(closure[next])) {
        if (seen.has(imported) || !index.file(imported)) continue;
        seen.add(imported);
        closure.push(imported);
      }
    }
    return closure;
  }
}

export function indexFromData(data: WorkspaceData): WorkspaceIndex {
  const index = new WorkspaceIndex(data.root, data.aliases);
  if (data.summarised) index.addKnownFiles(data.summarised);
  for (const summary of data.summaries) index.set(summary);
  return index;
}

export interface IndexOptions {
  cwd: string;
  policies: FolderPolicies;
  maxFileSizeKb?: number;
  /** Files already summarised (undefined: tried, nothing to follow): the reported ones, by the scan's first pass. */
  summarised?: ReadonlyMap<string, FileSummary | undefined>;
  /** With `--shard`: every file of the scan, so a shard places files outside the cwd as the whole scan does. */
  scanTargets?: readonly string[];
  /** `--cache`: summaries of the imported files too, so a shard need not summarise other shards' files again. */
  cache?: ScanCache;
  /** The scan's discovery (same policies): the projects' files are taken from it where it walked their folders. */
  discovery?: Discovery;
}

export async function buildProjectIndexes(targets: readonly string[], options: IndexOptions): Promise<ProjectIndexes> {
  const projects = await planProjectIndexes(targets, options);
  await fillProjectIndexes(projects, options);
  return projects;
}

/**
 * The projects of the files asked for, each index knowing its project's files (imports resolve
 * against them) but holding no summary yet: fillProjectIndexes, or a scan that adds summaries as
 * they come (scan-runner.ts, the pipelined scan), fills them.
 */
export async function planProjectIndexes(targets: readonly string[], options: Pick<IndexOptions, 'cwd' | 'policies' | 'scanTargets' | 'discovery'>): Promise<ProjectIndexes> {
  const fallback = commonFolder(options.scanTargets ?? targets) ?? options.cwd;
  const roots = new Map<string, string[]>();
  const marked = new Map<string, boolean>();
  for (const file of targets) {
    const root = projectRootOf(file, options.policies, options.cwd, fallback, marked);
    const list = roots.get(root) ?? [];
    list.push(file);
    roots.set(root, list);
  }
  const indexes: WorkspaceIndex[] = [];
  const aliases: (PathAliases | undefined)[] = [];
  const projects = new ProjectIndexes(indexes, aliases);
  // Files read only to follow calls into them: their folders' policy problems are not reported.
  const quiet = options.policies.unreported();
  for (const [root, files] of roots) {
    const id = indexes.length;
    const pathAliases = tsconfigPaths(root);
    const index = new WorkspaceIndex(root, pathAliases);
    indexes.push(index);
    aliases.push(pathAliases);
    // The scan's own discovery listed the project's files already when it walked its folder.
    const listed = options.discovery && listedUnder(options.discovery, root, options.cwd);
    index.addKnownFiles(listed ?? (await findSourceFiles([root], options.cwd, quiet)).files);
    index.addKnownFiles(files);
    for (const file of files) projects.assign(file, id);
    projects.members.push(files);
  }
  return projects;
}

/**
 * Summarises what the files asked for import, directly or not, into their indexes (taking the
 * summaries already made from `options.summarised`). Only those can change their findings: the
 * rest of the project is listed (for resolving imports) but not read.
 */
export async function fillProjectIndexes(projects: ProjectIndexes, options: IndexOptions): Promise<void> {
  const quiet = options.policies.unreported();
  for (const [id, files] of projects.members.entries()) {
    const index = projects.indexes[id];
    const reported = new Set(files);
    const queue = [...files];
    const seen = new Set(queue);
    for (let next = 0; next < queue.length; next++) {
      const file = queue[next];
      const summary = options.summarised?.has(file) ? options.summarised.get(file) : await summaryOf(file, reported.has(file) ? options.policies : quiet, options);
      if (!summary) continue;
      index.set(summary);
      for (const imported of index.importsOf(file)) {
        if (seen.has(imported)) continue;
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
}

async function summaryOf(file: string, policies: FolderPolicies, options: IndexOptions): Promise<FileSummary | undefined> {
  const read = await readSourceFile(file, options.maxFileSizeKb);
  if (!read.ok) return undefined;
  const policy = policies.forFile(file).policy;
  // Keyed as the scan keys the summaries of the files it reports (content and policy).
  const key = options.cache?.keyFor(contentHash(read.bytes), policy);
  const cached = key !== undefined ? options.cache!.getSummary(file, key) : undefined;
  if (cached) return cached;
  try {
    const summary = summarizeFile({ text: read.source.text, path: file }, policy, { maxFileSizeKb: options.maxFileSizeKb });
    if (summary && key !== undefined) options.cache!.setSummary(file, key, summary);
    return summary;
  } catch {
    // A file the engine cannot summarise is followed by no call; its own analysis reports the failure.
    return undefined;
  }
}

/** Files that mark a project's folder. */
const PROJECT_MARKERS = ['.git', 'pyproject.toml', 'setup.py', 'setup.cfg', 'package.json', 'tsconfig.json'];

/**
 * `marked`: whether a folder holds a project marker, remembered across the files of one plan (a
 * scan of thousands of files in a few hundred folders asks the file system once per folder).
 */
function projectRootOf(file: string, policies: FolderPolicies, cwd: string, fallback: string, marked: Map<string, boolean>): string {
  const policyFile = policies.forFile(file).file;
  if (policyFile && isInside(file, path.dirname(policyFile))) return path.dirname(policyFile);
  // Never above the working directory when the file is inside it: a scan run in a project
  // (a pre-commit hook, CI) indexes that project, not the folders around it.
  const stop = isInside(file, cwd) ? cwd : undefined;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    let hasMarker = marked.get(dir);
    if (hasMarker === undefined) marked.set(dir, (hasMarker = PROJECT_MARKERS.some((marker) => existsSync(path.join(dir, marker)))));
    if (hasMarker) return dir;
    if (dir === stop || path.dirname(dir) === dir) break;
  }
  if (stop) return stop;
  return isInside(file, fallback) ? fallback : path.dirname(file);
}

function commonFolder(files: readonly string[]): string | undefined {
  if (!files.length) return undefined;
  let common = path.dirname(files[0]);
  for (const file of files) while (!isInside(file, common)) common = path.dirname(common);
  return common;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative);
}

