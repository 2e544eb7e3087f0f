// The scaffolded code actually runs (issue 7). `phi-guard scaffold` writes a FastAPI and an
// Express project into temporary folders; the generated pytest file (plus extra runtime checks)
// runs under Debian's python3-fastapi / python3-httpx / python3-pytest, and the generated node
// test under Node with express + supertest (devDependencies): an allowed role gets 2xx and one
// audit event with every field, a forbidden role gets 403 and a denied event, and the handler
// never runs. The Next.js route handlers' test runs bundled by esbuild.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { repoRoot } from '../support/engine.mjs';
import { runCli } from '../scaffold/load-scaffold.mjs';

const DEBIAN_PACKAGES = ['python3-fastapi', 'python3-httpx', 'python3-pytest'];
// Debian's packages install for Debian's interpreter, not whatever `python3` is first on PATH.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const tempDirs = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, ...options });
  return { status: result.error ? -1 : result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

function hasPythonDeps() {
  return run(PYTHON, ['-c', 'import fastapi, httpx, pytest']).status === 0;
}

/** Installs the Debian packages when missing. Returns a reason to skip, or undefined when ready. */
function ensurePythonDeps() {
  if (hasPythonDeps()) return undefined;
  if (run('sh', ['-c', 'command -v apt-get']).status !== 0) {
    return `apt-get is not available, so ${DEBIAN_PACKAGES.join(', ')} cannot be installed: the generated FastAPI tests were not run`;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = run('apt-get', ['install', '-y', '--no-install-recommends', ...DEBIAN_PACKAGES], { env });
  if (install.status !== 0) {
    run('apt-get', ['update'], { env });
    install = run('apt-get', ['install', '-y', '--no-install-recommends', ...DEBIAN_PACKAGES], { env });
  }
  assert.equal(install.status, 0, `apt-get install ${DEBIAN_PACKAGES.join(' ')} failed (CI runs as root):\n${install.output.slice(-2000)}`);
  assert.ok(hasPythonDeps(), `${PYTHON} still cannot import fastapi, httpx and pytest after installing ${DEBIAN_PACKAGES.join(', ')}`);
  return undefined;
}

function scaffold(dir, args) {
  const result = runCli(['scaffold', ...args, '--out', dir], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /finding/);
  return result.stdout.trim().split('\n');
}

describe('generated FastAPI code runs', { concurrency: true }, () => {
  const skip = ensurePythonDeps();

  test('lab_result (nested under the patient), all operations, plus the runtime checks', { skip }, () => {
    const dir = tempDir('phi-guard-fastapi-');
    writeFileSync(path.join(dir, 'requirements.txt'), 'fastapi\n');
    scaffold(dir, ['--resource', 'lab_result', '--category', 'clinical', '--roles', 'clinician', '--with-runtime']);
    copyFileSync(path.join(repoRoot, 'test/scaffold/test_runtime_extra.py'), path.join(dir, 'tests/test_runtime_extra.py'));
    const pytest = run(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], { cwd: dir, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    assert.equal(pytest.status, 0, pytest.output);
    // 4 operations x (allowed, forbidden) + unauthenticated = 9 generated tests, plus the extra checks.
    assert.match(pytest.output, /\b(1[6-9]|[2-9]\d) passed\b/, pytest.output);
  });

  test('patient (the record itself), demographics, two roles, a subset of operations', { skip }, () => {
    const dir = tempDir('phi-guard-fastapi-');
    scaffold(dir, ['--framework', 'fastapi', '--resource', 'patient', '--category', 'demographics', '--roles', 'clinician,billing', '--operations', 'read,update,create', '--with-runtime']);
    const pytest = run(PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], { cwd: dir, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    assert.equal(pytest.status, 0, pytest.output);
    assert.match(pytest.output, /\b7 passed\b/, pytest.output);
  });
});

describe('generated Express code runs', { concurrency: true }, () => {
  for (const [format, resource, extra] of [
    ['commonjs', 'lab_result', ['--category', 'clinical']],
    ['esm', 'patient', ['--category', 'demographics', '--roles', 'billing']],
    ['commonjs', 'claim', ['--category', 'billing', '--operations', 'read,delete']],
  ]) {
    test(`${resource} (${format})`, () => {
      const dir = tempDir('phi-guard-express-');
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scaffolded', private: true, ...(format === 'esm' ? { type: 'module' } : {}), dependencies: { express: '*' } }));
      // express and supertest come from this repository's devDependencies.
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const files = scaffold(dir, ['--resource', resource, ...extra, '--with-runtime']);
      const testFile = files.find((f) => f.endsWith('.test.js'));
      // A child `node --test` inside a test file only runs when it does not inherit the runner's context.
      const { NODE_TEST_CONTEXT: _, ...env } = process.env;
      const node = run(process.execPath, ['--test', path.relative(dir, path.resolve(dir, testFile))], { cwd: dir, env });
      assert.equal(node.status, 0, node.output);
      assert.match(node.output, /# fail 0/);
      assert.match(node.output, /# pass [1-9]/);
    });
  }
});

describe('generated Next.js code runs', { concurrency: true }, () => {
  // The route handlers are Web-standard (Request / Response, which Node has): the generated
  // TypeScript test is bundled with esbuild (a devDependency) and run under plain `node --test`.
  for (const [resource, extra] of [
    ['lab_result', ['--category', 'clinical']],
    ['patient', ['--category', 'demographics', '--roles', 'billing', '--operations', 'read,delete']],
  ]) {
    test(resource, () => {
      const dir = tempDir('phi-guard-nextjs-');
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scaffolded', private: true, dependencies: { next: '15.0.0' } }));
      const files = scaffold(dir, ['--resource', resource, ...extra, '--with-runtime']);
      const testFile = files.find((f) => f.endsWith('.test.ts'));
      assert.ok(testFile, files.join('\n'));
      const bundled = path.join(dir, 'bundled.test.mjs');
      esbuild.buildSync({ entryPoints: [path.resolve(dir, testFile)], bundle: true, platform: 'node', format: 'esm', outfile: bundled, logLevel: 'error' });
      const { NODE_TEST_CONTEXT: _, ...env } = process.env;
      const node = run(process.execPath, ['--test', bundled], { cwd: dir, env });
      assert.equal(node.status, 0, node.output);
      assert.match(node.output, /# fail 0/);
      assert.match(node.output, /# pass [1-9]/);
    });
  }
});
