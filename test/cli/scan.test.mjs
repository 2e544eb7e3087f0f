// `phi-guard scan` on fixture folders: exit codes, text and JSON output, notices.
// The phi-in-log assertions follow docs/rules/phi-in-log.md (one finding per call, on the line the call starts).

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, findingKeys, runCli, runJson } from './run-cli.mjs';

test('a clean folder exits 0 and says so', () => {
  const cwd = copyFixture('clean');
  const { status, stdout, stderr } = runCli(['scan'], { cwd });
  assert.equal(status, 0, stdout + stderr);
  assert.match(stdout, /No PHI findings in 2 files/);
});

test('PHI in logs exits 1 with one finding per leaking call (Python and TypeScript)', () => {
  const cwd = copyFixture('leaky');
  const { status, report } = runJson(['scan'], { cwd });
  assert.equal(status, 1);
  assert.deepEqual(findingKeys(report).sort(), ['app/patients.py:8 phi-in-log', 'web/client.ts:8 phi-in-log']);
  assert.deepEqual(
    report.files.map((f) => f.file),
    ['app/clean.py', 'app/patients.py', 'web/client.ts'],
  );
});

test('text output is ESLint-stylish: path, then line:col severity message rule-id, then a summary', () => {
  const cwd = copyFixture('leaky');
  const { status, stdout } = runCli(['scan'], { cwd });
  assert.equal(status, 1);
  const lines = stdout.split('\n');
  const fileLine = lines.indexOf('app/patients.py');
  assert.ok(fileLine >= 0, stdout);
  assert.match(lines[fileLine + 1], /^\s+8:\d+\s+error\s+\S.*\s{2}phi-in-log$/);
  assert.ok(lines.includes('web/client.ts'), stdout);
  assert.match(stdout, /✖ 2 problems \(2 errors, 0 warnings\)/);
  assert.ok(!stdout.includes('\x1b['), 'no colours when piped');
});

test('output never quotes source text or PHI (SARIF fixes aside: they are code by nature)', () => {
  const cwd = copyFixture('leaky');
  for (const format of ['text', 'json', 'sarif']) {
    let { stdout, stderr } = runCli(['scan', '--format', format], { cwd });
    if (format === 'sarif') {
      const log = JSON.parse(stdout);
      for (const result of log.runs[0].results) delete result.fixes;
      stdout = JSON.stringify(log);
    }
    for (const secret of ['Patient found', ', DOB: ', '"Patient found: " + patient.name']) {
      assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `${format} output quotes source text`);
    }
  }
});

test('colour only when forced or on a terminal, and never with NO_COLOR', () => {
  const cwd = copyFixture('warning-only');
  assert.ok(runCli(['scan'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
  assert.ok(!runCli(['scan'], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
});

test('--fail-on: warnings fail only with --fail-on warning; never always exits 0', () => {
  const warnings = copyFixture('warning-only');
  assert.equal(runCli(['scan'], { cwd: warnings }).status, 0);
  assert.equal(runCli(['scan', '--fail-on', 'error'], { cwd: warnings }).status, 0);
  assert.equal(runCli(['scan', '--fail-on', 'warning'], { cwd: warnings }).status, 1);
  assert.equal(runCli(['scan', '--fail-on=never'], { cwd: warnings }).status, 0);
  const { stdout } = runCli(['scan'], { cwd: warnings });
  assert.match(stdout, /^\s+7:\d+\s+warning\s+.*unjustified-suppression$/m);
  assert.match(stdout, /1 problem \(0 errors, 1 warning\)/);
});

test('--fail-on never exits 0 even with errors', () => {
  const cwd = copyFixture('leaky');
  assert.equal(runCli(['scan', '--fail-on', 'never'], { cwd }).status, 0);
});

test('JSON report: documented shape, 1-based positions, cwd-relative forward-slash paths', () => {
  const cwd = copyFixture('warning-only');
  const { status, report } = runJson(['scan', '.'], { cwd });
  assert.equal(status, 0);
  assert.deepEqual(Object.keys(report), ['version', 'files', 'findings', 'suppressions', 'notices', 'policyOverrides', 'summary']);
  assert.match(report.version, /^\d+\.\d+\.\d+/);
  const [finding] = report.findings;
  assert.equal(finding.file, 'app.py');
  assert.equal(finding.ruleId, 'unjustified-suppression');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.line, 7);
  const source = readFileSync(path.join(cwd, 'app.py'), 'utf8').split('\n')[6];
  assert.equal(finding.column, source.indexOf('#') + 1);
  assert.equal(finding.startLine, 7);
  assert.ok(finding.endColumn > finding.column);
  for (const key of ['message', 'phi', 'flow', 'hipaa', 'fixable']) assert.ok(key in finding, key);
  assert.deepEqual(report.suppressions, [
    { file: 'app.py', line: 7, appliesToLine: 7, rules: ['phi-in-log'], reason: null, suppressedFindings: 0 },
  ]);
  assert.equal(report.summary.warnings, 1);
  assert.equal(report.summary.filesScanned, 1);
});

test('JSON paths are relative to the cwd when scanning a subfolder', () => {
  const cwd = copyFixture('leaky');
  const { report } = runJson(['scan', 'app'], { cwd });
  assert.deepEqual(report.files.map((f) => f.file), ['app/clean.py', 'app/patients.py']);
  const inside = runJson(['scan', '.'], { cwd: path.join(cwd, 'web') }).report;
  assert.deepEqual(inside.files.map((f) => f.file), ['client.ts']);
});

test('justified suppressions hide the finding and are listed with their reason', () => {
  const cwd = copyFixture('suppressed');
  const { status, report } = runJson(['scan'], { cwd });
  assert.equal(status, 0);
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary.suppressed, 1);
  assert.deepEqual(report.suppressions, [
    {
      file: 'app.py',
      line: 8,
      appliesToLine: 9,
      rules: ['phi-in-log'],
      reason: 'this logger writes to the HIPAA-compliant audit store',
      suppressedFindings: 1,
    },
  ]);
});

test('binary, too-large and minified files are not analysed: errors, the scan goes on, exit 2', () => {
  const cwd = copyFixture('notices');
  writeFileSync(path.join(cwd, 'blob.py'), Buffer.from([0x00, 0x01, 0x02, 0x50, 0x4b]));
  writeFileSync(path.join(cwd, 'huge.py'), `# phi-guard: ignore[phi-in-log]\n${'x = 1\n'.repeat(400)}`);
  writeFileSync(path.join(cwd, 'bundle.min.js'), `var a=${'1+'.repeat(15_000)}1;`);
  const { status, report } = runJson(['scan', '--max-file-size-kb', '1'], { cwd });
  assert.equal(status, 2);
  const kinds = Object.fromEntries(report.notices.map((n) => [n.file, `${n.level} ${n.kind}`]));
  assert.equal(kinds['blob.py'], 'error binary');
  assert.equal(kinds['huge.py'], 'error too-large');
  assert.equal(kinds['bundle.min.js'], 'error too-large');
  assert.ok(report.files.find((f) => f.file === 'ok.py').analyzed);
  assert.equal(report.findings.length, 0, 'the too-large file was not analysed');

  const text = runCli(['scan', '--max-file-size-kb', '1'], { cwd });
  assert.equal(text.status, 2);
  assert.match(text.stderr, /huge\.py: error: not analysed: larger than --max-file-size-kb \(1 KB\): 3 KB \[too-large\]/);
  assert.match(text.stderr, /blob\.py: error: not analysed: .*\[binary\]/);
  assert.ok(!text.stdout.includes('[binary]'), 'notices go to stderr in text format');
  assert.match(text.stdout, /✖ 3 files not analysed \(2 too large, 1 binary\)/);

  const allowed = runCli(['scan', '--max-file-size-kb', '1', '--allow-unanalysed'], { cwd });
  assert.equal(allowed.status, 0);
  assert.match(allowed.stderr, /blob\.py: warning: not analysed: .*\[binary\]/);
});

test('--output writes the report to a file and nothing to stdout', () => {
  const cwd = copyFixture('leaky');
  const { status, stdout } = runCli(['scan', '--format', 'json', '--output', 'reports/phi.json'], { cwd });
  assert.equal(status, 1);
  assert.equal(stdout, '');
  const report = JSON.parse(readFileSync(path.join(cwd, 'reports', 'phi.json'), 'utf8'));
  assert.equal(report.summary.errors, 2);
});

test('node_modules, virtualenvs, build output and hidden folders are skipped; a file in one named on the command line is not', () => {
  const cwd = copyFixture('clean');
  const marker = 'total = 1  # phi-guard: ignore[phi-in-log]\n';
  for (const dir of ['node_modules/pkg', 'dist', '.venv/lib', 'env', '__pycache__', '.backup-old-laptop/routes']) {
    mkdirSync(path.join(cwd, dir), { recursive: true });
    writeFileSync(path.join(cwd, dir, 'leak.py'), marker);
  }
  writeFileSync(path.join(cwd, 'env', 'pyvenv.cfg'), 'home = /usr/bin\n');
  const { status, report } = runJson(['scan'], { cwd });
  assert.equal(status, 0);
  assert.deepEqual(report.files.map((f) => f.file), ['client.ts', 'service.py']);
  const named = runJson(['scan', '.backup-old-laptop/routes/leak.py'], { cwd });
  assert.deepEqual(named.report.files.map((f) => f.file), ['.backup-old-laptop/routes/leak.py']);
});

test('a progress line is never written to a piped stderr', () => {
  const cwd = copyFixture('leaky');
  const { stderr } = runCli(['scan', '--format', 'json'], { cwd });
  assert.equal(stderr, '');
});

test('files with syntax errors are still analysed, with a note; unsupported files named explicitly are skipped', () => {
  const cwd = copyFixture('notices');
  writeFileSync(path.join(cwd, 'broken.py'), 'def f(:\n    pass\n');
  writeFileSync(path.join(cwd, 'README.md'), '# notes\n');
  const { status, report } = runJson(['scan', '.', 'README.md'], { cwd });
  assert.equal(status, 0);
  const notices = Object.fromEntries(report.notices.map((n) => [n.file, `${n.level} ${n.kind}`]));
  assert.equal(notices['broken.py'], 'note syntax-errors');
  assert.equal(notices['README.md'], 'warning unsupported-language');
  assert.ok(report.files.find((f) => f.file === 'broken.py').analyzed);
});
