// The server answers sensibly whatever it is asked, keeps source text out of its logs,
// debounces bursts of edits and shuts down cleanly (docs/reliability.md, "Server robustness").

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, startServer, waitFor, workspaceDir } from './lspClient.mjs';

const unknownUri = fixtureUri('app', 'never_opened.py');
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };

describe('requests for unknown documents', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('return empty results', async () => {
    assert.equal(await client.hover(unknownUri, range.start), null);
    assert.deepEqual(await client.codeActions(unknownUri, range, [], undefined), []);
    assert.deepEqual(await client.codeActions(unknownUri, range, [], ['source.fixAll.phiGuard']), []);
    assert.deepEqual(await client.pull(unknownUri), { kind: 'full', items: [] });
  });

  it('a change for a document that was never opened is ignored', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: unknownUri, version: 7 },
      contentChanges: [{ range, text: 'x' }],
    });
    assert.deepEqual(await client.pull(unknownUri), { kind: 'full', items: [] });
  });
});

describe('odd documents', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('a file in a language PHI Guard does not analyse gets no diagnostics', async () => {
    const uri = fixtureUri('notes.md');
    await client.open(uri, '# patient.dob\n', 'markdown');
    assert.deepEqual((await client.pull(uri)).items, []);
  });

  it('a file that does not parse is still answered', async () => {
    const uri = fixtureUri('app', 'broken.py');
    await client.open(uri, 'def (:\n    logger.info("x %s", patient.ssn\n');
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(Array.isArray(report.items));
    await client.hover(uri, { line: 1, character: 30 });
  });

  it('an untitled buffer is analysed by its language id', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'import logging\nlogger = logging.getLogger()\nlogger.info("x %s", patient.dob)\n');
    const report = await client.pullUntil(uri, (items) => items.some((d) => d.code === 'phi-in-log'));
    assert.equal(report.items[0].range.start.line, 2);
  });
});

describe('logs and debouncing', () => {
  let client;
  const marker = 'ZZ_SOURCE_MARKER_42';
  const uri = fixtureUri('app', 'burst.py');
  const text = readFileSync(path.join(workspaceDir, 'app', 'patient_log.py'), 'utf8').replace('found %s', `${marker} %s`);

  before(async () => {
    client = await startServer({ pull: false });
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('a burst of keystrokes is analysed once it pauses, for the last version', async () => {
    await client.open(uri, text);
    await client.waitForPublished(uri, { version: 1, predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
    const before = client.publishLog.length;
    // Type ten characters at the end of line 0 without pausing.
    let version;
    for (let i = 0; i < 10; i++) {
      version = await client.change(uri, [{ range: { start: { line: 0, character: 14 + i }, end: { line: 0, character: 14 + i } }, text: ' ' }]);
    }
    await client.waitForPublished(uri, { version, predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
    const published = client.publishLog.slice(before).filter((params) => params.uri === uri);
    assert.ok(published.length < 5, `debounced: ${published.length} publishes for 10 changes`);
  });

  it('never writes source text into its logs', async () => {
    await waitFor(() => client.logs.some((line) => line.includes('analysed')), { message: 'a trace line' });
    const output = [...client.logs, client.stderr].join('\n');
    assert.ok(!output.includes(marker), 'no source text in the output');
    assert.ok(!output.includes('patient.dob'), 'no source text in the output');
  });
});

describe('shutdown', () => {
  it('exits with code 0 after shutdown and exit', async () => {
    const client = await startServer({ pull: false });
    const result = await client.shutdown();
    assert.deepEqual(result, { code: 0, signal: null });
  });
});

describe('transport', () => {
  it('also speaks over node IPC, as vscode-languageclient starts it', async () => {
    const { fork } = await import('node:child_process');
    const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver-protocol/node');
    const { serverPath } = await import('./lspClient.mjs');
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = [];
    connection.onNotification('textDocument/publishDiagnostics', (params) => published.push(params));
    connection.listen();
    try {
      const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.capabilities.diagnosticProvider, undefined, 'a client with no capabilities gets pushed diagnostics');
      assert.equal(result.capabilities.codeActionProvider, true, 'no code action kinds for a client without literals');
      await connection.sendNotification('initialized', {});
      const uri = fixtureUri('app', 'ipc.py');
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'python', version: 1, text: 'import logging\nlogging.info("x %s", patient.ssn)\n' },
      });
      const params = await waitFor(() => published.find((p) => p.uri === uri && p.diagnostics.length), { message: 'diagnostics over IPC' });
      assert.equal(params.diagnostics[0].code, 'phi-in-log');
      assert.equal(params.diagnostics[0].codeDescription, undefined, 'not declared by this client');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
