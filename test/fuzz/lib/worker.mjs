// The fuzz loop, run in a worker thread so the runner can stop it when one input hangs (a
// synchronous infinite loop cannot be interrupted any other way) and carry on after it.

import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { repoRoot } from './corpus.mjs';
import { checkInput, describeCase, generateInput } from './harness.mjs';

const require = createRequire(import.meta.url);
const engine = require(path.join(repoRoot, 'dist', 'engine.js'));
await engine.initEngine();

const { runSeed, startIndex, endIndex, deadline, timeFactor, allowHuge, fixedCount, only, collectPython } = workerData;

for (let index = startIndex; index < endIndex && Date.now() < deadline; index++) {
  const descriptor = describeCase(runSeed, index, fixedCount);
  if (only && !only.includes(descriptor.category)) {
    parentPort.postMessage({ type: 'skip', index });
    continue;
  }
  parentPort.postMessage({ type: 'start', index, category: descriptor.category, seed: descriptor.seed });
  let outcome;
  try {
    const input = generateInput(descriptor, engine, { allowHuge });
    const checked = checkInput(input, engine, { timeFactor, collectPython });
    outcome = { ...checked, note: input.note, textLength: input.text.length };
    // The runner writes failing inputs to test/fuzz/crashes/; huge ones are rebuilt from the seed.
    if (checked.problems.length) outcome.input = input.text.length <= 5_000_000 ? input : { ...input, text: undefined };
  } catch (error) {
    outcome = { problems: [{ kind: 'harness-error', detail: String(error?.stack ?? error).slice(0, 500) }], analyses: 0, ms: 0 };
  }
  parentPort.postMessage({ type: 'done', index, category: descriptor.category, seed: descriptor.seed, ...outcome });
}
parentPort.postMessage({ type: 'finished' });
