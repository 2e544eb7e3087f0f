// Diagnostics over the protocol: pushed to a client without pull support, pulled by one with
// it, never both; incremental edits; the skipped-file notice.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, rangeOfText, startServer, waitFor, workspaceDir } from './lspClient.mjs';

const patientLogUri = fixtureUri('app', 'patient_log.py');
const patientLogText = readFileSync(path.join(workspaceDir, 'app', 'patient_log.py'), 'utf8');
const phiLine = 6; // logger.info("found %s", patient.dob)

function assertPhiInLog(diagnostics) {
  const diagnostic = diagnostics.find((d) => d.code === 'phi-in-log');
  assert.ok(diagnostic, `expected a phi-in-log diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  assert.equal(diagnostic.source, 'phi-guard');
  assert.equal(diagnostic.severity, 1, 'phi-in-log is an error by default');
  assert.equal(diagnostic.range.start.line, phiLine);
  assert.match(diagnostic.codeDescription?.href ?? '', /phi-in-log/);
  assert.ok(!diagnostic.message.includes('patient.dob") '), 'message names the element, not a value');
  assert.equal(diagnostic.data?.version, 1, 'data carries the document version');
  return diagnostic;
}

/** Replaces `patient.dob` on the log line by `patient.patient_id` (an incremental change). */
function removePhiChange() {
  return [{ range: rangeOfText(patientLogText, 'patient.dob'), text: 'patient.patient_id' }];
}

describe('push diagnostics (client without textDocument.diagnostic)', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('does not register a diagnostic provider', () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.equal(client.initializeResult.capabilities.textDocumentSync.change, 2, 'incremental sync');
  });

  it('publishes phi-in-log for an opened Python file', async () => {
    await client.open(patientLogUri, patientLogText);
    const diagnostics = await client.waitForPublished(patientLogUri, {
      version: 1,
      predicate: (items) => items.some((d) => d.code === 'phi-in-log'),
    });
    assertPhiInLog(diagnostics);
  });

  it('clears the diagnostics when an incremental change removes the PHI', async () => {
    const version = await client.change(patientLogUri, removePhiChange());
    assert.equal(version, 2);
    const diagnostics = await client.waitForPublished(patientLogUri, { version: 2 });
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('publishes an empty list for a clean file', async () => {
    const uri = fixtureUri('app', 'clean.py');
    await client.open(uri, readFileSync(path.join(workspaceDir, 'app', 'clean.py'), 'utf8'));
    assert.deepEqual(await client.waitForPublished(uri, { version: 1 }), []);
  });

  it('publishes phi-in-log for a TypeScript file', async () => {
    const uri = fixtureUri('app', 'patientLog.ts');
    await client.open(uri, readFileSync(path.join(workspaceDir, 'app', 'patientLog.ts'), 'utf8'), 'typescript');
    const diagnostics = await client.waitForPublished(uri, {
      version: 1,
      predicate: (items) => items.some((d) => d.code === 'phi-in-log'),
    });
    assert.equal(diagnostics.find((d) => d.code === 'phi-in-log').range.start.line, 6);
  });

  it('publishes an empty list when the document closes', async () => {
    const before = client.publishLog.length;
    await client.close(patientLogUri);
    const cleared = await waitFor(() => client.publishLog.slice(before).find((params) => params.uri === patientLogUri), {
      message: 'publishDiagnostics after didClose',
    });
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('registers a diagnostic provider', () => {
    const provider = client.initializeResult.capabilities.diagnosticProvider;
    assert.ok(provider, 'diagnosticProvider advertised');
    assert.equal(provider.interFileDependencies, false);
  });

  it('answers textDocument/diagnostic with phi-in-log', async () => {
    await client.open(patientLogUri, patientLogText);
    const report = await client.pullUntil(patientLogUri, (items) => items.some((d) => d.code === 'phi-in-log'));
    assertPhiInLog(report.items);
    assert.ok(report.resultId, 'a resultId for unchanged reports');
    const again = await client.pull(patientLogUri, report.resultId);
    assert.equal(again.kind, 'unchanged', 'same version, same result');
  });

  it('returns no diagnostics for the version without PHI', async () => {
    await client.change(patientLogUri, removePhiChange());
    const report = await client.pull(patientLogUri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items, []);
  });

  it('never pushes to a pulling client', () => {
    assert.equal(client.publishLog.length, 0, `unexpected publishDiagnostics: ${client.publishLog.map((p) => p.uri)}`);
  });
});

describe('skipped files', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true, configuration: true, settings: () => ({ maxFileSizeKb: 1 }) });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('reports a too-large file with one information diagnostic at line 0, without source text', async () => {
    const uri = fixtureUri('app', 'large_generated.py');
    const marker = 'SECRET_MARKER_VALUE';
    const text = `x = "${marker}"\n` + 'value = 1\n'.repeat(300);
    await client.open(uri, text);
    const report = await client.pullUntil(uri, (items) => items.length > 0);
    assert.equal(report.items.length, 1);
    const [notice] = report.items;
    assert.equal(notice.severity, 3, 'Information');
    assert.equal(notice.source, 'phi-guard');
    assert.equal(notice.range.start.line, 0);
    assert.match(notice.message, /too large/i);
    assert.ok(!notice.message.includes(marker));
  });
});

describe('unjustified suppression', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('reports a suppression comment without a reason, and hides the suppressed finding', async () => {
    const uri = fixtureUri('app', 'unjustified.py');
    await client.open(uri, readFileSync(path.join(workspaceDir, 'app', 'unjustified.py'), 'utf8'));
    const diagnostics = await client.waitForPublished(uri, {
      predicate: (items) => items.some((d) => d.code === 'unjustified-suppression'),
    });
    const warning = diagnostics.find((d) => d.code === 'unjustified-suppression');
    assert.equal(warning.severity, 2, 'warning');
    assert.equal(warning.range.start.line, 6);
    assert.ok(!diagnostics.some((d) => d.code === 'phi-in-log'), 'the suppression still applies');
  });
});
