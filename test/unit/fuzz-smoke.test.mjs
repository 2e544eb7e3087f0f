// The short, deterministic fuzz run inside `npm test` (the long one is `npm run fuzz`): the
// fixed extremes (a 50 MB line, 10,000-deep nesting of every shape, empty / BOM-only files) and
// a few hundred seeded random inputs of every category. Zero crashes, hangs or failed checks,
// and every fix of a Python input that parses on Python 3.8 still parses there (python3, one batch).
// A failing input is written to test/fuzz/crashes/ with the command that replays it.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CATEGORIES, FIXED_CASES } from '../fuzz/lib/harness.mjs';
import { runFuzz } from '../fuzz/lib/runner.mjs';
import { python38Regressions } from '../support/python-check.mjs';

const SEED = 20240909;
const RANDOM_CASES = 450;

it(`fuzz smoke run: ${FIXED_CASES.length} fixed + ${RANDOM_CASES} random inputs, seed ${SEED}`, { timeout: 120_000 }, async () => {
  const summary = await runFuzz({
    seed: SEED,
    iterations: FIXED_CASES.length + RANDOM_CASES,
    // Random long lines stay below 50 MB here (the fixed cases include two 50 MB ones).
    allowHuge: false,
    // npm test runs test files in parallel: the 2 s per 200 KB bound gets slack, not a pass.
    timeFactor: 3,
    hangTimeoutMs: 30_000,
    collectPython: true,
  });
  console.log(summary.line);
  for (const category of CATEGORIES) assert.ok(summary.perCategory[category].inputs > 0, `no ${category} input was tried`);
  assert.equal(summary.crashes, 0, 'crashes');
  assert.equal(summary.hangs, 0, 'hangs');
  assert.deepEqual(
    summary.failures.map((failure) => `${failure.category} #${failure.caseIndex}: ${failure.problems.map((p) => `${p.kind}: ${p.detail}`).join(' | ')} (${failure.replay})`),
    [],
  );
  const fixes = summary.pythonFixes.reduce((sum, pair) => sum + pair.fixed.length, 0);
  assert.ok(fixes > 20, `only ${fixes} fixes of parsing Python inputs were collected`);
  assert.deepEqual(
    python38Regressions(summary.pythonFixes).map(({ name, problems, text }) => `${name}: ${problems.join('; ')}\n${text.slice(0, 2000)}`),
    [],
    'fixes whose Python no longer parses on Python 3.8',
  );
});
