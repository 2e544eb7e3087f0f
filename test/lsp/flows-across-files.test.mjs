// The editor's workspace index (docs/architecture.md, "Flows across functions and files"): a
// squiggle in an open file caused by a helper in a closed one, with the helper's log line as
// related information; it goes away when the helper, edited on disk or in the editor, masks its
// argument.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { repoRoot, startServer } from './lspClient.mjs';

const FIXTURE = path.join(repoRoot, 'test/fixtures/flows/python');
const MASKED = (text) => text.replace('logger.debug("%s: %s", label, value)', 'logger.debug("%s: %s", label, mask(value))');

for (const pull of [false, true]) {
  describe(`a helper in a closed file (${pull ? 'pull' : 'push'} diagnostics)`, () => {
    let client;
    let dir;
    let intakeUri;
    let auditPath;
    let callLine;
    const hasCallFinding = (diagnostics) => diagnostics.some((d) => d.range.start.line === callLine && d.code === 'phi-in-log');
    const diagnosticsOf = (uri) => (pull ? client.pullUntil(uri).then((r) => r.items) : client.waitForPublished(uri));
    const waitUntil = (uri, predicate) => (pull ? client.pullUntil(uri, predicate, 20_000).then((r) => r.items) : client.waitForPublished(uri, { predicate, timeout: 20_000 }));

    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-flows-'));
      cpSync(FIXTURE, dir, { recursive: true });
      writeFileSync(path.join(dir, 'phi-guard.json'), '{}\n');
      const intake = path.join(dir, 'clinic/intake.py');
      auditPath = path.join(dir, 'clinic/audit.py');
      intakeUri = pathToFileURL(intake).href;
      const text = readFileSync(intake, 'utf8');
      callLine = text.split('\n').findIndex((line) => line.includes('trace("admitting", patient.date_of_birth)'));
      client = await startServer({ pull, workspace: dir });
      await client.open(intakeUri, text);
    });
    after(async () => {
      await client?.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reports the call once the index is built, with the helper line as related information', async () => {
      const diagnostics = await waitUntil(intakeUri, hasCallFinding);
      const diagnostic = diagnostics.find((d) => d.range.start.line === callLine);
      assert.match(diagnostic.message, /is passed to `trace\(\)`, which logs it \(clinic\/audit\.py:8\)/);
      const sink = diagnostic.relatedInformation?.at(-1);
      assert.equal(sink?.location.uri, pathToFileURL(auditPath).href);
      assert.equal(sink.location.range.start.line, 7);
    });

    it('a helper edited on disk to mask its argument clears the squiggle in the open caller', async () => {
      writeFileSync(auditPath, MASKED(readFileSync(auditPath, 'utf8')));
      await client.filesChanged([{ uri: pathToFileURL(auditPath).href, type: 2 }]);
      const diagnostics = await waitUntil(intakeUri, (items) => !hasCallFinding(items));
      assert.ok(diagnostics.some((d) => d.code === 'phi-in-log'), 'the other findings stay');
    });

    it('the helper edited back in the editor brings it back', async () => {
      const auditUri = pathToFileURL(auditPath).href;
      const masked = readFileSync(auditPath, 'utf8');
      await client.open(auditUri, masked);
      const at = masked.indexOf('mask(value))');
      const lines = masked.slice(0, at).split('\n');
      const start = { line: lines.length - 1, character: lines.at(-1).length };
      await client.change(auditUri, [{ range: { start, end: { line: start.line, character: start.character + 'mask(value)'.length } }, text: 'value' }]);
      await waitUntil(intakeUri, hasCallFinding);
      assert.ok(hasCallFinding(await diagnosticsOf(intakeUri)));
    });

    // The helper's summary is made when typing pauses (and dropped when a keystroke comes while it
    // is made, skipped when the text is the one summarised): the open caller still follows each
    // change of the summary, to the last edit of a burst, and back to a text summarised before.
    it('a burst of edits to the open helper: the caller follows the last one, and an edit back to a text summarised before', async () => {
      const auditUri = pathToFileURL(auditPath).href;
      const replace = (from, to) => {
        const document = client.document(auditUri);
        const at = document.getText().indexOf(from);
        assert.ok(at >= 0, `${from} not in the helper`);
        return client.change(auditUri, [{ range: { start: document.positionAt(at), end: document.positionAt(at + from.length) }, text: to }]);
      };
      const plain = 'label, value)';
      const masked = 'label, mask(value))';
      await replace(plain, masked);
      await replace(masked, plain);
      await replace(plain, masked);
      await waitUntil(intakeUri, (items) => !hasCallFinding(items));
      await replace(masked, plain);
      await waitUntil(intakeUri, hasCallFinding);
      await replace(plain, masked);
      await waitUntil(intakeUri, (items) => !hasCallFinding(items));
    });
  });
}
