// Input that once gave a green run: a NUL byte in a comment, UTF-16 with a byte-order mark, a file
// padded past the size limit, a file a worker times out on. Each is now either analysed (with its
// findings at the right lines) or reported as not analysed: an error that fails the run with exit
// code 2, whatever --fail-on says, unless --allow-unanalysed or the policy's `ignore` leaves it
// out. The summary counts what was and was not analysed, by reason.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { HOSTILE_DIR, HOSTILE_FILES } from '../hostile/generate.mjs';
import { emptyTempDir, runCli, runJson, sarifSchemaErrors } from './run-cli.mjs';

const LEAK_PY = 'import logging\nlogger = logging.getLogger(__name__)\nlogger.info("found %s", patient.ssn)\n';
const CLEAN_PY = 'def add(a, b):\n    return a + b\n';

/** A temp folder holding `files` (name -> text or bytes). */
function project(label, files) {
  const dir = emptyTempDir(label);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A JS file of about `kb` KB: one block comment, then a leak on its last line. */
function paddedLeak(kb) {
  const padding = `/*\n${` * ${'x'.repeat(77)}\n`.repeat(Math.ceil((kb * 1024) / 81))} */\n`;
  return `${padding}function show(patient) { console.log(patient.ssn); }\n`;
}

describe('hostile files (test/hostile): analysed, or refused with exit code 2', () => {
  for (const [name, expected] of Object.entries(HOSTILE_FILES)) {
    const title = expected.line ? `${name}: analysed, phi-in-log on line ${expected.line}` : `${name}: not analysed (${expected.notAnalysed}), exit code 2`;
    test(title, () => {
      const committed = readFileSync(path.join(HOSTILE_DIR, name));
      assert.ok(committed.equals(expected.bytes), `test/hostile/${name} differs from generate.mjs: run node test/hostile/generate.mjs`);
      const dir = emptyTempDir('hostile');
      copyFileSync(path.join(HOSTILE_DIR, name), path.join(dir, name));
      const { status, report, stderr } = runJson(['scan'], { cwd: dir });
      const [file] = report.files;
      if (expected.line) {
        assert.equal(status, 1, stderr);
        assert.deepEqual(file, { file: name, analyzed: true, findings: 1, suppressed: 0 });
        assert.deepEqual(report.findings.map((f) => `${f.line} ${f.ruleId}`), [`${expected.line} phi-in-log`]);
        assert.deepEqual(report.notices, []);
      } else {
        assert.equal(status, 2, stderr);
        assert.equal(file.analyzed, false);
        assert.equal(file.notAnalysed, expected.notAnalysed);
        assert.equal(report.notices.length, 1);
        assert.equal(report.notices[0].level, 'error');
        assert.equal(report.summary.filesNotAnalysed, 1);
      }
    });
  }

  test('a NUL byte in a comment hides nothing: findings before and after it, and the columns are right', () => {
    const text = 'function a(patient) {\n  console.log(patient.ssn);\n}\n/* \u0000 */\nfunction b(patient) {\n  console.log(patient.dob);\n}\n';
    const dir = project('nul', { 'app.js': text });
    const { status, report } = runJson(['scan'], { cwd: dir });
    assert.equal(status, 1);
    assert.deepEqual(report.findings.map((f) => `${f.line}:${f.column}`), ['2:15', '6:15']);
  });

  test('fix keeps a UTF-16 file UTF-16, with its byte-order mark (LE and BE)', () => {
    const dir = emptyTempDir('hostile-fix');
    for (const name of ['utf16le-bom.ts', 'utf16be-bom.ts']) copyFileSync(path.join(HOSTILE_DIR, name), path.join(dir, name));
    const fixed = runCli(['fix'], { cwd: dir });
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    for (const [name, bom, encoding] of [['utf16le-bom.ts', [0xff, 0xfe], 'utf-16le'], ['utf16be-bom.ts', [0xfe, 0xff], 'utf-16be']]) {
      const bytes = readFileSync(path.join(dir, name));
      assert.deepEqual([...bytes.subarray(0, 2)], bom, name);
      const text = new TextDecoder(encoding).decode(bytes.subarray(2));
      assert.match(text, /^\/\/ Saved by an editor/, name);
      assert.ok(!text.includes('patient.ssn'), name);
    }
    assert.equal(runCli(['scan'], { cwd: dir }).status, 0);
  });
});

describe('a source file that is not analysed fails the run', () => {
  test('too large: exit 2, an error naming --max-file-size-kb, counted in the summary', () => {
    const dir = project('too-large', { 'ok.py': CLEAN_PY, 'padded.js': paddedLeak(3) });
    const text = runCli(['scan', '--max-file-size-kb', '2'], { cwd: dir });
    assert.equal(text.status, 2, text.stdout + text.stderr);
    assert.match(text.stderr, /padded\.js: error: not analysed: larger than --max-file-size-kb \(2 KB\): 4 KB \[too-large\]/);
    assert.ok(!text.stderr.includes('phiGuard.maxFileSizeKb'));
    assert.doesNotMatch(text.stdout, /✔/);
    assert.match(text.stdout, /^No PHI findings in 1 file analysed$/m);
    assert.match(text.stdout, /^✖ 1 file not analysed \(1 too large\); see the notices on stderr\.$/m);

    const { status, report } = runJson(['scan', '--max-file-size-kb', '2'], { cwd: dir });
    assert.equal(status, 2);
    assert.equal(report.summary.filesAnalysed, 1);
    assert.equal(report.summary.filesNotAnalysed, 1);
    assert.deepEqual(report.summary.notAnalysedByReason, { 'too-large': 1 });
    assert.deepEqual(report.notices.map((n) => `${n.file} ${n.level} ${n.kind}`), ['padded.js error too-large']);
  });

  test('the CLI analyses files up to 10 MB by default (the editor stops at 1 MB): a leak at the end of a 2 MB file is found', () => {
    const dir = project('big-default', { 'big.js': paddedLeak(2048) });
    const { status, report, stderr } = runJson(['scan'], { cwd: dir });
    assert.equal(status, 1, stderr);
    assert.equal(report.findings.length, 1);
    assert.equal(report.summary.filesNotAnalysed, 0);
    assert.match(runCli(['help', 'scan']).stdout, /--max-file-size-kb N\s+.*\(default: 10240\)/);
  });

  test('--fail-on never does not hide exit 2; neither does a clean rest of the project', () => {
    const dir = project('fail-on-never', { 'ok.py': CLEAN_PY, 'padded.js': paddedLeak(3), 'leak.py': LEAK_PY });
    for (const failOn of ['never', 'warning', 'error']) {
      assert.equal(runCli(['scan', '--max-file-size-kb', '2', '--fail-on', failOn], { cwd: dir }).status, 2, failOn);
    }
  });

  test('--allow-unanalysed: the files are warnings and the exit code is decided by findings alone', () => {
    const dir = project('allow', { 'ok.py': CLEAN_PY, 'padded.js': paddedLeak(3) });
    const clean = runCli(['scan', '--max-file-size-kb', '2', '--allow-unanalysed'], { cwd: dir });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stderr, /padded\.js: warning: not analysed: .*\[too-large\]/);
    assert.match(clean.stdout, /^⚠ 1 file not analysed \(1 too large\); allowed by --allow-unanalysed/m);
    writeFileSync(path.join(dir, 'leak.py'), LEAK_PY);
    assert.equal(runCli(['scan', '--max-file-size-kb', '2', '--allow-unanalysed'], { cwd: dir }).status, 1);
    assert.equal(runCli(['scan', '--max-file-size-kb', '2', '--allow-unanalysed', '--fail-on', 'never'], { cwd: dir }).status, 0);
  });

  test('the summary counts every kind exactly, in text and JSON', () => {
    const dir = project('many-kinds', {
      'ok.py': CLEAN_PY,
      'leak.py': LEAK_PY,
      'padded.js': paddedLeak(40),
      'image.js': HOSTILE_FILES['png-renamed.js'].bytes,
      'no_bom.ts': HOSTILE_FILES['utf16le-no-bom.ts'].bytes,
      'bundle.js': `var a=${'1+'.repeat(15_000)}1;`,
      'notes.txt': 'not a source file: never counted\n',
    });
    symlinkSync('gone.py', path.join(dir, 'dangling.py'));
    const text = runCli(['scan', '--max-file-size-kb', '32'], { cwd: dir });
    assert.equal(text.status, 2);
    assert.match(text.stdout, /^✖ 1 problem \(1 error, 0 warnings\) in 2 files analysed$/m);
    assert.match(text.stdout, /^✖ 5 files not analysed \(1 too large, 2 binary, 1 unreadable, 1 minified\); see the notices on stderr\.$/m);
    assert.equal(text.stderr.match(/: error: not analysed: /g)?.length, 5, text.stderr);

    const { report } = runJson(['scan', '--max-file-size-kb', '32'], { cwd: dir });
    assert.equal(report.summary.filesAnalysed, 2);
    assert.equal(report.summary.filesNotAnalysed, 5);
    assert.deepEqual(report.summary.notAnalysedByReason, { 'too-large': 1, binary: 2, unreadable: 1, minified: 1 });
    assert.deepEqual(
      report.files.filter((f) => f.notAnalysed).map((f) => `${f.file} ${f.notAnalysed}`).sort(),
      ['bundle.js minified', 'dangling.py unreadable', 'image.js binary', 'no_bom.ts binary', 'padded.js too-large'],
    );
  });

  test("a file the policy's `ignore` leaves out is never read, so never counted", () => {
    const dir = project('policy-ignore', {
      'phi-guard.json': JSON.stringify({ ignore: ['generated/**'] }),
      'ok.py': CLEAN_PY,
      'generated/padded.js': paddedLeak(3),
    });
    const { status, report } = runJson(['scan', '--max-file-size-kb', '2'], { cwd: dir });
    assert.equal(status, 0, JSON.stringify(report.notices));
    assert.equal(report.summary.filesNotAnalysed, 0);
    assert.equal(report.summary.filesIgnored, 1);
    assert.match(runCli(['scan', '--max-file-size-kb', '2'], { cwd: dir }).stdout, /✔ No PHI findings in 1 file\n/);
  });

  test('SARIF: executionSuccessful is false, with the file as an error-level notification (unless allowed)', () => {
    const dir = project('sarif', { 'ok.py': CLEAN_PY, 'padded.js': paddedLeak(3) });
    const failed = runCli(['scan', '--max-file-size-kb', '2', '--format', 'sarif'], { cwd: dir });
    assert.equal(failed.status, 2);
    const log = JSON.parse(failed.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n) => `${n.level} ${n.descriptor.id} ${n.locations[0].physicalLocation.artifactLocation.uri}`),
      ['error too-large padded.js'],
    );
    const allowed = JSON.parse(runCli(['scan', '--max-file-size-kb', '2', '--format', 'sarif', '--allow-unanalysed'], { cwd: dir }).stdout);
    assert.equal(allowed.runs[0].invocations[0].executionSuccessful, true);
    assert.equal(allowed.runs[0].invocations[0].toolExecutionNotifications[0].level, 'warning');
  });

  test('coverage: a file not analysed may hide endpoints, so it exits 2 too (unless --allow-unanalysed)', () => {
    const dir = project('coverage', { 'ok.py': CLEAN_PY, 'padded.js': paddedLeak(3) });
    const failed = runCli(['coverage', '--max-file-size-kb', '2'], { cwd: dir });
    assert.equal(failed.status, 2, failed.stderr);
    assert.match(failed.stderr, /padded\.js: error: not analysed: .*\[too-large\]/);
    assert.match(failed.stderr, /1 file not analysed: the report may miss their endpoints/);
    assert.equal(runCli(['coverage', '--max-file-size-kb', '2', '--allow-unanalysed'], { cwd: dir }).status, 0);
  });
});
