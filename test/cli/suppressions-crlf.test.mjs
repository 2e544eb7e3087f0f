// A Windows checkout (CRLF) keeps its suppressions: `scan` hides the finding and `fix` leaves the
// deliberately suppressed line alone.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { emptyTempDir, runCli, runJson } from './run-cli.mjs';

const SOURCE = [
  'import logging',
  'logger = logging.getLogger(__name__)',
  '',
  'def show(patient):',
  '    # phi-guard: ignore[phi-in-log] -- break-glass log, reviewed in SEC-12',
  '    logger.info("viewing %s", patient.name)',
  '',
  'def other(patient):',
  '    logger.info("other %s", patient.name)  # phi-guard: ignore[phi-in-log] -- reviewed\t',
  '',
].join('\r\n');

test('CRLF Python: suppressions hide their findings and fix leaves the suppressed lines unchanged', () => {
  const cwd = emptyTempDir('crlf-suppression');
  writeFileSync(path.join(cwd, 'app.py'), SOURCE);

  const scan = runJson(['scan'], { cwd });
  assert.equal(scan.status, 0, scan.stdout);
  assert.deepEqual(scan.report.findings, []);
  assert.deepEqual(
    scan.report.suppressions.map((s) => [s.line, s.reason]),
    [[5, 'break-glass log, reviewed in SEC-12'], [9, 'reviewed']],
  );

  const fix = runCli(['fix'], { cwd });
  assert.equal(fix.status, 0, fix.stdout);
  assert.equal(readFileSync(path.join(cwd, 'app.py'), 'utf8'), SOURCE, 'the file is byte-identical');
});

test('an unknown id in a suppression is named only when it is shaped like a rule id, never a value', () => {
  const cwd = emptyTempDir('unknown-suppression-id');
  writeFileSync(
    path.join(cwd, 'app.py'),
    ['x = 1  # phi-guard: ignore[phi-in-logs] -- typo', 'y = 2  # phi-guard: ignore[078-05-1120] -- a value, not an id', ''].join('\n'),
  );
  const { report, stdout } = runJson(['scan'], { cwd });
  const notices = report.notices.filter((n) => n.kind === 'unknown-suppression-rule');
  assert.equal(notices.length, 2);
  assert.match(notices[0].message, /unknown rule id 'phi-in-logs'/);
  assert.doesNotMatch(stdout, /078-05-1120/);
  assert.doesNotMatch(runCli(['scan'], { cwd }).stderr, /078-05-1120/);
});
