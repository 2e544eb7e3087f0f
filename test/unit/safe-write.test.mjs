// server/src/safe-write.ts, the rule every write follows (the CLI's fix, scaffold and init, the
// editor's Create Policy File and Scaffold PHI endpoint): only inside the root, never through a
// symbolic link, an existing file only when asked. Bundled once with esbuild, like the scaffold
// generator, so the test exercises the TypeScript source both the CLI and the client bundle.

import * as esbuild from 'esbuild';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../support/engine.mjs';

const require = createRequire(import.meta.url);
const skip = process.platform === 'win32' ? 'creating symbolic links needs extra rights on Windows' : false;
const tempDirs = [];
let safe;

before(async () => {
  const dir = tempDir();
  const outfile = path.join(dir, 'safe-write.cjs');
  await esbuild.build({ entryPoints: [path.join(repoRoot, 'server/src/safe-write.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  safe = require(outfile);
});
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-safe-write-'));
  tempDirs.push(dir);
  return dir;
}

/** base/root (where writes go) and base/outside (must stay empty or unchanged). */
function layout() {
  const base = tempDir();
  mkdirSync(path.join(base, 'root'));
  mkdirSync(path.join(base, 'outside'));
  return { root: path.join(base, 'root'), outside: path.join(base, 'outside') };
}

/** The UnsafeWriteError thrown by `promise`, checked to be one. */
async function refusal(promise) {
  const error = await promise.then(() => assert.fail('expected a refusal'), (e) => e);
  assert.ok(error instanceof safe.UnsafeWriteError, String(error));
  return error;
}

describe('safeWriteFile', { skip }, () => {
  test('creates the folders and the file; overwrites only when asked', async () => {
    const { root } = layout();
    const file = path.join(root, 'a', 'b', 'c.py');
    await safe.safeWriteFile(root, file, 'one\n');
    assert.equal(readFileSync(file, 'utf8'), 'one\n');
    const error = await safe.safeWriteFile(root, file, 'two\n').then(() => undefined, (e) => e);
    assert.equal(error?.code, 'EEXIST');
    assert.equal(readFileSync(file, 'utf8'), 'one\n');
    await safe.safeWriteFile(root, file, 'a longer second text\n', { overwrite: true });
    await safe.safeWriteFile(root, file, 'two\n', { overwrite: true });
    assert.equal(readFileSync(file, 'utf8'), 'two\n', 'truncated, not overwritten in place');
  });

  test('a link at the file, existing or dangling, is refused even with overwrite; its target is untouched', async () => {
    const { root, outside } = layout();
    writeFileSync(path.join(outside, 'secret.py'), 'secret\n');
    symlinkSync('../outside/secret.py', path.join(root, 'existing.py'));
    symlinkSync('../outside/new.py', path.join(root, 'dangling.py'));
    for (const name of ['existing.py', 'dangling.py']) {
      for (const overwrite of [false, true]) {
        const error = await refusal(safe.safeWriteFile(root, path.join(root, name), 'x', { overwrite }));
        assert.equal(error.reason, 'symlink');
        assert.equal(error.entry, path.join(root, name));
      }
    }
    assert.equal(readFileSync(path.join(outside, 'secret.py'), 'utf8'), 'secret\n');
    assert.deepEqual(readdirSync(outside), ['secret.py']);
  });

  test('a linked folder on the way is refused and named, with its path shown the caller\'s way', async () => {
    const { root, outside } = layout();
    mkdirSync(path.join(root, 'app'));
    symlinkSync('../../outside', path.join(root, 'app', 'routers'));
    const error = await refusal(safe.safeWriteFile(root, path.join(root, 'app', 'routers', 'x', 'y.py'), 'x', { overwrite: true }));
    assert.equal(error.reason, 'symlink');
    assert.equal(error.describe((absolute) => path.relative(root, absolute)), "'app/routers' is a symbolic link; files are never written through a link");
    assert.deepEqual(readdirSync(outside), []);
  });

  test('outside the root, a folder or device at the file, a file on the way: refused', async () => {
    const { root } = layout();
    mkdirSync(path.join(root, 'folder.py'));
    writeFileSync(path.join(root, 'plain'), '');
    const cases = [
      [path.join(root, '..', 'outside', 'x.py'), 'outside-root'],
      [root, 'outside-root'],
      [path.join(root, 'folder.py'), 'not-a-file'],
      [path.join(root, 'plain', 'x.py'), 'not-a-folder'],
    ];
    for (const [target, reason] of cases) {
      assert.equal((await refusal(safe.safeWriteFile(root, target, 'x', { overwrite: true }))).reason, reason, target);
    }
    if (existsSync('/dev/null')) {
      assert.equal((await refusal(safe.safeWriteFile('/dev', '/dev/null', 'x', { overwrite: true }))).reason, 'not-a-file');
    }
  });

  test('the root itself may be reached through a link: that is the caller\'s choice', async () => {
    const { root } = layout();
    const alias = path.join(path.dirname(root), 'root-link');
    symlinkSync('root', alias);
    await safe.safeWriteFile(alias, path.join(alias, 'ok.py'), 'ok\n');
    assert.equal(readFileSync(path.join(root, 'ok.py'), 'utf8'), 'ok\n');
    assert.deepEqual(await safe.checkWriteTarget(alias, path.join(alias, 'ok.py')), { exists: true });
    assert.deepEqual(await safe.checkWriteTarget(alias, path.join(alias, 'new', 'n.py')), { exists: false });
  });
});
