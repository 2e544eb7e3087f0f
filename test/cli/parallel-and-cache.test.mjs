// `phi-guard scan` with worker threads (--jobs) and the content-hash cache (--cache): the report is
// byte-identical whatever the number of workers and whether results came from the cache; the cache
// is hit on a second run and invalidated by a file edit, a policy edit and another PHI Guard
// version; a corrupt cache file or a crashing worker never stops the scan.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyTempDir, runCli } from './run-cli.mjs';

const PY_LEAK = (i) => `import logging

logger = logging.getLogger(__name__)


def load_${i}(db, patient_id):
    patient = db.get_patient(patient_id)
    logger.info("loaded patient %s", patient.id)
    logger.info("patient dob %s", patient.date_of_birth)
    return patient
`;
const PY_CLEAN = (i) => `def total_${i}(items):
    return sum(item.count for item in items)
`;
const PY_SUPPRESSED = (i) => `import logging

logger = logging.getLogger(__name__)


def audit_${i}(patient):
    # phi-guard: ignore[phi-in-log] -- the audit logger writes to the HIPAA store
    logger.info("Patient: " + patient.name)
    # phi-guard: ignore[phi-in-log, not-a-rule]
    logger.info("SSN " + patient.ssn)
`;
const PY_BROKEN = (i) => `import logging
logger = logging.getLogger(__name__)
def broken_${i}(patient:
    logger.info("dob %s", patient.date_of_birth)
`;
const TS_LEAK = (i) => `export async function show${i}(api: { get(id: string): Promise<any> }, id: string) {
  const patient = await api.get(id);
  console.log('patient', patient.firstName, patient.diagnosis);
  return patient.id;
}
`;
const TS_CLEAN = (i) => `export function add${i}(a: number, b: number): number {
  return a + b;
}
`;

/** ~200 files in three folders, two of them under their own policy, plus a binary file. */
function generateProject() {
  const dir = emptyTempDir('parallel');
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write('phi-guard.json', JSON.stringify({ rules: { 'phi-in-log': 'error' } }, null, 2));
  write('svc/phi-guard.json', JSON.stringify({ rules: { 'phi-in-log': 'warning' } }, null, 2));
  const pyKinds = [PY_LEAK, PY_CLEAN, PY_SUPPRESSED, PY_LEAK, PY_CLEAN, PY_BROKEN];
  for (let i = 0; i < 80; i++) write(`app/m${String(i).padStart(3, '0')}.py`, pyKinds[i % pyKinds.length](i));
  for (let i = 0; i < 60; i++) write(`svc/s${String(i).padStart(3, '0')}.py`, pyKinds[(i + 1) % pyKinds.length](i));
  for (let i = 0; i < 60; i++) write(`web/c${String(i).padStart(3, '0')}.ts`, (i % 3 === 0 ? TS_CLEAN : TS_LEAK)(i));
  writeFileSync(path.join(dir, 'app', 'blob.py'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
  return dir;
}

// --allow-unanalysed: the binary file is reported, but these runs compare outputs, not exit codes.
const scan = (cwd, args, env) => runCli(['scan', '--fail-on', 'never', '--allow-unanalysed', ...args], { cwd, env });
const scanStrict = (cwd, args, env) => runCli(['scan', '--fail-on', 'never', ...args], { cwd, env });

function json(cwd, args, env) {
  const result = scan(cwd, ['--format', 'json', ...args], env);
  assert.equal(result.status, 0, result.stderr);
  return { ...result, report: JSON.parse(result.stdout) };
}

/** The JSON report text without the cache counts (the only field --cache adds). */
function withoutCacheStats(stdout) {
  const report = JSON.parse(stdout);
  delete report.summary.cache;
  return `${JSON.stringify(report, null, 2)}\n`;
}

describe('scan --jobs: parallel scans report exactly what a sequential scan reports', () => {
  const cwd = generateProject();
  const sequential = scan(cwd, ['--format', 'json', '--jobs', '1']);

  test('the fixture exercises findings, both policies, suppressions and notices', () => {
    const report = JSON.parse(sequential.stdout);
    assert.equal(report.files.length, 201);
    assert.ok(report.summary.errors > 0 && report.summary.warnings > 0, JSON.stringify(report.summary));
    assert.ok(report.summary.suppressed > 0);
    const kinds = new Set(report.notices.map((n) => n.kind));
    for (const kind of ['binary', 'syntax-errors', 'unknown-suppression-rule']) assert.ok(kinds.has(kind), kind);
    assert.deepEqual(new Set(report.files.map((f) => f.policy)), new Set(['phi-guard.json', 'svc/phi-guard.json']));
  });

  test('JSON output is byte-identical with --jobs 1, --jobs 4 and the default pool', () => {
    assert.equal(scan(cwd, ['--format', 'json', '--jobs', '4']).stdout, sequential.stdout);
    assert.equal(scan(cwd, ['--format', 'json']).stdout, sequential.stdout);
  });

  test('SARIF and text output are byte-identical with --jobs 1 and --jobs 3', () => {
    assert.equal(scan(cwd, ['--format', 'sarif', '--jobs', '3']).stdout, scan(cwd, ['--format', 'sarif', '--jobs', '1']).stdout);
    const [text1, text3] = [scan(cwd, ['--jobs', '1']), scan(cwd, ['--jobs', '3'])];
    assert.equal(text3.stdout, text1.stdout);
    assert.equal(text3.stderr, text1.stderr);
  });

  test('a worker that dies costs one file (an error that fails the run), not the scan', () => {
    const crashed = scanStrict(cwd, ['--format', 'json', '--jobs', '3'], { PHI_GUARD_TEST_WORKER_CRASH: 'm007.py' });
    assert.equal(crashed.status, 2, crashed.stderr);
    const report = JSON.parse(crashed.stdout);
    assert.deepEqual(report.summary.notAnalysedByReason, { binary: 1, crashed: 1 });
    const expected = JSON.parse(sequential.stdout);
    const notice = report.notices.find((n) => n.kind === 'analysis-failed');
    assert.equal(notice?.file, 'app/m007.py');
    assert.equal(notice.level, 'error');
    assert.deepEqual(report.files.find((f) => f.file === 'app/m007.py'), { file: 'app/m007.py', analyzed: false, skipped: 'analysis-failed', notAnalysed: 'crashed', findings: 0, suppressed: 0, policy: 'phi-guard.json' });
    // Every other file is reported as in the sequential run.
    const others = (r) => r.findings.filter((f) => f.file !== 'app/m007.py');
    assert.deepEqual(others(report), others(expected));
    assert.equal(report.files.length, expected.files.length);
    const sarif = JSON.parse(scanStrict(cwd, ['--format', 'sarif', '--jobs', '3'], { PHI_GUARD_TEST_WORKER_CRASH: 'm007.py' }).stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
  });

  test('--file-timeout: a file a worker takes too long on is not analysed: an error, exit 2 even with --fail-on never', () => {
    // Files of a few thousand lines take a fresh worker far more than 5 ms; 0 means no limit.
    const dir = emptyTempDir('file-timeout');
    const leak = PY_LEAK(0);
    for (const name of ['slow_a.py', 'slow_b.py']) writeFileSync(path.join(dir, name), Array.from({ length: 150 }, () => leak).join('\n'));
    const timedOut = scanStrict(dir, ['--format', 'json', '--jobs', '2', '--file-timeout', '0.005']);
    assert.equal(timedOut.status, 2, timedOut.stderr);
    const report = JSON.parse(timedOut.stdout);
    assert.deepEqual(report.files.map((f) => [f.file, f.analyzed, f.skipped, f.notAnalysed]), [
      ['slow_a.py', false, 'analysis-failed', 'timed-out'],
      ['slow_b.py', false, 'analysis-failed', 'timed-out'],
    ]);
    assert.deepEqual(report.summary.notAnalysedByReason, { 'timed-out': 2 });
    for (const notice of report.notices) {
      assert.equal(notice.level, 'error');
      assert.match(notice.message, /took longer than 0\.005 s \(--file-timeout\)/);
    }
    const text = scanStrict(dir, ['--jobs', '2', '--file-timeout', '0.005']);
    assert.equal(text.status, 2);
    assert.match(text.stdout, /^No PHI findings in 0 files analysed$/m);
    assert.match(text.stdout, /^✖ 2 files not analysed \(2 timed out\); see the notices on stderr\.$/m);
    assert.doesNotMatch(text.stdout, /✔/);
    // Allowed: warnings, and the exit code is the findings' (none were seen: --fail-on never).
    assert.equal(scan(dir, ['--jobs', '2', '--file-timeout', '0.005']).status, 0);
    const unlimited = JSON.parse(scan(dir, ['--format', 'json', '--jobs', '2', '--file-timeout', '0']).stdout);
    assert.deepEqual(unlimited.files.map((f) => f.analyzed), [true, true]);
    assert.ok(unlimited.summary.errors > 0);
    for (const bad of ['-1', 'soon', '1e3']) {
      const result = runCli(['scan', `--file-timeout=${bad}`], { cwd: dir });
      assert.equal(result.status, 2, bad);
      assert.match(result.stderr, /--file-timeout/);
    }
  });

  test('--jobs must be a positive whole number or auto', () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const result = runCli(['scan', `--jobs=${bad}`], { cwd });
      assert.equal(result.status, 2, bad);
      assert.match(result.stderr, /--jobs/);
    }
    assert.equal(scan(cwd, ['--format', 'json', '--jobs', 'auto']).stdout, sequential.stdout);
  });
});

describe('scan --cache', () => {
  test('a second run takes every result from the cache and reports the same', () => {
    const cwd = generateProject();
    const plain = scan(cwd, ['--format', 'json', '--jobs', '1']);
    const first = json(cwd, ['--cache']);
    assert.deepEqual(first.report.summary.cache, { hits: 0, misses: 201 }, 'the binary file is refused by the engine, and that is cached too');
    assert.ok(existsSync(path.join(cwd, '.phi-guard-cache')), 'default location: .phi-guard-cache in the cwd');
    const second = json(cwd, ['--cache']);
    assert.deepEqual(second.report.summary.cache, { hits: 201, misses: 0 });
    assert.equal(withoutCacheStats(first.stdout), plain.stdout);
    assert.equal(withoutCacheStats(second.stdout), plain.stdout);
    assert.equal(plain.stdout.includes('"cache"'), false, 'no cache counts without --cache');
    // SARIF and text from cached results are those of a fresh analysis.
    assert.equal(scan(cwd, ['--format', 'sarif', '--cache']).stdout, scan(cwd, ['--format', 'sarif']).stdout);
    assert.equal(scan(cwd, ['--cache', '--jobs', '1']).stdout, scan(cwd, []).stdout);
    // The cache holds results, never source text.
    const cacheText = readFileSync(path.join(cwd, '.phi-guard-cache'), 'utf8');
    assert.equal(cacheText.includes('get_patient'), false);
    assert.equal(cacheText.includes('patient dob'), false, 'not even a log message kept by a fix');
  });

  test('editing a file invalidates that file only', () => {
    const cwd = generateProject();
    json(cwd, ['--cache']);
    writeFileSync(path.join(cwd, 'app', 'm001.py'), PY_LEAK(1));
    const after = json(cwd, ['--cache']);
    assert.deepEqual(after.report.summary.cache, { hits: 200, misses: 1 });
    assert.ok(after.report.findings.some((f) => f.file === 'app/m001.py' && f.ruleId === 'phi-in-log'));
    assert.equal(withoutCacheStats(after.stdout), scan(cwd, ['--format', 'json']).stdout);
  });

  test('editing a policy invalidates the files it governs', () => {
    const cwd = generateProject();
    json(cwd, ['--cache']);
    writeFileSync(path.join(cwd, 'svc', 'phi-guard.json'), JSON.stringify({ rules: { 'phi-in-log': 'off' } }));
    const after = json(cwd, ['--cache']);
    assert.deepEqual(after.report.summary.cache, { hits: 141, misses: 60 });
    assert.equal(after.report.findings.filter((f) => f.file.startsWith('svc/') && f.ruleId === 'phi-in-log').length, 0);
    assert.equal(withoutCacheStats(after.stdout), scan(cwd, ['--format', 'json']).stdout);
    // --max-file-size-kb changes results too, so it is part of the key.
    assert.deepEqual(json(cwd, ['--cache', '--max-file-size-kb', '512']).report.summary.cache, { hits: 0, misses: 201 });
  });

  test('a cache written by another PHI Guard version is not used', () => {
    const cwd = generateProject();
    json(cwd, ['--cache']);
    const file = path.join(cwd, '.phi-guard-cache');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const version = stored.version;
    writeFileSync(file, JSON.stringify({ ...stored, version: '0.0.0-older' }));
    assert.deepEqual(json(cwd, ['--cache']).report.summary.cache, { hits: 0, misses: 201 });
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, version, 'rewritten for this version');
    assert.deepEqual(json(cwd, ['--cache']).report.summary.cache, { hits: 201, misses: 0 });
  });

  test('a corrupt cache file is ignored with a notice and replaced', () => {
    const cwd = generateProject();
    const expected = scan(cwd, ['--format', 'json']).stdout;
    const file = path.join(cwd, '.phi-guard-cache');
    for (const garbage of ['{"format": 1, "vers', '[1, 2, 3]', '\u0000\u0001binary']) {
      writeFileSync(file, garbage);
      const run = json(cwd, ['--cache']);
      assert.match(run.stderr, /warning: the cache file is corrupt and was ignored/);
      assert.deepEqual(run.report.summary.cache, { hits: 0, misses: 201 });
      assert.equal(withoutCacheStats(run.stdout), expected);
    }
    // A damaged entry costs that file only.
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const [firstKey] = Object.keys(stored.entries);
    stored.entries[firstKey].result = { findings: 'nope' };
    writeFileSync(file, JSON.stringify(stored));
    const run = json(cwd, ['--cache']);
    assert.equal(run.stderr.includes('corrupt'), false);
    assert.deepEqual(run.report.summary.cache, { hits: 200, misses: 1 });
    assert.equal(withoutCacheStats(run.stdout), expected);
  });

  test('--cache-location takes a file or a folder; it needs --cache', () => {
    const cwd = generateProject();
    const folder = emptyTempDir('cache-folder');
    json(cwd, ['--cache', '--cache-location', `${folder}/`]);
    assert.deepEqual(json(cwd, ['--cache', '--cache-location', folder]).report.summary.cache, { hits: 201, misses: 0 });
    json(cwd, ['--cache', '--cache-location', 'build/pg.cache']);
    assert.ok(existsSync(path.join(cwd, 'build', 'pg.cache')));
    assert.equal(existsSync(path.join(cwd, '.phi-guard-cache')), false);
    const usage = runCli(['scan', '--cache-location', 'x'], { cwd });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /'--cache-location' needs '--cache'/);
  });
});

describe('scan: a file too large for a worker\'s memory', () => {
  // A ~1.5 MB Python module (under --max-file-size-kb) beside two small ones. The heap limit is
  // lowered for the test (PHI_GUARD_TEST_WORKER_HEAP_MB) so the large file runs out quickly.
  const cwd = emptyTempDir();
  let big = '';
  for (let i = 0; big.length < 1_500_000; i++) big += `def g${i}(patient, x):\n    y = patient.name + str(x)\n    return {'a': y, 'b': [x, ${i}]}\n\n`;
  writeFileSync(path.join(cwd, 'huge.py'), big);
  writeFileSync(path.join(cwd, 'a.py'), PY_LEAK(1));
  writeFileSync(path.join(cwd, 'b.py'), PY_CLEAN(2));

  test('is refused with a notice that says why, and the other files are analysed as without it', () => {
    const report = json(cwd, [], { PHI_GUARD_TEST_WORKER_HEAP_MB: '24' }).report;
    const notice = report.notices.find((n) => n.file === 'huge.py');
    assert.equal(notice?.kind, 'analysis-failed');
    assert.match(notice.message, /needed more than the 24 MB of memory a scan worker may use/);
    const alone = json(cwd, ['a.py', 'b.py']).report;
    assert.deepEqual(report.findings, alone.findings);
    assert.ok(report.findings.some((f) => f.file === 'a.py'));
  });

  test('small files are not refused under the same limit', () => {
    const report = json(cwd, ['a.py', 'b.py'], { PHI_GUARD_TEST_WORKER_HEAP_MB: '24' }).report;
    assert.deepEqual(report.notices, []);
  });
});
