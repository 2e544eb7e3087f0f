// `phiGuard/complianceReport` (*PHI Guard: Open Compliance Report*): the server builds the report
// over the workspace folders with the module `phi-guard report` uses, for the webview (nonce CSP,
// Save… script) and as the self-contained page the Save… action writes.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { repoRoot, startServer } from './lspClient.mjs';

const NONCE = 'Abc123Def456Ghi789Jkl0';

describe('phiGuard/complianceReport', () => {
  let client;
  let dir;
  let folder;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-report-'));
    cpSync(path.join(repoRoot, 'examples', 'demo-clinic'), dir, { recursive: true });
    folder = pathToFileURL(dir).href;
    client = await startServer({ pull: true });
  });
  after(async () => {
    await client?.shutdown();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the workspace report for the webview and as the page to save, with the Audit Coverage numbers', async () => {
    const result = await client.connection.sendRequest('phiGuard/complianceReport', { folders: [folder], nonce: NONCE });
    const coverage = await client.connection.sendRequest('phiGuard/auditCoverage', { folders: [folder] });
    assert.match(result.fileName, /^phi-guard-compliance-report-\d{4}-\d\d-\d\d\.html$/);

    const webview = result.webviewHtml;
    assert.match(webview, new RegExp(`content="default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';"`));
    assert.match(webview, new RegExp(`<style nonce="${NONCE}">`));
    assert.match(webview, new RegExp(`<script nonce="${NONCE}">[^<]*postMessage\\(\\{type:'save'\\}\\)`));
    assert.equal([...webview.matchAll(/<script/g)].length, 1, 'one script, the nonce\'d one');
    assert.match(webview, /var\(--vscode-editor-background/);

    const page = result.documentHtml;
    assert.doesNotMatch(page, /<script|<button|https?:\/\//);
    for (const html of [webview, page]) {
      const { summary } = coverage;
      assert.ok(html.includes(`${summary.percent}% (${summary.covered}/${summary.phiEndpoints - summary.suppressed})`), 'the coverage of the Audit Coverage view');
      assert.ok(html.includes('<code>app/routers/patients.py:64</code>'), 'paths relative to the workspace folder');
      assert.ok(html.includes('records-retention reconciles erasures by MRN'));
      assert.ok(!html.includes('patient.mrn'), 'no source text');
      assert.match(html, /aria-label="BAA expiry timeline per vendor"/);
    }
  });

  it('refuses a weak nonce with the guarded fallback, and the server keeps answering', async () => {
    const result = await client.connection.sendRequest('phiGuard/complianceReport', { folders: [folder], nonce: 'x"><script>' });
    assert.equal(result, null);
    const again = await client.connection.sendRequest('phiGuard/complianceReport', { folders: [folder], nonce: NONCE });
    assert.ok(again.webviewHtml.length > 1000);
  });
});
