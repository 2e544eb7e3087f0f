// Runs fuzz cases in a worker thread with a watchdog: a case that does not finish within the
// hang timeout is a hang; the worker is stopped and a new one carries on with the next case.
// A worker that dies (a wasm abort, out of memory) is a crash. Every failing case is written to
// test/fuzz/crashes/ with its seeds, so `FUZZ_SEED=<run seed> FUZZ_CASE=<index> npm run fuzz`
// replays it.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EXTENSION_BY_LANGUAGE, repoRoot } from './corpus.mjs';
import { CATEGORIES, FIXED_CASES, describeCase, generateInput } from './harness.mjs';

export const CRASH_DIR = path.join(repoRoot, 'test', 'fuzz', 'crashes');
const WORKER = new URL('./worker.mjs', import.meta.url);

/**
 * @param {object} options
 * @param {number} options.seed run seed
 * @param {number} options.iterations number of cases (fixed ones included)
 * @param {number} [options.timeBudgetMs] stop starting new cases after this long
 * @param {number} [options.hangTimeoutMs] a case running longer than this is a hang
 * @param {number} [options.timeFactor] multiplies the per-file time bound (slow machines)
 * @param {boolean} [options.allowHuge] let random long-line cases be 50 MB (the fixed one always is)
 * @param {number} [options.firstCase] start at this case index (replay)
 * @param {string[]} [options.only] categories to run
 * @param {boolean} [options.writeCrashes] write failing inputs to test/fuzz/crashes (default true)
 * @param {boolean} [options.collectPython] keep every fixed text of Python inputs that parse, as
 *   summary.pythonFixes ([{ label, input, fixed: [{ title, text }] }]), for a python3 check
 * @param {(line: string) => void} [options.log]
 */
export async function runFuzz(options) {
  const {
    seed,
    iterations,
    timeBudgetMs = Infinity,
    hangTimeoutMs = 60_000,
    timeFactor = 1,
    allowHuge = true,
    firstCase = 0,
    only,
    writeCrashes = true,
    collectPython = false,
    log = () => {},
  } = options;
  const started = Date.now();
  const deadline = Number.isFinite(timeBudgetMs) ? started + timeBudgetMs : Number.MAX_SAFE_INTEGER;
  const endIndex = firstCase + iterations;
  const perCategory = Object.fromEntries(CATEGORIES.map((name) => [name, { inputs: 0, analyses: 0, failed: 0, crashes: 0, hangs: 0, slowestMs: 0, worseOnBroken: 0 }]));
  const failures = [];
  const pending = [];
  const pythonFixes = [];

  let next = firstCase;
  while (next < endIndex && Date.now() < deadline) {
    const outcome = await runWorker({ runSeed: seed, startIndex: next, endIndex, deadline, timeFactor, allowHuge, fixedCount: FIXED_CASES.length, only, collectPython }, hangTimeoutMs, (message) => {
      const stats = perCategory[message.category];
      stats.inputs++;
      stats.analyses += message.analyses;
      stats.slowestMs = Math.max(stats.slowestMs, message.ms);
      stats.worseOnBroken += message.notes?.filter((note) => note.kind === 'fix-worse-on-broken-input').length ?? 0;
      if (message.python) pythonFixes.push({ label: `seed ${seed} case ${message.index} (${message.category})`, ...message.python });
      if (message.problems.length) {
        stats.failed++;
        pending.push(recordFailure({ ...message, runSeed: seed, caseSeed: message.seed }, writeCrashes, log).then((record) => failures.push(record)));
      }
    });
    if (outcome.finished) break;
    if (!outcome.current) {
      // The worker died outside a case (loading the engine): nothing to attribute it to.
      failures.push({ runSeed: seed, category: 'harness', problems: [{ kind: outcome.kind, detail: outcome.detail }] });
      log(`FAIL harness: ${outcome.kind}: ${outcome.detail}`);
      break;
    }
    // The case in flight hung or killed the worker.
    const { index, category, seed: caseSeedValue } = outcome.current;
    const stats = perCategory[category];
    stats.inputs++;
    stats[outcome.kind === 'hang' ? 'hangs' : 'crashes']++;
    failures.push(await recordFailure({ runSeed: seed, index, category, caseSeed: caseSeedValue, problems: [{ kind: outcome.kind, detail: outcome.detail }] }, writeCrashes, log));
    next = index + 1;
  }
  await Promise.all(pending);

  const summary = {
    seed,
    cases: Object.values(perCategory).reduce((sum, stats) => sum + stats.inputs, 0),
    elapsedMs: Date.now() - started,
    perCategory,
    failures,
    crashes: Object.values(perCategory).reduce((sum, stats) => sum + stats.crashes, 0),
    hangs: Object.values(perCategory).reduce((sum, stats) => sum + stats.hangs, 0),
    ...(collectPython ? { pythonFixes } : {}),
  };
  summary.line = summaryLine(summary);
  return summary;
}

export function summaryLine(summary) {
  const categories = Object.entries(summary.perCategory)
    .filter(([, stats]) => stats.inputs > 0)
    .map(([name, stats]) => `${name} ${stats.inputs}`)
    .join(', ');
  const failed = summary.failures.length - summary.crashes - summary.hangs;
  const worse = Object.values(summary.perCategory).reduce((sum, stats) => sum + stats.worseOnBroken, 0);
  return (
    `fuzz seed=${summary.seed}: ${summary.cases} inputs in ${(summary.elapsedMs / 1000).toFixed(1)} s (${categories}); ` +
    `crashes ${summary.crashes}, hangs ${summary.hangs}, failed checks ${failed}` +
    ` [${worse} fixes parse worse on already-broken input: not offered by the server, refused by phi-guard fix]`
  );
}

/** Resolves { finished: true } or { kind: 'hang'|'crash', current, detail }. */
function runWorker(workerData, hangTimeoutMs, onDone) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { workerData, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    let current;
    let timer;
    let settled = false;
    const settle = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
      worker.terminate().catch(() => {});
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => settle({ kind: 'hang', current, detail: `no result after ${hangTimeoutMs} ms` }), hangTimeoutMs);
    };
    arm(); // also covers a worker stuck while loading the engine
    worker.on('message', (message) => {
      if (message.type === 'start') {
        current = message;
        arm();
      } else if (message.type === 'done') {
        current = undefined;
        arm();
        onDone(message);
      } else if (message.type === 'skip') {
        arm();
      } else if (message.type === 'finished') {
        settle({ finished: true });
      }
    });
    const died = (detail) => settle({ kind: 'crash', current, detail });
    worker.on('error', (error) => died(String(error?.stack ?? error).slice(0, 500)));
    worker.on('exit', (code) => died(`worker exited with code ${code}`));
  });
}

let mainEngine;
async function engineForReplay() {
  mainEngine ??= createRequire(import.meta.url)(path.join(repoRoot, 'dist', 'engine.js'));
  await mainEngine.initEngine();
  return mainEngine;
}

/** Writes the failing case to test/fuzz/crashes/ (input file + JSON with seeds and problems). */
async function recordFailure(failure, writeCrashes, log) {
  const { runSeed: seed, index, category, problems } = failure;
  const caseSeedValue = failure.caseSeed ?? describeCase(seed, index).seed;
  const name = `${category}-${seed}-${index}`;
  const record = {
    runSeed: seed,
    caseIndex: index,
    caseSeed: caseSeedValue,
    category,
    replay: `FUZZ_SEED=${seed} FUZZ_CASE=${index} npm run fuzz`,
    note: failure.note,
    problems,
  };
  log(`FAIL ${name}: ${problems.map((p) => `${p.kind}: ${p.detail}`).join(' | ')}`);
  if (!writeCrashes) return record;
  try {
    let input = failure.input;
    if (!input?.text && input?.text !== '') {
      // A hang, a crash or a huge input: rebuild it from the seed (generation itself is cheap).
      try {
        input = generateInput(describeCase(seed, index), await engineForReplay());
      } catch {
        input = undefined;
      }
    }
    mkdirSync(CRASH_DIR, { recursive: true });
    if (input) {
      record.path = input.path;
      record.languageId = input.languageId;
      record.options = input.options;
      if (input.policyText !== undefined) writeFileSync(path.join(CRASH_DIR, `${name}.phi-guard.json`), input.policyText);
      if (input.batches) record.batches = input.batches;
      if (input.text !== undefined && input.text.length <= 60 * 1024 * 1024) {
        writeFileSync(path.join(CRASH_DIR, `${name}${EXTENSION_BY_LANGUAGE[input.languageId] ?? '.txt'}`), input.text);
      }
    }
    writeFileSync(path.join(CRASH_DIR, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    log(`could not write the crash file for ${name}: ${error}`);
  }
  return record;
}
