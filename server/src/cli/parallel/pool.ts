// A pool of scan workers (worker_threads). The main thread keeps discovery, policies, the cache,
// ordering and output; the workers only summarise or analyse files given by path, each with the
// resolved policy the main thread chose for it (sent once per worker). Each worker has at most two
// files in flight, so it never waits for the next one.
//
// One pool serves both passes of a scan that follows calls across files: the workspace index's
// pass (summaries) and then the analysis. A worker keeps the facts of the files it summarised,
// within a memory budget (worker.ts), so the analysis of such a file is sent back to it (`worker`
// of a job) and the file is parsed once. A job whose worker is gone, or that another worker
// takes because its own is busy, is analysed from the file again: same result, one more parse.
// In a pipelined scan (scan-runner.ts) both passes are one run: the caller adds each file's
// analysis (addJob) once the summaries it reads are in, and puts the summaries a file waits for
// first (prioritize).
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
import type { FromWorker, IndexSlice, ToWorker, WorkerSetup } from './protocol';

/** More workers than this rarely pays: each loads its own grammars and the main thread merges. */
export const MAX_AUTO_JOBS = 8;
/** Below this many files per worker, starting workers (~100 ms each) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 16;
const IN_FLIGHT_PER_WORKER = 2;
const MAX_STARTUP_FAILURES = 3;
/** `--file-timeout` default: a file still being analysed after this long is given up on. */
export const DEFAULT_FILE_TIMEOUT_MS = 60_000;
/**
 * Each worker's JavaScript heap (V8's old generation), in MB. Without a limit V8 lets a busy
 * worker's heap grow to several times what it holds before collecting (300-400 MB each on a
 * 117k-line TypeScript repository, for ~100 MB alive), and one huge file takes gigabytes. With it,
 * garbage is collected sooner, and a file whose analysis needs more than this is refused with a
 * notice (the worker is replaced) instead of taking the machine's memory.
 */
export const WORKER_HEAP_LIMIT_MB = 192;
/**
 * Each worker's young generation (V8's new space), in MB. V8's default for a worker is 32 MB
 * (two 16 MB semi-spaces), most of it resident once a busy worker has filled it; 8 MB keeps a
 * scan's short-lived objects (a file's nodes, facts and flow states) collected as cheaply.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

export interface PoolJob {
  file: string;
  policyId: number;
  /** The workspace index (of the pool's workspaces) the file is analysed with. */
  workspaceId?: number;
  /** Only summarise the file's functions (the workspace index's pass), do not analyse it. */
  summarize?: boolean;
  /** The worker that kept this file's facts (PoolRun.keptBy of the summary pass): sent to it when it is free. */
  worker?: number;
  /** With index slices (ScanPool.useSlices): the summarised files the analysis reads, the file first. */
  needs?: readonly string[];
}

/** Where a sliced workspace index's summaries come from (the main thread's index), serialized. */
export type SummarySource = (workspaceId: number, file: string) => Uint8Array | undefined;

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
  id: number;
  worker: Worker;
  ready: boolean;
  /** Job indexes (of the current run) in the order sent; the first is the one being analysed. */
  inFlight: number[];
  policiesSent: Set<number>;
  stopping: boolean;
  lastError?: unknown;
  /** The job the deadline is for (the one being analysed), its timer, and whether it fired. */
  timedJob?: number;
  deadline?: NodeJS.Timeout;
  timedOut?: boolean;
  /** With index slices: the summaries the worker holds, of which workspace. */
  slice?: { workspaceId: number; files: Set<string> };
}

export interface PoolRun {
  /** Outcomes by job index; undefined for jobs the pool could not run (see the header). */
  outcomes: (FileOutcome | undefined)[];
  /** By job index: the worker that kept the file's facts (summary jobs only). */
  keptBy: (number | undefined)[];
  /** How many workers died (each replaced). */
  crashes: number;
}

interface Run {
  jobs: PoolJob[];
  policies: readonly ResolvedPolicy[];
  outcomes: (FileOutcome | undefined)[];
  keptBy: (number | undefined)[];
  /**
   * Jobs no worker is waiting for, popped from the end (discovery order). A job may appear twice
   * (prioritize): popping skips those already sent.
   */
  shared: number[];
  /** By job index: sent to a worker (and not requeued since). */
  sent: boolean[];
  /** Jobs waiting for the worker that holds their facts, by worker id, popped from the end. */
  byWorker: Map<number, number[]>;
  remaining: number;
  crashes: number;
  onDone: (index: number, outcome: FileOutcome, keptBy?: number) => void;
  resolve: (run: PoolRun) => void;
}

/** Queues a job for the worker that holds its facts when that worker is `live`, else for any worker. */
function queueJob(run: Run, index: number, live: ReadonlySet<number>): void {
  const worker = run.jobs[index].worker;
  if (worker !== undefined && live.has(worker)) {
    const queue = run.byWorker.get(worker) ?? [];
    queue.push(index);
    run.byWorker.set(worker, queue);
  } else run.shared.push(index);
}

export class ScanPool {
  private readonly slots = new Set<Slot>();
  private nextId = 0;
  private startupFailures = 0;
  private closed = false;
  private run?: Run;
  /** Messages every worker must have seen (the workspaces), replayed to replacements. */
  private readonly broadcasts: ToWorker[] = [];
  private summarySource?: SummarySource;

  constructor(
    private readonly script: string,
    /** How many workers the pool runs. */
    readonly size: number,
    private readonly setup: WorkerSetup,
    private readonly fileTimeoutMs = DEFAULT_FILE_TIMEOUT_MS,
    private readonly heapLimitMb = WORKER_HEAP_LIMIT_MB,
  ) {}

  /** True once workers failed to start too often: the caller does the rest on its own thread. */
  get gaveUp(): boolean {
    return this.startupFailures >= MAX_STARTUP_FAILURES && this.slots.size === 0;
  }

  /** Sent to every worker, now and to those started later, before any job that follows. */
  broadcast(message: ToWorker): void {
    this.broadcasts.push(message);
    for (const slot of this.slots) slot.worker.postMessage(message);
  }

  /**
   * The workspace index goes to the workers in slices: each analysis is sent with the summaries
   * it reads (PoolJob.needs) that its worker does not hold, instead of every worker holding the
   * whole index. A worker keeps its slice while the next files need nothing more, else starts a
   * new one: it resolves the calls of a slice, not of the whole project.
   */
  useSlices(source: SummarySource): void {
    this.summarySource = source;
  }

  /** Sent to one worker if it is still running (nothing otherwise). */
  sendTo(workerId: number, message: ToWorker): void {
    for (const slot of this.slots) if (slot.id === workerId && !slot.stopping) slot.worker.postMessage(message);
  }

  /**
   * Runs one pass; the workers stay for the next one until `close()`. `onDone` gets each outcome
   * and, for a summary job, the worker that kept the file's facts; it may add jobs to the pass
   * (addJob), which then ends once those are done too.
   */
  runJobs(jobs: readonly PoolJob[], policies: readonly ResolvedPolicy[], onDone: (index: number, outcome: FileOutcome, keptBy?: number) => void): Promise<PoolRun> {
    if (this.run) throw new Error('one pass at a time');
    return new Promise<PoolRun>((resolve) => {
      const live = new Set([...this.slots].map((slot) => slot.id));
      const run: Run = {
        jobs: [...jobs],
        policies,
        outcomes: new Array(jobs.length),
        keptBy: new Array(jobs.length),
        shared: [],
        sent: [],
        byWorker: new Map(),
        remaining: jobs.length,
        crashes: 0,
        onDone,
        resolve,
      };
      for (let index = jobs.length - 1; index >= 0; index--) queueJob(run, index, live);
      this.run = run;
      if (jobs.length === 0 || this.closed || this.gaveUp) return this.finishRun();
      for (let i = this.slots.size; i < Math.max(1, this.size); i++) this.start();
      for (const slot of this.slots) this.feed(slot);
    });
  }

  /**
   * Adds a job to the pass under way (its policy must be among the pass's): next for the worker
   * it names (which holds the file's facts), else next for any worker. Returns its index.
   */
  addJob(job: PoolJob): number {
    const run = this.run;
    if (!run) throw new Error('no pass under way');
    const index = run.jobs.push(job) - 1;
    run.remaining++;
    queueJob(run, index, new Set([...this.slots].filter((slot) => !slot.stopping).map((slot) => slot.id)));
    for (const slot of this.slots) this.feed(slot);
    return index;
  }

  /** A job of the pass under way that no worker has yet goes before the others waiting in the shared queue. */
  prioritize(index: number): void {
    const run = this.run;
    if (!run || run.sent[index] || run.outcomes[index] !== undefined) return;
    if (run.shared[run.shared.length - 1] !== index) run.shared.push(index);
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      slot.stopping = true;
      clearTimeout(slot.deadline);
      void slot.worker.terminate();
    }
  }

  private finishRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    run.resolve({ outcomes: run.outcomes, keptBy: run.keptBy, crashes: run.crashes });
  }

  private complete(run: Run, index: number, outcome: FileOutcome): void {
    if (run.outcomes[index] !== undefined) return;
    run.outcomes[index] = outcome;
    run.remaining--;
    run.onDone(index, outcome, run.keptBy[index]);
  }

  /** The next job for a free worker: its own first, then anyone's, then one waiting for a busy worker. */
  private nextJob(run: Run, slot: Slot): number | undefined {
    const own = run.byWorker.get(slot.id);
    if (own?.length) return own.pop();
    while (run.shared.length) {
      const index = run.shared.pop()!;
      if (!run.sent[index] && run.outcomes[index] === undefined) return index;
    }
    let longest: number[] | undefined;
    for (const queue of run.byWorker.values()) if (queue.length > (longest?.length ?? 0)) longest = queue;
    // Taken from the far end: the busy worker keeps the files it is about to reach.
    return longest?.shift();
  }

  private feed(slot: Slot): void {
    const run = this.run;
    if (!run || !slot.ready || slot.stopping) return;
    while (slot.inFlight.length < IN_FLIGHT_PER_WORKER) {
      const index = this.nextJob(run, slot);
      if (index === undefined) break;
      const job = run.jobs[index];
      if (!slot.policiesSent.has(job.policyId)) {
        slot.policiesSent.add(job.policyId);
        slot.worker.postMessage({ type: 'policy', id: job.policyId, policy: run.policies[job.policyId] } satisfies ToWorker);
      }
      slot.inFlight.push(index);
      run.sent[index] = true;
      const slice = this.sliceFor(slot, job);
      const message: ToWorker = { type: 'analyze', job: index, file: job.file, policyId: job.policyId, workspaceId: job.workspaceId, summarize: job.summarize, ...(slice ? { slice } : {}) };
      slot.worker.postMessage(message);
    }
    this.watch(slot);
  }

  /** The summaries to send with a job: none when the worker holds all it needs, else a new slice. */
  private sliceFor(slot: Slot, job: PoolJob): IndexSlice | undefined {
    const source = this.summarySource;
    if (!source || job.summarize || job.workspaceId === undefined || !job.needs) return undefined;
    const workspaceId = job.workspaceId;
    const held = slot.slice?.workspaceId === workspaceId ? slot.slice.files : undefined;
    if (held && job.needs.every((file) => held.has(file))) return undefined;
    slot.slice = { workspaceId, files: new Set(job.needs) };
    return { summaries: job.needs.flatMap((file) => source(workspaceId, file) ?? []) };
  }

  // The deadline runs for the file a worker is analysing: the first of those it holds.
  private watch(slot: Slot): void {
    const current = slot.inFlight[0];
    if (current === slot.timedJob) return;
    clearTimeout(slot.deadline);
    slot.timedJob = current;
    slot.deadline = undefined;
    if (current === undefined || this.fileTimeoutMs <= 0) return;
    slot.deadline = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, this.fileTimeoutMs);
  }

  private start(): void {
    const slot: Slot = {
      id: this.nextId++,
      worker: new Worker(this.script, { workerData: this.setup, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
      ready: false,
      inFlight: [],
      policiesSent: new Set(),
      stopping: false,
    };
    this.slots.add(slot);
    for (const message of this.broadcasts) slot.worker.postMessage(message);
    slot.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        slot.ready = true;
        this.feed(slot);
        return;
      }
      const run = this.run;
      if (!run) return;
      slot.inFlight = slot.inFlight.filter((index) => index !== message.job);
      if (message.kept) run.keptBy[message.job] = slot.id;
      this.complete(run, message.job, message.outcome);
      if (run.remaining === 0) this.finishRun();
      else this.feed(slot);
      this.watch(slot);
    });
    slot.worker.on('error', (error) => {
      slot.lastError = error;
    });
    slot.worker.on('exit', (code) => this.exited(slot, code));
  }

  private exited(slot: Slot, code: number): void {
    this.slots.delete(slot);
    clearTimeout(slot.deadline);
    if (slot.stopping || this.closed) return;
    const run = this.run;
    if (!run) {
      // Died between passes (out of memory while idle): its kept facts are gone; a replacement
      // is started by the next pass.
      return;
    }
    run.crashes++;
    // The file being analysed is the suspect; the others it held, and those waiting for its
    // facts, go back to the shared queue.
    const [suspect, ...others] = slot.inFlight;
    for (const index of others) run.sent[index] = false;
    run.shared.push(...others.reverse());
    const waiting = run.byWorker.get(slot.id);
    if (waiting) {
      run.shared.push(...waiting);
      run.shared.sort((a, b) => b - a);
      run.byWorker.delete(slot.id);
    }
    if (slot.ready && suspect !== undefined) {
      const why = slot.lastError ? describeError(slot.lastError) : `exit code ${code}`;
      const outOfMemory = (slot.lastError as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const detail = slot.timedOut
        ? `the analysis took longer than ${this.fileTimeoutMs / 1000} s (--file-timeout); the scan went on without this file`
        : outOfMemory
          ? `the analysis needed more than the ${this.heapLimitMb} MB of memory a scan worker may use; the scan went on without this file`
          : `the analyser crashed (${why}); the scan went on without this file`;
      this.complete(run, suspect, { kind: 'analysis-failed', detail, ...(slot.timedOut ? { timedOut: true } : {}) });
    } else {
      if (suspect !== undefined) {
        run.sent[suspect] = false;
        run.shared.push(suspect);
      }
      this.startupFailures++;
    }
    if (run.remaining === 0) return this.finishRun();
    if (this.startupFailures >= MAX_STARTUP_FAILURES) {
      if (this.slots.size === 0) this.finishRun();
      return;
    }
    this.start();
  }
}

/**
 * One pass on a pool of its own, closed at the end. `fileTimeoutMs`: how long a worker may spend
 * on one file (0: no limit). A worker past it is terminated and replaced, and the file gets an
 * `analysis-failed` outcome that says so.
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
  const pool = new ScanPool(script, size, setup, fileTimeoutMs);
  try {
    return await pool.runJobs(jobs, policies, onDone);
  } finally {
    pool.close();
  }
}
