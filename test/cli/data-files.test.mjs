// phi-literal on the command line: a scan of a folder with a CSV and a notebook reports the PHI in
// them, leaves lockfiles, node_modules and build output alone, lists policy suppressions with the
// inline ones, says when a data file was only partly read, and never prints a value in any format.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, runCli, runJson } from './run-cli.mjs';

const VALUES = ['471-28-3390', '471283390', 'Maria', 'Gonzalez', '1961-04-17', 'A0048812', '523-41-7781'];

/** The fixture, with copies of its CSV where a scan must never look (not committable as such). */
function dataFolder() {
  const dir = copyFixture('data-files');
  const csv = readFileSync(path.join(dir, 'patients.csv'), 'utf8');
  for (const folder of ['node_modules/some-lib', 'dist']) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, 'patients.csv'), csv);
  }
  return dir;
}

test('scan reports the PHI of a CSV and a notebook, not of lockfiles, node_modules or build output', () => {
  const dir = dataFolder();
  const { status, report } = runJson(['scan', '.'], { cwd: dir });
  assert.equal(status, 1);
  assert.deepEqual(report.files.map((file) => file.file).sort(), ['analysis.ipynb', 'patients.csv']);
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`).sort(),
    ['analysis.ipynb:19:phi-literal', 'analysis.ipynb:47:phi-literal', 'analysis.ipynb:61:phi-literal', 'patients.csv:2:phi-literal'],
  );
});

test('no value appears in the text, JSON or SARIF output', () => {
  const dir = dataFolder();
  for (const format of ['text', 'json', 'sarif']) {
    const { stdout, stderr } = runCli(['scan', '.', '--format', format], { cwd: dir });
    assert.ok(stdout.includes('phi-literal'), `${format}: reports the rule`);
    for (const value of VALUES) assert.ok(!stdout.includes(value) && !stderr.includes(value), `${format}: "${value}" is in the output`);
  }
});

test('policy suppressions are listed with the inline ones in --format json', () => {
  const dir = dataFolder();
  writeFileSync(
    path.join(dir, 'phi-guard.json'),
    JSON.stringify({ suppressions: [{ files: 'patients.csv', rules: ['phi-literal'], reason: 'de-identified by the IRB process, ticket SEC-41' }] }),
  );
  const { report } = runJson(['scan', '.'], { cwd: dir });
  assert.deepEqual(report.findings.filter((f) => f.file === 'patients.csv'), []);
  assert.deepEqual(report.suppressions, [
    { file: 'patients.csv', source: 'policy', line: null, appliesToLine: null, rules: ['phi-literal'], reason: 'de-identified by the IRB process, ticket SEC-41', suppressedFindings: 1 },
  ]);
});

test('a data file over --max-file-size-kb is scanned up to it, with a partly-read warning (not a failure)', () => {
  const dir = dataFolder();
  const rows = '2,Jane123,Doe456,999-12-3456,1970-01-01\n'.repeat(800);
  writeFileSync(path.join(dir, 'patients.csv'), `id,first_name,last_name,ssn,dob\n1,Maria,Gonzalez,471-28-3390,1961-04-17\n${rows}`);
  const { status, report } = runJson(['scan', 'patients.csv', '--max-file-size-kb', '8'], { cwd: dir });
  assert.equal(status, 1);
  assert.deepEqual(report.findings.map((f) => f.line), [2]);
  const notice = report.notices.find((n) => n.kind === 'partly-read');
  assert.equal(notice?.level, 'warning');
  assert.match(notice.message, /partly read: only the first \d+ KB of \d+ KB/);
  assert.equal(report.files[0].analyzed, true);
});

test('phi-guard fix clears the notebook outputs that hold PHI and leaves a valid notebook', () => {
  const dir = dataFolder();
  runCli(['fix', 'analysis.ipynb'], { cwd: dir });
  const notebook = JSON.parse(readFileSync(path.join(dir, 'analysis.ipynb'), 'utf8'));
  assert.equal(notebook.nbformat, 4);
  assert.deepEqual(notebook.cells.map((cell) => cell.outputs?.length), [undefined, 0, 0, 0]);
  const { report } = runJson(['scan', 'analysis.ipynb'], { cwd: dir });
  // The literal in a cell's source is left for a person to replace.
  assert.deepEqual(report.findings.map((f) => f.line), [33]);
});
