// Hover on a finding: rule, message, flow by labels, HIPAA reference, documentation link.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, startServer, workspaceDir } from './lspClient.mjs';

const uri = fixtureUri('app', 'patient_log.py');
const text = readFileSync(path.join(workspaceDir, 'app', 'patient_log.py'), 'utf8');

for (const markdown of [true, false]) {
  describe(`hover (${markdown ? 'markdown' : 'plain text'} client)`, () => {
    let client;
    let diagnostic;
    before(async () => {
      client = await startServer({ pull: true, markdown });
      await client.open(uri, text);
      const report = await client.pullUntil(uri, (items) => items.some((d) => d.code === 'phi-in-log'));
      diagnostic = report.items.find((d) => d.code === 'phi-in-log');
    });
    after(async () => {
      await client?.shutdown();
    });

    it('explains the finding under the cursor', async () => {
      const hover = await client.hover(uri, diagnostic.range.start);
      assert.ok(hover, 'a hover');
      assert.equal(hover.contents.kind, markdown ? 'markdown' : 'plaintext');
      const value = hover.contents.value;
      assert.match(value, /phi-in-log/);
      assert.match(value, /HIPAA/);
      assert.match(value, /45 CFR 164\./);
      assert.match(value, /→/, 'the flow source → sink');
      assert.match(value, /https:\/\/phi-guard\.dev\/rules\/phi-in-log/);
      assert.ok(!value.includes('found %s'), 'no source text beyond the flow labels');
      assert.deepEqual(hover.range, diagnostic.range);
    });

    it('is empty away from findings', async () => {
      assert.equal(await client.hover(uri, { line: 0, character: 2 }), null);
    });
  });
}
