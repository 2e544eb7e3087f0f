// `npm run depcheck` (dependency-cruiser, .dependency-cruiser.cjs) checks the layers on the
// code's imports. It reads TypeScript with swc, which does not see `typeof import('...')` inside a
// type: such an import would be an edge no layer rule and no cycle check knows about, so the
// sources use `import type` instead, and this test keeps it so.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/engine.mjs';

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('no `typeof import()` type the dependency check cannot see', () => {
  const offenders = [...sources(path.join(repoRoot, 'client', 'src')), ...sources(path.join(repoRoot, 'server', 'src'))].filter((file) =>
    /typeof\s+import\s*\(/.test(readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders.map((file) => path.relative(repoRoot, file)), []);
});
