// Tests, mocks and fixtures (policy `testCode`): the synthetic patients a test logs and throws
// are not reported, what is committed there still is, and a project can turn the exemption off.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runJson, tempProject } from './run-cli.mjs';

const LOGS_A_PATIENT = 'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info("patient %s", patient.full_name)\n';
const COMMITS_AN_SSN = 'EXAMPLE = {"ssn": "219-09-9999", "mrn": "MRN-004417"}\nREAL_SSN = "536-22-8412"\n';

const project = (files) => tempProject('test-code', files);

const byFile = (report) => {
  const seen = {};
  for (const finding of report.findings) (seen[finding.file] ??= []).push(finding.ruleId);
  return seen;
};

test('a log of patient data in tests, mocks, test files and seed data is not reported; the same line in the app is', () => {
  const dir = project({
    'app/views.py': LOGS_A_PATIENT,
    'tests/unit/helpers.py': LOGS_A_PATIENT,
    'app/test_views.py': LOGS_A_PATIENT,
    'src/__mocks__/mailer.py': LOGS_A_PATIENT,
    'app/contest.py': LOGS_A_PATIENT,
    'db/seeds/patients.py': LOGS_A_PATIENT,
    'prisma/seed.py': LOGS_A_PATIENT,
    'app/seeding.py': LOGS_A_PATIENT,
    'src/components/PatientCard.stories.py': LOGS_A_PATIENT,
    'src/components/storybook.py': LOGS_A_PATIENT,
    'app/views.old.py': LOGS_A_PATIENT,
    'app/forms-backup/views.py': LOGS_A_PATIENT,
    'app/backup/views.py': LOGS_A_PATIENT,
    'src/examples/schedule_example.py': LOGS_A_PATIENT,
    'src/example_views.py': LOGS_A_PATIENT,
  });
  const { report } = runJson(['scan', '.', '--fail-on', 'never'], { cwd: dir });
  const files = byFile(report);
  assert.deepEqual(files['app/views.py'], ['phi-in-log']);
  assert.deepEqual(files['app/contest.py'], ['phi-in-log'], 'a name that merely contains "test" is not test code');
  assert.equal(files['tests/unit/helpers.py'], undefined);
  assert.equal(files['app/test_views.py'], undefined);
  assert.equal(files['src/__mocks__/mailer.py'], undefined);
  assert.equal(files['db/seeds/patients.py'], undefined, 'seed data is made up like a test\'s');
  assert.equal(files['prisma/seed.py'], undefined);
  assert.deepEqual(files['app/seeding.py'], ['phi-in-log'], 'a name that merely starts with "seed" is not seed data');
  assert.equal(files['src/components/PatientCard.stories.py'], undefined, 'a Storybook story renders made-up props');
  assert.deepEqual(files['src/components/storybook.py'], ['phi-in-log']);
  assert.equal(files['app/views.old.py'], undefined, 'a copy kept aside is not served');
  assert.equal(files['app/forms-backup/views.py'], undefined);
  assert.deepEqual(files['app/backup/views.py'], ['phi-in-log'], 'a backup feature is the product');
  assert.equal(files['src/examples/schedule_example.py'], undefined, 'example code shows the product with made-up values');
  assert.deepEqual(files['src/example_views.py'], ['phi-in-log'], 'a module named for examples is the product');
});

test('a real identifier committed in a test is still reported (phi-literal runs in test code)', () => {
  const dir = project({ 'tests/fixtures_data.py': COMMITS_AN_SSN, 'tests/test_log.py': LOGS_A_PATIENT });
  const { report } = runJson(['scan', '.', '--fail-on', 'never'], { cwd: dir });
  const rules = report.findings.map((finding) => `${finding.file}:${finding.ruleId}`);
  assert.ok(rules.includes('tests/fixtures_data.py:phi-literal'), rules.join(', '));
  assert.ok(!rules.some((rule) => rule.endsWith(':phi-in-log')), rules.join(', '));
});

test('a folder named like a test folder above the project does not make the project test code', () => {
  const outer = project({ 'tests/clinic/app/views.py': LOGS_A_PATIENT });
  const { report } = runJson(['scan', '.', '--fail-on', 'never'], { cwd: path.join(outer, 'tests', 'clinic') });
  assert.deepEqual(byFile(report)['app/views.py'], ['phi-in-log']);
});

test('the policy narrows or turns off the exemption, relative to its own folder', () => {
  const dir = project({
    'phi-guard.json': JSON.stringify({ testCode: { paths: ['qa/'] } }),
    'tests/helpers.py': LOGS_A_PATIENT,
    'qa/helpers.py': LOGS_A_PATIENT,
  });
  let files = byFile(runJson(['scan', '.', '--fail-on', 'never'], { cwd: dir }).report);
  assert.deepEqual(files['tests/helpers.py'], ['phi-in-log']);
  assert.equal(files['qa/helpers.py'], undefined);

  writeFileSync(path.join(dir, 'phi-guard.json'), JSON.stringify({ testCode: { paths: [] } }));
  files = byFile(runJson(['scan', '.', '--fail-on', 'never'], { cwd: dir }).report);
  assert.deepEqual(files['qa/helpers.py'], ['phi-in-log']);

  writeFileSync(path.join(dir, 'phi-guard.json'), JSON.stringify({ testCode: { rules: ['phi-literal', 'phi-in-log'] } }));
  files = byFile(runJson(['scan', '.', '--fail-on', 'never'], { cwd: dir }).report);
  assert.deepEqual(files['tests/helpers.py'], ['phi-in-log']);
});

test('a policy given from outside the tree leaves the tree\'s tests where the scan runs', () => {
  const org = project({ 'phi-guard.json': JSON.stringify({ rules: { 'phi-access-mismatch': 'off' } }) });
  const dir = project({ 'tests/test_log.py': LOGS_A_PATIENT, 'app/views.py': LOGS_A_PATIENT });
  const files = byFile(runJson(['scan', '.', '--fail-on', 'never', '--policy', path.join(org, 'phi-guard.json')], { cwd: dir }).report);
  assert.deepEqual(files['app/views.py'], ['phi-in-log']);
  assert.equal(files['tests/test_log.py'], undefined);
});
