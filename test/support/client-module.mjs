// A client module that has no `vscode` import (plain data: the views' rows), bundled to CommonJS
// with esbuild and evaluated, so tests exercise the TypeScript the extension bundles.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './engine.mjs';

const require = createRequire(import.meta.url);
const loaded = new Map();

/** `relativePath` from the repository root, e.g. `client/src/views/aiToolsTree.ts`. */
export function loadClientModule(relativePath) {
  if (!loaded.has(relativePath)) {
    const out = esbuild.buildSync({
      entryPoints: [path.join(repoRoot, relativePath)],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'error',
    });
    const module = { exports: {} };
    new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
    loaded.set(relativePath, module.exports);
  }
  return loaded.get(relativePath);
}
