// `phi-guard fix` on a private copy of a fixture: the result re-scans clean and still parses.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { assertParsesAsPython38 } from '../support/python-check.mjs';
import { copyFixture, ROOT, runCli, runJson } from './run-cli.mjs';

let engine;
before(async () => {
  engine = await import(path.join(ROOT, 'dist', 'engine.js'));
  await engine.initEngine();
});

const read = (dir, file) => readFileSync(path.join(dir, file), 'utf8');

test('fix applies every preferred fix; the files re-scan clean and still parse', () => {
  const cwd = copyFixture('fixable');
  assert.equal(runCli(['scan'], { cwd }).status, 1, 'the fixture leaks PHI before fixing');
  const { status, stdout } = runCli(['fix'], { cwd });
  assert.equal(status, 0, stdout);
  assert.match(stdout, /^fixed 2 problems in app\.py$/m);
  assert.match(stdout, /^fixed 1 problem in client\.ts$/m);
  assert.match(stdout, /Applied 3 fixes in 2 files\./);

  const rescan = runJson(['scan'], { cwd });
  assert.equal(rescan.status, 0);
  assert.deepEqual(rescan.report.findings, []);
  for (const [file, language] of [['app.py', 'python'], ['client.ts', 'typescript']]) {
    const text = read(cwd, file);
    assert.equal(engine.countSyntaxErrors(text, language), 0, `${file} still parses`);
    assert.match(text, /patient_?[iI]d/, `${file} logs the id instead`);
    assert.ok(!/patient\.(name|dob|first_name)/.test(text.split('\n').filter((l) => /log/.test(l)).join('\n')));
  }
  assertParsesAsPython38(assert, [{ name: 'app.py', text: read(cwd, 'app.py') }]);
  // Everything around the log calls is kept.
  assert.match(read(cwd, 'app.py'), /db\.save\(patient\)/);
  assert.equal(runCli(['fix'], { cwd }).stdout.split('\n')[0], 'Applied 0 fixes in 0 files.', 'a second run has nothing to do');
});

test('fix --dry-run reports what it would change and writes nothing', () => {
  const cwd = copyFixture('fixable');
  const before = read(cwd, 'app.py');
  const { status, stdout } = runCli(['fix', '--dry-run'], { cwd });
  assert.equal(status, 0);
  assert.match(stdout, /^would fix 2 problems in app\.py$/m);
  assert.match(stdout, /Would apply 3 fixes in 2 files\./);
  assert.equal(read(cwd, 'app.py'), before);
  assert.equal(runCli(['scan'], { cwd }).status, 1);
});

test('fix exits 1 when findings without an automatic fix remain, and lists them', () => {
  const cwd = copyFixture('warning-only');
  const before = read(cwd, 'app.py');
  const { status, stdout } = runCli(['fix'], { cwd });
  assert.equal(status, 1);
  assert.match(stdout, /^\s+7:\d+\s+warning\s+.*unjustified-suppression$/m);
  assert.equal(read(cwd, 'app.py'), before, 'suppressions are never added or changed by fix');
});

test('fix keeps CRLF line endings and a byte-order mark', () => {
  const cwd = copyFixture('fixable');
  const file = path.join(cwd, 'app.py');
  writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
  assert.equal(runCli(['fix', 'app.py'], { cwd }).status, 0);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'BOM kept');
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF introduced');
  assert.equal(runCli(['scan', 'app.py'], { cwd }).status, 0);
});

test('fix with a broken policy still fixes on the defaults but exits 2', () => {
  const cwd = copyFixture('fixable');
  writeFileSync(path.join(cwd, 'phi-guard.json'), '{ "rules": [ }');
  const { status, stderr } = runCli(['fix'], { cwd });
  assert.equal(status, 2);
  assert.match(stderr, /^phi-guard\.json:1:\d+: error:/m);
});

test('fix removes a hard-coded key from a log call instead of inlining it, and writes Python 3.8 code', () => {
  const cwd = copyFixture('fixable');
  const key = 'sk-proj-Hq2mZ9xK4vL1nB8cR5tY3wE6uI0oP2aS4dF7gH9jK1lZ3xQ';
  const source = [
    'import logging',
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    'def lookup(patient, resp):',
    `    api_key = "${key}"`,
    '    logger.info("using " + api_key + " for " + patient.name)',
    '    note = "Patient John Smith, SSN 123-45-6789"',
    '    logger.info(note + " for " + patient.name)',
    '    logger.info("status " + resp.headers.get("x-status") + " for " + patient.name)',
    '',
  ].join('\n');
  writeFileSync(path.join(cwd, 'keys.py'), source);
  const { status, stdout } = runCli(['fix', 'keys.py'], { cwd });
  assert.equal(status, 0, stdout);
  const text = read(cwd, 'keys.py');
  const logLines = text.split('\n').filter((line) => /logger\.info/.test(line));
  assert.equal(logLines.length, 3);
  for (const line of logLines) assert.doesNotMatch(line, /sk-proj|api_key|John Smith|123-45-6789/, line);
  assert.ok(!text.includes(key), 'the key itself is read from the environment now');
  assertParsesAsPython38(assert, [{ name: 'keys.py', text }]);
  assert.equal(runCli(['scan', 'keys.py'], { cwd }).status, 0, 'clean after the fix');
});
