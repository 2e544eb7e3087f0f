// `phi-guard scan --shard K/N`: one of N CI jobs reports on its share of the files, and
// `phi-guard merge` (commands/merge.ts) joins the N reports into the report one run would give.
//
// The partition is by a hash of each path as reports display it (relative to the working
// directory, forward slashes), so every machine and OS puts a file in the same shard whatever
// order its file system lists folders in, and adding a file never moves the others (a shard's
// --cache stays warm). Every shard still discovers the whole tree: the audit context (Django
// settings, global guards) and the workspace index that follows calls into other files are the
// whole tree's, so a shard's findings are exactly the ones a single run gives for its files.
//
// A shard's JSON or SARIF report carries what merging needs (`ShardInfo`): which shard it is, a
// hash of the whole tree (paths and contents) and of the settings, and for each of its "units"
// (folders not read, files not reached, files scanned) the unit's place in the whole run and how
// many entries of each list of the report belong to it. Merging then interleaves the shards'
// entries by those places: the same order, counts and notices as a single run.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { effectiveBaa, type ResolvedPolicy } from '../engine';
import { displayPath } from './display-path';
import type { Notice, ScanReport } from './report';
import type { ScanSummary } from './format/summary';
import { UsageError } from './usage-error';
import type { Discovery } from '../workspace/find-source-files';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** The most shards a run may be split into: beyond it a CI matrix is surely a typo. */
export const MAX_SHARDS = 256;

/** `--shard K/N`, 1-based (`2/4`): the second of four shards. */
export function parseShard(value: string | boolean | undefined, command: string): ShardSpec | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim()) : null;
  if (!match) throw new UsageError(`invalid value '${String(value)}' for '--shard': expected K/N, e.g. 2/4 (the second of four shards)`, command);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`invalid value '${value}' for '--shard': the number of shards must be 1 to ${MAX_SHARDS}`, command);
  if (index < 1 || index > count) throw new UsageError(`invalid value '${value}' for '--shard': the shard must be 1 to ${count}`, command);
  return { index, count };
}

/** The shard (1-based) of a path as reports display it. */
export function shardOfPath(display: string, count: number): number {
  const digest = createHash('sha256').update(display, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** A unit of the partition: something the report has entries for, by its absolute path. */
export interface ShardUnit {
  path: string;
  display: string;
  /** Its place in the whole run's order: folders not read, then files not reached, then files. */
  position: number;
}

/** The whole tree's units, in the order a single run reports them. */
export function allUnits(discovery: Discovery, files: readonly string[], cwd: string): ShardUnit[] {
  const paths = [...discovery.unreadableDirectories.map((d) => d.path), ...discovery.unreadableFiles.map((f) => f.path), ...files];
  return paths.map((file, position) => ({ path: file, display: displayPath(file, cwd), position }));
}

/** What one shard scans: its share of the discovered files and of what discovery could not reach. */
export function shareOf(discovery: Discovery, files: readonly string[], cwd: string, shard: ShardSpec): { discovery: Discovery; files: string[] } {
  const mine = (file: string) => shardOfPath(displayPath(file, cwd), shard.count) === shard.index;
  return {
    discovery: {
      ...discovery,
      unreadableDirectories: discovery.unreadableDirectories.filter((d) => mine(d.path)),
      unreadableFiles: discovery.unreadableFiles.filter((f) => mine(f.path)),
    },
    files: files.filter(mine),
  };
}

/** What a shard's report carries for `phi-guard merge` (JSON: `shard`; SARIF: `runs[0].properties.phiGuardShard`). */
export interface ShardInfo {
  index: number;
  count: number;
  /** sha256 of the whole tree's units: display paths and file contents, in order. */
  tree: string;
  /** How many units the whole tree has (every shard's `units` together). */
  treeUnits: number;
  /** sha256 of the policies of the whole tree's files, as the engine receives them. */
  policy: string;
  /** sha256 of the options that change which findings are reported (size limit, --baseline...). */
  options: string;
  allowUnanalysed: boolean;
  /** The report's entries that belong to no unit and are the same in every shard, at the head of `notices`. */
  headNotices: number;
  /** SARIF: fixes left out because they copy source text (their notification is counted anew). */
  omittedFixes: number;
  /** The counts of this shard (SARIF has no summary of its own). */
  summary: ScanSummary;
  /** This shard's units, in order: display path, place in the whole run, entries per list. */
  units: ShardUnitInfo[];
}

export interface ShardUnitInfo {
  path: string;
  position: number;
  /** JSON `files` / `findings` / `suppressions` / `notices`; SARIF `results` / `toolExecutionNotifications`. */
  files: number;
  findings: number;
  suppressions: number;
  notices: number;
  results: number;
}

export interface ShardContext {
  shard: ShardSpec;
  units: ShardUnit[];
  tree: string;
  policy: string;
  options: string;
}

/** The hashes that tell shards of one run from shards of another. */
export async function shardContext(
  shard: ShardSpec,
  units: ShardUnit[],
  policies: readonly ResolvedPolicy[],
  options: Record<string, unknown>,
  cwd: string,
): Promise<ShardContext> {
  return { shard, units, tree: await treeHash(units), policy: policyHash(policies, cwd), options: sha256(JSON.stringify(options)) };
}

/** How many files the tree hash reads at once. */
const READ_CONCURRENCY = 16;

async function treeHash(units: readonly ShardUnit[]): Promise<string> {
  const contents: string[] = new Array(units.length);
  let next = 0;
  const lane = async () => {
    while (next < units.length) {
      const i = next++;
      // A file that cannot be read (a folder, a dangling link) counts by its error code.
      contents[i] = await fs.readFile(units[i].path).then(
        (bytes) => createHash('sha256').update(bytes).digest('hex'),
        (error: NodeJS.ErrnoException) => `unreadable:${error?.code ?? 'error'}`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, units.length) }, lane));
  const hash = createHash('sha256');
  units.forEach((unit, i) => hash.update(`${unit.display}\0${contents[i]}\n`));
  return hash.digest('hex');
}

function policyHash(policies: readonly ResolvedPolicy[], cwd: string): string {
  // As the cache keys them: a BAA that lapsed between two shards' runs changes findings. The
  // folders globs are relative to count from the working folder: a checkout elsewhere is the same run.
  const relative = (folder: string) => path.relative(cwd, folder).split(path.sep).join('/');
  const located = (policy: ResolvedPolicy): ResolvedPolicy => ({
    ...policy,
    ...(policy.ignoreGroups ? { ignoreGroups: policy.ignoreGroups.map((group) => ({ ...group, base: relative(group.base) })) } : {}),
    testCode: { ...policy.testCode, ...(policy.testCode.base ? { base: relative(policy.testCode.base) } : {}) },
  });
  return sha256(JSON.stringify(policies.map((policy) => [located(policy), policy.vendors.map((vendor) => effectiveBaa(vendor))])));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The merge information of a shard's report. `headNotices`: the notices before the first unit's
 * (policy problems, files extended from outside), which every shard reports alike.
 */
export function shardInfo(context: ShardContext, report: ScanReport, extra: { allowUnanalysed: boolean; headNotices: number; omittedFixes: number; summary: ScanSummary }): ShardInfo {
  const unitNotices = report.notices.filter((notice) => notice.kind !== 'policy-extends-outside');
  const noticesOf = countBy(unitNotices, (notice: Notice) => notice.absolutePath);
  const byPath = new Map(report.files.map((file) => [file.path, file]));
  const mine = context.units.filter((unit) => byPath.has(unit.path) || noticesOf.has(unit.path));
  const units = mine.map((unit): ShardUnitInfo => {
    const result = byPath.get(unit.path)?.result;
    return {
      path: unit.display,
      position: unit.position,
      files: byPath.has(unit.path) ? 1 : 0,
      findings: result?.findings.length ?? 0,
      suppressions: (result?.suppressions.length ?? 0) + (result?.policySuppressions?.length ?? 0),
      notices: noticesOf.get(unit.path) ?? 0,
      results: (result?.findings.length ?? 0) + (result?.suppressed.length ?? 0),
    };
  });
  return {
    index: context.shard.index,
    count: context.shard.count,
    tree: context.tree,
    treeUnits: context.units.length,
    policy: context.policy,
    options: context.options,
    allowUnanalysed: extra.allowUnanalysed,
    headNotices: extra.headNotices,
    omittedFixes: extra.omittedFixes,
    summary: extra.summary,
    units,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
