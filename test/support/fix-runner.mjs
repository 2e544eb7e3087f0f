// `phi-guard fix` on one text, for the tests: the CLI's own fix runner (server/src/cli/fix-runner.ts)
// bundled on first use, with the engine it imports taken from dist/engine.js, so that it runs on the
// very engine instance loadEngine() initialised.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './engine.mjs';

const require = createRequire(import.meta.url);
const engineBundle = path.join(repoRoot, 'dist/engine.js');
let runner;

const engineFromDist = {
  name: 'engine-from-dist',
  setup(build) {
    build.onResolve({ filter: /(^|\/)engine(\/index)?$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      return resolved === path.join(repoRoot, 'server/src/engine') || resolved === path.join(repoRoot, 'server/src/engine/index')
        ? { path: engineBundle, external: true }
        : undefined;
    });
  },
};

/** Bundles the fix runner; call it in a before() hook, after loadEngine(). */
export async function loadFixRunner() {
  if (runner) return runner;
  const out = await esbuild.build({
    entryPoints: [path.join(repoRoot, 'server/src/cli/fix-runner.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    plugins: [engineFromDist],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  runner = module.exports;
  return runner;
}

/** What `phi-guard fix` makes of `text`: `{ text, applied, refused, result }`. */
export function fixText(text, filePath, policy, options) {
  if (!runner) throw new Error('call loadFixRunner() in a before() hook first');
  return runner.fixText(text, filePath, policy, options);
}
