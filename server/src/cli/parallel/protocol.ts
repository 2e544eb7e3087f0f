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
}

export type ToWorker =
  /** Sent once per worker before the first file that uses the policy. */
  | { type: 'policy'; id: number; policy: ResolvedPolicy }
  | { type: 'analyze'; job: number; file: string; policyId: number; workspaceId?: number; summarize?: boolean };

export type FromWorker =
  /** The engine is initialised (the grammars are loaded). */
  | { type: 'ready' }
  | { type: 'done'; job: number; outcome: FileOutcome };
