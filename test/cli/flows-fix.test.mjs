// `phi-guard fix` fixes a leak through a helper in another file where `scan` reports it: at the
// call, passing the record's id (docs/rules/phi-in-log.md, "Quick fixes").
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { emptyTempDir, ROOT, runCli, runJson } from './run-cli.mjs';

test('fix passes the record id at the calls to logging helpers, and the scan is then clean there', () => {
  const dir = emptyTempDir('flows-fix');
  cpSync(path.join(ROOT, 'test/fixtures/flows/python'), dir, { recursive: true });
  const intake = path.join(dir, 'clinic/intake.py');
  const before = readFileSync(intake, 'utf8');
  const fixed = runCli(['fix', 'clinic/intake.py'], { cwd: dir });
  assert.match(fixed.stdout, /fixed \d+ problems? in clinic\/intake\.py/);
  const after = readFileSync(intake, 'utf8');
  assert.ok(before.includes('trace("admitting", patient.date_of_birth)'));
  assert.ok(after.includes('trace("admitting", patient.id)'));
  assert.ok(after.includes('audit.trace("mrn", patient.id)'));
  // The log calls through helpers are fixed where they pass one value; a dict of named keys is not
  // swapped for an id (the helper reads its keys), and the error one has no fix but its suppression.
  const { report } = runJson(['scan', 'clinic/intake.py'], { cwd: dir });
  const left = report.findings.filter((f) => f.message.includes('is passed to'));
  assert.deepEqual(left.map((f) => f.ruleId), ['phi-in-error', 'phi-in-log', 'phi-in-log']);
  const lines = after.split('\n');
  for (const finding of left.filter((f) => f.ruleId === 'phi-in-log')) assert.match(lines[finding.line - 1], /\(\{"/);
});
