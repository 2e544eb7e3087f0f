// `phi-guard init`: writes the starter policy, refuses to overwrite without --force.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import { emptyTempDir, runCli } from './run-cli.mjs';

test('init writes a valid starter phi-guard.json', () => {
  const cwd = emptyTempDir('init');
  const { status, stdout } = runCli(['init'], { cwd });
  assert.equal(status, 0);
  assert.match(stdout, /Created phi-guard\.json/);
  const file = path.join(cwd, 'phi-guard.json');
  assert.ok(existsSync(file));
  const errors = [];
  const policy = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: false });
  assert.deepEqual(errors, []);
  assert.equal(typeof policy, 'object');
  // The starter file itself is a valid policy: a scan next to it reports no policy problem.
  writeFileSync(path.join(cwd, 'app.py'), 'count = 0\n');
  const scan = runCli(['scan'], { cwd });
  assert.equal(scan.status, 0, scan.stderr);
  assert.equal(scan.stderr, '');
});

test('init refuses to overwrite an existing file; --force does', () => {
  const cwd = emptyTempDir('init');
  const file = path.join(cwd, 'phi-guard.json');
  writeFileSync(file, '{ "ignore": ["legacy/**"] }\n');
  const refused = runCli(['init'], { cwd });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /already exists.*--force/);
  assert.equal(readFileSync(file, 'utf8'), '{ "ignore": ["legacy/**"] }\n');

  const forced = runCli(['init', '--force'], { cwd });
  assert.equal(forced.status, 0);
  assert.notEqual(readFileSync(file, 'utf8'), '{ "ignore": ["legacy/**"] }\n');
});

test('init takes no paths', () => {
  const cwd = emptyTempDir('init');
  assert.equal(runCli(['init', 'somewhere'], { cwd }).status, 2);
  assert.ok(!existsSync(path.join(cwd, 'phi-guard.json')));
});
