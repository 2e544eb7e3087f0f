// Live latency and memory through the real language server (dist/server.js over stdio): the
// time from didChange to the diagnostics for that version, and RSS after many open files.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { editScript, percentile, sampleSource } from './sample-source.mjs';

async function startServer(root) {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  if (process.env.BENCH_DEBUG) connection.onNotification((method, params) => console.error(method, JSON.stringify(params).slice(0, 300)));
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.set(params.uri, params);
    for (const waiter of [...waiters]) waiter();
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ enable: true })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { analysisDelayMs: 0 },
  });
  connection.sendNotification('initialized', {});
  const waitFor = (predicate, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      if (predicate()) return resolve();
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeoutMs);
      const waiter = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(waiter), 1);
        resolve();
      };
      waiters.push(waiter);
    });
  child.stdin.on('error', () => {});
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    connection.dispose();
    child.kill();
  };
  return { child, connection, published, waitFor, stop };
}

export async function measureLiveLatency({ root, sourceDir, language, lineCount, edits }) {
  const server = await startServer(root);
  try {
    const text = sampleSource(sourceDir, language, lineCount);
    const uri = pathToFileURL(path.join(sourceDir, '..', `live-${lineCount}.${language === 'python' ? 'py' : 'ts'}`)).href;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: language, version: 1, text } });
    await server.waitFor(() => server.published.get(uri)?.version === 1);
    const latencies = [];
    let version = 1;
    for (const edit of editScript(text, edits)) {
      version++;
      const started = performance.now();
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
      const expected = version;
      await server.waitFor(() => server.published.get(uri)?.version === expected);
      latencies.push(performance.now() - started);
    }
    return { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
  } finally {
    await server.stop();
  }
}

export async function measureServerMemory({ root, sourceDir, files }) {
  const server = await startServer(root);
  try {
    const sources = [];
    const stack = [sourceDir];
    while (stack.length && sources.length < files) {
      const current = stack.pop();
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else if (/\.(py|ts|tsx)$/.test(entry.name) && sources.length < files) sources.push(full);
      }
    }
    const languageOf = (file) => (file.endsWith('.py') ? 'python' : file.endsWith('.tsx') ? 'typescriptreact' : 'typescript');
    for (const file of sources) {
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: pathToFileURL(file).href, languageId: languageOf(file), version: 1, text: readFileSync(file, 'utf8') },
      });
    }
    await server.waitFor(() => sources.every((file) => server.published.has(pathToFileURL(file).href)), 300_000);
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { files: sources.length, rssMb: Math.round(rssKb / 1024) };
  } finally {
    await server.stop();
  }
}
