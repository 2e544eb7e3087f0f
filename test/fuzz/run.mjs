// `npm run fuzz`: the long fuzz run. Configured from the environment:
//   FUZZ_SEED         run seed (default: a fixed one, so two runs try the same inputs)
//   FUZZ_ITERATIONS   number of inputs (default 5000)
//   FUZZ_TIME_BUDGET  seconds; stop starting new inputs after this long (default 600)
//   FUZZ_CASE         run only this case index of the seed (replays a crash file)
//   FUZZ_ONLY         comma-separated categories to run (random-bytes, token-soup, subtree,
//                     unclosed, deep-nesting, long-line, encoding, incremental, policy)
//   FUZZ_HANG_TIMEOUT seconds before a single input counts as a hang (default 60)
//   FUZZ_TIME_FACTOR  multiplies the per-file time bound of 2 s per 200 KB (default 1)
// Prints the inputs tried per category and the failures; exits 1 if anything failed.

import { CATEGORIES } from './lib/harness.mjs';
import { CRASH_DIR, runFuzz } from './lib/runner.mjs';

const env = process.env;
const number = (name, fallback) => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`${name} must be a non-negative number, got '${value}'`);
    process.exit(2);
  }
  return parsed;
};

const seed = number('FUZZ_SEED', 20240909) >>> 0;
const replay = env.FUZZ_CASE !== undefined && env.FUZZ_CASE !== '' ? number('FUZZ_CASE', 0) : undefined;
const only = env.FUZZ_ONLY ? env.FUZZ_ONLY.split(',').map((name) => name.trim()).filter(Boolean) : undefined;
for (const name of only ?? []) {
  if (!CATEGORIES.includes(name)) {
    console.error(`unknown category '${name}' in FUZZ_ONLY (one of: ${CATEGORIES.join(', ')})`);
    process.exit(2);
  }
}

const summary = await runFuzz({
  seed,
  iterations: replay !== undefined ? 1 : number('FUZZ_ITERATIONS', 5000),
  firstCase: replay ?? 0,
  timeBudgetMs: number('FUZZ_TIME_BUDGET', 600) * 1000,
  hangTimeoutMs: number('FUZZ_HANG_TIMEOUT', 60) * 1000,
  timeFactor: number('FUZZ_TIME_FACTOR', 1),
  only,
  log: (line) => console.log(line),
});

console.log('');
console.log('category        inputs  analyses  failed  crashes  hangs  slowest');
for (const [name, stats] of Object.entries(summary.perCategory)) {
  if (!stats.inputs) continue;
  console.log(
    `${name.padEnd(15)} ${String(stats.inputs).padStart(6)}  ${String(stats.analyses).padStart(8)}  ${String(stats.failed).padStart(6)}  ` +
      `${String(stats.crashes).padStart(7)}  ${String(stats.hangs).padStart(5)}  ${stats.slowestMs.toFixed(0).padStart(5)} ms`,
  );
}
console.log('');
console.log(summary.line);
if (summary.failures.length) console.log(`failing inputs written to ${CRASH_DIR}`);
process.exitCode = summary.failures.length ? 1 : 0;
