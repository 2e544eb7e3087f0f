// A rule that throws on a file leaves that file only partly analysed: the scan says so and fails
// (exit 2) like a file that was not analysed at all, unless --allow-unanalysed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, emptyTempDir } from './run-cli.mjs';

/** A --require preload (test-only) that makes `phi-to-ai` throw, with the source text in its message. */
function throwingRulePreload(dir) {
  const file = path.join(dir, 'preload.cjs');
  writeFileSync(
    file,
    `const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const target = ${JSON.stringify(path.resolve(CLI))};
const original = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (path.resolve(filename) !== target) return original(module, filename);
  const pattern = /var rules = \\[[^\\]]*\\];/;
  const source = fs.readFileSync(filename, 'utf8');
  if (!pattern.test(source)) throw new Error('throwing-rule preload: the rule registry was not found in the bundle');
  module._compile(source.replace(pattern, (registry) => registry + \`
rules.find((rule) => rule.metadata.id === 'phi-to-ai').check = (context) => {
  throw new TypeError('cannot read ' + context.facts.text.slice(0, 40));
};\`), filename);
};
`,
  );
  return file;
}

test('a rule failure fails the scan with exit 2 and is counted; --allow-unanalysed lets it pass', () => {
  const cwd = emptyTempDir('rule-failure');
  writeFileSync(path.join(cwd, 'app.py'), 'SECRET_WORD = "tangerine"\nprint("hello")\n');
  const preload = throwingRulePreload(emptyTempDir('rule-failure-preload'));
  const run = (...args) => {
    const result = spawnSync(process.execPath, ['--require', preload, CLI, 'scan', '--jobs', '1', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.error) throw result.error;
    return result;
  };

  const text = run();
  assert.equal(text.status, 2, text.stderr);
  assert.match(text.stdout, /✖ 1 file only partly analysed \(a rule failed\)/);
  assert.doesNotMatch(text.stdout, /✔/);
  assert.match(text.stderr, /rule phi-to-ai failed/);
  assert.doesNotMatch(text.stdout + text.stderr, /tangerine/, 'the error message quoting the source is not echoed');

  const json = run('--format', 'json');
  assert.equal(json.status, 2);
  assert.equal(JSON.parse(json.stdout).summary.filesPartlyAnalysed, 1);

  assert.equal(run('--allow-unanalysed').status, 0);
});
