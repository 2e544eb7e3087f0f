// Entry point of a scan worker (bundled as dist/scan-worker.js): initialises the engine once,
// then summarises or analyses the files the pool sends, one at a time, in the order received.
// The facts of files it summarised are kept (kept-facts.ts) until their analysis, so a file is
// parsed once per scan when its analysis comes back here.

import * as path from 'node:path';
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { initEngineRuntime, type FileSummary, type ResolvedPolicy, type WorkspaceIndex } from '../../engine';
import { indexFromData, type WorkspaceData } from '../project-index';
import { analyzeFile, analyzePreparedFile, prepareOneFile, withoutEndpoints } from './file-job';
import { KeptFacts } from './kept-facts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('scan-worker must run in a worker thread');
const setup = (workerData ?? {}) as WorkerSetup;
const policies = new Map<number, ResolvedPolicy>();
let workspaceData: WorkspaceData[] | undefined = setup.workspaces;
const workspaces = new Map<number, WorkspaceIndex>();
// Facts are kept while less than a third of the worker's heap limit is in use (pool.ts).
const kept = new KeptFacts(setup.keepFactsChars ?? 0, 1 / 3);
const post = (message: FromWorker) => port.postMessage(message);

// The runtime only: each grammar loads when a file first needs it (a Python-only tree never loads the three others).
let queue: Promise<void> = initEngineRuntime().then(() => post({ type: 'ready' }));

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'policy') {
    policies.set(message.id, message.policy);
    return;
  }
  if (message.type === 'workspaces') {
    workspaceData = message.workspaces;
    workspaces.clear();
    return;
  }
  if (message.type === 'forget') {
    for (const file of message.files) kept.take(file);
    return;
  }
  const policy = policies.get(message.policyId);
  if (!policy) throw new Error(`scan-worker: unknown policy ${message.policyId}`);
  if (setup.crashOn && !message.summarize && path.basename(message.file) === setup.crashOn) process.exit(70);
  if (message.summarize) {
    const outcome = await prepareOneFile(message.file, policy, { maxFileSizeKb: setup.maxFileSizeKb });
    if (outcome.kind !== 'summarized') return post({ type: 'done', job: message.job, outcome });
    const { prepared, ...summarized } = outcome;
    // The facts stay here (they hold source text, which never leaves a worker); the summary goes.
    const keeps = !!prepared && kept.keep(message.file, prepared, outcome.contentHash);
    post({ type: 'done', job: message.job, outcome: summarized, ...(keeps ? { kept: true } : {}) });
    return;
  }
  const options = {
    maxFileSizeKb: setup.maxFileSizeKb,
    maxFileSizeName: setup.maxFileSizeName,
    projectRoot: setup.projectRoot,
    // Controls registered in other files (Django settings, global guards, mounts) and redacting loggers.
    ...(setup.auditContext ? { auditContext: setup.auditContext } : {}),
    workspace: message.workspaceId === undefined ? undefined : workspaceIndex(message.workspaceId),
  };
  if (message.slice && options.workspace) {
    // The summaries this file's analysis reads replace the previous file's (pool.ts, index slices).
    options.workspace.clearSummaries();
    for (const summary of message.slice.summaries) options.workspace.set(deserialize(summary) as FileSummary);
  }
  const ready = kept.take(message.file);
  const outcome = ready ? analyzePreparedFile(ready.prepared, ready.contentHash, message.file, policy, options) : await analyzeFile(message.file, policy, options);
  post({ type: 'done', job: message.job, outcome: setup.dropEndpoints ? withoutEndpoints(outcome) : outcome });
}

function workspaceIndex(id: number): WorkspaceIndex | undefined {
  let index = workspaces.get(id);
  const data = workspaceData?.[id];
  if (!index && data) workspaces.set(id, (index = indexFromData(data)));
  return index;
}
