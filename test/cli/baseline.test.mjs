// `phi-guard scan --baseline <git-ref | report file>` and `--changed-since <git-ref>` on real
// temporary git repositories: only the findings a branch adds are reported, whatever moved; the
// exit code follows them; the repository is left as it was.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { emptyTempDir, runCli, runJson } from './run-cli.mjs';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const HEADER = 'import logging\nlogger = logging.getLogger(__name__)\n\n';
const SSN_LEAK = 'def show(patient):\n    logger.info(patient.ssn)\n';
const DOB_LEAK = 'def born(patient):\n    logger.info(patient.date_of_birth)\n';

/** A repository whose `main` has one leak in app/a.py and a clean app/b.py. */
function repoWithOneLeak() {
  const dir = emptyTempDir('baseline');
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'app', 'a.py'), HEADER + SSN_LEAK);
  writeFileSync(path.join(dir, 'app', 'b.py'), 'def ok():\n    return 1\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'one leak');
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

const baselineTemps = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('phi-guard-baseline-'));

test('--baseline HEAD~1 on a branch that adds one leak (and moves the old one down) reports exactly that one', () => {
  const dir = repoWithOneLeak();
  // The old leak moves down three lines; a new one is added below it.
  writeFileSync(path.join(dir, 'app', 'a.py'), `${HEADER}# moved\n\n\n${SSN_LEAK}\n${DOB_LEAK}`);
  git(dir, 'commit', '-q', '-am', 'adds a leak');
  const statusBefore = git(dir, 'status', '--porcelain');

  const full = runJson(['scan', '.'], { cwd: dir });
  assert.equal(full.report.findings.length, 2);
  const { status, report, stderr } = runJson(['scan', '.', '--baseline', 'HEAD~1'], { cwd: dir });
  assert.equal(status, 1);
  assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`), ['app/a.py:11 phi-in-log']);
  assert.match(report.findings[0].message, /date_of_birth/);
  assert.match(stderr, /--baseline HEAD~1: 1 finding\(s\) already there not reported/);
  // The new finding keeps the fingerprint a full run gives it.
  assert.equal(report.findings[0].fingerprint, full.report.findings.find((f) => f.line === 11).fingerprint);

  // Nothing left behind: the repository's index, work tree and worktrees are untouched.
  assert.equal(git(dir, 'status', '--porcelain'), statusBefore);
  assert.equal(git(dir, 'worktree', 'list').trim().split('\n').length, 1);
  assert.deepEqual(baselineTemps(), []);
});

test('--baseline: a branch that only moves code reports nothing and exits 0; a file not analysed still exits 2', () => {
  const dir = repoWithOneLeak();
  writeFileSync(path.join(dir, 'app', 'a.py'), `${HEADER}\n\n# just moved\n${SSN_LEAK}`);
  git(dir, 'commit', '-q', '-am', 'moves');
  const moved = runJson(['scan', '.', '--baseline', 'main'], { cwd: dir });
  assert.equal(moved.status, 0);
  assert.deepEqual(moved.report.findings, []);
  const text = runCli(['scan', '--baseline', 'main'], { cwd: dir });
  assert.equal(text.status, 0);

  writeFileSync(path.join(dir, 'app', 'blob.py'), Buffer.alloc(4096));
  assert.equal(runCli(['scan', '.', '--baseline', 'main'], { cwd: dir }).status, 2);
});

test('--baseline from a subfolder, with paths: the old tree is scanned from the same place', () => {
  const dir = repoWithOneLeak();
  writeFileSync(path.join(dir, 'app', 'b.py'), HEADER + DOB_LEAK);
  // Uncommitted changes count: the work tree is what is scanned.
  const { status, report } = runJson(['scan', 'b.py', 'a.py', '--baseline', 'HEAD'], { cwd: path.join(dir, 'app') });
  assert.equal(status, 1);
  assert.deepEqual(report.findings.map((f) => `${f.file} ${f.ruleId}`), ['b.py phi-in-log']);
});

test('--baseline FILE: an earlier JSON or SARIF report (a baseline a team commits)', () => {
  const dir = repoWithOneLeak();
  for (const format of ['json', 'sarif']) {
    const file = path.join(dir, `baseline.${format}`);
    assert.equal(runCli(['scan', 'app', '--format', format, '--output', file, '--fail-on', 'never'], { cwd: dir }).status, 0);
  }
  writeFileSync(path.join(dir, 'app', 'a.py'), `${HEADER}${DOB_LEAK}\n\n${SSN_LEAK}`);
  for (const format of ['json', 'sarif']) {
    const { status, report } = runJson(['scan', 'app', '--baseline', `baseline.${format}`], { cwd: dir });
    assert.equal(status, 1, format);
    assert.deepEqual(report.findings.map((f) => f.message.includes('date_of_birth')), [true], format);
  }
  // SARIF output after a baseline: the fingerprints of a full run.
  const sarif = JSON.parse(runCli(['scan', 'app', '--format', 'sarif', '--baseline', 'baseline.json'], { cwd: dir }).stdout);
  const full = JSON.parse(runCli(['scan', 'app', '--format', 'sarif'], { cwd: dir }).stdout);
  const [result] = sarif.runs[0].results;
  assert.equal(sarif.runs[0].results.length, 1);
  const same = full.runs[0].results.find((r) => r.locations[0].physicalLocation.region.startLine === result.locations[0].physicalLocation.region.startLine);
  assert.deepEqual(result.partialFingerprints, same.partialFingerprints);

  writeFileSync(path.join(dir, 'not-a-report.json'), '{"hello": 1}');
  const bad = runCli(['scan', 'app', '--baseline', 'not-a-report.json'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not a JSON or SARIF report/);
});

test('--baseline and --changed-since: refs that do not resolve, and no repository, are usage errors', () => {
  const dir = repoWithOneLeak();
  for (const option of ['--baseline', '--changed-since']) {
    const result = runCli(['scan', '.', option, 'no-such-branch'], { cwd: dir });
    assert.equal(result.status, 2, option);
    assert.match(result.stderr, /not a commit of this git repository|neither a report file nor a commit/);
  }
  const outside = emptyTempDir('no-git');
  const result = runCli(['scan', '.', '--changed-since', 'HEAD'], { cwd: outside });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /not inside a git repository/);
});

test('--changed-since: only files changed since the ref (committed, staged, unstaged, untracked), deleted ones skipped', () => {
  const dir = repoWithOneLeak();
  writeFileSync(path.join(dir, 'app', 'c.py'), HEADER + DOB_LEAK);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'c');
  writeFileSync(path.join(dir, 'app', 'd.py'), 'def d():\n    return 2\n'); // untracked
  writeFileSync(path.join(dir, 'app', 'b.py'), 'def ok():\n    return 3\n'); // unstaged
  rmSync(path.join(dir, 'app', 'a.py')); // deleted: skipped
  const { report } = runJson(['scan', '.', '--changed-since', 'main', '--fail-on', 'never'], { cwd: dir });
  assert.deepEqual(report.files.map((f) => f.file).sort(), ['app/b.py', 'app/c.py', 'app/d.py']);
  assert.equal(report.findings.length, 1);

  // With a baseline at the same ref, only what the branch adds in those files.
  const both = runJson(['scan', '.', '--changed-since', 'main', '--baseline', 'main'], { cwd: dir });
  assert.equal(both.status, 1);
  assert.deepEqual(both.report.findings.map((f) => f.file), ['app/c.py']);
});
