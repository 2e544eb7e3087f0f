// The scaffold generator (server/src/scaffold) for the tests: bundled once per process with
// esbuild into a temporary CommonJS file, so the tests exercise the TypeScript source the CLI
// and the extension bundle, without a separate build entry.
import { bundleSources } from '../support/source-bundle.mjs';

let loaded;

export async function loadScaffold() {
  if (loaded) return loaded;
  const { lib, dispose } = await bundleSources('scaffold-bundle', ["export * from './server/src/scaffold/index';"]);
  process.on('exit', dispose);
  loaded = lib;
  return loaded;
}

/** Runs `phi-guard scaffold` options into `dir` through the bundled CLI; returns { status, stdout, stderr }. */
export { runCli } from '../cli/run-cli.mjs';
