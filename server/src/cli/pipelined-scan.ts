// A cold scan in the worker pool that parses each file once (docs/performance.md, "One parse per
// file in the CLI"): summaries and analyses interleaved, each file analysed as soon as the
// summaries it reads are in. scan-runner.ts runs it for a cold scan with workers and the
// workspace index; everything it leaves goes through the usual second pass there.

import { serialize } from 'node:v8';
import type { FileSummary, ResolvedPolicy } from '../engine';
import type { LoadedPolicy } from '../policy';
import type { FolderPolicies } from '../workspace/folder-policies';
import { isDataFile, prepareOneFile, type FileOutcome } from './parallel/file-job';
import type { KeptFacts } from './parallel/kept-facts';
import type { PoolJob, ScanPool } from './parallel/pool';
import type { Discovery } from '../workspace/find-source-files';
import { fillProjectIndexes, planProjectIndexes, type ProjectIndexes } from './project-index';

/** What the pipelined scan works from: the pool, the files, their policies and the index's options. */
export interface PipelineInputs {
  pool: ScanPool;
  files: readonly string[];
  loaded: readonly LoadedPolicy[];
  policyIds: ReadonlyMap<ResolvedPolicy, number>;
  policyList: readonly ResolvedPolicy[];
  options: { cwd: string; policies: FolderPolicies; maxFileSizeKb?: number; indexTargets?: readonly string[]; indexDiscovery?: Discovery };
}

/** What a pipelined scan did: the complete indexes, the files it analysed, and where the facts of the others are. */
export interface PipelinedRun {
  workspaces: ProjectIndexes;
  analysed: Map<number, FileOutcome>;
  /** Files summarised but not analysed yet, by file index: the worker that kept their facts. */
  keptBy: Map<number, number>;
}

/**
 * A cold scan in the pool, parsing each file once: the workers summarise the files, and a file is
 * analysed as soon as the summaries its analysis reads (its import closure, ProjectIndexes.closureOf)
 * are all in, by the worker that summarised it and still holds its facts, with those summaries as
 * its slice of the index. A file waits only for what it imports, and what it waits for is
 * summarised next (ScanPool.prioritize), so facts are held briefly instead of for the whole first
 * pass, and the kept-facts budget is seldom reached. The closure is complete once all its files
 * are summarised (imports resolve against the project's files, known before), so a file analysed
 * early gets the findings it would get with the whole index.
 *
 * Left for the usual second pass: files whose imports lead to a file that is not scanned (the
 * index summarises those afterwards, on this thread), and whatever the pool could not run.
 */
export async function pipelinedScan(inputs: PipelineInputs, prepared: KeptFacts, advance: () => void): Promise<PipelinedRun> {
  const { pool, files, loaded, policyIds, policyList, options } = inputs;
  const workspaces = await planProjectIndexes(files, { cwd: options.cwd, policies: options.policies, scanTargets: options.indexTargets, discovery: options.indexDiscovery });
  pool.broadcast({ type: 'workspaces', workspaces: workspaces.knownFilesData() });
  // Each summary serialized once, when an analysis first needs it (a file's summary object is the same in every index).
  const packed = new Map<string, Uint8Array>();
  pool.useSlices((id, file) => {
    let bytes = packed.get(file);
    if (!bytes) {
      const summary = workspaces.indexes[id]?.file(file);
      if (!summary) return undefined;
      packed.set(file, (bytes = serialize(summary)));
    }
    return bytes;
  });

  const byPath = new Map(files.map((file, index) => [file, index]));
  /** Files whose summary pass is over (undefined: nothing to follow), by path. */
  const summaries = new Map<string, FileSummary | undefined>();
  const analysed = new Map<number, FileOutcome>();
  const keptBy = new Map<number, number>();
  /** By job index: the file index, and whether the job is the file's analysis (else its summary). */
  const jobFiles: { file: number; analysis: boolean }[] = [];
  const summaryJob = new Map<number, number>();
  /** Files summarised but not analysed yet, by the summary they wait for. */
  const waiting = new Map<string, Set<number>>();
  /** Analysed in this run, or left for the second pass. */
  const settled = new Set<number>();
  const importsMemo = new Map<number, Map<string, string[]>>();
  const importsOf = (id: number, file: string): string[] => {
    let memo = importsMemo.get(id);
    if (!memo) importsMemo.set(id, (memo = new Map()));
    let imported = memo.get(file);
    if (!imported) memo.set(file, (imported = workspaces.indexes[id].importsOf(file)));
    return imported;
  };
  const analysisJob = (index: number): PoolJob => {
    const workspace = workspaces.forFile(files[index]);
    return {
      file: files[index],
      policyId: policyIds.get(loaded[index].policy)!,
      workspaceId: workspace?.id,
      worker: keptBy.get(index),
      needs: workspace ? workspaces.closureOf(files[index]) : [],
    };
  };

  // Analysed when every file its imports lead to is summarised; else it waits for the first ones missing.
  const tryAnalyse = (index: number): void => {
    if (settled.has(index)) return;
    const file = files[index];
    const workspace = workspaces.forFile(file);
    const missing: string[] = [];
    if (workspace?.index.file(file)) {
      const seen = new Set([file]);
      const queue = [file];
      for (let next = 0; next < queue.length; next++) {
        for (const imported of importsOf(workspace.id, queue[next])) {
          if (seen.has(imported)) continue;
          seen.add(imported);
          if (!summaries.has(imported)) {
            if (byPath.has(imported)) missing.push(imported);
            else {
              // A file the scan does not summarise: the index summarises it after this run.
              settled.add(index);
              return;
            }
            continue;
          }
          const summary = summaries.get(imported);
          if (!summary) continue;
          // A scanned file of another project (a nested one) that this project imports.
          if (!workspace.index.file(imported)) workspace.index.set(summary);
          queue.push(imported);
        }
      }
    }
    if (missing.length) {
      for (const dependency of missing) {
        const waiters = waiting.get(dependency) ?? new Set<number>();
        waiters.add(index);
        waiting.set(dependency, waiters);
        pool.prioritize(summaryJob.get(byPath.get(dependency)!)!);
      }
      return;
    }
    settled.add(index);
    jobFiles[pool.addJob(analysisJob(index))] = { file: index, analysis: true };
  };

  const jobs: PoolJob[] = [];
  const dataFiles: number[] = [];
  for (const [index, file] of files.entries()) {
    // Data files (JSON, CSV, notebooks...) hold no functions: nothing to summarise, nothing to wait for.
    if (isDataFile(file)) {
      summaries.set(file, undefined);
      dataFiles.push(index);
      continue;
    }
    summaryJob.set(index, jobs.length);
    jobFiles.push({ file: index, analysis: false });
    jobs.push({ file, policyId: policyIds.get(loaded[index].policy)!, summarize: true });
  }
  // After the summaries (the shared queue is taken in order): the source files' analyses come first.
  for (const index of dataFiles) {
    settled.add(index);
    jobFiles.push({ file: index, analysis: true });
    jobs.push(analysisJob(index));
  }
  const onDone = (job: number, outcome: FileOutcome, worker?: number): void => {
    const { file: index, analysis } = jobFiles[job];
    if (analysis) {
      analysed.set(index, outcome);
      keptBy.delete(index);
      advance();
      return;
    }
    const file = files[index];
    // A file that could not be summarised is followed into by no call; its analysis reports why.
    const summary = outcome.kind === 'summarized' ? outcome.summary : undefined;
    summaries.set(file, summary);
    if (worker !== undefined) keptBy.set(index, worker);
    if (summary) workspaces.forFile(file)?.index.set(summary);
    tryAnalyse(index);
    const waiters = waiting.get(file);
    waiting.delete(file);
    for (const waiter of waiters ?? []) tryAnalyse(waiter);
  };
  await pool.runJobs(jobs, policyList, onDone);

  // What the pool could not run (its workers failed to start): summarised here, facts kept for the analysis here.
  for (const [index, file] of files.entries()) {
    if (summaries.has(file)) continue;
    const outcome = await prepareOneFile(file, loaded[index].policy, { maxFileSizeKb: options.maxFileSizeKb });
    summaries.set(file, outcome.kind === 'summarized' ? outcome.summary : undefined);
    if (outcome.kind === 'summarized' && outcome.prepared) prepared.keep(file, outcome.prepared, outcome.contentHash);
  }
  await fillProjectIndexes(workspaces, { cwd: options.cwd, policies: options.policies, maxFileSizeKb: options.maxFileSizeKb, summarised: summaries, scanTargets: options.indexTargets });
  return { workspaces, analysed, keptBy };
}
