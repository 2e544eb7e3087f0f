// A cold scan in worker threads analyses each file as soon as the summaries its analysis reads
// (what it imports, directly or not) are in (scan-runner.ts, pipelinedScan). These projects are
// built so that callers are discovered before the helpers they import, imports form a cycle, and
// some imports lead to files the scan was not asked for: the report must be the one the main
// thread gives, and the one workers give with the whole index (the unpipelined path).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyTempDir, runCli } from './run-cli.mjs';

const FILES = {
  'app/__init__.py': '',
  // Discovered first, imports a helper discovered last: its analysis waits for that summary, and for what the helper imports.
  'app/a_routes.py': `from app.z_helpers import relay


def admit(patient):
    relay(patient.ssn)
`,
  // The same helper given no PHI: no finding.
  'app/b_clean.py': `from app.z_helpers import relay


def admit(ward):
    relay(ward.code)
`,
  // A cycle: m_log imports z_helpers, which imports m_log.
  'app/m_log.py': `import logging

from app import z_helpers

logger = logging.getLogger(__name__)


def write(value):
    logger.info("relayed %s", value)


def unused():
    return z_helpers.relay
`,
  'app/z_helpers.py': `from app.m_log import write


def relay(value):
    write(value)
`,
};

function project() {
  const dir = emptyTempDir('pipelined');
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function scan(dir, targets, jobs, env = {}) {
  const { status, stdout } = runCli(['scan', ...targets, '--format', 'json', '--fail-on', 'never', '--jobs', String(jobs)], { cwd: dir, env });
  assert.equal(status, 0);
  return stdout;
}

const findingsIn = (stdout, file) => JSON.parse(stdout).findings.filter((f) => f.file === file);

describe('scan: pipelined cold scan in workers', () => {
  test('a caller discovered before the helpers it imports (through a cycle) gets the leak; the same call without PHI does not', () => {
    const dir = project();
    const pipelined = scan(dir, ['.'], 2);
    const leak = findingsIn(pipelined, 'app/a_routes.py');
    assert.deepEqual(
      leak.map((f) => [f.ruleId, f.line]),
      [['phi-in-log', 5]],
    );
    assert.equal(leak[0].flow.at(-1).file, 'app/m_log.py');
    assert.deepEqual(findingsIn(pipelined, 'app/b_clean.py'), []);
    assert.equal(pipelined, scan(dir, ['.'], 1), 'the main thread reports the same');
    assert.equal(pipelined, scan(dir, ['.'], 2, { PHI_GUARD_TEST_INDEX_SLICES: 'never' }), 'workers with the whole index report the same');
  });

  test('callers scanned without the helpers they import (summarised after the workers pass) report what the main thread reports', () => {
    const dir = project();
    const targets = ['app/a_routes.py', 'app/b_clean.py'];
    const pipelined = scan(dir, targets, 2);
    assert.deepEqual(JSON.parse(pipelined).files.map((f) => f.file), targets);
    assert.deepEqual(findingsIn(pipelined, 'app/a_routes.py').map((f) => f.line), [5]);
    assert.deepEqual(findingsIn(pipelined, 'app/b_clean.py'), []);
    assert.equal(pipelined, scan(dir, targets, 1));
  });
});
