// The policy file in the editor: its own problems as diagnostics on it, and a changed policy
// re-diagnoses the open documents.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
