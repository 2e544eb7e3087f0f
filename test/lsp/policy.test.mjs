// The policy file in the editor: its own problems as diagnostics on it, and a changed policy
// re-diagnoses the open documents.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, startServer, waitFor, workspaceDir } from './lspClient.mjs';

const brokenPolicyUri = fixtureUri('broken-policy', 'phi-guard.json');
const brokenPolicyText = readFileSync(path.join(workspaceDir, 'broken-policy', 'phi-guard.json'), 'utf8');
const errorLine = 3; // "phi-in-error": "warning" after a line without its comma
const addMissingComma = [{ range: { start: { line: 2, character: 25 }, end: { line: 2, character: 25 } }, text: ',' }];
const patientLogText = readFileSync(path.join(workspaceDir, 'app', 'patient_log.py'), 'utf8');

function assertSyntaxError(diagnostics) {
  assert.ok(diagnostics.length >= 1, 'a diagnostic on the policy file');
  const [first] = diagnostics;
  assert.equal(first.range.start.line, errorLine);
  assert.equal(first.source, 'phi-guard');
  assert.equal(first.severity, 1);
  assert.equal(typeof first.code, 'string');
}

/** A throwaway workspace with a policy on disk, outside the repository. */
function temporaryWorkspace(policy) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-'));
  mkdirSync(path.join(root, 'app'));
  const policyFile = path.join(root, 'phi-guard.json');
  writeFileSync(policyFile, JSON.stringify(policy, null, 2));
  return {
    root,
    policyFile,
    policyUri: pathToFileURL(policyFile).href,
    sourceUri: pathToFileURL(path.join(root, 'app', 'patient_log.py')).href,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

describe('policy file diagnostics (push client)', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('watches phi-guard.json files through the client', async () => {
    const registration = await waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    assert.ok(registration.registerOptions.watchers.some((watcher) => watcher.globPattern === '**/phi-guard.json'));
  });

  it('reports a syntax error on the opened policy file, at its line', async () => {
    await client.open(brokenPolicyUri, brokenPolicyText, 'json');
    assertSyntaxError(await client.waitForPublished(brokenPolicyUri, { version: 1, predicate: (items) => items.length > 0 }));
  });

  it('clears it when the edit fixes the JSON', async () => {
    await client.change(brokenPolicyUri, addMissingComma);
    assert.deepEqual(await client.waitForPublished(brokenPolicyUri, { version: 2 }), []);
  });
});

describe('policy file diagnostics (pull client)', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('answers textDocument/diagnostic for the policy file', async () => {
    await client.open(brokenPolicyUri, brokenPolicyText, 'json');
    assertSyntaxError((await client.pullUntil(brokenPolicyUri, (items) => items.length > 0)).items);
  });

  it('asks the client to re-pull everything when the open policy changes', async () => {
    const before = client.refreshRequests;
    await client.change(brokenPolicyUri, addMissingComma);
    await waitFor(() => client.refreshRequests > before, { message: 'workspace/diagnostic/refresh' });
    assert.deepEqual((await client.pull(brokenPolicyUri)).items, []);
  });
});

describe('a policy changed on disk', () => {
  let client;
  let workspace;
  before(async () => {
    workspace = temporaryWorkspace({ rules: { 'phi-in-log': 'warning' } });
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
    workspace?.remove();
  });

  it('applies the nearest policy to the document', async () => {
    await client.open(workspace.sourceUri, patientLogText);
    const diagnostics = await client.waitForPublished(workspace.sourceUri, {
      predicate: (items) => items.some((d) => d.code === 'phi-in-log'),
    });
    assert.equal(diagnostics.find((d) => d.code === 'phi-in-log').severity, 2, 'the policy made it a warning');
  });

  it('re-analyses open documents when the watcher reports the change', async () => {
    writeFileSync(workspace.policyFile, JSON.stringify({ rules: { 'phi-in-log': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.policyUri, type: 2 }] });
    await client.waitForPublished(workspace.sourceUri, { predicate: (items) => !items.some((d) => d.code === 'phi-in-log') });
  });

  it('publishes the problems of a policy on disk that is not open', async () => {
    writeFileSync(workspace.policyFile, '{\n  "rules": {\n    "no-such-rule": "error"\n  }\n}\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.policyUri, type: 2 }] });
    const diagnostics = await client.waitForPublished(workspace.policyUri, { predicate: (items) => items.length > 0 });
    assert.equal(diagnostics[0].source, 'phi-guard');
    assert.equal(diagnostics[0].range.start.line, 2);
    // The broken part is dropped; the defaults still apply: phi-in-log is back as an error.
    const source = await client.waitForPublished(workspace.sourceUri, {
      predicate: (items) => items.some((d) => d.code === 'phi-in-log'),
    });
    assert.equal(source.find((d) => d.code === 'phi-in-log').severity, 1);
  });
});

/** Records phiGuard/policyStatus notifications (registered right after start, before any policy loads). */
function recordPolicyStatus(client) {
  const statuses = [];
  client.connection.onNotification('phiGuard/policyStatus', (params) => statuses.push(params));
  return statuses;
}

describe('a policy nested too deeply, on disk and in the editor', () => {
  let push;
  let pull;
  let workspace;
  let statuses;
  const deepText = `{\n  "rules": { "phi-in-log": "warning" },\n  "ignore": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`;
  before(async () => {
    workspace = temporaryWorkspace({});
    writeFileSync(workspace.policyFile, deepText);
    push = await startServer({ pull: false });
    statuses = recordPolicyStatus(push);
    pull = await startServer({ pull: true });
  });
  after(async () => {
    await push?.shutdown();
    await pull?.shutdown();
    workspace?.remove();
  });

  it('publishes a positioned diagnostic on the policy file, and the rest of the policy applies', async () => {
    await push.open(workspace.sourceUri, patientLogText);
    const problems = await push.waitForPublished(workspace.policyUri, { predicate: (items) => items.some((d) => d.code === 'too-deep') });
    const deep = problems.find((d) => d.code === 'too-deep');
    assert.deepEqual(deep.range.start, { line: 2, character: 12 + 63 });
    assert.equal(deep.severity, 1);
    const source = await push.waitForPublished(workspace.sourceUri, { predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
    assert.equal(source.find((d) => d.code === 'phi-in-log').severity, 2, 'the valid rules setting still applies');
  });

  it('tells the client the policy has problems (for the status bar)', async () => {
    const status = await waitFor(() => statuses.at(-1)?.policies.find((p) => p.uri === workspace.policyUri && p.errors > 0), {
      message: 'a phiGuard/policyStatus with the broken policy',
    });
    assert.equal(status.problemUri, workspace.policyUri);
    assert.ok(status.errors >= 1);
  });

  it('shows the same diagnostic when the policy file is open in a pull client', async () => {
    await pull.open(workspace.policyUri, deepText, 'json');
    const report = await pull.pullUntil(workspace.policyUri, (items) => items.some((d) => d.code === 'too-deep'));
    assert.deepEqual(report.items.find((d) => d.code === 'too-deep').range.start, { line: 2, character: 12 + 63 });
  });
});

describe('extends entries the file system refuses, with documents in two folders', () => {
  let client;
  let workspace;
  before(async () => {
    workspace = temporaryWorkspace({});
    mkdirSync(path.join(workspace.root, 'web'));
    symlinkSync('loop-b', path.join(workspace.root, 'loop-a'));
    symlinkSync('loop-a', path.join(workspace.root, 'loop-b'));
    const entries = ['./x\\u0000y.json', `./${'a'.repeat(5000)}.json`, './loop-a'];
    writeFileSync(workspace.policyFile, `{\n  "extends": [\n${entries.map((e) => `    "${e}"`).join(',\n')}\n  ]\n}\n`);
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
    workspace?.remove();
  });

  it('reports each at its entry and keeps analysing on the defaults', async () => {
    const second = pathToFileURL(path.join(workspace.root, 'web', 'patient_log.py')).href;
    await client.open(workspace.sourceUri, patientLogText);
    await client.open(second, patientLogText);
    for (const uri of [workspace.sourceUri, second]) {
      const items = await client.waitForPublished(uri, { predicate: (d) => d.some((x) => x.code === 'phi-in-log') });
      assert.equal(items.find((d) => d.code === 'phi-in-log').severity, 1);
    }
    const problems = await client.waitForPublished(workspace.policyUri, { predicate: (items) => items.length >= 3 });
    assert.deepEqual(
      problems.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [
        ['extends-invalid', 2, 4],
        ['extends-unreadable', 3, 4],
        ['extends-unreadable', 4, 4],
      ],
    );
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });
});

describe('a policy that turns rules off through extends, and phiGuard.rules', () => {
  let client;
  let workspace;
  let statuses;
  before(async () => {
    workspace = temporaryWorkspace({});
    const repo = path.join(workspace.root, 'work', 'repo');
    mkdirSync(path.join(repo, 'app'), { recursive: true });
    writeFileSync(path.join(workspace.root, 'x.json'), '{ "rules": { "phi-in-log": "off" } }');
    writeFileSync(path.join(repo, 'phi-guard.json'), '{ "extends": ["../../x.json"] }');
    workspace.repoSourceUri = pathToFileURL(path.join(repo, 'app', 'patient_log.py')).href;
    workspace.repoPolicyUri = pathToFileURL(path.join(repo, 'phi-guard.json')).href;
    workspace.outsideUri = pathToFileURL(path.join(workspace.root, 'x.json')).href;
    client = await startServer({ pull: false, configuration: true, settings: () => ({ rules: { 'phi-to-ai': 'off', 'phi-in-error': 'info' } }) });
    statuses = recordPolicyStatus(client);
  });
  after(async () => {
    await client?.shutdown();
    workspace?.remove();
  });

  it('sends the override with the file that set it, and logs it with the extends outside the workspace', async () => {
    await client.open(workspace.repoSourceUri, patientLogText);
    const status = await waitFor(() => statuses.at(-1)?.policies.find((p) => p.uri === workspace.repoPolicyUri), { message: 'the policy status' });
    assert.deepEqual(status.overrides, [{ ruleId: 'phi-in-log', severity: 'off', defaultSeverity: 'error', uri: workspace.outsideUri }]);
    assert.equal(status.errors + status.warnings, 0);
    await waitFor(() => client.logs.some((line) => /turns off phi-in-log \(set in .*x\.json\)/.test(line)), { message: 'the override in the log' });
    await waitFor(() => client.logs.some((line) => /extends .*x\.json, outside the workspace folders/.test(line)), { message: 'the outside extends in the log' });
  });

  it('logs the rules phiGuard.rules turns off or down, by id only', async () => {
    const line = await waitFor(() => client.logs.find((l) => l.startsWith('Setting phiGuard.rules')), { message: 'the phiGuard.rules log line' });
    assert.match(line, /turns off phi-to-ai/);
    assert.match(line, /turns down phi-in-error \(info\)/);
  });
});
