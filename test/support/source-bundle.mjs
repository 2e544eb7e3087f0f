// Server modules bundled from their TypeScript sources with esbuild and loaded, for unit tests of
// code the engine bundle does not export: the test exercises the sources the product is built from.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './engine.mjs';

const require = createRequire(import.meta.url);

/**
 * `exportLines`: re-exports relative to the repository root (`export { x } from './server/src/...'`).
 * Returns the loaded module and a function that removes the bundle's temporary folder.
 */
export async function bundleSources(name, exportLines, { alias } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-${name}-`));
  const outfile = path.join(dir, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: exportLines.join('\n'), resolveDir: repoRoot, sourcefile: `${name}-entry.ts`, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    ...(alias ? { alias } : {}),
  });
  return { lib: require(outfile), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
