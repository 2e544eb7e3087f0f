// Reads the rule registry (server/src/engine/rules/registry.ts) as the engine runs it: bundled
// in memory with esbuild and loaded, so the metadata is the code's own and never re-parsed text.

import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The generated RULE_IDS module is one of gen's outputs; reading the registry must not depend on
 * it (it may be stale or missing while a rule is being added), so the bundle gets an empty list.
 */
const withoutGeneratedIds = {
  name: 'without-generated-rule-ids',
  setup(build) {
    build.onResolve({ filter: /rule-ids\.generated$/ }, (args) => ({ path: args.path, namespace: 'generated-rule-ids' }));
    build.onLoad({ filter: /.*/, namespace: 'generated-rule-ids' }, () => ({ contents: 'export const RULE_IDS = [];', loader: 'ts' }));
  },
};

/** The registered rules' metadata, in registry order. */
export async function loadRuleMetadata(repoRoot) {
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, 'server/src/engine/rules/registry.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // The CommonJS build of web-tree-sitter, as in esbuild.mjs: the ESM one fails inside a CJS bundle.
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
    plugins: [withoutGeneratedIds],
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-gen-'));
  try {
    const file = path.join(dir, 'registry.cjs');
    writeFileSync(file, result.outputFiles[0].contents);
    const registry = require(file);
    return registry.registeredRules().map((rule) => rule.metadata);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
