// The tsconfig.json path aliases the workspace index resolves `@/x` imports with (the CLI's and the
// language server's): read with a JSON-with-comments parser, so a Next.js project's default
// `"include": ["**/*.ts", "**/*.tsx"]` (which holds what looks like a block comment) keeps its aliases.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bundleSources } from '../support/source-bundle.mjs';

let lib;
let disposeBundle;
const dirs = [];

before(async () => {
  ({ lib, dispose: disposeBundle } = await bundleSources('tsconfig-paths', ["export { tsconfigPaths } from './server/src/workspace/tsconfig-paths';"]));
});
after(() => {
  disposeBundle?.();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(tsconfig) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-tsconfig-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig);
  return dir;
}

test("a Next.js tsconfig with glob includes, comments and trailing commas keeps its paths, relative to its folder without baseUrl", () => {
  const dir = project(['{', '  // Next.js', '  "compilerOptions": { "strict": true, "paths": { "@/*": ["./src/*"], }, },', '  "include": ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],', '}', ''].join('\n'));
  assert.deepEqual(lib.tsconfigPaths(dir), { baseUrl: dir, paths: { '@/*': ['./src/*'] } });
});

test('no tsconfig, no paths or unreadable JSON: no aliases', () => {
  assert.equal(lib.tsconfigPaths(project('{ "compilerOptions": { "strict": true } }')), undefined);
  assert.equal(lib.tsconfigPaths(project('{ not json')), undefined);
  assert.equal(lib.tsconfigPaths(path.join(os.tmpdir(), 'phi-guard-no-such-folder')), undefined);
});
