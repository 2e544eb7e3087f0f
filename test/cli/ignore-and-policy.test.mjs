// .gitignore files (nested ones too), the policy's `ignore` globs, the nearest policy per file,
// --policy, and broken policy files (exit 2, diagnostics with file:line:col, scan on defaults).

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, emptyTempDir, findingKeys, FIXTURES, runCli, runJson, sarifSchemaErrors } from './run-cli.mjs';

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

test('a policy nested thousands of levels deep: a positioned error, exit 2 and a full report, never an internal error', () => {
  for (const depth of [1_800, 100_000]) {
    const cwd = copyFixture('leaky');
    writeFileSync(path.join(cwd, 'phi-guard.json'), `{\n  "rules": { "phi-in-log": "warning" },\n  "ignore": ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`);
    const { status, stderr, report } = runJson(['scan'], { cwd });
    assert.equal(status, 2, stderr);
    assert.doesNotMatch(stderr, /internal error/);
    // `ignore` opens level 2 at column 13; level 65 is where the limit is passed.
    assert.match(stderr, /^phi-guard\.json:3:76: error: Nested too deeply.*\[too-deep\]$/m);
    assert.ok(report.summary.policyErrors >= 1);
    assert.ok(report.notices.some((n) => n.kind === 'policy' && n.code === 'too-deep' && n.line === 3 && n.column === 76));
    // The rest of the file still applies.
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`), ['app/patients.py phi-in-log warning', 'web/client.ts phi-in-log warning']);
  }
});

test('an extends entry with a NUL byte, an overlong path or a symlink loop: an error at that entry, for a scan of two folders', () => {
  const entries = ['./x\\u0000y.json', `./${'a'.repeat(5000)}.json`, './loop-a'];
  for (const entry of entries) {
    const cwd = copyFixture('leaky');
    symlinkSync('loop-b', path.join(cwd, 'loop-a'));
    symlinkSync('loop-a', path.join(cwd, 'loop-b'));
    writeFileSync(path.join(cwd, 'phi-guard.json'), `{\n  "extends": [\n    "${entry}"\n  ]\n}\n`);
    const { status, stderr, report } = runJson(['scan'], { cwd });
    const label = entry.slice(0, 12);
    assert.equal(status, 2, `${label}: ${stderr.slice(0, 300)}`);
    assert.doesNotMatch(stderr, /internal error/, label);
    assert.match(stderr, /^phi-guard\.json:3:5: error: `extends\[0\]`.*\[extends-(invalid|unreadable)\]$/m, label);
    assert.ok(!stderr.includes('\u0000'), label);
    // Both folders were scanned, on the defaults.
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.severity}`), ['app/patients.py error', 'web/client.ts error'], label);
  }
});

test('a policy that extends a file outside the scanned folder to turn phi-in-log off: listed in text, JSON and SARIF', () => {
  const outer = emptyTempDir('org');
  const cwd = path.join(outer, 'work', 'repo');
  cpSync(path.join(FIXTURES, 'leaky'), cwd, { recursive: true });
  writeFileSync(path.join(outer, 'x.json'), '{ "rules": { "phi-in-log": "off", "phi-access-mismatch": "info" } }\n');
  writeFileSync(path.join(cwd, 'phi-guard.json'), '{\n  "extends": ["../../x.json"],\n  "rules": { "unjustified-suppression": "info" }\n}\n');

  const text = runCli(['scan'], { cwd });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stderr, /^phi-guard: policy turns off: phi-in-log \(\.\.\/\.\.\/x\.json via phi-guard\.json\)$/m);
  assert.match(text.stderr, /^phi-guard: policy turns down: phi-access-mismatch to info, default warning \(\.\.\/\.\.\/x\.json via phi-guard\.json\)$/m);
  assert.match(text.stderr, /^phi-guard: policy turns down: unjustified-suppression to info, default warning \(phi-guard\.json\)$/m);
  assert.match(text.stderr, /^phi-guard: phi-guard\.json:2:15: note: the policy extends \.\.\/\.\.\/x\.json, which is outside the scanned folder \[policy-extends-outside\]$/m);

  const { report } = runJson(['scan'], { cwd });
  assert.deepEqual(report.policyOverrides, [
    { ruleId: 'phi-in-log', severity: 'off', defaultSeverity: 'error', policy: '../../x.json', via: ['phi-guard.json'] },
    { ruleId: 'phi-access-mismatch', severity: 'info', defaultSeverity: 'warning', policy: '../../x.json', via: ['phi-guard.json'] },
    { ruleId: 'unjustified-suppression', severity: 'info', defaultSeverity: 'warning', policy: 'phi-guard.json', via: [] },
  ]);
  const note = report.notices.find((n) => n.kind === 'policy-extends-outside');
  assert.deepEqual(note, {
    kind: 'policy-extends-outside',
    level: 'note',
    message: 'the policy extends ../../x.json, which is outside the scanned folder',
    file: 'phi-guard.json',
    line: 2,
    column: 15,
    code: 'extends-outside',
  });

  const sarif = JSON.parse(runCli(['scan', '--format', 'sarif'], { cwd }).stdout);
  assert.deepEqual(sarifSchemaErrors(sarif), []);
  const run = sarif.runs[0];
  const rules = run.tool.driver.rules.map((rule) => rule.id);
  const [invocation] = run.invocations;
  assert.deepEqual(
    invocation.ruleConfigurationOverrides.map((o) => [o.descriptor.id, rules[o.descriptor.index], o.configuration]),
    [
      ['phi-in-log', 'phi-in-log', { enabled: false }],
      ['phi-access-mismatch', 'phi-access-mismatch', { level: 'note' }],
      ['unjustified-suppression', 'unjustified-suppression', { level: 'note' }],
    ],
  );
  assert.equal(invocation.ruleConfigurationOverrides[0].properties.policy, '../../x.json');
  const outside = invocation.toolConfigurationNotifications.find((n) => n.descriptor.id === 'extends-outside');
  assert.equal(outside.level, 'note');
  assert.equal(outside.locations[0].physicalLocation.artifactLocation.uri, 'phi-guard.json');
  assert.equal(invocation.executionSuccessful, true);
});

test('an extends inside the policy folder that only raises severities: no override, no note', () => {
  const cwd = copyFixture('leaky');
  writeFileSync(path.join(cwd, 'org.json'), '{ "rules": { "phi-access-mismatch": "error" } }\n');
  writeFileSync(path.join(cwd, 'phi-guard.json'), '{ "extends": ["./org.json"] }\n');
  const { stderr, report } = runJson(['scan'], { cwd });
  assert.deepEqual(report.policyOverrides, []);
  assert.equal(stderr, '');
  assert.ok(!report.notices.some((n) => n.kind === 'policy-extends-outside'));
});
