// A pool of scan workers (worker_threads). The main thread keeps discovery, policies, the cache,
// ordering and output; the workers only analyse files given by path, each with the resolved
// policy the main thread chose for it (sent once per worker). Each worker has at most two files
// in flight, so it never waits for the next one.
//
// A worker that dies (a crash in the parser, out of memory) costs the file it was analysing: that
// file gets an `analysis-failed` outcome, the other files it held are requeued, and a new worker
// takes its place. Workers that die before they are ready (e.g. the grammars cannot be loaded)
// blame no file; after a few such failures the pool gives up and the remaining files are returned
// as not done, for the caller to analyse on the main thread.

import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedPolicy } from '../../engine';
import { describeError, type FileOutcome } from './file-job';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

/** More workers than this rarely pays: each loads its own grammars and the main thread merges. */
export const MAX_AUTO_JOBS = 8;
/** Below this many files per worker, starting workers (~100 ms each) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 16;
const IN_FLIGHT_PER_WORKER = 2;
const MAX_STARTUP_FAILURES = 3;
/** `--file-timeout` default: a file still being analysed after this long is given up on. */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;

export interface PoolJob {
  file: string;
  policyId: number;
  /** The workspace index (of WorkerSetup.workspaces) the file is analysed with. */
  workspaceId?: number;
  /** Only summarise the file's functions (the workspace index's pass), do not analyse it. */
  summarize?: boolean;
}

/**
 * How many workers to use for `fileCount` files: `requested` is `--jobs` (undefined = auto, sized
 * to the machine and the scan). 0 or 1 means: analyse on the main thread.
 */
export function workerCount(requested: number | undefined, fileCount: number, parallelism = availableParallelism()): number {
  if (requested !== undefined) return requested <= 1 ? 0 : Math.min(requested, fileCount);
  const byMachine = Math.max(1, Math.min(parallelism, MAX_AUTO_JOBS));
  const byFiles = Math.floor(fileCount / MIN_FILES_PER_WORKER);
  const count = Math.min(byMachine, byFiles);
  return count >= 2 ? count : 0;
}

function availableParallelism(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** The worker bundle, next to the CLI bundle; undefined when it is missing (then: no workers). */
export function workerScript(dir: string = __dirname): string | undefined {
  const script = path.join(dir, 'scan-worker.js');
  return existsSync(script) ? script : undefined;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Job indexes in the order sent; the first is the one being analysed. */
  inFlight: number[];
  policiesSent: Set<number>;
  stopping: boolean;
  lastError?: unknown;
  /** The job the deadline is for (the one being analysed), its timer, and whether it fired. */
  timedJob?: number;
  deadline?: NodeJS.Timeout;
  timedOut?: boolean;
}

export interface PoolRun {
  /** Outcomes by job index; undefined for jobs the pool could not run (see the header). */
  outcomes: (FileOutcome | undefined)[];
  /** How many workers died (each replaced). */
  crashes: number;
}

/**
 * `fileTimeoutMs`: how long a worker may spend on one file (0: no limit). A worker past it is
 * terminated and replaced, and the file gets an `analysis-failed` outcome that says so.
 */
export async function runPool(
  script: string,
  size: number,
  jobs: readonly PoolJob[],
  policies: readonly ResolvedPolicy[],
  setup: WorkerSetup,
  onDone: (index: number, outcome: FileOutcome) => void,
  fileTimeoutMs = DEFAULT_FILE_TIMEOUT_MS,
): Promise<PoolRun> {
  const outcomes: (FileOutcome | undefined)[] = new Array(jobs.length);
  const pending: number[] = jobs.map((_, index) => index);
  pending.reverse(); // popped from the end: discovery order
  const slots = new Set<Slot>();
  let remaining = jobs.length;
  let crashes = 0;
  let startupFailures = 0;

  return new Promise<PoolRun>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const slot of slots) {
        slot.stopping = true;
        clearTimeout(slot.deadline);
        void slot.worker.terminate();
      }
      resolve({ outcomes, crashes });
    };

    const complete = (index: number, outcome: FileOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      remaining--;
      onDone(index, outcome);
    };

    const feed = (slot: Slot) => {
      if (!slot.ready || slot.stopping) return;
      while (slot.inFlight.length < IN_FLIGHT_PER_WORKER && pending.length > 0) {
        const index = pending.pop()!;
        const job = jobs[index];
        if (!slot.policiesSent.has(job.policyId)) {
          slot.policiesSent.add(job.policyId);
          post(slot, { type: 'policy', id: job.policyId, policy: policies[job.policyId] });
        }
        slot.inFlight.push(index);
        post(slot, { type: 'analyze', job: index, file: job.file, policyId: job.policyId, workspaceId: job.workspaceId, summarize: job.summarize });
      }
      watch(slot);
    };

    // The deadline runs for the file a worker is analysing: the first of those it holds.
    const watch = (slot: Slot) => {
      const current = slot.inFlight[0];
      if (current === slot.timedJob) return;
      clearTimeout(slot.deadline);
      slot.timedJob = current;
      slot.deadline = undefined;
      if (current === undefined || fileTimeoutMs <= 0) return;
      slot.deadline = setTimeout(() => {
        slot.timedOut = true;
        void slot.worker.terminate();
      }, fileTimeoutMs);
    };

    const start = () => {
      const slot: Slot = {
        worker: new Worker(script, { workerData: setup, stdout: false, stderr: false }),
        ready: false,
        inFlight: [],
        policiesSent: new Set(),
        stopping: false,
      };
      slots.add(slot);
      slot.worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          slot.ready = true;
          feed(slot);
          return;
        }
        slot.inFlight = slot.inFlight.filter((index) => index !== message.job);
        complete(message.job, message.outcome);
        if (remaining === 0) finish();
        else feed(slot);
        watch(slot);
      });
      slot.worker.on('error', (error) => {
        slot.lastError = error;
      });
      slot.worker.on('exit', (code) => {
        slots.delete(slot);
        clearTimeout(slot.deadline);
        if (slot.stopping || finished) return;
        crashes++;
        // The file being analysed is the suspect; the others it held go back to the queue.
        const [suspect, ...others] = slot.inFlight;
        pending.push(...others.reverse());
        if (slot.ready && suspect !== undefined) {
          const why = slot.lastError ? describeError(slot.lastError) : `exit code ${code}`;
          const detail = slot.timedOut
            ? `the analysis took longer than ${fileTimeoutMs / 1000} s (--file-timeout); the scan went on without this file`
            : `the analyser crashed (${why}); the scan went on without this file`;
          complete(suspect, { kind: 'analysis-failed', detail, ...(slot.timedOut ? { timedOut: true } : {}) });
        } else {
          if (suspect !== undefined) pending.push(suspect);
          startupFailures++;
        }
        if (remaining === 0) return finish();
        if (startupFailures >= MAX_STARTUP_FAILURES) {
          if (slots.size === 0) finish();
          return;
        }
        start();
      });
    };

    if (jobs.length === 0) return finish();
    for (let i = 0; i < Math.max(1, size); i++) start();
  });
}

function post(slot: Slot, message: ToWorker): void {
  slot.worker.postMessage(message);
}
