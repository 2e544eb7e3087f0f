// `phiGuard/auditCoverage`: the server's coverage report over workspace folders, following open
// documents' unsaved text and files changed on disk.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { copyCoverageProject } from '../support/coverage-project.mjs';
import { startServer } from './lspClient.mjs';

const REQUEST = 'phiGuard/auditCoverage';

describe('phiGuard/auditCoverage', () => {
  let client;
  let dir;
  let folder;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-coverage-'));
    copyCoverageProject(dir);
    folder = pathToFileURL(dir).href;
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const request = () => client.connection.sendRequest(REQUEST, { folders: [folder] });

  it('reports every endpoint of the folder with its status, URI and the summary', async () => {
    const result = await request();
    assert.equal(result.truncated, false);
    assert.ok(result.files >= 6);
    const labs = result.endpoints.find((e) => e.file === 'api/patients.py' && e.line === 20);
    assert.equal(labs.uri, pathToFileURL(path.join(dir, 'api', 'patients.py')).href);
    assert.deepEqual([labs.status, labs.path, labs.action, labs.roles], ['covered', '/api/patients/{pid}/labs', 'read', ['clinician']]);
    assert.equal(result.endpoints.find((e) => e.file === 'clinic/views.py' && e.line === 9).path, '/clinic/patients/<int:pk>/');
    assert.deepEqual(new Set(result.endpoints.map((e) => e.framework)), new Set(['fastapi', 'django', 'express', 'nestjs']));
    const phi = result.endpoints.filter((e) => e.touchesPhi);
    assert.equal(result.summary.phiEndpoints, phi.length);
    assert.equal(result.summary.covered, phi.filter((e) => e.covered).length);
    assert.ok(result.findings.total >= result.summary.missing + result.summary.mismatched);
    assert.ok(result.findings.errors >= result.summary.missing);
  });

  it('follows the unsaved text of an open document', async () => {
    const file = path.join(dir, 'covered.py');
    writeFileSync(file, 'from fastapi import APIRouter\nrouter = APIRouter()\n');
    const uri = pathToFileURL(file).href;
    const text = [
      'from fastapi import APIRouter',
      'router = APIRouter()',
      '',
      '@router.get("/patients/{pid}/chart")',
      'def chart(pid: str):',
      '    return load_chart(pid)',
      '',
    ].join('\n');
    await client.open(uri, text);
    const result = await request();
    const chart = result.endpoints.find((e) => e.uri === uri);
    assert.ok(chart, 'the open document counts');
    assert.deepEqual([chart.status, chart.line, chart.path], ['missing', 4, '/patients/{pid}/chart']);
    await client.close(uri);
    const closed = await request();
    assert.equal(closed.endpoints.find((e) => e.uri === uri), undefined, 'back to the text on disk');
  });

  it('picks up a file changed on disk', async () => {
    const file = path.join(dir, 'clinic', 'views.py');
    const before = (await request()).endpoints.find((e) => e.file === 'clinic/views.py' && e.handler === 'chart_list');
    assert.equal(before.status, 'missing');
    const text = readFileSync(file, 'utf8').replace(
      'def chart_list(request, pk):',
      '@phi_access(action="read", data_category="clinical", roles=["clinician"])\ndef chart_list(request, pk):',
    );
    writeFileSync(file, text);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const after = (await request()).endpoints.find((e) => e.file === 'clinic/views.py' && e.handler === 'chart_list');
    assert.equal(after.status, 'covered');
  });

  it('answers empty for no folders and for a folder that does not exist', async () => {
    const none = await client.connection.sendRequest(REQUEST, { folders: [] });
    assert.deepEqual([none.endpoints, none.summary.percent], [[], 100]);
    const missing = await client.connection.sendRequest(REQUEST, { folders: [pathToFileURL(path.join(dir, 'nope')).href] });
    assert.deepEqual(missing.endpoints, []);
  });
});
