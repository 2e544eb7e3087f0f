// `phi-guard coverage`: every endpoint of a multi-framework project, JSON / Markdown / text
// output, the percentage, and `--min` exit codes.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { copyCoverageProject } from '../support/coverage-project.mjs';
import { ROOT, runCli } from './run-cli.mjs';

const dirs = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyCoverageFixture(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `phi-guard-coverage-${name}-`));
  dirs.push(dir);
  if (name === 'project') copyCoverageProject(dir);
  else cpSync(path.join(ROOT, 'test', 'fixtures', 'coverage', name), dir, { recursive: true });
  return dir;
}

describe('phi-guard coverage', () => {
  const project = copyCoverageFixture('project');

  test('--format json lists every endpoint of every framework with the report schema', () => {
    const { status, stdout } = runCli(['coverage', '--format', 'json'], { cwd: project });
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.summary).sort(), ['covered', 'endpoints', 'mismatched', 'missing', 'percent', 'phiEndpoints', 'suppressed']);
    const frameworks = new Set(report.endpoints.map((e) => e.framework));
    assert.deepEqual([...frameworks].sort(), ['django', 'express', 'fastapi', 'nestjs']);
    for (const endpoint of report.endpoints) {
      for (const key of ['file', 'line', 'column', 'methods', 'path', 'handler', 'touchesPhi', 'covered', 'status', 'categories', 'problems']) {
        assert.ok(key in endpoint, `${key} in ${JSON.stringify(endpoint)}`);
      }
      assert.ok(!path.isAbsolute(endpoint.file) && !endpoint.file.includes('\\'));
    }
    const find = (file, line) => report.endpoints.find((e) => e.file === file && e.line === line);
    assert.deepEqual(
      pick(find('api/patients.py', 20), ['methods', 'path', 'touchesPhi', 'covered', 'status', 'action', 'data_category', 'roles']),
      { methods: ['GET'], path: '/api/patients/{pid}/labs', touchesPhi: true, covered: true, status: 'covered', action: 'read', data_category: ['clinical'], roles: ['clinician'] },
    );
    assert.equal(find('api/patients.py', 15).status, 'missing');
    assert.equal(find('api/patients.py', 26).status, 'mismatch');
    assert.match(find('api/patients.py', 26).problems[0], /expected "write"/);
    assert.equal(find('api/patients.py', 64).touchesPhi, false, '/version does not touch PHI');
    // Django views get their path from the URLconfs (include() prefix applied).
    assert.equal(find('clinic/views.py', 9).path, '/clinic/patients/<int:pk>/');
    assert.equal(find('clinic/views.py', 15).status, 'missing');
    assert.equal(find('clinic/views.py', 19).touchesPhi, false);
    assert.equal(find('web/routes.ts', 10).path, '/api/patients');
    assert.equal(find('web/patients.controller.ts', 10).path, '/patients');

    const phi = report.endpoints.filter((e) => e.touchesPhi);
    const covered = phi.filter((e) => e.covered).length;
    assert.equal(report.summary.phiEndpoints, phi.length);
    assert.equal(report.summary.covered, covered);
    assert.equal(report.summary.percent, Math.round((covered / phi.length) * 1000) / 10);
    assert.equal(report.summary.endpoints, report.endpoints.length);
  });

  test('--format markdown renders a table and the percentage', () => {
    const { status, stdout } = runCli(['coverage', '--format', 'markdown'], { cwd: project });
    assert.equal(status, 0);
    assert.match(stdout, /^# Audit coverage/);
    assert.match(stdout, /\*\*\d+(\.\d)?%\*\* of the endpoints that touch patient data/);
    assert.match(stdout, /\| File \| Line \| Method \| Path \| Handler \| Framework \| Touches PHI \| Covered \| Status \| Action \| Data category \| Roles \|/);
    assert.match(stdout, /\| api\/patients\.py \| 20 \| GET \| `\/api\/patients\/\{pid\}\/labs` \| `labs` \| FastAPI \| yes \(clinical, demographics\) \| yes \| covered \| read \| clinical \| clinician \|/);
    assert.match(stdout, /## Mismatched audit controls/);
  });

  test('text output groups by file and ends with the summary', () => {
    const { status, stdout } = runCli(['coverage'], { cwd: project });
    assert.equal(status, 0);
    assert.match(stdout, /^api\/patients\.py$/m);
    assert.match(stdout, /MISSING\s+GET \/api\/patients\s+list_patients/);
    assert.match(stdout, /Audit coverage: \d+(\.\d)?% \(\d+\/\d+ PHI endpoints covered/);
  });

  test('--min: exit 1 below, 0 at or above; a bad value is a usage error', () => {
    const below = runCli(['coverage', '--min', '90', '--format', 'json'], { cwd: project });
    assert.equal(below.status, 1);
    assert.match(below.stderr, /below --min 90%/);
    assert.equal(runCli(['coverage', '--min', '10'], { cwd: project }).status, 0);
    const covered = copyCoverageFixture('covered');
    const full = runCli(['coverage', '--min', '100', '--format', 'json'], { cwd: covered });
    assert.equal(full.status, 0);
    assert.equal(JSON.parse(full.stdout).summary.percent, 100);
    assert.equal(runCli(['coverage', '--min', 'lots'], { cwd: project }).status, 2);
    assert.equal(runCli(['coverage', '--min', '120'], { cwd: project }).status, 2);
  });

  test('paths narrow the report; --output writes the file', () => {
    const out = path.join(project, 'out', 'coverage.json');
    const { status, stderr } = runCli(['coverage', 'web', '--format', 'json', '--output', out], { cwd: project });
    assert.equal(status, 0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(report.endpoints.every((e) => e.file.startsWith('web/')));
    assert.match(stderr, /Audit coverage:/);
  });

  test('after `phi-guard fix` no endpoint is missing its audit control and every file parses', () => {
    const dir = copyCoverageFixture('project');
    runCli(['fix'], { cwd: dir });
    const { report } = { report: JSON.parse(runCli(['coverage', '--format', 'json'], { cwd: dir }).stdout) };
    assert.deepEqual(report.endpoints.filter((e) => e.status === 'missing').map((e) => `${e.file}:${e.line}`), []);
    const scan = JSON.parse(runCli(['scan', '--format', 'json', '--fail-on', 'never'], { cwd: dir }).stdout);
    const text = JSON.stringify(scan);
    assert.doesNotMatch(text, /missing-phi-access/);
    assert.doesNotMatch(text, /syntax-errors/);
  });
});

function pick(object, keys) {
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}
