// dist/server.js runs the server's bundle through V8's code cache (server/src/bootstrap.ts): a
// cache is written when a server exits, the next server uses it and reports the same
// diagnostics, and a cache that is corrupt, or off, changes nothing but the speed. With no folder
// given it is kept beside the bundle, only where nobody else can write.

import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { fixtureUri, startServer } from './lspClient.mjs';

const LEAK = ['import logging', 'logger = logging.getLogger(__name__)', '', 'def show(patient):', '    logger.info("dob %s", patient.date_of_birth)', ''].join('\n');
const CLEAN = ['import logging', 'logger = logging.getLogger(__name__)', '', 'def show(patient):', '    logger.info("shown %s", patient.id)', ''].join('\n');

/** The rule ids a fresh server reports on LEAK and on CLEAN, with the code cache in `cacheDir` (or its default, or off). */
async function diagnose(cacheDir, { off = false, serverPath } = {}) {
  const env = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'PHI_GUARD_CODE_CACHE_DIR', 'PHI_GUARD_NO_CODE_CACHE']) delete env[name];
  if (cacheDir) env.PHI_GUARD_CODE_CACHE_DIR = cacheDir;
  if (off) env.PHI_GUARD_NO_CODE_CACHE = '1';
  const client = await startServer({ pull: false, env, serverPath });
  try {
    const leak = fixtureUri('app', 'code_cache_leak.py');
    const clean = fixtureUri('app', 'code_cache_clean.py');
    await client.open(leak, LEAK);
    await client.open(clean, CLEAN);
    const leakDiagnostics = await client.waitForPublished(leak);
    const cleanDiagnostics = await client.waitForPublished(clean);
    return { leak: leakDiagnostics.map((d) => d.code), clean: cleanDiagnostics.map((d) => d.code) };
  } finally {
    await client.shutdown();
  }
}

describe('the code cache of dist/server.js', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-code-cache-test-'));
  after(() => rmSync(cacheDir, { recursive: true, force: true }));
  const cacheFiles = () => readdirSync(cacheDir).filter((file) => file.endsWith('.bin'));

  it('is written when a server exits and gives the same diagnostics when used', async () => {
    const first = await diagnose(cacheDir);
    assert.deepEqual(first.leak, ['phi-in-log']);
    assert.deepEqual(first.clean, []);
    assert.equal(cacheFiles().length, 1, 'one cache file for this bundle');
    assert.deepEqual(await diagnose(cacheDir), first);
    assert.equal(cacheFiles().length, 1, 'rewritten in place, not added to');
  });

  it('is rejected, not trusted, when corrupt: the server starts and reports the same', async () => {
    for (const file of cacheFiles()) writeFileSync(path.join(cacheDir, file), Buffer.alloc(4096, 7));
    const result = await diagnose(cacheDir);
    assert.deepEqual(result, { leak: ['phi-in-log'], clean: [] });
  });

  it('is neither read nor written when turned off', async () => {
    const offDir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-code-cache-off-'));
    try {
      assert.deepEqual(await diagnose(offDir, { off: true }), { leak: ['phi-in-log'], clean: [] });
      assert.deepEqual(readdirSync(offDir), []);
    } finally {
      rmSync(offDir, { recursive: true, force: true });
    }
  });

  it('is kept beside the bundle when no folder is given, unless others can write there', async () => {
    const dist = fileURLToPath(new URL('../../dist', import.meta.url));
    const copy = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-code-cache-dist-'));
    try {
      for (const file of readdirSync(dist).filter((name) => name.startsWith('server') || name.endsWith('.wasm'))) copyFileSync(path.join(dist, file), path.join(copy, file));
      const serverPath = path.join(copy, 'server.js');
      assert.deepEqual(await diagnose(undefined, { serverPath }), { leak: ['phi-in-log'], clean: [] });
      assert.equal(readdirSync(path.join(copy, '.code-cache')).filter((file) => file.endsWith('.bin')).length, 1);
      rmSync(path.join(copy, '.code-cache'), { recursive: true });
      chmodSync(copy, 0o777);
      assert.deepEqual(await diagnose(undefined, { serverPath }), { leak: ['phi-in-log'], clean: [] });
      assert.equal(existsSync(path.join(copy, '.code-cache')), false, 'no cache in a folder others can write');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
