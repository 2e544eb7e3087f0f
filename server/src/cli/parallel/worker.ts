// Entry point of a scan worker (bundled as dist/scan-worker.js): initialises the engine once,
// then analyses the files the pool sends, one at a time, in the order received.

import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { initEngine, type ResolvedPolicy, type WorkspaceIndex } from '../../engine';
import { indexFromData } from '../project-index';
import { analyzeFile, summarizeOneFile } from './file-job';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('scan-worker must run in a worker thread');
const setup = (workerData ?? {}) as WorkerSetup;
const policies = new Map<number, ResolvedPolicy>();
const workspaces = new Map<number, WorkspaceIndex>();
const post = (message: FromWorker) => port.postMessage(message);

let queue: Promise<void> = initEngine().then(() => post({ type: 'ready' }));

port.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'policy') {
    policies.set(message.id, message.policy);
    return;
  }
  const policy = policies.get(message.policyId);
  if (!policy) throw new Error(`scan-worker: unknown policy ${message.policyId}`);
  if (setup.crashOn && path.basename(message.file) === setup.crashOn) process.exit(70);
  if (message.summarize) {
    post({ type: 'done', job: message.job, outcome: await summarizeOneFile(message.file, policy, { maxFileSizeKb: setup.maxFileSizeKb }) });
    return;
  }
  const outcome = await analyzeFile(message.file, policy, {
    maxFileSizeKb: setup.maxFileSizeKb,
    maxFileSizeName: setup.maxFileSizeName,
    projectRoot: setup.projectRoot,
    // Controls registered in other files (Django settings, global guards, mounts) and redacting loggers.
    ...(setup.auditContext ? { auditContext: setup.auditContext } : {}),
    workspace: message.workspaceId === undefined ? undefined : workspaceIndex(message.workspaceId),
  });
  post({ type: 'done', job: message.job, outcome });
}

function workspaceIndex(id: number): WorkspaceIndex | undefined {
  let index = workspaces.get(id);
  const data = setup.workspaces?.[id];
  if (!index && data) workspaces.set(id, (index = indexFromData(data)));
  return index;
}
