// Builds the bundles (extension client and its lazily loaded language client, language server, CLI) plus
// the engine bundle the unit tests import, and copies the tree-sitter WebAssembly files next to them.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { webTreeSitterFastPaths } from './scripts/web-tree-sitter-fast-paths.mjs';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdir = 'dist';

const grammarDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
const wasmFiles = [
  require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  ...['python', 'typescript', 'tsx', 'javascript'].map((l) => path.join(grammarDir, `tree-sitter-${l}.wasm`)),
];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  external: ['vscode'],
  // The ESM build of web-tree-sitter crashes silently inside a CJS bundle (docs/architecture.md, "Bundled").
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') /* the "require" condition: web-tree-sitter.cjs */ },
  logLevel: 'warning',
  // web-tree-sitter's node marshalling made cheaper (the script says how and why).
  plugins: [webTreeSitterFastPaths],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js` },
  // vscode-languageclient, loaded by path right after activation (client/src/lazy.ts): activation
  // then parses a bundle of about 50 KB instead of 750 KB.
  { entryPoints: ['client/src/languageClient.ts'], outfile: `${outdir}/client-language.js` },
  // dist/server.js only loads dist/server-main.js (the server) through V8's code cache (server/src/bootstrap.ts).
  { entryPoints: ['server/src/bootstrap.ts'], outfile: `${outdir}/server.js` },
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server-main.js` },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  // The CLI's scan workers (worker_threads), loaded by dist/cli.js from beside it.
  { entryPoints: ['server/src/cli/parallel/worker.ts'], outfile: `${outdir}/scan-worker.js` },
  // Not shipped in the .vsix: the public APIs of the engine and of the policy module, for the unit
  // tests (the engine's own API does not include the policy loader).
  {
    stdin: { contents: "export * from './server/src/engine';\nexport * from './server/src/policy';\n", resolveDir: '.', sourcefile: 'engine-and-policy.ts', loader: 'ts' },
    outfile: `${outdir}/engine.js`,
  },
];

mkdirSync(outdir, { recursive: true });
for (const file of wasmFiles) copyFileSync(file, path.join(outdir, path.basename(file)));

if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
