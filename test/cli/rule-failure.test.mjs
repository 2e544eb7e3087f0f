// A rule that throws on a file leaves that file only partly analysed: the scan says so and fails
// (exit 2) like a file that was not analysed at all, unless --allow-unanalysed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { CLI, emptyTempDir } from './run-cli.mjs';
import { throwingRulePreload } from '../support/throwing-rule-preload.mjs';

test('a rule failure fails the scan with exit 2 and is counted; --allow-unanalysed lets it pass', () => {
  const cwd = emptyTempDir('rule-failure');
  mkdirSync(path.join(cwd, 'rule-throws'));
  writeFileSync(path.join(cwd, 'rule-throws', 'app.py'), 'SECRET_WORD = "tangerine"\nprint("hello")\n');
  const preload = throwingRulePreload(CLI);
  after(preload.dispose);
  const run = (...args) => {
    const result = spawnSync(process.execPath, ['--require', preload.file, CLI, 'scan', '--jobs', '1', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.error) throw result.error;
    return result;
  };

  const text = run();
  assert.equal(text.status, 2, text.stderr);
  assert.match(text.stdout, /✖ 1 file only partly analysed \(a rule or an analysis step failed\)/);
  assert.doesNotMatch(text.stdout, /✔/);
  assert.match(text.stderr, /rule phi-to-ai failed/);
  assert.doesNotMatch(text.stdout + text.stderr, /tangerine/, 'the error message quoting the source is not echoed');

  const json = run('--format', 'json');
  assert.equal(json.status, 2);
  assert.equal(JSON.parse(json.stdout).summary.filesPartlyAnalysed, 1);

  assert.equal(run('--allow-unanalysed').status, 0);
});
