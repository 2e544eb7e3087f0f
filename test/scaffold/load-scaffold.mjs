// The scaffold generator (server/src/scaffold) for the tests: bundled once per process with
// esbuild into a temporary CommonJS file, so the tests exercise the TypeScript source the CLI
// and the extension bundle, without a separate build entry.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/engine.mjs';

const require = createRequire(import.meta.url);
let loaded;

export async function loadScaffold() {
  if (loaded) return loaded;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-scaffold-bundle-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outfile = path.join(dir, 'scaffold.cjs');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'server/src/scaffold/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  loaded = require(outfile);
  return loaded;
}

/** Runs `phi-guard scaffold` options into `dir` through the bundled CLI; returns { status, stdout, stderr }. */
export { runCli } from '../cli/run-cli.mjs';
