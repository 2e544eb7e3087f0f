// The messages between the scan pool (main thread) and a scan worker (dist/scan-worker.js).

import type { ProjectAuditContext, ResolvedPolicy } from '../../engine';
import type { FileOutcome } from './file-job';
import type { WorkspaceData } from '../project-index';

export interface WorkerSetup {
  maxFileSizeKb?: number;
  /** How the user sets that limit, for the notice (`--max-file-size-kb`). */
  maxFileSizeName?: string;
  /** The folder test-code globs are relative to without a policy file (the scan's working folder). */
  projectRoot?: string;
  /**
   * Tests only (PHI_GUARD_TEST_WORKER_CRASH): the worker exits abruptly when asked to analyse a
   * file with this base name, to prove a dead worker costs one file, not the scan.
   */
  crashOn?: string;
  /** The scan's audit context (plain data), passed to every analysis. */
  auditContext?: ProjectAuditContext;
  /** The scan's workspace indexes (summaries only), rebuilt once per worker. */
  workspaces?: WorkspaceData[];
  /**
   * How much source text (UTF-16 code units) of summarised files a worker keeps the facts of, for
   * their analysis (0: none). Beyond it files are parsed again when analysed.
   */
  keepFactsChars?: number;
  /** The scan reports findings and notices only: results are sent without endpoints and routes (file-job.ts). */
  dropEndpoints?: boolean;
}

export type ToWorker =
  /** Sent once per worker before the first file that uses the policy. */
  | { type: 'policy'; id: number; policy: ResolvedPolicy }
  | { type: 'analyze'; job: number; file: string; policyId: number; workspaceId?: number; summarize?: boolean; slice?: IndexSlice }
  /** The scan's workspace indexes, once the summary pass is over (replaces WorkerSetup.workspaces). */
  | { type: 'workspaces'; workspaces: WorkspaceData[] }
  /** Facts kept for files that will not be analysed here after all (their results came from the cache). */
  | { type: 'forget'; files: string[] };

/**
 * The summaries a file's analysis reads, when the workspace index is sent in slices (pool.ts):
 * they replace those the worker held for the workspace. Each is a FileSummary serialized with
 * `v8.serialize` (ProjectIndexes.pack).
 */
export interface IndexSlice {
  summaries: Uint8Array[];
}

export type FromWorker =
  /** The engine is initialised (the grammars are loaded). */
  | { type: 'ready' }
  /** `kept`: the worker kept the file's facts and will analyse it without parsing it again. */
  | { type: 'done'; job: number; outcome: FileOutcome; kept?: boolean };
