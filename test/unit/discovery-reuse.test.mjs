// The CLI's workspace index takes a project's files from the scan's discovery instead of walking
// the project's folder again (workspace/find-source-files.ts `listedUnder`). What it takes must
// be what a fresh walk of that folder finds: .gitignore files at several levels, skipped
// folders, paths given twice, and folders outside a git repository (where the .gitignore
// boundary depends on where the walk started). Bundled with esbuild so the TypeScript sources
// are what is tested.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleSources } from '../support/source-bundle.mjs';

const require = createRequire(import.meta.url);
const tempDirs = [];
let lib;
let disposeBundle;

before(async () => {
  let dispose;
  ({ lib, dispose } = await bundleSources('discovery', [
    "export { findSourceFiles, listedUnder } from './server/src/workspace/find-source-files';",
    "export { FolderPolicies } from './server/src/workspace/folder-policies';",
  ], { alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') } }));
  disposeBundle = dispose;
});
after(() => {
  disposeBundle?.();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-discovery-'));
  tempDirs.push(dir);
  return dir;
}

function write(root, files) {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A tree with .gitignore files at the top and below, a skipped folder and data files. */
function project(root) {
  write(root, {
    '.gitignore': 'build/\n*.gen.ts\n',
    'package.json': '{}',
    'src/app.ts': 'export const a = 1;\n',
    'src/app.gen.ts': 'export const b = 1;\n',
    'src/build/out.ts': 'export const c = 1;\n',
    'packages/api/package.json': '{}',
    'packages/api/.gitignore': 'secret/\n!keep.gen.ts\n',
    'packages/api/src/routes.py': 'x = 1\n',
    'packages/api/src/keep.gen.ts': 'export const d = 1;\n',
    'packages/api/src/other.gen.ts': 'export const e = 1;\n',
    'packages/api/secret/hidden.py': 'y = 2\n',
    'packages/api/data/fixture.json': '{"a": 1}\n',
    'node_modules/lib/index.js': 'module.exports = 1;\n',
  });
}

/** Every folder the discovery walked in full lists what a fresh walk of it finds. */
async function assertReusable(paths, cwd) {
  const policies = new lib.FolderPolicies(undefined, [cwd]);
  const discovery = await lib.findSourceFiles(paths, cwd, policies);
  let compared = 0;
  for (const folder of discovery.folders.keys()) {
    const listed = lib.listedUnder(discovery, folder, cwd);
    if (listed === undefined) continue;
    const fresh = await lib.findSourceFiles([folder], cwd, policies.unreported());
    assert.deepEqual(listed, fresh.files, path.relative(cwd, folder) || '.');
    compared++;
  }
  return { discovery, compared };
}

describe('a project listed from the scan discovery', () => {
  test('inside a git repository: every walked folder lists what walking it again finds', async () => {
    const root = tempDir();
    project(root);
    mkdirSync(path.join(root, '.git'));
    const { discovery, compared } = await assertReusable(['.'], root);
    assert.ok(compared >= 5, 'folders were compared');
    assert.ok(discovery.files.some((file) => file.endsWith('keep.gen.ts')), 'a nested .gitignore re-includes a file');
    assert.ok(!discovery.files.some((file) => file.endsWith('hidden.py') || file.endsWith('out.ts')), 'ignored folders stay out');
    assert.ok(lib.listedUnder(discovery, path.join(root, 'packages/api'), root), 'a nested project is taken from the discovery');
  });

  test('outside a git repository, scanned from another folder: only a folder walked with the same boundary is taken', async () => {
    const root = tempDir();
    project(root);
    const cwd = tempDir();
    const { discovery } = await assertReusable([root], cwd);
    // The walk of the project started at its root, whose .gitignore applies to everything below;
    // a fresh walk of a folder below would not read it, so that folder is walked again.
    assert.ok(lib.listedUnder(discovery, root, cwd));
    assert.equal(lib.listedUnder(discovery, path.join(root, 'packages/api'), cwd), undefined);
  });

  test('a folder given twice is not taken from a range that misses its files', async () => {
    const root = tempDir();
    project(root);
    mkdirSync(path.join(root, '.git'));
    const { discovery } = await assertReusable(['packages/api', '.'], root);
    // The second walk met packages/api's files again: those folders above it list less than they hold.
    assert.equal(lib.listedUnder(discovery, root, root), undefined);
    assert.ok(lib.listedUnder(discovery, path.join(root, 'packages/api'), root));
  });
});
