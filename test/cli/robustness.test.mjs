// `phi-guard scan` on a tree that fights back (issue 9, "CLI robustness"): unreadable files,
// symlink loops, files deleted between listing and reading, non-UTF-8 file names. Each is an
// error notice (stderr in text output, `notices` in JSON, a tool notification in SARIF), the scan
// goes on with the other files, and the run fails with exit code 2: a source file nobody could
// read may hold anything, so it is never a pass (docs/reliability.md). `--allow-unanalysed`
// turns them into warnings and leaves the exit code to the findings.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { emptyTempDir, runCli, runJson, sarifSchemaErrors } from './run-cli.mjs';

const LEAK = 'import logging\nlogger = logging.getLogger(__name__)\nlogger.info("found %s", patient.ssn)\n';
const CLEAN = 'def add(a, b):\n    return a + b\n';

/** A project with one finding in `app/leak.py`, plus whatever `extra` adds. */
function project(extra) {
  const dir = emptyTempDir('robust');
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'phi-guard.json'), '{}');
  writeFileSync(path.join(dir, 'app', 'leak.py'), LEAK);
  writeFileSync(path.join(dir, 'app', 'clean.py'), CLEAN);
  extra(dir);
  return dir;
}

function noticesFor(report, file) {
  return report.notices.filter((notice) => notice.file === file);
}

describe('unreadable files', () => {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it('are a notice; the other files are scanned', { skip: runningAsRoot ? 'running as root: chmod 000 does not stop root from reading (as in CI containers)' : false }, () => {
    const dir = project((root) => {
      writeFileSync(path.join(root, 'app', 'secret.py'), LEAK);
      chmodSync(path.join(root, 'app', 'secret.py'), 0o000);
    });
    try {
      const { status, report } = runJson(['scan', '.'], { cwd: dir });
      assert.equal(status, 2, 'a file not read fails the run');
      const notices = noticesFor(report, 'app/secret.py');
      assert.equal(notices.length, 1);
      assert.equal(notices[0].kind, 'unreadable');
      assert.equal(notices[0].level, 'error');
      assert.match(notices[0].message, /EACCES/);
      assert.ok(report.findings.some((finding) => finding.file === 'app/leak.py'));
    } finally {
      chmodSync(path.join(dir, 'app', 'secret.py'), 0o644);
    }
  });

  it('an unreadable folder is a notice too', { skip: runningAsRoot ? 'running as root: chmod 000 does not stop root from reading (as in CI containers)' : false }, () => {
    const dir = project((root) => {
      mkdirSync(path.join(root, 'locked'));
      writeFileSync(path.join(root, 'locked', 'x.py'), LEAK);
      chmodSync(path.join(root, 'locked'), 0o000);
    });
    try {
      const { status, report } = runJson(['scan', '.'], { cwd: dir });
      assert.equal(status, 2, 'its files were not analysed');
      assert.equal(noticesFor(report, 'locked')[0]?.kind, 'unreadable');
      assert.equal(report.summary.foldersNotRead, 1);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});

describe('symbolic links', () => {
  it('a loop of file links is an error, and the scan goes on', () => {
    const dir = project((root) => {
      symlinkSync('loop_b.py', path.join(root, 'app', 'loop_a.py'));
      symlinkSync('loop_a.py', path.join(root, 'app', 'loop_b.py'));
    });
    const { status, report, stderr } = runJson(['scan', '.'], { cwd: dir });
    assert.equal(status, 2, stderr);
    assert.deepEqual(report.summary.notAnalysedByReason, { unreadable: 2 });
    for (const file of ['app/loop_a.py', 'app/loop_b.py']) {
      const [notice] = noticesFor(report, file);
      assert.equal(notice?.kind, 'unreadable', `${file}: ${JSON.stringify(report.notices)}`);
      assert.match(notice.message, /loop/);
    }
    assert.deepEqual(report.findings.map((finding) => finding.file), ['app/leak.py']);
  });

  it('a folder link that loops back up is not followed (no endless walk)', () => {
    const dir = project((root) => {
      symlinkSync('..', path.join(root, 'app', 'parent'));
      symlinkSync('.', path.join(root, 'app', 'self'));
    });
    const { status, report } = runJson(['scan', '.'], { cwd: dir });
    assert.equal(status, 1);
    assert.deepEqual(report.findings.map((finding) => finding.file), ['app/leak.py']);
  });
});

describe('a file deleted between listing and reading', () => {
  it('(a dangling link: listed, gone when read) is an error, and the scan goes on', () => {
    const dir = project((root) => {
      writeFileSync(path.join(root, 'app', 'gone.py'), LEAK);
      symlinkSync('gone.py', path.join(root, 'app', 'link_to_gone.py'));
      rmSync(path.join(root, 'app', 'gone.py'));
    });
    const { status, report } = runJson(['scan', '.'], { cwd: dir });
    assert.equal(status, 2);
    const [notice] = noticesFor(report, 'app/link_to_gone.py');
    assert.equal(notice?.kind, 'unreadable', JSON.stringify(report.notices));
    assert.match(notice.message, /does not exist/);
  });

  it('a file named on the command line that vanishes is a usage error (exit 2)', () => {
    const dir = project(() => {});
    const result = runCli(['scan', 'app/never_there.py'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no such file/);
  });
});

describe('non-UTF-8 file names', () => {
  it('are reported, never crash the scan', (t) => {
    const dir = project(() => {});
    // Latin-1 "café.py": the byte 0xE9 is not valid UTF-8.
    const name = Buffer.concat([Buffer.from(path.join(dir, 'app', 'caf')), Buffer.from([0xe9]), Buffer.from('.py')]);
    try {
      writeFileSync(name, LEAK);
    } catch (error) {
      t.skip(`this file system refuses non-UTF-8 names (${error.code})`);
      return;
    }
    if (!readdirSync(path.join(dir, 'app')).some((entry) => entry.includes('\ufffd'))) {
      t.skip('this platform does not decode the name with a replacement character');
      return;
    }
    const { status, report, stderr } = runJson(['scan', '.'], { cwd: dir });
    assert.equal(status, 2, stderr);
    assert.ok(report.findings.some((finding) => finding.file === 'app/leak.py'), 'the other files are scanned');
    const mangled = report.notices.filter((notice) => notice.file?.includes('\ufffd'));
    assert.equal(mangled.length, 1, JSON.stringify(report.notices));
    assert.equal(mangled[0].kind, 'unreadable');
    assert.match(mangled[0].message, /not valid UTF-8/);
  });
});

describe('every output format carries the notices', () => {
  it('text: on stderr as file: level: message [kind]; SARIF: as tool notifications', () => {
    const dir = project((root) => {
      symlinkSync('missing.py', path.join(root, 'app', 'dangling.py'));
    });
    const text = runCli(['scan', '.'], { cwd: dir });
    assert.equal(text.status, 2);
    assert.match(text.stderr, /app\/dangling\.py: error: not analysed: .*\[unreadable\]/);
    assert.match(text.stdout, /✖ 1 file not analysed \(1 unreadable\)/);
    const sarif = runCli(['scan', '.', '--format', 'sarif'], { cwd: dir });
    assert.equal(sarif.status, 2);
    const log = JSON.parse(sarif.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const notifications = log.runs[0].invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.ok(
      notifications.some((notification) => JSON.stringify(notification).includes('dangling.py')),
      JSON.stringify(log.runs[0].invocations),
    );
  });

  it('with only an unreadable file and no finding, the exit code is 2, never 0; 0 with --allow-unanalysed', () => {
    const dir = emptyTempDir('robust-clean');
    writeFileSync(path.join(dir, 'phi-guard.json'), '{}');
    writeFileSync(path.join(dir, 'ok.py'), CLEAN);
    symlinkSync('missing.py', path.join(dir, 'dangling.py'));
    const { status, report } = runJson(['scan', '.'], { cwd: dir });
    assert.equal(status, 2);
    assert.equal(noticesFor(report, 'dangling.py').length, 1);
    assert.deepEqual(report.files.map((file) => [file.file, file.analyzed]), [['dangling.py', false], ['ok.py', true]]);
    const allowed = runJson(['scan', '.', '--allow-unanalysed'], { cwd: dir });
    assert.equal(allowed.status, 0);
    assert.equal(noticesFor(allowed.report, 'dangling.py')[0].level, 'warning');
  });
});
