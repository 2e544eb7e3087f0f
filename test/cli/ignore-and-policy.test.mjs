// .gitignore files (nested ones too), the policy's `ignore` globs, the nearest policy per file,
// --policy, and broken policy files (exit 2, diagnostics with file:line:col, scan on defaults).

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, findingKeys, runCli, runJson } from './run-cli.mjs';

test('.gitignore is honoured, nested files apply below their folder and may re-include', () => {
  const cwd = copyFixture('gitignored');
  const { report } = runJson(['scan', '--fail-on', 'never'], { cwd });
  assert.deepEqual(report.files.map((f) => f.file), ['src/nested/keep.local.py', 'src/ok.py']);
  assert.deepEqual(findingKeys(report), ['src/nested/keep.local.py:1 unjustified-suppression']);
  assert.equal(report.summary.filesIgnored, 3);
});

test('.gitignore from the repository root applies when scanning a subfolder of a git repository', () => {
  const cwd = copyFixture('gitignored');
  mkdirSync(path.join(cwd, '.git'));
  const { report } = runJson(['scan', 'src/nested'], { cwd });
  assert.deepEqual(report.files.map((f) => f.file), ['src/nested/keep.local.py']);
});

test('ignored files stay ignored when named on the command line (pre-commit hooks)', () => {
  const cwd = copyFixture('gitignored');
  const { report } = runJson(['scan', 'generated/leak.py', 'src/ok.py'], { cwd });
  assert.deepEqual(report.files.map((f) => f.file), ['src/ok.py']);
});

test("the policy's ignore globs are honoured, relative to the policy file's folder", () => {
  const cwd = copyFixture('policy-ignore');
  const { status, report } = runJson(['scan', '--fail-on', 'warning'], { cwd });
  assert.equal(status, 1);
  assert.deepEqual(findingKeys(report), ['app/views.py:1 unjustified-suppression']);
  assert.deepEqual(report.files.map((f) => f.file), ['app/views.py']);
  // The same globs, seen from inside a subfolder: still relative to the policy's folder.
  const inside = runJson(['scan'], { cwd: path.join(cwd, 'app') }).report;
  assert.deepEqual(inside.files.map((f) => f.file), ['views.py']);
  assert.equal(inside.files[0].policy, '../phi-guard.json');
});

test('each file uses its nearest policy; --policy overrides them all', () => {
  const cwd = copyFixture('warning-only');
  mkdirSync(path.join(cwd, 'strict'));
  writeFileSync(path.join(cwd, 'strict', 'phi-guard.json'), '{ "rules": { "unjustified-suppression": "error" } }\n');
  writeFileSync(path.join(cwd, 'strict', 'app.py'), 'total = 1  # phi-guard: ignore[phi-in-log]\n');
  const nearest = runJson(['scan'], { cwd });
  assert.equal(nearest.status, 1);
  const severities = Object.fromEntries(nearest.report.findings.map((f) => [f.file, f.severity]));
  assert.deepEqual(severities, { 'app.py': 'warning', 'strict/app.py': 'error' });

  writeFileSync(path.join(cwd, 'quiet.json'), '{ "rules": { "unjustified-suppression": "off" } }\n');
  const overridden = runJson(['scan', '--policy', 'quiet.json'], { cwd });
  assert.equal(overridden.status, 0);
  assert.deepEqual(overridden.report.findings, []);
});

test('an invalid policy file: diagnostics with file:line:col on stderr, scan on the defaults, exit 2', () => {
  const cwd = copyFixture('invalid-policy');
  const { status, stderr, stdout } = runCli(['scan'], { cwd });
  assert.equal(status, 2);
  assert.match(stderr, /^phi-guard\.json:\d+:\d+: error: .+/m);
  // Still scanned with the built-in defaults.
  assert.match(stdout, /unjustified-suppression/);

  const json = runJson(['scan'], { cwd });
  assert.equal(json.status, 2);
  assert.match(json.stderr, /^phi-guard\.json:\d+:\d+: error:/m);
  assert.deepEqual(findingKeys(json.report), ['app.py:1 unjustified-suppression']);
  const policyNotice = json.report.notices.find((n) => n.kind === 'policy');
  assert.equal(policyNotice.file, 'phi-guard.json');
  assert.ok(policyNotice.line >= 1 && policyNotice.column >= 1);
  assert.ok(json.report.summary.policyErrors >= 1);
});

test('a policy error wins over --fail-on never and is reported in SARIF as a configuration notification', () => {
  const cwd = copyFixture('invalid-policy');
  const { status, stdout } = runCli(['scan', '--format', 'sarif', '--fail-on', 'never'], { cwd });
  assert.equal(status, 2);
  const run = JSON.parse(stdout).runs[0];
  const [notification] = run.invocations[0].toolConfigurationNotifications;
  assert.equal(notification.level, 'error');
  assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'phi-guard.json');
  assert.ok(notification.locations[0].physicalLocation.region.startLine >= 1);
  assert.equal(run.invocations[0].executionSuccessful, false);
});

test('an unknown rule id in the policy is a policy error', () => {
  const cwd = copyFixture('clean');
  writeFileSync(path.join(cwd, 'phi-guard.json'), '{\n  "rules": {\n    "phi-in-logs": "error"\n  }\n}\n');
  const { status, stderr } = runCli(['scan'], { cwd });
  assert.equal(status, 2);
  assert.match(stderr, /^phi-guard\.json:3:5: error: /m);
});
