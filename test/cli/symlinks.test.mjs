// Commands that write (`fix`, `scaffold`, `init`, `--output` reports) never write through a symbolic link: a
// repository can plant `tree/link.py -> ../outside/secret.py`, and the file outside must come
// out byte-identical, with the link named on stderr.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyTempDir, runCli } from './run-cli.mjs';

const skip = process.platform === 'win32' ? 'creating symbolic links needs extra rights on Windows' : false;

const LEAKY = ['import logging', 'logger = logging.getLogger(__name__)', 'def show(patient):', '    logger.info(f"patient {patient.name}")', ''].join('\n');

/** base/tree (scanned), base/outside (must never change); returns both paths. */
function layout() {
  const base = emptyTempDir('symlinks');
  const tree = path.join(base, 'tree');
  const outside = path.join(base, 'outside');
  mkdirSync(tree);
  mkdirSync(outside);
  return { base, tree, outside };
}

describe('fix never writes through a symbolic link', { skip }, () => {
  test('a link in the tree to a file outside it is reported, not fixed; the other files are', () => {
    const { base, tree, outside } = layout();
    writeFileSync(path.join(outside, 'secret.py'), LEAKY);
    writeFileSync(path.join(tree, 'real.py'), LEAKY);
    symlinkSync('../outside/secret.py', path.join(tree, 'link.py'));

    const { status, stdout, stderr } = runCli(['fix', 'tree'], { cwd: base });
    assert.equal(readFileSync(path.join(outside, 'secret.py'), 'utf8'), LEAKY, 'the file outside is untouched');
    assert.match(stderr, /^phi-guard: tree\/link\.py: warning: not fixed: 'tree\/link\.py' is a symbolic link; files are never written through a link \[fix-refused\]$/m);
    assert.match(stdout, /^fixed 1 problem in tree\/real\.py$/m);
    assert.doesNotMatch(stdout, /fixed .* in tree\/link\.py/);
    // Its leak is still there, so the run is not green.
    assert.equal(status, 1);
    assert.match(stdout, /^tree\/link\.py$/m);
    assert.notEqual(readFileSync(path.join(tree, 'real.py'), 'utf8'), LEAKY);
  });

  test('--dry-run says the same', () => {
    const { base, outside } = layout();
    writeFileSync(path.join(outside, 'secret.py'), LEAKY);
    symlinkSync('../outside/secret.py', path.join(base, 'tree', 'link.py'));
    const { status, stdout, stderr } = runCli(['fix', '--dry-run', 'tree'], { cwd: base });
    assert.equal(status, 1);
    assert.match(stderr, /'tree\/link\.py' is a symbolic link/);
    assert.match(stdout, /Would apply 0 fixes in 0 files\./);
  });

  test('a file named on the command line through a linked folder is not written', () => {
    const { base, tree, outside } = layout();
    writeFileSync(path.join(outside, 'inner.py'), LEAKY);
    symlinkSync('../outside', path.join(tree, 'linked'));

    const { status, stderr } = runCli(['fix', 'tree/linked/inner.py'], { cwd: base });
    assert.equal(readFileSync(path.join(outside, 'inner.py'), 'utf8'), LEAKY);
    assert.match(stderr, /tree\/linked\/inner\.py: warning: not fixed: 'tree\/linked' is a symbolic link/);
    assert.equal(status, 1);
  });

  test('a link to another file of the tree is left to that file: a note, and the run is clean', () => {
    const { base, tree } = layout();
    writeFileSync(path.join(tree, 'real.py'), LEAKY);
    symlinkSync('real.py', path.join(tree, 'alias.py'));

    const { status, stdout, stderr } = runCli(['fix', 'tree'], { cwd: base });
    assert.equal(status, 0, stdout);
    assert.match(stderr, /tree\/alias\.py: note: not fixed through the link: it points to 'tree\/real\.py', which is fixed as itself/);
    assert.match(stdout, /Applied 1 fix in 1 file\./);
  });
});

describe('scaffold never writes through a symbolic link', { skip }, () => {
  const scaffold = (extra = []) => ['scaffold', '--framework', 'fastapi', '--resource', 'lab_result', '--category', 'clinical', '--operations', 'read', ...extra];

  test('a dangling link at a target file: refused with and without --force, nothing created anywhere', () => {
    const { tree, outside } = layout();
    writeFileSync(path.join(tree, 'requirements.txt'), 'fastapi\n');
    mkdirSync(path.join(tree, 'app', 'routers'), { recursive: true });
    symlinkSync('../../../outside/planted.py', path.join(tree, 'app', 'routers', 'lab_results.py'));

    for (const extra of [[], ['--force']]) {
      const { status, stdout, stderr } = runCli(scaffold(extra), { cwd: tree });
      assert.equal(status, 2, extra.join(' '));
      assert.match(stderr, /nothing was written:\n {2}app\/routers\/lab_results\.py: 'app\/routers\/lab_results\.py' is a symbolic link/);
      assert.equal(stdout, '');
      assert.deepEqual(readdirSync(outside), [], 'nothing created outside the project');
      assert.ok(!existsSync(path.join(tree, 'tests')), 'no file of the scaffold written either');
    }
  });

  test('a linked folder on the way is refused', () => {
    const { tree, outside } = layout();
    writeFileSync(path.join(tree, 'requirements.txt'), 'fastapi\n');
    symlinkSync('../outside', path.join(tree, 'app'));
    const { status, stderr } = runCli(scaffold(['--force']), { cwd: tree });
    assert.equal(status, 2);
    assert.match(stderr, /app\/routers\/lab_results\.py: 'app' is a symbolic link/);
    assert.deepEqual(readdirSync(outside), []);
  });

  test("'--out' naming a file is a usage error", () => {
    const { tree } = layout();
    writeFileSync(path.join(tree, 'requirements.txt'), 'fastapi\n');
    const { status, stderr } = runCli(scaffold(['--out', 'requirements.txt']), { cwd: tree });
    assert.equal(status, 2);
    assert.match(stderr, /^phi-guard: '--out' requirements\.txt is a file, not a folder\nRun 'phi-guard help scaffold' for usage\.$/m);
    assert.doesNotMatch(stderr, /internal error/);
  });
});

describe('init never writes through a symbolic link', { skip }, () => {
  test('a linked phi-guard.json is refused with and without --force, whether its target exists or not', () => {
    for (const existing of [true, false]) {
      const { tree, outside } = layout();
      const target = path.join(outside, 'policy.json');
      if (existing) writeFileSync(target, '{}\n');
      symlinkSync('../outside/policy.json', path.join(tree, 'phi-guard.json'));
      for (const extra of [[], ['--force']]) {
        const { status, stdout, stderr } = runCli(['init', ...extra], { cwd: tree });
        assert.equal(status, 1, `${existing ? 'existing' : 'dangling'} ${extra.join(' ')}`);
        assert.match(stderr, /not writing phi-guard\.json: 'phi-guard\.json' is a symbolic link/);
        assert.equal(stdout, '');
        if (existing) assert.equal(readFileSync(target, 'utf8'), '{}\n');
        else assert.ok(!existsSync(target));
      }
    }
  });
});

describe('--output never writes through a symbolic link', { skip }, () => {
  test('a link planted at the report file is refused (exit 2) by scan and coverage; its target is untouched', () => {
    const { tree, outside } = layout();
    writeFileSync(path.join(tree, 'app.py'), 'count = 0\n');
    writeFileSync(path.join(outside, 'profile'), 'keep me\n');
    symlinkSync('../outside/profile', path.join(tree, 'report.json'));
    for (const command of ['scan', 'coverage']) {
      const { status, stderr } = runCli([command, '--format', 'json', '--output', 'report.json'], { cwd: tree });
      assert.equal(status, 2, command);
      assert.match(stderr, /^phi-guard: not writing the report to 'report\.json': 'report\.json' is a symbolic link; files are never written through a link$/m);
      assert.equal(readFileSync(path.join(outside, 'profile'), 'utf8'), 'keep me\n');
    }
  });
});

test('--output /dev/null (a character device, not a link) is written, not refused', () => {
  const cwd = emptyTempDir('output-dev-null');
  writeFileSync(path.join(cwd, 'app.py'), 'print("hello")\n');
  const result = runCli(['scan', '--format', 'json', '--output', '/dev/null'], { cwd });
  assert.equal(result.status, 0, result.stderr);
});
