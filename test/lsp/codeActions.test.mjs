// Quick fixes and fix-all over the protocol: the edit the server returns, applied by the
// client, must leave a file without findings.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, startServer, workspaceDir } from './lspClient.mjs';

const FIX_ALL_KIND = 'source.fixAll.phiGuard';

function fixture(name) {
  return { uri: fixtureUri('app', name), text: readFileSync(path.join(workspaceDir, 'app', name), 'utf8') };
}

const hasPhiInLog = (items) => items.some((d) => d.code === 'phi-in-log');

describe('quick fixes (versioned documentChanges)', () => {
  let client;
  const { uri, text } = fixture('patient_log.py');
  let diagnostic;

  before(async () => {
    client = await startServer({ pull: false, documentChanges: true });
    await client.open(uri, text);
    [diagnostic] = (await client.waitForPublished(uri, { version: 1, predicate: hasPhiInLog })).filter((d) => d.code === 'phi-in-log');
  });
  after(async () => {
    await client?.shutdown();
  });

  it('offers a preferred quick fix for the diagnostic, with the diagnostic attached', async () => {
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const quickFixes = actions.filter((action) => action.kind === 'quickfix');
    assert.ok(quickFixes.length >= 1, 'at least one quick fix');
    const preferred = quickFixes.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, 'exactly one preferred fix');
    assert.deepEqual(preferred[0].diagnostics.map((d) => d.code), ['phi-in-log']);
    const [change] = preferred[0].edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 1 }, 'edits are tied to the analysed version');
    assert.ok(!actions.some((action) => action.kind === FIX_ALL_KIND), 'fix-all only when asked for by kind');
  });

  it('applying the preferred fix leaves no diagnostics', async () => {
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
    const preferred = actions.find((action) => action.isPreferred);
    await client.applyWorkspaceEdit(preferred.edit);
    const diagnostics = await client.waitForPublished(uri, { version: 2 });
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('returns no action for a diagnostic computed on an older version', async () => {
    assert.equal(client.document(uri).version, 2);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic], ['quickfix']);
    assert.deepEqual(actions, []);
  });

  it('ignores diagnostics of other tools', async () => {
    const foreign = { ...diagnostic, source: 'pylint', data: { ...diagnostic.data, version: 2 } };
    const actions = await client.codeActions(uri, diagnostic.range, [foreign], ['quickfix']);
    assert.deepEqual(actions, []);
  });
});

describe('quick fixes for a client without versioned edits or Diagnostic.data', () => {
  let client;
  const { uri, text } = fixture('patient_log.py');

  before(async () => {
    client = await startServer({ pull: false, documentChanges: false, dataSupport: false });
    await client.open(uri, text);
  });
  after(async () => {
    await client?.shutdown();
  });

  it('finds the fixes from the analysis and returns plain `changes`', async () => {
    const diagnostics = await client.waitForPublished(uri, { version: 1, predicate: hasPhiInLog });
    const { data, ...withoutData } = diagnostics.find((d) => d.code === 'phi-in-log');
    assert.ok(data, 'the server still sends data; this client just does not hand it back');
    const actions = await client.codeActions(uri, withoutData.range, [withoutData], ['quickfix']);
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, 'a preferred fix');
    assert.ok(preferred.edit.changes?.[uri]?.length, 'edits under `changes`');
    assert.equal(preferred.edit.documentChanges, undefined);
    await client.applyWorkspaceEdit(preferred.edit);
    assert.deepEqual((await client.waitForPublished(uri, { version: 2 })).map((d) => d.code), []);
  });
});

describe('fix all (source.fixAll.phiGuard)', () => {
  let client;
  const { uri, text } = fixture('two_logs.py');
  const wholeFile = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  before(async () => {
    client = await startServer({ pull: true });
    await client.open(uri, text);
  });
  after(async () => {
    await client?.shutdown();
  });

  it('returns one action that fixes every finding of the file', async () => {
    const report = await client.pullUntil(uri, (items) => items.filter((d) => d.code === 'phi-in-log').length >= 2);
    const actions = await client.codeActions(uri, wholeFile, [], [FIX_ALL_KIND]);
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    assert.ok(!actions.some((action) => action.kind === 'quickfix'), 'no quick fixes for a source request');
    const edits = fixAll.edit.documentChanges[0].edits;
    assert.ok(edits.length >= report.items.filter((d) => d.code === 'phi-in-log').length, 'an edit per finding');
  });

  it('is also returned for a plain source.fixAll request (editor.codeActionsOnSave)', async () => {
    const actions = await client.codeActions(uri, wholeFile, [], ['source.fixAll']);
    assert.deepEqual(actions.map((action) => action.kind), [FIX_ALL_KIND]);
  });

  it('applied, leaves a file without diagnostics', async () => {
    const [fixAll] = await client.codeActions(uri, wholeFile, [], [FIX_ALL_KIND]);
    await client.applyWorkspaceEdit(fixAll.edit);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), []);
    const again = await client.codeActions(uri, wholeFile, [], [FIX_ALL_KIND]);
    assert.deepEqual(again, [], 'nothing left to fix');
  });
});
