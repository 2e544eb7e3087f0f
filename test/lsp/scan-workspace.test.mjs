// `phiGuard/scanWorkspace` (*PHI Guard: Scan Workspace*): findings of files no editor has open
// reach the Problems panel; opening a file hands over to its live diagnostics.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { copyCoverageProject } from '../support/coverage-project.mjs';
import { startServer } from './lspClient.mjs';

const REQUEST = 'phiGuard/scanWorkspace';

describe('phiGuard/scanWorkspace', () => {
  let client;
  let dir;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-scan-'));
    copyCoverageProject(dir);
    writeFileSync(path.join(dir, 'leaky.py'), 'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info("dob %s", patient.dob)\n');
    writeFileSync(path.join(dir, 'clean.py'), 'def show(patient):\n    return patient.id\n');
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the findings of closed files and counts the whole workspace', async () => {
    const result = await client.connection.sendRequest(REQUEST, { folders: [pathToFileURL(dir).href] });
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 8);
    assert.ok(result.findings >= 1 && result.filesWithFindings >= 1);
    const leaky = pathToFileURL(path.join(dir, 'leaky.py')).href;
    const diagnostics = await client.waitForPublished(leaky, { predicate: (list) => list.length === 1 });
    assert.equal(diagnostics[0].code, 'phi-in-log');
    assert.equal(diagnostics[0].range.start.line, 4);
    assert.equal(client.published.has(pathToFileURL(path.join(dir, 'clean.py')).href), false);
  });

  it('clears the scan\'s diagnostics when the file is opened (its pulled diagnostics take over)', async () => {
    const leaky = pathToFileURL(path.join(dir, 'leaky.py')).href;
    await client.open(leaky, readFileSync(path.join(dir, 'leaky.py'), 'utf8'));
    await client.waitForPublished(leaky, { predicate: (list) => list.length === 0 });
  });
});
