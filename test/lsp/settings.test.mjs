// `phiGuard.*` settings: pulled per resource, re-read on didChangeConfiguration; without
// workspace/configuration, taken from initializationOptions and pushed settings.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, startServer, waitFor, workspaceDir } from './lspClient.mjs';

const patientLog = { uri: fixtureUri('app', 'patient_log.py'), text: readFileSync(path.join(workspaceDir, 'app', 'patient_log.py'), 'utf8') };
const twoLogs = { uri: fixtureUri('app', 'two_logs.py'), text: readFileSync(path.join(workspaceDir, 'app', 'two_logs.py'), 'utf8') };
const hasPhiInLog = (items) => items.some((d) => d.code === 'phi-in-log');

describe('settings pulled with workspace/configuration (push client)', () => {
  let client;
  let enabled = false;
  before(async () => {
    client = await startServer({ pull: false, configuration: true, settings: () => ({ enable: enabled }) });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('registers for configuration changes', async () => {
    await waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeConfiguration'));
  });

  it('enable=false: no diagnostics for the resource', async () => {
    await client.open(patientLog.uri, patientLog.text);
    assert.deepEqual(await client.waitForPublished(patientLog.uri, { version: 1 }), []);
    assert.ok(
      client.configurationRequests.some((request) => request.items.some((item) => item.scopeUri === patientLog.uri && item.section === 'phiGuard')),
      'settings are asked per resource',
    );
  });

  it('didChangeConfiguration: settings are pulled again and the document re-analysed', async () => {
    enabled = true;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForPublished(patientLog.uri, { version: 1, predicate: hasPhiInLog });
  });

  it('disabling again clears the diagnostics', async () => {
    enabled = false;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForPublished(patientLog.uri, { version: 1, predicate: (items) => items.length === 0 });
  });
});

describe('settings per resource (pull client)', () => {
  let client;
  before(async () => {
    client = await startServer({
      pull: true,
      configuration: true,
      settings: (scopeUri) =>
        scopeUri === twoLogs.uri ? { enable: false } : { rules: { 'phi-in-log': 'warning', 'no-such-rule': 'error' }, maxFileSizeKb: 'big' },
    });
    await client.open(patientLog.uri, patientLog.text);
    await client.open(twoLogs.uri, twoLogs.text);
  });
  after(async () => {
    await client?.shutdown();
  });

  it('applies rule severity overrides (and ignores invalid values)', async () => {
    const report = await client.pullUntil(patientLog.uri, hasPhiInLog);
    assert.equal(report.items.find((d) => d.code === 'phi-in-log').severity, 2);
  });

  it('disables one resource without touching the others', async () => {
    const report = await client.pull(twoLogs.uri);
    assert.deepEqual(report.items, []);
  });
});

describe('a client without workspace/configuration', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: true, configuration: false, initializationOptions: { phiGuard: { enable: false } } });
    await client.open(patientLog.uri, patientLog.text);
  });
  after(async () => {
    await client?.shutdown();
  });

  it('takes the settings from initializationOptions', async () => {
    assert.deepEqual((await client.pull(patientLog.uri)).items, []);
    assert.equal(client.configurationRequests.length, 0, 'never asks a client that cannot answer');
  });

  it('takes pushed settings from didChangeConfiguration and asks for a re-pull', async () => {
    const before = client.refreshRequests;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { phiGuard: { enable: true } } });
    await waitFor(() => client.refreshRequests > before, { message: 'workspace/diagnostic/refresh' });
    await client.pullUntil(patientLog.uri, hasPhiInLog);
  });
});
