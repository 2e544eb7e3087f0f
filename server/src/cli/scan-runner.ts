// Runs the engine over the discovered files, each with its nearest policy, and gathers findings
// and notices. The engine is the same one the language server uses.
//
// Large scans are spread over worker threads (parallel/pool.ts); with `--cache`, files whose
// content and policy have not changed since the last run are not analysed again (cache/). Either
// way the report lists files, findings and notices in discovery order, exactly as a sequential
// run on the main thread would.

import { statSync } from 'node:fs';
import * as os from 'node:os';
import type { AnalysisResult, AnalyzeOptions, FileSummary, ProjectAuditContext, ResolvedPolicy } from '../engine';
import type { ScanCache } from './cache/scan-cache';
import type { OutputStream } from './cli-io';
import { displayPath } from './display-path';
import { analyzeFile, analyzePreparedFile, contentHash, isDataFile, prepareOneFile, summarizeOneFile, withoutEndpoints, type FileOutcome } from './parallel/file-job';
import { KeptFacts } from './parallel/kept-facts';
import { ScanPool, workerCount, workerScript, type PoolJob } from './parallel/pool';
import type { FolderPolicies } from '../workspace/folder-policies';
import type { Discovery } from '../workspace/find-source-files';
import { createProgress } from './progress';
import type { Notice, ScannedFile, ScanReport } from './report';
import { MAX_FILE_SIZE_OPTION } from './scan-targets';
import { readSourceFile } from './source-file';
import { buildProjectIndexes, type ProjectIndexes } from './project-index';
import { pipelinedScan } from './pipelined-scan';
import type { LoadedPolicy } from '../policy';

export interface ScanOptions {
  cwd: string;
  policies: FolderPolicies;
  maxFileSizeKb?: number;
  /** Where progress goes (only drawn on a TTY). */
  progressStream: OutputStream;
  /** `--jobs`: at most this many worker threads; 1 = none. Undefined: sized to the machine and the scan. */
  jobs?: number;
  /** `--cache`: results of unchanged files are taken from it, new results stored in it (not saved). */
  cache?: ScanCache;
  /** `--file-timeout`, in ms (0: none); only worker threads can be stopped mid-file. */
  fileTimeoutMs?: number;
  /** Tests only: a worker exits abruptly on a file of this base name (PHI_GUARD_TEST_WORKER_CRASH). */
  workerCrashOn?: string;
  /** Tests only: each worker's heap limit in MB (PHI_GUARD_TEST_WORKER_HEAP_MB; default pool.ts's). */
  workerHeapLimitMb?: number;
  /** `--allow-unanalysed`: a file that could not be analysed is a warning, not an error. */
  allowUnanalysed?: boolean;
  /** Audit controls registered outside each file (workspace/audit-context.ts), from the scan's pre-pass. */
  auditContext?: ProjectAuditContext;
  /**
   * Follow calls across functions and files: the whole project of each file is summarised first
   * (project-index.ts), also when only a few of its files are reported on.
   */
  crossFile?: boolean;
  /** `--shard`: the whole scan's files, of which `files` are one shard (projects are placed as for them). */
  indexTargets?: readonly string[];
  /** How the files were found (same policies): the workspace index lists its projects' files from it instead of walking them again. */
  indexDiscovery?: Discovery;
  /**
   * The caller reports findings and notices only (`scan`, not `coverage`): each result is kept
   * without its endpoints and routes, which would be most of the memory the results take.
   */
  findingsOnly?: boolean;
  /**
   * How the workers get the workspace index (pool.ts useSlices): whole, or in slices when the index
   * is large and the files' imports are few (`auto`, the default). Tests force either.
   */
  indexSlices?: 'auto' | 'always' | 'never';
}

/**
 * How much source text (UTF-16 code units) each worker keeps the facts of between the index's
 * pass and the analysis (kept-facts.ts); beyond it a file is parsed again. Facts take 25-55 bytes
 * per character of their text (docs/performance.md): 2M characters (~60k lines) is 50-110 MB.
 */
const KEEP_FACTS_CHARS_PER_WORKER = 2 * 1024 * 1024;
/**
 * Up to this many source files, each worker keeps the facts of KEEP_FACTS_CHARS_PER_WORKER; beyond,
 * proportionally less. On a large tree only its first files fit the budget anyway, so parsing them
 * once saves little time, while the facts held at the end of the first pass meet the workspace
 * index and the first analyses in the workers' memory (the scan's peak).
 */
const KEEP_FACTS_FULL_BUDGET_FILES = 1000;
/** The same for the index's first pass on the main thread (no workers: `--jobs 1`, small scans). */
const KEEP_FACTS_CHARS_MAIN_THREAD = 4 * 1024 * 1024;

/**
 * From this many summarised files on (about 12 KB each in every worker once resolved: 60 MB for
 * the 500k-line generated tree), the workers get the workspace index in slices when that costs
 * no more resolving than each of them resolving the whole index (planSlices).
 */
const SLICED_INDEX_MIN_FILES = 1000;

/** A source file at least this large is analysed in a worker even when the scan is small. */
const LARGE_SOURCE_FILE_BYTES = 1024 * 1024;

/**
 * With `--jobs` auto on a machine with this many cores or fewer, a small scan (below both bounds
 * that follow) runs on the main thread: two workers and the main thread then share two cores, and
 * the workers' start, heap limits and index slices cost more CPU than they save (opal, Telehealthcrm:
 * 1.5-1.7x the CPU and more wall time than one thread; docs/performance.md, session 10).
 */
const FEW_CORES = 2;
/** The source text that small (data files not counted): the main thread keeps the facts of 4M characters. */
const MAIN_THREAD_MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** And the files: the main thread holds every file's result, and the whole index resolved once. */
const MAIN_THREAD_MAX_FILES = 1000;

function fitsMainThread(files: readonly string[]): boolean {
  if (files.length > MAIN_THREAD_MAX_FILES || availableCores() > FEW_CORES) return false;
  let bytes = 0;
  for (const file of files) {
    if (isDataFile(file)) continue;
    try {
      bytes += statSync(file).size;
    } catch {
      // Unreadable: its analysis reports it.
    }
    if (bytes >= MAIN_THREAD_MAX_SOURCE_BYTES) return false;
  }
  return true;
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

function isLargeSourceFile(file: string): boolean {
  if (isDataFile(file)) return false;
  try {
    return statSync(file).size >= LARGE_SOURCE_FILE_BYTES;
  } catch {
    return false;
  }
}

/** How much source text each worker keeps the facts of (KEEP_FACTS_FULL_BUDGET_FILES). */
function keepFactsBudget(files: readonly string[]): number {
  const sourceFiles = files.filter((file) => !isDataFile(file)).length;
  return sourceFiles <= KEEP_FACTS_FULL_BUDGET_FILES ? KEEP_FACTS_CHARS_PER_WORKER : Math.floor((KEEP_FACTS_CHARS_PER_WORKER * KEEP_FACTS_FULL_BUDGET_FILES) / sourceFiles);
}

/** How many files the cache pass reads at once. */
const READ_CONCURRENCY = 16;

export async function scanFiles(files: readonly string[], options: ScanOptions): Promise<Omit<ScanReport, 'ignoredCount'>> {
  const auditContext = options.auditContext;
  const engineOptions = { maxFileSizeKb: options.maxFileSizeKb, maxFileSizeName: MAX_FILE_SIZE_OPTION, projectRoot: options.cwd, ...(auditContext ? { auditContext } : {}) };
  const progress = createProgress(options.progressStream, 'scanning', files.length);
  let done = 0;
  const advance = () => progress.tick(++done);

  // Policies are loaded on the main thread, in discovery order (so are their diagnostics).
  const policyIds = new Map<ResolvedPolicy, number>();
  const policyList: ResolvedPolicy[] = [];
  const loaded = files.map((file) => {
    const policy = options.policies.forFile(file);
    if (!policyIds.has(policy.policy)) {
      policyIds.set(policy.policy, policyList.length);
      policyList.push(policy.policy);
    }
    return policy;
  });

  // One pool of workers for both passes (the index's summaries, then the analysis), started when
  // the scan is large enough; closed whatever happens.
  // A scan too small for workers still analyses a large source file in one: only a worker's
  // memory is bounded (pool.ts) and only a worker can be stopped by --file-timeout.
  const sized = options.jobs === undefined && fitsMainThread(files) ? 0 : workerCount(options.jobs, files.length);
  const workers = sized || (options.jobs === undefined && files.some(isLargeSourceFile) ? 1 : 0);
  const script = workers > 0 ? workerScript() : undefined;
  const setup = {
    maxFileSizeKb: options.maxFileSizeKb,
    maxFileSizeName: MAX_FILE_SIZE_OPTION,
    projectRoot: options.cwd,
    crashOn: options.workerCrashOn,
    auditContext,
    keepFactsChars: keepFactsBudget(files),
    dropEndpoints: options.findingsOnly,
  };
  const pool = script ? new ScanPool(script, workers, setup, options.fileTimeoutMs, options.workerHeapLimitMb) : undefined;
  try {
    return await scanWith({ pool, files, loaded, policyIds, policyList, options }, engineOptions, advance, progress);
  } finally {
    pool?.close();
  }
}

/** What both passes of a scan work from: the pool (if any), the files and their policies. */
interface ScanInputs {
  pool: ScanPool | undefined;
  files: readonly string[];
  loaded: readonly LoadedPolicy[];
  policyIds: ReadonlyMap<ResolvedPolicy, number>;
  policyList: readonly ResolvedPolicy[];
  options: ScanOptions;
}

async function scanWith(
  inputs: ScanInputs,
  engineOptions: AnalyzeOptions,
  advance: () => void,
  progress: ReturnType<typeof createProgress>,
): Promise<Omit<ScanReport, 'ignoredCount'>> {
  const { pool, files, loaded, policyIds, policyList, options } = inputs;
  const unanalysedLevel = options.allowUnanalysed ? 'warning' : 'error';
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  const fromCache = new Set<number>();
  const cache = options.cache;
  // Facts extracted by the index's first pass on this thread, analysed below without parsing again.
  const prepared = new KeptFacts(KEEP_FACTS_CHARS_MAIN_THREAD);
  // Files whose facts a worker kept in the first pass: their analysis goes back to that worker.
  const keptBy = new Map<number, number>();
  // A cold scan in the pool analyses each file as soon as the summaries it reads are in (pipelinedScan).
  const pipelined = !!pool && !!options.crossFile && !cache && options.indexSlices !== 'never';
  let workspaces: ProjectIndexes | undefined;
  if (pipelined) {
    const run = await pipelinedScan({ ...inputs, pool }, prepared, advance);
    workspaces = run.workspaces;
    for (const [index, outcome] of run.analysed) outcomes[index] = outcome;
    for (const [index, worker] of run.keptBy) keptBy.set(index, worker);
  } else if (options.crossFile) workspaces = await indexProjects(inputs, prepared, keptBy);
  const workspaceOf = (index: number) => workspaces?.forFile(files[index]);
  const dependencyKeys = new Map<number, string | undefined>();
  const dependencyKey = (index: number) => (dependencyKeys.has(index) ? dependencyKeys.get(index) : workspaceOf(index)?.index.dependencyKey(files[index]));
  const cacheKey = (index: number, hash: string) => cache!.keyFor(hash, loaded[index].policy, dependencyKey(index));
  if (cache) {
    await forEachLimited(files.length, READ_CONCURRENCY, async (index) => {
      const file = files[index];
      const read = await readSourceFile(file, options.maxFileSizeKb, isDataFile(file));
      if (!read.ok) {
        outcomes[index] = { kind: 'read-failure', reason: read.reason, detail: read.detail };
        advance();
        return;
      }
      const hash = contentHash(read.bytes);
      const result = cache.get(file, cacheKey(index, hash));
      if (result) {
        outcomes[index] = { kind: 'analyzed', result, contentHash: hash };
        fromCache.add(index);
        advance();
      }
    });
  }

  const todo = files.flatMap((_, index) => (outcomes[index] ? [] : [index]));
  if (pool) {
    // Facts kept for files whose result came from the cache are freed now, not at the end.
    for (const index of fromCache) {
      const worker = keptBy.get(index);
      if (worker !== undefined) pool.sendTo(worker, { type: 'forget', files: [files[index]] });
    }
    // Pipelined: the workers already have the projects' files and the slices' source (pipelinedScan).
    const needs = pipelined ? new Map(todo.map((index) => [index, workspaces!.closureOf(files[index])])) : workspaces && planSlices(workspaces, files, todo, pool.size, options.indexSlices ?? 'auto');
    if (workspaces && !pipelined) pool.broadcast({ type: 'workspaces', workspaces: workspaces.data(!!needs) });
    if (workspaces && needs && !pipelined) {
      // The results stored in the cache are keyed by what they depend on: known before the summaries are packed.
      if (cache) for (const index of todo) dependencyKeys.set(index, workspaceOf(index)?.index.dependencyKey(files[index]));
      workspaces.pack();
      pool.useSlices((id, file) => workspaces.packedSummary(id, file));
    }
    const jobs: PoolJob[] = todo.map((index) => ({
      file: files[index],
      policyId: policyIds.get(loaded[index].policy)!,
      workspaceId: workspaceOf(index)?.id,
      worker: keptBy.get(index),
      ...(needs ? { needs: needs.get(index) ?? [] } : {}),
    }));
    const run = await pool.runJobs(jobs, policyList, advance);
    run.outcomes.forEach((outcome, job) => {
      if (outcome) outcomes[todo[job]] = outcome;
    });
  }
  // Everything left (no workers, or workers that could not start) runs here.
  if (todo.some((index) => !outcomes[index])) workspaces?.unpack();
  for (const index of todo) {
    if (outcomes[index]) continue;
    const analyzeOptions = { ...engineOptions, workspace: workspaceOf(index)?.index };
    const ready = prepared.take(files[index]);
    const outcome = ready
      ? analyzePreparedFile(ready.prepared, ready.contentHash, files[index], loaded[index].policy, analyzeOptions)
      : await analyzeFile(files[index], loaded[index].policy, analyzeOptions);
    outcomes[index] = options.findingsOnly ? withoutEndpoints(outcome) : outcome;
    advance();
  }
  progress.finish();

  const scanned: ScannedFile[] = [];
  const notices: Notice[] = [];
  for (const [index, file] of files.entries()) {
    const display = displayPath(file, options.cwd);
    const policyFile = loaded[index].file;
    const outcome = outcomes[index]!;
    if (outcome.kind === 'summarized') throw new Error('a summary is not an analysis');
    if (outcome.kind === 'analyzed') {
      if (cache && !fromCache.has(index)) cache.set(file, cacheKey(index, outcome.contentHash), outcome.result);
      notices.push(...noticesFor(outcome.result, display, file, unanalysedLevel));
      scanned.push({ path: file, display, result: outcome.result, policyFile });
      continue;
    }
    cache?.forget(file);
    if (outcome.kind === 'read-failure') {
      notices.push({ kind: outcome.reason, level: unanalysedLevel, message: `not analysed: ${outcome.detail}`, file: display, absolutePath: file });
      scanned.push({ path: file, display, policyFile, readFailure: outcome.reason });
    } else {
      notices.push({ kind: 'analysis-failed', level: unanalysedLevel, message: `not analysed: ${outcome.detail}`, file: display, absolutePath: file });
      scanned.push({ path: file, display, policyFile, readFailure: 'analysis-failed', ...(outcome.timedOut ? { timedOut: true } : {}) });
    }
  }
  return {
    cwd: options.cwd,
    files: scanned,
    notices,
    policyDiagnostics: options.policies.diagnostics,
    ...(cache ? { cache: { hits: cache.hits, misses: cache.misses } } : {}),
  };
}

/**
 * Whether the workers get the workspace index in slices (pool.ts useSlices) and, if so, the
 * summaries each file's analysis reads (ProjectIndexes.closureOf), by file index. Slices when the
 * index is large and the files' closures together are no larger than the index once per worker
 * (what every worker resolving the whole index costs); else undefined (every worker gets it all).
 * The closures are listed until they pass that bound, so a project where every file imports most
 * of the others is given up on early.
 */
function planSlices(workspaces: ProjectIndexes, files: readonly string[], todo: readonly number[], workers: number, mode: 'auto' | 'always' | 'never'): Map<number, string[]> | undefined {
  if (mode === 'never') return undefined;
  const summarised = workspaces.indexes.reduce((sum, index) => sum + index.size, 0);
  if (mode === 'auto' && summarised < SLICED_INDEX_MIN_FILES) return undefined;
  const bound = workers * summarised;
  const needs = new Map<number, string[]>();
  let total = 0;
  for (const index of todo) {
    const closure = workspaces.closureOf(files[index]);
    total += closure.length;
    if (mode === 'auto' && total > bound) return undefined;
    needs.set(index, closure);
  }
  return needs;
}

/**
 * The workspace index's first pass: the reported files' summaries (from the cache, else in the
 * worker pool when the scan is large enough, else here), then the project files they import.
 */
async function indexProjects(inputs: ScanInputs, prepared: KeptFacts, keptBy: Map<number, number>): Promise<ProjectIndexes> {
  const { pool, files, loaded, policyIds, policyList, options } = inputs;
  const summaries = new Map<string, FileSummary | undefined>();
  const cache = options.cache;
  const todo: number[] = [];
  await forEachLimited(files.length, READ_CONCURRENCY, async (index) => {
    // Data files (JSON, CSV, notebooks...) hold no functions: nothing to summarise.
    if (isDataFile(files[index])) {
      summaries.set(files[index], undefined);
      return;
    }
    const read = cache ? await readSourceFile(files[index], options.maxFileSizeKb) : undefined;
    const cached = read?.ok ? cache!.getSummary(files[index], cache!.keyFor(contentHash(read.bytes), loaded[index].policy)) : undefined;
    if (cached) summaries.set(files[index], cached);
    else todo.push(index);
  });
  todo.sort((a, b) => a - b);
  const keep = (index: number, outcome: FileOutcome) => {
    // A file that could not be summarised is followed into by no call; its analysis reports why.
    summaries.set(files[index], outcome.kind === 'summarized' ? outcome.summary : undefined);
    if (outcome.kind === 'summarized' && outcome.summary) cache?.setSummary(files[index], cache.keyFor(outcome.contentHash, loaded[index].policy), outcome.summary);
  };
  if (pool && todo.length > 0) {
    const progress = createProgress(options.progressStream, 'indexing', todo.length);
    let done = 0;
    const jobs: PoolJob[] = todo.map((index) => ({ file: files[index], policyId: policyIds.get(loaded[index].policy)!, summarize: true }));
    const run = await pool.runJobs(jobs, policyList, () => progress.tick(++done));
    run.outcomes.forEach((outcome, job) => {
      if (outcome) keep(todo[job], outcome);
      const worker = run.keptBy[job];
      if (worker !== undefined) keptBy.set(todo[job], worker);
    });
    progress.finish();
  }
  for (const index of todo) {
    if (summaries.has(files[index])) continue;
    const outcome = await prepareOneFile(files[index], loaded[index].policy, { maxFileSizeKb: options.maxFileSizeKb });
    keep(index, outcome);
    // Kept for the analysis on this thread; bounded, beyond it files are parsed again.
    if (outcome.kind === 'summarized' && outcome.prepared) prepared.keep(files[index], outcome.prepared, outcome.contentHash);
  }
  return buildProjectIndexes(files, { cwd: options.cwd, policies: options.policies, maxFileSizeKb: options.maxFileSizeKb, summarised: summaries, scanTargets: options.indexTargets, cache, discovery: options.indexDiscovery });
}

/**
 * The source files discovery listed but could not reach (dangling or looping links) and the
 * folders it could not list, as files and notices of the report: none of them was analysed.
 */
export function discoveryFailures(
  discovery: Discovery,
  options: Pick<ScanOptions, 'cwd' | 'policies' | 'allowUnanalysed'>,
): { files: ScannedFile[]; notices: Notice[] } {
  const level = options.allowUnanalysed ? 'warning' : 'error';
  const notices: Notice[] = discovery.unreadableDirectories.map((d) => ({
    kind: 'unreadable',
    level,
    message: `folder not read, its files not analysed: ${d.error}`,
    file: displayPath(d.path, options.cwd),
    absolutePath: d.path,
  }));
  const files: ScannedFile[] = [];
  for (const f of discovery.unreadableFiles) {
    const display = displayPath(f.path, options.cwd);
    const why = f.error === 'ENOENT' ? 'link to a file that does not exist (ENOENT)' : f.error === 'ELOOP' ? 'symbolic link loop (ELOOP)' : f.error;
    notices.push({ kind: 'unreadable', level, message: `not analysed: ${why}`, file: display, absolutePath: f.path });
    files.push({ path: f.path, display, policyFile: options.policies.forFile(f.path).file, readFailure: 'unreadable' });
  }
  return { files, notices };
}

/** Runs `task(0..count-1)` with at most `limit` running at once. */
async function forEachLimited(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

/**
 * What the engine reports besides findings: files it did not analyse, failed rules, unknown rule
 * ids. `unanalysedLevel`: the level of the notice for a source file the engine refused (too
 * large, binary, minified, too deep); a file type it has no analyser for is always a warning.
 */
export function noticesFor(result: AnalysisResult, display: string, absolutePath: string, unanalysedLevel: Notice['level'] = 'warning'): Notice[] {
  const notices: Notice[] = [];
  if (result.skipped?.reason === 'unsupported-language') {
    notices.push({ kind: result.skipped.reason, level: 'warning', message: `skipped: ${result.skipped.detail}`, file: display, absolutePath });
  } else if (result.skipped) {
    notices.push({ kind: result.skipped.reason, level: unanalysedLevel, message: `not analysed: ${result.skipped.detail}`, file: display, absolutePath });
  }
  if (result.partlyRead) {
    notices.push({
      kind: 'partly-read',
      level: 'warning',
      message: `partly read: only the first ${result.partlyRead.readKb} KB of ${result.partlyRead.totalKb} KB were scanned for PHI (${MAX_FILE_SIZE_OPTION})`,
      file: display,
      absolutePath,
    });
  }
  if (result.hasSyntaxErrors) {
    notices.push({
      kind: 'syntax-errors',
      level: 'note',
      message: 'the file has syntax errors; only what parsed was analysed',
      file: display,
      absolutePath,
    });
  }
  for (const failure of result.ruleFailures) {
    notices.push({
      kind: 'rule-failure',
      level: 'error',
      message: `rule ${failure.ruleId} failed: ${failure.error}`,
      file: display,
      absolutePath,
      ruleId: failure.ruleId,
    });
  }
  for (const failure of result.internalErrors ?? []) {
    notices.push({ kind: 'internal-error', level: 'error', message: `${failure.part} failed: ${failure.error}`, file: display, absolutePath });
  }
  for (const suppression of result.suppressions) {
    for (const unknown of suppression.unknownRules) {
      notices.push({
        kind: 'unknown-suppression-rule',
        level: 'warning',
        message: describeUnknownRule(unknown),
        file: display,
        absolutePath,
        line: suppression.line + 1,
        column: suppression.range.start.character + 1,
      });
    }
  }
  return notices;
}

/**
 * Echoes the id only when it is shaped like one (lowercase words joined by hyphens, no digits): a
 * comment's text is source text and may hold anything, `ignore[078-05-1120]` included.
 */
function describeUnknownRule(id: string): string {
  return /^[a-z]{1,24}(-[a-z]{1,24}){0,5}$/.test(id)
    ? `suppression names an unknown rule id '${id}'`
    : 'suppression names something that is not a rule id';
}
