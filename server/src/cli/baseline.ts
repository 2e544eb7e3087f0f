// `scan --baseline <git-ref | report file>` and `scan --changed-since <git-ref>`: report only what a
// change adds. Findings are matched by the fingerprints SARIF's `partialFingerprints` carry (rule,
// file, sink and PHI elements, and the occurrence among identical findings in the file), which
// survive code moving up and down, so an untouched finding on a shifted line is not "new".
//
// A git baseline is the same scan run on the commit's files, checked out into a temporary folder
// through a temporary index (`git read-tree` + `git checkout-index`): the repository's own index,
// work tree and worktree list are never touched, and nothing is left behind.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO, OutputStream } from './cli-io';
import { fileFingerprints, FINGERPRINT_KEY } from './format/fingerprint';
import type { ScanReport } from './report';
import { scanFiles } from './scan-runner';
import { resolveTargets } from './scan-targets';
import { UsageError } from './usage-error';
import { shardOfPath, type ShardSpec } from './shard';
import { displayPath } from './display-path';

export type BaselineSource = { kind: 'file'; file: string } | { kind: 'commit'; ref: string; commit: string; topLevel: string };

/** A report file when `spec` names one, else a commit of the repository around `cwd`. */
export function resolveBaseline(spec: string, cwd: string): BaselineSource {
  const file = path.resolve(cwd, spec);
  if (existsSync(file) && statSync(file).isFile()) return { kind: 'file', file };
  const topLevel = gitTopLevel(cwd, '--baseline');
  const commit = resolveCommit(spec, topLevel);
  if (!commit) throw new UsageError(`'--baseline ${spec}' is neither a report file nor a commit of this git repository (a shallow clone? fetch the history, e.g. fetch-depth: 0)`, 'scan');
  return { kind: 'commit', ref: spec, commit, topLevel };
}

/**
 * The fingerprints of the findings an earlier `--format json` or `--format sarif` report holds.
 * Suppressed findings are left out: deleting a suppression comment brings its finding back.
 */
export function fingerprintsFromReport(file: string, spec: string): Set<string> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`'--baseline ${spec}': not a JSON or SARIF report written by phi-guard scan`, 'scan');
  }
  const fingerprints = new Set<string>();
  const doc = document as { runs?: unknown; findings?: unknown };
  if (Array.isArray(doc.runs)) {
    for (const run of doc.runs as { results?: { partialFingerprints?: Record<string, string>; suppressions?: unknown[] }[] }[]) {
      for (const result of run.results ?? []) {
        if ((result.suppressions?.length ?? 0) > 0) continue;
        const fingerprint = result.partialFingerprints?.[FINGERPRINT_KEY];
        if (typeof fingerprint === 'string') fingerprints.add(fingerprint);
      }
    }
    return fingerprints;
  }
  if (Array.isArray(doc.findings)) {
    for (const finding of doc.findings as { fingerprint?: unknown }[]) {
      if (typeof finding.fingerprint !== 'string') {
        throw new UsageError(`'--baseline ${spec}': a finding without a fingerprint (a report from an older PHI Guard); write it again`, 'scan');
      }
      fingerprints.add(finding.fingerprint);
    }
    return fingerprints;
  }
  throw new UsageError(`'--baseline ${spec}': not a JSON or SARIF report written by phi-guard scan`, 'scan');
}

export interface CommitScanOptions {
  positionals: readonly string[];
  /** `--policy`, absolute: the same explicit policy applies to both sides. */
  policy?: string;
  cwd: string;
  maxFileSizeKb: number;
  jobs?: number;
  fileTimeoutMs: number;
  /** With `--changed-since`: only these files (absolute paths in the working tree). */
  only?: ReadonlySet<string>;
  /** With `--shard`: a finding's fingerprint names its file, so only the old files of this shard can match. */
  shard?: ShardSpec;
}

/** The fingerprints of the findings the same scan reports on the files as they were at `commit`. */
export async function fingerprintsAtCommit(source: Extract<BaselineSource, { kind: 'commit' }>, options: CommitScanOptions): Promise<Set<string>> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-baseline-'));
  try {
    const tree = path.join(temp, 'tree');
    const env = { ...process.env, GIT_INDEX_FILE: path.join(temp, 'index') };
    git(['read-tree', source.commit], source.topLevel, env);
    git(['checkout-index', '--all', '--force', `--prefix=${tree}${path.sep}`], source.topLevel, env);

    // The scan runs from the same place inside the old tree, so display paths (and with them the
    // fingerprints) are the same on both sides.
    const realTop = realpathSync(source.topLevel);
    const inTree = (absolute: string): string | undefined => {
      const relative = path.relative(realTop, realpathOrSelf(absolute));
      return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : path.join(tree, relative);
    };
    const cwd = inTree(options.cwd);
    if (!cwd || !existsSync(cwd)) return new Set();
    const requested = options.positionals.length > 0 ? options.positionals : ['.'];
    // A path added since the commit has no baseline; one outside the repository none either.
    const positionals = requested.map((p) => inTree(path.resolve(options.cwd, p))).filter((p): p is string => p !== undefined && existsSync(p));
    if (positionals.length === 0) return new Set();

    const silent: OutputStream = { write: () => undefined, isTTY: false };
    const io: CliIO = { cwd, env: {}, stdout: silent, stderr: silent };
    const targets = await resolveTargets(positionals, { policy: options.policy }, io, 'scan');
    const back = (file: string) => path.join(realTop, path.relative(tree, file));
    const shard = options.shard;
    const files = targets.files
      .filter((file) => !options.only || options.only.has(back(file)))
      .filter((file) => !shard || shardOfPath(displayPath(file, cwd), shard.count) === shard.index);
    const scanned = await scanFiles(files, {
      cwd,
      policies: targets.policies,
      maxFileSizeKb: options.maxFileSizeKb,
      progressStream: silent,
      jobs: options.jobs,
      fileTimeoutMs: options.fileTimeoutMs,
      allowUnanalysed: true,
      crossFile: true,
    });
    const fingerprints = new Set<string>();
    for (const file of scanned.files) {
      if (!file.result) continue;
      const all = fileFingerprints(file.result, file.display);
      for (const finding of file.result.findings) fingerprints.add(all.get(finding)!);
    }
    return fingerprints;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Drops the findings whose fingerprint is in the baseline; returns how many were dropped. */
export function applyBaseline(report: Pick<ScanReport, 'files'>, baseline: ReadonlySet<string>): number {
  let matched = 0;
  for (const file of report.files) {
    if (!file.result) continue;
    const fingerprints = fileFingerprints(file.result, file.display);
    const findings = file.result.findings.filter((finding) => !baseline.has(fingerprints.get(finding)!));
    matched += file.result.findings.length - findings.length;
    file.result = { ...file.result, findings };
  }
  return matched;
}

/**
 * The files changed since `ref` that still exist, as real absolute paths: committed since the
 * merge base (`ref...HEAD`, as a pull request's diff), plus staged, unstaged and untracked ones.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  const topLevel = gitTopLevel(cwd, '--changed-since');
  const commit = resolveCommit(ref, topLevel);
  if (!commit) throw new UsageError(`'--changed-since ${ref}' is not a commit of this git repository (a shallow clone? fetch the history, e.g. fetch-depth: 0)`, 'scan');
  const names = [
    ...gitNames(['diff', '--name-only', '-z', '--diff-filter=d', `${commit}...HEAD`], topLevel),
    ...gitNames(['diff', '--name-only', '-z', '--diff-filter=d', 'HEAD'], topLevel),
    ...gitNames(['ls-files', '--others', '--exclude-standard', '-z'], topLevel),
  ];
  const realTop = realpathSync(topLevel);
  return new Set(names.map((name) => path.join(realTop, name)).filter((file) => existsSync(file)));
}

/** The real path of a scanned file, to compare with `changedSince`'s. */
export function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function gitTopLevel(cwd: string, option: string): string {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  if (result.error) throw new UsageError(`'${option}' with a git ref needs git on the PATH`, 'scan');
  if (result.status !== 0) throw new UsageError(`'${option}': the current folder is not inside a git repository`, 'scan');
  return result.stdout.trim();
}

function resolveCommit(ref: string, topLevel: string): string | undefined {
  // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd: topLevel, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function gitNames(args: string[], cwd: string): string[] {
  return git(args, cwd).split('\0').filter(Boolean);
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    // git's own message names refs and paths, never file contents.
    throw new Error(`git ${args[0]} failed: ${(result.stderr || String(result.error)).trim().split('\n')[0]}`);
  }
  return result.stdout;
}
