// The pre-commit hook this repository serves (.pre-commit-hooks.yaml), run by the real pre-commit
// framework (Debian's package; `.ci/run` installs it): a throwaway project whose
// .pre-commit-config.yaml points at a local clone of this repository holding the working tree as it
// is now. pre-commit installs the hook as it would from GitHub (`npm install`, `npm pack`,
// `npm install -g`), then a staged leak blocks `git commit` with the finding printed and a clean
// commit passes.
//
// Without pre-commit the test is skipped with the reason on a developer machine, and fails under
// CI=true: CI must not pass because this check did not run.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { preCommitExcludePattern, preCommitFilesPattern, SUPPORTED_EXTENSIONS } from '../../dist/engine.js';
import { emptyTempDir, ROOT } from './run-cli.mjs';

const hooksFile = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
const field = (name) => new RegExp(`^[- ] ${name}: (.*)$`, 'm').exec(hooksFile)?.[1];

test('.pre-commit-hooks.yaml: one node hook on exactly the file types the engine reads', () => {
  assert.equal(field('id'), 'phi-guard');
  assert.equal(field('language'), 'node');
  assert.equal(field('pass_filenames'), 'true');
  assert.match(field('entry'), /^phi-guard scan --fail-on error$/);
  // SUPPORTED_EXTENSIONS (and `.env` samples) is the engine's one list of what it analyses.
  const expected = preCommitFilesPattern();
  assert.equal(field('files'), expected, 'files matches SUPPORTED_EXTENSIONS: update .pre-commit-hooks.yaml');
  assert.equal(field('exclude'), preCommitExcludePattern(), 'exclude matches the engine: update .pre-commit-hooks.yaml');
  // Python's `re` reads the same pattern; JavaScript's needs the flag moved.
  const matches = new RegExp(expected.replace('(?i)', ''), 'i');
  for (const extension of SUPPORTED_EXTENSIONS) assert.ok(matches.test(`src/x${extension.toUpperCase()}`), extension);
  assert.ok(!matches.test('README.md'));
  for (const name of ['.env', 'config/.env.example', '.env.local']) assert.ok(matches.test(name), name);
  const excluded = new RegExp(preCommitExcludePattern().replace('(?i)', ''), 'i');
  for (const name of ['package-lock.json', 'web/pnpm-lock.yaml', 'src/x.d.ts']) assert.ok(excluded.test(name), name);
  assert.ok(!excluded.test('tests/data/patients.json'));
});

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  // Fixed dates: the same working tree gives the same commit, so pre-commit reuses its installed
  // hook from one run to the next instead of installing it again.
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

// npm passes its configuration to scripts as npm_config_* variables; pre-commit sets its own
// prefix for the hook's environment, which they must not override.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const env = { ...baseEnv, ...GIT_ENV, NO_COLOR: '1', PRE_COMMIT_COLOR: 'never' };

function run(command, args, cwd, extra = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, ...extra }, timeout: 600_000 });
  if (result.error) throw result.error;
  return result;
}
function git(cwd, ...args) {
  const result = run('git', args, cwd);
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A clone of this repository at HEAD with the working tree's changes committed on top. */
function hookRepository() {
  const clone = path.join(os.tmpdir(), 'phi-guard-hook-repo');
  rmSync(clone, { recursive: true, force: true });
  if (run('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], ROOT).status !== 0) return hookRepositoryFromFiles(clone);
  git(ROOT, 'clone', '--quiet', '--shared', '--no-checkout', ROOT, clone);
  git(clone, 'checkout', '--quiet', '--detach', git(ROOT, 'rev-parse', 'HEAD').trim());
  const z = (out) => out.split('\0').filter(Boolean);
  for (const file of z(git(ROOT, 'ls-files', '-z', '--modified', '--others', '--exclude-standard'))) {
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(clone, file));
  }
  for (const file of z(git(ROOT, 'ls-files', '-z', '--deleted'))) rmSync(path.join(clone, file), { force: true });
  git(clone, 'add', '--all');
  if (git(clone, 'status', '--porcelain').trim() !== '') git(clone, 'commit', '--quiet', '--no-verify', '-m', 'working tree');
  return { clone, rev: git(clone, 'rev-parse', 'HEAD').trim() };
}

/**
 * A checkout without git history (an exported source tree): a new repository of its files, minus
 * what .gitignore lists (simple patterns only: names, `dir/`, `*.ext`).
 */
function hookRepositoryFromFiles(clone) {
  const patterns = readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const ignored = (relative) =>
    relative.split(path.sep).includes('.git') ||
    patterns.some((pattern) => {
      const name = pattern.replace(/\/$/, '');
      if (name.startsWith('*.')) return relative.endsWith(name.slice(1));
      return relative === name || relative.startsWith(`${name}${path.sep}`) || relative.split(path.sep).includes(name);
    });
  cpSync(ROOT, clone, { recursive: true, filter: (source) => !ignored(path.relative(ROOT, source)) });
  git(clone, 'init', '--quiet', '-b', 'main');
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '--no-verify', '-m', 'working tree');
  return { clone, rev: git(clone, 'rev-parse', 'HEAD').trim() };
}

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = preCommit.error || preCommit.status !== 0;
const skip = missing && process.env.CI !== 'true' ? 'pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit); CI=true makes this a failure' : false;

test('the real pre-commit framework: a staged leak blocks the commit with the finding printed, a clean commit passes', { skip, timeout: 900_000 }, () => {
  assert.ok(!missing, 'pre-commit must be installed under CI (.ci/run installs Debian\'s package)');
  const { clone, rev } = hookRepository();
  const project = emptyTempDir('pre-commit-project');
  git(project, 'init', '--quiet', '-b', 'main');
  writeFileSync(
    path.join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${JSON.stringify(clone)}\n    rev: ${rev}\n    hooks:\n      - id: phi-guard\n`,
  );
  const home = path.join(os.tmpdir(), 'phi-guard-pre-commit-home');
  // Drops the hook environments of earlier runs whose throwaway projects are gone.
  run('pre-commit', ['gc'], project, { PRE_COMMIT_HOME: home });
  const install = run('pre-commit', ['install'], project, { PRE_COMMIT_HOME: home });
  assert.equal(install.status, 0, install.stderr);
  // Installs the hook's environment now, so a failure here is told apart from the hook's verdict.
  const setup = run('pre-commit', ['install-hooks'], project, { PRE_COMMIT_HOME: home });
  assert.equal(setup.status, 0, `pre-commit could not install the hook: ${setup.stdout}${setup.stderr}`);

  writeFileSync(path.join(project, 'README.md'), 'not analysed\n');
  writeFileSync(path.join(project, 'clean.py'), 'def total(a, b):\n    return a + b\n');
  git(project, 'add', '.');
  const clean = run('git', ['commit', '-m', 'clean'], project, { PRE_COMMIT_HOME: home });
  assert.equal(clean.status, 0, `a clean commit passes: ${clean.stdout}${clean.stderr}`);
  assert.match(clean.stdout + clean.stderr, /PHI Guard.*Passed/);

  const leak = 'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info(patient.ssn)\n';
  writeFileSync(path.join(project, 'leak.py'), leak);
  // A second leak that is not staged: pre-commit stashes it, so only the staged file is checked.
  writeFileSync(path.join(project, 'unstaged.py'), leak);
  git(project, 'add', 'leak.py');
  const blocked = run('git', ['commit', '-m', 'leak'], project, { PRE_COMMIT_HOME: home });
  const output = blocked.stdout + blocked.stderr;
  assert.notEqual(blocked.status, 0, `the commit is blocked: ${output}`);
  assert.match(output, /PHI Guard.*Failed/);
  assert.match(output, /leak\.py/);
  assert.match(output, /5:\d+\s+error\s+PHI reaches a log sink `logger\.info`: ssn/);
  assert.doesNotMatch(output, /unstaged\.py/);
  assert.doesNotMatch(output, /patient\.ssn\)/, 'no source line is printed');
  assert.equal(git(project, 'rev-list', '--count', 'HEAD').trim(), '1', 'nothing was committed');
});
