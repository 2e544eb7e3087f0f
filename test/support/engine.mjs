// The engine bundle (dist/engine.js, built by `npm run build`) loaded once for the unit tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
let loaded;

export async function loadEngine() {
  loaded ??= require(path.join(repoRoot, 'dist/engine.js'));
  await loaded.initEngine();
  return loaded;
}

export function engine() {
  if (!loaded) throw new Error('call loadEngine() in a before() hook first');
  return loaded;
}
