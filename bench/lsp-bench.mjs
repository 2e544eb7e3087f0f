// Live latency and memory through the real language server (dist/server.js over stdio): the
// time from didChange to the diagnostics for that version, and RSS after many open files.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { editScript, percentile, sampleSource } from './sample-source.mjs';

/** `workspace`: a folder opened as the workspace, so the server builds its index of it in the background. */
async function startServer(root, { workspace } = {}) {
  const child = spawn(process.execPath, [...serverNodeArgs(), path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'] });
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
  // The workspace index reports its build through $/progress: the bench times begin → end.
  const progress = { begun: undefined, ended: undefined };
  let progressEnded;
  const indexed = new Promise((resolve) => (progressEnded = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', ({ value }) => {
    if (value?.kind === 'begin') progress.begun ??= performance.now();
    if (value?.kind === 'end') {
      progress.ended = performance.now();
      progressEnded();
    }
  });
  connection.listen();
  const initializedAt = performance.now();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspace ? pathToFileURL(workspace).href : null,
    ...(workspace ? { workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }] } : {}),
    capabilities: { workspace: { configuration: true, workspaceFolders: !!workspace }, window: { workDoneProgress: !!workspace } },
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
  return { child, connection, published, waitFor, stop, indexed, progress, initializedAt };
}

function rssMbOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function filesUnder(dir, pattern) {
  const files = [];
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (pattern.test(entry.name)) files.push(full);
    }
  }
  return files;
}

/**
 * The editor's workspace index on a generated tree: a fresh server opened on `workspace`, the
 * time from `initialized` to the end of its indexing progress, and the server's RSS before
 * (nothing indexed) and after.
 */
export async function measureIndexBuild({ root, workspace }) {
  const server = await startServer(root, { workspace });
  try {
    const rssBeforeMb = rssMbOf(server.child.pid);
    await Promise.race([server.indexed, new Promise((_, reject) => setTimeout(() => reject(new Error('the workspace index did not finish within 30 min')), 1_800_000))]);
    return {
      files: filesUnder(workspace, /\.(py|ts|tsx|js|jsx)$/).length,
      buildMs: Math.round(server.progress.ended - server.initializedAt),
      rssBeforeMb,
      rssAfterMb: rssMbOf(server.child.pid),
    };
  } finally {
    await server.stop();
  }
}

/**
 * Keystroke latency with the workspace index loaded: a server opened on `workspace` (the
 * generated tree) indexes it; then a helper module of about `lineCount` lines (the live sample
 * plus a function that logs its argument) and a caller that passes it PHI are opened inside the
 * workspace, the caller's cross-file finding is awaited (the index works), and single-character
 * edits to the helper are timed from didChange to the helper's diagnostics for that version. Each
 * edit also updates the helper's summary once typing pauses, which re-checks its open dependents.
 */
export async function measureIndexedLatency({ root, workspace, sourceDir, language, lineCount, edits }) {
  const server = await startServer(root, { workspace });
  try {
    await server.indexed;
    const python = language === 'python';
    const extension = python ? 'py' : 'ts';
    const helperName = `live_helper_${lineCount}`;
    const helperFunction = python
      ? `\n\ndef note_live(value):\n    log_live.info("noted %s", value)\n`
      : `\nexport function noteLive(value: unknown): void {\n  console.info('noted', value);\n}\n`;
    const helperText = (python ? 'import logging\n\nlog_live = logging.getLogger(__name__)\n' : '') + sampleSource(sourceDir, language, lineCount) + helperFunction;
    const callerText = python
      ? `from ${helperName} import note_live\n\n\ndef admit(patient):\n    note_live(patient.date_of_birth)\n`
      : `import { noteLive } from './${helperName}';\n\nexport function admit(patient: any): void {\n  noteLive(patient.dateOfBirth);\n}\n`;
    const helperUri = pathToFileURL(path.join(workspace, `${helperName}.${extension}`)).href;
    const callerUri = pathToFileURL(path.join(workspace, `live_caller_${lineCount}.${extension}`)).href;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: helperUri, languageId: language, version: 1, text: helperText } });
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: callerUri, languageId: language, version: 1, text: callerText } });
    const crossFile = () => (server.published.get(callerUri)?.diagnostics ?? []).some((d) => /note_?[lL]ive/.test(d.message));
    await server.waitFor(() => server.published.get(helperUri)?.version === 1 && crossFile());
    // How often the caller was re-published while the helper was edited (its findings re-checked).
    let callerPublishes = 0;
    const latencies = [];
    let version = 1;
    let callerLast = server.published.get(callerUri);
    for (const edit of editScript(helperText, edits)) {
      version++;
      const started = performance.now();
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: helperUri, version }, contentChanges: [edit] });
      const expected = version;
      await server.waitFor(() => server.published.get(helperUri)?.version === expected);
      latencies.push(performance.now() - started);
      if (server.published.get(callerUri) !== callerLast) {
        callerPublishes++;
        callerLast = server.published.get(callerUri);
      }
    }
    return { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), callerRepublished: callerPublishes };
  } finally {
    await server.stop();
  }
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

/** BENCH_SERVER_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the servers. */
/** A process's (or one of its threads') user + system CPU time in ms (Linux's /proc), or undefined elsewhere. */
function processCpuMs(pid, thread) {
  try {
    const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(stat, 'utf8').split(') ').pop().split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function serverNodeArgs() {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/**
 * The first squiggle through a fresh server, as an editor sees it: spawn `dist/server.js`,
 * `initialize` (with the client's default analysis delay, not the benchmarks' 0), `initialized`,
 * then `didOpen` of a file of about `lineCount` lines, until its first publishDiagnostics.
 * `workspace`: a folder opened as the workspace, so the server's index starts up beside the open
 * (it must not delay it). Phases: spawn (process start and module load, up to the moment the
 * server began loading its grammars), initialize (the rest of the initialize round trip: the
 * grammars), open (didOpen -> diagnostics: parse and analysis). The open file is written inside
 * the workspace folder (as in an editor) and removed afterwards.
 */
export async function measureFirstDiagnostic({ root, sourceDir, language, lineCount, workspace }) {
  const python = language === 'python';
  const text = sampleSource(sourceDir, language, lineCount);
  const folder = workspace ?? path.join(sourceDir, '..');
  const file = path.join(folder, `first-diagnostic-${process.pid}-${lineCount}.${python ? 'py' : 'ts'}`);
  const uri = pathToFileURL(file).href;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...serverNodeArgs(), path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'] });
  child.stdin.on('error', () => {});
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let engineMs;
  connection.onNotification('window/logMessage', ({ message }) => {
    if (process.env.BENCH_DEBUG) console.error(message);
    const ready = /engine ready in (\d+) ms/.exec(message);
    if (ready) engineMs = Number(ready[1]);
  });
  let diagnosed;
  const firstDiagnostics = new Promise((resolve) => (diagnosed = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri === uri) diagnosed({ at: performance.now(), count: params.diagnostics.length, cpuMs: processCpuMs(child.pid), mainThreadCpuMs: processCpuMs(child.pid, child.pid) });
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ enable: true })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    writeFileSync(file, text);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspace ? pathToFileURL(workspace).href : null,
      workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }] : null,
      capabilities: { workspace: { configuration: true, workspaceFolders: !!workspace }, window: { workDoneProgress: !!workspace } },
    });
    const initializedAt = performance.now();
    connection.sendNotification('initialized', {});
    const openedAt = performance.now();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: language, version: 1, text } });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 60 s')), 60_000).unref());
    const first = await Promise.race([firstDiagnostics, timeout]);
    const initializeTotal = initializedAt - spawnedAt;
    // Without the server's "engine ready" log the split is unknown: all of it counts as spawn.
    const initializeMs = engineMs === undefined ? 0 : Math.min(engineMs, initializeTotal);
    return {
      totalMs: first.at - spawnedAt,
      spawnMs: initializeTotal - initializeMs,
      initializeMs,
      openToDiagnosticsMs: first.at - openedAt,
      diagnostics: first.count,
      // The server's CPU time (all its threads) up to the first diagnostics: on a shared machine,
      // wall times move with the load while this moves much less.
      cpuMs: first.cpuMs,
      // The main thread's alone: the path to the diagnostics (compilers and the collector's helpers run beside it).
      mainThreadCpuMs: first.mainThreadCpuMs,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await Promise.race([connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')), new Promise((resolve) => setTimeout(resolve, 2000))]);
    } catch {
      // already gone
    }
    // A clean exit writes a --cpu-prof profile; a kill would lose it.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    connection.dispose();
    child.kill();
    rmSync(file, { force: true });
  }
}
